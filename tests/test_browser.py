"""Every kind of page in each language, loaded in a real browser (Chromium via Playwright):
no axe-core violations (WCAG 2.0/2.1 A and AA), no request to another host, no failed
local request, no console error, no cookie; and search stays within the page's language."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from browser import CHROMIUM_ARGS, chromium_path, free_port, serve
from sitebuild import LANGS, build, make_project

pytestmark = pytest.mark.slow  # needs Chromium: left out by make test-fast

PAGES = [
    "", "idee/", "partnerschaften/", "verzeichnis/land/gh/", "verzeichnis/sortiert/partnerkommune/",
    "partnerschaften/bonn-cape-coast/", "partnerschaften/muenchen-harare/", "phasen/phase-1/",
    "publikationen/", "publikationen/dialog-global-61/", "veranstaltungen/", "veranstaltungen/results-phase-2/",
    "karte/", "fortschritt/", "kontakt/", "impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/",
    "suche/?q=Klima",
]
MISSING = "gibt-es-nicht/"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def browser_site(served_real_site):
    result, port = served_real_site
    with serve(result.site, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield url, browser
        browser.close()


def load(browser, url: str, expect_status: int = 200):
    """Open `url` in a fresh context; return the page and what went wrong while loading it."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    host = urlsplit(url).netloc
    page.on("request", lambda r: problems.append(f"other host: {r.url}") if urlsplit(r.url).netloc not in (host, "") and not r.url.startswith("data:") else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 and r.url != url else None)
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" and not (expect_status == 404 and "404" in m.text) else None)
    response = page.goto(url, wait_until="networkidle")
    assert response.status == expect_status, url
    return context, page, problems


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_page_is_clean_in_a_real_browser(browser_site, lang):
    base, browser = browser_site
    axe = Axe()
    report = []
    for path in PAGES + [MISSING]:
        url = base + ("" if lang == "de" else f"{lang}/") + path
        context, page, problems = load(browser, url, 404 if path == MISSING else 200)
        assert page.evaluate("document.documentElement.lang") == lang, url
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"axe {violation['id']}: {violation['help']} {targets}")
        if context.cookies():
            problems.append(f"cookies: {context.cookies()}")
        report += [f"{url}: {p}" for p in problems]
        context.close()
    assert report == []


@pytest.mark.parametrize("lang, word, folder", [("de", "Partnerschaft", ""), ("en", "partnership", "en/"), ("fr", "partenariat", "fr/")])
def test_search_finds_only_pages_of_the_readers_language(browser_site, lang, word, folder):
    base, browser = browser_site
    context, page, problems = load(browser, f"{base}{folder}suche/?q={word}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
    assert links
    for link in links:
        path = urlsplit(link).path
        first = path.lstrip("/").split("/", 1)[0]
        assert (first == lang) if lang != "de" else first not in ("en", "fr"), link
    assert problems == []
    context.close()


def test_header_search_form_opens_the_search_page(browser_site):
    base, browser = browser_site
    context, page, _ = load(browser, base + "en/idee/")
    page.fill("#kkp-search-input", "Bonn")
    page.press("#kkp-search-input", "Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert urlsplit(page.url).path == "/en/suche/" and "q=Bonn" in page.url
    context.close()


def test_pages_load_nothing_until_the_reader_searches(browser_site):
    base, browser = browser_site
    context, page, _ = load(browser, base + "idee/")
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.reload(wait_until="networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    context.close()


def test_site_works_under_a_sub_path(browser_site, tmp_path):
    """Published at /kkp/ (e.g. GitHub Pages of a project): pages, switcher and search."""
    _, browser = browser_site
    port = free_port()
    result = build(make_project(tmp_path), SITE_URL=f"http://127.0.0.1:{port}/kkp/")
    assert result.returncode == 0, result.output
    root = tmp_path / "served"
    root.mkdir()
    (root / "kkp").symlink_to(result.site, target_is_directory=True)
    with serve(root, port) as url:
        context, page, problems = load(browser, url + "kkp/en/partnerschaften/bonn-cape-coast/")
        try:
            french = page.eval_on_selector("a.md-select__link[hreflang=fr]", "e => e.href")
            assert urlsplit(french).path == "/kkp/fr/partnerschaften/bonn-cape-coast/"
            assert page.goto(french).status == 200
            page.goto(url + "kkp/en/suche/?q=Bonn", wait_until="networkidle")
            page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
            links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
            assert links and all(urlsplit(link).path.startswith("/kkp/en/") for link in links), links
            # a request cut short by the next navigation (the favicon) is not a failure
            assert [p for p in problems if "net::ERR_ABORTED" not in p] == []
        finally:
            context.close()


def test_keyboard_reaches_skip_link_language_menu_and_search(browser_site):
    base, browser = browser_site
    context, page, _ = load(browser, base + "en/idee/")
    page.keyboard.press("Tab")
    first = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert first == ["md-skip", "Skip to content"]
    assert page.is_visible("a.md-skip:focus")  # the skip link shows when it has the focus
    reached = []
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.className + '|' + (document.activeElement.getAttribute('hreflang') || document.activeElement.id)"))
        if reached[-1].endswith("|fr"):
            assert page.is_visible("a.md-select__link[hreflang=fr]")  # the menu opens for the keyboard
    assert any(r.startswith("md-select__link|") for r in reached), reached
    assert "kkp-search__input|kkp-search-input" in reached, reached
    context.close()


def test_search_menu_and_map_work_within_the_content_security_policy(browser_site):
    """Every page carries a policy without inline scripts (macros/core/files/policy.py): the
    search (Pagefind, WebAssembly), the menu of a narrow screen and the map must not need more."""
    base, browser = browser_site
    context = browser.new_context(viewport={"width": 390, "height": 800})
    context.add_init_script("window.kkpViolations = [];"
                            "document.addEventListener('securitypolicyviolation', e => window.kkpViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page = context.new_page()
    page.goto(base + "suche/?q=Klima", wait_until="networkidle")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert page.evaluate("window.kkpViolations") == []
    page.goto(base + "karte/", wait_until="networkidle")
    assert page.locator("svg circle, svg a").count() > 0
    page.locator("button.kkp-menu").focus()  # docs/assets/site.js made the label a button: the script ran
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("window.kkpViolations") == []
    assert page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content").startswith("default-src 'self'")
    context.close()
