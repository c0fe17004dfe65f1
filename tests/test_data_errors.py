"""Every kind of bad input gets the exact message an editor needs, and no traceback.

One fixture per defect in tests/fixtures/invalid/<collection>/<defect>.yml, checked as
data/<collection>/<defect>.yml next to a small valid base (tests/fixtures/base/); the
expected lines are the contract with editors.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import FIXTURES, ROOT

INVALID = FIXTURES / "invalid"
RECORD = (FIXTURES / "records" / "alpha-beta.yml").read_bytes()

EXPECTED = {
    # YAML and files
    "partnerships/bad-indentation": "10: YAML syntax error (column 8): a colon where none is expected: check the "
    "indentation, or put the text in quotes (the parser says: mapping values are not allowed in this context)",
    "partnerships/unclosed-quote": "3: YAML syntax error (column 28): a quote or bracket is opened but not closed "
    "(the parser says: found unexpected end of stream)",
    "partnerships/tab-indentation": "6: a tab is used for indentation; indent with spaces only",
    "partnerships/duplicate-key": "2: key 'phase' appears twice (first on line 1)",
    "partnerships/empty": "1: the file is empty",
    "partnerships/alias-bomb": "1: anchors (&name) and aliases (*name) are not allowed in data files; write the value out in full",
    # fields
    "partnerships/misspelt-key": "2: relationsip: unknown field (did you mean 'relationship'?); allowed here: "
    "climate_partnership_since, conflicts, focus, german, measures, partner, phase, phase_basis, relationship, "
    "relationship_note, relationship_since, sources",
    "partnerships/missing-sources": "1: sources: required field is missing",
    "partnerships/sources-not-a-list": "12: sources: expected a list (lines starting with '- '), got 'https://example.org/alpha'",
    "partnerships/source-without-url": "13: sources[1]: give either url: (a web page) or flyer: true (the programme's flyer)",
    "partnerships/population-not-a-number": "11: partner.population[1].value: expected a whole number from 1 to 100000000, got 'many'",
    "partnerships/coordinates-out-of-range": "13: partner.coordinates.lat: expected a latitude in degrees from -90 to 90, got '95'",
    "partnerships/url-without-scheme": "13: sources[1].url: 'www.example.org' is not a web address starting with http:// or https://",
    "contacts/bad-email": "7: email: 'erika.muster(at)example.org' is not an e-mail address such as name@example.org",
    "contacts/phone-without-country-code": "7: phone: '0228 20717-338' is not a phone number in international form such as +49 228 20717-338",
    "publications/no-editions": "2: editions: needs at least 1 entry",
    # vocabularies and codes
    "partnerships/bad-relationship": "2: relationship: 'twining' is not allowed (did you mean 'twinning'?); allowed: project, thematic, twinning",
    "partnerships/kind-not-in-vocabulary": "6: german.kind: 'town' is not allowed; allowed: city, city_district, county, "
    "department, district, district_and_town, municipal_assembly, municipal_association, municipality",
    "partnerships/measure-status-misspelt": "8: measures[1].status: 'done' is not allowed; allowed: completed, ongoing, planned, studied, unknown",
    "events/status-not-in-vocabulary": "7: status: 'done' is not allowed; allowed: announced, cancelled, held, postponed, scheduled",
    "partnerships/lower-case-country": "11: partner.country: 'gh' is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ (use capital letters)",
    "partnerships/state-not-a-code": "8: german.state: 'NRW' is not a German state code; allowed: DE-BB, DE-BE, DE-BW, "
    "DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH",
    "partnerships/state-outside-germany": "12: partner.state: only German municipalities (country: DE) have a state; use region: elsewhere",
    # dates
    "partnerships/impossible-date": "3: climate_partnership_since: '2011-02-30' is not a real date",
    "phases/end-before-start": "4: period.end: end (2012) is before start (2014)",
    "events/end-before-start": "7: end: end (2014-07-01) is before start (2014-07-03)",
    # languages
    "partnerships/name-without-german": "9: partner.name.de: the German text (de:) is required",
    "partnerships/unknown-language": "11: partner.name.es: unknown language 'es'; allowed: de, en, fr",
    "phases/missing-translation": "4: region.fr: translation missing: this text must be given in de, en, fr",
    # references
    "partnerships/unknown-phase": "1: phase: 'phase-10' is not a record in data/phases/ (did you mean 'phase-1'?)",
    "events/dangling-reference": "10: documentation[1]: 'material-99' is not a record in data/publications/",
}


def data_with(tmp: Path, files: dict[str, bytes]) -> Path:
    """A data folder: the valid base, the interface texts, and `files` (path -> content)."""
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    for name, content in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(content)
    return data


def check(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.core.check", str(data)], capture_output=True, text=True, timeout=120)


def lines_of(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stdout + result.stderr
    return result.stderr.strip().splitlines()


def test_every_invalid_fixture_has_an_expectation():
    found = {f"{p.parent.name}/{p.stem}" for p in INVALID.rglob("*.yml")}
    assert found == set(EXPECTED)
    assert len(found) >= 25


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_invalid_file_gets_its_exact_message(defect, tmp_path):
    result = check(data_with(tmp_path, {f"{defect}.yml": (INVALID / f"{defect}.yml").read_bytes()}))
    assert result.returncode == 1
    assert lines_of(result) == [f"data/{defect}.yml:{EXPECTED[defect]}", "1 problem in 1 file"]


def test_all_problems_of_all_files_in_one_run(tmp_path):
    files = {f"{defect}.yml": (INVALID / f"{defect}.yml").read_bytes() for defect in EXPECTED}
    result = check(data_with(tmp_path, files))
    expected = sorted(f"data/{defect}.yml:{message}" for defect, message in EXPECTED.items())
    lines = lines_of(result)
    assert sorted(lines[:-1]) == expected
    assert lines[-1] == f"{len(EXPECTED)} problems in {len(EXPECTED)} files"


def test_file_that_is_not_utf8(tmp_path):
    content = RECORD.decode("utf-8").replace("Deutscher Hinweis Alpha.", "Größere Stadt.").encode("latin-1")
    result = check(data_with(tmp_path, {"partnerships/alpha-beta.yml": content}))
    assert lines_of(result)[0] == (
        "data/partnerships/alpha-beta.yml:28: the file is not UTF-8 text; save it as UTF-8 (in the GitHub editor it always is)"
    )


def test_file_names_are_record_ids_and_no_stray_files(tmp_path):
    files = {"partnerships/Alpha_Beta.yml": RECORD, "partnerships/notes.txt": b"x", "partnership/alpha-beta.yml": RECORD}
    assert lines_of(check(data_with(tmp_path, files))) == [
        "data/partnership:1: stray folder in data/ (did you mean 'partnerships'?): data/ holds ui.yml and the "
        "folders partnerships, phases, events, publications, series, organisations, contacts, totals",
        "data/partnerships/Alpha_Beta.yml:1: the file name is the record id: use lower-case letters a-z, digits and "
        "single hyphens (for example bonn-cape-coast.yml); write ä as ae, ö as oe, ü as ue, ß as ss",
        "data/partnerships/notes.txt:1: stray file in data/partnerships/: only .yml record files belong here",
        "3 problems in 3 files",
    ]


def test_duplicate_ids_and_duplicate_partnerships(tmp_path):
    files = {
        "partnerships/alpha-beta.yml": RECORD,
        "partnerships/alpha-beta.yaml": RECORD,
        "partnerships/alphastadt-betatown.yml": RECORD,
    }
    assert lines_of(check(data_with(tmp_path, files))) == [
        "data/partnerships/alpha-beta.yml:1: duplicate id 'alpha-beta': data/partnerships/alpha-beta.yaml has the same name; keep one file",
        "data/partnerships/alphastadt-betatown.yml:1: the same partnership as data/partnerships/alpha-beta.yaml "
        "(alphastadt – betatown); keep one record",
        "2 problems in 2 files",
    ]


def test_documentation_links_must_go_both_ways(tmp_path):
    event = (INVALID / "events" / "dangling-reference.yml").read_text(encoding="utf-8").replace("material-99", "material-42")
    publication = "editions:\n  - language: de\n    title: Vorstudie\nsources:\n  - flyer: true\n"
    files = {"events/workshop.yml": event.encode(), "publications/material-42.yml": publication.encode()}
    assert lines_of(check(data_with(tmp_path, files))) == [
        "data/events/workshop.yml:10: documentation[1]: data/publications/material-42.yml must say "
        "documents_event: workshop (the link goes both ways)",
        "1 problem in 1 file",
    ]


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    content = b"\xef\xbb\xbf" + RECORD.replace(b"\n", b"\r\n")
    result = check(data_with(tmp_path, {"partnerships/alpha-beta.yml": content}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK: 1 partnerships, 2 phases")


def test_example_records_are_checked_but_not_records(tmp_path):
    example = (ROOT / "data" / "partnerships" / "_example.yml").read_bytes()
    result = check(data_with(tmp_path, {"partnerships/_example.yml": example}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK: 0 partnerships")
    broken = example.replace(b"relationship: twinning", b"relationship: twining")
    assert lines_of(check(data_with(tmp_path / "b", {"partnerships/_example.yml": broken})))[0].startswith(
        "data/partnerships/_example.yml:10: relationship: 'twining' is not allowed"
    )


def test_real_data_is_valid():
    result = check(ROOT / "data")
    assert result.returncode == 0, result.stderr
