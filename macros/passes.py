"""The language passes of a build: one `mkdocs build` per language, side by side.

mkdocs-static-i18n builds the site once per language: the default language first, then, at
the end of that pass, every other language in turn, in the same process. On a machine with
more than one core, the build that was started (the default language's) instead starts one
`mkdocs build` per other language as a new process (no fork: any operating system), with the
same configuration, the language in KKP_LANGUAGE and a folder of its own next to the site
folder. Such a build sets the plugin's language before the plugin configures itself and
marks the plugin as building, so the plugin's loop over the other languages does not run;
the default language's build does the same, since the other processes build them.

At the end of the default language's pass, `finish` waits for the processes, moves each
language's folder (`en/`, `fr/`) into the site folder and writes the one file that holds
every language: the sitemap, whose entries the passes in turn write one language after the
other. The root 404 page and the search index follow in the adapter. The output is the same,
byte for byte, as that of the passes in turn (tests/test_parallel_passes.py).

`KKP_PARALLEL=0` builds the languages in turn in one process (the plugin's own loop, as on a
machine with one core and in the live preview, whose process stays warm between rebuilds);
`KKP_PARALLEL=1` starts the processes even on one core. No function of mkdocs or of the plugin is replaced: the plugin's `current_language`
and `building` attributes are all this module sets (guarded by tests/test_i18n_internals.py).

mkdocs-static-i18n's own `build_only_locale` option was not used: it makes the one language
built the default one (pages at the root, fallback to itself, no language switcher), so the
pages would differ from those of the whole site.
"""

from __future__ import annotations

import atexit
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError

from macros import i18n_bridge

SWITCH = "KKP_PARALLEL"
LANGUAGE = "KKP_LANGUAGE"  # set for a build of one language, started by the default language's build
SITEMAP = "sitemap.xml"
SITEMAP_END = "\n</urlset>"
PASSED_FLAGS = ("--dirty", "--dirtyreload", "-q", "--quiet", "-v", "--verbose")


@dataclass
class Processes:
    """The builds of the other languages under way, and where each writes."""

    running: dict[str, subprocess.Popen] = field(default_factory=dict)
    folders: dict[str, Path] = field(default_factory=dict)
    sitemap_time: int | None = None  # the gzip time stamp of the sitemap, as mkdocs computes it
    side_by_side: bool = False  # this build starts the other languages' builds
    exit_hook: bool = False


PROCESSES = Processes()


def cores() -> int:
    """The cores this process may use (os.sched_getaffinity is Linux only)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def enabled() -> bool:
    """Side by side: on more than one core, unless KKP_PARALLEL says."""
    setting = os.environ.get(SWITCH, "")
    if setting in ("0", "1"):
        return setting == "1"
    return cores() > 1


def only_language() -> str | None:
    """The language of a build started by the default language's build, else None."""
    return os.environ.get(LANGUAGE) or None


def outer_pass(config) -> bool:
    """True where the site's shared files are written: in the build that was started, once
    the plugin's loop over the other languages (if it runs here) has ended."""
    if only_language():
        return False
    plugin = i18n_bridge.plugin(config)
    return not plugin.building or PROCESSES.side_by_side


def configure(config, in_turn: bool = False) -> None:
    """Before the plugin's on_config: which language this process builds, and whether the
    plugin's loop over the other languages runs in it (`in_turn`: it does, whatever the cores;
    the live preview while the data has problems, whose pages only this process can show)."""
    plugin = i18n_bridge.plugin(config)
    lang = only_language()
    if lang:
        if lang not in plugin.build_languages:
            raise PluginError(f"{LANGUAGE}={lang}: not a language of this site ({', '.join(plugin.build_languages)})")
        plugin.current_language = lang
        plugin.building = True
    elif plugin.current_language in (None, plugin.default_language) and not plugin.building:
        stop()  # what a build that ended without its error event (mkdocs-macros: sys.exit) left
        if not in_turn and enabled():
            plugin.building = True  # the other languages are built by processes of their own (start)
            PROCESSES.side_by_side = True


def start(config) -> None:
    """In the default language's build: one `mkdocs build` per other language."""
    plugin = i18n_bridge.plugin(config)
    if not PROCESSES.side_by_side or PROCESSES.running:
        return
    site_dir = Path(config.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    if not PROCESSES.exit_hook:  # a plugin may end the process (mkdocs-macros: sys.exit): stop them then too
        atexit.register(stop)
        PROCESSES.exit_hook = True
    for lang in plugin.build_languages:
        if lang == plugin.default_language:
            continue
        folder = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{lang}-", dir=site_dir.parent))
        PROCESSES.folders[lang] = folder
        # the same address as this build (`mkdocs serve` sets its own; mkdocs.yml reads SITE_URL)
        env = dict(os.environ, **{LANGUAGE: lang}, **({"SITE_URL": config.site_url} if config.site_url else {}))
        PROCESSES.running[lang] = subprocess.Popen(_command(config, folder), env=env)


def _command(config, folder: Path) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config.config_file_path),
               "--site-dir", str(folder)]
    if config.strict:
        command.append("--strict")
    return command + [flag for flag in PASSED_FLAGS if flag in sys.argv]


def remember(files) -> None:
    """The sitemap's gzip time stamp, from the default language's pages (as mkdocs takes it)."""
    if PROCESSES.folders:
        PROCESSES.sitemap_time = utils.get_build_timestamp(
            pages=[file.page for file in files.documentation_pages() if file.page is not None])


def finish(config) -> None:
    """Wait for every process; fail the build if one failed; move each language's folder into
    the site folder and write the sitemap with every language's entries."""
    if not PROCESSES.folders:
        return
    failed = [lang for lang, process in PROCESSES.running.items() if process.wait() != 0]
    PROCESSES.running.clear()
    if failed:
        stop()
        raise PluginError(f"Building the pages in {', '.join(failed)} failed (the messages are above).")
    site_dir = Path(config.site_dir)
    sitemaps = [(site_dir / SITEMAP).read_text(encoding="utf-8")]
    for lang, folder in PROCESSES.folders.items():
        shutil.rmtree(site_dir / lang, ignore_errors=True)
        os.replace(folder / lang, site_dir / lang)
        sitemaps.append((folder / SITEMAP).read_text(encoding="utf-8"))
    _write_sitemap(site_dir, combined_sitemap(sitemaps), PROCESSES.sitemap_time)
    stop()


def combined_sitemap(sitemaps: list[str]) -> str:
    """One sitemap from one per language: the first one's head, every language's entries in
    turn, the end."""
    parts = [_head_and_entries(text) for text in sitemaps]
    return parts[0][0] + "".join(entries for _, entries in parts) + SITEMAP_END


def _head_and_entries(text: str) -> tuple[str, str]:
    end_of_head = text.index(">", text.index("<urlset")) + 1
    if not text.endswith(SITEMAP_END):
        raise PluginError(f"{SITEMAP}: unexpected end {text[-20:]!r}")
    return text[:end_of_head], text[end_of_head:].removesuffix(SITEMAP_END)


def _write_sitemap(site_dir: Path, text: str, mtime: int | None) -> None:
    """As mkdocs writes it: the file, and a gzip copy with the pages' time stamp."""
    output_path = site_dir / SITEMAP
    utils.write_file(text.encode("utf-8"), str(output_path))
    gz_filename = f"{output_path}.gz"
    with open(gz_filename, "wb") as f:
        with gzip.GzipFile(fileobj=f, filename=gz_filename, mode="wb", mtime=mtime) as gz_buf:
            gz_buf.write(text.encode("utf-8"))


def stop() -> None:
    """End the other builds still running and remove their folders (after a failure, or once
    their pages are in place)."""
    for process in PROCESSES.running.values():
        if process.poll() is None:
            process.terminate()
        process.wait()
    PROCESSES.running.clear()
    for folder in PROCESSES.folders.values():
        shutil.rmtree(folder, ignore_errors=True)
    PROCESSES.folders.clear()
    PROCESSES.sitemap_time = None
    PROCESSES.side_by_side = False
