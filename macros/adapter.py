"""What both adapters (the MkDocs hook and the mkdocs-macros module) need from a build."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markupsafe

from mkdocs.exceptions import PluginError

from macros import i18n_bridge, passes, quiet
from macros.core.markup import html as core_html
from macros.core.checking import docs_rules, messages, store
from macros.core.checking.problems import report
from macros.core.files import exports, feeds, formats, links, opendata, policy
from macros.core.markup import typography
from macros.core.pages import editorial, search
from macros.core.pages.errorpage import error_page
from macros.core.pages.pages import generated_pages
from macros.core.checking.site import SiteData
from macros.core.markup.stash import Stash


def data_dir(config) -> Path:
    """`data/` next to mkdocs.yml."""
    return Path(config.config_file_path).parent / "data"


class BuildState:
    """Everything the adapters keep between MkDocs events, in one object.

    MkDocs runs one pass per language (mkdocs-static-i18n), and `mkdocs serve` runs many
    builds in one process; each pass starts with `on_config`, which loads the data (again
    only if a data file changed). The stash holds finished HTML away from Markdown
    (macros/core/markup/stash.py); the 404 pages of the languages built so far are kept until the
    last pass writes them all.
    """

    def __init__(self):
        self.data: SiteData | None = None
        self.serving = False               # under `mkdocs serve` (set by the hook's on_startup)
        self.problems: list = []           # data problems met while serving: every page shows them
        self.stash = Stash()
        self.not_found_page: bytes | None = None  # the default language's, which later passes overwrite
        self.git_dates: dict[str, str] | None = None  # file (relative to the project) -> last commit, once per build
        self.search_job: search.Background | None = None  # the preview's Pagefind run, if one is under way
        self.clock: quiet.Clock | None = None  # since the start of the build that was started


STATE = BuildState()


def load_data(config) -> SiteData:
    """Check the data (again only if a file changed) at the start of each language pass.

    A build stops at the first broken file. The live preview does not: it goes on with the
    last good data and shows the problems on every page instead (macros/core/pages/errorpage.py),
    so the server keeps running and the next good save brings the site back."""
    try:
        STATE.data = store.get(data_dir(config))
        STATE.problems = []
    except store.DataError as err:
        if not (STATE.serving and STATE.data):
            heading = messages.render(messages.msg("build.data_problems"), messages.language())
            raise PluginError(f"{heading}\n{store.report(err.problems)}") from None
        STATE.problems = err.problems
    return STATE.data


def check_pages(config) -> None:
    """Refuse to build hand-written pages that break the rules of docs_rules (Jinja beyond
    the site's macros, HTML beyond the allow-list, links to other schemes, symbolic links):
    mkdocs-macros would otherwise run their Jinja with full access to Python."""
    problems = docs_rules.check(Path(config.docs_dir))
    if problems:
        heading = messages.render(messages.msg("build.page_problems"), messages.language())
        raise PluginError(f"{heading}\n{report(problems, messages.language())}")


def site_data(config) -> SiteData:
    """The data of the build under way (loaded by on_config), for every page event."""
    return STATE.data or load_data(config)


def language(config) -> str:
    return i18n_bridge.current_language(config)


# MkDocs events, forwarded by macros/hooks.py


EDIT_URI = "edit/main/docs/"  # GitHub's editor, main branch
LONG_PAGE_HEADINGS = 5  # a page with this many sections shows its own contents list beside it


def on_config(config):
    quiet.install()
    if STATE.search_job and passes.outer_pass(config):
        STATE.search_job.stop()  # the last preview's index: the site folder is rebuilt now
        STATE.search_job = None
    load_data(config)  # fail before anything is built if a data file is broken
    check_pages(config)  # and before mkdocs-macros renders a page that breaks the rules
    first = not passes.only_language() and not i18n_bridge.plugin(config).building
    if first and STATE.problems:  # the live preview goes on with the last good data (information: a warning would end it under --strict)
        quiet.log.info(f"{messages.render(messages.msg('build.data_problems'), messages.language())}\n{store.report(STATE.problems)}")
    # which languages this process builds: the preview builds them in turn in its own process,
    # whose modules and caches are warm (6.5 s from save to page here, against 10.4 s with a new
    # process per language and rebuild, on the same busy machine)
    passes.configure(config, in_turn=STATE.serving or bool(STATE.problems))
    passes.start(config)  # the other languages in processes of their own, if the machine has the cores
    if first:
        STATE.clock = quiet.Clock()
        STATE.not_found_page = None  # not one of a build that failed
    STATE.git_dates = None
    if config.repo_url:
        config.edit_uri = EDIT_URI
    return config


def on_files(files, config):
    data = site_data(config)
    lang = language(config)
    pages = {links.src_uri(page.folder): page for page in generated_pages(data)}
    files = i18n_bridge.add_pages(files, config, pages, lambda src_uri, url: pages[src_uri].render(lang, url).markdown(STATE.stash.put))
    for src_uri, page in pages.items():
        generated = files.get_file_from_path(src_uri)
        generated.kkp_generated = True
        if page.record:
            generated.kkp_record = page.record
    return files


def on_page_content(html, page, config, files):
    """Put the stashed HTML back; mark a hand-written page that falls back to German."""
    html = STATE.stash.restore(html)
    lang = language(config)
    source = getattr(page.file, "locale", lang)
    if editorial.enabled() and not getattr(page.file, "kkp_generated", False):
        html = _after_heading(html, editorial.page_notes(lang, f"docs/{page.file.src_uri}", source))
    if source != lang:
        html = core_html.fallback_page(html, source, site_data(config).strings, lang)
    if lang != "fr":
        return html
    if source == lang:  # the contents list repeats the headings: French spacing there too
        _french_toc(page.toc)
    return typography.french(html)  # French spacing; a German fallback is marked lang="de"


def _french_toc(items) -> None:
    for item in items:
        item.title = typography.french(item.title)
        _french_toc(item.children)


def _after_heading(html: str, part: str) -> str:
    """`part` right after the page's first heading (or at the top)."""
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}\n{part}{rest}" if found else f"{part}\n{html}"


def on_post_build(config):
    """Write the citation, calendar and feed files of the language just built."""
    data = site_data(config)
    current, default, built = i18n_bridge.languages(config)
    root = exports.lang_root(config.site_url or "http://localhost/", current, default)
    target = Path(config.site_dir) / ("" if current == default else current)
    files = exports.files(data, current, root, exports.updated_dates(data, data_dir(config)))
    if current == default:  # open data: one set of files for every language
        files.update(opendata.files(data, root))
        files[opendata.FOLDER + "veranstaltungen.ics"] = files[links.CALENDAR]
    for path, content in files.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_bytes(content)


def on_build_finished(config):
    """After every language (the default language's pass, once the others have ended): give
    each language its 404 page and index the whole site for search."""
    if not passes.outer_pass(config):
        return
    passes.finish(config)
    if STATE.not_found_page is not None:
        (Path(config.site_dir) / "404.html").write_bytes(STATE.not_found_page)
        STATE.not_found_page = None
    if STATE.serving:  # the preview shows the pages at once; search follows a moment later
        STATE.search_job = search.Background(Path(config.site_dir))
    else:
        try:
            search.index(Path(config.site_dir))
        except RuntimeError as err:
            raise PluginError(str(err)) from None
    if STATE.clock:
        STATE.clock.report(Path(config.site_dir), i18n_bridge.languages(config)[2])
        STATE.clock = None


def on_build_error(error):
    passes.stop()


def on_env(env, config, files):
    passes.remember(files)


#: Material's two hidden checkboxes (menu drawer, search) carry autocomplete="off", which
#: HTML allows only on text-like inputs (the Nu checker's error); they sit outside every
#: template block, so the attribute is taken out of the finished page.
_TOGGLES = [(f'type="checkbox" id="{name}" autocomplete="off">', f'type="checkbox" id="{name}">') for name in ("__drawer", "__search")]


def on_post_page(output: str, page, config) -> str:
    if STATE.problems:
        return str(error_page(STATE.problems))
    for old, new in _TOGGLES:
        output = output.replace(old, new, 1)
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    """Templates rendered without a page (the 404 page) get the same treatment. Every
    language pass writes site/404.html: another language's goes to its own folder now, the
    default language's is written again at the end (on_build_finished)."""
    output = on_post_page(output, None, config)
    if template_name == "404.html":
        current, default, _ = i18n_bridge.languages(config)
        if current == default:
            STATE.not_found_page = output.encode("utf-8")
        else:
            (Path(config.site_dir) / current).mkdir(parents=True, exist_ok=True)
            (Path(config.site_dir) / current / "404.html").write_text(output, encoding="utf-8")
    return output


def on_template_context(context, template_name, config):
    """Templates rendered without a page (the 404 page): language links, legal links."""
    i18n_bridge.home_switcher_links(config)
    _common_context(context, config)
    if template_name == "404.html":
        current, default, built = i18n_bridge.languages(config)
        strings = _escaped(site_data(config).strings)
        base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["kkp_not_found"] = [
            {"lang": lang, "heading": strings("notfound.heading", lang), "text": strings("notfound.text", lang),
             "home_label": strings("notfound.home", lang), "home": base + ("" if lang == default else f"{lang}/")}
            for lang in sorted(built, key=lambda lang: lang != current)
        ]
    return context


def _escaped(strings):
    """Interface texts for Material's templates, which do not autoescape: each text is escaped
    here, on its way in (a `Markup`, so that `| e` in a template does not escape it twice)."""
    return lambda key, lang: markupsafe.escape(strings(key, lang))


def _common_context(context, config):
    current, default, _ = i18n_bridge.languages(config)
    context["kkp_prefix"] = "" if current == default else f"{current}/"
    context["kkp_feed"] = context["kkp_prefix"] + links.FEED
    strings = _escaped(site_data(config).strings)
    context["kkp_legal"] = [(strings(f"legal.{name}", current), folder) for name, folder in links.LEGAL]
    context["kkp_legal_label"] = strings("legal.label", current)
    # (label, folder, aria-current: "page" on the section's own page, "true" inside it, "" elsewhere)
    context["kkp_sections"] = [(strings(f"nav.{name}", current), folder, "") for name, folder, _ in links.SECTIONS]
    context["kkp_sections_label"] = strings("nav.label", current)
    # the theme's own texts (data/ui.yml, keys theme.*) in the page's language, for overrides/
    context["kkp_lang"] = current
    context["kkp_csp"] = policy.CSP
    context["kkp_t"] = lambda key: strings(key, current)


def on_page_context(context, page, config, nav):
    context["kkp_alternates"] = i18n_bridge.absolute_alternates(page, config)
    _common_context(context, config)
    folder = page.url.removeprefix(context["kkp_prefix"])
    current_section = links.section_of(folder)
    context["kkp_wide"] = links.is_wide(folder)
    context["kkp_long_page"] = _headings(page) >= LONG_PAGE_HEADINGS
    context["kkp_sections"] = [
        (label, target, "page" if folder == target else "true" if name == current_section else "")
        for (label, target, _), (name, _, _) in zip(context["kkp_sections"], links.SECTIONS)]
    record = getattr(page.file, "kkp_record", None)
    if record and config.repo_url:
        # a generated page is edited in the YAML file of its record, next to docs/
        docs_edit = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "")
        page.edit_url = urljoin(docs_edit, "../" + site_data(config).path(*record))
    i18n_bridge.relative_switcher_links(page, config)
    changed = _last_changed(page, config, record)
    if changed:
        context["kkp_updated"] = formats.day_of(changed, language(config))  # plain text: the date of the last commit
    return context


def _headings(page) -> int:
    """Number of sections of a page (the entries of its table of contents below the H1)."""
    toc = list(page.toc or [])
    if len(toc) == 1 and toc[0].level == 1:
        toc = list(toc[0].children)
    return len(toc)


def _last_changed(page, config, record) -> str | None:
    """Time of the last commit of the page's source: its record's YAML file, or its docs/ file."""
    if STATE.git_dates is None:
        STATE.git_dates = feeds.git_dates(Path(config.config_file_path).parent)
    if record:
        return STATE.git_dates.get(site_data(config).path(*record))
    source = getattr(page.file, "abs_src_path", None)
    if not source:
        return None
    try:
        relative = Path(source).resolve().relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
    except ValueError:
        return None
    return STATE.git_dates.get(relative)
