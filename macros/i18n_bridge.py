"""Everything that relies on mkdocs-static-i18n internals, in one place.

Verified against mkdocs-static-i18n 1.3.1 (pinned). The plugin rebuilds the file list in
its `on_files` (priority -100) and drops files that are not on disk, so generated pages
are added after it, once per language pass, with the attributes it sets on its own
files (`alternates`, `locale`, `locale_alternate_of`, `localization`, `norm_src_uri`)
and registered in `i18n_files_per_language`, which its sitemap template reads.
`tests/test_i18n_internals.py` fails when any of this changes.
"""

from __future__ import annotations

from posixpath import splitext
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

PLUGIN_NAME = "i18n"
GENERATOR = "klimapartnerschaften"


def plugin(config: MkDocsConfig):
    try:
        return config.plugins[PLUGIN_NAME]
    except KeyError:
        raise RuntimeError("mkdocs.yml must enable the 'i18n' plugin (mkdocs-static-i18n)") from None


def current_language(config: MkDocsConfig) -> str:
    """The language of the pages being built now: the one source of truth for every macro.

    `page.file.locale` is wrong on pages that fall back to the German source; the
    plugin's `current_language` is right in every language pass.
    """
    return plugin(config).current_language


def languages(config: MkDocsConfig) -> tuple[str, str, list[str]]:
    """(current, default, all built) languages."""
    i18n = plugin(config)
    return i18n.current_language, i18n.default_language, list(i18n.build_languages)


def _dest_uri(src_uri: str, lang: str, default: str) -> str:
    stem = splitext(src_uri)[0]
    dest = "index.html" if stem == "index" else f"{stem}/index.html"
    return dest if lang == default else f"{lang}/{dest}"


def add_pages(files: Files, config: MkDocsConfig, src_uris, content) -> Files:
    """Add generated pages of the current language to `files`.

    `content(src_uri, absolute_url)` returns the Markdown of the page at `src_uri`.
    """
    current, default, built = languages(config)
    registered = plugin(config).i18n_files_per_language.setdefault(current, [])
    for src_uri in src_uris:
        dest_uri = _dest_uri(src_uri, current, default)
        url = urljoin(config.site_url or "", dest_uri.removesuffix("index.html"))
        page_file = File.generated(config, src_uri, content=content(src_uri, url))
        page_file.generated_by = GENERATOR
        alternates = {}
        for lang in built:
            if lang == current:
                alternates[lang] = page_file
            else:
                alternates[lang] = File(
                    src_uri, src_dir=None, dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                    dest_uri=_dest_uri(src_uri, lang, default),
                )
        page_file.dest_uri = dest_uri
        page_file.alternates = alternates
        page_file.locale = current
        page_file.locale_alternate_of = current
        page_file.localization = None if current == default else current
        page_file.norm_src_uri = src_uri
        files.append(page_file)
        registered.append(page_file)
    return files


def absolute_alternates(page, config: MkDocsConfig) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of the page in every built language, plus x-default."""
    _, default, built = languages(config)
    alternates = getattr(page.file, "alternates", {}) or {}
    result = []
    for lang in built:
        target = alternates.get(lang)
        if target is not None:
            result.append((lang, urljoin(config.site_url, target.url)))
    by_lang = dict(result)
    if default in by_lang:
        result.append(("x-default", by_lang[default]))
    return result


def relative_switcher_links(page, config: MkDocsConfig) -> None:
    """Point Material's language switcher at this page's alternates on every page.

    The plugin leaves the home pages with root-absolute links ("/en/"), which break when
    the site is served from a sub-path other than site_url's; site-relative URLs (which
    the theme's `url` filter makes relative to the page) work on any static host.
    """
    alternates = getattr(page.file, "alternates", {}) or {}
    # The plugin assigns `config.extra.alternate` as an attribute, which is what the
    # templates read; the item of the same name is another, older list.
    entries = getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
    for entry in entries:
        target = alternates.get(entry.get("lang"))
        if target is not None:
            entry["link"] = target.url


def home_switcher_links(config: MkDocsConfig) -> None:
    """On pages that are not documents (the 404 page), the switcher leads to each language's
    home page; the plugin's initial links are absolute paths, right for a page served at any
    address."""
    from copy import deepcopy

    initial = plugin(config).extra_alternate
    if initial:
        config.extra.alternate = deepcopy(initial)
