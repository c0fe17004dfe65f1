"""mkdocs-macros entry point (adapter): macros for the hand-written pages.

Each macro asks the core for content in the language of the page being built.
"""

from __future__ import annotations

from macros import adapter
from macros.core import render


def define_env(env):
    @env.macro
    def partnership_list() -> str:
        """Table of all partnerships, linked to their profiles."""
        return render.partnership_list(adapter.site_data(env.conf), adapter.language(env.conf))

    @env.macro
    def pilot_phase_summary() -> str:
        """The flyer's sentence on the pilot phase, computed from the phase-1 records."""
        return render.pilot_phase_summary(adapter.site_data(env.conf), adapter.language(env.conf))
