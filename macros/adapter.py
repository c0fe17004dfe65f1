"""What both adapters (the MkDocs hook and the mkdocs-macros module) need from a build."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from macros import i18n_bridge
from macros.core import html as core_html
from macros.core import exports, links, store
from macros.core.pages import generated_pages
from macros.core.site import SiteData


def data_dir(config) -> Path:
    """`data/` next to mkdocs.yml."""
    return Path(config.config_file_path).parent / "data"


def site_data(config) -> SiteData:
    """The checked data; a clear build error (no traceback) listing every problem."""
    try:
        return store.get(data_dir(config))
    except store.DataError as err:
        raise PluginError(f"The data has problems:\n{store.report(err.problems)}") from None


def language(config) -> str:
    return i18n_bridge.current_language(config)


# MkDocs events, forwarded by macros/hooks.py


EDIT_URI = "edit/main/docs/"  # GitHub's editor, main branch


def on_config(config):
    site_data(config)  # fail before anything is built if a data file is broken
    if config.repo_url:
        config.edit_uri = EDIT_URI
    return config


def on_files(files, config):
    data = site_data(config)
    lang = language(config)
    pages = {links.src_uri(page.folder): page for page in generated_pages(data)}
    files = i18n_bridge.add_pages(files, config, pages, lambda src_uri, url: pages[src_uri].render(lang, url))
    for src_uri, page in pages.items():
        if page.record:
            files.get_file_from_path(src_uri).kkp_record = page.record
    return files


def on_page_content(html, page, config, files):
    """Mark a hand-written page that falls back to German in another language's site."""
    lang = language(config)
    source = getattr(page.file, "locale", lang)
    if source == lang:
        return html
    return core_html.fallback_page(html, source, site_data(config).strings, lang)


def on_post_build(config):
    """Write the citation, calendar and feed files of the language just built."""
    data = site_data(config)
    current, default, _ = i18n_bridge.languages(config)
    root = exports.lang_root(config.site_url or "http://localhost/", current, default)
    target = Path(config.site_dir) / ("" if current == default else current)
    for path, content in exports.files(data, current, root, exports.updated_dates(data, data_dir(config))).items():
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(content)


def on_page_context(context, page, config, nav):
    context["kkp_alternates"] = i18n_bridge.absolute_alternates(page, config)
    current, default, _ = i18n_bridge.languages(config)
    context["kkp_feed"] = ("" if current == default else f"{current}/") + links.FEED
    record = getattr(page.file, "kkp_record", None)
    if record and config.repo_url:
        # a generated page is edited in the YAML file of its record, next to docs/
        docs_edit = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "")
        page.edit_url = urljoin(docs_edit, "../" + site_data(config).path(*record))
    i18n_bridge.relative_switcher_links(page, config)
    return context
