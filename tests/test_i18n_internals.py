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


# what macros/passes.py relies on to run the language passes side by side: the plugin's loop
# over the languages (a module-level `build`, its `building` flag) and the mkdocs functions it
# calls or replaces in a pass's own process
PASSES_SOURCES = {
    "I18n.on_post_build": "e70db1f72973bb706c219b3f442b8b7b2df2cb7d110c882f9a59559779372e0d",
    "build.build": "c476b64474acfaa20c08fdedc074238c6521bf320263065ee7de983ebf2032f9",
    "build._build_template": "08bb80b43eb8937640bfd04ee4a02bdc05a7a92bd74a180addd4be19e5ff8e22",
    "build._build_theme_template": "628a78f6a129c8a053a2f803990e8102540958d5e880ac0feae6c6c4ef544980",
    "Files.copy_static_files": "d26112b6cfc80a76e157f7b1a8571d61b20cfbdcccb17514240ff42b6a530409",
}


def test_what_the_parallel_passes_rely_on_is_unchanged():
    from mkdocs.commands import build
    from mkdocs.structure.files import Files

    owners = {"I18n": I18n, "build": build, "Files": Files}
    hashes = {}
    for name in PASSES_SOURCES:
        owner, attribute = name.split(".")
        hashes[name] = hashlib.sha256(inspect.getsource(getattr(owners[owner], attribute)).encode()).hexdigest()
    assert hashes == PASSES_SOURCES
    import mkdocs_static_i18n.plugin as plugin_module

    import macros.passes  # noqa: F401  (replaces the loop's build)
    assert plugin_module.build.__name__ == "_language_pass" and plugin_module._kkp_original_build is build.build


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
