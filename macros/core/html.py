"""Safe HTML from data: every record text is escaped, and fallback text is marked.

Record text never becomes markup: `&`, `<`, `>`, quotes and also `{` and `}` are turned
into entities, so no Jinja or template syntax survives into the output files either.
"""

from __future__ import annotations

import html
import json
import re

from .langs import Picked, Text, pick
from .strings import Strings

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+!|<>-])")


def esc(value: str) -> str:
    return html.escape(value, quote=True).translate(_BRACES)


def md_heading(value: str) -> str:
    """Text for a Markdown heading: escaped for HTML and for Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", esc(value))


def inline(text: Text, lang: str, strings: Strings) -> str:
    """A short text in the page language; German fallback carries lang="de" and a note."""
    picked = pick(text, lang)
    if not picked.is_fallback(lang):
        return esc(picked.value)
    return (
        f'<span lang="{picked.lang}">{esc(picked.value)}</span> '
        f'<small class="kkp-fallback">({esc(strings("fallback.inline", lang))})</small>'
    )


def block(text: Text, lang: str, strings: Strings, tag: str = "p") -> str:
    """A paragraph in the page language; a German fallback gets a visible note before it."""
    picked: Picked = pick(text, lang)
    if not picked.is_fallback(lang):
        return f"<{tag}>{esc(picked.value)}</{tag}>"
    note = esc(strings("fallback.block", lang))
    return f'<{tag} class="kkp-fallback"><small>{note}</small><br><span lang="{picked.lang}">{esc(picked.value)}</span></{tag}>'


def link(url: str, label: str) -> str:
    return f'<a href="{esc(url)}">{esc(label)}</a>'


def fallback_page(content: str, text_lang: str, strings: Strings, page_lang: str) -> str:
    """A whole page shown in `text_lang` because it has no version in `page_lang`."""
    note = esc(strings("fallback.page", page_lang))
    return f'<p class="kkp-fallback"><small>{note}</small></p>\n<div lang="{text_lang}">\n{content}\n</div>'



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


def json_ld(data: dict) -> str:
    """A schema.org JSON-LD block; record text can neither close the script nor look like a template."""
    text = json.dumps(_hide_braces(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f'<script type="application/ld+json">{text.translate(_JSON_ESCAPES)}</script>'
