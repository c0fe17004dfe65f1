"""Check data/ui.yml against the code: placeholders, braces, and every key the site uses.

A typo in a placeholder (`{numbr}` for `{number}`) used to pass the data check and then
stop the build with a KeyError. Here:

- `PLACEHOLDERS` says which values the code fills into which text (a test scans macros/ for
  calls `t("key", lang, name=...)`, `strings(...)`, `.html(...)` and fails when the table and
  the code disagree, so the table cannot fall behind);
- every language of a text must have the same placeholders, each one the code passes;
- braces must pair up as `{name}`;
- every key the code asks for must exist: keys written out in macros/ (found by `used_keys`)
  and keys made from a vocabulary (`DYNAMIC`, e.g. `kind.<value of models.Kind>`).

Structure (languages, empty texts) is checked by `strings.read_strings`; an unreadable file
is reported by the data check; both are left alone here.
"""

from __future__ import annotations

import ast
import difflib
import os
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .editable import Catalogue
from ..records.langs import LANGUAGES
from .problems import Problem
from .yamlfile import YamlFileError, read_yaml

STRINGS_FILE = "ui.yml"
SHOWN = "data/ui.yml"
CODE_DIR = Path(__file__).resolve().parents[2]  # macros/

# The values the code fills into each text; every other text takes none.
PLACEHOLDERS: dict[str, frozenset[str]] = {key: frozenset(names.split()) for key, names in {
    "calendar.approximate": "when",
    "count.district.one": "n",
    "count.district.other": "n",
    "count.municipality.one": "n",
    "count.municipality.other": "n",
    "directory.filtered": "facet value",
    "directory.sorted": "column",
    "contact.as_of": "date",
    "contact.named_as_of": "date",
    "events.as_of": "date",
    "figures.as_of": "date",
    "figures.goal": "year",
    "figures.goal_reached": "date n",
    "figures.goal_reported": "date n",
    "figures.site_detail": "countries",
    "figures.source": "source",
    "filter.all": "count",
    "list.caption": "count",
    "map.caption": "directory",
    "map.count": "drawn total",
    "map.desc": "total drawn",
    "map.germany_desc": "places n",
    "map.locator": "german partner",
    "map.small_desc": "total drawn",
    "chart.source.records": "n date",
    "chart.source.years": "n date",
    "chart.reported_desc": "value date",
    "chart.phase_desc": "n phase top",
    "chart.region_desc": "region n country m countries",
    "chart.state_desc": "state n states",
    "phase.name": "number",
    "profile.approximately": "value",
    "profile.lead": "german partner country",
    "profile.lead_phase": "phase region",
    "profile.since": "date",
    "profile.programme_year": "year",
    "source.page": "page",
    "progress.chart_desc": "first last total goal year reached",
    "progress.goal_line": "goal year",
    "progress.year_caption": "unknown",
    "publication.download": "language",
    "publication.at_organisation": "name",
    "publication.languages": "languages",
    "publication.number": "number",
    "summary.pilot": "who countries period",
}.items()}


def _enum(name: str, *leave_out: str) -> Callable[[], list[str]]:
    def values() -> list[str]:
        from ..records import models
        return [member.value for member in getattr(models, name) if member.value not in leave_out]
    return values


def _legal() -> list[str]:
    from ..files.links import LEGAL
    return [name for name, _ in LEGAL]


def _sections() -> list[str]:
    from ..files.links import SECTIONS
    return [name for name, _, _ in SECTIONS]


def _facets() -> list[str]:
    from ..pages.directory import FACETS
    return [facet.slug for facet in FACETS]


# Keys the code builds as f"<prefix>{value}", and where the values come from.
DYNAMIC: dict[str, Callable[[], list[str]]] = {
    "area.": _enum("Area"),
    "event.status.": _enum("EventStatus"),
    "event.type.": _enum("EventType"),
    "feed.": lambda: ["events", "publications"],  # the collections in the Atom feed
    "filter.": _facets,
    "kind.": _enum("Kind"),
    "legal.": _legal,
    "nav.": _sections,
    "phase_basis.": _enum("PhaseBasis", "stated"),  # "stated" is the normal case and not shown
    "relationship.": _enum("Relationship"),
    "status.": _enum("Status"),
}

say = Catalogue("ui", {
    "braces": {
        "de": "die geschweiften Klammern passen nicht zusammen: ein Platzhalter steht als {{name}} in einer öffnenden und einer schließenden Klammer",
        "en": "the braces do not pair up: a placeholder is a name between one opening and one closing brace, like {{name}}",
    },
    "bad_field": {
        "de": "'{{{field}}}' ist kein Platzhalter: schreiben Sie nur einen Namen in die Klammern, etwa {{number}}",
        "en": "'{{{field}}}' is not a placeholder: write only a name between the braces, like {{number}}",
    },
    "unknown": {
        "de": "den Platzhalter {{{name}}} kennt die Website nicht{hint}; dieser Text hat die Platzhalter {expected}",
        "en": "the site does not know the placeholder {{{name}}}{hint}; this text takes the placeholders {expected}",
    },
    "none_taken": {
        "de": "dieser Text hat keine Platzhalter: entfernen Sie {{{name}}} oder schreiben Sie den Text ohne geschweifte Klammern",
        "en": "this text takes no placeholders: remove {{{name}}}, or write the text without braces",
    },
    "hint": {"de": " (meinten Sie {{{name}}}?)", "en": " (did you mean {{{name}}}?)"},
    "differs": {
        "de": "der Platzhalter {{{name}}} fehlt; die anderen Sprachen ({langs}) haben ihn: jede Sprache braucht dieselben Platzhalter",
        "en": "the placeholder {{{name}}} is missing; the other languages ({langs}) have it: every language needs the same placeholders",
    },
    "missing_key": {
        "de": "dieser Text fehlt, die Website braucht ihn ({where}): ergänzen Sie ihn mit de:, en: und fr:",
        "en": "this text is missing and the site needs it ({where}): add it with de:, en: and fr:",
    },
})

_KEY = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)+$")
_FILE_SUFFIXES = {"bib", "css", "csv", "geojson", "html", "ics", "js", "json", "md", "py", "svg", "txt", "xml", "yaml", "yml"}


def check(data_dir: Path) -> list[Problem]:
    path = Path(data_dir) / STRINGS_FILE
    try:
        raw = read_yaml(path) if os.path.lexists(path) else None
    except YamlFileError:
        raw = None  # reported by the data check
    if not isinstance(raw, dict):
        return []
    problems: list[Problem] = []
    for key, texts in raw.items():
        if isinstance(texts, dict):
            problems += _check_key(key, texts)
    problems += _missing_keys(raw)
    return problems


def placeholders_of(text: str) -> set[str]:
    """The placeholder names in a text; ValueError for braces that do not pair up."""
    names = set()
    for _, field, spec, conversion in string.Formatter().parse(text):
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise _BadField(field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
        names.add(field)
    return names


class _BadField(ValueError):
    pass


def _check_key(key: str, texts) -> list[Problem]:
    expected = PLACEHOLDERS.get(key, frozenset())
    found: dict[str, set[str]] = {}
    suggested: dict[str, set[str]] = {}  # a typo is reported once, not also as a missing name
    problems = []
    for lang in LANGUAGES:
        text = texts.get(lang)
        if not isinstance(text, str):
            continue
        line, field = texts.lines[lang], f"{key}.{lang}"
        try:
            names = placeholders_of(text)
        except _BadField as err:
            problems.append(Problem(SHOWN, line, field, say("bad_field", field=str(err))))
            continue
        except ValueError:
            problems.append(Problem(SHOWN, line, field, say("braces")))
            continue
        if not expected and names:
            problems.append(Problem(SHOWN, line, field, say("none_taken", name=sorted(names)[0])))
            continue
        if not expected and ("{" in text or "}" in text):  # {{ or }}: shown as typed, never what was meant
            problems.append(Problem(SHOWN, line, field, say("braces")))
            continue
        for name in sorted(names - expected):
            close = difflib.get_close_matches(name, sorted(expected), n=1, cutoff=0.6)
            hint = say("hint", name=close[0]) if close else ""
            suggested.setdefault(lang, set()).update(close)
            problems.append(Problem(SHOWN, line, field, say("unknown", name=name, hint=hint, expected=_braced(expected))))
        found[lang] = names & expected
    for lang, names in found.items():
        for name in sorted(set().union(*found.values()) - names - suggested.get(lang, set())):
            others = [other for other, theirs in found.items() if name in theirs]
            problems.append(Problem(SHOWN, texts.lines[lang], f"{key}.{lang}", say("differs", name=name, langs=", ".join(others))))
    return problems


def _braced(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


def _missing_keys(raw) -> list[Problem]:
    problems = []
    keys = sorted(raw)
    for key, where in sorted(used_keys(set(keys)).items()):
        if key in raw:
            continue
        before = [k for k in keys if k < key and k.split(".")[0] == key.split(".")[0]]
        line = raw.lines[before[-1]] if before else 1
        problems.append(Problem(SHOWN, line, key, say("missing_key", where=where)))
    return problems


def used_keys(known: set[str] = frozenset()) -> dict[str, str]:
    """Every key the code asks for, with the file that asks (or the vocabulary behind it).

    Keys written out in macros/: the first argument of a call of the texts (or either
    branch of `a if c else b` there), and, in a module that calls the texts, any other
    key-shaped string in a namespace the texts use (`("list.phase", "list.country")` looped
    over); file names such as feed.xml are not keys.
    """
    calls, constants = _scan()
    namespaces = {key.split(".")[0] for key in set(calls) | set(known)} | {p.split(".")[0] for p in DYNAMIC}
    keys = dict(calls)
    for key, where in constants.items():
        if key.split(".")[0] in namespaces and key.rsplit(".", 1)[1] not in _FILE_SUFFIXES:
            keys.setdefault(key, where)
    for prefix, values in DYNAMIC.items():
        for value in values():
            keys.setdefault(prefix + value, f"{prefix}<{value}>")
    return keys


@lru_cache(maxsize=1)
def _scan() -> tuple[dict[str, str], dict[str, str]]:
    calls: dict[str, str] = {}
    constants: dict[str, str] = {}
    for call in text_calls():
        for key in call.keys:
            calls.setdefault(key, call.where)
    for path in sorted(CODE_DIR.rglob("*.py")):
        where = path.relative_to(CODE_DIR.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not any(isinstance(node, ast.Call) and node.args and _is_texts(node.func) for node in ast.walk(tree)):
            continue  # only modules that show interface texts name their keys
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _KEY.match(node.value):
                constants.setdefault(node.value, where)
    return calls, constants


class TextCall:
    """One call of the interface texts found in the code."""

    def __init__(self, node: ast.Call, where: str):
        self.where = where
        self.line = node.lineno
        first = node.args[0]
        branches = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
        self.keys = [b.value for b in branches if isinstance(b, ast.Constant) and isinstance(b.value, str)]
        self.prefix = _prefix(first)
        self.names = frozenset(k.arg for k in node.keywords if k.arg)
        self.any_names = any(k.arg is None for k in node.keywords)  # **values


def _prefix(node: ast.expr) -> str | None:
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    return None


def _is_texts(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"t", "strings"}
    if isinstance(func, ast.Attribute):
        return func.attr == "strings" or (func.attr == "html" and _is_texts(func.value))
    return False


def text_calls() -> list[TextCall]:
    """Every call `t(key, lang, ...)`, `strings(...)`, `….strings(...)`, `….html(...)` in macros/."""
    found = []
    for path in sorted(CODE_DIR.rglob("*.py")):
        where = path.relative_to(CODE_DIR.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and _is_texts(node.func):
                found.append(TextCall(node, where))
    return found
