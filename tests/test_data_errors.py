"""Every kind of bad input gets the exact message an editor needs, and no traceback.

One fixture file per defect in tests/fixtures/invalid/, checked as if it were
data/partnerships/<name>.yml; the expected lines are the contract with editors.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import FIXTURES, ROOT

INVALID = FIXTURES / "invalid"
P = "data/partnerships"

EXPECTED = {
    "bad-relationship": [
        f"{P}/bad-relationship.yml:2: relationship: 'twining' is not allowed (did you mean 'twinning'?); allowed: project, thematic, twinning",
    ],
    "misspelt-key": [
        f"{P}/misspelt-key.yml:1: relationship: required field is missing",
        f"{P}/misspelt-key.yml:2: relationsip: unknown field (did you mean 'relationship'?); allowed here: climate_partnership_since, conflicts, focus, german, measures, partner, phase, relationship, relationship_note, relationship_since, sources",
    ],
    "lower-case-country": [
        f"{P}/lower-case-country.yml:11: partner.country: 'gh' is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ (use capital letters)",
    ],
    "impossible-date": [
        f"{P}/impossible-date.yml:3: climate_partnership_since: '2011-02-30' is not a real date",
    ],
    "phase-not-a-number": [
        f"{P}/phase-not-a-number.yml:1: phase: expected a whole number from 1 to 20, got 'eins'",
    ],
    "url-without-scheme": [
        f"{P}/url-without-scheme.yml:13: sources[1].url: 'www.example.org' is not a web address starting with http:// or https://",
    ],
    "missing-sources": [
        f"{P}/missing-sources.yml:1: sources: required field is missing",
    ],
    "bad-indentation": [
        f"{P}/bad-indentation.yml:10: YAML syntax error (column 8): a colon where none is expected: check the "
        "indentation, or put the text in quotes (the parser says: mapping values are not allowed here)",
    ],
    "unclosed-quote": [
        f"{P}/unclosed-quote.yml:3: YAML syntax error (column 28): a quote or bracket is opened but not "
        "closed (the parser says: found unexpected end of stream)",
    ],
    "tab-indentation": [
        f"{P}/tab-indentation.yml:6: a tab is used for indentation; indent with spaces only",
    ],
    "duplicate-key": [
        f"{P}/duplicate-key.yml:2: key 'phase' appears twice (first on line 1)",
    ],
    "empty": [
        f"{P}/empty.yml:1: the file is empty",
    ],
    "alias-bomb": [
        f"{P}/alias-bomb.yml:2: aliases (*name) are not allowed in data files; write the value out in full",
    ],
    "population-not-a-number": [
        f"{P}/population-not-a-number.yml:11: partner.population[1].value: expected a whole number from 1 to 100000000, got 'many'",
    ],
    "name-without-german": [
        f"{P}/name-without-german.yml:9: partner.name.de: required field is missing",
    ],
}


def data_with(tmp: Path, files: dict[str, bytes]) -> Path:
    data = tmp / "data"
    (data / "partnerships").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    for name, content in files.items():
        (data / "partnerships" / name).write_bytes(content)
    return data


def check(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.core.check", str(data)],
        capture_output=True, text=True, timeout=120,
    )


def test_every_invalid_fixture_has_an_expectation():
    assert {p.stem for p in INVALID.glob("*.yml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_file_gets_its_exact_message(name, tmp_path):
    data = data_with(tmp_path, {f"{name}.yml": (INVALID / f"{name}.yml").read_bytes()})
    result = check(data)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[:-1] == EXPECTED[name]
    count = len(EXPECTED[name])
    assert lines[-1] == f"{count} problem{'s' if count > 1 else ''} in 1 file"
    assert "Traceback" not in result.stderr + result.stdout


def test_all_problems_of_all_files_in_one_run(tmp_path):
    names = ["bad-relationship", "missing-sources", "empty"]
    data = data_with(tmp_path, {f"{n}.yml": (INVALID / f"{n}.yml").read_bytes() for n in names})
    result = check(data)
    lines = result.stderr.strip().splitlines()
    assert lines == sorted(line for n in names for line in EXPECTED[n]) + ["3 problems in 3 files"]


def test_file_that_is_not_utf8(tmp_path):
    content = (FIXTURES / "records" / "alpha-beta.yml").read_text(encoding="utf-8")
    content = content.replace("Deutscher Hinweis Alpha.", "Größere Stadt.")
    result = check(data_with(tmp_path, {"alpha-beta.yml": content.encode("latin-1")}))
    assert result.stderr.splitlines()[0] == (
        f"{P}/alpha-beta.yml:19: the file is not UTF-8 text; save it as UTF-8 (in the GitHub editor it always is)"
    )


def test_file_names_are_record_ids_and_no_stray_files(tmp_path):
    record = (FIXTURES / "records" / "alpha-beta.yml").read_bytes()
    result = check(data_with(tmp_path, {"Alpha_Beta.yml": record, "notes.txt": b"x"}))
    assert result.stderr.strip().splitlines() == [
        f"{P}/Alpha_Beta.yml:1: the file name is the record id: use lower-case letters a-z, digits and single "
        "hyphens (for example bonn-cape-coast.yml); write ä as ae, ö as oe, ü as ue, ß as ss",
        f"{P}/notes.txt:1: stray file in data/partnerships/: only .yml record files belong here",
        "2 problems in 2 files",
    ]


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    text = (FIXTURES / "records" / "alpha-beta.yml").read_text(encoding="utf-8")
    content = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    result = check(data_with(tmp_path, {"alpha-beta.yml": content}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "data OK: 1 partnerships"


def test_real_data_is_valid():
    result = check(ROOT / "data")
    assert result.returncode == 0, result.stderr
