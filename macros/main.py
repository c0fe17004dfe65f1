"""mkdocs-macros entry point (adapter): macros for the hand-written pages.

Each macro asks the core for content in the language of the page being built; the table
of macros is `macros.core.pages.page_macros.MACROS`.
"""

from __future__ import annotations

from macros import adapter
from macros.core.pages.page_macros import MACROS


def define_env(env):
    def call(function):
        # the finished HTML goes into the stash; Markdown sees only a token
        return lambda: adapter.STATE.stash.put(function(adapter.site_data(env.conf), adapter.language(env.conf)))

    for name, function in MACROS.items():
        env.macro(call(function), name)
