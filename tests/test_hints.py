"""The "did you mean" helpers (macros/core/records/hints.py) and the guess of a text's language
(macros/core/checking/languages.py), called directly."""

from __future__ import annotations

import pytest

from macros.core.checking import languages
from macros.core.records import hints


@pytest.mark.parametrize("name, code", [("Ghana", "GH"), ("Tansania", "TZ"), ("Tanzanie", "TZ"), ("Tanzania", "TZ"),
                                        ("südafrika", "ZA"), ("Nicaragua", "NI"), ("Deutschland", "DE")])
def test_country_names_in_three_languages_give_their_code(name, code):
    assert hints.country_code(name) == code


@pytest.mark.parametrize("name, code", [("Bayern", "DE-BY"), ("Bavaria", "DE-BY"), ("Bavière", "DE-BY"),
                                        ("Nordrhein-Westfalen", "DE-NW"), ("North Rhine-Westphalia", "DE-NW"),
                                        ("NRW", "DE-NW"), ("Thüringen", "DE-TH"), ("Lower Saxony", "DE-NI")])
def test_state_names_give_their_code(name, code):
    assert hints.state_code(name) == code


@pytest.mark.parametrize("written, iso", [("01.03.2025", "2025-03-01"), ("1.3.2025", "2025-03-01"), ("03.2025", "2025-03"),
                                          ("März 2025", "2025-03"), ("1. März 2025", "2025-03-01"),
                                          ("mars 2025", "2025-03"), ("March 2025", "2025-03")])
def test_german_and_worded_dates_give_the_iso_date(written, iso):
    assert hints.iso_date(written) == iso


@pytest.mark.parametrize("value", ["Atlantis", "Bonn", "31.02.2025", "Frühling 2025", "2025/03/01", ""])
def test_nothing_is_suggested_for_what_is_no_name_or_date(value):
    assert hints.country_code(value) is None and hints.state_code(value) is None and hints.iso_date(value) is None


def test_names_and_short_titles_are_never_judged():
    assert not languages.judged("Cape Coast Metropolitan Assembly")
    assert not languages.judged("Solaranlage auf der Schule")
    assert languages.guess("Cape Coast Metropolitan Assembly", "de") is None


def test_a_sentence_in_another_language_is_found_and_one_in_its_own_is_not():
    english = "The two towns have worked together on solar power for schools and clean water since their first visit."
    german = "Die beiden Städte arbeiten seit ihrem ersten Besuch gemeinsam an Solarstrom für Schulen und an sauberem Wasser."
    assert languages.guess(english, "de")[0] == "en"
    assert languages.guess(german, "en")[0] == "de"
    assert languages.guess(german, "de") is None and languages.guess(english, "en") is None


def test_words_shared_with_the_translations_do_not_count():
    title = {"de": "Klinikpartnerschaft Enzkreis-Kliniken Mühlacker – Mkomaindo Hospital",
             "en": "Hospital partnership Enzkreis-Kliniken Mühlacker – Mkomaindo Hospital"}
    found = list(languages.texts_by_language(title))
    assert [text for _, key, text, _ in found if key == "en"] == ["partnership"]
    same = {"de": "Ein deutscher Satz", "en": "Ein deutscher Satz"}
    assert [text for *_, text, _ in languages.texts_by_language(same)] == ["Ein deutscher Satz"] * 2
