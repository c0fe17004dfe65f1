"""Numbers, dates, country, region and state names in the page's language, from CLDR (Babel)
and the checked tables of macros/core/files/names.py."""

from __future__ import annotations

import datetime
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal

from . import names
from ..records.types import PartialDate

#: Babel locale per site language (British conventions for English dates).
LOCALES = {"de": "de_DE", "en": "en_GB", "fr": "fr_FR"}


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def country(code: str, lang: str) -> str:
    """A country (ISO 3166-1) or UN M49 region (three digits) in `lang`: CLDR's name, unless
    readers know the country by another one (names.COUNTRY_NAMES)."""
    override = names.COUNTRY_NAMES.get(code) or names.REGION_NAMES.get(code)
    return override[lang] if override else _locale(lang).territories[code]


def region(slug: str, lang: str) -> str:
    """A UN M49 region (names.REGIONS_M49) by its slug, with CLDR's name: Latin America and the Caribbean …"""
    return country(names.REGIONS_M49[slug], lang)


def number(value: int, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[lang])


def number_words(value: int, lang: str) -> str:
    """A number as words are written in running text: 4 Millionen, 4 million, 4 millions."""
    return format_compact_decimal(value, format_type="long", locale=LOCALES[lang], fraction_digits=1)


def date(value: PartialDate, lang: str) -> str:
    if value.month is None:
        return str(value.year)
    day = datetime.date(value.year, value.month, value.day or 1)
    if value.day is None:
        return format_skeleton("yMMMM", day, locale=LOCALES[lang])
    text = format_date(day, format="long", locale=LOCALES[lang])
    return first_of_month(text) if lang == "fr" else text


_FIRST_DAY = re.compile(r"(?<![\d.,])1(?=[ \u00a0\u202f–-])")


def first_of_month(text: str) -> str:
    """French writes the first day of a month as an ordinal: 1er mai 2011, 1er–3 juil. 2014."""
    return _FIRST_DAY.sub("1er", text)


def sort_key(text: str) -> str:
    """Alphabetical order for names in de, en and fr: accents and case do not count (Ä with A)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def listing(items: Iterable[str], lang: str) -> str:
    return format_list(list(items), locale=LOCALES[lang])


def state(code: str, lang: str) -> str:
    """Name of a German state (ISO 3166-2 code) in `lang`, from the checked table in names.py."""
    return names.state(code, lang)


def day_of(timestamp: str, lang: str) -> str:
    """The day of an ISO time (a git commit's, 2026-12-04T16:11:19+00:00) in `lang`: 4. Dezember 2026."""
    day = datetime.date.fromisoformat(timestamp[:10])
    return date(PartialDate(day.year, day.month, day.day), lang)
