"""Problems found in data files, reported to editors as `path:line: field: message`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a near miss, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def allowed(choices: Iterable[str]) -> str:
    return ", ".join(sorted(choices))


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, then a count."""
    lines = [str(p) for p in sorted(problems)]
    count = len(problems)
    files = len({p.path for p in problems})
    noun = "problem" if count == 1 else "problems"
    lines.append(f"{count} {noun} in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines)
