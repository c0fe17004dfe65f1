"""MkDocs hook (adapter): check the data, add one page per record and language, and give
every page absolute hreflang alternates. The work is done in `macros.adapter` and
`macros.core`; this file only forwards MkDocs events to them.

MkDocs loads a hook file once per process, so under `mkdocs serve` the modules it
imports would stay as they were at start-up. Before each build this file forgets the
`macros` modules if any of their source files changed, so an edit to the Python code
takes effect on the next rebuild, without restarting the server.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

PACKAGE = "macros"
_SOURCE_DIR = Path(__file__).resolve().parent
_seen: dict[str, int] = {}
_serving: list[bool] = [False]  # kept here: the adapter module is reloaded after code edits


def _sources_changed() -> bool:
    stamps = {str(p): p.stat().st_mtime_ns for p in sorted(_SOURCE_DIR.rglob("*.py"))}
    changed = bool(_seen) and stamps != _seen
    _seen.clear()
    _seen.update(stamps)
    return changed


def _adapter():
    return importlib.import_module(f"{PACKAGE}.adapter")


def on_startup(command, dirty):
    _serving[0] = command == "serve"


@event_priority(100)  # before mkdocs-macros loads macros/main.py, which imports the package
def on_config(config):
    if _sources_changed():
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
    adapter = _adapter()
    adapter.STATE.serving = _serving[0]
    return adapter.on_config(config)


@event_priority(-110)  # after mkdocs-static-i18n's on_files (-100), which drops generated files
def on_files(files, config):
    return _adapter().on_files(files, config)


def on_page_content(html, page, config, files):
    return _adapter().on_page_content(html, page, config, files)


def on_post_page(output, page, config):
    return _adapter().on_post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    return _adapter().on_post_template(output_content, template_name, config)


def _on_post_build_pass(config):
    return _adapter().on_post_build(config)


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def _on_post_build_finished(config):
    return _adapter().on_build_finished(config)


on_post_build = CombinedEvent(_on_post_build_pass, _on_post_build_finished)


def on_build_error(error):
    return _adapter().on_build_error(error)


def on_env(env, config, files):
    return _adapter().on_env(env, config, files)


def on_template_context(context, template_name, config):
    return _adapter().on_template_context(context, template_name, config)


def on_page_context(context, page, config, nav):
    return _adapter().on_page_context(context, page, config, nav)
