"""The public voice (issue 13), on small fixture sites built in German, English and French:
figures with date and source, no "no information" in tables, German state names only where
marked German, French typography, titles marked with their language, contacts from data/.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pycountry
import pytest

from macros.core.files import formats, names
from macros.core.markup import typography
from macros.core.tools import translations
from macros.core.records.langs import pick
from macros.core.records.models import Partnership
from sitebuild import FIXTURES, LANGS, ROOT, build, make_project

RECORDS = FIXTURES / "records"

#: A thin record: no relationship, no dates, no population, a German-only measure title written
#: as a plain string, a German-titled source without a language, a state with an English and a
#: French name, a partner in Latin America; the relationship started on the first of a month.
THIN = """\
phase: phase-2
relationship: municipal
relationship_since: "2013-03-01"
german:
  name: Thetakreis
  kind: district
  country: DE
  state: DE-NI
partner:
  name: Iotatown
  kind: municipality
  country: NI
measures:
  - area: other
    title: Nur deutscher Maßnahmentitel
    status: unknown
sources:
  - url: https://example.org/theta
    title: Gemeindeverzeichnis (Land der deutschen Kommune)
  - url: https://example.org/theta-en
    title: Section on the project
    language: en
"""

TOTALS = {
    "2015-10-test.yml": 'date: "2015-10"\nvalue: 43\ncounts:\n  de: Klimapartnerschaften\n  en: climate partnerships\n'
                        "  fr: partenariats pour le climat\nsource:\n  url: https://example.org/total-2015\n",
    "2017-test.yml": 'date: "2017"\nvalue: 60\ncounts:\n  de: Klimapartnerschaften\n  en: climate partnerships\n'
                     "  fr: partenariats pour le climat\nsource:\n  url: https://example.org/total-2017\n",
    "2022-10-test.yml": 'date: "2022-10"\nvalue: 77\ncounts:\n  de: Klimapartnerschaften seit 2011\n  en: climate partnerships since 2011\n'
                        "  fr: partenariats pour le climat depuis 2011\nsource:\n  url: https://example.org/total-2022\n",
}

CONTACT = """\
name: {name}
role:
  de: Projektleiterin
  en: project leader
  fr: cheffe de projet
organisation: skew
email: erika.beispiel@example.org
phone: +49 228 20717-0
as_of: "{as_of}"
sources:
  - flyer: true
"""

#: German state names that differ from their English or French name, per page language.
GERMAN_ONLY = {
    "en": ["Bayern", "Hessen", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Sachsen", "Thüringen",
           "Mecklenburg-Vorpommern"],
    "fr": ["Bayern", "Hessen", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Sachsen", "Thüringen",
           "Mecklenburg-Vorpommern", "Baden-Württemberg", "Brandenburg", "Saarland"],
}
NO_INFORMATION = ["keine Angabe", "ohne Angabe", "nicht bekannt", "not given in the sources", "not stated", "not known",
                  "non indiqué", "non précisé", "inconnu"]


def voice_data(tmp: Path, contact_name: str = "Erika Beispiel", contact_as_of: str = "2012", extra_total: bool = False) -> Path:
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    (data / "partnerships").mkdir()
    for name in ("alpha-beta", "gamma-delta"):
        shutil.copy(RECORDS / f"{name}.yml", data / "partnerships" / f"{name}.yml")
    (data / "partnerships" / "theta-iota.yml").write_text(THIN, encoding="utf-8")
    shutil.copytree(RECORDS / "events", data / "events")
    shutil.copytree(RECORDS / "publications", data / "publications")
    (data / "totals").mkdir()
    for file, text in TOTALS.items():
        (data / "totals" / file).write_text(text, encoding="utf-8")
    if extra_total:
        (data / "totals" / "2024-test.yml").write_text(TOTALS["2022-10-test.yml"].replace('"2022-10"', '"2024-09"')
                                                       .replace("value: 77", "value: 99"), encoding="utf-8")
    (data / "contacts").mkdir()
    (data / "contacts" / "erika-beispiel.yml").write_text(CONTACT.format(name=contact_name, as_of=contact_as_of), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def voice(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("voice")
    result = build(make_project(tmp, voice_data(tmp)))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The same site after an editor changed the contact and added a newer total."""
    tmp = tmp_path_factory.mktemp("voice-changed")
    result = build(make_project(tmp, voice_data(tmp, "Max Beispiel", "2021-03", extra_total=True)))
    assert result.returncode == 0, result.output
    return result


def prefix(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


def article(build, lang: str, page: str):
    return build.soup(prefix(lang) + page).select_one("article")


def text_outside(element, lang_to_drop: str) -> str:
    """The text of `element` without the parts marked as another language, scripts and styles."""
    element = element.__copy__()
    for tag in element.select(f'[lang="{lang_to_drop}"], script, style'):
        tag.decompose()
    return element.get_text(" ")


# Figures: from data/totals/, each with date and source


MONTH_2022 = {"de": "Oktober 2022", "en": "October 2022", "fr": "octobre 2022"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["index.html", "fortschritt/index.html"])
def test_headline_figures_come_from_the_totals_with_date_and_source(voice, changed, lang, page):
    cards = voice.soup(prefix(lang) + page).select("ul.kkp-figures > li")
    latest = cards[0]
    assert latest.select_one(".kkp-figure").get_text() == "77"
    assert MONTH_2022[lang] in latest.select_one(".kkp-figure-meta").get_text()
    assert latest.select_one('.kkp-figure-meta a[href="https://example.org/total-2022"]')
    goal = cards[1].get_text(" ")
    assert "50" in goal and "43" in goal and "60" in goal and "2017" in goal
    assert cards[1].select_one('a[href="https://example.org/total-2017"]')
    site = cards[-1]
    assert site.select_one(".kkp-figure").get_text() == "3"  # the records of this site, a separate card
    assert "2026" in site.select_one(".kkp-figure-meta").get_text()  # as of the build (SOURCE_DATE_EPOCH)
    # a newer total in data/totals/ becomes the headline figure
    newer = changed.soup(prefix(lang) + page).select("ul.kkp-figures > li")[0]
    assert newer.select_one(".kkp-figure").get_text() == "99"
    assert "2024" in newer.select_one(".kkp-figure-meta").get_text()


# Voice: empty fields are left out


def test_no_information_text_in_generated_tables(voice):
    tables = 0
    for path in voice.html_files():
        if "daten" in path.parts:
            continue  # the open-data page documents the columns, "empty when not known" included
        soup = voice.soup(path.relative_to(voice.site).as_posix())
        for table in soup.select("article table"):
            tables += 1
            text = " ".join(cell.get_text(" ") for cell in table.select("td"))
            assert not [phrase for phrase in NO_INFORMATION if phrase in text], path
    assert tables > 10


@pytest.mark.parametrize("lang", LANGS)
def test_thin_profile_leaves_out_what_is_not_known(voice, lang):
    body = article(voice, lang, "partnerschaften/theta-iota/index.html")
    facts = body.select_one("dl.kkp-facts").get_text(" ")
    assert {"de": "Klimapartnerschaft seit", "en": "Climate partnership since", "fr": "pour le climat depuis"}[lang] not in facts
    pair = body.select_one("table.kkp-pair").get_text(" ")
    assert {"de": "Einwohnerzahl", "en": "Population", "fr": "Population"}[lang] not in pair
    closing = body.select_one(".kkp-closing")
    assert closing is not None and closing.select("h3#kkp-sources + ul li")


# Names: German states, regions, relationship types


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_german_state_name_outside_an_element_marked_german(voice, lang):
    checked = 0
    for path in (voice.site / lang).rglob("index.html"):
        soup = voice.soup(path.relative_to(voice.site).as_posix())
        body = soup.select_one("article")
        if body is None:
            continue
        text = text_outside(body, "de")
        found = [name for name in GERMAN_ONLY[lang] if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
        assert not found, (path, found)
        checked += 1
    assert checked > 20
    profile = article(voice, lang, "partnerschaften/theta-iota/index.html").get_text(" ")
    assert {"en": "Lower Saxony", "fr": "Basse-Saxe"}[lang] in profile


def test_the_state_table_has_every_state_in_three_languages():
    codes = {s.code for s in pycountry.subdivisions.get(country_code="DE")}
    assert set(names.GERMAN_STATES) == codes
    for code, row in names.GERMAN_STATES.items():
        assert len(row) == 3 and all(row), code
    assert formats.state("DE-NW", "fr") == "Rhénanie-du-Nord-Westphalie"
    assert formats.state("DE-TH", "en") == "Thuringia"


@pytest.mark.parametrize("lang, region", [("de", "Lateinamerika und Karibik"), ("en", "Latin America and the Caribbean"),
                                          ("fr", "Amérique latine et Caraïbes")])
def test_partner_in_central_america_is_filed_under_latin_america(voice, lang, region):
    page = voice.soup(prefix(lang) + "verzeichnis/kontinent/la/index.html")
    assert region in page.select_one("h1").get_text()
    assert page.select_one('a[href$="theta-iota/"]')
    assert not (voice.site / "verzeichnis/kontinent/na").exists()


def test_country_names_readers_recognise():
    assert formats.country("CG", "en") == "Republic of the Congo"
    assert formats.country("CG", "fr") == "République du Congo"
    assert "-" not in formats.country("CD", "en").replace("Democratic", "")


@pytest.mark.parametrize("lang, label", [("de", "Kommunale Partnerschaft"), ("en", "Municipal partnership"), ("fr", "Partenariat communal")])
def test_a_municipal_partnership_is_not_called_a_twinning(voice, lang, label):
    facts = article(voice, lang, "partnerschaften/theta-iota/index.html").select_one("dl.kkp-facts").get_text(" ")
    assert label in facts
    assert not re.search("Städtepartnerschaft|twinning|Jumelage", facts)


# Language of parts


@pytest.mark.parametrize("lang", LANGS)
def test_every_title_in_another_language_sits_in_an_element_with_that_language(voice, lang):
    body = article(voice, lang, "partnerschaften/theta-iota/index.html")
    german_title = body.find(string=lambda s: s and "Gemeindeverzeichnis" in s)
    english_title = body.find(string=lambda s: s and "Section on the project" in s)
    assert (german_title.parent.get("lang") == "de") is (lang != "de")
    assert (english_title.parent.get("lang") == "en") is (lang != "en")
    catalogue = article(voice, lang, "publikationen/index.html")
    for title in catalogue.select("ul.kkp-publications a"):
        edition_lang = title.find(attrs={"lang": True})
        shown = edition_lang.get("lang") if edition_lang else lang
        assert shown in ("de", "en"), title  # the fixture's editions are German and English
        if lang == "fr":
            assert edition_lang is not None


def test_a_plain_german_title_is_marked_and_listed_for_translation(voice, tmp_path):
    for lang in ("en", "fr"):
        body = article(voice, lang, "partnerschaften/theta-iota/index.html")
        title = body.find(string=lambda s: s and "Nur deutscher Maßnahmentitel" in s)
        assert title.parent.get("lang") == "de"
        assert body.select_one("ul.kkp-measures .kkp-fallback")
    data = voice_data(tmp_path)
    missing, _ = translations.report(data, ROOT / "docs")
    assert any(m.path.endswith("theta-iota.yml") and m.field == "measures[1].title" and m.languages == ("en", "fr")
               for m in missing)
    record = Partnership.model_validate({**_minimal(), "measures": [{"area": "other", "title": "Text", "status": "unknown"}]})
    assert pick(record.measures[0].title, "en").lang == "de"  # German text, not a name
    assert pick(record.german.name, "en").lang is None        # a plain name stays a name


def _minimal() -> dict:
    return {"phase": "unknown", "german": {"name": "A", "kind": "city", "country": "DE"},
            "partner": {"name": "B", "kind": "city", "country": "GH"}, "sources": [{"flyer": True}]}


# French typography


def test_french_pages_have_no_break_spaces_and_first_of_the_month(voice):
    profile = article(voice, "fr", "partnerschaften/theta-iota/index.html")
    text = profile.get_text()
    assert "1er mars 2013" in text
    assert "Phase du projet\u00a0:" in text
    checked = 0
    for path in (voice.site / "fr").rglob("index.html"):
        body = voice.soup(path.relative_to(voice.site).as_posix()).select_one("article")
        if body is None:
            continue
        french = text_outside(text_outside_markup(body), "en")
        bad = re.findall(r"\S(?: [:;!?]|[;!?](?=\s)|[^\s\d/:\u00a0\u202f]:(?=\s))", french)
        assert not bad, (path, bad[:5])
        assert not re.search(r"(?<![\d\w])1 (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)", french), path
        checked += 1
    assert checked > 20


def test_french_contents_lists_have_no_break_spaces(voice):
    """Material writes a page's contents list from its headings, outside the page content."""
    lists = 0
    for path in (voice.site / "fr").rglob("index.html"):
        for toc in voice.soup(path.relative_to(voice.site).as_posix()).select("nav.md-nav--secondary"):
            french = text_outside_markup(toc).get_text()
            assert not re.findall(r"\S [:;!?»]|« \S", french), (path, french)
            lists += ":" in french
    assert lists > 0  # at least one contents list has a heading with a colon


@pytest.mark.parametrize("start, end, expected", [
    ("2011-05-01", "2012-12-31", "1er mai 2011\u2009–\u200931 déc. 2012"),
    ("2014-07-01", "2014-07-03", "1er–3 juil. 2014"),
    ("2014-07-11", "2014-07-21", "11–21 juil. 2014"),
    ("2011-05-01", None, "1er mai 2011"),
])
def test_french_first_of_the_month_in_date_ranges(start, end, expected):
    from macros.core.pages.events import when
    from macros.core.records.models import Event
    event = Event.model_validate({"type": "workshop", "title": {"de": "T", "en": "T", "fr": "T"}, "start": start, "end": end,
                                  "status": "held", "sources": [{"flyer": True}]})
    assert when(event, "fr") == expected


def text_outside_markup(body):
    body = body.__copy__()
    for tag in body.select('[lang="de"], [lang="en"], code, pre'):
        tag.decompose()
    return body


@pytest.mark.parametrize("html, expected", [
    ("<p>Phase 1: début</p>", "<p>Phase 1\u00a0: début</p>"),
    ("<p>n° 28; Bonn ! Oui ? « non »</p>", "<p>n° 28\u202f; Bonn\u202f! Oui\u202f? «\u00a0non\u00a0»</p>"),
    ("<p>le 1 mai 2011, le 21 mai, le 11 juin</p>", "<p>le 1er mai 2011, le 21 mai, le 11 juin</p>"),
    ('<a href="https://x.org/a?b=1;c">à 10:30 voir https://x.org/?q=1</a>', '<a href="https://x.org/a?b=1;c">à 10:30 voir https://x.org/?q=1</a>'),
    ("<code>a: b;</code><script>x = {a: 1};</script>", "<code>a: b;</code><script>x = {a: 1};</script>"),
    ('<span lang="de">Hinweis: hier</span>', '<span lang="de">Hinweis: hier</span>'),
    ("<p>A &amp; B; C</p>", "<p>A &amp; B\u202f; C</p>"),
    # a closing quote at the end of an element is not repeated in the text that follows it
    ("<dd><a>« d&#39;ici 2015 »</a></dd>\n<dt>x</dt>", "<dd><a>«\u00a0d&#39;ici 2015\u00a0»</a></dd>\n<dt>x</dt>"),
])
def test_french_filter(html, expected):
    assert typography.french(html) == expected


# Contacts from data/


@pytest.mark.parametrize("lang, date", [("de", "März 2021"), ("en", "March 2021"), ("fr", "mars 2021")])
def test_contact_page_follows_data_contacts_with_the_date_of_its_source(voice, changed, lang, date):
    before = article(voice, lang, "kontakt/index.html").get_text(" ")
    after = article(changed, lang, "kontakt/index.html").get_text(" ")
    assert "Erika Beispiel" in before and "Max Beispiel" not in before
    assert "Max Beispiel" in after and "Erika Beispiel" not in after
    assert "2012" in before and date in after
    assert "erika.beispiel@example.org" in before


def test_last_changed_date_is_localised():
    assert formats.day_of("2026-12-04T16:11:19+00:00", "de") == "4. Dezember 2026"
    assert formats.day_of("2026-12-01T08:00:00+01:00", "fr") == "1er décembre 2026"
