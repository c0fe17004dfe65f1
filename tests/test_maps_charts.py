"""The map and the charts (macros/core/maps/worldmap.py, charts.py, progress.py): the SVG of each
language on small fixture data, invariants on the real data, and (slow) what a visitor sees
in Chromium: text of at least 12 CSS px, no overlapping labels, links, page weights."""

from __future__ import annotations

import gzip
import shutil
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.core.maps import charts, worldmap
from macros.core.pages import progress
from macros.core.checking.site import load
from sitebuild import DATA, FIXTURES, LANGS, ROOT, build, make_project


def _record(german: str, partner: str, country: str, g: tuple | None, p: tuple | None, kind: str = "city",
            phase: str = "phase-1", since: str = "2011", state: str = "DE-NW") -> str:
    def coords(c):
        if not c:
            return ""
        return f"\n  coordinates:\n    lat: {c[0]}\n    lon: {c[1]}\n    source:\n      url: https://www.geonames.org/{c[2]}"
    return textwrap.dedent(f"""\
        phase: {phase}
        climate_partnership_since: "{since}"
        german:
          name: {german}
          kind: {kind}
          country: DE
          state: {state}""") + coords(g) + textwrap.dedent(f"""
        partner:
          name: {partner}
          kind: city
          country: {country}""") + coords(p) + "\nsources:\n  - url: https://example.org/source\n"


RECORDS = {
    "alpha-beta": _record("Alphastadt", "Betatown", "GH", (50.7, 7.1, 1), (5.1, -1.25, 2)),
    "alpha-gamma": _record("Alphastadt", "Gammaville", "BO", (50.7, 7.1, 1), (-16.5, -68.1, 3), since="2014"),
    "delta-epsilon": _record("Deltadorf", "Epsilon", "TZ", (48.5, 9.05, 4), (-3.35, 37.3, 5), phase="phase-2", state="DE-BW"),
    "kreis-zeta": _record("Kreis Zeta", "Zetatown", "SN", None, (14.7, -17.4, 6), kind="district", since="2016"),
    "eta-theta": _record("Etastadt", "Theta", "ZA", (53.5, 10.0, 7), None, phase="phase-2", state="DE-HH"),
}
TOTAL = "date: \"{}\"\nvalue: {}\ncounts: Klimapartnerschaften\nsource:\n  url: https://example.org/total\n"


def make_data(folder: Path) -> Path:
    data = folder / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    (data / "partnerships").mkdir()
    for key, text in RECORDS.items():
        (data / "partnerships" / f"{key}.yml").write_text(text, encoding="utf-8")
    (data / "totals").mkdir()
    for date, value in (("2014", 6), ("2016-10", 9)):
        (data / "totals" / f"t-{date}.yml").write_text(TOTAL.format(date, value), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    loaded, problems = load(make_data(tmp_path_factory.mktemp("maps")))
    assert problems == []
    return loaded


def soup(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


NAMES = {"alpha-beta": "Alphastadt – Betatown", "alpha-gamma": "Alphastadt – Gammaville", "delta-epsilon": "Deltadorf – Epsilon"}


@pytest.mark.parametrize("lang", LANGS)
def test_map_views_link_each_drawn_partnership_once_with_its_name(site, lang):
    figure = soup(worldmap.figure(site, lang, "../partnerschaften/"))
    world, germany = figure.select("svg.kkp-map")
    for view in (world, germany):
        assert view.get("role") is None and view.get("width") is None and view["viewbox"].startswith("0 0 ")
        ids = view["aria-labelledby"].split()
        assert [view.find(id=i).name for i in ids] == ["title", "desc"]
        found = {a["href"]: a["aria-label"] for a in view.select("a.kkp-pair")}
        assert found == {f"../partnerschaften/{k}/": name for k, name in NAMES.items()}
        # the hover and focus label says what the accessible name says
        assert [a.select_one("text.kkp-label").get_text() for a in view.select("a.kkp-pair")] == \
            [a["aria-label"] for a in view.select("a.kkp-pair")]
    assert figure.select_one(".kkp-map-count").get_text().startswith("3 ")
    assert len(figure.select(".kkp-map-legend li")) == 3


def test_a_german_place_with_two_partnerships_is_one_point_in_two_sectors(site):
    germany = soup(worldmap.figure(site, "en", "x")).select("svg.kkp-map-germany")[0]
    shapes = [a.select_one("path.kkp-german-point")["d"] for a in germany.select("a.kkp-pair")]
    starts = [d.split("L")[0] for d in shapes]
    assert starts.count(starts[0]) == 2 and "A" in shapes[0]  # Alphastadt: two sectors round one centre
    assert sum(1 for d in shapes if "a7 7" in d) == 1  # Deltadorf: one whole point


@pytest.mark.parametrize("lang", LANGS)
def test_undrawn_list_names_every_record_without_both_places_and_why(site, lang, monkeypatch):
    assert str(worldmap.undrawn_list(site, lang)) == ""  # for editors only
    monkeypatch.setenv("KKP_EDITORIAL", "1")
    items = soup(worldmap.undrawn_list(site, lang)).select("aside.kkp-editorial li:has(a)")
    assert [li.a["href"] for li in items] == ["../partnerschaften/eta-theta/", "../partnerschaften/kreis-zeta/"]
    texts = [li.get_text() for li in items]
    assert "Theta" in texts[0].split(":", 1)[1] and "Kreis Zeta" in texts[1].split(":", 1)[1]
    assert texts[0].split(":", 1)[1] != texts[1].split(":", 1)[1].replace("Kreis Zeta", "Theta")  # place vs area


def test_small_map_shows_only_its_selection(site):
    small = soup(worldmap.small_map(site, "de", "verzeichnis/phase/phase-2/", {"delta-epsilon", "eta-theta"}))
    assert [a["href"] for a in small.select("a.kkp-pair")] == ["../../../partnerschaften/delta-epsilon/"]
    assert str(worldmap.small_map(site, "de", "x/", {"kreis-zeta"})) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_locator_map_is_small_named_and_only_for_two_places(site, lang):
    records = site.collection("partnerships")
    html = worldmap.locator(site, records["alpha-beta"], lang)
    svg = soup(html).select_one("figure.kkp-locator svg")
    assert svg["role"] == "img" and "Alphastadt" in svg["aria-label"] and "Betatown" in svg["aria-label"]
    assert not svg.find("text")  # no text to shrink with the map
    assert len(gzip.compress(str(html).encode())) <= 5000
    assert str(worldmap.locator(site, records["kreis-zeta"], lang)) == ""


def test_label_boxes_and_overlap():
    assert charts.overlaps(charts.text_box(0, 20, "2014"), charts.text_box(20, 20, "2015"))
    assert not charts.overlaps(charts.text_box(0, 20, "40"), charts.text_box(60, 20, "43"))


@pytest.mark.parametrize("lang", LANGS)
def test_years_chart_draws_goal_up_to_its_year_and_both_series_labelled(site, lang):
    figure = soup(progress.chart(site, lang))
    svg = figure.select_one("svg")
    assert svg["role"] == "img" and figure.select_one(".kkp-chart-title").get_text()
    assert svg.select_one("desc").get_text().strip()
    goal = svg.select_one("line.kkp-goal")
    years = [t for t in svg.select("text.kkp-chart-axis") if t.get_text().isdigit() and len(t.get_text()) == 4]
    x_of = {int(t.get_text()): float(t["x"]) for t in years}
    assert float(goal["x2"]) == x_of[progress.GOAL_YEAR + 1]  # stops at the end of 2015 ...
    assert max(float(c["cx"]) for c in svg.select("circle.kkp-series-reported")) > float(goal["x2"])  # ... not at the last year
    assert len(svg.select("circle.kkp-series-reported")) == 2
    values = sorted(t.get_text() for t in svg.select("text.kkp-chart-value"))
    assert values == ["6", "9"]
    labels = {t.get_text() for t in svg.select("text.kkp-chart-label")} | {
        " ".join(s.get_text() for s in t.select("tspan")) for t in svg.select("text.kkp-chart-label")}
    t = site.strings
    assert t("chart.series.records", lang) in labels and t("chart.series.reported", lang) in labels
    assert figure.select_one("details table") and figure.select_one(".kkp-chart-note").get_text()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("render, expected, column", [
    (progress.phase_chart, {"1": 3, "2": 2}, 3),
    (progress.state_chart, {"DE-NW": 3, "DE-BW": 1, "DE-HH": 1}, 1),
])
def test_bar_charts_hold_the_figures_of_their_table(site, lang, render, expected, column):
    figure = soup(render(site, lang))
    bars = [int(t.get_text()) for t in figure.select("svg text.kkp-chart-value")]
    assert sorted(bars) == sorted(expected.values())
    cells = [int(tr.select("td")[column - 1].get_text()) for tr in figure.select("details table tbody tr")]
    assert sorted(cells) == sorted(bars)
    assert figure.select_one("svg")["aria-labelledby"].split()[0].endswith("-t")


def test_region_chart_groups_countries_under_their_region(site):
    figure = soup(progress.region_chart(site, "en"))
    strong = [t.get_text() for t in figure.select("text.kkp-chart-strong")]
    assert len(strong) >= 2 and sum(int(t.get_text()) for t in figure.select("text.kkp-chart-value")) == 2 * len(RECORDS)


# Invariants on the real data: never pinned counts.

@pytest.fixture(scope="module")
def real():
    loaded, problems = load(DATA)
    assert problems == []
    return loaded


@pytest.mark.parametrize("lang", LANGS)
def test_real_map_links_equal_partnerships_with_both_places(real, lang, monkeypatch):
    monkeypatch.setenv("KKP_EDITORIAL", "1")
    both = {k for k, p in real.partnerships if p.german.position and p.partner.position}
    figure = soup(worldmap.figure(real, lang, "../partnerschaften/"))
    for view in figure.select("svg.kkp-map"):
        assert {a["href"].split("/")[-2] for a in view.select("a.kkp-pair")} == both
        assert len(view.select("a.kkp-pair")) == len(both)
    listed = {li.a["href"].split("/")[-2] for li in soup(worldmap.undrawn_list(real, lang)).select("li:has(a)")}
    assert listed == {k for k, _ in real.partnerships} - both


def test_real_coordinates_name_a_web_source(real):
    """Coordinates (a place's own or its seat's) come from a page that can be checked: GeoNames,
    an encyclopaedia or the municipality, never a copy site."""
    from macros.core.records.types import copy_site_host
    for key, p in real.partnerships:
        for side in (p.german, p.partner):
            for place in (side.coordinates, side.seat.coordinates if side.seat else None):
                if place:
                    assert place.source.url and place.source.url.startswith(("https://", "http://")), key
                    assert copy_site_host(place.source.url) is None, key


# In Chromium: a fixture site at 390 and 1280 px in every language.

MEASURE = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.kkp-map, figure.kkp-chart svg')) {
    const texts = [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).visibility !== 'hidden' && t.textContent.trim());
    out.push({cls: svg.getAttribute('class') || 'chart', boxes: texts.map(t => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a,
              x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
    }), svg: (r => ({x0: r.left, x1: r.right}))(svg.getBoundingClientRect())});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("maps-site")
    result = build(make_project(tmp, make_data(tmp)))
    assert result.returncode == 0, result.output
    return result


def _check_texts(measured, where):
    for view in measured:
        boxes = view["boxes"]
        for box in boxes:
            assert box["size"] >= 12, (where, view["cls"], box["text"], box["size"])
            assert box["x0"] >= view["svg"]["x0"] - 1 and box["x1"] <= view["svg"]["x1"] + 1, (where, box["text"])
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                apart = a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["y1"] <= b["y0"] or b["y1"] <= a["y0"]
                assert apart, (where, view["cls"], a["text"], b["text"])


@pytest.mark.slow
def test_in_chromium_text_size_overlap_links_and_weight(fixture_site):
    from browser import CHROMIUM_ARGS, chromium_path, free_port, serve
    from playwright.sync_api import sync_playwright

    port = free_port()
    with serve(fixture_site.site, port), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for lang in LANGS:
            base = f"http://127.0.0.1:{port}/" + ("" if lang == "de" else f"{lang}/")
            for width in (390, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for path in ("karte/", "fortschritt/"):
                    page.goto(base + path)
                    _check_texts(page.evaluate(MEASURE), (lang, width, path))
                page.goto(base + "karte/")
                # each link: reachable by keyboard, its label shown on focus, inside the map, large enough
                links = page.query_selector_all("svg.kkp-map a.kkp-pair")
                assert len(links) == 2 * 3
                for link in links:
                    link.focus()
                    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == link.get_attribute("aria-label")
                    _check_texts(page.evaluate(MEASURE), (lang, width, "focus", link.get_attribute("aria-label")))
                    assert link.eval_on_selector("text.kkp-label", "t => getComputedStyle(t).visibility") == "visible"
                    href = link.get_attribute("href")
                    target = (fixture_site.site / ("" if lang == "de" else lang) / "karte" / href / "index.html").resolve()
                    assert target.is_file(), href
                page.close()
        # first visit of the map page: every transferred byte, compressed as a server would send it
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        sizes = []
        page.on("response", lambda r: sizes.append(len(gzip.compress(r.body())) if r.ok else 0))
        page.goto(f"http://127.0.0.1:{port}/karte/", wait_until="networkidle")
        assert sum(sizes) <= 150_000, sum(sizes)
        assert all(r.startswith(f"http://127.0.0.1:{port}/") for r in page.evaluate(
            "performance.getEntriesByType('resource').map(e => e.name)"))
        browser.close()


def test_real_locator_maps_stay_under_5_kb_gzip(real):
    for key, p in real.partnerships:
        assert len(gzip.compress(str(worldmap.locator(real, p, "fr")).encode())) <= 5000, key


def test_a_label_without_room_in_the_plot_goes_under_it_instead_of_failing_the_build():
    """An editor's new record can stretch the axis so that a label finds no free spot: the
    chart then shows it in a row of its own below the plot; the build never fails on it."""
    from macros.core.maps.charts import Point, years_chart

    records = [Point(year + 0.5, 9 + 3 * i) for i, year in enumerate(range(2011, 2032))]
    reported = [Point(2015.8, 43), Point(2017.5, 60), Point(2022.8, 77)]
    labels = {"records": "Partenariats sur ce site", "reported": "Totaux publiés par des sources",
              "goal": "Objectif\u00a0: 50 d’ici 2015 " * 6}  # far too long for any spot
    svg, height = years_chart(records, reported, 50, 2015, labels)
    assert height > 250 and "Objectif" in str(svg)
