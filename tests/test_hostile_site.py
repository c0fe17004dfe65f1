"""A site built from hostile interface texts: every text of data/ui.yml carries markup and a
quote that would end an attribute; every page of every language shows it as text. The same
build holds the records of tests/fixtures/hostile-downloads/ (formulas, BibTeX breakers,
markup in every language), shown as text on their pages, and checks the Content-Security-Policy
of every page and that no page has an inline script but its JSON-LD."""

from __future__ import annotations

import shutil

import pytest
import yaml

from macros.core.files import policy
from sitebuild import FIXTURES, LANGS, ROOT, build, make_project

PAYLOAD = '<img src=x onerror=alert(1)>" onmouseover="alert(2)'


@pytest.fixture(scope="module")
def hostile_ui(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-ui")
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copytree(FIXTURES / "hostile-downloads", data, dirs_exist_ok=True)
    texts = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    for entry in texts.values():
        for lang in entry:
            entry[lang] = f"{entry[lang]} {PAYLOAD}"
    (data / "ui.yml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    result = build(make_project(tmp, data))
    assert result.returncode == 0, result.output
    return result


def test_every_interface_text_is_inert_on_every_page(hostile_ui):
    pages = hostile_ui.html_files()
    assert len(pages) > 30
    shown = set()
    for path in pages:
        soup = hostile_ui.soup(path.relative_to(hostile_ui.site).as_posix())
        assert not soup.select("img, [onerror], [onmouseover]"), path
        if PAYLOAD in soup.get_text():
            shown.add(soup.html["lang"][:2])
    assert shown == set(LANGS)


def test_interface_texts_in_attributes_stay_inside_them(hostile_ui):
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        soup = hostile_ui.soup(f"{prefix}index.html")
        menu = soup.select_one("label.kkp-menu")
        assert menu["title"].endswith(PAYLOAD)


def test_every_page_has_the_policy_and_no_inline_script(hostile_ui):
    assert "'unsafe-inline'" not in policy.CSP and "script-src 'self' 'wasm-unsafe-eval'" in policy.CSP
    for path in hostile_ui.html_files():
        soup = hostile_ui.soup(path.relative_to(hostile_ui.site).as_posix())
        metas = soup.select('meta[http-equiv="Content-Security-Policy"]')
        assert [meta["content"] for meta in metas] == [policy.CSP], path
        assert soup.head.find("meta") is soup.head.select_one("meta[charset]") and soup.head.select("meta")[1] is metas[0]
        inline = [s for s in soup.select("script") if not s.get("src") and s.get("type") != "application/ld+json"]
        assert inline == [], path


def test_readme_gives_the_policy_as_headers():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert policy.nginx() in readme and policy.apache() in readme


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_records_are_text_on_their_pages(hostile_ui, lang):
    from test_hostile_downloads import EVENT_TITLES

    prefix = "" if lang == "de" else f"{lang}/"
    expected = {
        "partnerschaften/formula-names": ['=HYPERLINK("http://evil.example/","x")'],
        "veranstaltungen/formula-meeting": [EVENT_TITLES[lang]],
        "publikationen/breakout-report": ["Report},note={injected", "Bonn}, title={x"],
    }
    for page, texts in expected.items():
        soup = hostile_ui.soup(f"{prefix}{page}/index.html")
        article = soup.select_one("article")
        for text in texts:
            assert text in article.get_text(), (page, text)
        assert not article.select("script:not([type='application/ld+json']), b, x, a[href^='http://evil']"), page
