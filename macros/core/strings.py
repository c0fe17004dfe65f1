"""Interface texts of the site (labels, headings, notes), one entry per key and language.

They live in `data/ui.yml` rather than in `mkdocs.yml`'s `extra`, because mkdocs-macros
copies `extra` before mkdocs-static-i18n applies the per-language values.
"""

from __future__ import annotations

import html
from typing import Any

from .fields import Reader
from .langs import LANGUAGES, check_language


class Strings:
    def __init__(self, table: dict[str, dict[str, str]]):
        self._table = table

    def keys(self) -> list[str]:
        return sorted(self._table)

    def __call__(self, key: str, lang: str, **values: Any) -> str:
        check_language(lang)
        try:
            text = self._table[key][lang]
        except KeyError:
            raise KeyError(f"no interface text '{key}' in data/ui.yml") from None
        return text.format(**values) if values else text

    def html(self, key: str, lang: str, **safe_values: str) -> str:
        """The text as HTML, with values that are already safe HTML put into its slots."""
        return html.escape(self(key, lang)).format(**safe_values)


def read_strings(data: Any, reader: Reader) -> Strings | None:
    """Every key must have a non-empty text in every language of the site."""
    if not isinstance(data, dict):
        reader.problem(1, "", "expected one entry per interface text, each with de, en and fr")
        return None
    table: dict[str, dict[str, str]] = {}
    for key, texts in data.items():
        line = reader.line(data, key)
        if reader.mapping(texts, line, key, set(LANGUAGES), set()) is None:
            continue
        values = {lang: reader.nonempty(texts.get(lang), reader.line(texts, lang), f"{key}.{lang}") for lang in LANGUAGES if lang in texts}
        if len(values) == len(LANGUAGES) and all(values.values()):
            table[key] = values
    return Strings(table) if len(table) == len(data) else None
