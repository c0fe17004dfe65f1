"""Builds of small fixture sites: pages per record, languages, fallback, escaping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitebuild import FIXTURES, LANGS, ROOT, SITE_URL, build, make_project, neutral_path

RECORDS = FIXTURES / "records"


def data_folder(tmp: Path, *records: str) -> Path:
    data = tmp / "data"
    (data / "partnerships").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    shutil.copytree(FIXTURES / "base", data, dirs_exist_ok=True)
    for record in records:
        shutil.copy(RECORDS / f"{record}.yml", data / "partnerships" / f"{record}.yml")
    return data


def build_with(tmp: Path, *records: str):
    result = build(make_project(tmp, data_folder(tmp, *records)))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return build_with(tmp_path_factory.mktemp("small"), "alpha-beta", "gamma-delta")


def test_home_pages_have_their_language(small):
    expected = {
        "index.html": ("de", "Kommunale Klimapartnerschaften", "Zum Inhalt"),
        "en/index.html": ("en", "Municipal Climate Partnerships", "Skip to content"),
        "fr/index.html": ("fr", "Partenariats communaux pour le climat", "Aller au contenu"),
    }
    for rel, (lang, site_name, skip_link) in expected.items():
        soup = small.soup(rel)
        assert soup.html["lang"] == lang, rel
        assert soup.title.get_text().strip().endswith(site_name) or soup.title.get_text().strip() == site_name
        assert skip_link in soup.get_text(), rel


def test_ui_strings_of_generated_pages_follow_the_language(small):
    headings = {"de": "Die beiden Kommunen", "en": "The two municipalities", "fr": "Les deux communes"}
    for lang, heading in headings.items():
        prefix = "" if lang == "de" else f"{lang}/"
        soup = small.soup(f"{prefix}partnerschaften/alpha-beta/index.html")
        assert soup.html["lang"] == lang
        assert heading in [h.get_text(strip=True).rstrip("¶") for h in soup.find_all("h2")]


def test_one_page_per_record_and_language(small, tmp_path):
    for lang in LANGS:
        assert small.profile_pages(lang) == {"alpha-beta", "gamma-delta"}
    added = build_with(tmp_path / "added", "alpha-beta", "gamma-delta", "epsilon-zeta")
    removed = build_with(tmp_path / "removed", "alpha-beta")
    for lang in LANGS:
        assert added.profile_pages(lang) == {"alpha-beta", "gamma-delta", "epsilon-zeta"}
        assert removed.profile_pages(lang) == {"alpha-beta"}


def test_list_page_links_every_profile(small):
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        soup = small.soup(f"{prefix}partnerschaften/index.html")
        links = {a["href"] for a in soup.select("table.kkp-list tbody td:first-child a")}
        assert links == {"alpha-beta/", "gamma-delta/"}


def test_missing_translation_falls_back_to_german_visibly(small):
    notes = {"en": "This text is not yet available in English", "fr": "Ce texte n'est pas encore disponible en français"}
    for lang, note in notes.items():
        soup = small.soup(f"{lang}/partnerschaften/gamma-delta/index.html")
        german = soup.find(string=lambda s: s and "Nur deutscher Schwerpunkt Gamma." in s)
        assert german is not None
        assert german.parent.get("lang") == "de"
        assert "German only" in soup.get_text() if lang == "en" else "en allemand uniquement" in soup.get_text()
        assert note in soup.get_text()
        # a translated text carries no marker
        alpha = small.soup(f"{lang}/partnerschaften/alpha-beta/index.html")
        assert not alpha.select('article [lang="de"]')
    # the German page shows the same text without any note
    de = small.soup("partnerschaften/gamma-delta/index.html")
    assert not de.select(".kkp-fallback")


def test_record_text_never_becomes_markup_or_template(small):
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        path = small.site / f"{prefix}partnerschaften/gamma-delta/index.html"
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img src=x" not in raw
        soup = small.soup(f"{prefix}partnerschaften/gamma-delta/index.html")
        text = soup.get_text()
        assert "{{ 7*7 }}" in text and "{% raw %}" in text
        assert "Bild <img src=x onerror=alert(2)> hier" in text
        assert "Nur deutsch 49" not in text
        assert "Delta <script>alert(1)</script> & Co" in soup.h1.get_text()
        assert "Delta <script>alert(1)</script> & Co" in soup.title.get_text()


def test_no_template_syntax_left_in_any_output(small):
    for path in list(small.site.rglob("*.html")) + list(small.site.rglob("*.xml")):
        content = path.read_text(encoding="utf-8")
        assert "{{" not in content and "{%" not in content, path


def test_pilot_summary_is_computed_from_records(small, tmp_path):
    expected = {
        "de": "1 deutsche Kommune und 1 Landkreis",
        "en": "1 German municipality and 1 rural district (Landkreis)",
        "fr": "1 commune allemande et 1 arrondissement rural (Landkreis)",
    }
    countries = {"de": "Ghana und Tansania", "en": "Ghana and Tanzania", "fr": "Ghana et Tanzanie"}
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        for page in ("index.html", "fortschritt/index.html"):
            text = " ".join(small.soup(prefix + page).select_one(".kkp-pilot-summary").get_text().split())
            assert expected[lang] in text and countries[lang] in text
    # one record fewer: the sentence changes with the data
    fewer = build_with(tmp_path, "alpha-beta")
    text = fewer.soup("fortschritt/index.html").select_one(".kkp-pilot-summary").get_text()
    assert "1 deutsche Kommune Klimapartnerschaften mit Partnerkommunen in Ghana auf" in text


def test_broken_internal_link_fails_the_build(tmp_path):
    project = make_project(tmp_path, data_folder(tmp_path, "alpha-beta"))
    page = project / "docs" / "idee.de.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kaputt](gibt-es-nicht.md)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "gibt-es-nicht.md" in result.output and "Aborted" in result.output
    assert "Site built:" not in result.output  # no success line before the strict abort


def test_broken_data_fails_the_build_without_traceback(tmp_path):
    data = data_folder(tmp_path, "alpha-beta")
    record = data / "partnerships" / "alpha-beta.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("relationship: twinning", "relationship: twining"), encoding="utf-8")
    result = build(make_project(tmp_path, data))
    assert result.returncode != 0
    assert "Die Daten haben Probleme:\n" in result.output  # the heading in the checker's language too
    assert (
        "data/partnerships/alpha-beta.yml:3: relationship: 'twining' ist nicht erlaubt "
        "(meinten Sie 'twinning'?); erlaubt: municipal, project, thematic, twinning"
    ) in result.output
    assert "Traceback" not in result.output


def test_hreflang_alternates_are_absolute(small):
    for path in small.html_files():
        rel = path.relative_to(small.site).as_posix()
        if rel.endswith("404.html"):
            continue
        soup = small.soup(rel)
        links = soup.select('link[rel="alternate"][hreflang]')
        assert {link["hreflang"] for link in links} == {"de", "en", "fr", "x-default"}, rel
        assert all(link["href"].startswith(SITE_URL) for link in links), rel


def test_hand_written_page_without_translation_falls_back_visibly(tmp_path):
    project = make_project(tmp_path, data_folder(tmp_path, "alpha-beta"))
    (project / "docs" / "kontakt.fr.md").unlink()
    result = build(project)
    assert result.returncode == 0, result.output
    soup = result.soup("fr/kontakt/index.html")
    assert soup.html["lang"] == "fr"
    article = soup.select_one("article")
    assert "Cette page n’est pas encore disponible en français" in article.get_text()
    german = article.select_one('div[lang="de"]')
    assert german is not None and "Servicestelle Kommunen in der Einen Welt" in german.get_text()
    # the translated pages are not marked as a fallback (German names in them carry lang="de" by design)
    assert not result.soup("en/kontakt/index.html").select("article .kkp-fallback")
    assert not result.soup("kontakt/index.html").select(".kkp-fallback")


def test_sitemap_lists_every_page_with_absolute_alternates(small):
    sitemap = (small.site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        for record in ("alpha-beta", "gamma-delta"):
            assert f"<loc>{SITE_URL}{prefix}partnerschaften/{record}/</loc>" in sitemap
            assert f'hreflang="{lang}" href="{SITE_URL}{prefix}partnerschaften/{record}/"' in sitemap


def test_no_page_refers_to_another_host_for_resources(small):
    for path in small.html_files():
        soup = small.soup(path.relative_to(small.site).as_posix())
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if tag == "link" and "alternate" in element.get("rel", []) or "canonical" in element.get("rel", []):
                    continue
                assert not url.startswith(("http://", "https://", "//")), f"{path}: {url}"


def test_undefined_macro_fails_the_build(tmp_path):
    project = make_project(tmp_path, data_folder(tmp_path, "alpha-beta"))
    page = project / "docs" / "idee.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "no_such_macro" in result.output


def test_json_ld_of_profiles_parses_and_keeps_record_text_as_text(small):
    import json

    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        soup = small.soup(f"{prefix}partnerschaften/gamma-delta/index.html")
        blocks = soup.find_all("script", type="application/ld+json")
        assert len(blocks) == 1
        data = json.loads(blocks[0].string)
        assert data["@type"] == "Project" and data["inLanguage"] == lang
        assert data["url"] == f"{SITE_URL}{prefix}partnerschaften/gamma-delta/"
        names = [member["name"] for member in data["member"]]
        assert names == ["Gammakreis", "Delta <script>alert(1)</script> & Co"]
        raw = blocks[0].string
        assert "<" not in raw and "{{" not in raw


def test_material_is_overridden_by_blocks_of_the_pinned_version():
    """overrides/main.html copies blocks of Material 9.8.2 (site_meta, site_nav, container) and
    partials/kkp-sections.html takes the place of its tabs partial: a new Material version must
    be compared with them before the pin moves."""
    from importlib.metadata import version

    assert version("mkdocs-material") == "9.8.2"
    assert "mkdocs-material 9.8.2" in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "Material 9.8.2" in (ROOT / "overrides" / "partials" / "kkp-sections.html").read_text(encoding="utf-8")
    assert not (ROOT / "overrides" / "base.html").exists()


def test_theme_fixes_reach_every_page(small):
    for path in small.html_files():
        raw = path.read_text(encoding="utf-8")
        rel = path.relative_to(small.site).as_posix()
        assert 'type="checkbox" id="__drawer">' in raw and 'autocomplete="off"' not in raw, rel
        excluded = neutral_path(rel).startswith(("verzeichnis/", "404.html"))  # filter views, 404 pages
        assert ("data-pagefind-body" in raw) == (not excluded), rel
