""""Did you mean" for values written the way people say them, not the way the data wants them.

An editor writes what the source says: a country's name ("Ghana", "Tansania", "Tanzanie")
instead of its code, a German date (01.03.2025, "März 2025") instead of 2025-03-01, a
state's name ("Bayern", "Bavaria") instead of DE-BY. Each function here returns the value
the data expects, or None; the types (macros/core/records/types.py) put it into their
message as "(meinten Sie 'GH'?)".

Country names come from CLDR (Babel) in German, English and French; state names from
ISO 3166-2 (pycountry) in German and French, with the English names and the usual short
forms below, since pycountry's English translation names only Bavaria.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import re
import unicodedata

import pycountry
from babel import Locale

NAME_LANGUAGES = ("de", "en", "fr")  # the languages of the site, and of the names editors meet
GERMANY = "DE"

#: English names of the German states (ISO 3166-2:DE code -> names) and the short forms
#: people write; pycountry gives the German and French names.
STATE_NAMES_EN = {
    "DE-BW": ("Baden-Wuerttemberg", "BW"),
    "DE-BY": ("Bavaria",),
    "DE-HE": ("Hesse",),
    "DE-MV": ("Mecklenburg-Western Pomerania", "Mecklenburg-West Pomerania", "MV"),
    "DE-NI": ("Lower Saxony",),
    "DE-NW": ("North Rhine-Westphalia", "NRW"),
    "DE-RP": ("Rhineland-Palatinate", "RLP"),
    "DE-SN": ("Saxony",),
    "DE-ST": ("Saxony-Anhalt",),
    "DE-TH": ("Thuringia",),
}

#: 01.03.2025, 1.3.2025 (day, month, year) and 03.2025, 3/2025 (month, year)
DOTTED_DAY = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
DOTTED_MONTH = re.compile(r"^(\d{1,2})[./](\d{4})$")
#: "1. März 2025", "März 2025", "1 mars 2025", "March 2025"
WORDED = re.compile(r"^(?:(\d{1,2})\.?\s+)?([^\W\d_]+)\.?\s+(\d{4})$")


def _key(text: str) -> str:
    """A name as compared: case, accents, hyphens and spaces do not count."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐–.'’]+", "", plain.replace("ß", "ss"))


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for lang in NAME_LANGUAGES:
        for code, name in Locale(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code != "ZZ":
                names.setdefault(_key(name), code)
    return names


def country_code(value: str) -> str | None:
    """GH for "Ghana", TZ for "Tansania" or "Tanzanie"; None for anything else."""
    return _country_names().get(_key(value))


@functools.cache
def _state_names() -> dict[str, str]:
    names: dict[str, str] = {}
    states = list(pycountry.subdivisions.get(country_code=GERMANY))
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    for state in states:
        for name in (state.name, french.gettext(state.name), *STATE_NAMES_EN.get(state.code, ())):
            names.setdefault(_key(name), state.code)
    return names


def state_code(value: str) -> str | None:
    """DE-BY for "Bayern", "Bavaria" or "Bavière", DE-NW for "NRW"; None for anything else."""
    return _state_names().get(_key(value))


@functools.cache
def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for lang in NAME_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in Locale(lang).months["format"][width].items():
                months.setdefault(_key(name), number)
    return months


def iso_date(value: str) -> str | None:
    """2025-03-01 for 01.03.2025 or "1. März 2025", 2025-03 for "März 2025" or 03.2025; None
    for anything else, and for a date that does not exist."""
    text = value.strip()
    day = month = None
    if found := DOTTED_DAY.match(text):
        day, month, year = (int(part) for part in found.groups())
    elif found := DOTTED_MONTH.match(text):
        month, year = int(found.group(1)), int(found.group(2))
    elif found := WORDED.match(text):
        month = _months().get(_key(found.group(2)))
        if month is None:
            return None
        day, year = (int(found.group(1)) if found.group(1) else None), int(found.group(3))
    else:
        return None
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
