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


def fixture_data(folder, partnerships: tuple[str, ...]):
    """The fixture records (these partnerships, the test event and publication), loaded."""
    data = folder / "data"
    shutil.copytree(FIXTURES / "base", data)
    shutil.copy(ROOT / "data" / "ui.yml", data / "ui.yml")
    (data / "partnerships").mkdir()
    for name in partnerships:
        shutil.copy(RECORDS / f"{name}.yml", data / "partnerships" / f"{name}.yml")
    shutil.copytree(RECORDS / "events", data / "events")
    shutil.copytree(RECORDS / "publications", data / "publications")
    loaded, problems = load(data)
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return fixture_data(tmp_path_factory.mktemp("renderers"), ("alpha-beta", "gamma-delta"))


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


def test_profile_measures_list(site):
    measures = str(profile._measures(site, site.partnership_by_id["alpha-beta"], "en", "partnerschaften/alpha-beta/"))
    assert measures == ('<ul class="kkp-measures">\n<li><p class="kkp-measure-title">Solar plant Alpha</p>\n'
                        '<p class="kkp-measure-meta">Climate change mitigation · completed · 2016</p></li>\n</ul>')


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


@pytest.mark.parametrize("epoch, offered", [("1893456000", True), ("1956528000", False)])  # 2030-01-01, 2032-01-01
def test_only_an_upcoming_event_offers_its_calendar_file(site, monkeypatch, epoch, offered):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    parts = texts(events.event_page(site, "future-workshop", "de", "u"))
    subscribe = [part for part in parts if 'class="kkp-subscribe"' in part]
    assert subscribe == (['<p class="kkp-subscribe"><a href="../future-workshop.ics">In den Kalender übernehmen (iCalendar-Datei)</a></p>'] if offered else [])


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
    values = directory._build_values(site, "en", "partnerschaften/", "alpha-beta")
    labels = [f"L{index}" for index in range(len(values))]
    row = str(directory._row(labels, values, set()))
    # the title names the pair (the partner only on a card); every other value after its label
    assert row.startswith('<tr><td class="kkp-card-title"><a href="alpha-beta/">Alphastadt'
                          '<span class="kkp-card-only"> – Betatown</span></a></td><td>')
    assert row.endswith('<td class="kkp-wide-only">Betatown</td><td><span class="kkp-card-label">L3: </span>Ghana</td>'
                        '<td><span class="kkp-card-label">L4: </span><a href="../phasen/phase-1/">Phase 1</a></td>'
                        '<td><span class="kkp-card-label">L5: </span>Town twinning</td>'
                        '<td><span class="kkp-card-label">L6: </span>2011</td></tr>')


def test_directory_leaves_out_columns_empty_in_most_rows_on_wide_screens():
    full = ["a", "b", "c", "d", "e", "f", "g"]
    empty = ["a", directory.MISSING, "c", "d", directory.MISSING, directory.MISSING, directory.MISSING]
    assert directory.sparse_columns([full, empty, empty]) == {1, 5, 6}
    assert directory.sparse_columns([full, full, empty]) == set()
    assert directory.sparse_columns([empty, empty]) == {1, 5, 6}  # never a required column (country, phase)
    row = str(directory._row(list("ABCDEFG"), empty, {5}))
    assert '<td class="kkp-sparse kkp-empty"><span class="kkp-card-label">F: </span>–</td>' in row
    assert '<td class="kkp-empty"><span class="kkp-card-label">B: </span>–</td>' in row


STORY = {  # lang -> (lead, programme, seat row, population cell, measure rows, results, link, publication source)
    "de": ("<p>Etakreis und Theta arbeiten &lt;b&gt;gemeinsam&lt;/b&gt; am Klimaschutz.</p>",
           '<p class="kkp-programme-year">Vorgelegt 2013</p>\n<p>Ziele für Solarstrom und Wasser.</p>\n'
           '<p><a href="../../publikationen/test-report/">Quelle</a></p>',
           '<tr><th scope="row">Verwaltungssitz</th><td>Etastadt</td><td>–</td></tr>',
           '<td>12.000 (2021, <a href="../../publikationen/test-report/">Quelle</a>)</td>',
           '<li><p class="kkp-measure-title">Solaranlage</p>\n<p class="kkp-measure-meta">Klimaschutz · geplant</p></li>\n'
           '<li><p class="kkp-measure-title">Aufforstung</p>\n<p class="kkp-measure-meta">Klimaschutz und Klimaanpassung · '
           'abgeschlossen · 2015</p>\n<p>500 Bäume gepflanzt (<a href="https://example.org/trees">Quelle</a>)</p></li>',
           "<p>Zwei Schulen haben Strom.</p>",
           '<a href="https://example.org/eta-partnerschaft">Etakreis – Partnerschaft mit Theta</a>',
           '<a href="../../publikationen/test-report/">Bericht &#123;Test&#125; &amp; &lt;i&gt;Co&lt;/i&gt; 100%, S. 7</a>'),
    "en": ("<p>Etakreis and Theta work together on climate action.</p>",
           '<p class="kkp-programme-year">Presented in 2013</p>\n<p>Goals for solar power and water.</p>\n'
           '<p><a href="../../publikationen/test-report/">source</a></p>',
           '<tr><th scope="row">Administrative seat</th><td>Etastadt</td><td>–</td></tr>',
           '<td>12,000 (2021, <a href="../../publikationen/test-report/">source</a>)</td>',
           '<li><p class="kkp-measure-title"><span lang="de">Solaranlage</span> <small class="kkp-fallback">(German only)</small></p>\n'
           '<p class="kkp-measure-meta">Climate change mitigation · planned</p></li>\n'
           '<li><p class="kkp-measure-title">Reforestation</p>\n<p class="kkp-measure-meta">Mitigation and adaptation · '
           'completed · 2015</p>\n<p>500 trees planted (<a href="https://example.org/trees">source</a>)</p></li>',
           "<p>Two schools have power.</p>",
           '<a href="https://example.org/eta-partnerschaft">Etakreis – partnership with Theta</a>',
           '<a href="../../publikationen/test-report/">Report on the test, p. 7</a>'),
    "fr": ("<p>Etakreis et Theta travaillent ensemble pour le climat.</p>",
           '<p class="kkp-programme-year">Présenté en 2013</p>\n<p class="kkp-fallback"><small>Ce texte n&#39;est pas encore '
           'disponible en français\u00a0; il est affiché en allemand.</small><br><span lang="de">Ziele für Solarstrom und Wasser.</span></p>\n'
           '<p><a href="../../publikationen/test-report/">source</a></p>',
           '<tr><th scope="row">Chef-lieu</th><td>Etastadt</td><td>–</td></tr>',
           '<td>12\u202f000 (2021, <a href="../../publikationen/test-report/">source</a>)</td>',
           '<li><p class="kkp-measure-title"><span lang="de">Solaranlage</span> <small class="kkp-fallback">(en allemand uniquement)</small></p>\n'
           '<p class="kkp-measure-meta">Protection du climat · prévue</p></li>\n'
           '<li><p class="kkp-measure-title">Reboisement</p>\n<p class="kkp-measure-meta">Atténuation et adaptation · '
           'achevée · 2015</p>\n<p>500 arbres plantés (<a href="https://example.org/trees">source</a>)</p></li>',
           "<p>Deux écoles ont de l&#39;électricité.</p>",
           '<a href="https://example.org/eta-partnerschaft">Etakreis – partenariat avec Theta</a>',
           '<a href="../../publikationen/test-report/"><span lang="de">Bericht &#123;Test&#125; &amp; &lt;i&gt;Co&lt;/i&gt; 100%</span>, p. 7</a>'),
}
STORY_HEADINGS = {
    "de": ("Das gemeinsame Handlungsprogramm", "Maßnahmen", "Was erreicht wurde", "Mehr erfahren"),
    "en": ("The joint programme of action", "Measures", "What has been achieved", "Learn more"),
    "fr": ("Le programme d’action commun", "Mesures", "Ce qui a été réalisé", "En savoir plus"),
}
MILESTONES = {  # oldest first, whatever the order in the file
    "de": ("Stationen der Partnerschaft", '<ul class="kkp-milestones">\n<li><span class="kkp-when">2012</span> Erster Besuch in Theta '
           '(<a href="https://example.org/visit">Quelle</a>)</li>\n<li><span class="kkp-when">Mai 2014</span> Gegenbesuch in Etakreis</li>\n</ul>'),
    "en": ("Milestones of the partnership", '<ul class="kkp-milestones">\n<li><span class="kkp-when">2012</span> First visit to Theta '
           '(<a href="https://example.org/visit">source</a>)</li>\n<li><span class="kkp-when">May 2014</span> Return visit to Etakreis</li>\n</ul>'),
    "fr": ("Étapes du partenariat", '<ul class="kkp-milestones">\n<li><span class="kkp-when">2012</span> Première visite à Theta '
           '(<a href="https://example.org/visit">source</a>)</li>\n<li><span class="kkp-when">mai 2014</span> Visite retour à Etakreis</li>\n</ul>'),
}


@pytest.fixture(scope="module")
def story_site(tmp_path_factory):
    return fixture_data(tmp_path_factory.mktemp("story"), ("alpha-beta", "eta-theta"))


@pytest.mark.parametrize("lang", STORY)
def test_profile_tells_the_story(story_site, lang):
    """Lead, programme of action, seat, dated population, measures with field, result and
    source, results, links with labels in the page's language, a publication as source."""
    lead, programme, seat, population, measures, results, more, publication = STORY[lang]
    parts = texts(profile.profile_page(story_site, "eta-theta", lang, "https://example.org/p/"))
    assert parts[2] == f'<div class="kkp-story">\n{lead}\n</div>'
    after = {heading: parts[parts.index(f"## {heading}") + 1] for heading in STORY_HEADINGS[lang]}
    programme_h, measures_h, results_h, links_h = STORY_HEADINGS[lang]
    assert after[programme_h] == programme
    assert measures in after[measures_h]
    assert after[results_h] == results
    assert after[links_h] == f"<ul>\n<li>{more}</li>\n</ul>"
    table = next(part for part in parts if 'class="kkp-pair"' in part)
    assert seat in table and population in table
    assert f"<li>{publication}</li>" in parts[-2]
    milestones, steps = MILESTONES[lang]
    assert parts[parts.index(f"## {milestones}") + 1] == steps
    order = [part for part in parts if part.startswith("## ")]
    assert order.index(f"## {programme_h}") < order.index(f"## {measures_h}") < order.index(f"## {milestones}") \
        < order.index(f"## {results_h}") < order.index(f"## {links_h}")


def test_profile_without_story_fields_has_no_story_parts(story_site):
    parts = texts(profile.profile_page(story_site, "alpha-beta", "de", "https://example.org/p/"))
    assert not any('class="kkp-story"' in part or "kkp-programme-year" in part for part in parts)
    assert not {"## Das gemeinsame Handlungsprogramm", "## Was erreicht wurde", "## Mehr erfahren"} & set(parts)


def test_story_words_count_the_german_story_only(story_site):
    """Lead, programme, measures with results, results: 7 + 5 + 1 + 3 + 1 + 4 German words, milestones;
    names, sources, links and coordinates do not count."""
    from macros.core.records.story import story_words
    assert story_words(story_site.partnership_by_id["eta-theta"]) == 21 + 3 + 4  # and the two milestones
