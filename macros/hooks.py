"""MkDocs hook (adapter): check the data, add one page per record and language, and
give every page absolute hreflang alternates. All logic lives in `macros.core`."""

from __future__ import annotations

import sys

# `mkdocs serve` re-reads this file on every rebuild but keeps imported modules:
# forget them, so an edit to the Python code in macros/ takes effect without a restart.
for _name in [n for n in sys.modules if (n == "macros" or n.startswith("macros.")) and n != __name__]:
    del sys.modules[_name]

from mkdocs.plugins import event_priority  # noqa: E402

from macros import adapter, i18n_bridge  # noqa: E402
from macros.core import render  # noqa: E402


def on_config(config):
    adapter.site_data(config)  # fail before anything is built if a data file is broken
    return config


@event_priority(-110)  # after mkdocs-static-i18n's on_files (-100), which drops generated files
def on_files(files, config):
    data = adapter.site_data(config)
    lang = adapter.language(config)
    pages = [(render.profile_src_uri(p), render.profile_page(data, p, lang)) for p in data.partnerships]
    return i18n_bridge.add_pages(files, config, pages)


def on_page_context(context, page, config, nav):
    context["kkp_alternates"] = i18n_bridge.absolute_alternates(page, config)
    i18n_bridge.relative_switcher_links(page, config)
    return context
