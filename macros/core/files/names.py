"""Place names the libraries do not get right: German states, UN M49 regions, a few countries.

German states (Länder) in English and French. CLDR (Babel) has no subdivision names, and the
ISO 3166-2 translations shipped with pycountry mix English and German and misspell French
(“Rhénanie du Nord-Westfalie”, “Turinge”). The names below are the conventional exonyms:
- English: as the Bundesrat's English pages name the Länder (bundesrat.de, “The Länder”;
  e.g. Bavaria, Hesse, Lower Saxony, North Rhine-Westphalia, Rhineland-Palatinate, Saxony,
  Saxony-Anhalt, Thuringia, Mecklenburg-Western Pomerania);
- French: as the German embassy's brochure « À la découverte des Länder allemands »
  (exhibition « Fédéralisme et Länder ») and the EU Interinstitutional Style Guide write them
  (Bade-Wurtemberg, Bavière, Brême, Hambourg, Basse-Saxe, Rhénanie-du-Nord-Westphalie,
  Mecklembourg-Poméranie-Occidentale, Sarre, Saxe, Thuringe …).
German names are the official ones (Statistisches Bundesamt, Gemeindeverzeichnis).
`tests/test_voice.py` checks that the table has all 16 states in all three languages.
"""

from __future__ import annotations

#: ISO 3166-2 code -> (German, English, French)
GERMAN_STATES: dict[str, tuple[str, str, str]] = {
    "DE-BW": ("Baden-Württemberg", "Baden-Württemberg", "Bade-Wurtemberg"),
    "DE-BY": ("Bayern", "Bavaria", "Bavière"),
    "DE-BE": ("Berlin", "Berlin", "Berlin"),
    "DE-BB": ("Brandenburg", "Brandenburg", "Brandebourg"),
    "DE-HB": ("Bremen", "Bremen", "Brême"),
    "DE-HH": ("Hamburg", "Hamburg", "Hambourg"),
    "DE-HE": ("Hessen", "Hesse", "Hesse"),
    "DE-MV": ("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania", "Mecklembourg-Poméranie-Occidentale"),
    "DE-NI": ("Niedersachsen", "Lower Saxony", "Basse-Saxe"),
    "DE-NW": ("Nordrhein-Westfalen", "North Rhine-Westphalia", "Rhénanie-du-Nord-Westphalie"),
    "DE-RP": ("Rheinland-Pfalz", "Rhineland-Palatinate", "Rhénanie-Palatinat"),
    "DE-SL": ("Saarland", "Saarland", "Sarre"),
    "DE-SN": ("Sachsen", "Saxony", "Saxe"),
    "DE-ST": ("Sachsen-Anhalt", "Saxony-Anhalt", "Saxe-Anhalt"),
    "DE-SH": ("Schleswig-Holstein", "Schleswig-Holstein", "Schleswig-Holstein"),
    "DE-TH": ("Thüringen", "Thuringia", "Thuringe"),
}
STATE_LANGUAGES = ("de", "en", "fr")

#: UN M49 regions (https://unstats.un.org/unsd/methodology/m49/) the site groups partner
#: countries by; their names come from CLDR through Babel. Key: our short slug for URLs.
REGIONS_M49 = {"af": "002", "as": "142", "la": "419", "na": "021", "eu": "150", "oc": "009"}
#: Where CLDR shortens the M49 name (419 is just "Latin America"), the M49 name in the UN's
#: English and French and its usual German form.
REGION_NAMES = {"419": {"de": "Lateinamerika und Karibik", "en": "Latin America and the Caribbean",
                        "fr": "Amérique latine et Caraïbes"}}
#: M49 "Northern America": every other country of the Americas is in Latin America and the Caribbean.
NORTHERN_AMERICA = frozenset({"BM", "CA", "GL", "PM", "US"})
#: GeoNames continent -> M49 region slug (the Americas are split by NORTHERN_AMERICA).
CONTINENT_TO_REGION = {"AF": "af", "AS": "as", "EU": "eu", "OC": "oc"}

#: Countries whose CLDR standard name readers do not recognise (“Congo - Brazzaville”):
#: the UN's short names in English and French, and the German Foreign Office's in German.
COUNTRY_NAMES = {
    "CG": {"de": "Republik Kongo", "en": "Republic of the Congo", "fr": "République du Congo"},
    "CD": {"de": "Demokratische Republik Kongo", "en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo"},
}


def state(code: str, lang: str) -> str:
    return GERMAN_STATES[code][STATE_LANGUAGES.index(lang)]


def region_of(country: str, geonames_continent: str) -> str:
    """The M49 region slug of a country, given its GeoNames continent."""
    if geonames_continent in ("NA", "SA"):
        return "na" if country in NORTHERN_AMERICA else "la"
    return CONTINENT_TO_REGION[geonames_continent]
