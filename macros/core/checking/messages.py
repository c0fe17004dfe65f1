"""Every message of the data check, in German (the default) and English.

A message is `msg(id, **params)`: an id of the catalogue below and the values for its
placeholders. It is turned into text only when printed, in the language asked for:
`render(message, "de")`. A parameter may itself be a message (a described value, a
"did you mean" hint), rendered in the same language. Every id has a German and an English
template with the same placeholders (a test checks it).

The language of `make check` is German unless KKP_MESSAGES=en is set (or `--lang en` is
given to `python -m macros.core.checking.check`).
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("de", "en")
DEFAULT = "de"
ENV = "KKP_MESSAGES"

#: id -> (German, English)
CATALOGUE: dict[str, tuple[str, str]] = {
    # described values
    "value.nothing": ("nichts", "nothing"),
    "value.group": ("eine Gruppe von Feldern", "a group of fields"),
    "value.list": ("eine Liste", "a list"),
    "value.quoted": ("'{value}'", "'{value}'"),
    "value.long": ("ein Text von {length} Zeichen", "a text of {length} characters"),
    "hint.did_you_mean": (" (meinten Sie '{word}'?)", " (did you mean '{word}'?)"),
    "hint.capitals": (" (schreiben Sie ihn in Großbuchstaben)", " (use capital letters)"),
    "or.word": (" oder {word}{more}", " or {word}{more}"),
    # the report
    "severity.warning": ("Warnung", "warning"),
    "noun.problem.one": ("Problem", "problem"),
    "noun.problem.many": ("Probleme", "problems"),
    "noun.warning.one": ("Warnung", "warning"),
    "noun.warning.many": ("Warnungen", "warnings"),
    "noun.file.one": ("Datei", "file"),
    "noun.file.many": ("Dateien", "files"),
    "summary.count": ("{count} {noun} in {files} {files_noun}", "{count} {noun} in {files} {files_noun}"),
    "summary.also": ("{count} {noun}", "{count} {noun}"),
    "check.ok": ("Daten in Ordnung: {counts}", "data OK: {counts}"),
    "check.no_folder": ("{path}: diesen Datenordner gibt es nicht", "{path}: no such data folder"),
    "check.crashed": (
        "{path}: die Prüfung selbst ist fehlgeschlagen ({error}); bitte melden Sie das zusammen mit der Datei, die Sie geändert haben",
        "{path}: the checker itself failed ({error}); please report this with the file you changed",
    ),
    "check.summary_problems": ("Datenprüfung: Probleme", "Data check: problems"),
    "build.data_problems": ("Die Daten haben Probleme:", "The data has problems:"),
    "check.summary_ok": ("Datenprüfung: in Ordnung", "Data check: OK"),
    "rule.phase_number": (
        "die Datei {file} gehört zu Phase {expected}, hier steht aber number: {number}; schreiben Sie number: {expected} oder benennen Sie die Datei um",
        "the file {file} belongs to phase {expected}, but it says number: {number}; write number: {expected} or rename the file"),
    "placeholder.text": (
        "{value} ist ein Platzhalter aus {example} (Zeile {line}); ersetzen Sie ihn durch die Angabe aus Ihrer Quelle",
        "{value} is a placeholder from {example} (line {line}); replace it with what your source says"),
    "text.other_language": (
        "der Text unter {key}: ist wohl {language} (Sicherheit {percent} %); prüfen Sie, ob er unter dem richtigen Sprachschlüssel steht",
        "the text under {key}: seems to be {language} ({percent} % sure); check that it stands under the right language key"),
    "value.language.de": ("Deutsch", "German"),
    "value.language.en": ("Englisch", "English"),
    "value.language.fr": ("Französisch", "French"),
    "value.language.es": ("Spanisch", "Spanish"),
    "value.language.pt": ("Portugiesisch", "Portuguese"),
    # the editors' view (macros/core/pages/editorial.py): notes on the pages, never a problem
    "editorial.title": ("Für die Redaktion (erscheint nicht auf der öffentlichen Website)",
                        "For editors (not shown on the public website)"),
    "editorial.file": ("Datei: {path}", "file: {path}"),
    "editorial.conflict": ("Quellen weichen ab", "sources disagree"),
    "editorial.basis.probable": (
        "Keine Quelle nennt die Projektphase ausdrücklich; nach Zeitpunkt und Region ist sie wahrscheinlich (phase_basis: probable).",
        "No source names the project phase outright; timing and region make it probable (phase_basis: probable)."),
    "editorial.basis.inferred": (
        "Keine Quelle nennt die Projektphase; sie ist aus dem Beginn der Klimapartnerschaft erschlossen (phase_basis: inferred).",
        "No source names the project phase; it is inferred from when the climate partnership began (phase_basis: inferred)."),
    "editorial.no_place": (
        "{name}: keine Koordinaten (coordinates:); ohne sie fehlt die Partnerschaft auf der Karte",
        "{name}: no coordinates (coordinates:); without them the partnership is missing from the map"),
    "editorial.no_seat": (
        "{name} ist ein Gebiet: keine Koordinaten seines Verwaltungssitzes; es erscheint auf der Karte, sobald eine Quelle den Sitz nennt",
        "{name} is an area: no coordinates of its seat; it appears on the map once a source names the seat"),
    "editorial.thin": (
        "dünne Geschichte: {words} Wörter über die Partnerschaft selbst (lead:, relationship_note:, programme:, focus:, measures:, results:); lesenswert ab etwa {least}",
        "thin story: {words} words about the partnership itself (lead:, relationship_note:, programme:, focus:, measures:, results:); worth reading from about {least}"),
    "editorial.single_source": ("nur eine Quelle: eine zweite, unabhängige Quelle wäre gut",
                                "a single source: a second, independent source would help"),
    "publication.copy_site": (
        "{host} verbreitet Kopien fremder Dokumente und ist nicht der Herausgeber: tragen Sie die Adresse "
        "der Publikation auf der Website des Herausgebers ein, oder lassen Sie das Feld weg",
        "{host} republishes other people's documents and is not the publisher: give the publication's "
        "address on the publisher's website, or leave the field out"),
    "editorial.untranslated": ("{count} Text(e) ohne Übersetzung ({languages})", "{count} text(s) without translation ({languages})"),
    "editorial.check_warning": ("make check, Zeile {line}: {message}", "make check, line {line}: {message}"),
    "editorial.stale_contact": (
        "{name}: Stand der Angaben {date}, älter als drei Jahre; prüfen, ob sie noch gelten ({path})",
        "{name}: details of {date}, older than three years; check that they still hold ({path})"),
    "editorial.view": ("Seite aus allen Einträgen in data/partnerships/ erzeugt", "page made from every file in data/partnerships/"),
    "editorial.page_file": ("Seite: {path}", "page: {path}"),
    "editorial.page_fallback": ("diese Seite gibt es nicht auf {lang}: gezeigt wird die deutsche Fassung",
                                "this page has no {lang} version: the German one is shown"),
    "editorial.undrawn": ("Nicht auf der Karte", "Not on the map"),
    "editorial.all_drawn": ("Alle Partnerschaften sind eingezeichnet.", "Every partnership is drawn."),
    "editorial.map_method": (
        "Gezeichnet wird eine Partnerschaft, sobald beide Orte Koordinaten mit Quelle haben; Gebiete (Landkreise, Distrikte, Verbände) an ihrem Verwaltungssitz.",
        "A partnership is drawn once both places have coordinates with a source; areas (districts, counties, associations) at their seat."),
    "editorial.figures_method": (
        "Alle Zahlen dieser Seite werden beim Bau der Website aus den Datensätzen in data/ berechnet; die Website enthält nur Partnerschaften, die eine Quelle namentlich nennt.",
        "Every figure on this page is computed from the records in data/ when the site is built; the site holds only partnerships a source names."),
    "editorial.count_conflicts": ("Wo die Quellen über die Größe einer Phase voneinander abweichen (data/phases/, conflicts:)",
                                  "Where sources disagree on the size of a phase (data/phases/, conflicts:)"),
    "editorial.contacts": ("Kontakte, deren Angaben älter als drei Jahre sind", "Contacts whose details are older than three years"),
    "editorial.no_stale_contacts": ("Keine Kontaktangabe ist älter als drei Jahre.", "No contact's details are older than three years."),
    "editorial.event_status": ("Status: {status}", "status: {status}"),
    # interface texts (data/ui.yml)
    "ui.not_a_table": ("erwartet wird je Oberflächentext ein Eintrag mit de:, en: und fr:",
                       "expected one entry per interface text, each with de, en and fr"),
    "ui.not_languages": ("erwartet werden unter dem Schlüssel die Zeilen de:, en: und fr:",
                         "expected de:, en: and fr: lines under the key"),
    "ui.unknown_language": ("unbekannte Sprache; erlaubt: {allowed}", "unknown language; allowed: {allowed}"),
    "ui.empty": ("erwartet wird ein nicht leerer Text", "expected a non-empty text"),
    # files and YAML
    "file.too_large": ("die Datei ist größer als {limit} Bytes", "the file is larger than {limit} bytes"),
    "file.not_utf8": (
        "die Datei ist kein UTF-8-Text; speichern Sie sie als UTF-8 (im GitHub-Editor ist sie das immer)",
        "the file is not UTF-8 text; save it as UTF-8 (in the GitHub editor it always is)",
    ),
    "file.tab": ("die Zeile ist mit einem Tabulator eingerückt; rücken Sie nur mit Leerzeichen ein",
                 "a tab is used for indentation; indent with spaces only"),
    "file.empty": ("die Datei ist leer", "the file is empty"),
    "yaml.alias": (
        "Anker (&name) und Verweise (*name) sind in Datendateien nicht erlaubt; schreiben Sie den Wert aus",
        "anchors (&name) and aliases (*name) are not allowed in data files; write the value out in full",
    ),
    "yaml.merge": ("Zusammenführungen (<<) sind nicht erlaubt", "merge keys (<<) are not allowed"),
    "yaml.key_not_word": ("ein Feldname muss ein Wort sein, nicht {key}", "a key must be a word, not {key}"),
    "yaml.duplicate_key": ("das Feld '{key}' kommt zweimal vor (zuerst in Zeile {first})",
                           "key '{key}' appears twice (first on line {first})"),
    "yaml.unclosed_quote": (
        "YAML-Syntaxfehler (Spalte {column}): das Anführungszeichen {quote} wird nicht geschlossen; "
        "beenden Sie den Text in derselben Zeile mit {quote}",
        "YAML syntax error (column {column}): the quote {quote} is not closed; end the text on the same line with {quote}",
    ),
    "yaml.missing_colon": (
        "YAML-Syntaxfehler (Spalte {column}): der Zeile fehlt der Doppelpunkt; schreiben Sie 'name: wert'",
        "YAML syntax error (column {column}): the line lacks its colon; write it as 'name: value'",
    ),
    "yaml.syntax": ("YAML-Syntaxfehler (Spalte {column}): {hint} (der Parser meldet: {parser})",
                    "YAML syntax error (column {column}): {hint} (the parser says: {parser})"),
    "yaml.syntax_plain": ("YAML-Syntaxfehler: {parser}", "YAML syntax error: {parser}"),
    "yaml.hint.colon": (
        "ein Doppelpunkt, wo keiner stehen darf: prüfen Sie die Einrückung, oder setzen Sie den Text in Anführungszeichen",
        "a colon where none is expected: check the indentation, or put the text in quotes",
    ),
    "yaml.hint.indent": ("die Einrückung passt nicht zu den Zeilen darüber",
                         "the indentation does not line up with the lines above"),
    "yaml.hint.unclosed": ("eine Klammer oder ein Anführungszeichen wird geöffnet, aber nicht geschlossen",
                           "a quote or bracket is opened but not closed"),
    "yaml.hint.bracket": ("eine eckige oder geschweifte Klammer wird geöffnet, aber nicht geschlossen",
                          "a square bracket or brace is opened but not closed"),
    "yaml.hint.other": ("die YAML-Schreibweise ist fehlerhaft", "the YAML syntax is broken"),
    # file names and folders
    "file.id_rule": (
        "der Dateiname ist die Kennung des Eintrags: verwenden Sie Kleinbuchstaben a-z, Ziffern und einzelne "
        "Bindestriche (zum Beispiel bonn-cape-coast.yml); schreiben Sie ä als ae, ö als oe, ü als ue, ß als ss",
        "the file name is the record id: use lower-case letters a-z, digits and single hyphens "
        "(for example bonn-cape-coast.yml); write ä as ae, ö as oe, ü as ue, ß as ss",
    ),
    "file.stray_in_collection": (
        "überzählige Datei in data/{collection}/: hierher gehören nur .yml-Dateien mit Einträgen",
        "stray file in data/{collection}/: only .yml record files belong here",
    ),
    "file.stray_folder": (
        "überzähliger Ordner in data/{hint}: data/ enthält {strings} und die Ordner {folders}",
        "stray folder in data/{hint}: data/ holds {strings} and the folders {folders}",
    ),
    "file.stray_file": (
        "überzählige Datei in data/{hint}: data/ enthält {strings} und die Ordner {folders}",
        "stray file in data/{hint}: data/ holds {strings} and the folders {folders}",
    ),
    "file.strings_missing": ("die Datei mit den Oberflächentexten fehlt", "the file of interface texts is missing"),
    # fields
    "field.missing": ("Pflichtfeld fehlt", "required field is missing"),
    "field.unknown": ("unbekanntes Feld{hint}; erlaubt sind hier: {allowed}",
                      "unknown field{hint}; allowed here: {allowed}"),
    "field.group": ("erwartet wird eine Gruppe von Feldern ({allowed}), gefunden: {value}",
                    "expected a group of fields ({allowed}), got {value}"),
    "field.list": ("erwartet wird eine Liste (Zeilen, die mit '- ' beginnen), gefunden: {value}",
                   "expected a list (lines starting with '- '), got {value}"),
    "field.too_short": ("braucht mindestens {count} Eintrag", "needs at least {count} entry"),
    "field.invalid": ("ungültiger Wert: {value}", "invalid value: {value}"),
    "field.yes_no": (
        "{word} wird als Ja/Nein-Wert gelesen; setzen Sie es in Anführungszeichen: \"{word}\"",
        "{word} is read as a yes/no value; put it in quotes: \"{word}\"",
    ),
    # texts
    "text.expected": ("erwartet wird ein Text, gefunden: {value}", "expected a non-empty text, got {value}"),
    "text.expected_languages": (
        "erwartet wird ein Text oder ein Text je Sprache ({languages}), gefunden: {value}",
        "expected a text, or one text per language ({languages}), got {value}",
    ),
    "text.unknown_language": ("unbekannte Sprache '{language}'{hint}; erlaubt: {allowed}",
                              "unknown language '{language}'{hint}; allowed: {allowed}"),
    "text.german_required": ("der deutsche Text (de:) ist Pflicht", "the German text (de:) is required"),
    "text.translation_missing": ("Übersetzung fehlt: dieser Text muss in jeder dieser Sprachen vorliegen: {languages}",
                                 "translation missing: this text must be given in {languages}"),
    "text.too_long": (
        "der Text hat {length} Zeichen; erlaubt sind höchstens {limit} Zeichen",
        "the text has {length} characters; at most {limit} characters are allowed",
    ),
    "text.one_line": (
        "ein Name oder Titel steht in einer Zeile; entfernen Sie den Zeilenumbruch",
        "a name or title is one line; remove the line break",
    ),
    # dates, codes, addresses, numbers
    "date.format": ("erwartet wird ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT, gefunden: {value}{hint}",
                    "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value}{hint}"),
    "date.not_real": ("'{date}' ist kein gültiges Datum", "'{date}' is not a real date"),
    "date.end_before_start": ("das Ende ({end}) liegt vor dem Beginn ({start})", "end ({end}) is before start ({start})"),
    "country.unknown": ("{value} ist kein Ländercode nach ISO 3166-1 alpha-2 wie DE, GH, TZ{hint}",
                        "{value} is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ{hint}"),
    "state.unknown": ("{value} ist kein Code eines deutschen Bundeslands{hint}; erlaubt: {allowed}",
                      "{value} is not a German state code{hint}; allowed: {allowed}"),
    "url.invalid": ("{value} ist keine Webadresse, die mit http:// oder https:// beginnt",
                    "{value} is not a web address starting with http:// or https://"),
    "url.space": ("die Webadresse {value} enthält ein Leerzeichen; entfernen Sie es oder schreiben Sie %20",
                  "the web address {value} contains a space; remove it or write %20"),
    "source.plain": (
        "eine Quelle steht immer als Gruppe: schreiben Sie in die nächste Zeile, zwei Leerzeichen weiter eingerückt, url: und die Adresse (gefunden: {value})",
        "a source is always a group: on the next line, indented two more spaces, write url: and the address (got {value})",
    ),
    "url.group": (
        "erwartet wird hier eine Webadresse allein (https://…), keine Gruppe mit url:; schreiben Sie die Adresse direkt hinter den Doppelpunkt",
        "expected a plain web address here (https://…), not a group with url:; write the address right after the colon",
    ),
    "email.invalid": ("{value} ist keine E-Mail-Adresse wie name@example.org",
                      "{value} is not an e-mail address such as name@example.org"),
    "phone.invalid": ("{value} ist keine Telefonnummer in internationaler Form wie +49 228 20717-338",
                      "{value} is not a phone number in international form such as +49 228 20717-338"),
    "number.whole": ("erwartet wird eine ganze Zahl von {low} bis {high}, gefunden: {value}",
                     "expected a whole number from {low} to {high}, got {value}"),
    "number.whole_from": ("erwartet wird eine ganze Zahl ab {low}, gefunden: {value}",
                          "expected a whole number from {low} up, got {value}"),
    "number.latitude": ("erwartet wird eine geografische Breite in Grad von {low} bis {high}, gefunden: {value}",
                        "expected a latitude in degrees from {low} to {high}, got {value}"),
    "number.longitude": ("erwartet wird eine geografische Länge in Grad von {low} bis {high}, gefunden: {value}",
                         "expected a longitude in degrees from {low} to {high}, got {value}"),
    "bool.expected": ("erwartet wird true oder false, gefunden: {value}", "expected true or false, got {value}"),
    "vocabulary.unknown": ("{value} ist nicht erlaubt{hint}; erlaubt: {allowed}",
                           "{value} is not allowed{hint}; allowed: {allowed}"),
    "ref.expected": (
        "erwartet wird die Kennung eines Eintrags in data/{collection}/ (sein Dateiname ohne .yml){also}, gefunden: {value}",
        "expected the id of a record in data/{collection}/ (its file name without .yml){also}, got {value}",
    ),
    # rules within one record
    "source.one_kind": (
        "geben Sie genau eines an: url: (eine Webseite), publication: (Id einer Publikation in data/publications/) "
        "oder flyer: true (den Flyer des Programms)",
        "give exactly one of url: (a web page), publication: (id of a publication in data/publications/) "
        "or flyer: true (the programme's flyer)",
    ),
    "source.page_without_publication": (
        "page: gibt die Seite einer Publikation an und steht nur zusammen mit publication:",
        "page: is the page of a publication and goes only with publication:",
    ),
    "state.only_germany": (
        "nur deutsche Kommunen (country: DE) haben ein Bundesland; verwenden Sie sonst region:",
        "only German municipalities (country: DE) have a state; use region: elsewhere",
    ),
    "partnership.german_country": ("die deutsche Kommune braucht country: DE",
                                   "the German municipality must have country: DE"),
    "partnership.basis_unknown": (
        "nur eine bekannte Phase hat eine Grundlage; lassen Sie phase_basis weg, wenn phase: unknown",
        "only a known phase has a basis; leave phase_basis out when phase: unknown",
    ),
    # rules across files
    "rule.duplicate_id": ("doppelte Kennung '{id}': {first} hat denselben Namen; behalten Sie eine Datei",
                          "duplicate id '{id}': {first} has the same name; keep one file"),
    "rule.dangling": ("'{id}' ist kein Eintrag in data/{collection}/{hint}",
                      "'{id}' is not a record in data/{collection}/{hint}"),
    "rule.duplicate_pair": (
        "dieselbe Partnerschaft wie {first} ({german} – {partner}); behalten Sie einen Eintrag",
        "the same partnership as {first} ({german} – {partner}); keep one record",
    ),
    "rule.documentation_event": (
        "{other} muss documents_event: {id} angeben (die Verknüpfung gilt in beide Richtungen)",
        "{other} must say documents_event: {id} (the link goes both ways)",
    ),
    "rule.documentation_publication": (
        "{other} muss {id} unter documentation: aufführen (die Verknüpfung gilt in beide Richtungen)",
        "{other} must list {id} under documentation: (the link goes both ways)",
    ),
    "rule.copy_site": (
        "die Adresse liegt auf {host}, einer Seite, die fremde Dokumente kopiert; verlinken Sie die Seite des Herausgebers "
        "oder nennen Sie die Publikation dieser Website mit publication: und page:",
        "the address is on {host}, a site that copies other people's documents; link the publisher's page "
        "or name the publication of this site with publication: and page:",
    ),
    "rule.held_in_future": (
        "als held (stattgefunden) markiert, aber die Veranstaltung beginnt erst am {start}, nach dem "
        "Erstellungsdatum der Website ({today}); setzen Sie status: scheduled, oder prüfen Sie das Datum",
        "marked held, but the event starts on {start}, after the date the site is built for ({today}); "
        "set status: scheduled, or check the date",
    ),
    "rule.not_yet_held_in_past": (
        "noch als {status} markiert, aber die Veranstaltung endete am {end}, vor dem Erstellungsdatum der Website ({today}); "
        "setzen Sie status: held, postponed oder cancelled, oder erklären Sie unter conflicts: (about: status), "
        "warum es offen ist",
        "still marked {status}, but the event ended on {end}, before the date the site is built for ({today}); "
        "set status: held, postponed or cancelled, or explain under conflicts: (about: status) why it is open",
    ),
}


@dataclass(frozen=True)
class Msg:
    """A message of the catalogue with the values of its placeholders."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str) -> str:
        template = CATALOGUE[self.id][LANGUAGES.index(lang)]
        return template.format(**{name: _value(value, lang) for name, value in self.params})

    def __str__(self) -> str:
        return self.render(language())


def msg(id: str, /, **params: Any) -> Msg:
    if id not in CATALOGUE:
        raise KeyError(f"no message {id!r} in the catalogue")
    return Msg(id, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))


def render(message: Msg | str, lang: str) -> str:
    """A message in `lang`; a plain string (a text from elsewhere) is shown as it is."""
    return message.render(lang) if isinstance(message, Msg) else str(message)


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Msg):
        return value.render(lang)
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(_value(item, lang) for item in value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
        return f"{value:,}".replace(",", "." if lang == "de" else ",")
    if isinstance(value, float):
        return f"{value:g}".replace(".", "," if lang == "de" else ".")
    return str(value)


def language(requested: str | None = None) -> str:
    """The language of the messages: `requested`, else KKP_MESSAGES, else German."""
    lang = (requested or os.environ.get(ENV) or DEFAULT).strip().lower()
    return lang if lang in LANGUAGES else DEFAULT


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
