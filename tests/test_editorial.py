"""Two voices: the public pages state facts and list their sources; the editors' view
(KKP_EDITORIAL=1) adds a marked box of notes on every page (macros/core/pages/editorial.py).

A small fixture site is built twice in a temporary folder (public, editors'); the real site
too: in three languages, no research or database wording and no editors' box in public, and
in the editors' view a note on every page whose record carries conflicts.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

from macros.core.checking.site import load_or_raise
from macros.core.pages import editorial
from macros.core.records.types import copy_site_host
from sitebuild import DATA, FIXTURES, LANGS, ROOT, build, lang_of_path, make_project

RECORDS = FIXTURES / "records"

#: Research and database wording that public pages never use, per language. Word bounds, so
#: that names (Quellendorf, Recordon) and ordinary words (verfassten, Quellenangaben) pass.
RESEARCH_WORDING = {
    "de": [r"\bunsere[nr]? Quellen\b", r"\bsobald eine Quelle\b", r"\bkeine (gefundene )?Quelle\b", r"\bGeoNames-Ortsliste\b",
           r"\bDatens(atz|ätze|ätzen)\b", r"\bbeim Bau der Website\b", r"\berfassten (Daten|Einträge)", r"\bQuellen (voneinander|weichen)",
           r"\blaut Quellen\b", r"\bdie eine Quelle (namentlich )?nennt\b", r"\bsagen sie nicht\b", r"\bStand: hat stattgefunden\b",
           r"\bAngaben der Quellen\b", r"\bveröffentlichte Quellen\b", r"\bgefundene Quelle\b", r"\bspätere Quellen\b",
           r"\bwas (die )?Quellen\b.{0,40}\bsagen\b", r"\bnennen Quellen\b"],
    "en": [r"\bour sources\b", r"\bonce a source\b", r"\bno source\b", r"\ba source names\b", r"\bsources disagree\b",
           r"\b(every|each|these|our) records?\b", r"\brecords? (of|on|in) (this|the) (web)?site\b", r"\bfrom the records\b", r"\bdatasets?\b", r"\bwhen the (web)?site is built\b", r"\bGeoNames list\b", r"\breported by sources\b",
           r"\bsources (last )?reported\b", r"\bpublished sources say\b", r"\bsource found\b", r"\blater sources\b",
           r"\bwhat (the )?sources say\b", r"\bsources name\b"],
    "fr": [r"\bnos sources\b", r"\baucune source\b", r"\bqu.une source (le |la |les )?nomm", r"\bles sources divergent\b",
           r"\bdivergences entre les sources\b", r"\benregistrements?\b", r"\blors de la construction du site\b",
           r"\bliste de lieux GeoNames\b", r"\bselon les sources\b", r"\bfiches? de ce site\b", r"\bsources publiées\b",
           r"\bsource trouvée\b", r"\bsources plus récentes\b", r"\bdisent (les )?sources\b", r"\bles sources citent\b"],
}
PATTERNS = {lang: re.compile("|".join(f"(?:{p})" for p in patterns), re.I) for lang, patterns in RESEARCH_WORDING.items()}

THIN_AREA_RECORD = """\
phase: phase-2
german:
  name: Omegastadt
  kind: district
  country: DE
partner:
  name: Psitown
  kind: municipality
  country: GH
sources:
  - url: https://example.org/omega-psi
"""

OLD_CONTACT = """\
name: Erika Beispiel
role:
  de: Projektleiterin
  en: project leader
  fr: cheffe de projet
organisation: skew
email: erika.beispiel@example.org
as_of: "2012"
sources:
  - flyer: true
"""


def research_wording(text: str, lang: str) -> list[str]:
    """The research or database phrases in a page's text (in the page's language)."""
    return [m.group(0) for m in PATTERNS[lang].finditer(" ".join(text.split()))]


def page_text(build, rel: str, without_editorial: bool = False) -> str:
    soup = build.soup(rel)
    for tag in soup(["script", "style"]):
        tag.decompose()
    if without_editorial:
        for box in soup.select(".kkp-editorial"):
            box.decompose()
    return soup.get_text(" ")


def fixture_data(tmp: Path) -> Path:
    data = tmp / "data"
    (data / "partnerships").mkdir(parents=True)
    (data / "contacts").mkdir()
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    shutil.copytree(FIXTURES / "base", data, dirs_exist_ok=True)
    for record in ("alpha-beta", "gamma-delta"):
        shutil.copy(RECORDS / f"{record}.yml", data / "partnerships" / f"{record}.yml")
    (data / "partnerships" / "omega-psi.yml").write_text(THIN_AREA_RECORD, encoding="utf-8")
    (data / "contacts" / "erika-beispiel.yml").write_text(OLD_CONTACT, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(public, editors') builds of the same fixture data."""
    tmp = tmp_path_factory.mktemp("editorial")
    data = fixture_data(tmp)
    result = {}
    for name, env in (("public", {"KKP_EDITORIAL": ""}), ("editorial", {"KKP_EDITORIAL": "1"})):
        folder = tmp / name
        folder.mkdir()
        result[name] = build(make_project(folder, data), **env)
        assert result[name].returncode == 0, result[name].output
    return result


def pages_of(build) -> list[str]:
    return [p.relative_to(build.site).as_posix() for p in build.html_files() if p.name != "404.html"]


def test_the_public_fixture_site_has_no_editors_box_and_no_research_wording(builds):
    public = builds["public"]
    pages = pages_of(public)
    assert {lang_of_path(rel) for rel in pages} == set(LANGS) and len(pages) > 30
    for rel in pages:
        assert not public.soup(rel).select(".kkp-editorial"), rel
        assert research_wording(page_text(public, rel), lang_of_path(rel)) == [], rel


def test_every_page_of_the_editors_view_has_one_marked_box(builds):
    view = builds["editorial"]
    for rel in pages_of(view):
        boxes = view.soup(rel).select("aside.kkp-editorial")
        assert boxes, rel
        assert all(box["aria-label"] and box.select_one(".kkp-editorial-title") for box in boxes), rel


def test_the_editors_view_adds_only_the_boxes(builds):
    """Without its boxes, a page of the editors' view says what the public page says."""
    for rel in ("partnerschaften/gamma-delta/index.html", "en/fortschritt/index.html", "fr/karte/index.html"):
        assert " ".join(page_text(builds["editorial"], rel, without_editorial=True).split()) == \
            " ".join(page_text(builds["public"], rel).split())


def test_conflicts_are_notes_for_editors_in_the_language_of_the_page(builds):
    view, public = builds["editorial"], builds["public"]
    box = view.soup("partnerschaften/gamma-delta/index.html").select_one("aside.kkp-editorial")
    assert box["lang"] == "de" and "Nur deutscher Widerspruch Gamma." in box.get_text()
    assert "Quellen weichen ab (partner.name)" in box.get_text()
    assert "data/partnerships/gamma-delta.yml" in box.get_text()
    english = view.soup("en/partnerschaften/gamma-delta/index.html").select_one("aside.kkp-editorial")
    assert english["lang"] == "en" and "sources disagree (partner.name)" in english.get_text()
    assert "Widerspruch" not in page_text(public, "partnerschaften/gamma-delta/index.html")


def test_gaps_and_old_contacts_are_named(builds):
    """(A source on a copy site never gets this far: make check refuses it, rule.copy_site.)"""
    view = builds["editorial"]
    box = view.soup("partnerschaften/omega-psi/index.html").select_one("aside.kkp-editorial").get_text(" ")
    assert "nur eine Quelle" in box and "dünne Geschichte" in box
    assert "Omegastadt ist ein Gebiet: keine Koordinaten seines Verwaltungssitzes" in box
    assert "Psitown: keine Koordinaten" in box
    contact = " ".join(view.soup("kontakt/index.html").get_text(" ").split())
    assert "Erika Beispiel: Stand der Angaben 2012, älter als drei Jahre" in contact
    assert "Nicht auf der Karte" in view.soup("karte/index.html").get_text()
    assert "Not on the map" not in builds["public"].soup("en/karte/index.html").get_text()


def test_the_wording_check_can_fail_and_spares_names():
    assert research_wording("Es erscheint an seinem Verwaltungssitz, sobald eine Quelle ihn nennt.", "de")
    assert research_wording("Every record names its sources.", "en")
    assert research_wording("Ce que nos sources ne disent pas", "fr")
    assert research_wording("Quellendorf, Recordon, die Berichte verfassten sie selbst; Quellenangaben führen zu Websites.", "de") == []
    assert research_wording("Recordon and the Record Office of Bonn; the partners record their participation.", "en") == []


def test_the_box_is_empty_in_the_public_build(monkeypatch):
    monkeypatch.delenv(editorial.ENV, raising=False)
    assert str(editorial.box("de", ["x"])) == ""
    monkeypatch.setenv(editorial.ENV, "1")
    assert 'class="kkp-editorial"' in str(editorial.box("de", ["<b>x</b>"]))
    assert "&lt;b&gt;x&lt;/b&gt;" in str(editorial.box("de", ["<b>x</b>"]))  # notes are text
    assert str(editorial.box("de", [])) == ""


def test_copy_sites_and_stale_contacts():
    assert copy_site_host("https://www.yumpu.com/de/document/view/1") == "yumpu.com"
    assert copy_site_host("https://de.readkong.com/page/x") == "readkong.com"
    assert copy_site_host("https://www.readkong-example.org/x") is None
    site = load_or_raise(DATA)
    today = datetime.date(2099, 1, 1)
    assert len(editorial.stale_contacts(site, today)) == len(site.collection("contacts"))
    assert editorial.stale_contacts(site, datetime.date(1990, 1, 1)) == []


# the real site: invariants only, whatever the records say


@pytest.mark.data  # the records' own text is content: an editor's wording fails the data suite
def test_the_real_public_site_has_no_editors_box_and_no_research_wording(real_site):
    """Every page in three languages: no box, and no research wording, whether it comes from the
    code, the interface texts, docs/ or a record's own text (notes for editors live in the
    records' conflicts:, which only the editors' view shows)."""
    found = {}
    for path in real_site.html_files():
        rel = path.relative_to(real_site.site).as_posix()
        assert not real_site.soup(rel).select(".kkp-editorial"), rel
        wording = research_wording(page_text(real_site, rel), lang_of_path(rel))
        if wording:
            found[rel] = wording
    assert found == {}


@pytest.fixture(scope="module")
def real_editorial(tmp_path_factory):
    result = build(make_project(tmp_path_factory.mktemp("real-editorial")), KKP_EDITORIAL="1")
    assert result.returncode == 0, result.output
    return result


FOLDERS = {"partnerships": "partnerschaften", "phases": "phasen", "events": "veranstaltungen", "publications": "publikationen"}


@pytest.mark.data
@pytest.mark.parametrize("lang", LANGS)
def test_every_real_page_whose_record_has_conflicts_shows_them_to_editors(real_editorial, lang):
    site = load_or_raise(DATA)
    prefix = "" if lang == "de" else f"{lang}/"
    checked = 0
    for collection, folder in FOLDERS.items():
        for key, record in site.collection(collection).items():
            if not getattr(record, "conflicts", None):
                continue
            box = real_editorial.soup(f"{prefix}{folder}/{key}/index.html").select_one("aside.kkp-editorial")
            assert box is not None, (collection, key)
            text = " ".join(box.get_text(" ").split())
            assert all(f"({c.about})" in text for c in record.conflicts), (collection, key)
            checked += 1
    assert checked == sum(1 for c in FOLDERS for r in site.collection(c).values() if getattr(r, "conflicts", None))
