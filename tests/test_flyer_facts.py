"""Key facts of the programme's flyer appear on their page in every language."""

from __future__ import annotations

import pytest

from sitebuild import LANGS

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
        "en": ["network meetings", "Sending experts", "climate management guide", "free of charge"],
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
    expected = {
        "de": "8 deutsche Kommunen und 1 Landkreis Klimapartnerschaften mit Partnerkommunen in Ghana, Südafrika und Tansania",
        "en": "8 German municipalities and 1 rural district (Landkreis) built climate partnerships with partner municipalities in Ghana, South Africa and Tanzania",
        "fr": "8 communes allemandes et 1 arrondissement rural (Landkreis) ont noué des partenariats climatiques avec des communes partenaires des pays suivants : Afrique du Sud, Ghana et Tanzanie",
    }
    prefix = "" if lang == "de" else f"{lang}/"
    summary = real_site.soup(f"{prefix}fortschritt/index.html").select_one(".kkp-pilot-summary")
    assert expected[lang] in " ".join(summary.get_text().split())
