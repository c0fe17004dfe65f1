"""On every page of the real site, the language switcher leads to the same page in the
other language, and that page exists and is in that language."""

from __future__ import annotations

import posixpath
import re

from bs4 import BeautifulSoup, SoupStrainer

from sitebuild import LANGS, lang_of_path, neutral_path

SWITCHER = SoupStrainer("a", class_="md-select__link")
HTML_LANG = re.compile(r'<html lang="([a-z]+)"')


def resolve(page_rel: str, href: str) -> str:
    """The site-relative file a link on `page_rel` points to."""
    if href.startswith("/"):
        target = href.lstrip("/")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), href))
        target = "" if target == "." else target
    return posixpath.join(target, "index.html") if not target.endswith(".html") else target


def test_switcher_leads_to_the_same_page_in_each_language(real_site):
    raw = {p.relative_to(real_site.site).as_posix(): p.read_text(encoding="utf-8") for p in real_site.html_files()}
    page_lang = {rel: HTML_LANG.search(text).group(1) for rel, text in raw.items()}
    checked = 0
    for rel, text in raw.items():
        if rel.endswith("404.html"):
            continue
        soup = BeautifulSoup(text, "html.parser", parse_only=SWITCHER)
        links = {a["hreflang"]: a["href"] for a in soup.find_all("a", hreflang=True)}
        assert set(links) == set(LANGS), rel
        for lang, href in links.items():
            target = resolve(rel, href)
            assert target in raw, f"{rel}: {lang} -> {href}"
            assert lang_of_path(target) == lang, f"{rel}: {lang} -> {href}"
            assert neutral_path(target) == neutral_path(rel), f"{rel}: {lang} -> {href}"
            assert page_lang[target] == lang
        checked += 1
    # hand-written pages and one profile per record, each in three languages
    assert checked >= 3 * (8 + 9)


def test_404_pages_lead_to_each_languages_home(real_site):
    from sitebuild import SITE_URL
    from urllib.parse import urlsplit

    base = urlsplit(SITE_URL).path  # the 404 page is served at any address: absolute paths
    for lang, rel in (("de", "404.html"), ("en", "en/404.html"), ("fr", "fr/404.html")):
        soup = real_site.soup(rel)
        assert soup.html["lang"] == lang
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert links == {"de": base, "en": f"{base}en/", "fr": f"{base}fr/"}
        assert len(soup.select("nav.kkp-legal a")) == 4
