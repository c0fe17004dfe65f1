"""Guard for the mkdocs-static-i18n internals that macros/i18n_bridge.py relies on.

If the plugin changes any of these, this test fails: re-check generated pages (language
switcher, alternates, sitemap) against the new version, then update the hashes below.
"""

from __future__ import annotations

import hashlib
import inspect
from importlib.metadata import version

from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

VERIFIED_VERSION = "1.3.1"

# sha256 of the source of each function whose behaviour the page hook depends on
VERIFIED_SOURCES = {
    "I18n.on_files": "c1e8f9905802ed2c8519afcc95cb4ee344a2b52ca004e8aeb19112c12e3830c7",
    "ExtendedPlugin.reconfigure_files": "bc1fd6d19ebffc26600e6ca2fde4222484dba54a98f8c0b6a25d33fee1d47aac",
    "ExtendedPlugin.reconfigure_page_context": "5ffa45c81df76fed2f1ca4b079a913a4b28dd1ce5121cbb9723985a0cc55ce1b",
    "ExtendedPlugin.reconfigure_material_theme": "0081397690c95b326f0175873393e98a9eeae593602be7b67244f62842e5535e",
}


# what macros/passes.py relies on to build one language per process: the plugin takes a
# `current_language` set before its on_config, and its loop over the other languages does not
# run while `building` is set
PASSES_SOURCES = {
    "I18n.on_config": "62242a25c3aa688f19917c852ea900ffd655d50c0d76471015e20cecc2befa8e",
    "I18n.on_post_build": "e70db1f72973bb706c219b3f442b8b7b2df2cb7d110c882f9a59559779372e0d",
    "ExtendedPlugin.__init__": "85a1f663216d5ead2c152c7982bfa09b7103670ab4c0054629de517f731c26b5",
}


def test_what_the_parallel_passes_rely_on_is_unchanged():
    assert {name: source_hash(name) for name in PASSES_SOURCES} == PASSES_SOURCES
    import macros.passes  # noqa: F401
    import mkdocs_static_i18n.plugin as plugin_module
    from mkdocs.commands import build

    assert plugin_module.build is build.build  # nothing replaced


def source_hash(qualname: str) -> str:
    owner, name = qualname.split(".")
    function = getattr({"I18n": I18n, "ExtendedPlugin": ExtendedPlugin}[owner], name)
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def test_plugin_version_is_the_verified_one():
    assert version("mkdocs-static-i18n") == VERIFIED_VERSION


def test_relied_on_functions_are_unchanged():
    assert {name: source_hash(name) for name in VERIFIED_SOURCES} == VERIFIED_SOURCES


def test_on_files_priority_is_before_the_page_hook():
    from macros import hooks

    assert I18n.on_files.mkdocs_priority == -100
    assert hooks.on_files.mkdocs_priority < I18n.on_files.mkdocs_priority


def test_attributes_the_bridge_uses_exist():
    plugin = I18n()
    for attribute in ("current_language", "i18n_files_per_language"):
        assert hasattr(plugin, attribute)
    for prop in ("default_language", "build_languages"):
        assert isinstance(getattr(I18n, prop), property)
