"""Hand-written pages are editor input: macros only, harmless HTML, safe links.

Each hostile page line gets its exact message in German and English from
macros/core/checking/docs_rules.py (what `make check` prints), and the build refuses such a
page before mkdocs-macros renders it: the shell command in it never runs.
"""

from __future__ import annotations

import os
import shutil

import pytest

from macros.core.checking import docs_rules
from macros.core.checking.messages import render
from sitebuild import FIXTURES, ROOT, build, make_project

MACROS = ", ".join(sorted(docs_rules.MACROS))
JINJA = ("pages may only call the site's macros, such as {{ partnership_map() }}; not allowed: ",
         "Seiten dürfen nur die Makros der Website aufrufen, wie {{ partnership_map() }}; nicht erlaubt: ")
LINK = ("the link '{}' is not allowed: links go to http://, https://, mailto:, tel: or pages of this site",
        "der Link '{}' ist nicht erlaubt: Links führen zu http://, https://, mailto:, tel: oder zu Seiten dieser Website")
CASES = {  # line of a page -> (English, German)
    '{{ cycler.__init__.__globals__.os.popen("id").read() }}': (
        JINJA[0] + "access to attributes or items (.name, [ … ])", JINJA[1] + "Zugriff auf Attribute oder Einträge (.name, [ … ])"),
    "{{ config }}": (JINJA[0] + f"the name 'config' (macros: {MACROS})", JINJA[1] + f"der Name 'config' (Makros: {MACROS})"),
    "{% for x in range(3) %}{{ x }}{% endfor %}": (JINJA[0] + "statements ({% … %})", JINJA[1] + "Anweisungen ({% … %})"),
    "{{ partnership_map() | safe }}": (
        JINJA[0] + "the filter '| safe' (allowed: capitalize, lower, title, trim, upper)",
        JINJA[1] + "der Filter '| safe' (erlaubt: capitalize, lower, title, trim, upper)"),
    "{{ partnership_map(lipsum) }}": (JINJA[0] + "arguments that are not literal values", JINJA[1] + "Angaben, die keine festen Werte sind"),
    "{{ '%s' % 1 }}": (JINJA[0] + "the expression 'Mod'", JINJA[1] + "der Ausdruck 'Mod'"),
    "<script>alert(1)</script>": (
        f"the HTML element <script> is not allowed in pages; allowed: {', '.join(sorted(docs_rules.ELEMENTS))}",
        f"das HTML-Element <script> ist in Seiten nicht erlaubt; erlaubt: {', '.join(sorted(docs_rules.ELEMENTS))}"),
    '<span onclick="alert(1)">x</span>': (
        f"the HTML attribute onclick= (in <span>) is not allowed in pages; allowed: {', '.join(sorted(docs_rules.ATTRIBUTES))}",
        f"das HTML-Attribut onclick= (in <span>) ist in Seiten nicht erlaubt; erlaubt: {', '.join(sorted(docs_rules.ATTRIBUTES))}"),
    "[x](javascript:alert(1))": (LINK[0].format("javascript:alert(1)"), LINK[1].format("javascript:alert(1)")),
    "[x](JaVa\tScRiPt:alert(1))": (LINK[0].format("JaVa\tScRiPt:alert(1)"), LINK[1].format("JaVa\tScRiPt:alert(1)")),
    '<a href="jav&#x61;script:alert(1)">x</a>': (LINK[0].format("javascript:alert(1)"), LINK[1].format("javascript:alert(1)")),
    "[ref]: data:text/html,x": (LINK[0].format("data:text/html,x"), LINK[1].format("data:text/html,x")),
    "<vbscript:msgbox(1)>": (LINK[0].format("vbscript:msgbox(1)"), LINK[1].format("vbscript:msgbox(1)")),
}


@pytest.mark.parametrize("line", sorted(CASES))
def test_hostile_line_gets_its_exact_message(line):
    text = "---\ntitle: x\n---\n# Seite\n\nText.\n\n" + line + "\n"
    problems = docs_rules.check_page(text, "docs/x.de.md")
    assert [(p.path, p.line) for p in problems] == [("docs/x.de.md", 8)]
    assert (render(problems[0].message, "en"), render(problems[0].message, "de")) == CASES[line]


@pytest.mark.parametrize("text", [
    "# Seite\n\n{{ partnership_map() }}\n\n{{ headline_figures() | trim }}\n",
    '<div class="kkp-teaser" markdown>\n<a class="kkp-button" href="karte/">Karte</a> <span lang="fr">x</span>\n</div>\n',
    "[a](https://example.org/) [b](mailto:x@example.org) [c](../karte/) [d](#oben) <https://example.org>\n",
    "`<script>` and\n\n```html\n<script>alert(1)</script>\n[x](javascript:y)\n```\n",
    "---\nrender_macros: false\n---\n{{ cycler.__init__ }} as text\n",
])
def test_harmless_pages_pass(text):
    assert docs_rules.check_page(text, "docs/x.de.md") == []


@pytest.mark.parametrize("front", ["# render_macros: false\ntitle: x", "title: 'render_macros: false'", "render_macros: 'false'"])
def test_only_render_macros_false_itself_turns_the_jinja_check_off(front):
    text = f"---\n{front}\n---\n{{{{ cycler.__init__ }}}}\n"
    line = text.splitlines().index("{{ cycler.__init__ }}") + 1
    assert [p.line for p in docs_rules.check_page(text, "docs/x.de.md")] == [line]


def test_the_real_pages_follow_the_rules():
    assert docs_rules.check(ROOT / "docs") == []


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd"])
def test_symbolic_link_among_pages_is_refused_unread(tmp_path, target):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    os.symlink(target, docs / "sub" / "secret.de.md")
    os.symlink("/etc", docs / "linked")
    problems = docs_rules.check(docs)
    assert [(p.path, p.line, render(p.message, "de")) for p in problems] == [
        ("docs/linked", 1, "die Seite ist ein symbolischer Link; legen Sie den Inhalt als eigene Datei ab"),
        ("docs/sub/secret.de.md", 1, "die Seite ist ein symbolischer Link; legen Sie den Inhalt als eigene Datei ab")]


def test_build_refuses_a_page_that_would_run_a_shell_command(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    project = make_project(tmp_path, data)
    marker = tmp_path / "ran"
    page = project / "docs" / "idee.de.md"
    page.write_text(page.read_text() + f'\n{{{{ cycler.__init__.__globals__.os.system("touch {marker}") }}}}\n')
    result = build(project, KKP_MESSAGES="en")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "Pages in docs/ break the rules for pages:" in result.output
    assert f"docs/idee.de.md:{page.read_text().count(chr(10))}: {JINJA[0]}access to attributes or items" in result.output
    assert not marker.exists()
