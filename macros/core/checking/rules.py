"""The rules across files, checked after every file has been read on its own.

1. Duplicate ids: two files of one folder with the same name (bonn-x.yml, bonn-x.yaml).
2. Dangling references: an id named in a record (phase:, partnerships:, documentation:...)
   must be the name of a file in the folder it points to. Existence is decided by the file
   name, not by the file being valid: a record with errors of its own is reported once, in
   its own file, and not again in every file that names it.
3. Duplicate partnerships: two records for the same German municipality and partner.
4. Documentation both ways: an event's documentation: lists a publication exactly when the
   publication says documents_event: <the event>.
5. Event status and dates (a WARNING, which does not fail the check): status held with a
   start after the build date, or status scheduled/announced with an end (or, without one,
   a start) before the build date. The build date is SOURCE_DATE_EPOCH if set, else today
   (macros/core/files/builddate.py); since it moves every day (a scheduled event becomes past
   overnight), this is a reminder to update the record, not an error. A record that
   explains its status under `conflicts:` (about: status), such as conferences announced
   but never confirmed, is not reported.

Rules within one record (end before start, a state only in Germany) are validators of the
models (macros/core/records/models.py).
"""

from __future__ import annotations

import re

import typing
from typing import Annotated, Any, Iterator

from pydantic import BaseModel

from ..files.builddate import build_date
from .messages import msg
from ..records.models import EventStatus, Partnership
from .problems import WARNING, Problem, did_you_mean
from ..records.types import RefTo, copy_site_host
from .validate import Loaded, field_name, line_of

NOT_YET_HELD = (EventStatus.SCHEDULED, EventStatus.ANNOUNCED)
ADDRESS_FIELDS = ("url", "website")  # the fields that hold web addresses


def check_all(loaded: dict[str, dict[str, Loaded]], examples: list[Loaded], known: dict[str, set[str]]) -> list[Problem]:
    """Rules 2 to 5; `known` holds the ids of every record file, valid or not, per folder."""
    problems = dangling_references(loaded, examples, known)
    problems += duplicate_pairs(loaded["partnerships"])
    problems += documentation_both_ways(loaded["events"], loaded["publications"])
    problems += event_status_and_dates(loaded["events"])
    problems += phase_numbers(loaded["phases"])
    for collection in loaded.values():
        for item in collection.values():
            problems += copy_site_addresses(item)
    return problems


def copy_site_addresses(item: Loaded) -> list[Problem]:
    """An address on a site that republishes other people's documents (readkong, yumpu …) is
    never a source or a link of this site: the publisher's page, or the publication of this site."""
    problems = []
    for loc, address in addresses(item.record):
        host = copy_site_host(address)
        if host:
            problems.append(Problem(item.path, line_of(item.raw, loc), field_name(loc), msg("rule.copy_site", host=host)))
    return problems


def addresses(record: BaseModel, prefix: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(location, address) for every web address in a record, nested models included."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        for index, item in enumerate(items):
            loc = prefix + ((name, index) if isinstance(value, (list, tuple)) else (name,))
            if isinstance(item, BaseModel):
                yield from addresses(item, loc)
            elif name in ADDRESS_FIELDS and isinstance(item, str):
                yield loc, item


PHASE_FILE = re.compile(r"phase-(\d+)")


def phase_numbers(phases: dict[str, Loaded]) -> list[Problem]:
    """A phase's `number` is the one in its file name: phase-10.yml has number: 10 (the pages
    and links use the file name, the text the number; two numbers for one phase mislead)."""
    problems = []
    for key, item in phases.items():
        named = PHASE_FILE.fullmatch(key)
        if named and int(named.group(1)) != item.record.number:
            line = item.raw.lines.get("number", 1) if hasattr(item.raw, "lines") else 1
            problems.append(Problem(item.path, line, "number", msg(
                "rule.phase_number", number=item.record.number, file=f"{key}.yml", expected=int(named.group(1)))))
    return problems


def duplicate_ids(files: list[tuple[str, str]]) -> list[Problem]:
    """Rule 1: (id, path) of one folder's record files, in order; the later file is reported."""
    first: dict[str, str] = {}
    problems = []
    for record_id, path in files:
        if record_id in first:
            problems.append(Problem(path, 1, "", msg("rule.duplicate_id", id=record_id, first=first[record_id])))
        else:
            first[record_id] = path
    return problems


def dangling_references(loaded: dict[str, dict[str, Loaded]], examples: list[Loaded], known: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for item in [i for items in loaded.values() for i in items.values()] + examples:
        for loc, target, value in references(item.record):
            ids = known.get(target.collection, set())
            if value not in ids:
                problems.append(Problem(
                    item.path, line_of(item.raw, loc), field_name(loc),
                    msg("rule.dangling", id=value, collection=target.collection, hint=did_you_mean(value, ids)),
                ))
    return problems


def duplicate_pairs(partnerships: dict[str, Loaded]) -> list[Problem]:
    seen: dict[tuple, Loaded] = {}
    problems = []
    for item in partnerships.values():
        record: Partnership = item.record
        key = (_name(record.german.name), _name(record.partner.name))
        if key in seen:
            problems.append(Problem(item.path, 1, "", msg("rule.duplicate_pair", first=seen[key].path, german=key[0], partner=key[1])))
        else:
            seen[key] = item
    return problems


def _name(text) -> str:
    return (text if isinstance(text, str) else text["de"]).casefold()


def documentation_both_ways(events: dict[str, Loaded], publications: dict[str, Loaded]) -> list[Problem]:
    problems = []
    for event_id, event in events.items():
        for index, pub_id in enumerate(event.record.documentation):
            pub = publications.get(pub_id)
            if pub and pub.record.documents_event != event_id:
                problems.append(Problem(
                    event.path, line_of(event.raw, ("documentation", index)), f"documentation[{index + 1}]",
                    msg("rule.documentation_event", other=pub.path, id=event_id),
                ))
    for pub_id, pub in publications.items():
        event = events.get(pub.record.documents_event or "")
        if event and pub_id not in event.record.documentation:
            problems.append(Problem(
                pub.path, line_of(pub.raw, ("documents_event",)), "documents_event",
                msg("rule.documentation_publication", other=event.path, id=pub_id),
            ))
    return problems


def event_status_and_dates(events: dict[str, Loaded]) -> list[Problem]:
    today = build_date()
    problems = []
    for item in events.values():
        event = item.record
        if any(conflict.about == "status" for conflict in event.conflicts):
            continue  # the record explains why its status stays as it is
        line = line_of(item.raw, ("status",))
        if event.status == EventStatus.HELD and event.start.first_day() > today:
            message = msg("rule.held_in_future", start=event.start.iso(), today=today.isoformat())
            problems.append(Problem(item.path, line, "status", message, WARNING))
        last = event.end or event.start
        if event.status in NOT_YET_HELD and last.last_day() < today:
            message = msg("rule.not_yet_held_in_past", status=event.status.value, end=last.iso(), today=today.isoformat())
            problems.append(Problem(item.path, line, "status", message, WARNING))
    return problems


def references(record: BaseModel, prefix: tuple = ()) -> Iterator[tuple[tuple, RefTo, str]]:
    """(location, target, id) for every reference in a record, nested models included."""
    for name, field in type(record).model_fields.items():
        value = getattr(record, name)
        target = next((m for m in field.metadata if isinstance(m, RefTo)), None) or _ref_in(field.annotation)
        items = value if isinstance(value, (list, tuple)) else [value]
        for index, item in enumerate(items):
            loc = prefix + ((name, index) if isinstance(value, (list, tuple)) else (name,))
            if isinstance(item, BaseModel):
                yield from references(item, loc)
            elif target and isinstance(item, str) and item not in target.words:
                yield loc, target, item


def _ref_in(annotation: Any) -> RefTo | None:
    if typing.get_origin(annotation) is Annotated:
        found = [m for m in annotation.__metadata__ if isinstance(m, RefTo)]
        return found[0] if found else _ref_in(typing.get_args(annotation)[0])
    for arg in typing.get_args(annotation):
        found = _ref_in(arg)
        if found:
            return found
    return None
