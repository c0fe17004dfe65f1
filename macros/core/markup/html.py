"""The one way record text becomes HTML: the `HTML` type.

`HTML` is a `markupsafe.Markup`: a string that is already safe markup. Anything else put
into it, by `HTML("<td>{}</td>").format(value)`, `HTML("\\n").join(values)` or `+`, is a plain
string and is escaped on the way in: `&`, `<`, `>`, quotes, and also `{` and `}`, so no
template syntax survives into the output either. Renderers build every fragment this way
and return `HTML`; the adapters accept nothing else (`stash.Stash.put`), so a renderer that
forgets to escape a text fails the build instead of publishing markup. Never write
`HTML(f"...")` with data inside: a test searches the code for it.

Texts that fall back to German are marked here too (`lang="de"` and a visible note).
"""

from __future__ import annotations

import json
import re

from .safe import HTML
from ..records.langs import Picked, Text, pick
from .strings import Strings

_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+!|<>-])")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


EMPTY = HTML("")
NEWLINE = HTML("\n")


def text(value) -> HTML:
    """A plain text as HTML: escaped."""
    return HTML.escape(value)


def esc(value: str) -> str:
    """The escaped text as a plain string (for attributes built outside HTML templates)."""
    return str(HTML.escape(value))


def md_heading(value: str) -> str:
    """Text for a Markdown heading: escaped for HTML and for Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", esc(" ".join(value.split())))


def paragraphs(value: str) -> list[str]:
    """A text split at its blank lines: one entry per paragraph."""
    return [part.strip() for part in _PARAGRAPH_BREAK.split(value) if part.strip()]


def inline(value: Text, lang: str, strings: Strings) -> HTML:
    """A short text in the page language; German fallback carries lang="de" and a note."""
    picked = pick(value, lang)
    if not picked.is_fallback(lang):
        return text(picked.value)
    return HTML('<span lang="{}">{}</span> <small class="kkp-fallback">({})</small>').format(
        picked.lang, picked.value, strings("fallback.inline", lang))


def block(value: Text, lang: str, strings: Strings, tag: str = "p") -> HTML:
    """A text of one or more paragraphs in the page language, each paragraph escaped.

    With `tag="p"` every paragraph is its own `<p>`; any other tag (`li`, `dd`) holds the
    paragraphs separated by line breaks. A German fallback gets a visible note first.
    """
    picked: Picked = pick(value, lang)
    parts = paragraphs(picked.value)
    fallback = picked.is_fallback(lang)
    if tag == "p" and not fallback:
        return NEWLINE.join(HTML("<p>{}</p>").format(part) for part in parts)
    body = HTML("<br><br>").join(parts)
    if fallback:
        body = HTML('<small>{}</small><br><span lang="{}">{}</span>').format(strings("fallback.block", lang), picked.lang, body)
        return HTML('<{0} class="kkp-fallback">{1}</{0}>').format(HTML(tag), body)  # trusted: tag from code
    return HTML("<{0}>{1}</{0}>").format(HTML(tag), body)  # trusted: tag from code


def link(url: str, label) -> HTML:
    return HTML('<a href="{}">{}</a>').format(url, label)


def fallback_page(content: str, text_lang: str, strings: Strings, page_lang: str) -> HTML:
    """A whole page shown in `text_lang` because it has no version in `page_lang`.

    `content` is the HTML that MkDocs made from a hand-written page (trusted)."""
    return HTML('<p class="kkp-fallback"><small>{}</small></p>\n<div lang="{}">\n{}\n</div>').format(
        strings("fallback.page", page_lang), text_lang, HTML(content))  # trusted: MkDocs' HTML of a docs/ page


# JSON-LD: "<", ">" and "&" only ever occur inside JSON strings, so they are replaced in the
# output; braces are structural too, so those inside strings are swapped for placeholders first.
_OPEN, _CLOSE = "\ue000", "\ue001"
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", _OPEN: "\\u007b", _CLOSE: "\\u007d"})


def _hide_braces(value):
    if isinstance(value, str):
        return value.replace("{", _OPEN).replace("}", _CLOSE)
    if isinstance(value, dict):
        return {key: _hide_braces(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_hide_braces(item) for item in value]
    return value


def json_ld(data: dict) -> HTML:
    """A schema.org JSON-LD block; record text can neither close the script nor look like a template."""
    encoded = json.dumps(_hide_braces(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = HTML(encoded.translate(_JSON_ESCAPES))  # trusted: JSON with <, >, & and braces escaped
    return HTML('<script type="application/ld+json">{}</script>').format(body)
