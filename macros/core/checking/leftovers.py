"""Leftovers of the example records: placeholders of `_example.yml` that reached a real record.

Each data folder has a commented `_example.yml` that editors copy. Its made-up values must
not reach the site: an address on a reserved example domain (example.org, RFC 2606), a name
or a text written as a placeholder ("Beispielstadt", "Example Town", "Titel der Seite
(freiwillig)", "Ein Satz zur Partnerschaft, in eigenen Worten."). The list is taken from the
example files themselves: every text of an example that carries one of the PLACEHOLDER_MARKS,
and every address of an example on a reserved example domain (example.org). Values of an example
that are real (the programme's organisations, its address, a real event's title) are left
alone. A record holding a placeholder is an error at the line of the value.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from .messages import msg
from .problems import Problem
from .validate import Loaded, field_name
from ..records.types import describe

#: Words that make a text of an example file a placeholder (compared without case).
PLACEHOLDER_MARKS = ("beispiel", "example", "muster", "eigenen worten", "own words", "propres mots",
                     "freiwillig", "quelle a ")
#: Hosts reserved for examples (RFC 2606): an address there is never real.
RESERVED = re.compile(r"(?:^|\.)(?:example\.(?:org|com|net)|[^.]+\.example)$")
ADDRESS_HOST = re.compile(r"^(?:https?://(?:[^@/\s]+@)?|[^@\s]+@)([^/:?#\s]+)", re.I)
SPACES = re.compile(r"\s+")


def leaves(node: Any, loc: tuple = (), line: int = 1) -> Iterator[tuple[tuple, str, int]]:
    """(location, text, line) for every text in a parsed file, nested groups and lists included."""
    if isinstance(node, dict):
        lines = getattr(node, "lines", {})
        for key, value in node.items():
            yield from leaves(value, loc + (key,), lines.get(key, line))
    elif isinstance(node, list):
        lines = getattr(node, "lines", [])
        for index, value in enumerate(node):
            yield from leaves(value, loc + (index,), lines[index] if index < len(lines) else line)
    elif isinstance(node, str):
        yield loc, node, line


def _normal(text: str) -> str:
    return SPACES.sub(" ", text).strip().casefold()


def host(text: str) -> str | None:
    found = ADDRESS_HOST.match(text.strip())
    return found.group(1).lower() if found else None


def placeholders(examples: list[Loaded]) -> dict[str, tuple[str, int]]:
    """The placeholder texts of the example files: normalised text -> (example file, line)."""
    texts: dict[str, tuple[str, int]] = {}
    for example in examples:
        for _, text, line in leaves(example.raw):
            where = host(text)
            if (where and RESERVED.search(where)) or any(mark in _normal(text) + " " for mark in PLACEHOLDER_MARKS):
                texts.setdefault(_normal(text), (example.path, line))
    return texts


def check(loaded: dict[str, dict[str, Loaded]], examples: list[Loaded]) -> list[Problem]:
    """An error for every placeholder of an example file found in a record."""
    texts = placeholders(examples)
    problems = []
    for items in loaded.values():
        for item in items.values():
            for loc, text, line in leaves(item.raw):
                if _normal(text) in texts:
                    example, example_line = texts[_normal(text)]
                    message = msg("placeholder.text", value=describe(text.strip()), example=example, line=example_line)
                    problems.append(Problem(item.path, line, field_name(loc), message))
    return problems
