"""The partnership record: two municipalities, their relationship and their joint work."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from .fields import PartialDate, Reader
from .langs import Text


class Relationship(str, Enum):
    TWINNING = "twinning"  # Städtepartnerschaft
    THEMATIC = "thematic"  # Themenpartnerschaft
    PROJECT = "project"  # Projektpartnerschaft


class Kind(str, Enum):
    CITY = "city"
    DISTRICT = "district"
    MUNICIPALITY = "municipality"
    DISTRICT_AND_TOWN = "district_and_town"


class Area(str, Enum):
    MITIGATION = "mitigation"
    ADAPTATION = "adaptation"
    OTHER = "other"


class Status(str, Enum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    STUDIED = "studied"
    UNKNOWN = "unknown"


MAX_PHASE = 20


@dataclass(frozen=True)
class Population:
    value: int
    approximate: bool
    source: str
    note: Text | None


@dataclass(frozen=True)
class Municipality:
    name: Text
    official_name: Text | None
    kind: Kind
    country: str
    region: Text | None
    population: tuple[Population, ...]


@dataclass(frozen=True)
class Measure:
    area: Area
    title: Text
    status: Status
    year: PartialDate | None


@dataclass(frozen=True)
class Source:
    url: str
    title: str | None


@dataclass(frozen=True)
class Partnership:
    id: str
    path: str
    phase: int
    relationship: Relationship
    relationship_since: PartialDate | None
    climate_partnership_since: PartialDate
    german: Municipality
    partner: Municipality
    relationship_note: Text | None
    focus: dict[Area, Text]
    measures: tuple[Measure, ...]
    conflicts: tuple[Text, ...]
    sources: tuple[Source, ...]


REQUIRED = {"phase", "relationship", "climate_partnership_since", "german", "partner", "sources"}
OPTIONAL = {"relationship_since", "relationship_note", "focus", "measures", "conflicts"}


def read_partnership(record_id: str, data: Any, reader: Reader) -> Partnership | None:
    """Build a `Partnership` from parsed YAML, or return None after reporting problems."""
    if reader.mapping(data, 1, "", REQUIRED, OPTIONAL) is None:
        return None
    before = len(reader.problems)
    at = lambda key: reader.line(data, key)  # noqa: E731 - short local helper

    def field(key, read, *args):
        """Read `key` if present; a missing required key is already reported."""
        return read(data[key], at(key), key, *args) if key in data else None

    def each(key, read):
        items = reader.items(data[key], at(key), key) if key in data else []
        return tuple(read(item, line, name, reader) for item, line, name in items)

    value = dict(
        id=record_id,
        path=reader.path,
        phase=field("phase", reader.integer, 1, MAX_PHASE),
        relationship=field("relationship", reader.choice, Relationship),
        relationship_since=field("relationship_since", reader.partial_date),
        climate_partnership_since=field("climate_partnership_since", reader.partial_date),
        german=field("german", lambda v, line, name: _municipality(v, line, name, reader)),
        partner=field("partner", lambda v, line, name: _municipality(v, line, name, reader)),
        relationship_note=field("relationship_note", reader.text),
        focus=_focus(data["focus"], at("focus"), reader) if "focus" in data else {},
        measures=each("measures", _measure),
        conflicts=each("conflicts", lambda v, line, name, r: r.text(v, line, name)),
        sources=each("sources", _source),
    )
    if "sources" in data and not data["sources"]:
        reader.problem(at("sources"), "sources", "name at least one source")
    if len(reader.problems) > before or any(v is None for k, v in value.items() if k in REQUIRED):
        return None
    return Partnership(**value)


def _municipality(data: Any, line: int, field: str, reader: Reader) -> Municipality | None:
    required, optional = {"name", "kind", "country"}, {"official_name", "region", "population"}
    if reader.mapping(data, line, field, required, optional) is None:
        return None
    at = lambda key: reader.line(data, key)  # noqa: E731
    population = tuple(
        _population(item, item_line, item_field, reader)
        for item, item_line, item_field in reader.items(data.get("population", []), at("population"), f"{field}.population")
    )
    return Municipality(
        name=reader.text(data.get("name"), at("name"), f"{field}.name"),
        official_name=reader.text(data["official_name"], at("official_name"), f"{field}.official_name") if "official_name" in data else None,
        kind=reader.choice(data.get("kind"), at("kind"), f"{field}.kind", Kind),
        country=reader.country(data.get("country"), at("country"), f"{field}.country"),
        region=reader.text(data["region"], at("region"), f"{field}.region") if "region" in data else None,
        population=population,
    )


def _population(data: Any, line: int, field: str, reader: Reader) -> Population | None:
    if reader.mapping(data, line, field, {"value", "source"}, {"approximate", "note"}) is None:
        return None
    at = lambda key: reader.line(data, key)  # noqa: E731
    return Population(
        value=reader.integer(data.get("value"), at("value"), f"{field}.value", 1, 100_000_000),
        approximate=reader.boolean(data.get("approximate", False), at("approximate"), f"{field}.approximate"),
        source=reader.url(data.get("source"), at("source"), f"{field}.source"),
        note=reader.text(data["note"], at("note"), f"{field}.note") if "note" in data else None,
    )


def _focus(data: Any, line: int, reader: Reader) -> dict[Area, Text]:
    names = {area.value for area in Area}
    if reader.mapping(data, line, "focus", set(), names) is None:
        return {}
    return {
        Area(key): reader.text(data[key], reader.line(data, key), f"focus.{key}")
        for key in sorted(names & set(data), key=[a.value for a in Area].index)
    }


def _measure(data: Any, line: int, field: str, reader: Reader) -> Measure | None:
    if reader.mapping(data, line, field, {"area", "title", "status"}, {"year"}) is None:
        return None
    at = lambda key: reader.line(data, key)  # noqa: E731
    return Measure(
        area=reader.choice(data.get("area"), at("area"), f"{field}.area", Area),
        title=reader.text(data.get("title"), at("title"), f"{field}.title"),
        status=reader.choice(data.get("status"), at("status"), f"{field}.status", Status),
        year=reader.partial_date(data["year"], at("year"), f"{field}.year") if "year" in data else None,
    )


def _source(data: Any, line: int, field: str, reader: Reader) -> Source | None:
    if reader.mapping(data, line, field, {"url"}, {"title"}) is None:
        return None
    return Source(
        url=reader.url(data.get("url"), reader.line(data, "url"), f"{field}.url"),
        title=reader.nonempty(data["title"], reader.line(data, "title"), f"{field}.title") if "title" in data else None,
    )
