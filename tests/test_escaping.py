"""Record text is text on every page, by construction.

Hostile records (tests/fixtures/hostile/) hold multi-paragraph texts with Markdown, HTML,
`javascript:` links and template syntax in every kind of text field; the built site must
show them as text, paragraph by paragraph, in every language. The code itself is checked
too: HTML is only ever made from literal templates (`HTML("<td>{}</td>").format(text)`),
and the stash refuses anything that is not `HTML`.
"""

from __future__ import annotations

import ast
import shutil

import pytest

from macros.core.markup.html import block, inline
from macros.core.markup.safe import HTML
from macros.core.markup.stash import Stash
from macros.core.markup.strings import Strings
from sitebuild import FIXTURES, LANGS, ROOT, build, make_project

HOSTILE = FIXTURES / "hostile"
PAGES = ("partnerschaften/eta-theta", "veranstaltungen/hostile-meeting", "publikationen/hostile-report",
         "phasen/phase-1", "partnerschaften", "veranstaltungen", "publikationen")
SHOWN_AS_TEXT = {  # page -> texts that must appear literally in the page's text
    "partnerschaften/eta-theta": ["[Klick mich](javascript:alert(1))", "<script>alert(3)</script>",
                                  "# Überschrift aus den Daten", "{{ 7*7 }}", "Maßnahme <img src=x onerror=alert(7)>",
                                  "> Zitat aus den Daten", "Quelle <b>Eta</b> {{ config }}", "[Schwerpunkt-Link](javascript:alert(6))"],
    "veranstaltungen/hostile-meeting": ["### Überschrift im Ereignis", "[Ereignis-Link](javascript:alert(9))"],
    "publikationen/hostile-report": ["- Aufzählung aus Daten", '<iframe src="javascript:alert(10)"></iframe>', "Bericht **fett** <i>kursiv</i>"],
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    data = tmp / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    shutil.copytree(HOSTILE, data, dirs_exist_ok=True)
    result = build(make_project(tmp, data), KKP_EDITORIAL="1")  # the editors' view: public text and the notes
    assert result.returncode == 0, result.output
    return result


def _page(build, lang: str, page: str):
    prefix = "" if lang == "de" else f"{lang}/"
    return build.soup(f"{prefix}{page}/index.html")


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_texts_make_no_markup_on_any_page(hostile, lang):
    for page in PAGES:
        soup = _page(hostile, lang, page)
        article = soup.select_one("article")
        for a in article.select("a[href]"):
            assert not a["href"].lower().startswith("javascript"), (page, a)
        assert not article.select("script:not([type='application/ld+json']), iframe, img, b, i, em, blockquote, strong")
        headings = [h.get_text(" ", strip=True) for h in article.select("h1, h2, h3, h4")]
        assert not any("Überschrift" in h or "Heading from the data" in h for h in headings), (page, headings)
        assert not [cell for cell in article.select("th") if cell.get_text(strip=True) in {"a", "b"}]  # no table from data
        for text in SHOWN_AS_TEXT.get(page, []) if lang == "de" else []:
            assert text in article.get_text(), (page, text)


def test_paragraphs_of_a_text_stay_paragraphs(hostile):
    expected = {
        "de": ["Erster Absatz Eta.", "# Überschrift aus den Daten", "[Klick mich](javascript:alert(1)) und **fett** und <b>roh</b> und {{ 7*7 }}", "<script>alert(3)</script>"],
        "en": ["First paragraph Eta.", "## Heading from the data", "[Click me](javascript:alert(1)) and __bold__ and <em>raw</em> and {% raw %}"],
        "fr": ["Premier paragraphe Eta.", '* liste *\n<a href="javascript:alert(4)">lien</a>'],
    }
    for lang in LANGS:
        soup = _page(hostile, lang, "partnerschaften/eta-theta")
        facts = soup.select_one("article dl.kkp-facts")  # the relationship; its note follows
        paragraphs = [p.get_text() for p in facts.find_next_siblings("p")]
        assert paragraphs == expected[lang], lang


def test_event_and_publication_descriptions_keep_their_paragraphs(hostile):
    event = _page(hostile, "de", "veranstaltungen/hostile-meeting").select_one("article")
    texts = [p.get_text() for p in event.select("p")]
    assert ["Beschreibung Absatz eins.", "### Überschrift im Ereignis", "[Ereignis-Link](javascript:alert(9))"] == \
        [t for t in texts if t.startswith(("Beschreibung", "###", "[Ereignis"))]
    # the English page shows the German description, marked as German, paragraphs kept
    fallback = _page(hostile, "en", "veranstaltungen/hostile-meeting").select_one("article .kkp-fallback[lang], article .kkp-fallback")
    assert "### Überschrift im Ereignis" in fallback.get_text()
    assert fallback.select_one('[lang="de"]') is not None


def test_page_title_shows_record_text_as_text(hostile):
    for lang, title in (("de", "Treffen [Link](javascript:alert(8))"), ("en", "Meeting <b>bold</b>"), ("fr", "Réunion {{ 1+1 }}")):
        soup = _page(hostile, lang, "veranstaltungen/hostile-meeting")
        assert soup.title.get_text().startswith(title)
        assert soup.select_one("article h1").get_text() == title
        assert not soup.select("head b, title b")


# The mechanism itself

def test_html_escapes_plain_text_and_keeps_html():
    cell = HTML("<td>{}</td>").format('<b>"x" & {{ y }}</b>')
    assert cell == "<td>&lt;b&gt;&#34;x&#34; &amp; &#123;&#123; y &#125;&#125;&lt;/b&gt;</td>"
    assert HTML("<tr>{}</tr>").format(cell) == f"<tr>{cell}</tr>"
    assert HTML(", ").join(["<a>", HTML("<b>x</b>")]) == "&lt;a&gt;, <b>x</b>"
    assert HTML("<p>") + "<i>" == "<p>&lt;i&gt;"
    assert HTML('<rect x="{:.1f}"/>{n}').format(3.14159, n=7) == '<rect x="3.1"/>7'  # numbers keep their format
    assert HTML(", ").join(["<a>", HTML("<b>"), 5]) == "&lt;a&gt;, <b>, 5"
    assert type(HTML("{}").format("x")) is HTML and type(HTML("").join([])) is HTML


def test_block_makes_one_escaped_paragraph_per_paragraph():
    strings = Strings({"fallback.block": {"de": "Nur deutsch", "en": "German only", "fr": "Allemand"},
                       "fallback.inline": {"de": "de", "en": "in German", "fr": "en allemand"}})
    assert block("Eins.\n\n<b>Zwei</b>\n\n\n", "de", strings) == "<p>Eins.</p>\n<p>&lt;b&gt;Zwei&lt;/b&gt;</p>"
    assert block("A\n\nB", "de", strings, "li") == "<li>A<br><br>B</li>"
    assert block({"de": "A\n\n[x](javascript:y)"}, "en", strings) == (
        '<p class="kkp-fallback"><small>German only</small><br><span lang="de">A<br><br>[x](javascript:y)</span></p>')
    assert inline({"de": "<i>"}, "fr", strings) == '<span lang="de">&lt;i&gt;</span> <small class="kkp-fallback">(en allemand)</small>'


def test_stash_takes_only_html():
    stash = Stash()
    with pytest.raises(TypeError):
        stash.put("<p>plain string</p>")
    token = stash.put(HTML("<p>ok</p>"))
    assert stash.restore(f"<p>{token}</p>") == "<p>ok</p>"


def test_html_is_only_made_from_literal_templates():
    """`HTML(x)` with anything but a string literal would bypass escaping; only lines
    marked `# trusted:` (escaped or computed markup, explained there) may do it."""
    offenders = []
    for path in sorted((ROOT / "macros").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"HTML", "Markup"}:
                literal = len(node.args) == 1 and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                if not literal and "# trusted:" not in lines[node.lineno - 1]:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "format" and isinstance(node.func.value, ast.Call) \
                    and getattr(node.func.value.func, "id", None) == "HTML" and node.func.value.args \
                    and isinstance(node.func.value.args[0], ast.JoinedStr):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} (f-string template)")
    assert offenders == []
