"""What a hand-written page (docs/**/*.md) may hold, checked before anything renders it.

mkdocs-macros renders a page with the whole of Jinja: `{{ cycler.__init__.__globals__.os }}`
would reach the shell at build time. So a page is editor input like a record, held to an
allow-list that `make check` reports line by line and the build enforces too (macros/adapter.py
runs `check` before mkdocs-macros renders any page):

- Jinja: only calls of the site's macros (page_macros.MACROS) with literal arguments, printed
  with `{{ … }}`, optionally through a filter of FILTERS; no statements (`{% … %}`), no
  attribute or item access, no other names, no name with an underscore in front;
- raw HTML: only the elements of ELEMENTS and the attributes of ATTRIBUTES (no scripts,
  no event handlers, no styles, no frames or embedded objects);
- links (Markdown, reference definitions, autolinks, `href`): only http, https, mailto, tel and
  addresses of the site itself (no scheme);
- no symbolic links among the pages, and no page larger than yamlfile.MAX_FILE_BYTES.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import yaml
from jinja2 import nodes

from .editable import Catalogue, listing
from .problems import Problem
from .yamlfile import YamlFileError, read_bytes
from .messages import render
from ..pages.page_macros import MACROS

#: Filters a page may put a macro's output through (none of them reaches Python objects).
FILTERS = frozenset({"lower", "upper", "capitalize", "title", "trim"})
ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p",
    "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "time",
    "tr", "ul",
})
ATTRIBUTES = frozenset({"class", "id", "lang", "href", "hreflang", "title", "colspan", "rowspan", "scope", "open",
                        "datetime", "markdown"})
SCHEMES = ("http", "https", "mailto", "tel")  # tel: the phone numbers of the legal pages
_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))  # what a browser strips around an address
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_MD_LINK = re.compile(r"\]\( *<?")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(\s|$)", re.M)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.S)

say = Catalogue("docs_rules", {
    "jinja": {
        "de": "Seiten dürfen nur die Makros der Website aufrufen, wie {{{{ partnership_map() }}}}; nicht erlaubt: {what}",
        "en": "pages may only call the site's macros, such as {{{{ partnership_map() }}}}; not allowed: {what}",
    },
    "what.statement": {"de": "Anweisungen ({{% … %}})", "en": "statements ({{% … %}})"},
    "what.attribute": {"de": "Zugriff auf Attribute oder Einträge (.name, [ … ])", "en": "access to attributes or items (.name, [ … ])"},
    "what.name": {"de": "der Name '{name}' (Makros: {allowed})", "en": "the name '{name}' (macros: {allowed})"},
    "what.filter": {"de": "der Filter '| {name}' (erlaubt: {allowed})", "en": "the filter '| {name}' (allowed: {allowed})"},
    "what.argument": {"de": "Angaben, die keine festen Werte sind", "en": "arguments that are not literal values"},
    "what.other": {"de": "der Ausdruck '{kind}'", "en": "the expression '{kind}'"},
    "element": {
        "de": "das HTML-Element <{name}> ist in Seiten nicht erlaubt; erlaubt: {allowed}",
        "en": "the HTML element <{name}> is not allowed in pages; allowed: {allowed}",
    },
    "attribute": {
        "de": "das HTML-Attribut {name}= (in <{element}>) ist in Seiten nicht erlaubt; erlaubt: {allowed}",
        "en": "the HTML attribute {name}= (in <{element}>) is not allowed in pages; allowed: {allowed}",
    },
    "link": {
        "de": "der Link '{target}' ist nicht erlaubt: Links führen zu http://, https://, mailto:, tel: oder zu Seiten dieser Website",
        "en": "the link '{target}' is not allowed: links go to http://, https://, mailto:, tel: or pages of this site",
    },
    "symlink": {
        "de": "die Seite ist ein symbolischer Link; legen Sie den Inhalt als eigene Datei ab",
        "en": "the page is a symbolic link; store the content as a file of its own",
    },
    "unreadable": {"de": "die Seite kann nicht gelesen werden: {reason}", "en": "the page cannot be read: {reason}"},
})


def check(docs_dir: Path) -> list[Problem]:
    """Every page of `docs_dir` against the rules; symbolic links are reported, never followed."""
    docs_dir = Path(docs_dir)
    problems = []
    for path in sorted(pages(docs_dir)):
        shown = (Path(docs_dir.name) / path.relative_to(docs_dir)).as_posix()
        if path.is_symlink():
            problems.append(Problem(shown, 1, "", say("symlink")))
            continue
        try:
            text = read_bytes(path).decode("utf-8-sig")
        except YamlFileError as err:
            problems.append(Problem(shown, 1, "", say("unreadable", reason=render(err.message, "en"))))
            continue
        except UnicodeDecodeError:
            continue  # reported by mkdocs itself
        problems += check_page(text, shown)
    return problems


def pages(folder: Path):
    """Every .md file and every symbolic link under `folder`, without entering linked folders."""
    for path in folder.iterdir():
        if path.is_symlink():
            yield path
        elif path.is_dir():
            yield from pages(path)
        elif path.suffix == ".md":
            yield path


def check_page(text: str, shown: str) -> list[Problem]:
    match = _FRONT_MATTER.match(text)
    front = match.group(0) if match else ""
    body = "\n" * front.count("\n") + text[len(front):]
    rendered = _front_matter(match.group(1) if match else "").get("render_macros") is not False
    problems = _jinja(body, shown) if rendered else []
    return problems + _markup(_without_code(body), shown)


def _front_matter(text: str | None) -> dict:
    """The page's front matter as mkdocs-macros reads it; unreadable, it counts as empty
    (so the page's Jinja is checked: only `render_macros: false` itself turns that off)."""
    try:
        meta = yaml.safe_load(text or "")
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _jinja(body: str, shown: str) -> list[Problem]:
    if "{{" not in body and "{%" not in body:
        return []
    try:
        tree = jinja2.Environment().parse(body)
    except jinja2.TemplateSyntaxError:
        return []  # docs_check reports it, and mkdocs-macros refuses to render it
    problems = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            problems.append(Problem(shown, node.lineno, "", say("jinja", what=say("what.statement"))))
            continue
        for child in node.nodes:
            if not isinstance(child, nodes.TemplateData):
                problems += [Problem(shown, child.lineno, "", say("jinja", what=what)) for what in _expression(child)]
    return problems


def _expression(node: nodes.Node) -> list:
    """What is not allowed in an expression printed by {{ … }}: [] for a macro call."""
    if isinstance(node, nodes.Filter):
        found = [] if node.name in FILTERS else [say("what.filter", name=node.name, allowed=listing(FILTERS))]
        return found + (_expression(node.node) if node.node is not None else [])
    if isinstance(node, nodes.Call):
        callee = node.node
        if not isinstance(callee, nodes.Name):
            return _expression(callee)
        if callee.name not in MACROS or callee.name.startswith("_"):
            return [say("what.name", name=callee.name, allowed=listing(MACROS))]
        values = list(node.args) + [keyword.value for keyword in node.kwargs]
        if node.dyn_args or node.dyn_kwargs or not all(isinstance(value, nodes.Const) for value in values):
            return [say("what.argument")]
        return []
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return [say("what.attribute")]
    if isinstance(node, nodes.Name):
        if node.name in MACROS:
            return []  # docs_check: a macro is called with brackets
        return [say("what.name", name=node.name, allowed=listing(MACROS))]
    return [say("what.other", kind=type(node).__name__)]


def _without_code(body: str) -> str:
    """The page with fenced code blocks and code spans blanked (their text is shown, not run)."""
    blank = lambda match: re.sub(r"[^\n]", " ", match.group(0))  # noqa: E731 - keeps the lines
    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, body))


def allowed_link(target: str) -> bool:
    """http, https, mailto or an address of the site itself; read as a browser reads a scheme
    (tabs and line breaks dropped, character references decoded)."""
    cleaned = re.sub(r"[\t\n\r]", "", html.unescape(target)).strip(_C0_AND_SPACE)
    scheme = _SCHEME.match(cleaned)
    return not scheme or scheme.group(1).lower() in SCHEMES


def _target(body: str, start: int) -> str:
    """The target of a Markdown link that starts at `start`: up to its closing bracket
    (brackets inside it balanced, as Markdown reads them), a space or the end of the line."""
    depth, end = 0, start
    while end < len(body) and body[end] not in " \n>":
        depth += {"(": 1, ")": -1}.get(body[end], 0)
        if depth < 0:
            break
        end += 1
    return body[start:end]


def _markup(body: str, shown: str) -> list[Problem]:
    problems = []
    targets = [(match.end(), _target(body, match.end())) for match in _MD_LINK.finditer(body)]
    targets += [(match.start(1), match.group(1)) for pattern in (_MD_REFERENCE, _AUTOLINK) for match in pattern.finditer(body)]
    for start, target in sorted(targets):
        if not allowed_link(target):
            problems.append(Problem(shown, body.count("\n", 0, start) + 1, "", say("link", target=target)))
    parser = _Tags()
    parser.feed(body)
    parser.close()
    for line, kind, values in parser.found:
        problems.append(Problem(shown, line, "", say(kind, **values)))
    return problems


class _Tags(HTMLParser):
    """Collects (line, message id, values) for every element, attribute and href not allowed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, dict]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if ":" in tag:
            return  # an autolink (<https://…>), checked as a link
        if tag not in ELEMENTS:
            self.found.append((line, "element", {"name": tag, "allowed": listing(ELEMENTS)}))
            return
        for name, value in attrs:
            if name not in ATTRIBUTES or (name == "href" and tag != "a"):
                self.found.append((line, "attribute", {"name": name, "element": tag, "allowed": listing(ATTRIBUTES)}))
            elif name == "href" and not allowed_link(value or ""):
                self.found.append((line, "link", {"target": value}))

    handle_startendtag = handle_starttag
