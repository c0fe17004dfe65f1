"""Typed readers for the values of a record; each reports problems instead of raising.

A reader gets the raw value, the container it came from (for the line number) and the
dotted field name, and returns the typed value or `None` after adding a `Problem`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from babel import Locale

from .langs import DEFAULT_LANGUAGE, LANGUAGES, Text
from .problems import Problem, allowed, did_you_mean

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
COUNTRIES = frozenset(
    code for code in Locale("en").territories if len(code) == 2 and code.isalpha() and code != "ZZ"
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


class Reader:
    """Collects the problems of one file while its values are read."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, field, message))

    @staticmethod
    def line(container: Any, key: Any) -> int:
        lines = getattr(container, "lines", None)
        if isinstance(lines, dict) and key in lines:
            return lines[key]
        if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
            return lines[key]
        return getattr(container, "line", 1)

    def mapping(self, value: Any, line: int, field: str, required: set[str], optional: set[str]):
        """Check that `value` is a mapping with the required keys and no unknown ones."""
        if not isinstance(value, dict):
            self.problem(line, field, f"expected a group of fields ({allowed(required | optional)}), got {describe(value)}")
            return None
        known = required | optional
        for key in value:
            if key not in known:
                prefix = f"{field}." if field else ""
                self.problem(
                    self.line(value, key),
                    f"{prefix}{key}",
                    f"unknown field{did_you_mean(key, known)}; allowed here: {allowed(known)}",
                )
        for key in sorted(required - set(value)):
            prefix = f"{field}." if field else ""
            self.problem(line, f"{prefix}{key}", "required field is missing")
        return value

    def text(self, value: Any, line: int, field: str) -> Text | None:
        """A reader-facing text: a plain string (same in every language) or {de, en, fr}."""
        if isinstance(value, str):
            return self.nonempty(value, line, field)
        if isinstance(value, dict):
            if self.mapping(value, line, field, {DEFAULT_LANGUAGE}, set(LANGUAGES) - {DEFAULT_LANGUAGE}) is None:
                return None
            ok = all(
                self.nonempty(value[lang], self.line(value, lang), f"{field}.{lang}") is not None
                for lang in LANGUAGES
                if lang in value
            )
            return {lang: value[lang].strip() for lang in LANGUAGES if lang in value} if ok and DEFAULT_LANGUAGE in value else None
        self.problem(line, field, f"expected a text or one text per language (de, en, fr), got {describe(value)}")
        return None

    def nonempty(self, value: Any, line: int, field: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(line, field, f"expected a non-empty text, got {describe(value)}")
            return None
        return value.strip()

    def choice(self, value: Any, line: int, field: str, vocabulary: type[Enum]):
        names = [member.value for member in vocabulary]
        if value in names:
            return vocabulary(value)
        hint = did_you_mean(str(value), names) if isinstance(value, str) else ""
        self.problem(line, field, f"'{value}' is not allowed{hint}; allowed: {allowed(names)}")
        return None

    def integer(self, value: Any, line: int, field: str, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(line, field, f"expected a whole number from {low} to {high}, got {describe(value)}")
            return None
        return value

    def boolean(self, value: Any, line: int, field: str) -> bool | None:
        if not isinstance(value, bool):
            self.problem(line, field, f"expected true or false, got {describe(value)}")
            return None
        return value

    def country(self, value: Any, line: int, field: str) -> str | None:
        if isinstance(value, str) and value in COUNTRIES:
            return value
        hint = " (use capital letters)" if isinstance(value, str) and value.upper() in COUNTRIES else ""
        self.problem(line, field, f"'{value}' is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ{hint}")
        return None

    def url(self, value: Any, line: int, field: str) -> str | None:
        if isinstance(value, str) and URL.match(value.strip()):
            return value.strip()
        self.problem(line, field, f"'{value}' is not a web address starting with http:// or https://")
        return None

    def partial_date(self, value: Any, line: int, field: str) -> PartialDate | None:
        """A year, year-month or full date: 2011, "2011-11" or "2011-11-14"."""
        if isinstance(value, datetime.date):
            return PartialDate(value.year, value.month, value.day)
        text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
        match = PARTIAL_DATE.match(text)
        if match:
            year, month, day = (int(g) if g else None for g in match.groups())
            try:
                datetime.date(year, month or 1, day or 1)
            except ValueError:
                self.problem(line, field, f"'{text}' is not a real date")
                return None
            return PartialDate(year, month, day)
        self.problem(line, field, f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {describe(value)}")
        return None

    def items(self, value: Any, line: int, field: str):
        """(item, line, field) for each entry of a list; a problem if it is not a list."""
        if not isinstance(value, list):
            self.problem(line, field, f"expected a list (lines starting with '- '), got {describe(value)}")
            return []
        return [(item, self.line(value, i), f"{field}[{i + 1}]") for i, item in enumerate(value)]


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"
