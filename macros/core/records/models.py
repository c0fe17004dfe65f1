"""The record types of the site: one YAML file per record under data/<collection>/.

Typed models that reject unknown keys; closed vocabularies are enums; references to
other records carry a `RefTo` marker and are checked across files after loading
(macros/core/checking/rules.py). Names and titles are one line; notes and descriptions may have
paragraphs; the limits are named in macros/core/records/types.py (MAX_NAME, MAX_TITLE, MAX_TEXT).
Phase numbers have no upper limit: the programme goes on.
The JSON Schemas for editors (schemas/*.json) are generated from these models.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..checking.messages import msg
from .types import (
    Bool, Country, Date, Email, FullName, FullTitle, GermanState, Line, LongText, Name, Phone, PlainName, Title, Url,
    copy_site_host, number_between, problem, ref, vocabulary, whole_number,
)


class Record(BaseModel):
    """Common to every model: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Language(str, Enum):
    DE = "de"
    EN = "en"
    FR = "fr"
    ES = "es"


class Source(Record):
    """Where a fact comes from: a web page, a publication of this site (with its page), or the
    programme's flyer."""

    url: Url | None = Field(None, description="Address of the source page.")
    publication: ref("publications") | None = Field(None, description="Id of a publication of this site (data/publications/).")
    page: whole_number(1, 2000) | None = Field(None, description="Page of the publication, as printed.")
    title: Line | None = Field(None, description="Title of the source, if helpful.")
    language: vocabulary(Language, "Language of the title; German if not given.") | None = None
    flyer: Bool = Field(False, description="true if the source is the programme's flyer.")

    @model_validator(mode="after")
    def _one_kind(self):
        if [self.url is not None, self.publication is not None, bool(self.flyer)].count(True) != 1:
            raise problem(msg("source.one_kind"))
        if self.page is not None and self.publication is None:
            raise problem(msg("source.page_without_publication"), "page")
        return self


Sources = Annotated[list[Source], Field(min_length=1, description="At least one source for the record's facts.")]


class Conflict(Record):
    """Where sources disagree: which field, and what each source says."""

    about: Line = Field(description="The field the disagreement concerns, e.g. climate_partnership_since.")
    text: LongText = Field(description="What the sources say, naming them.")


class Kind(str, Enum):
    CITY = "city"
    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    CITY_DISTRICT = "city_district"
    MUNICIPAL_ASSOCIATION = "municipal_association"
    DISTRICT_AND_TOWN = "district_and_town"
    COUNTY = "county"
    DEPARTMENT = "department"
    MUNICIPAL_ASSEMBLY = "municipal_assembly"


class Relationship(str, Enum):
    TWINNING = "twinning"
    THEMATIC = "thematic"
    PROJECT = "project"
    MUNICIPAL = "municipal"


class Area(str, Enum):
    """What a measure is for (the rule is in CONTRIBUTING.md): lowering emissions, coping with
    the effects of climate change, both by its stated aims, or neither directly."""

    MITIGATION = "mitigation"
    ADAPTATION = "adaptation"
    BOTH = "both"
    OTHER = "other"


class Status(str, Enum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    STUDIED = "studied"
    UNKNOWN = "unknown"


class PhaseBasis(str, Enum):
    STATED = "stated"
    PROBABLE = "probable"
    INFERRED = "inferred"


class Population(Record):
    value: whole_number(1, 100_000_000)
    year: Date | None = Field(None, description="The year (or date) the figure refers to.")
    approximate: Bool = False
    source: Source
    note: LongText | None = None


class Coordinates(Record):
    """WGS 84 position of the town hall or centre, with its source."""

    lat: number_between(-90, 90, "number.latitude")
    lon: number_between(-180, 180, "number.longitude")
    source: Source


class Seat(Record):
    """The administrative seat of a municipality that is an area (district, county, assembly):
    the maps draw the area there."""

    name: Name
    coordinates: Coordinates


class Municipality(Record):
    name: Name
    official_name: Name | None = None
    kind: vocabulary(Kind, "Kind of municipality.")
    country: Country
    state: GermanState | None = Field(None, description="German state (only for municipalities in Germany).")
    region: Name | None = None
    population: list[Population] = []
    coordinates: Coordinates | None = None
    seat: Seat | None = Field(None, description="Administrative seat of an area, with coordinates and source.")

    @property
    def position(self) -> Coordinates | None:
        """Where the maps draw it: its own coordinates, else its seat's."""
        return self.coordinates or (self.seat.coordinates if self.seat else None)

    @model_validator(mode="after")
    def _state_only_in_germany(self):
        if self.state and self.country != "DE":
            raise problem(msg("state.only_germany"), "state")
        return self


class Measure(Record):
    area: vocabulary(Area, "Climate change mitigation, adaptation, both, or other.")
    title: Title
    status: vocabulary(Status, "How far the measure has come, as the sources say.")
    year: Date | None = None
    result: LongText | None = Field(None, description="What came of it, with numbers where a source gives them.")
    source: Source | None = Field(None, description="Where the measure is described.")


class Programme(Record):
    """The joint programme of action (Handlungsprogramm) of a partnership."""

    year: Date | None = Field(None, description="Year the programme was adopted or presented.")
    text: LongText = Field(description="Its main goals and fields of action.")
    source: Source | None = None


class Milestone(Record):
    """A step in the partnership's history: a visit, a workshop, a signature, an award."""

    date: Date = Field(description="When it happened (year, month or day).")
    text: LongText = Field(description="What happened, in one or two sentences.")
    source: Source | None = None


class MoreLink(Record):
    """A municipality's own page about the partnership, with a label in every language."""

    url: Url
    title: FullTitle


class Focus(Record):
    mitigation: LongText | None = None
    adaptation: LongText | None = None
    other: LongText | None = None


class Partnership(Record):
    """A climate partnership between a German municipality and a partner municipality."""

    phase: ref("phases", "unknown") = Field(description="Id of the project phase (e.g. phase-1), or unknown.")
    phase_basis: vocabulary(PhaseBasis, "Is the phase stated by a source, probable, or inferred?") = PhaseBasis.STATED
    relationship: vocabulary(Relationship, "Twinning, thematic, project or (formal) municipal partnership.") | None = None
    relationship_since: Date | None = None
    climate_partnership_since: Date | None = None
    german: Municipality
    partner: Municipality
    lead: LongText | None = Field(None, description="Two to four sentences: who, since when, what they work on together.")
    relationship_note: LongText | None = None
    programme: Programme | None = None
    focus: Focus = Focus()
    measures: list[Measure] = []
    milestones: list[Milestone] = Field([], description="Steps in the partnership's history: visits, workshops, signatures.")
    results: LongText | None = Field(None, description="What the partnership achieved, as sources say.")
    links: list[MoreLink] = []
    conflicts: list[Conflict] = []
    sources: Sources

    @model_validator(mode="after")
    def _sides(self):
        if self.german.country != "DE":
            raise problem(msg("partnership.german_country"), "german")
        if self.phase == "unknown" and self.phase_basis != PhaseBasis.STATED:
            raise problem(msg("partnership.basis_unknown"), "phase_basis")
        return self


class Period(Record):
    start: Date
    end: Date | None = None

    @model_validator(mode="after")
    def _order(self):
        if self.end and self.end.last_day() < self.start.first_day():
            raise problem(msg("date.end_before_start", end=self.end.iso(), start=self.start.iso()), "end")
        return self


class Count(Record):
    """A number as one source reports it; several when sources disagree."""

    value: whole_number(0, 100_000)
    source: Source
    note: LongText | None = None


class Phase(Record):
    number: whole_number(1)
    period: Period
    region: FullTitle
    partnerships_reported: list[Count] = []
    kickoff: ref("events") | None = None
    results: ref("events") | None = None
    summary: LongText | None = None
    conflicts: list[Conflict] = []
    sources: Sources


class EventType(str, Enum):
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    KICKOFF_WORKSHOP = "kickoff_workshop"
    RESULTS_WORKSHOP = "results_workshop"
    NETWORK_MEETING = "network_meeting"
    RESOLUTION = "resolution"
    EDUCATION_PROJECT = "education_project"


class EventStatus(str, Enum):
    HELD = "held"
    SCHEDULED = "scheduled"
    ANNOUNCED = "announced"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Place(Record):
    city: Name
    country: Country
    venue: Name | None = None


class Event(Record):
    type: vocabulary(EventType, "Kind of event.")
    title: FullTitle
    start: Date
    end: Date | None = None
    place: Place | None = None
    status: vocabulary(EventStatus, "held, scheduled, announced (not confirmed), postponed or cancelled.")
    organisers: list[ref("organisations")] = []
    participants: list[Count] = []
    phase: ref("phases") | None = None
    partnerships: list[ref("partnerships")] = []
    documentation: list[ref("publications")] = []
    description: LongText | None = None
    conflicts: list[Conflict] = []
    sources: Sources

    @model_validator(mode="after")
    def _order(self):
        if self.end and self.end.last_day() < self.start.first_day():
            raise problem(msg("date.end_before_start", end=self.end.iso(), start=self.start.iso()), "end")
        return self


def _not_a_copy(record):
    """A publication's own address (an edition's file, the publisher's page) is never a copy site."""
    host = copy_site_host(record.url) if record.url else None
    if host:
        raise problem(msg("publication.copy_site", host=host), "url")
    return record


class Edition(Record):
    """One language edition of a publication, with its title as printed."""

    language: vocabulary(Language, "Language of this edition.")
    title: Line = Field(description="Title exactly as printed, in the edition's language.")
    date: Date | None = None
    place: Line | None = None
    pages: whole_number(1, 2000) | None = None
    url: Url | None = Field(None, description="The publisher's own file of this edition (usually a PDF), never a copy elsewhere.")

    @model_validator(mode="after")
    def _publishers_own(self):
        return _not_a_copy(self)


class PublisherPage(Record):
    """The page where the publisher (or a partner running the programme) offers the publication."""

    url: Url = Field(description="Address of the page, on the publisher's own site.")
    organisation: ref("organisations") | None = Field(
        None, description="Whose site it is, if not the (first) publisher's: an id in data/organisations/.")

    @model_validator(mode="after")
    def _publishers_own(self):
        return _not_a_copy(self)


class Publication(Record):
    series: ref("series") | None = None
    number: Line | None = Field(None, description="Number in the series, e.g. 42.")
    editions: Annotated[list[Edition], Field(min_length=1)]
    publisher: list[ref("organisations")] = []
    authors: list[PlainName] = []
    documents_event: ref("events") | None = None
    documents_phase: ref("phases") | None = None
    free_order: Bool = Field(False, description="true if the programme's flyer (2012) lists it as free to order from the service agency.")
    publisher_page: PublisherPage | None = Field(None, description="The publisher's own page about the publication.")
    description: LongText | None = None
    conflicts: list[Conflict] = []
    sources: Sources


class Series(Record):
    name: FullName
    publisher: ref("organisations")
    description: LongText | None = None
    sources: Sources


class OrganisationKind(str, Enum):
    MINISTRY = "ministry"
    AGENCY = "agency"
    NGO = "ngo"
    MUNICIPAL_ASSOCIATION = "municipal_association"
    NETWORK = "network"


class Organisation(Record):
    name: Name
    short_name: PlainName | None = None
    kind: vocabulary(OrganisationKind, "Kind of organisation.")
    parent: ref("organisations") | None = None
    address: Line | None = None
    phone: Phone | None = None
    email: Email | None = None
    website: Url | None = None
    as_of: Date | None = Field(None, description="Date of the source that gave the address, phone and e-mail.")
    role: LongText | None = Field(None, description="Its role in the programme.")
    conflicts: list[Conflict] = []
    sources: Sources


class Contact(Record):
    name: PlainName
    role: FullTitle
    organisation: ref("organisations")
    email: Email | None = None
    phone: Phone | None = None
    as_of: Date = Field(description="Date of the source that named the person with these details, e.g. 2012 for the flyer.")
    note: LongText | None = Field(None, description="What later sources say about the person, for readers.")
    sources: Sources


class Total(Record):
    """A running total of the programme as a source reported it at a date."""

    date: Date
    value: whole_number(0, 100_000)
    counts: Title = Field(description="What was counted, e.g. climate partnerships.")
    note: LongText | None = None
    source: Source


#: Collection folder under data/ -> record model.
COLLECTIONS: dict[str, type[Record]] = {
    "partnerships": Partnership,
    "phases": Phase,
    "events": Event,
    "publications": Publication,
    "series": Series,
    "organisations": Organisation,
    "contacts": Contact,
    "totals": Total,
}
