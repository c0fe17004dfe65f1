"""The site's public face (issue 20), in Chromium on the built site in de, en and fr:

- at 1280 px every page (one of every template) has 4 to 8 visible navigation links in its
  header, the current section marked, and no list of the whole site beside the content;
- the directory, its filter and phase pages and the map use the whole width: their main
  column is at least 880 px wide at 1280 px;
- at 390 px nothing on the directory's pages scrolls sideways (one card per partnership);
- the map's world view is at least 380 px tall at 1280 px and 220 px at 390 px, and a link
  lets a keyboard user past the map's links.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from browser import CHROMIUM_ARGS, TEMPLATE_PAGES, chromium_path, serve, template_url
from sitebuild import LANGS

pytestmark = pytest.mark.slow  # needs Chromium: left out by make test-fast

HEADER_LINKS = (4, 8)
WIDE_COLUMN_PX = 880
WIDE_PAGES = ("directory", "filter", "phase", "map")
LIST_PAGES = ("directory", "filter", "phase")
MAP_HEIGHT_PX = {1280: 380, 390: 220}
#: the section each template page belongs to (its header link is marked), None: none
SECTION_OF = {"directory": "partnerschaften/", "filter": "partnerschaften/", "phase": "partnerschaften/",
              "profile": "partnerschaften/", "map": "karte/", "page": "idee/", "progress": "idee/",
              "catalogue": "publikationen/", "publication": "publikationen/", "events": "veranstaltungen/",
              "event": "veranstaltungen/", "contact": "kontakt/", "home": None, "legal": None}

HEADER = r"""
() => {
  const shown = (el) => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    return s.display !== "none" && s.visibility !== "hidden" && r.width > 0 && r.height > 0; };
  const main = document.querySelector("main");
  const header = [...document.querySelectorAll("a[href]")].filter(a => shown(a)
    && a.closest("header, nav.kkp-sections") && !a.closest(".md-select, .md-skip, .kkp-brand"));
  const content = document.querySelector(".md-content").getBoundingClientRect();
  // links of the whole site visible beside the content (left or right of it, in <main>)
  const beside = [...main.querySelectorAll("nav a[href]")].filter(a => shown(a) && !a.closest(".md-content")
    && !a.closest(".md-sidebar--secondary"));
  return {
    links: header.map(a => a.textContent.trim()),
    current: header.filter(a => a.hasAttribute("aria-current")).map(a => a.href),
    beside: beside.length,
    column: content.width,
  };
}
"""

SIDEWAYS = r"""
() => [...document.querySelectorAll(".md-content *")].filter(el => {
  const s = getComputedStyle(el);
  return /auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
}).map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} px in ${el.clientWidth} px`)
"""


@pytest.fixture(scope="module")
def face_site(served_real_site):
    result, port = served_real_site
    with serve(result.site, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield url, browser
        browser.close()


def _open(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_the_sections_in_its_header_and_no_site_list_beside_the_content(face_site, lang):
    base, browser = face_site
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    report = []
    for name, path in TEMPLATE_PAGES.items():
        if name == "search":
            path = path.split("?")[0]
        page = _open(context, template_url(base, lang, path))
        state = page.evaluate(HEADER)
        low, high = HEADER_LINKS
        if not low <= len(state["links"]) <= high:
            report.append(f"{name}: {len(state['links'])} header links {state['links']}")
        if state["beside"]:
            report.append(f"{name}: {state['beside']} links of the site's navigation beside the content")
        if name in SECTION_OF:
            wanted = SECTION_OF[name]
            expected = [template_url(base, lang, wanted)] if wanted else []
            if state["current"] != expected:
                report.append(f"{name}: current section {state['current']}, expected {expected}")
        if name in WIDE_PAGES and state["column"] < WIDE_COLUMN_PX:
            report.append(f"{name}: main column {state['column']:.0f} px")
        page.close()
    context.close()
    assert report == [], "\n".join(report)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_on_the_directory_pages_scrolls_sideways_at_390_px(face_site, lang):
    base, browser = face_site
    context = browser.new_context(viewport={"width": 390, "height": 800})
    for name in LIST_PAGES:
        page = _open(context, template_url(base, lang, TEMPLATE_PAGES[name]))
        assert page.evaluate(SIDEWAYS) == [], name
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        # one card per partnership: each row as wide as the column, its title a link
        rows = page.eval_on_selector_all("table.kkp-list tbody tr", "rows => rows.map(r => [r.getBoundingClientRect().width, !!r.querySelector('td:first-child a')])")
        column = page.evaluate("document.querySelector('.md-content__inner').getBoundingClientRect().width")
        assert rows and all(width <= column + 1 and linked for width, linked in rows), name
        page.close()
    context.close()


@pytest.mark.parametrize("width", sorted(MAP_HEIGHT_PX))
@pytest.mark.parametrize("lang", LANGS)
def test_the_world_view_is_tall_enough_and_the_map_links_can_be_skipped(face_site, lang, width):
    base, browser = face_site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = _open(context, template_url(base, lang, TEMPLATE_PAGES["map"]))
    height = page.evaluate("document.querySelector('svg.kkp-map-world').getBoundingClientRect().height")
    assert height >= MAP_HEIGHT_PX[width], height
    skip = page.locator("a.kkp-skip-map")
    skip.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # the next Tab stop is after the map: not inside either of its views
    assert page.evaluate("!document.activeElement.closest('svg.kkp-map')")
    assert page.evaluate("document.activeElement.compareDocumentPosition(document.querySelector('.kkp-map-views')) & Node.DOCUMENT_POSITION_PRECEDING")
    context.close()
