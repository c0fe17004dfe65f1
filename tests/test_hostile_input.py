"""Hostile input an editor can write: characters, addresses and files.

One fixture per case in tests/fixtures/hostile-input/<collection>/<case>.yml, checked as
data/<collection>/<case>.yml next to the valid base, with its exact message in German and
English; cases that cannot live in the repository as a file (symbolic links, a device, a
very long address) are made in a temporary folder. None of them may take the check down
with a traceback, a hang or unbounded memory.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from macros.core.checking import rules
from macros.core.checking.yamlfile import read_yaml, YamlFileError
from macros.core.checking.messages import render
from macros.core.records import addresses
from test_data_errors import DE, EN, ONE, data_with, run
from sitebuild import FIXTURES

CASES = FIXTURES / "hostile-input"
RECORD = (CASES / "partnerships" / "url-credentials.yml").read_text().replace("https://user:secret@example.org/", "{url}")

#: case -> (German line, English line), each after "data/partnerships/<case>.yml:"
EXPECTED = {
    "name-bidi-override": (
        "5: german.name: das Zeichen U+202E (RIGHT-TO-LEFT OVERRIDE) an Stelle 6 des Textes ist nicht erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        "5: german.name: the character U+202E (RIGHT-TO-LEFT OVERRIDE) at column 6 of the text is not allowed (invisible control and format characters change how a text looks); remove it",
    ),
    "name-c1-control": (
        "5: german.name: das Zeichen U+009B an Stelle 6 des Textes ist nicht erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        "5: german.name: the character U+009B at column 6 of the text is not allowed (invisible control and format characters change how a text looks); remove it",
    ),
    "name-control-character": (
        "5: german.name: das Zeichen U+0001 an Stelle 6 des Textes ist nicht erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        "5: german.name: the character U+0001 at column 6 of the text is not allowed (invisible control and format characters change how a text looks); remove it",
    ),
    "name-zero-width": (
        "5: german.name: das Zeichen U+200B (ZERO WIDTH SPACE) an Stelle 6 des Textes ist nicht erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        "5: german.name: the character U+200B (ZERO WIDTH SPACE) at column 6 of the text is not allowed (invisible control and format characters change how a text looks); remove it",
    ),
    "nested-too-deep": (
        "14: die Daten sind mehr als 20 Ebenen tief verschachtelt",
        "14: the data is nested more than 20 levels deep",
    ),
    "note-bidi-isolate": (
        "15: relationship_note.de: das Zeichen U+2067 (RIGHT-TO-LEFT ISOLATE) an Stelle 25 des Textes ist nicht erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        "15: relationship_note.de: the character U+2067 (RIGHT-TO-LEFT ISOLATE) at column 25 of the text is not allowed (invisible control and format characters change how a text looks); remove it",
    ),
    "number-too-long": (
        "3: die Zahl hat 5.001 Ziffern; erlaubt sind höchstens 50",
        "3: the number has 5,001 digits; at most 50 are allowed",
    ),
    "url-backslash": (
        "13: sources[1].url: die Webadresse 'https://evil.example\\@www.bonn.de/' enthält einen umgekehrten Schrägstrich (\\); Browser lesen ihn als /, schreiben Sie / oder %5C",
        "13: sources[1].url: the web address 'https://evil.example\\@www.bonn.de/' contains a backslash (\\); browsers read it as /, write / or %5C",
    ),
    "url-credentials": (
        "13: sources[1].url: die Webadresse 'https://user:secret@example.org/' enthält einen Benutzernamen oder ein Passwort (vor dem @); lassen Sie beides weg",
        "13: sources[1].url: the web address 'https://user:secret@example.org/' contains a user name or password (before the @); leave both out",
    ),
    "url-javascript": (
        "13: sources[1].url: 'javascript:alert(1)': erlaubt sind nur Adressen, die mit http://, https:// oder mailto: beginnen",
        "13: sources[1].url: 'javascript:alert(1)': only addresses starting with http://, https:// or mailto: are allowed",
    ),
    "url-zero-width": (
        "13: sources[1].url: das Zeichen U+200B (ZERO WIDTH SPACE) an Stelle 12 des Textes ist nicht erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        "13: sources[1].url: the character U+200B (ZERO WIDTH SPACE) at column 12 of the text is not allowed (invisible control and format characters change how a text looks); remove it",
    ),
}


def test_every_case_has_an_expectation():
    assert {p.stem for p in (CASES / "partnerships").glob("*.yml")} == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_hostile_file_gets_its_exact_message(case, tmp_path):
    data = data_with(tmp_path, {f"partnerships/{case}.yml": (CASES / "partnerships" / f"{case}.yml").read_bytes()})
    for lang, index in (("de", DE), ("en", EN)):
        status, _, err = run(data, lang)
        assert status == 1
        assert err.strip().splitlines() == [f"data/partnerships/{case}.yml:{EXPECTED[case][index]}", ONE[index]]


def _one_problem(data: Path, name: str) -> tuple[str, str]:
    found = []
    for lang in ("de", "en"):
        status, _, err = run(data, lang)
        assert status == 1 and "Traceback" not in err
        lines = err.strip().splitlines()
        assert len(lines) == 2, lines
        assert lines[0].startswith(f"data/partnerships/{name}:")
        found.append(lines[0].removeprefix(f"data/partnerships/{name}:"))
    return found[0], found[1]


def test_address_longer_than_the_limit(tmp_path):
    url = "https://example.org/" + "a" * (addresses.MAX_LENGTH - 19)
    data = data_with(tmp_path, {"partnerships/long-address.yml": RECORD.format(url=url).encode()})
    assert _one_problem(data, "long-address.yml") == (
        "13: sources[1].url: die Webadresse hat 2.001 Zeichen; erlaubt sind höchstens 2.000",
        "13: sources[1].url: the web address has 2,001 characters; at most 2,000 are allowed")


def test_address_of_990000_characters_is_refused_quickly(tmp_path):
    url = "https://example.org/" + "a" * 990_000
    data = data_with(tmp_path, {"partnerships/huge-address.yml": RECORD.format(url=url).encode()})
    start = time.perf_counter()
    de, en = _one_problem(data, "huge-address.yml")
    assert time.perf_counter() - start < 5
    assert en == "13: sources[1].url: the web address has 990,020 characters; at most 2,000 are allowed"


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero", "outside.yml"])
def test_symbolic_link_in_data_is_refused_unread(tmp_path, target):
    outside = tmp_path / "outside.yml"
    outside.write_text(RECORD.format(url="https://example.org/"))
    data = data_with(tmp_path, {})
    (data / "partnerships").mkdir(exist_ok=True)
    os.symlink(outside if target == "outside.yml" else target, data / "partnerships" / "linked.yml")
    assert _one_problem(data, "linked.yml") == (
        "1: die Datei ist ein symbolischer Link; legen Sie den Inhalt als eigene Datei ab",
        "1: the file is a symbolic link; store the content as a file of its own")


def test_symbolic_link_as_collection_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "alpha-beta.yml").write_text(RECORD.format(url="https://example.org/"))
    data = data_with(tmp_path, {})
    shutil.rmtree(data / "partnerships", ignore_errors=True)  # the base may hold records of its own
    os.symlink(elsewhere, data / "partnerships")
    status, _, err = run(data, "en")
    assert status == 1
    assert err.strip().splitlines()[0] == "data/partnerships:1: the file is a symbolic link; store the content as a file of its own"


def test_interface_texts_as_a_symbolic_link_are_refused(tmp_path):
    data = data_with(tmp_path, {})
    os.replace(data / "ui.yml", tmp_path / "ui.yml")
    os.symlink(tmp_path / "ui.yml", data / "ui.yml")
    status, _, err = run(data, "en")
    assert status == 1
    assert err.strip().splitlines()[0] == "data/ui.yml:1: the file is a symbolic link; store the content as a file of its own"


def test_size_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.yml"
    with open(big, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk, but reading it would cost 50 MB
    with pytest.raises(YamlFileError) as caught:
        read_yaml(big)
    assert render(caught.value.message, "en") == "the file is larger than 1,000,000 bytes"


@pytest.mark.parametrize("content", [
    "a: " + "[" * 998 + "]" * 998 + "\n",
    "".join("  " * i + "k:\n" for i in range(300)) + "  " * 300 + "v\n",
    "a: {" * 400 + "}" * 400 + "\n",
])
def test_deep_nesting_is_refused_at_its_line(tmp_path, content):
    path = tmp_path / "deep.yml"
    path.write_text(content)
    with pytest.raises(YamlFileError) as caught:
        read_yaml(path)
    assert render(caught.value.message, "de") == "die Daten sind mehr als 20 Ebenen tief verschachtelt"
    assert caught.value.line == content[: content.index("k:") if "k:" in content else 0].count("\n") + (21 if "k:" in content else 1)


def test_checking_20_kb_of_anything_takes_well_under_a_second(tmp_path):
    import random
    generator = random.Random(21)
    alphabet = "[]{}:,-'\"\n #&*!|>?%@`a1\\\t "
    for attempt in range(20):
        path = tmp_path / f"junk-{attempt}.yml"
        path.write_text("".join(generator.choice(alphabet) for _ in range(20_000)))
        start = time.perf_counter()
        try:
            read_yaml(path)
        except YamlFileError:
            pass
        assert time.perf_counter() - start < 0.5, path.read_text()[:200]
    for content in ('"a\n' * 6_000, "- " * 10_000, "a: " + "9" * 19_990):
        path = tmp_path / "pattern.yml"
        path.write_text(content)
        start = time.perf_counter()
        with pytest.raises(YamlFileError):
            read_yaml(path)
        assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("url, label", [
    ("https://www.bonn.de/rathaus/partnerschaften.html", "bonn.de"),
    ("https://xn--bcher-kva.de/", "bücher.de"),
    ("https://xn--pple-43d.com/", "xn--pple-43d.com"),  # Cyrillic а: shown as ASCII, not as "аpple.com"
    ("https://www.xn--80ak6aa92e.com/", "xn--80ak6aa92e.com"),
    ("HTTPS://Example.ORG:443/a", "example.org"),
    ("mailto:info@example.org", "info@example.org"),
])
def test_labels_come_from_the_parsed_host(url, label):
    assert addresses.host_label(url) == label


@pytest.mark.parametrize("url, reason", [
    ("https://evil.example\\@www.bonn.de/", "url.backslash"),
    ("https://user:pass@host.example/", "url.credentials"),
    ("https://user@host.example/", "url.credentials"),
    ("javascript:alert(1)", "url.scheme"),
    ("data:text/html,<script>alert(1)</script>", "url.scheme"),
    ("file:///etc/passwd", "url.scheme"),
    ("https://localhost/", "url.invalid"),
    ("https://", "url.invalid"),
    ("mailto:", "url.invalid"),
])
def test_addresses_a_browser_would_read_otherwise_are_refused(url, reason):
    with pytest.raises(addresses.AddressError) as caught:
        addresses.parse(url)
    assert caught.value.message_id == reason


def test_address_is_kept_as_a_browser_requests_it():
    assert addresses.parse("https://Bücher.de/a%20b?x={y}").href == "https://xn--bcher-kva.de/a%20b?x={y}"
    assert addresses.parse("https://example.org/{x}").href == "https://example.org/%7Bx%7D"


def test_duplicate_rule_compares_names_as_readers_see_them():
    assert rules._name("Alphastadt") == rules._name("Alpha\u200bstadt") == rules._name("ALPHASTADT")
    assert rules._name("Ko\u0308ln") == rules._name("Köln")


def test_page_labels_use_the_host_the_browser_goes_to():
    from macros.core.pages.parts import address_label

    assert address_label("https://www.bonn.de/rathaus/klima-partner.html") == "bonn.de: klima partner"
    assert address_label("https://xn--pple-43d.com/x") == "xn--pple-43d.com: x"
    # never reaches a page (the Url type refuses it), and is never labelled as bonn.de
    assert "bonn.de" not in address_label("https://evil.example\\@www.bonn.de/").split(":")[0]


def test_interface_text_with_an_invisible_character_is_refused(tmp_path):
    data = data_with(tmp_path, {})
    text = (data / "ui.yml").read_text(encoding="utf-8")
    assert "theme.menu.open:\n  de: Menü\n" in text
    (data / "ui.yml").write_text(text.replace("theme.menu.open:\n  de: Menü\n", 'theme.menu.open:\n  de: "Men\\u202Eü"\n'),
                                 encoding="utf-8")
    line = text[: text.index("theme.menu.open:")].count("\n") + 2
    found = []
    for lang in ("de", "en"):
        status, _, err = run(data, lang)
        assert status == 1
        found.append(err.strip().splitlines()[0])
    assert found == [
        f"data/ui.yml:{line}: theme.menu.open.de: das Zeichen U+202E (RIGHT-TO-LEFT OVERRIDE) an Stelle 4 des Textes ist nicht "
        "erlaubt (unsichtbare Steuer- und Formatzeichen verändern, wie ein Text erscheint); entfernen Sie es",
        f"data/ui.yml:{line}: theme.menu.open.de: the character U+202E (RIGHT-TO-LEFT OVERRIDE) at column 4 of the text is not "
        "allowed (invisible control and format characters change how a text looks); remove it"]


def test_messages_show_invisible_characters_by_code_point():
    from macros.core.records.types import describe

    assert render(describe("a\u200bb\u202e"), "en") == "'a<U+200B>b<U+202E>'"


def test_build_loader_refuses_a_dangling_link_without_traceback(tmp_path):
    from macros.core.checking import store

    data = data_with(tmp_path, {})
    (data / "partnerships").mkdir(exist_ok=True)
    os.symlink(tmp_path / "nowhere.yml", data / "partnerships" / "gone.yml")
    with pytest.raises(store.DataError) as caught:
        store.get(data)
    assert [(p.path, p.line, render(p.message, "en")) for p in caught.value.problems] == [
        ("data/partnerships/gone.yml", 1, "the file is a symbolic link; store the content as a file of its own")]


@pytest.mark.parametrize("value, column", [("erika\u0001@example.org", 6), ("erika@exam\u200bple.org", 11)])
def test_email_with_an_invisible_character_names_it(value, column):
    from pydantic import TypeAdapter, ValidationError

    from macros.core.records.types import Email

    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Email).validate_python(value)
    message = caught.value.errors()[0]["ctx"]["message"]
    code = f"U+{ord(value[column - 1]):04X}"
    assert render(message, "en").startswith(f"the character {code}") and f"at column {column} of the text" in render(message, "en")
