"""Fast unit tests of the core renderers: one record of each kind, in each language, rendered
without MkDocs, with the exact HTML asserted (fixture data: tests/fixtures/base and records)."""

from __future__ import annotations

import shutil

import pytest

from macros.core.pages import directory, events, phase_page, profile, publications
from macros.core.markup.document import Document, Heading
from macros.core.markup.safe import HTML
from macros.core.checking.site import load
from sitebuild import FIXTURES, ROOT

RECORDS = FIXTURES / "records"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("renderers") / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    (data / "partnerships").mkdir()
    for name in ("alpha-beta", "gamma-delta"):
        shutil.copy(RECORDS / f"{name}.yml", data / "partnerships" / f"{name}.yml")
    shutil.copytree(RECORDS / "events", data / "events")
    shutil.copytree(RECORDS / "publications", data / "publications")
    loaded, problems = load(data)
    assert problems == []
    return loaded


def texts(page: Document) -> list[str]:
    return [f"## {part.text}" if isinstance(part, Heading) else str(part) for part in page.parts]


PROFILE = {
    "de": ("Klimapartnerschaft zwischen der deutschen Kommune Alphastadt und der Partnerkommune Betatown (Ghana). "
           "Projektphase: Phase 1, Testregion Eins.",
           "Städtepartnerschaft seit Mai 1990", "Klimapartnerschaft seit", "Projektphase", "Deutscher Hinweis Alpha."),
    "en": ("Climate partnership between Alphastadt (Germany) and Betatown (Ghana). Project phase: Phase 1, Test region one.",
           "Town twinning since May 1990", "Climate partnership since", "Project phase", "English note Alpha."),
    "fr": ("Partenariat pour le climat entre la commune allemande Alphastadt et la commune partenaire Betatown (Ghana). "
           "Phase du projet\u00a0: Phase 1, Région test un.",
           "Jumelage depuis mai 1990", "Partenariat pour le climat depuis", "Phase du projet", "Note française Alpha."),
}


@pytest.mark.parametrize("lang", PROFILE)
def test_profile_page(site, lang):
    lead, kind, since, phase, note = PROFILE[lang]
    relationship = {"de": "Art der Partnerschaft", "en": "Type of partnership", "fr": "Type de partenariat"}[lang]
    page = profile.profile_page(site, "alpha-beta", lang, "https://example.org/p/")
    parts = texts(page)
    assert page.title == "Alphastadt – Betatown"
    assert parts[:2] == ["<h1>Alphastadt – Betatown</h1>", f'<p class="kkp-lead">{lead}</p>']
    heading = {"de": "## Die Partnerschaft", "en": "## The partnership", "fr": "## Le partenariat"}[lang]
    assert parts[parts.index(heading) + 1] == (f'<dl class="kkp-facts">\n<dt>{relationship}</dt><dd>{kind}</dd>\n<dt>{since}</dt><dd>2011</dd>\n'
                        f'<dt>{phase}</dt><dd><a href="../../phasen/phase-1/">Phase 1</a></dd>\n</dl>\n<p>{note}</p>')
    assert parts[-1].startswith('<script type="application/ld+json">{"@context":"https://schema.org","@type":"Project"')
    assert all(isinstance(part, (HTML, Heading)) for part in page.parts)


def test_profile_measures_table(site):
    table = str(profile._measures(site, site.partnership_by_id["alpha-beta"], "en"))
    assert table == ('<div class="kkp-table" role="region" aria-label="Measures" tabindex="0">\n'
                     '<table class="kkp-measures">\n<thead><tr><th scope="col">Measure</th><th scope="col">Area</th>'
                     '<th scope="col">Status</th><th scope="col">Year</th></tr></thead>\n<tbody>\n'
                     "<tr><td>Solar plant Alpha</td><td>Climate change mitigation</td><td>completed</td><td>2016</td></tr>\n</tbody>\n</table>\n</div>")


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_profile_of_a_record_with_markup_in_a_name(site, lang):
    page = profile.profile_page(site, "gamma-delta", lang, "u")
    assert page.title == "Gammakreis – Delta <script>alert(1)</script> & Co"  # plain text; escaped on output
    assert str(page.parts[0]) == "<h1>Gammakreis – Delta &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>"
    assert 'title: "Gammakreis – Delta &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"' in page.markdown(lambda html: "T")


def test_document_as_markdown_holds_only_headings_and_tokens(site):
    page = profile.profile_page(site, "alpha-beta", "de", "u")
    tokens = iter(range(100))
    markdown = page.markdown(lambda html: f"TOKEN{next(tokens)}")
    lines = markdown.split("\n")
    assert lines[:6] == ["---", 'title: "Alphastadt – Betatown"', "render_macros: false", "---", "", "TOKEN0"]
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Die beiden Kommunen", "## Die Partnerschaft", "## Schwerpunkte der Zusammenarbeit", "## Maßnahmen",
                        "## Quellen und Hinweise"]
    assert all(line.startswith(("## ", "TOKEN")) or line == "" for line in lines[5:])


EVENT = {
    "de": ("Zukunftswerkstatt <b>fett</b>", "Zukunftswerkstatt &lt;b&gt;fett&lt;/b&gt;", "Art", "Workshop", "Datum", "14.–16. Mai 2030"),
    "en": ("Future workshop", "Future workshop", "Type", "Workshop", "Date", "14–16 May 2030"),
}


@pytest.mark.parametrize("lang", EVENT)
def test_event_page(site, lang):
    title, h1, type_label, kind, date_label, date = EVENT[lang]
    page = events.event_page(site, "future-workshop", lang, "u")
    parts = texts(page)
    assert page.title == title
    assert parts[0] == f"<h1>{h1}</h1>"
    assert parts[1].startswith(f'<dl class="kkp-facts">\n<dt>{type_label}</dt><dd>{kind}</dd>\n<dt>{date_label}</dt><dd>{date}</dd>\n')


def test_publication_page_marks_a_title_in_another_language(site):
    german = publications.publication_page(site, "test-report", "fr", "u")
    assert german.title == "Bericht {Test} & <i>Co</i> 100%"
    assert str(german.parts[0]) == '<h1><span lang="de">Bericht &#123;Test&#125; &amp; &lt;i&gt;Co&lt;/i&gt; 100%</span></h1>'
    english = publications.publication_page(site, "test-report", "en", "u")
    assert str(english.parts[0]) == "<h1>Report on the test</h1>"
    assert str(english.parts[2]) == ('<dl class="kkp-facts">\n<dt>Documents</dt><dd><a href="../../veranstaltungen/future-workshop/">'
                                     "Future workshop</a></dd>\n</dl>")


ACTIONS = {
    "de": ("PDF herunterladen (Englisch)", "Auf der Website von SKEW", "Beim Herausgeber"),
    "en": ("Download the PDF (English)", "On the website of SKEW", "From the publisher"),
    "fr": ("Télécharger le PDF (anglais)", "Sur le site de SKEW", "Chez l’éditeur"),
}


@pytest.mark.parametrize("lang", ACTIONS)
def test_publication_page_leads_with_the_publishers_file_and_page(site, lang):
    """Right under the title, before any fact: the publisher's PDF, then the page offering it
    (named by its owner when that is not the publisher); the flyer's 2012 ordering note is gone."""
    pdf, elsewhere, at_publisher = ACTIONS[lang]
    page = publications.publication_page(site, "test-report", lang, "u")
    assert str(page.parts[1]) == ('<p class="kkp-actions"><a class="kkp-button" href="https://example.org/report-en.pdf">'
                                  f'{pdf}</a> <a class="kkp-button" href="https://example.org/reports/test">{elsewhere}</a></p>')
    assert "service-eine-welt.de" not in "".join(map(str, page.parts))
    report = site.collection("publications")["test-report"]
    own = report.model_copy(update={"publisher": ["skew"]})
    assert str(publications.actions(site, own, lang)).endswith(f'href="https://example.org/reports/test">{at_publisher}</a></p>')


def test_publication_without_a_publishers_address_has_no_action(site):
    report = site.collection("publications")["test-report"]
    bare = report.model_copy(update={"publisher_page": None, "editions": [e.model_copy(update={"url": None}) for e in report.editions]})
    assert publications.actions(site, bare, "de") == ""


def test_publication_page_puts_the_pdf_of_the_pages_language_first(site):
    report = site.collection("publications")["test-report"]
    both = report.model_copy(update={"editions": [e.model_copy(update={"url": f"https://example.org/{e.language.value}.pdf"}) for e in report.editions]})
    hrefs = __import__("re").findall(r'href="([^"]+)"', str(publications.actions(site, both, "en")))
    assert hrefs == ["https://example.org/en.pdf", "https://example.org/de.pdf", "https://example.org/reports/test"]


def test_phase_page_counts_its_records(site):
    page = phase_page.phase_page(site, "phase-1", "en", "u")
    assert texts(page)[:2] == [
        "<h1>Phase 1: Test region one</h1>",
        '<dl class="kkp-facts">\n<dt>Period</dt><dd>2011–2013</dd>\n<dt>Region</dt><dd>Test region one</dd>\n'
        "<dt>Partnerships on this website</dt><dd>2</dd>\n</dl>",
    ]


def test_directory_row(site):
    row = str(directory._build_row(site, "en", "partnerschaften/", "alpha-beta"))
    assert row.startswith('<tr><td><a href="alpha-beta/">Alphastadt</a></td><td>')
    assert row.endswith('<td>Betatown</td><td>Ghana</td><td><a href="../phasen/phase-1/">Phase 1</a></td><td>Town twinning</td><td>2011</td></tr>')
