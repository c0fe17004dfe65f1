"""Every kind of bad input gets the exact message an editor needs, in German and English, and no traceback.

One fixture per defect in tests/fixtures/invalid/<collection>/<defect>.yml, checked as
data/<collection>/<defect>.yml next to a small valid base (tests/fixtures/base/); the
expected lines, in German (the default) and in English (KKP_MESSAGES=en or --lang en), are
the contract with editors.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.core.checking import check as checker
from macros.core.checking.messages import CATALOGUE, LANGUAGES, placeholders
from sitebuild import BUILD_DATE, FIXTURES, ROOT

INVALID = FIXTURES / "invalid"
EXAMPLES = FIXTURES / "examples"  # a data/partnerships/_example.yml whose placeholders records must not keep
RECORD = (FIXTURES / "records" / "alpha-beta.yml").read_bytes()
DE, EN = 0, 1

#: defect -> (German line, English line), each after "data/<defect>.yml:"
EXPECTED = {
    "contacts/bad-email": (
        "7: email: 'erika.muster(at)example.org' ist keine E-Mail-Adresse wie name@example.org",
        "7: email: 'erika.muster(at)example.org' is not an e-mail address such as name@example.org",
    ),
    "contacts/phone-without-country-code": (
        "7: phone: '0228 20717-338' ist keine Telefonnummer in internationaler Form wie +49 228 20717-338",
        "7: phone: '0228 20717-338' is not a phone number in international form such as +49 228 20717-338",
    ),
    "events/dangling-reference": (
        "10: documentation[1]: 'material-99' ist kein Eintrag in data/publications/",
        "10: documentation[1]: 'material-99' is not a record in data/publications/",
    ),
    "events/end-before-start": (
        '7: end: das Ende (2014-07-01) liegt vor dem Beginn (2014-07-03)',
        '7: end: end (2014-07-01) is before start (2014-07-03)',
    ),
    "events/status-not-in-vocabulary": (
        "7: status: 'done' ist nicht erlaubt; erlaubt: announced, cancelled, held, postponed, scheduled",
        "7: status: 'done' is not allowed; allowed: announced, cancelled, held, postponed, scheduled",
    ),
    "phases/phase-12": (  # not phase-10: partnerships/unknown-phase refers to a phase-10 that does not exist
        "2: number: die Datei phase-12.yml gehört zu Phase 12, hier steht aber number: 9; schreiben Sie number: 12 oder benennen Sie die Datei um",
        "2: number: the file phase-12.yml belongs to phase 12, but it says number: 9; write number: 12 or rename the file",
    ),
    "partnerships/alias-bomb": (
        '1: Anker (&name) und Verweise (*name) sind in Datendateien nicht erlaubt; schreiben Sie den Wert aus',
        '1: anchors (&name) and aliases (*name) are not allowed in data files; write the value out in full',
    ),
    "partnerships/bad-indentation": (
        '10: YAML-Syntaxfehler (Spalte 8): ein Doppelpunkt, wo keiner stehen darf: prüfen Sie die Einrückung, oder setzen Sie den Text in Anführungszeichen (der Parser meldet: mapping values are not allowed in this context)',
        '10: YAML syntax error (column 8): a colon where none is expected: check the indentation, or put the text in quotes (the parser says: mapping values are not allowed in this context)',
    ),
    "partnerships/bad-relationship": (
        "2: relationship: 'twining' ist nicht erlaubt (meinten Sie 'twinning'?); erlaubt: municipal, project, thematic, twinning",
        "2: relationship: 'twining' is not allowed (did you mean 'twinning'?); allowed: municipal, project, thematic, twinning",
    ),
    "partnerships/bracket-on-last-line": (
        "12: YAML-Syntaxfehler (Spalte 10): eine eckige oder geschweifte Klammer wird geöffnet, aber nicht geschlossen (der Parser meldet: did not find expected ',' or ']')",
        "12: YAML syntax error (column 10): a square bracket or brace is opened but not closed (the parser says: did not find expected ',' or ']')",
    ),
    "partnerships/coordinates-out-of-range": (
        "13: partner.coordinates.lat: erwartet wird eine geografische Breite in Grad von -90 bis 90, gefunden: '95'",
        "13: partner.coordinates.lat: expected a latitude in degrees from -90 to 90, got '95'",
    ),
    "partnerships/country-read-as-no": (
        '11: partner.country: NO wird als Ja/Nein-Wert gelesen; setzen Sie es in Anführungszeichen: "NO"',
        '11: partner.country: NO is read as a yes/no value; put it in quotes: "NO"',
    ),
    "partnerships/duplicate-key": (
        "2: das Feld 'phase' kommt zweimal vor (zuerst in Zeile 1)",
        "2: key 'phase' appears twice (first on line 1)",
    ),
    "partnerships/empty": (
        '1: die Datei ist leer',
        '1: the file is empty',
    ),
    "partnerships/error-on-last-line": (
        "46: YAML-Syntaxfehler (Spalte 1): der Zeile fehlt der Doppelpunkt; schreiben Sie 'name: wert'",
        "46: YAML syntax error (column 1): the line lacks its colon; write it as 'name: value'",
    ),
    "partnerships/impossible-date": (
        "3: climate_partnership_since: '2011-02-30' ist kein gültiges Datum",
        "3: climate_partnership_since: '2011-02-30' is not a real date",
    ),
    "partnerships/key-read-as-yes": (
        '2: yes wird als Ja/Nein-Wert gelesen; setzen Sie es in Anführungszeichen: "yes"',
        '2: yes is read as a yes/no value; put it in quotes: "yes"',
    ),
    "partnerships/kind-not-in-vocabulary": (
        "6: german.kind: 'town' ist nicht erlaubt; erlaubt: city, city_district, county, department, district, district_and_town, municipal_assembly, municipal_association, municipality",
        "6: german.kind: 'town' is not allowed; allowed: city, city_district, county, department, district, district_and_town, municipal_assembly, municipal_association, municipality",
    ),
    "partnerships/lower-case-country": (
        "11: partner.country: 'gh' ist kein Ländercode nach ISO 3166-1 alpha-2 wie DE, GH, TZ (schreiben Sie ihn in Großbuchstaben)",
        "11: partner.country: 'gh' is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ (use capital letters)",
    ),
    "partnerships/measure-status-misspelt": (
        "8: measures[1].status: 'done' ist nicht erlaubt; erlaubt: completed, ongoing, planned, studied, unknown",
        "8: measures[1].status: 'done' is not allowed; allowed: completed, ongoing, planned, studied, unknown",
    ),
    "partnerships/missing-colon": (
        "2: YAML-Syntaxfehler (Spalte 1): der Zeile fehlt der Doppelpunkt; schreiben Sie 'name: wert'",
        "2: YAML syntax error (column 1): the line lacks its colon; write it as 'name: value'",
    ),
    "partnerships/missing-sources": (
        '1: sources: Pflichtfeld fehlt',
        '1: sources: required field is missing',
    ),
    "partnerships/misspelt-key": (
        "2: relationsip: unbekanntes Feld (meinten Sie 'relationship'?); erlaubt sind hier: climate_partnership_since, conflicts, focus, german, lead, links, measures, milestones, partner, phase, phase_basis, programme, relationship, relationship_note, relationship_since, results, sources",
        "2: relationsip: unknown field (did you mean 'relationship'?); allowed here: climate_partnership_since, conflicts, focus, german, lead, links, measures, milestones, partner, phase, phase_basis, programme, relationship, relationship_note, relationship_since, results, sources",
    ),
    "partnerships/name-read-as-yes": (
        '9: partner.name: On wird als Ja/Nein-Wert gelesen; setzen Sie es in Anführungszeichen: "On"',
        '9: partner.name: On is read as a yes/no value; put it in quotes: "On"',
    ),
    "partnerships/name-too-long": (
        '5: german.name: der Text hat 330 Zeichen; erlaubt sind höchstens 120 Zeichen',
        '5: german.name: the text has 330 characters; at most 120 characters are allowed',
    ),
    "partnerships/name-with-line-break": (
        '5: german.name: ein Name oder Titel steht in einer Zeile; entfernen Sie den Zeilenumbruch',
        '5: german.name: a name or title is one line; remove the line break',
    ),
    "partnerships/name-without-german": (
        '9: partner.name.de: der deutsche Text (de:) ist Pflicht',
        '9: partner.name.de: the German text (de:) is required',
    ),
    "partnerships/note-too-long": (
        '12: relationship_note: der Text hat 25.000 Zeichen; erlaubt sind höchstens 2.000 Zeichen',
        '12: relationship_note: the text has 25,000 characters; at most 2,000 characters are allowed',
    ),
    "partnerships/population-not-a-number": (
        "11: partner.population[1].value: erwartet wird eine ganze Zahl von 1 bis 100.000.000, gefunden: 'many'",
        "11: partner.population[1].value: expected a whole number from 1 to 100,000,000, got 'many'",
    ),
    "partnerships/population-source-plain-address": (
        "14: partner.population[1].source: eine Quelle steht immer als Gruppe: schreiben Sie in die nächste Zeile, zwei Leerzeichen "
        "weiter eingerückt, url: und die Adresse (gefunden: 'https://example.org/population')",
        "14: partner.population[1].source: a source is always a group: on the next line, indented two more spaces, write url: "
        "and the address (got 'https://example.org/population')",
    ),
    "partnerships/source-without-url": (
        "13: sources[1]: geben Sie genau eines an: url: (eine Webseite), publication: (Id einer Publikation in data/publications/) "
        "oder flyer: true (den Flyer des Programms)",
        "13: sources[1]: give exactly one of url: (a web page), publication: (id of a publication in data/publications/) "
        "or flyer: true (the programme's flyer)",
    ),
    "partnerships/source-on-copy-site": (
        "13: sources[1].url: die Adresse liegt auf readkong.com, einer Seite, die fremde Dokumente kopiert; verlinken Sie die Seite "
        "des Herausgebers oder nennen Sie die Publikation dieser Website mit publication: und page:",
        "13: sources[1].url: the address is on readkong.com, a site that copies other people's documents; link the publisher's page "
        "or name the publication of this site with publication: und page:".replace(" und page:", " and page:"),
    ),
    "partnerships/page-without-publication": (
        "14: sources[1].page: page: gibt die Seite einer Publikation an und steht nur zusammen mit publication:",
        "14: sources[1].page: page: is the page of a publication and goes only with publication:",
    ),
    "partnerships/publication-source-unknown": (
        "13: sources[1].publication: 'dialog-global-64' ist kein Eintrag in data/publications/",
        "13: sources[1].publication: 'dialog-global-64' is not a record in data/publications/",
    ),
    "partnerships/seat-without-source": (
        "10: german.seat.coordinates.source: Pflichtfeld fehlt",
        "10: german.seat.coordinates.source: required field is missing",
    ),
    "partnerships/measure-without-area": (
        "13: measures[1].area: Pflichtfeld fehlt",
        "13: measures[1].area: required field is missing",
    ),
    "partnerships/sources-not-a-list": (
        "12: sources: erwartet wird eine Liste (Zeilen, die mit '- ' beginnen), gefunden: 'https://example.org/alpha'",
        "12: sources: expected a list (lines starting with '- '), got 'https://example.org/alpha'",
    ),
    "partnerships/state-not-a-code": (
        "8: german.state: 'NRW' ist kein Code eines deutschen Bundeslands (meinten Sie 'DE-NW'?); erlaubt: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH",
        "8: german.state: 'NRW' is not a German state code (did you mean 'DE-NW'?); allowed: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH",
    ),
    "partnerships/state-outside-germany": (
        '12: partner.state: nur deutsche Kommunen (country: DE) haben ein Bundesland; verwenden Sie sonst region:',
        '12: partner.state: only German municipalities (country: DE) have a state; use region: elsewhere',
    ),
    "partnerships/tab-indentation": (
        '6: die Zeile ist mit einem Tabulator eingerückt; rücken Sie nur mit Leerzeichen ein',
        '6: a tab is used for indentation; indent with spaces only',
    ),
    "partnerships/unclosed-quote": (
        '3: YAML-Syntaxfehler (Spalte 28): das Anführungszeichen " wird nicht geschlossen; beenden Sie den Text in derselben Zeile mit "',
        '3: YAML syntax error (column 28): the quote " is not closed; end the text on the same line with "',
    ),
    "partnerships/unclosed-quote-closed-later": (
        '5: YAML-Syntaxfehler (Spalte 9): das Anführungszeichen " wird nicht geschlossen; beenden Sie den Text in derselben Zeile mit "',
        '5: YAML syntax error (column 9): the quote " is not closed; end the text on the same line with "',
    ),
    "partnerships/unknown-language": (
        "11: partner.name.es: unbekannte Sprache 'es'; erlaubt: de, en, fr",
        "11: partner.name.es: unknown language 'es'; allowed: de, en, fr",
    ),
    "partnerships/unknown-phase": (
        "1: phase: 'phase-10' ist kein Eintrag in data/phases/",
        "1: phase: 'phase-10' is not a record in data/phases/",
    ),
    "partnerships/url-with-space": (
        "13: sources[1].url: die Webadresse 'https://example.org/alpha page' enthält ein Leerzeichen; entfernen Sie es oder schreiben Sie %20",
        "13: sources[1].url: the web address 'https://example.org/alpha page' contains a space; remove it or write %20",
    ),
    "partnerships/url-without-scheme": (
        "13: sources[1].url: 'www.example.org' ist keine Webadresse, die mit http:// oder https:// beginnt",
        "13: sources[1].url: 'www.example.org' is not a web address starting with http:// or https://",
    ),
    'partnerships/country-name': (
        "11: partner.country: 'Ghana' ist kein Ländercode nach ISO 3166-1 alpha-2 wie DE, GH, TZ (meinten Sie 'GH'?)",
        "11: partner.country: 'Ghana' is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ (did you mean 'GH'?)",
    ),
    'partnerships/german-date': (
        "3: climate_partnership_since: erwartet wird ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT, gefunden: '01.03.2025' (meinten Sie '2025-03-01'?)",
        "3: climate_partnership_since: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '01.03.2025' (did you mean '2025-03-01'?)",
    ),
    'partnerships/month-name-date': (
        "3: climate_partnership_since: erwartet wird ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT, gefunden: 'März 2025' (meinten Sie '2025-03'?)",
        "3: climate_partnership_since: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'März 2025' (did you mean '2025-03'?)",
    ),
    'partnerships/state-name': (
        "8: german.state: 'Bayern' ist kein Code eines deutschen Bundeslands (meinten Sie 'DE-BY'?); erlaubt: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH",
        "8: german.state: 'Bayern' is not a German state code (did you mean 'DE-BY'?); allowed: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH",
    ),
    'partnerships/example-placeholder': (
        "14: sources[1].title: 'Titel der Seite (freiwillig)' ist ein Platzhalter aus data/partnerships/_example.yml (Zeile 18); ersetzen Sie ihn durch die Angabe aus Ihrer Quelle",
        "14: sources[1].title: 'Titel der Seite (freiwillig)' is a placeholder from data/partnerships/_example.yml (line 18); replace it with what your source says",
    ),
    "partnerships/example-address": (
        "13: sources[1].url: 'https://www.example.net/partnership-page' ist ein Platzhalter aus data/partnerships/_example.yml (Zeile 17); ersetzen Sie ihn durch die Angabe aus Ihrer Quelle",
        "13: sources[1].url: 'https://www.example.net/partnership-page' is a placeholder from data/partnerships/_example.yml (line 17); replace it with what your source says",
    ),
    'partnerships/unclosed-quote-comment': (
        '3: YAML-Syntaxfehler (Spalte 21): das Anführungszeichen " wird nicht geschlossen; beenden Sie den Text in derselben Zeile mit "',
        '3: YAML syntax error (column 21): the quote " is not closed; end the text on the same line with "',
    ),
    "phases/end-before-start": (
        '4: period.end: das Ende (2012) liegt vor dem Beginn (2014)',
        '4: period.end: end (2012) is before start (2014)',
    ),
    "phases/missing-translation": (
        '4: region.fr: Übersetzung fehlt: dieser Text muss in jeder dieser Sprachen vorliegen: de, en, fr',
        '4: region.fr: translation missing: this text must be given in de, en, fr',
    ),
    "publications/edition-url-copy-site": (
        "4: editions[1].url: readkong.com verbreitet Kopien fremder Dokumente und ist nicht der Herausgeber: tragen Sie die Adresse "
        "der Publikation auf der Website des Herausgebers ein, oder lassen Sie das Feld weg",
        "4: editions[1].url: readkong.com republishes other people's documents and is not the publisher: give the publication's "
        "address on the publisher's website, or leave the field out",
    ),
    "publications/publisher-page-copy-site": (
        "5: publisher_page.url: yumpu.com verbreitet Kopien fremder Dokumente und ist nicht der Herausgeber: tragen Sie die Adresse "
        "der Publikation auf der Website des Herausgebers ein, oder lassen Sie das Feld weg",
        "5: publisher_page.url: yumpu.com republishes other people's documents and is not the publisher: give the publication's "
        "address on the publisher's website, or leave the field out",
    ),
    "publications/no-editions": (
        '2: editions: braucht mindestens 1 Eintrag',
        '2: editions: needs at least 1 entry',
    ),
}

#: Fixtures that give a warning (not an error) when the site is built on 2026-01-01.
WARNINGS = {
    "partnerships/english-under-de": (
        "13: Warnung: relationship_note.de: der Text unter de: ist wohl Englisch (Sicherheit 100 %); prüfen Sie, ob er unter dem richtigen Sprachschlüssel steht",
        "13: warning: relationship_note.de: the text under de: seems to be English (100 % sure); check that it stands under the right language key",
    ),
    "events/held-in-future": (
        "7: Warnung: status: als held (stattgefunden) markiert, aber die Veranstaltung beginnt erst am 2026-03-10, "
        "nach dem Erstellungsdatum der Website (2026-01-01); setzen Sie status: scheduled, oder prüfen Sie das Datum",
        "7: warning: status: marked held, but the event starts on 2026-03-10, after the date the site is built for "
        "(2026-01-01); set status: scheduled, or check the date",
    ),
    "events/scheduled-in-past": (
        "8: Warnung: status: noch als scheduled markiert, aber die Veranstaltung endete am 2025-05-21, vor dem "
        "Erstellungsdatum der Website (2026-01-01); setzen Sie status: held, postponed oder cancelled, oder erklären "
        "Sie unter conflicts: (about: status), warum es offen ist",
        "8: warning: status: still marked scheduled, but the event ended on 2025-05-21, before the date the site is "
        "built for (2026-01-01); set status: held, postponed or cancelled, or explain under conflicts: (about: status) "
        "why it is open",
    ),
}

ONE = ("1 Problem in 1 Datei", "1 problem in 1 file")


def data_with(tmp: Path, files: dict[str, bytes]) -> Path:
    """A data folder: the valid base, an example record, the interface texts, and `files` (path -> content)."""
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copytree(EXAMPLES, data, dirs_exist_ok=True)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    for name, content in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(content)
    return data


def fixture(defect: str) -> dict[str, bytes]:
    return {f"{defect}.yml": (INVALID / f"{defect}.yml").read_bytes()}


def run(data: Path, lang: str = "de", env: dict | None = None) -> tuple[int, str, str]:
    """`python -m macros.core.checking.check --lang <lang> <data>` in this process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = checker.main(["--lang", lang, str(data)])
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return status, out.getvalue(), err.getvalue()


def lines(data: Path, lang: str = "de", env: dict | None = None) -> list[str]:
    return run(data, lang, env)[2].strip().splitlines()


def check(data: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command itself, as `make check` runs it."""
    return subprocess.run([sys.executable, "-m", "macros.core.checking.check", str(data)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def lines_of(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stdout + result.stderr
    return result.stderr.strip().splitlines()


def test_every_invalid_fixture_has_an_expectation():
    found = {f"{p.parent.name}/{p.stem}" for p in INVALID.rglob("*.yml")}
    assert found == set(EXPECTED) | set(WARNINGS)
    assert not set(EXPECTED) & set(WARNINGS)
    assert len(found) >= 40


def test_catalogue_has_both_languages_with_the_same_placeholders():
    assert LANGUAGES == ("de", "en")
    for key, templates in CATALOGUE.items():
        assert len(templates) == 2 and all(t.strip() for t in templates), key
        assert placeholders(templates[DE]) == placeholders(templates[EN]), key


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_invalid_file_gets_its_exact_message(defect, tmp_path):
    data = data_with(tmp_path, fixture(defect))
    for lang, index in (("de", DE), ("en", EN)):
        status, _, err = run(data, lang)
        assert status == 1
        assert err.strip().splitlines() == [f"data/{defect}.yml:{EXPECTED[defect][index]}", ONE[index]]


@pytest.mark.parametrize("defect", sorted(WARNINGS))
def test_warning_is_printed_and_does_not_fail(defect, tmp_path):
    data = data_with(tmp_path, fixture(defect))
    for lang, index in (("de", DE), ("en", EN)):
        status, out, err = run(data, lang, {"SOURCE_DATE_EPOCH": BUILD_DATE})
        assert status == 0
        assert err.strip().splitlines() == [f"data/{defect}.yml:{WARNINGS[defect][index]}",
                                            ("1 Warnung in 1 Datei", "1 warning in 1 file")[index]]
        assert out.startswith(("Daten in Ordnung: ", "data OK: ")[index])


def test_status_that_fits_the_build_date_or_is_explained_gives_no_warning(tmp_path):
    later = {"SOURCE_DATE_EPOCH": str(int(BUILD_DATE) + 365 * 86400)}  # 2027: both events are past
    assert run(data_with(tmp_path / "a", fixture("events/held-in-future")), "de", later)[2] == ""
    explained = (INVALID / "events/scheduled-in-past.yml").read_text(encoding="utf-8").replace(
        "status: scheduled", "status: announced\nconflicts:\n  - about: status\n    text: Nur angekündigt, nie bestätigt.")
    assert run(data_with(tmp_path / "b", {"events/x.yml": explained.encode()}), "de", {"SOURCE_DATE_EPOCH": BUILD_DATE})[2] == ""


def test_all_problems_of_all_files_in_one_run_in_both_languages(tmp_path):
    files = {name: content for defect in EXPECTED for name, content in fixture(defect).items()}
    data = data_with(tmp_path, files)
    count = len(EXPECTED)
    for env, index, summary in (({}, DE, f"{count} Probleme in {count} Dateien"),
                                ({"KKP_MESSAGES": "en"}, EN, f"{count} problems in {count} files")):
        result = check(data, env)
        assert result.returncode == 1
        found = lines_of(result)
        assert sorted(found[:-1]) == sorted(f"data/{defect}.yml:{pair[index]}" for defect, pair in EXPECTED.items())
        assert found[-1] == summary


def test_count_of_problems_and_warnings(tmp_path):
    files = {**fixture("events/scheduled-in-past"), **fixture("partnerships/bad-relationship"),
             **fixture("partnerships/missing-sources"), **fixture("contacts/bad-email")}
    data = data_with(tmp_path, files)
    env = {"SOURCE_DATE_EPOCH": BUILD_DATE}
    assert lines(data, "de", env)[-1] == "3 Probleme in 3 Dateien, 1 Warnung"
    assert lines(data, "en", env)[-1] == "3 problems in 3 files, 1 warning"


def test_invalid_record_is_not_called_missing_where_it_is_named(tmp_path):
    """Root cause first: the event naming a broken partnership gets no message of its own."""
    event = (INVALID / "events/dangling-reference.yml").read_text(encoding="utf-8").replace(
        "documentation:\n  - material-99\n", "partnerships:\n  - bad-relationship\n")
    data = data_with(tmp_path, {**fixture("partnerships/bad-relationship"), "events/workshop.yml": event.encode()})
    for lang, index in (("de", DE), ("en", EN)):
        assert lines(data, lang) == [f"data/partnerships/bad-relationship.yml:{EXPECTED['partnerships/bad-relationship'][index]}", ONE[index]]


def test_broken_phase_gives_only_its_own_message(tmp_path):
    """A tab in phase-9.yml: one message, not one "did you mean 'phase-8'?" per partnership."""
    phase = (FIXTURES / "base/phases/phase-2.yml").read_text(encoding="utf-8")
    files = {
        "phases/phase-8.yml": phase.replace("number: 2", "number: 8").encode(),
        "phases/phase-9.yml": phase.replace("number: 2", "number: 9").replace("  start:", "\tstart:").encode(),
    }
    for n in range(5):
        files[f"partnerships/alpha-beta-{n}.yml"] = RECORD.replace(b"phase: phase-1", b"phase: phase-9").replace(
            b"name: Betatown", f"name: Betatown {n}".encode())
    data = data_with(tmp_path, files)
    assert lines(data, "de") == ["data/phases/phase-9.yml:4: die Zeile ist mit einem Tabulator eingerückt; "
                                 "rücken Sie nur mit Leerzeichen ein", ONE[DE]]
    assert lines(data, "en") == ["data/phases/phase-9.yml:4: a tab is used for indentation; indent with spaces only", ONE[EN]]


def test_did_you_mean_only_for_close_words_never_for_numbers(tmp_path):
    record = RECORD.replace(b"phase: phase-1", b"phase: phse-1")
    assert lines(data_with(tmp_path / "a", {"partnerships/alpha-beta.yml": record}), "en")[0] == (
        "data/partnerships/alpha-beta.yml:2: phase: 'phse-1' is not a record in data/phases/ (did you mean 'phase-1'?)")
    assert lines(data_with(tmp_path / "b", {"partnerships/alpha-beta.yml": record}), "de")[0] == (
        "data/partnerships/alpha-beta.yml:2: phase: 'phse-1' ist kein Eintrag in data/phases/ (meinten Sie 'phase-1'?)")
    far = RECORD.replace(b"phase: phase-1", b"phase: stage-one")
    assert lines(data_with(tmp_path / "c", {"partnerships/alpha-beta.yml": far}), "en")[0] == (
        "data/partnerships/alpha-beta.yml:2: phase: 'stage-one' is not a record in data/phases/")


def test_phases_are_open_ended(tmp_path):
    phase = (FIXTURES / "base/phases/phase-2.yml").read_text(encoding="utf-8")
    files = {"phases/phase-10.yml": phase.replace("number: 2", "number: 10").encode(),
             "phases/phase-11.yml": phase.replace("number: 2", "number: 11").encode(),
             "partnerships/alpha-beta.yml": RECORD.replace(b"phase: phase-1", b"phase: phase-11")}
    status, out, err = run(data_with(tmp_path, files), "en")
    assert (status, err) == (0, "")
    assert out.startswith("data OK: 1 partnerships, 4 phases")


def test_github_actions_gets_one_workflow_command_per_problem(tmp_path):
    files = {**fixture("partnerships/bad-relationship"), **fixture("events/scheduled-in-past"), **fixture("partnerships/empty")}
    env = {"GITHUB_ACTIONS": "true", "SOURCE_DATE_EPOCH": BUILD_DATE}
    status, out, _ = run(data_with(tmp_path, files), "en", env)
    assert status == 1
    assert out.strip().splitlines() == [
        "::warning file=data/events/scheduled-in-past.yml,line=8,title=status::still marked scheduled, but the event "
        "ended on 2025-05-21, before the date the site is built for (2026-01-01); set status: held, postponed or "
        "cancelled, or explain under conflicts: (about: status) why it is open",
        "::error file=data/partnerships/bad-relationship.yml,line=2,title=relationship::'twining' is not allowed "
        "(did you mean 'twinning'?); allowed: municipal, project, thematic, twinning",
        "::error file=data/partnerships/empty.yml,line=1::the file is empty",
    ]
    assert run(data_with(tmp_path / "b", files), "en", {"SOURCE_DATE_EPOCH": BUILD_DATE})[1] == ""


def test_workflow_commands_are_escaped():
    from macros.core.checking.problems import Problem
    problem = Problem("data/a,b:c.yml", 3, "x:y,z", "100% sure\r\nnext line: a, b")
    assert checker.workflow_command(problem, "en") == (
        "::error file=data/a%2Cb%3Ac.yml,line=3,title=x%3Ay%2Cz::100%25 sure%0D%0Anext line: a, b")


def test_language_is_chosen_by_option_or_environment(tmp_path):
    data = data_with(tmp_path, fixture("partnerships/empty"))
    assert lines_of(check(data))[-1] == "1 Problem in 1 Datei"
    assert lines_of(check(data, {"KKP_MESSAGES": "en"}))[-1] == "1 problem in 1 file"
    assert lines(data, "en")[-1] == "1 problem in 1 file"
    assert lines(data, "fr")[-1] == "1 Problem in 1 Datei"  # an unknown language falls back to German


def test_file_that_is_not_utf8(tmp_path):
    content = RECORD.decode("utf-8").replace("Deutscher Hinweis Alpha.", "Größere Stadt.").encode("latin-1")
    data = data_with(tmp_path, {"partnerships/alpha-beta.yml": content})
    assert lines(data, "de")[0] == (
        "data/partnerships/alpha-beta.yml:31: die Datei ist kein UTF-8-Text; speichern Sie sie als UTF-8 "
        "(im GitHub-Editor ist sie das immer)")
    assert lines(data, "en")[0] == (
        "data/partnerships/alpha-beta.yml:31: the file is not UTF-8 text; save it as UTF-8 (in the GitHub editor it always is)")


def test_file_names_are_record_ids_and_no_stray_files(tmp_path):
    files = {"partnerships/Alpha_Beta.yml": RECORD, "partnerships/notes.txt": b"x", "partnership/alpha-beta.yml": RECORD}
    data = data_with(tmp_path, files)
    assert lines(data, "en") == [
        "data/partnership:1: stray folder in data/ (did you mean 'partnerships'?): data/ holds ui.yml and the "
        "folders partnerships, phases, events, publications, series, organisations, contacts, totals",
        "data/partnerships/Alpha_Beta.yml:1: the file name is the record id: use lower-case letters a-z, digits and "
        "single hyphens (for example bonn-cape-coast.yml); write ä as ae, ö as oe, ü as ue, ß as ss",
        "data/partnerships/notes.txt:1: stray file in data/partnerships/: only .yml record files belong here",
        "3 problems in 3 files",
    ]
    assert lines(data, "de") == [
        "data/partnership:1: überzähliger Ordner in data/ (meinten Sie 'partnerships'?): data/ enthält ui.yml und die "
        "Ordner partnerships, phases, events, publications, series, organisations, contacts, totals",
        "data/partnerships/Alpha_Beta.yml:1: der Dateiname ist die Kennung des Eintrags: verwenden Sie Kleinbuchstaben "
        "a-z, Ziffern und einzelne Bindestriche (zum Beispiel bonn-cape-coast.yml); schreiben Sie ä als ae, ö als oe, "
        "ü als ue, ß als ss",
        "data/partnerships/notes.txt:1: überzählige Datei in data/partnerships/: hierher gehören nur .yml-Dateien mit Einträgen",
        "3 Probleme in 3 Dateien",
    ]


def test_duplicate_ids_and_duplicate_partnerships(tmp_path):
    files = {
        "partnerships/alpha-beta.yml": RECORD,
        "partnerships/alpha-beta.yaml": RECORD,
        "partnerships/alphastadt-betatown.yml": RECORD,
    }
    data = data_with(tmp_path, files)
    assert lines(data, "en") == [
        "data/partnerships/alpha-beta.yml:1: duplicate id 'alpha-beta': data/partnerships/alpha-beta.yaml has the same name; keep one file",
        "data/partnerships/alphastadt-betatown.yml:1: the same partnership as data/partnerships/alpha-beta.yaml "
        "(alphastadt – betatown); keep one record",
        "2 problems in 2 files",
    ]
    assert lines(data, "de") == [
        "data/partnerships/alpha-beta.yml:1: doppelte Kennung 'alpha-beta': data/partnerships/alpha-beta.yaml hat "
        "denselben Namen; behalten Sie eine Datei",
        "data/partnerships/alphastadt-betatown.yml:1: dieselbe Partnerschaft wie data/partnerships/alpha-beta.yaml "
        "(alphastadt – betatown); behalten Sie einen Eintrag",
        "2 Probleme in 2 Dateien",
    ]


def test_documentation_links_must_go_both_ways(tmp_path):
    event = (INVALID / "events" / "dangling-reference.yml").read_text(encoding="utf-8").replace("material-99", "material-42")
    publication = "editions:\n  - language: de\n    title: Vorstudie\nsources:\n  - flyer: true\n"
    data = data_with(tmp_path, {"events/workshop.yml": event.encode(), "publications/material-42.yml": publication.encode()})
    assert lines(data, "en") == [
        "data/events/workshop.yml:10: documentation[1]: data/publications/material-42.yml must say "
        "documents_event: workshop (the link goes both ways)",
        "1 problem in 1 file",
    ]
    assert lines(data, "de") == [
        "data/events/workshop.yml:10: documentation[1]: data/publications/material-42.yml muss documents_event: "
        "workshop angeben (die Verknüpfung gilt in beide Richtungen)",
        "1 Problem in 1 Datei",
    ]


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    content = b"\xef\xbb\xbf" + RECORD.replace(b"\n", b"\r\n")
    result = check(data_with(tmp_path, {"partnerships/alpha-beta.yml": content}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Daten in Ordnung: 1 partnerships, 2 phases")


def test_example_records_are_checked_but_not_records(tmp_path):
    example = (ROOT / "data" / "partnerships" / "_example.yml").read_bytes()
    status, out, err = run(data_with(tmp_path, {"partnerships/_example.yml": example}), "en")
    assert status == 0, err
    assert out.startswith("data OK: 0 partnerships")
    broken = example.replace(b"relationship: twinning", b"relationship: twining")
    assert lines(data_with(tmp_path / "b", {"partnerships/_example.yml": broken}), "en")[0].startswith(
        "data/partnerships/_example.yml:10: relationship: 'twining' is not allowed"
    )


@pytest.mark.data  # the content of data/ and docs/: make test-data
def test_real_data_is_valid():
    result = check(ROOT / "data")
    assert result.returncode == 0, result.stderr


def test_a_copy_of_each_example_under_a_new_name_fails_naming_file_and_line(tmp_path):
    for example in sorted((ROOT / "data").glob("*/_example.yml")):
        folder = example.parent.name
        data = data_with(tmp_path / folder, {f"{folder}/_example.yml": example.read_bytes(),
                                             f"{folder}/copy-of-example.yml": example.read_bytes()})
        found = [line for line in lines(data, "en")[:-1] if "placeholder" in line]
        if folder in ("partnerships", "contacts", "phases", "publications"):  # those whose example holds placeholders
            assert found, folder
        assert all(line.startswith(f"data/{folder}/copy-of-example.yml:") for line in found), found
        for line in found:
            number = int(line.split(":")[1])
            placeholder = line.split("'")[1]
            assert placeholder in example.read_text(encoding="utf-8")
            assert placeholder in (data / folder / "copy-of-example.yml").read_text(encoding="utf-8").split("\n")[number - 1]


def test_comments_of_the_examples_hold_no_straight_quotes():
    """A comment with "JJJJ" after a date whose closing quote is missing closes the date's quote
    there: the examples' comments use none, so a copy cannot trip the parser that way."""
    for example in sorted((ROOT / "data").glob("*/_example.yml")):
        for number, line in enumerate(example.read_text(encoding="utf-8").split("\n"), start=1):
            comment = line.split(" #", 1)[1] if " #" in line else (line if line.startswith("#") else "")
            assert '"' not in comment and "'" not in comment, f"{example.name}:{number}"
