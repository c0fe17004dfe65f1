"""Unit tests of macros.core: layering, interface texts, language fallback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from macros.core.markup import html
from macros.core.records.langs import pick
from macros.core.markup.strings import read_strings
from macros.core.checking.yamlfile import read_yaml
from sitebuild import LANGS, ROOT


def test_core_never_imports_mkdocs():
    core = ROOT / "macros" / "core"
    modules = sorted(".".join(p.relative_to(core).with_suffix("").parts) for p in core.rglob("*.py") if p.stem != "__init__")
    assert len(modules) > 40 and "checking.site" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module('macros.core.' + name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'mkdocs_static_i18n', 'mkdocs_macros')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_interface_texts_have_every_language():
    strings, problems = read_strings(read_yaml(ROOT / "data" / "ui.yml"), "data/ui.yml")
    assert problems == []
    for key in strings.keys():
        assert all(strings(key, lang).strip() for lang in LANGS), key


def test_interface_text_missing_a_language_is_reported(tmp_path: Path):
    path = tmp_path / "ui.yml"
    path.write_text("greeting:\n  de: Hallo\n  en: Hello\n", encoding="utf-8")
    strings, problems = read_strings(read_yaml(path), "data/ui.yml")
    assert strings is None
    assert [p.text("en") for p in problems] == ["data/ui.yml:1: greeting.fr: required field is missing"]
    assert [p.text("de") for p in problems] == ["data/ui.yml:1: greeting.fr: Pflichtfeld fehlt"]


def test_pick_falls_back_to_german():
    assert pick({"de": "Haus", "en": "House"}, "en").value == "House"
    fallback = pick({"de": "Haus"}, "fr")
    assert (fallback.value, fallback.lang, fallback.is_fallback("fr")) == ("Haus", "de", True)
    neutral = pick("Kumasi", "fr")
    assert (neutral.lang, neutral.is_fallback("fr")) == (None, False)


def test_escaping_removes_markup_and_template_syntax():
    assert html.esc('<b>"x" & {{ y }}</b>') == "&lt;b&gt;&#34;x&#34; &amp; &#123;&#123; y &#125;&#125;&lt;/b&gt;"
