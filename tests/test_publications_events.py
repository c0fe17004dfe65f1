"""Publications and events: pages, both-way links, citations, calendars, feeds, JSON-LD."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import bibtexparser
import feedparser
import icalendar
import pytest

from macros.core.checking.site import load_or_raise
from macros.core.files import exports
from macros.core.pages.events import is_upcoming
from sitebuild import DATA, FIXTURES, LANGS, ROOT, SITE_URL, build, make_project

CITEPROC_SCHEMA = Path(__import__("citeproc").__file__).parent / "data" / "schema" / "schemas" / "styles"


def prefix(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


@pytest.fixture(scope="module")
def data():
    return load_or_raise(DATA)


def test_every_publication_and_event_has_its_page_in_every_language(real_site, data):
    for lang in LANGS:
        for collection, folder in (("publications", "publikationen"), ("events", "veranstaltungen")):
            for key in data.collection(collection):
                soup = real_site.soup(f"{prefix(lang)}{folder}/{key}/index.html")
                assert soup.html["lang"] == lang


@pytest.mark.parametrize("key, facts", [
    ("material-42", ["50 Kommunale Klimapartnerschaften bis 2015", "Vorstudie", "Bonn", "2010"]),
    ("material-47", ["Workshop", "Dokumentation", "Bonn", "2011"]),
    ("material-54", ["International Kick-off Workshop", "Bonn", "2012"]),
    ("erklaerung-bundeskonferenz-2009", ["Erklärung der 11. Bundeskonferenz"]),
])
def test_flyers_publications_carry_the_flyers_facts(real_site, key, facts):
    for lang in LANGS:
        text = " ".join(real_site.soup(f"{prefix(lang)}publikationen/{key}/index.html").select_one("article").get_text(" ").split())
        assert all(fact in text for fact in facts), (lang, key)


def test_catalogue_groups_by_series_and_orders_by_number(real_site):
    soup = real_site.soup("en/publikationen/index.html")
    headings = [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h2")]
    assert headings[:2] == ["Dialog Global", "Material"] and headings[-1] == "Other publications"
    material = soup.find("h2", string=re.compile("^Material")).find_next("ul")
    numbers = [int(m.group(1)) for m in (re.search(r"No\. (\d+)", li.get_text()) for li in material.select("li")) if m]
    assert numbers == sorted(numbers) and numbers[:3] == [42, 47, 54]


def test_event_and_documentation_link_both_ways(real_site, data):
    for key, event in data.collection("events").items():
        for pub in event.documentation:
            for lang in LANGS:
                event_page = real_site.soup(f"{prefix(lang)}veranstaltungen/{key}/index.html")
                assert event_page.find("a", href=f"../../publikationen/{pub}/"), (key, pub)
                pub_page = real_site.soup(f"{prefix(lang)}publikationen/{pub}/index.html")
                assert pub_page.find("a", href=f"../../veranstaltungen/{key}/"), (pub, key)


def json_ld(soup) -> dict:
    blocks = soup.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    raw = blocks[0].string
    assert "<" not in raw and "{{" not in raw
    return json.loads(raw)


def test_json_ld_types(real_site):
    for lang in LANGS:
        event = json_ld(real_site.soup(f"{prefix(lang)}veranstaltungen/results-phase-2/index.html"))
        assert event["@type"] == "Event" and event["startDate"] == "2014-07-01" and event["endDate"] == "2014-07-03"
        assert event["location"]["address"]["addressCountry"] == "DE"
        assert [r["@type"] for r in event["recordedIn"]] == ["Report"]
        report = json_ld(real_site.soup(f"{prefix(lang)}publikationen/dialog-global-61/index.html"))
        assert report["@type"] == "Report" and report["reportNumber"] == "61"
        assert report["isPartOf"]["@type"] == "CreativeWorkSeries"
        assert sorted(t["inLanguage"] for t in report["workTranslation"]) == ["en", "fr"]


def test_calendars_parse_with_dates_and_stable_uids(real_site, data):
    host = "example.org"
    events = data.collection("events")
    for lang in LANGS:
        cal = icalendar.Calendar.from_ical((real_site.site / prefix(lang) / "veranstaltungen/veranstaltungen.ics").read_bytes())
        items = {str(c["uid"]): c for c in cal.walk("VEVENT")}
        assert set(items) == {f"{key}@{host}" for key in events}
        workshop = items[f"results-phase-2@{host}"]
        assert workshop.decoded("dtstart") == datetime.date(2014, 7, 1)   # all-day: dates, not times
        assert workshop.decoded("dtend") == datetime.date(2014, 7, 4)     # DTEND is exclusive
        month_only = items[f"kickoff-phase-1@{host}"]
        assert month_only.decoded("dtstart") == datetime.date(2011, 11, 1)
        assert month_only.decoded("dtend") == datetime.date(2011, 12, 1)
        assert str(workshop["summary"]) == events["results-phase-2"].title[lang]
        single = icalendar.Calendar.from_ical((real_site.site / prefix(lang) / "veranstaltungen/results-phase-2.ics").read_bytes())
        assert [str(c["uid"]) for c in single.walk("VEVENT")] == [f"results-phase-2@{host}"]
        page = real_site.soup(f"{prefix(lang)}veranstaltungen/results-phase-2/index.html")
        assert not page.find("a", href="../results-phase-2.ics")  # a past event's page offers no calendar entry


def test_bibtex_and_ris_parse(real_site, data):
    library = bibtexparser.parse_string((real_site.site / "publikationen/publikationen.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert {entry.key for entry in library.entries} == set(data.collection("publications"))
    entry = {e.key: e for e in library.entries}["material-54"]
    assert entry["year"] == "2012" and entry["number"] == "54" and entry["address"] == "Bonn"
    ris = (real_site.site / "publikationen/publikationen.ris").read_text(encoding="utf-8")
    assert ris.count("TY  - RPRT") == ris.count("ER  -") == len(data.collection("publications"))


def csl_vocabulary() -> tuple[set[str], set[str]]:
    """Item types and variable names of the official CSL 1.0 schema (shipped with citeproc-py)."""
    types = set(re.findall(r'"([a-z-]+)"', (CITEPROC_SCHEMA / "csl-types.rnc").read_text().split("item-types =")[1].split("\n\n")[0]))
    variables = set(re.findall(r'"([a-zA-Z-]+)"', (CITEPROC_SCHEMA / "csl-variables.rnc").read_text()))
    return types, variables


def test_csl_json_matches_the_csl_schema_and_renders(real_site, data):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads((real_site.site / "publikationen/publikationen.json").read_text(encoding="utf-8"))
    types, variables = csl_vocabulary()
    assert "report" in types and "collection-number" in variables
    for item in items:
        assert item["type"] in types
        assert set(item) - {"id", "type", "language"} <= variables, item["id"]
        if "issued" in item:
            assert all(isinstance(part, int) for part in item["issued"]["date-parts"][0])
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem("material-54")]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 1 and "International Kick-off Workshop" in rendered[0]


def test_atom_feeds_parse(real_site, data):
    expected = len(data.collection("events")) + len(data.collection("publications"))
    for lang in LANGS:
        feed = feedparser.parse((real_site.site / prefix(lang) / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert len(feed.entries) == expected
        assert feed.feed.link == SITE_URL + prefix(lang)
        assert all(entry.link.startswith(SITE_URL + prefix(lang)) for entry in feed.entries)
        page = real_site.soup(f"{prefix(lang)}idee/index.html")
        assert page.find("link", type="application/atom+xml")["href"] == "../feed.xml"


def fixture_data(tmp: Path) -> Path:
    """A data folder with the fixture events and publications."""
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    for collection in ("events", "publications"):
        shutil.copytree(FIXTURES / "records" / collection, data / collection)
    (data / "partnerships").mkdir()
    shutil.copy(FIXTURES / "records" / "alpha-beta.yml", data / "partnerships")
    return data


def fixture_site(tmp: Path) -> Path:
    return make_project(tmp, fixture_data(tmp))


def test_an_event_is_upcoming_until_its_last_day(tmp_path):
    event = load_or_raise(fixture_data(tmp_path)).collection("events")["future-workshop"]
    last_day = (event.end or event.start).last_day()
    assert is_upcoming(event, datetime.date(2029, 12, 31)) and is_upcoming(event, last_day)
    assert not is_upcoming(event, last_day + datetime.timedelta(days=1))


def test_a_past_event_is_listed_under_past_in_every_language(tmp_path):
    after = build(fixture_site(tmp_path), SOURCE_DATE_EPOCH=str(int(datetime.datetime(2031, 1, 1, tzinfo=datetime.timezone.utc).timestamp())))
    assert after.returncode == 0, after.output
    for lang in LANGS:
        page = after.soup(f"{prefix(lang)}veranstaltungen/index.html")
        assert page.select_one("ul.kkp-past").find("a", href="future-workshop/"), lang
    assert not after.soup("veranstaltungen/index.html").select_one("ul.kkp-upcoming").find("a")


def test_record_text_stays_text_in_pages_citations_and_feeds(tmp_path):
    result = build(fixture_site(tmp_path))
    assert result.returncode == 0, result.output
    page = result.soup("publikationen/test-report/index.html")
    assert page.h1.get_text() == "Bericht {Test} & <i>Co</i> 100%"
    assert not page.select("h1 i")
    event = result.soup("veranstaltungen/future-workshop/index.html")
    assert event.h1.get_text() == "Zukunftswerkstatt <b>fett</b>" and not event.select("h1 b")
    library = bibtexparser.parse_string((result.site / "publikationen/test-report.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    feed = feedparser.parse((result.site / "feed.xml").read_bytes())
    assert "Zukunftswerkstatt <b>fett</b>" in [entry.title for entry in feed.entries]


def test_the_same_data_and_build_date_give_identical_feeds_calendars_and_citations(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    folder = fixture_data(tmp_path)
    for lang in LANGS:
        root = exports.lang_root(SITE_URL, lang, "de")
        first = exports.files(load_or_raise(folder), lang, root, {})
        second = exports.files(load_or_raise(folder), lang, root, {})
        assert {"feed.xml", "veranstaltungen/veranstaltungen.ics", "publikationen/publikationen.bib"} <= set(first)
        assert first == second, lang


def test_publication_page_opens_with_the_publishers_address_in_every_language(tmp_path):
    result = build(fixture_site(tmp_path))
    assert result.returncode == 0, result.output
    labels = {"de": "Auf der Website von SKEW", "en": "On the website of SKEW", "fr": "Sur le site de SKEW"}
    for lang in LANGS:
        article = result.soup(f"{prefix(lang)}publikationen/test-report/index.html").select_one("article")
        first = article.h1.find_next_sibling()
        assert first.name == "p" and first["class"] == ["kkp-actions"], lang
        buttons = [(a["href"], " ".join(a.get_text().split())) for a in first.select("a.kkp-button")]
        assert buttons[1] == ("https://example.org/reports/test", labels[lang])
        assert buttons[0][0] == "https://example.org/report-en.pdf"
