"""Check the Jinja in the hand-written pages (docs/**/*.md) before the build runs it.

mkdocs-macros renders every `{{ … }}` and `{% … %}` of a page; a mistake there stops the
build with a long traceback. Here each mistake is one line with file and line number:
template syntax errors, calls of macros that do not exist (with the closest name), macros
called with arguments or without brackets, and names the page does not know (a page knows
only the macros: docs_rules.py is the allow-list the build enforces; `make check` prints this
module's message where both speak of a line). A page whose front matter says
`render_macros: false` is not rendered, so it is not checked.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import jinja2
import yaml
from jinja2 import meta, nodes

from . import docs_rules
from .editable import Catalogue, listing
from .yamlfile import YamlFileError, read_bytes
from ..pages.page_macros import MACROS
from .problems import Problem

MKDOCS_MACROS_FILTERS = ("pretty", "relative_url")

say = Catalogue("docs", {
    "syntax": {
        "de": "Fehler in {{{{ … }}}} oder {{% … %}}: prüfen Sie Klammern und Anführungszeichen (Jinja meldet: {detail}); für Klammern als Text: render_macros: false in den Kopfteil (front matter)",
        "en": "error in {{{{ … }}}} or {{% … %}}: check the brackets and quotes (Jinja says: {detail}); for braces as plain text: render_macros: false in the front matter",
    },
    "unknown_macro": {
        "de": "das Makro '{name}' gibt es nicht{hint}; Seiten können aufrufen: {allowed}",
        "en": "there is no macro '{name}'{hint}; pages may call: {allowed}",
    },
    "undefined": {
        "de": "'{name}' ist hier unbekannt{hint}; Seiten kennen nur die Makros ({allowed})",
        "en": "'{name}' is not defined here{hint}; pages know only the macros ({allowed})",
    },
    "arguments": {
        "de": "das Makro '{name}' nimmt keine Angaben in den Klammern: schreiben Sie {{{{ {name}() }}}}",
        "en": "the macro '{name}' takes nothing between its brackets: write {{{{ {name}() }}}}",
    },
    "no_brackets": {
        "de": "das Makro '{name}' wird mit Klammern aufgerufen: schreiben Sie {{{{ {name}() }}}}",
        "en": "the macro '{name}' is called with brackets: write {{{{ {name}() }}}}",
    },
    "unknown_filter": {
        "de": "den Filter '| {name}' gibt es nicht{hint}",
        "en": "there is no filter '| {name}'{hint}",
    },
    "unknown_test": {
        "de": "den Test 'is {name}' gibt es nicht{hint}",
        "en": "there is no test 'is {name}'{hint}",
    },
    "hint": {"de": " (meinten Sie '{name}'?)", "en": " (did you mean '{name}'?)"},
})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.S)


def check(docs_dir: Path) -> list[Problem]:
    docs_dir = Path(docs_dir)
    env = _environment(docs_dir)
    problems = []
    for path in sorted(docs_rules.pages(docs_dir)):
        if path.is_symlink():
            continue  # reported by docs_rules, never followed
        shown = (Path(docs_dir.name) / path.relative_to(docs_dir)).as_posix()
        try:
            text = read_bytes(path).decode("utf-8-sig")
        except (YamlFileError, UnicodeDecodeError):
            continue  # reported by docs_rules or by mkdocs
        problems += check_page(env, text, shown)
    return problems


def _environment(docs_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(docs_dir)), undefined=jinja2.StrictUndefined)
    env.filters.update({name: _same for name in MKDOCS_MACROS_FILTERS})
    return env


def _same(value, *args, **kwargs):
    return value


def split_front_matter(text: str) -> tuple[dict, str]:
    """The page's front matter and its body, the front matter replaced by empty lines
    (so that line numbers stay those of the file)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta_data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        meta_data = {}  # mkdocs reports front matter it cannot read
    blank = "\n" * match.group(0).count("\n")
    return (meta_data if isinstance(meta_data, dict) else {}), blank + text[match.end():]


def check_page(env: jinja2.Environment, text: str, shown: str) -> list[Problem]:
    meta_data, body = split_front_matter(text)
    if meta_data.get("render_macros") is False or ("{{" not in body and "{%" not in body and "{#" not in body):
        return []
    try:
        tree = env.parse(body)
    except jinja2.TemplateSyntaxError as err:
        return [_syntax(err, shown)]
    problems = _unknown_filters(env, tree, shown)
    if problems:  # reported: stand-ins for them, so that the rest of the page is checked too
        env = env.overlay()
        env.filters = {**env.filters, **{n.name: _same for n in tree.find_all(nodes.Filter) if n.name not in env.filters}}
        env.tests = {**env.tests, **{n.name: _same for n in tree.find_all(nodes.Test) if n.name not in env.tests}}
        tree = env.parse(body)
    try:
        undeclared = meta.find_undeclared_variables(tree)  # compiles: finds the rest Jinja would
    except jinja2.TemplateSyntaxError as err:
        return problems or [_syntax(err, shown)]
    known = set(MACROS)  # nothing else: docs_rules.py refuses every other name, front matter entries included
    callees = {id(call.node) for call in tree.find_all(nodes.Call)}
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in MACROS and (call.args or call.kwargs or call.dyn_args or call.dyn_kwargs):
            problems.append(Problem(shown, call.lineno, "", say("arguments", name=call.node.name)))
    for name in tree.find_all(nodes.Name):
        if name.ctx != "load":
            continue
        called = id(name) in callees
        if name.name in undeclared - known:
            key = "unknown_macro" if called else "undefined"
            hint = _hint(name.name, set(MACROS) if called else known)
            problems.append(Problem(shown, name.lineno, "", say(key, name=name.name, hint=hint, allowed=listing(MACROS))))
        elif name.name in MACROS and not called:
            problems.append(Problem(shown, name.lineno, "", say("no_brackets", name=name.name)))
    return problems


def _unknown_filters(env: jinja2.Environment, tree: nodes.Template, shown: str) -> list[Problem]:
    problems = []
    for kind, node_type, table in (("filter", nodes.Filter, env.filters), ("test", nodes.Test, env.tests)):
        for node in tree.find_all(node_type):
            if node.name not in table:
                hint = _hint(node.name, set(table))
                problems.append(Problem(shown, node.lineno, "", say(f"unknown_{kind}", name=node.name, hint=hint)))
    return problems


def _syntax(err: jinja2.TemplateSyntaxError, shown: str) -> Problem:
    return Problem(shown, err.lineno or 1, "", say("syntax", detail=err.message or str(err)))


def _hint(name: str, choices: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.6)
    return say("hint", name=close[0]) if close else ""
