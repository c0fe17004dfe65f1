"""Value types of the records, each with a message for editors and a JSON Schema.

Every type is an `Annotated` alias: a before-validator that turns the raw YAML value into
the typed value or raises `problem(msg(...))` with a catalogue message an editor can act
on (macros/core/checking/messages.py), and the JSON Schema that editors' tools use for completion
and inline errors. A message names the value the editor wrote (`describe`), never in
Python syntax. The length limits of texts are named constants below (MAX_NAME, MAX_TITLE,
MAX_TEXT), stated in the messages and the schemas.
"""

from __future__ import annotations

import datetime
import functools
import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

import pycountry
from babel import Locale
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import hints
from .langs import DEFAULT_LANGUAGE, LANGUAGES
from ..checking.messages import Msg, msg
from ..checking.problems import allowed, did_you_mean

RECORD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
PHONE = re.compile(r"^\+[0-9][0-9 ()/-]{5,}$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
COUNTRIES = frozenset(c for c in Locale("en").territories if len(c) == 2 and c.isalpha() and c != "ZZ")
GERMAN_STATES = frozenset(s.code for s in pycountry.subdivisions.get(country_code="DE"))
ONE_LINE = r"^[^\n]*$"

#: Longest name (of a municipality, an organisation, a person, a place), in characters.
#: The longest real one has 68 (an organisation); names of places are much shorter.
#: Sites that republish other people's documents: never a source or link of this site (the
#: programme links its own publications, or the publisher's page).
COPY_SITE_HOSTS = frozenset({
    "readkong.com", "yumpu.com", "docslib.org", "fdokument.com", "fdocuments.fr", "fdocuments.in", "fdocuments.net",
    "pdfslide.org", "pdfslide.net", "vdocuments.mx", "vdocuments.net", "vdokumente.com", "dokumen.pub", "dokumen.tips",
    "documents.pub", "silo.tips", "studylib.net", "studylib.de", "docplayer.org", "docplayer.net", "docplayer.fr",
    "kipdf.com",
})


def copy_site_host(address: str) -> str | None:
    """The copy site an address is on (readkong.com for de.readkong.com), or None."""
    host = (urlsplit(address).hostname or "").lower()
    return next((known for known in COPY_SITE_HOSTS if host == known or host.endswith("." + known)), None)


MAX_NAME = 120
#: Longest title (of a measure, an event, an edition, a source) or other one-line text.
#: The longest real one has 196 (a measure's title).
MAX_TITLE = 300
#: Longest note, description or account of a conflict. The longest real one has 697.
MAX_TEXT = 2_000
#: A longer value is described by its length in a message, not shown.
SHOWN_LENGTH = 80


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; a less precise date sorts first."""

    year: int
    month: int | None = None
    day: int | None = None

    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self.key() < other.key()

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n]
        return "-".join(parts)

    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        if self.day:
            return self.first_day()
        if self.month:
            following = datetime.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - datetime.timedelta(days=1)
        return datetime.date(self.year, 12, 31)


def problem(message: Msg, sub: str | None = None) -> PydanticCustomError:
    """An editor's message (from the catalogue); `sub` names a part of the value (a language key, say)."""
    return PydanticCustomError("kkp", "{message}", {"message": message, "sub": sub})


def describe(value: Any) -> Msg:
    """The value an editor wrote, in words: never Python syntax, never a whole long text."""
    if value is None:
        return msg("value.nothing")
    if isinstance(value, bool):
        return msg("value.quoted", value=str(value).lower())
    if isinstance(value, dict):
        return msg("value.group")
    if isinstance(value, list):
        return msg("value.list")
    if isinstance(value, datetime.date):
        return msg("value.quoted", value=value.isoformat())
    text = str(value)
    if len(text) > SHOWN_LENGTH:
        return msg("value.long", length=len(text))
    return msg("value.quoted", value=text)


def _nonempty(value: Any, sub: str | None = None, limit: int = MAX_TITLE, one_line: bool = True) -> str:
    if not isinstance(value, str) or not value.strip():
        raise problem(msg("text.expected", value=describe(value)), sub)
    value = value.strip()
    if one_line and "\n" in value:
        raise problem(msg("text.one_line"), sub)
    if len(value) > limit:
        raise problem(msg("text.too_long", length=len(value), limit=limit), sub)
    return value


def _text(required: tuple[str, ...], limit: int, one_line: bool, plain_is_german: bool = False):
    def check(value: Any):
        if isinstance(value, str):
            text = _nonempty(value, None, limit, one_line)
            return {DEFAULT_LANGUAGE: text} if plain_is_german else text
        if not isinstance(value, dict):
            raise problem(msg("text.expected_languages", languages=", ".join(LANGUAGES), value=describe(value)))
        for key in value:
            if key not in LANGUAGES:
                raise problem(msg("text.unknown_language", language=str(key), hint=did_you_mean(str(key), LANGUAGES),
                                  allowed=", ".join(LANGUAGES)), key)
        missing = [lang for lang in required if lang not in value]
        if missing:
            if missing == [DEFAULT_LANGUAGE]:
                raise problem(msg("text.german_required"), DEFAULT_LANGUAGE)
            raise problem(msg("text.translation_missing", languages=", ".join(required)), missing[0])
        return {lang: _nonempty(value[lang], lang, limit, one_line) for lang in LANGUAGES if lang in value}

    return check


def _string_schema(limit: int, one_line: bool) -> dict:
    schema = {"type": "string", "minLength": 1, "maxLength": limit}
    return {**schema, "pattern": ONE_LINE} if one_line else schema


def _text_schema(required: tuple[str, ...], limit: int, one_line: bool, description: str) -> dict:
    per_language = {
        "type": "object",
        "properties": {lang: _string_schema(limit, one_line) for lang in LANGUAGES},
        "required": list(required),
        "additionalProperties": False,
    }
    options = [per_language] if len(required) == len(LANGUAGES) else [_string_schema(limit, one_line), per_language]
    return {"anyOf": options, "description": description} if len(options) > 1 else {**per_language, "description": description}


@dataclass(frozen=True)
class GermanIfPlain:
    """Marker in a text type's metadata: a plain string is German text, not a name."""


def text_type(limit: int, one_line: bool, every_language: bool = False, plain_is_german: bool = False):
    """A text readers see: one string (the same in every language) or {de, en?, fr?}.

    With `plain_is_german` (titles, notes), a plain string is German text like `de:`: it is
    marked as German on English and French pages and listed by `make translations`; without
    it (names), a plain string is a proper name, the same in every language.

    With `every_language`, de, en and fr are all required. A one-line text (a name, a
    title) has no line break; a long text may have paragraphs (blank lines).
    """
    required = LANGUAGES if every_language else (DEFAULT_LANGUAGE,)
    what = "one line" if one_line else "paragraphs allowed"
    if every_language:
        description = f"A text in German, English and French (all three required); at most {limit:,} characters, {what}."
    else:
        description = (f"A text: one string for all languages, or de (required), en and fr; a missing en or fr is shown "
                       f"in German with a note. At most {limit:,} characters, {what}.")
    if plain_is_german:
        description = description.replace("one string for all languages", "one string (German)")
    annotation = dict if every_language else dict | str
    marker = (GermanIfPlain(),) if plain_is_german else ()
    return Annotated[annotation, BeforeValidator(_text(required, limit, one_line, plain_is_german)),
                     WithJsonSchema(_text_schema(required, limit, one_line, description)), *marker]


#: A name (of a municipality, an organisation, a person, a place): one line.
Name = text_type(MAX_NAME, one_line=True)
FullName = text_type(MAX_NAME, one_line=True, every_language=True)
#: A title (of a measure, an event, an edition) or another short text: one line.
Title = text_type(MAX_TITLE, one_line=True, plain_is_german=True)
FullTitle = text_type(MAX_TITLE, one_line=True, every_language=True)
#: A note, a description, a conflict between sources: paragraphs allowed.
LongText = text_type(MAX_TEXT, one_line=False, plain_is_german=True)


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = PARTIAL_DATE.match(text)
    if not match:
        meant = hints.iso_date(text) if text else None
        hint = msg("hint.did_you_mean", word=meant) if meant else None
        raise problem(msg("date.format", value=describe(value), hint=hint))
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise problem(msg("date.not_real", date=text)) from None
    return PartialDate(year, month, day)


Date = Annotated[PartialDate, BeforeValidator(_partial_date), WithJsonSchema({
    "type": ["string", "integer"], "pattern": PARTIAL_DATE.pattern,
    "description": "A date known to the year, month or day: 2011, \"2011-11\" or \"2011-11-14\" (write it in quotes)."})]


def _country(value: Any) -> str:
    if isinstance(value, str) and value in COUNTRIES:
        return value
    hint = msg("hint.capitals") if isinstance(value, str) and value.upper() in COUNTRIES else None
    named = hints.country_code(value) if isinstance(value, str) and hint is None else None
    hint = msg("hint.did_you_mean", word=named) if named else hint
    raise problem(msg("country.unknown", value=describe(value), hint=hint))


Country = Annotated[str, BeforeValidator(_country), WithJsonSchema({
    "type": "string", "enum": sorted(COUNTRIES), "description": "ISO 3166-1 alpha-2 country code, e.g. DE, GH, TZ."})]


def _state(value: Any) -> str:
    if isinstance(value, str) and value in GERMAN_STATES:
        return value
    named = hints.state_code(value) if isinstance(value, str) else None
    hint = msg("hint.did_you_mean", word=named) if named else None
    raise problem(msg("state.unknown", value=describe(value), hint=hint, allowed=allowed(GERMAN_STATES)))


GermanState = Annotated[str, BeforeValidator(_state), WithJsonSchema({
    "type": "string", "enum": sorted(GERMAN_STATES), "description": "ISO 3166-2 code of the German state (Land), e.g. DE-NW."})]


def _pattern(regex: re.Pattern, message: str):
    def check(value: Any) -> str:
        if isinstance(value, str) and regex.match(value.strip()):
            return value.strip()
        raise problem(msg(message, value=describe(value)))

    return check


def _url(value: Any) -> str:
    if isinstance(value, str) and URL.match(value.strip()):
        return value.strip()
    if isinstance(value, dict) and "url" in value:
        raise problem(msg("url.group"))
    if isinstance(value, str) and re.search(r"\s", value.strip()):
        raise problem(msg("url.space", value=describe(value.strip())))
    raise problem(msg("url.invalid", value=describe(value)))


Url = Annotated[str, BeforeValidator(_url),
                WithJsonSchema({"type": "string", "pattern": URL.pattern, "description": "A web address (http:// or https://)."})]
Email = Annotated[str, BeforeValidator(_pattern(EMAIL, "email.invalid")),
                  WithJsonSchema({"type": "string", "pattern": EMAIL.pattern})]
Phone = Annotated[str, BeforeValidator(_pattern(PHONE, "phone.invalid")),
                  WithJsonSchema({"type": "string", "pattern": PHONE.pattern})]


def whole_number(low: int, high: int | None = None):
    """A whole number from `low` to `high`, or from `low` up when there is no upper limit."""
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            if high is None:
                raise problem(msg("number.whole_from", low=low, value=describe(value)))
            raise problem(msg("number.whole", low=low, high=high, value=describe(value)))
        return value

    schema = {"type": "integer", "minimum": low, **({"maximum": high} if high is not None else {})}
    return Annotated[int, BeforeValidator(check), WithJsonSchema(schema)]


def number_between(low: float, high: float, message: str):
    """A number from `low` to `high`; `message` is the catalogue id (number.latitude, say)."""
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise problem(msg(message, low=float(low), high=float(high), value=describe(value)))
        return float(value)

    return Annotated[float, BeforeValidator(check), WithJsonSchema({"type": "number", "minimum": low, "maximum": high})]


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise problem(msg("bool.expected", value=describe(value)))
    return value


Bool = Annotated[bool, BeforeValidator(_boolean), WithJsonSchema({"type": "boolean"})]
#: One line of plain text (a source's title, an address, an author), the same in every language.
Line = Annotated[str, BeforeValidator(_nonempty), WithJsonSchema(_string_schema(MAX_TITLE, True))]
#: A plain name (of a person, a short name), the same in every language.
PlainName = Annotated[str, BeforeValidator(lambda value: _nonempty(value, None, MAX_NAME)),
                      WithJsonSchema(_string_schema(MAX_NAME, True))]


def vocabulary(enum: type[Enum], description: str):
    """A closed list of words, e.g. the kinds of municipality."""
    names = [member.value for member in enum]

    def check(value: Any):
        if value in names:
            return enum(value)
        hint = did_you_mean(value, names) if isinstance(value, str) else None
        raise problem(msg("vocabulary.unknown", value=describe(value), hint=hint, allowed=allowed(names)))

    return Annotated[enum, BeforeValidator(check), WithJsonSchema({"type": "string", "enum": names, "description": description})]


@dataclass(frozen=True)
class RefTo:
    """Marker in a field's metadata: the value is the id of a record in `collection`."""

    collection: str
    words: tuple[str, ...] = ()  # allowed values that are not ids, e.g. "unknown"


def ref(collection: str, *words: str):
    """The id of a record in data/<collection>/; `words` are other values allowed (e.g. unknown)."""
    also = None
    for word in reversed(words):
        also = msg("or.word", word=word, more=also)

    def check(value: Any) -> str:
        if isinstance(value, str) and (value in words or RECORD_ID.match(value)):
            return value
        raise problem(msg("ref.expected", collection=collection, also=also, value=describe(value)))

    or_words = "".join(f" or {word}" for word in words)
    schema = {"type": "string", "pattern": RECORD_ID.pattern, "description": f"Id of a record in data/{collection}/ (file name without .yml){or_words}."}
    return Annotated[str, BeforeValidator(check), RefTo(collection, words), WithJsonSchema(schema)]
