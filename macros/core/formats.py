"""Numbers, dates, country and state names in the page's language, from CLDR (Babel) and ISO (pycountry) data."""

from __future__ import annotations

import datetime
import gettext
import unicodedata
from functools import lru_cache
from typing import Iterable

import pycountry

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal

from .types import PartialDate

#: Babel locale per site language (British conventions for English dates).
LOCALES = {"de": "de_DE", "en": "en_GB", "fr": "fr_FR"}


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def country(code: str, lang: str) -> str:
    return _locale(lang).territories[code]


def number(value: int, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[lang])


def date(value: PartialDate, lang: str) -> str:
    if value.month is None:
        return str(value.year)
    day = datetime.date(value.year, value.month, value.day or 1)
    if value.day is None:
        return format_skeleton("yMMMM", day, locale=LOCALES[lang])
    return format_date(day, format="long", locale=LOCALES[lang])


def sort_key(text: str) -> str:
    """Alphabetical order for names in de, en and fr: accents and case do not count (Ä with A)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def listing(items: Iterable[str], lang: str) -> str:
    return format_list(list(items), locale=LOCALES[lang])


@lru_cache(maxsize=None)
def _subdivision_names(lang: str):
    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    return translation.gettext


def state(code: str, lang: str) -> str:
    """Name of a German state (ISO 3166-2) in `lang`, from the ISO data shipped with pycountry."""
    return _subdivision_names(lang)(pycountry.subdivisions.get(code=code).name)
