"""Downloads escape by construction: hostile record text stays inert in every file format.

The records in tests/fixtures/hostile-downloads/ hold names a spreadsheet would run as
formulas, values that would end a BibTeX field early, and markup; every writer of a download
is called on them and its exact output is asserted (CSV, GeoJSON, BibTeX, RIS, CSL-JSON, and
Atom and ICS in three languages). Control characters and line breaks in one-line texts never
reach a writer: the record types refuse them (tests/test_hostile_input.py).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from xml.etree import ElementTree

import bibtexparser
import icalendar
import pytest

from macros.core.checking import site as loader
from macros.core.files import citations, feeds, opendata
from sitebuild import FIXTURES, LANGS, ROOT

ROOT_URL = "https://kkp.example/"
FORMULA_NAMES = {
    "german_name": '\'=HYPERLINK("http://evil.example/","x")',
    "partner_name": "'+SUM(1;2)", "partner_name_en": "'-2+3", "partner_name_fr": "'@cmd|' /C calc'!A0",
}
EVENT_TITLES = {"de": "=1+1 <script>alert(1)</script>", "en": "@SUM(A1) ]]></title><x>", "fr": "-cmd & <b>gras</b>"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("downloads") / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    shutil.copytree(FIXTURES / "hostile-downloads", data, dirs_exist_ok=True)
    return loader.load_or_raise(data)


def _rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_csv_cells_that_are_formulas_are_neutralised(site):
    files = opendata.files(site, ROOT_URL)
    [partnership] = _rows(files["daten/partnerschaften.csv"])
    assert {name: partnership[name] for name in FORMULA_NAMES} == FORMULA_NAMES
    assert (partnership["partner_lat"], partnership["partner_lon"]) == ("5.1", "-1.25")  # numbers stay numbers
    [event] = _rows(files["daten/veranstaltungen.csv"])
    assert [event[f"title_{lang}"] for lang in LANGS] == ["'" + EVENT_TITLES[lang] for lang in LANGS]
    [publication] = _rows(files["daten/publikationen.csv"])
    assert (publication["title"], publication["place"]) == ("Report},note={injected", "Bonn}, title={x")


def test_json_keeps_the_text_as_data(site):
    [row] = json.loads(opendata.files(site, ROOT_URL)["daten/partnerschaften.json"])
    assert {name: row[name] for name in FORMULA_NAMES} == {name: value[1:] for name, value in FORMULA_NAMES.items()}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert opendata.cell(start + "1") == "'" + start + "1"
    assert opendata.cell("a" + start) == "a" + start
    assert opendata.cell(-1.25) == -1.25


def test_geojson_keeps_the_text_as_data(site):
    rows = opendata.partnership_rows(site, ROOT_URL)
    [feature] = json.loads(opendata.geojson(site, rows))["features"]
    assert feature["properties"]["german_name"] == '=HYPERLINK("http://evil.example/","x")'
    assert feature["properties"]["partner_name_fr"] == "@cmd|' /C calc'!A0"


def test_bibtex_values_cannot_end_their_field(site):
    entry = citations.bibtex(site, ["breakout-report"])
    assert entry == (
        "@techreport{breakout-report,\n"
        "  title = {{Report\\},note=\\{injected}},\n"
        "  author = {Erika \\{Muster\\}},\n"
        "  address = {Bonn\\}, title=\\{x},\n"
        "  year = {2012},\n"
        "  language = {german},\n"
        "  url = {https://example.org/a?b=%7Bx%7D%7D,note=%7By%7D},\n"
        "  month = may\n"
        "}\n")
    [parsed] = bibtexparser.parse_string(entry).entries
    assert sorted(parsed.fields_dict) == ["address", "author", "language", "month", "title", "url", "year"]


def test_ris_lines_are_one_value_each(site):
    ris = citations.ris(site, ["breakout-report"])
    assert ris.split("\r\n") == [
        "TY  - RPRT", "ID  - breakout-report", "TI  - Report},note={injected", "AU  - Erika {Muster}", "PY  - 2012",
        "DA  - 2012/05//", "CY  - Bonn}, title={x", "LA  - de", "UR  - https://example.org/a?b={x}},note={y}", "ER  -", ""]
    assert citations._ris("a\rTY  - X\nb") == "a TY  - X b"


def test_csl_json_keeps_the_text_as_data(site):
    [item] = json.loads(citations.csl_json(site, ["breakout-report"]))
    assert (item["title"], item["publisher-place"], item["URL"]) == (
        "Report},note={injected", "Bonn}, title={x", "https://example.org/a?b={x}},note={y}")


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_is_well_formed_with_the_title_as_text(site, lang):
    feed = ElementTree.fromstring(feeds.atom(site, lang, ROOT_URL, {}))
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert EVENT_TITLES[lang] in titles and "Report},note={injected" in titles


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_holds_the_title_as_text(site, lang):
    calendar = icalendar.Calendar.from_ical(feeds.calendar(site, ["formula-meeting"], lang, ROOT_URL, ROOT_URL))
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == EVENT_TITLES[lang]
    assert str(event["description"]).startswith("Zeile eins\nZeile zwei")
