"""The language passes of a build, run side by side.

mkdocs-static-i18n builds the site once per language: the default language first, then, at
the end of that pass, every other language one after the other. On a machine with more than
one core, each other language gets its own process instead, forked as soon as the default
pass has cleaned the site folder; the processes share the work of the cores and write their
pages into the same `site/`, each into its own folder (`en/`, `fr/`).

What more than one language writes is written once, by the first process, after every
other process has ended: the sitemap (every language's pages, as the plugin's own template
writes them when the passes run in turn), the root 404 page and the search index.
A process writes the static files of its own folder only. The output is the same, byte for
byte, as that of the passes in turn (tests/test_parallel_passes.py); `KKP_PARALLEL=0`
turns the processes off, `KKP_PARALLEL=1` turns them on even on one core.

Relies on mkdocs (`build`, `_build_template`, `_build_theme_template`,
`Files.copy_static_files`, `utils.clean_directory`) and on mkdocs-static-i18n's loop over
the languages (`plugin.build`, its `building` flag), both pinned and guarded by
tests/test_i18n_internals.py.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import pickle
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from types import SimpleNamespace

import mkdocs_static_i18n.plugin as i18n_module
from mkdocs import utils
from mkdocs.commands import build as build_module
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import Files

from macros import i18n_bridge

SWITCH = "KKP_PARALLEL"
log = logging.getLogger("mkdocs.plugins.kkp")


class Passes:
    """The processes of the build under way, and what the first process needs from its pass
    to write the sitemap again at the end."""

    def __init__(self):
        self.children: dict[str, int] = {}   # language -> process id
        self.folder: Path | None = None       # where each process leaves its result
        self.env = self.files = self.nav = None
        self.exit_hook = False


PASSES = Passes()


def enabled() -> bool:
    setting = os.environ.get(SWITCH, "")
    if setting in ("0", "1"):
        return setting == "1"
    return hasattr(os, "fork") and len(os.sched_getaffinity(0)) > 1


def outer_pass(config) -> bool:
    """True in the default language's pass: the plugin's loop over the other languages has
    not started, or has ended (it sets `building` while it runs)."""
    return not i18n_bridge.plugin(config).building


def _language_pass(config, **options):
    """The plugin's loop calls this for each other language: nothing to do for a language
    whose process is already building it."""
    if i18n_bridge.current_language(config) in PASSES.children:
        return None
    return _ORIGINAL_BUILD(config, **options)


_ORIGINAL_BUILD = getattr(i18n_module, "_kkp_original_build", i18n_module.build)
i18n_module._kkp_original_build = _ORIGINAL_BUILD
i18n_module.build = _language_pass  # again after `mkdocs serve` reloads this module


def start(config) -> None:
    """In the default language's pass, once the site folder is clean: one process per other
    language."""
    current, default, built = i18n_bridge.languages(config)
    PASSES.children.clear()
    if current != default or not outer_pass(config) or not enabled():
        return
    PASSES.folder = Path(tempfile.mkdtemp(prefix="kkp-passes-"))
    if not PASSES.exit_hook:  # a plugin may end the process (mkdocs-macros: sys.exit): stop them then too
        atexit.register(stop)
        PASSES.exit_hook = True
    for lang in built:
        if lang == default:
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(config, lang)  # does not return
        PASSES.children[lang] = pid


def remember(env=None, files=None, nav=None, config=None) -> None:
    """The first process's own theme environment, files and navigation (for the sitemap)."""
    if config is not None and not outer_pass(config):
        return
    if env is not None:
        PASSES.env = env
    if files is not None:
        PASSES.files = files
    if nav is not None:
        PASSES.nav = nav


def _child(config, lang: str) -> None:
    status = 1
    result_path = PASSES.folder / f"{lang}.pickle"
    PASSES.children.clear()  # the siblings and the folder are the first process's to wait for and remove
    PASSES.folder = None
    _end_with_parent()
    try:
        plugin = i18n_bridge.plugin(config)
        plugin.current_language = lang
        plugin.building = True  # as in the plugin's loop: this pass starts no other language
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_pass)  # as the loop does: one "built in" line per build
        utils.clean_directory = lambda path: None
        build_module._build_theme_template = _render_only
        Files.copy_static_files = _own_static_files(lang)
        dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
        build_module.build(config, dirty=dirty)
        with open(result_path, "wb") as result:
            pickle.dump(_sitemap_entries(plugin, lang), result)
        status = 0
    except Exception as err:  # reported here: the first process only sees the exit status
        if isinstance(err, (PluginError, Abort)):
            log.error(str(err))
        else:
            traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _quiet_pass(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(("Documentation built in", "Building documentation to directory", "Cleaning site directory"))


def _end_with_parent() -> None:
    """Ask Linux to end this process when the first process ends, however it ends."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
    except (OSError, AttributeError):
        pass  # not Linux: the first process's exit hook still stops this one


def _render_only(template_name, env, files, config, nav) -> None:
    """A theme template of another language's pass is rendered (plugins see it: the adapter
    writes the 404 page into the language's folder) but not written to the shared place: the
    first process writes the shared files once."""
    build_module._build_template(template_name, env.get_template(template_name), files, config, nav)


def _own_static_files(lang: str):
    copy = Files.copy_static_files

    def copy_own(self, dirty=False, *, inclusion=None):
        own = Files([file for file in self if file.dest_uri.startswith(f"{lang}/")])
        copy(own, dirty=dirty, **({} if inclusion is None else {"inclusion": inclusion}))
    return copy_own


def _page(page):
    if page is None:
        return None
    return SimpleNamespace(is_link=getattr(page, "is_link", False), canonical_url=page.canonical_url,
                           abs_url=page.abs_url, update_date=page.update_date)


def _sitemap_entries(plugin, lang: str) -> list[SimpleNamespace]:
    """What the sitemap template reads of each page of this language."""
    return [SimpleNamespace(page=_page(file.page), url=file.url,
                            alternates={code: SimpleNamespace(page=_page(other.page), url=other.url)
                                        for code, other in (getattr(file, "alternates", None) or {}).items()})
            for file in plugin.i18n_files_per_language.get(lang, [])]


def finish(config) -> None:
    """Wait for every process; fail the build if one failed; write the sitemap again with
    every language's pages."""
    if not PASSES.children:
        return
    failed, results = [], {}
    for lang, pid in PASSES.children.items():
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failed.append(lang)
            continue
        with open(PASSES.folder / f"{lang}.pickle", "rb") as result:
            results[lang] = pickle.load(result)
    PASSES.children.clear()
    shutil.rmtree(PASSES.folder, ignore_errors=True)
    if failed:
        raise PluginError(f"Building the pages in {', '.join(failed)} failed (the messages are above).")
    registered = i18n_bridge.plugin(config).i18n_files_per_language
    registered.update(results)
    build_module._build_theme_template("sitemap.xml", PASSES.env, PASSES.files, config, PASSES.nav)


def stop() -> None:
    """The build failed: end the other processes, so that none writes on after it."""
    for pid in PASSES.children.values():
        try:
            os.kill(pid, 15)
            os.waitpid(pid, 0)
        except OSError:
            pass
    PASSES.children.clear()
    if PASSES.folder:
        shutil.rmtree(PASSES.folder, ignore_errors=True)
