"""Key facts of the programme's flyer appear on their page in every language."""

from __future__ import annotations

import pytest

from macros.core.records.models import Kind
from macros.core.checking.site import load_or_raise
from sitebuild import DATA, LANGS

ASSOCIATIONS = ["Deutscher Städtetag", "Deutscher Städte- und Gemeindebund", "Deutscher Landkreistag"]

FACTS = {
    # page: {language: [phrases that must appear in the page text]}
    "idee": {
        "de": ["Bis 2015", "50 deutsche Kommunen", "Handlungsprogramme", "Städtepartnerschaft", "Themenpartnerschaft"],
        "en": ["By 2015", "50 German municipalities", "programmes of action", "town twinning", "thematic partnership"],
        "fr": ["D'ici 2015", "50 communes allemandes", "programmes d'action", "jumelage", "partenariat thématique"],
    },
    "partner": {
        "de": ["Bundesministeriums für wirtschaftliche Zusammenarbeit und Entwicklung (BMZ)", "LAG 21 NRW", "Februar 2010", *ASSOCIATIONS],
        "en": ["Federal Ministry for Economic Cooperation and Development (BMZ)", "LAG 21 NRW", "February 2010", *ASSOCIATIONS],
        "fr": ["ministère fédéral de la Coopération économique et du Développement (BMZ)", "LAG 21 NRW", "février 2010", *ASSOCIATIONS],
    },
    "bausteine": {
        "de": ["Netzwerktreffen", "Entsendungen von Expertinnen und Experten", "Leitfaden zum Klimamanagement", "kostenlos"],
        "en": ["network meetings", "Expert secondments", "climate management guide", "free of charge"],
        "fr": ["rencontres de réseau", "L'envoi d'experts", "guide de gestion climatique", "gratuitement"],
    },
    "kontakt": {
        lang: ["Jessica Baier", "jessica.baier@engagement-global.de", "Klaus Reuter", "k.reuter@lag21.de", "44339 Dortmund"]
        for lang in LANGS
    },
    "publikationen": {
        lang: [f"Material {no} {n}" for n in (42, 47, 54)] + ["www.service-eine-welt.de", "Erklärung der 11. Bundeskonferenz"]
        for lang, no in (("de", "Nr."), ("en", "No."), ("fr", "n°"))
    },
}


@pytest.mark.parametrize("page", sorted(FACTS))
@pytest.mark.parametrize("lang", LANGS)
def test_flyer_fact_on_its_page(real_site, page, lang):
    prefix = "" if lang == "de" else f"{lang}/"
    soup = real_site.soup(f"{prefix}{page}/index.html")
    assert soup.html["lang"] == lang
    text = " ".join(soup.select_one("article").get_text().replace("\u00a0", " ").split())
    missing = [phrase for phrase in FACTS[page][lang] if phrase not in text]
    assert not missing, f"{prefix}{page}/: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_pilot_phase_statement_is_computed_from_the_records(real_site, lang):
    """The flyer's sentence on the pilot phase, with the counts of the phase-1 records."""
    data = load_or_raise(DATA)
    pilot = next(key for key, phase in data.collection("phases").items() if phase.number == 1)
    pilots = [p for p in data.collection("partnerships").values() if p.phase == pilot]
    others = sum(p.german.kind != Kind.DISTRICT for p in pilots)
    expected = {"de": f"{others} deutsche Kommunen", "en": f"{others} German municipalities", "fr": f"{others} communes allemandes"}
    countries = {"de": ["Ghana", "Südafrika", "Tansania"], "en": ["Ghana", "South Africa", "Tanzania"], "fr": ["Afrique du Sud", "Ghana", "Tanzanie"]}
    prefix = "" if lang == "de" else f"{lang}/"
    summary = " ".join(real_site.soup(f"{prefix}fortschritt/index.html").select_one(".kkp-pilot-summary").get_text().split())
    assert expected[lang] in summary
    assert all(country in summary for country in countries[lang])
