"""The editors' guide quotes the checker word for word.

CONTRIBUTING.md, section 3, has a table of the messages of `make check` as editors see them:
in German, `path:line: field: message`. Each message quoted in the table's first column must
be one the checker prints today: after `path:line: ` it equals a German message the tests
expect (tests/test_data_errors.py, tests/test_editable_checks.py) or fits a German template
of the message catalogue. The file name and the line number are examples; `…` in a quote
stands for any text.
"""

from __future__ import annotations

import difflib
import re
import string
from functools import cache

import pytest

import test_data_errors
import test_editable_checks
from macros.core.checking import docs_check, uitexts_check
from macros.core.checking.messages import CATALOGUE
from macros.core.records import hints
from sitebuild import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
SECTION = "## 3. Prüfmeldungen verstehen und beheben"
ELISION = "…"

#: `path:line: message` (or `path: message` for a message about the whole data folder)
LINE = re.compile(r"(?P<path>(?:data|docs)(?:/[^\s:]+)?)(?::(?P<line>\d+))?: (?P<message>.+)", re.S)
LINE_NUMBER = re.compile(r"\d+: ")
#: what may stand between `path:line: ` and a catalogue message: a warning mark, a field
PREFIX = r"(?:Warnung: )?(?:[A-Za-z_][\w.\[\]]*: )?"
#: ids of the catalogue that are parts of messages, never a message of their own
FRAGMENTS = ("value.", "hint.", "or.", "noun.", "severity.", "summary.", "check.summary_", "check.ok", "editorial.")
DID_YOU_MEAN = re.compile(r"\(meinten Sie ['{]([^'}]+)['}]\?\)")
TOKEN = re.compile(r"'([^']+)'|\{([^{}]+)\}")
DIGITS = re.compile(r"\d+")


def expected_messages() -> set[str]:
    """Every German message the tests expect, without its `line: `."""
    lines = [german for german, _ in test_data_errors.EXPECTED.values()]
    lines += [german for german, _ in test_data_errors.WARNINGS.values()]
    for table in (test_editable_checks.UI_EXPECTED, test_editable_checks.DOCS_EXPECTED):
        lines += [f"{where} {german}" for entries in table.values() for where, german, _ in entries]
    return {LINE_NUMBER.sub("", line, count=1) for line in lines}


def german_templates() -> dict[str, str]:
    """id -> German template of every message: the data check's catalogue and the checks of
    data/ui.yml and docs/ (which join that catalogue when they first speak)."""
    templates = {key: german for key, (german, _) in CATALOGUE.items()
                 if not key.startswith(("editable.", *FRAGMENTS))}
    for module in (uitexts_check, docs_check):
        templates.update({f"editable.{module.say.name}.{key}": texts["de"]
                          for key, texts in module.say.entries.items() if key != "hint"})
    return templates


@cache
def template_patterns() -> dict[str, re.Pattern]:
    """Each template as a pattern, its placeholders standing for any text."""
    patterns = {}
    for key, template in german_templates().items():
        parts = []
        for literal, field, _, _ in string.Formatter().parse(template):
            parts.append(re.escape(literal))
            if field is not None:
                parts.append(".*")
        patterns[key] = re.compile(PREFIX + "".join(parts), re.S)
    return patterns


def section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    assert SECTION in text, f"{GUIDE.name} has no section {SECTION!r}"
    body = text.split(SECTION, 1)[1]
    return re.split(r"^## ", body, maxsplit=1, flags=re.M)[0]


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row; `\\|` is a | inside a cell."""
    parts = re.split(r"(?<!\\)\|", row.strip().strip("|"))
    return [part.strip().replace("\\|", "|") for part in parts]


def table_quotes() -> list[str]:
    """The messages quoted (as `code`) in the first column of the table of messages."""
    rows = [line for line in section().splitlines() if line.startswith("|")]
    assert rows and cells(rows[0])[0].startswith("Meldung"), "the table of messages starts with a column 'Meldung'"
    quotes = []
    for row in rows[2:]:
        first, *rest = cells(row)
        if any(rest):  # not a heading row like "| **Felder** | | |"
            quotes += re.findall(r"`([^`]+)`", first)
    return quotes


def elided(quote: str) -> re.Pattern:
    """A quote as a pattern: `…` stands for any text."""
    return re.compile(".*".join(re.escape(part) for part in quote.split(ELISION)), re.S)


def known(message: str) -> bool:
    """Whether the checker prints `message` (the part after `path:line: `)."""
    pattern = elided(message)
    if any(pattern.fullmatch(expected) for expected in expected_messages()):
        return True
    return any(template.fullmatch(message) for template in template_patterns().values())


def suggestion_fits(line: str) -> bool:
    """A "meinten Sie 'x'?" in a quote is one the checker would make: close to a word before
    it, with the same numbers (phase-10 is no typo of phase-1), or the code of a country or
    state named before it, or the date written before it the German way."""
    found = DID_YOU_MEAN.search(line)
    if not found:
        return True
    before = line[:found.start()]
    words = {a or b for a, b in TOKEN.findall(before)}
    words |= {part for part in re.split(r"[\s:/]+", before) if part}
    words = {word.removeprefix("| ") for word in words}
    suggestion = found.group(1)
    if any(suggestion in (hints.country_code(word), hints.state_code(word), hints.iso_date(word)) for word in words):
        return True  # a name or a German date, read as the code or date it stands for
    return any(DIGITS.findall(word) == DIGITS.findall(suggestion)
               and difflib.SequenceMatcher(None, word, suggestion).ratio() >= 0.6
               for word in words if word != suggestion)


QUOTES = table_quotes()


def test_the_table_quotes_many_messages_with_warnings_and_the_checks_of_ui_and_docs():
    assert len(QUOTES) >= 40
    assert any(": Warnung: " in quote for quote in QUOTES)
    assert any(quote.startswith("data/ui.yml:") for quote in QUOTES)
    assert any(quote.startswith("docs/") for quote in QUOTES)


@pytest.mark.parametrize("quote", QUOTES, ids=range(1, len(QUOTES) + 1))
def test_every_quoted_message_is_one_the_checker_prints_in_german(quote):
    line = LINE.fullmatch(quote)
    assert line, f"not a message line `path:line: message`: {quote}"
    assert known(line["message"]) or (line["line"] is None and known(quote)), (
        f"CONTRIBUTING.md quotes a message the checker does not print (in German): {quote}")
    assert suggestion_fits(quote), f"the checker would not suggest this: {quote}"


def test_the_examples_in_code_blocks_are_german_messages_too():
    examples, fence = [], None
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = None if fence is not None else line[3:].strip()
        elif fence == "" and LINE.fullmatch(line) and LINE.fullmatch(line)["line"]:
            examples.append(line)
    assert examples
    for example in examples:
        assert known(LINE.fullmatch(example)["message"]) and suggestion_fits(example), example


def test_the_matching_is_not_trivial():
    assert known("relationship: 'twining' ist nicht erlaubt (meinten Sie 'twinning'?); erlaubt: project, thematic, twinning")
    assert known("german.kind: 'town' ist nicht erlaubt; erlaubt: …")
    assert not known("relationship: 'twining' is not allowed (did you mean 'twinning'?); allowed: project, thematic, twinning")
    assert not known("sources: required field is missing")
    assert not known("irgendein Text")
    assert not suggestion_fits("data/partnerships/x.yml:1: phase: 'phase-10' ist kein Eintrag in data/phases/ (meinten Sie 'phase-1'?)")
    assert suggestion_fits("data/partnerships/x.yml:1: phase: 'phse-1' ist kein Eintrag in data/phases/ (meinten Sie 'phase-1'?)")
