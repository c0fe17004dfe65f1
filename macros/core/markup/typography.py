"""French typography for a finished page: one filter for generated and hand-written French.

- a no-break space before `:` (U+00A0) and a narrow no-break space before `;`, `!`, `?`
  (U+202F), inserted where missing, replacing an ordinary space where there is one;
- a no-break space inside « »;
- “1er” for the first day of a month (1er mai 2011).

Only text between tags is touched: never tags and their attributes (URLs), character
references (`&amp;`), the content of script, style, code, pre, textarea and svg title-less
markup such as `<script type="application/ld+json">`, nor the text of an element marked as
another language (`lang="de"`). A colon between digits (10:30) or before `//` stays as it is:
a mark gets its space only when a space, the end of the text or a closing quote follows.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
SKIPPED = {"script", "style", "code", "pre", "textarea", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>", re.S)
_LANG = re.compile(r"""\blang\s*=\s*["']?([a-zA-Z-]+)""")
_ENTITY = re.compile(r"(&[#a-zA-Z0-9]+;)")
_SPACES = "[ \u00a0\u202f]"
_AFTER = r"(?=[\s\u00a0\u202f»”\)]|$)"
_COLON = re.compile(r"(?<=[^\s\u00a0\u202f])" + _SPACES + r"?:" + _AFTER)
_COLON_SPACED = re.compile(r"(?<=\S) :")
_MARKS = re.compile(r"(?<=[^\s\u00a0\u202f;!?:])" + _SPACES + r"?([;!?]+)" + _AFTER)
_OPEN_QUOTE = re.compile("«" + _SPACES + "?")
_CLOSE_QUOTE = re.compile(_SPACES + "?»")
_FIRST = re.compile(r"(?<![\w.,/-])1(?=" + _SPACES + "(?:" + MONTHS + r")\b)")
# a character at least one rule needs: a text without any (nor before it) stays as it is
_TRIGGER = re.compile("[:;!?«»1]")


def french_text(text: str) -> str:
    """The French rules applied to a plain text (no tags, no character references)."""
    text = _COLON.sub(NBSP + ":", text)
    text = _MARKS.sub(lambda m: NNBSP + m.group(1), text)
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    text = _CLOSE_QUOTE.sub(NBSP + "»", text)
    return _FIRST.sub("1er", text)


def _continued(before: str, part: str) -> str:
    """`part` with the rules applied as if it followed `before` (the end of the previous text
    node), without repeating what the rules do to `before` itself (a closing » gets its
    space in the node it belongs to, not again here)."""
    whole, head = french_text(before + part), french_text(before)
    return whole[len(head):] if whole.startswith(head) else french_text(part)


def _text(chunk: str, before: str) -> str:
    """`before`: the last character of the text preceding this node (after an inline tag)."""
    if not _TRIGGER.search(chunk) and not _TRIGGER.match(before):
        return chunk
    parts = []
    for part in _ENTITY.split(chunk):
        if _ENTITY.fullmatch(part):
            parts.append(part)
            before = " " if part.lower() in ("&nbsp;", "&#160;", "&#xa0;", "&#8239;", "&#x202f;") else "x"
        elif part:
            parts.append(_continued(before, part) if before.strip() else french_text(part))
            before = part[-1]
    return "".join(parts)


def french(html: str, page_lang: str = "fr") -> str:
    """`html` with French typography in every text node written in French."""
    out: list[str] = []
    skip: list[tuple[str, int]] = []  # (tag name, depth) of the element whose text is left alone
    before = ""  # last character of the previous French text node
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            match = _TAG.match(token)
            if not match or token.startswith("<!"):
                continue
            closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
            if skip and name == skip[-1][0]:
                tag, depth = skip.pop()
                depth += -1 if closing else (0 if rest.rstrip().endswith("/") else 1)
                if depth:
                    skip.append((tag, depth))
                continue
            if closing or name in VOID or rest.rstrip().endswith("/"):
                continue
            lang = _LANG.search(rest)
            if name in SKIPPED or (lang and not lang.group(1).lower().startswith(page_lang)):
                skip.append((name, 1))
            continue
        if skip:
            out.append(token)
            before = ""
        else:
            out.append(_text(token, before))
            before = token[-1]
    return "".join(out)
