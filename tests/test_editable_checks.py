"""`make check` covers what editors edit besides records: data/ui.yml and the pages in docs/.

One fixture per defect (tests/fixtures/editable/ui/<defect>.yml: the entries that replace
those of the real data/ui.yml, at the top of the file; tests/fixtures/editable/docs/<defect>.md:
one page), and the exact message in German (the default) and in English (KKP_MESSAGES=en).
A scan of macros/ keeps the table of placeholders and the list of keys in step with the code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.core.checking import docs_check, editable, uitexts_check
from macros.core.pages.page_macros import MACROS
from macros.core.checking.yamlfile import read_yaml
from sitebuild import FIXTURES, ROOT

EDITABLE = FIXTURES / "editable"
REAL_UI = ROOT / "data" / "ui.yml"

UI_EXPECTED = {
    "placeholder-typo": [(
        "3: phase.name.de:",
        "den Platzhalter {numbr} kennt die Website nicht (meinten Sie {number}?); dieser Text hat die Platzhalter {number}",
        "the site does not know the placeholder {numbr} (did you mean {number}?); this text takes the placeholders {number}",
    )],
    "placeholder-missing-in-one-language": [(
        "5: progress.goal_line.fr:",
        "der Platzhalter {year} fehlt; die anderen Sprachen (de, en) haben ihn: jede Sprache braucht dieselben Platzhalter",
        "the placeholder {year} is missing; the other languages (de, en) have it: every language needs the same placeholders",
    )],
    "placeholder-in-plain-text": [(
        "3: profile.source.de:",
        "dieser Text hat keine Platzhalter: entfernen Sie {nummer} oder schreiben Sie den Text ohne geschweifte Klammern",
        "this text takes no placeholders: remove {nummer}, or write the text without braces",
    )],
    "unbalanced-brace": [(
        "4: profile.since.en:",
        "die geschweiften Klammern passen nicht zusammen: ein Platzhalter steht als {name} in einer öffnenden und einer schließenden Klammer",
        "the braces do not pair up: a placeholder is a name between one opening and one closing brace, like {name}",
    )],
    "not-a-name": [(
        "3: filter.all.de:",
        "'{count:Stück}' ist kein Platzhalter: schreiben Sie nur einen Namen in die Klammern, etwa {number}",
        "'{count:Stück}' is not a placeholder: write only a name between the braces, like {number}",
    )],
}

MACRO_NAMES = ", ".join(sorted(MACROS))
DOCS_EXPECTED = {
    "unknown-macro": [(
        "3:",
        f"das Makro 'headline_figure' gibt es nicht (meinten Sie 'headline_figures'?); Seiten können aufrufen: {MACRO_NAMES}",
        f"there is no macro 'headline_figure' (did you mean 'headline_figures'?); pages may call: {MACRO_NAMES}",
    )],
    "syntax-error": [(
        "6:",
        "Fehler in {{ … }} oder {% … %}: prüfen Sie Klammern und Anführungszeichen (Jinja meldet: unexpected '}', "
        "expected ')'); für Klammern als Text: render_macros: false in den Kopfteil (front matter)",
        "error in {{ … }} or {% … %}: check the brackets and quotes (Jinja says: unexpected '}', expected ')'); "
        "for braces as plain text: render_macros: false in the front matter",
    )],
    "unclosed-block": [(
        "3:",
        "Fehler in {{ … }} oder {% … %}: prüfen Sie Klammern und Anführungszeichen (Jinja meldet: Unexpected end of "
        "template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs "
        "to be closed is 'if'.); für Klammern als Text: render_macros: false in den Kopfteil (front matter)",
        "error in {{ … }} or {% … %}: check the brackets and quotes (Jinja says: Unexpected end of template. Jinja was "
        "looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is "
        "'if'.); for braces as plain text: render_macros: false in the front matter",
    )],
    "undefined-variable": [(
        "3:",
        f"'stand' ist hier unbekannt; Seiten kennen die Makros ({MACRO_NAMES}) und die Angaben ihres Kopfteils (front matter)",
        f"'stand' is not defined here; pages know the macros ({MACRO_NAMES}) and the entries of their front matter",
    )],
    "macro-with-arguments": [(
        "3:",
        "das Makro 'event_list' nimmt keine Angaben in den Klammern: schreiben Sie {{ event_list() }}",
        "the macro 'event_list' takes nothing between its brackets: write {{ event_list() }}",
    )],
    "macro-without-brackets": [(
        "3:",
        "das Makro 'open_data' wird mit Klammern aufgerufen: schreiben Sie {{ open_data() }}",
        "the macro 'open_data' is called with brackets: write {{ open_data() }}",
    )],
    "unknown-filter": [(
        "3:",
        "den Filter '| uppper' gibt es nicht (meinten Sie 'upper'?)",
        "there is no filter '| uppper' (did you mean 'upper'?)",
    )],
    "not-rendered": [],  # render_macros: false: the page is shown as written
}


def ui_with(folder: Path, fixture: str) -> Path:
    """A data folder whose ui.yml is the fixture's entries, then the rest of the real file."""
    real = REAL_UI.read_text(encoding="utf-8")
    for key in re.findall(r"^([a-z][\w.]*):", fixture, re.M):
        real = re.sub(rf"^{re.escape(key)}:\n(?:[ \t].*\n)*", "", real, flags=re.M)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ui.yml").write_text(fixture + "\n" + real, encoding="utf-8")
    return folder


def test_every_fixture_has_an_expectation():
    assert {p.stem for p in (EDITABLE / "ui").glob("*.yml")} == set(UI_EXPECTED)
    assert {p.stem for p in (EDITABLE / "docs").glob("*.md")} == set(DOCS_EXPECTED)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("defect", sorted(UI_EXPECTED))
def test_interface_text_defect_gets_its_exact_message(defect, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("KKP_MESSAGES", lang)
    data = ui_with(tmp_path / "data", (EDITABLE / "ui" / f"{defect}.yml").read_text(encoding="utf-8"))
    found = [str(p) for p in uitexts_check.check(data)]
    column = 1 if lang == "de" else 2
    assert found == [f"data/ui.yml:{entry[0]} {entry[column]}" for entry in UI_EXPECTED[defect]]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("defect", sorted(DOCS_EXPECTED))
def test_docs_page_defect_gets_its_exact_message(defect, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("KKP_MESSAGES", lang)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / f"{defect}.md").write_bytes((EDITABLE / "docs" / f"{defect}.md").read_bytes())
    found = [str(p) for p in docs_check.check(docs)]
    column = 1 if lang == "de" else 2
    assert found == [f"docs/{defect}.md:{entry[0]} {entry[column]}" for entry in DOCS_EXPECTED[defect]]


def test_a_missing_key_is_reported_where_it_belongs(tmp_path, monkeypatch):
    monkeypatch.setenv("KKP_MESSAGES", "en")
    real = REAL_UI.read_text(encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "ui.yml").write_text(re.sub(r"^kind\.county:\n(?:[ \t].*\n)*", "", real, flags=re.M), encoding="utf-8")
    # reported on the line of the key that comes just before it in the alphabet, where it belongs
    keys = {line[:-1]: i for i, line in enumerate(real.splitlines(), 1) if re.match(r"kind\.[\w.]+:$", line)}
    before = keys[max(key for key in keys if key < "kind.county")]
    assert [str(p) for p in uitexts_check.check(data)] == [
        f"data/ui.yml:{before}: kind.county: this text is missing and the site needs it (kind.<county>): add it with de:, en: and fr:"
    ]
    (data / "ui.yml").write_text(re.sub(r"^phase\.none:\n(?:[ \t].*\n)*", "", real, flags=re.M), encoding="utf-8")
    found = [str(p) for p in uitexts_check.check(data)]
    assert len(found) == 1 and found[0].endswith(
        "phase.none: this text is missing and the site needs it (macros/core/pages/phase_page.py): add it with de:, en: and fr:")


@pytest.mark.data  # the content of data/ and docs/: make test-data
def test_real_interface_texts_and_pages_pass():
    assert uitexts_check.check(ROOT / "data") == []
    assert docs_check.check(ROOT / "docs") == []


# The table of placeholders and the keys the check asks for follow the code.

def test_placeholder_table_agrees_with_every_call_in_the_code():
    calls = uitexts_check.text_calls()
    assert len(calls) > 50, "the scan finds the calls of the interface texts"
    used = set()
    for call in calls:
        where = f"{call.where}:{call.line}"
        assert not call.any_names, f"{where}: pass the values by name (key=value), not **values"
        if call.names:
            assert call.keys, f"{where}: a text with placeholders must be named in the call, as a string"
        for key in call.keys:
            used.add(key)
            assert call.names == uitexts_check.PLACEHOLDERS.get(key, frozenset()), (
                f"{where}: {key} is called with {sorted(call.names)}; update PLACEHOLDERS in macros/core/checking/uitexts_check.py")
    assert set(uitexts_check.PLACEHOLDERS) <= used, "PLACEHOLDERS names texts the code no longer fills in"


def test_every_key_built_in_the_code_comes_from_a_known_vocabulary():
    prefixes = {call.prefix for call in uitexts_check.text_calls() if call.prefix is not None}
    assert prefixes == set(uitexts_check.DYNAMIC), "add the vocabulary of a new f\"prefix.{value}\" key to DYNAMIC"


def test_keys_in_lists_are_found_and_file_names_are_not():
    keys = uitexts_check.used_keys(set(read_yaml(REAL_UI)))
    assert {"publication.language", "list.phase", "data.file", "kind.county", "legal.privacy"} <= set(keys)
    assert "feed.xml" not in keys and "datapackage.json" not in keys
    assert "phase_basis.stated" not in keys


# `make check` runs these checks: a broken docs page fails it (and so `make site`).

def test_make_check_fails_on_a_broken_docs_page(tmp_path):
    data = ui_with(tmp_path / "data", "")
    for folder in (FIXTURES / "base").iterdir():
        shutil.copytree(folder, data / folder.name)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.de.md").write_bytes((EDITABLE / "docs" / "unknown-macro.md").read_bytes())
    result = subprocess.run([sys.executable, "-m", "macros.core.checking.check", str(data)], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "KKP_MESSAGES": "en"})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"docs/index.de.md:3: {DOCS_EXPECTED['unknown-macro'][0][2]}" in result.stderr


def test_messages_follow_the_environment(monkeypatch):
    monkeypatch.delenv("KKP_MESSAGES", raising=False)
    assert editable.language() == "de"
    monkeypatch.setenv("KKP_MESSAGES", "en")
    assert editable.language() == "en"


@pytest.mark.parametrize("module", [uitexts_check, docs_check])
def test_german_and_english_messages_have_the_same_placeholders(module):
    import string
    for key, texts in module.say.entries.items():
        names = [{n for _, n, _, _ in string.Formatter().parse(texts[lang]) if n} for lang in ("de", "en")]
        assert names[0] == names[1], key
