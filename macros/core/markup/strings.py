"""Interface texts of the site (labels, headings, notes), one entry per key and language.

They live in `data/ui.yml` rather than in `mkdocs.yml`'s `extra`, because mkdocs-macros
copies `extra` before mkdocs-static-i18n applies the per-language values.
"""

from __future__ import annotations

from typing import Any

from ..records.langs import LANGUAGES, check_language
from ..records.types import character_problem
from ..checking.messages import msg
from ..checking.problems import Problem, allowed
from .safe import HTML, template


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

    def html(self, key: str, lang: str, **values: Any) -> HTML:
        """The text as HTML; each value put into its slot is escaped unless it is `HTML`."""
        return template(self(key, lang)).format(**values)


def read_strings(data: Any, path: str) -> tuple[Strings | None, list[Problem]]:
    """Every key must have a non-empty text in every language of the site, and nothing else."""
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "", msg("ui.not_a_table"))]
    problems, table = [], {}
    for key, texts in data.items():
        line = data.lines[key]
        if not isinstance(texts, dict):
            problems.append(Problem(path, line, key, msg("ui.not_languages")))
            continue
        for lang in texts:
            if lang not in LANGUAGES:
                problems.append(Problem(path, texts.lines[lang], f"{key}.{lang}", msg("ui.unknown_language", allowed=allowed(LANGUAGES))))
        for lang in LANGUAGES:
            value = texts.get(lang)
            if lang not in texts:
                problems.append(Problem(path, line, f"{key}.{lang}", msg("field.missing")))
            elif not isinstance(value, str) or not value.strip():
                problems.append(Problem(path, texts.lines[lang], f"{key}.{lang}", msg("ui.empty")))
            elif character_problem(value, one_line=False):
                problems.append(Problem(path, texts.lines[lang], f"{key}.{lang}", character_problem(value, one_line=False)))
        table[key] = {lang: str(texts.get(lang, "")).strip() for lang in LANGUAGES}
    return (None if problems else Strings(table)), problems
