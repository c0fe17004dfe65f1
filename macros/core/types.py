"""Value types of the records, each with a message for editors and a JSON Schema.

Every type is an `Annotated` alias: a before-validator that turns the raw YAML value into
the typed value or raises `problem(...)` with a sentence an editor can act on, and the
JSON Schema that editors' tools use for completion and inline errors.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

import pycountry
from babel import Locale
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .langs import DEFAULT_LANGUAGE, LANGUAGES
from .problems import allowed, did_you_mean

RECORD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
PHONE = re.compile(r"^\+[0-9][0-9 ()/-]{5,}$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
COUNTRIES = frozenset(c for c in Locale("en").territories if len(c) == 2 and c.isalpha() and c != "ZZ")
GERMAN_STATES = frozenset(s.code for s in pycountry.subdivisions.get(country_code="DE"))


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


def problem(message: str, sub: str | None = None) -> PydanticCustomError:
    """An editor's message; `sub` names a part of the value (a language key, say)."""
    return PydanticCustomError("kkp", "{message}", {"message": message, "sub": sub})


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _nonempty(value: Any, sub: str | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise problem(f"expected a non-empty text, got {describe(value)}", sub)
    return value.strip()


def _text(required: tuple[str, ...]):
    def check(value: Any):
        if isinstance(value, str):
            return _nonempty(value)
        if not isinstance(value, dict):
            raise problem(f"expected a text, or one text per language ({', '.join(LANGUAGES)}), got {describe(value)}")
        for key in value:
            if key not in LANGUAGES:
                raise problem(f"unknown language '{key}'{did_you_mean(str(key), LANGUAGES)}; allowed: {', '.join(LANGUAGES)}", key)
        missing = [lang for lang in required if lang not in value]
        if missing:
            if missing == [DEFAULT_LANGUAGE]:
                raise problem("the German text (de:) is required", DEFAULT_LANGUAGE)
            raise problem(f"translation missing: this text must be given in {', '.join(required)}", missing[0])
        return {lang: _nonempty(value[lang], lang) for lang in LANGUAGES if lang in value}

    return check


def _text_schema(required: tuple[str, ...], description: str) -> dict:
    per_language = {
        "type": "object",
        "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
        "required": list(required),
        "additionalProperties": False,
    }
    options = [per_language] if len(required) == len(LANGUAGES) else [{"type": "string", "minLength": 1}, per_language]
    return {"anyOf": options, "description": description} if len(options) > 1 else {**per_language, "description": description}


#: A text readers see: a plain string (a name, the same in every language) or {de, en?, fr?}.
Text = Annotated[dict | str, BeforeValidator(_text((DEFAULT_LANGUAGE,))), WithJsonSchema(
    _text_schema((DEFAULT_LANGUAGE,), "A text: one string for all languages, or de (required), en and fr; a missing en or fr is shown in German with a note."))]
#: A text that must exist in every language of the site.
FullText = Annotated[dict, BeforeValidator(_text(LANGUAGES)), WithJsonSchema(
    _text_schema(LANGUAGES, "A text in German, English and French (all three required)."))]


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = PARTIAL_DATE.match(text)
    if not match:
        raise problem(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {describe(value)}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise problem(f"'{text}' is not a real date") from None
    return PartialDate(year, month, day)


Date = Annotated[PartialDate, BeforeValidator(_partial_date), WithJsonSchema({
    "type": ["string", "integer"], "pattern": PARTIAL_DATE.pattern,
    "description": "A date known to the year, month or day: 2011, \"2011-11\" or \"2011-11-14\" (write it in quotes)."})]


def _country(value: Any) -> str:
    if isinstance(value, str) and value in COUNTRIES:
        return value
    hint = " (use capital letters)" if isinstance(value, str) and value.upper() in COUNTRIES else ""
    raise problem(f"'{value}' is not an ISO 3166-1 alpha-2 country code such as DE, GH, TZ{hint}")


Country = Annotated[str, BeforeValidator(_country), WithJsonSchema({
    "type": "string", "enum": sorted(COUNTRIES), "description": "ISO 3166-1 alpha-2 country code, e.g. DE, GH, TZ."})]


def _state(value: Any) -> str:
    if isinstance(value, str) and value in GERMAN_STATES:
        return value
    raise problem(f"'{value}' is not a German state code; allowed: {allowed(GERMAN_STATES)}")


GermanState = Annotated[str, BeforeValidator(_state), WithJsonSchema({
    "type": "string", "enum": sorted(GERMAN_STATES), "description": "ISO 3166-2 code of the German state (Land), e.g. DE-NW."})]


def _pattern(regex: re.Pattern, what: str):
    def check(value: Any) -> str:
        if isinstance(value, str) and regex.match(value.strip()):
            return value.strip()
        raise problem(f"'{value}' is not {what}")

    return check


Url = Annotated[str, BeforeValidator(_pattern(URL, "a web address starting with http:// or https://")),
                WithJsonSchema({"type": "string", "pattern": URL.pattern, "description": "A web address (http:// or https://)."})]
Email = Annotated[str, BeforeValidator(_pattern(EMAIL, "an e-mail address such as name@example.org")),
                  WithJsonSchema({"type": "string", "pattern": EMAIL.pattern})]
Phone = Annotated[str, BeforeValidator(_pattern(PHONE, "a phone number in international form such as +49 228 20717-338")),
                  WithJsonSchema({"type": "string", "pattern": PHONE.pattern})]


def whole_number(low: int, high: int):
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise problem(f"expected a whole number from {low} to {high}, got {describe(value)}")
        return value

    return Annotated[int, BeforeValidator(check), WithJsonSchema({"type": "integer", "minimum": low, "maximum": high})]


def number_between(low: float, high: float, what: str):
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise problem(f"expected {what} from {low:g} to {high:g}, got {describe(value)}")
        return float(value)

    return Annotated[float, BeforeValidator(check), WithJsonSchema({"type": "number", "minimum": low, "maximum": high})]


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise problem(f"expected true or false, got {describe(value)}")
    return value


Bool = Annotated[bool, BeforeValidator(_boolean), WithJsonSchema({"type": "boolean"})]
NonEmpty = Annotated[str, BeforeValidator(_nonempty), WithJsonSchema({"type": "string", "minLength": 1})]


def vocabulary(enum: type[Enum], description: str):
    """A closed list of words, e.g. the kinds of municipality."""
    names = [member.value for member in enum]

    def check(value: Any):
        if value in names:
            return enum(value)
        hint = did_you_mean(str(value), names) if isinstance(value, str) else ""
        raise problem(f"'{value}' is not allowed{hint}; allowed: {allowed(names)}")

    return Annotated[enum, BeforeValidator(check), WithJsonSchema({"type": "string", "enum": names, "description": description})]


@dataclass(frozen=True)
class RefTo:
    """Marker in a field's metadata: the value is the id of a record in `collection`."""

    collection: str
    words: tuple[str, ...] = ()  # allowed values that are not ids, e.g. "unknown"


def ref(collection: str, *words: str):
    """The id of a record in data/<collection>/; `words` are other values allowed (e.g. unknown)."""
    also = "".join(f" or {word}" for word in words)

    def check(value: Any) -> str:
        if isinstance(value, str) and (value in words or RECORD_ID.match(value)):
            return value
        raise problem(f"expected the id of a record in data/{collection}/ (its file name without .yml){also}, got {describe(value)}")

    schema = {"type": "string", "pattern": RECORD_ID.pattern, "description": f"Id of a record in data/{collection}/ (file name without .yml){also}."}
    return Annotated[str, BeforeValidator(check), RefTo(collection, words), WithJsonSchema(schema)]
