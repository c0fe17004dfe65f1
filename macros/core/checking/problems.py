"""Problems found in data files, reported to editors as `path:line: field: message`.

A problem is an error (the data cannot be published) or a warning (printed as
`path:line: Warnung: field: message`; it does not fail the check). Its message is a
catalogue message (macros/core/checking/messages.py) shown in German or English.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Iterable

from .messages import Msg, language, msg, render

ERROR = "error"
WARNING = "warning"
CLOSE_MATCH = 0.8  # how alike a word and a suggestion must be (difflib ratio) for "did you mean"
DIGITS = re.compile(r"\d+")


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: Msg | str  # a plain string only from code that does not use the catalogue
    severity: str = ERROR

    def text(self, lang: str | None = None) -> str:
        lang = language(lang)
        warning = f" {render(msg('severity.warning'), lang)}:" if self.severity == WARNING else ""
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{warning}{field} {render(self.message, lang)}"

    def __str__(self) -> str:
        return self.text()

    def _key(self) -> tuple:
        return (self.path, self.line, self.field, self.severity, render(self.message, "en"))

    def __lt__(self, other: "Problem") -> bool:
        return self._key() < other._key()


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def did_you_mean(word: str, choices: Iterable[str]) -> Msg | None:
    """A "did you mean 'x'?" hint for a near miss, else None.

    Only for close matches, and never from one number to another: phase-10 is not a typo
    of phase-1, and material-99 is no typo of material-42.
    """
    candidates = [c for c in choices if DIGITS.findall(c) == DIGITS.findall(word)]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=CLOSE_MATCH)
    return msg("hint.did_you_mean", word=close[0]) if close else None


def allowed(choices: Iterable[str]) -> str:
    return ", ".join(sorted(choices))


def _plural(count: int, noun: str) -> Msg:
    return msg(f"noun.{noun}.{'one' if count == 1 else 'many'}")


def summary(problems: list[Problem], lang: str | None = None) -> str:
    """'3 Probleme in 2 Dateien' (with ', 1 Warnung' when there are warnings)."""
    lang = language(lang)
    found = errors(problems)
    warnings = [p for p in problems if p.severity == WARNING]
    main = found or warnings
    noun = "warning" if warnings and not found else "problem"
    files = len({p.path for p in main})
    text = render(msg("summary.count", count=len(main), noun=_plural(len(main), noun),
                      files=files, files_noun=_plural(files, "file")), lang)
    if found and warnings:
        text += ", " + render(msg("summary.also", count=len(warnings), noun=_plural(len(warnings), "warning")), lang)
    return text


def report(problems: list[Problem], lang: str | None = None) -> str:
    """All problems, sorted by file and line, then a count."""
    lines = [p.text(lang) for p in sorted(problems)]
    lines.append(summary(problems, lang))
    return "\n".join(lines)
