"""Load every data file of the site once, collecting all problems of all files in one pass.

Per file: the file name, the YAML, the record model. Across files: duplicate records,
references to records that do not exist, and links that must go both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import COLLECTIONS, Partnership
from .problems import Problem, did_you_mean
from .strings import Strings, read_strings
from .types import RECORD_ID
from .validate import check_record, field_name, line_of, references
from .yamlfile import YamlFileError, read_yaml

STRINGS_FILE = "ui.yml"
EXAMPLE_FILE = "_example.yml"  # a commented example per folder: checked, never published
SUFFIXES = (".yml", ".yaml")
ID_RULE = (
    "the file name is the record id: use lower-case letters a-z, digits and single hyphens "
    "(for example bonn-cape-coast.yml); write ä as ae, ö as oe, ü as ue, ß as ss"
)


class DataError(Exception):
    """The data has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems


@dataclass
class Loaded:
    """A checked record with what is needed to report on it later."""

    id: str
    path: str
    raw: Any
    record: BaseModel


@dataclass
class SiteData:
    strings: Strings
    records: dict[str, dict[str, BaseModel]] = field(default_factory=dict)
    paths: dict[tuple[str, str], str] = field(default_factory=dict)

    def collection(self, name: str) -> dict[str, BaseModel]:
        return self.records.get(name, {})

    @cached_property
    def partnerships(self) -> list[tuple[str, Partnership]]:
        """(id, record) sorted by phase number, then id; unknown phases last."""
        phases = self.collection("phases")

        def order(item):
            phase = phases.get(item[1].phase)
            return (phase.number if phase else 10**6, item[0])

        return sorted(self.collection("partnerships").items(), key=order)

    @cached_property
    def partnership_by_id(self) -> dict[str, Partnership]:
        return dict(self.partnerships)

    def memo(self, key, compute):
        """A value derived from the data, computed once per load (e.g. a facet's values)."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def path(self, collection: str, record_id: str) -> str:
        return self.paths[(collection, record_id)]


def load(data_dir: Path) -> tuple[SiteData | None, list[Problem]]:
    """Read the data folder; return the data (None if unusable) and every problem found."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    strings = _read_strings(data_dir, problems)
    problems += _stray_top_level(data_dir)
    loaded: dict[str, dict[str, Loaded]] = {name: {} for name in COLLECTIONS}
    examples: list[Loaded] = []
    for name, model in COLLECTIONS.items():
        folder = data_dir / name
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            item = _load_file(path, name, model, data_dir, problems)
            if item is None:
                continue
            if item.id in loaded[name] and path.name != EXAMPLE_FILE:
                first = loaded[name][item.id].path
                problems.append(Problem(item.path, 1, "", f"duplicate id '{item.id}': {first} has the same name; keep one file"))
                continue
            if path.name == EXAMPLE_FILE:
                examples.append(item)
            else:
                loaded[name][item.id] = item
    problems += _cross_checks(loaded, examples)
    if strings is None or problems:
        return None, sorted(set(problems))
    site = SiteData(strings=strings)
    for name, items in loaded.items():
        site.records[name] = {key: item.record for key, item in sorted(items.items())}
        site.paths.update({(name, key): item.path for key, item in items.items()})
    return site, []


def load_or_raise(data_dir: Path) -> SiteData:
    site, problems = load(data_dir)
    if problems or site is None:
        raise DataError(problems)
    return site


def _load_file(path: Path, collection: str, model, data_dir: Path, problems: list[Problem]) -> Loaded | None:
    shown = _shown(path, data_dir)
    if path.is_dir() or path.suffix not in SUFFIXES:
        problems.append(Problem(shown, 1, "", f"stray file in data/{collection}/: only .yml record files belong here"))
        return None
    if path.name != EXAMPLE_FILE and not RECORD_ID.match(path.stem):
        problems.append(Problem(shown, 1, "", ID_RULE))
        return None
    raw = _parse(path, shown, problems)
    if raw is None:
        return None
    record, found = check_record(model, raw, shown)
    problems.extend(found)
    return Loaded(path.stem, shown, raw, record) if record is not None else None


def _cross_checks(loaded: dict[str, dict[str, Loaded]], examples: list[Loaded]) -> list[Problem]:
    problems = []
    for item in [i for items in loaded.values() for i in items.values()] + examples:
        for loc, target, value in references(item.record):
            if value not in loaded.get(target.collection, {}):
                hint = did_you_mean(value, loaded.get(target.collection, {}))
                problems.append(Problem(
                    item.path, line_of(item.raw, loc), field_name(loc),
                    f"'{value}' is not a record in data/{target.collection}/{hint}",
                ))
    problems += _duplicate_pairs(loaded["partnerships"])
    problems += _documentation_both_ways(loaded["events"], loaded["publications"])
    return problems


def _duplicate_pairs(partnerships: dict[str, Loaded]) -> list[Problem]:
    seen: dict[tuple, Loaded] = {}
    problems = []
    for item in partnerships.values():
        record: Partnership = item.record
        key = (_name(record.german.name), _name(record.partner.name))
        if key in seen:
            problems.append(Problem(item.path, 1, "", f"the same partnership as {seen[key].path} ({key[0]} – {key[1]}); keep one record"))
        else:
            seen[key] = item
    return problems


def _name(text) -> str:
    return (text if isinstance(text, str) else text["de"]).casefold()


def _documentation_both_ways(events: dict[str, Loaded], publications: dict[str, Loaded]) -> list[Problem]:
    problems = []
    for event_id, event in events.items():
        for index, pub_id in enumerate(event.record.documentation):
            pub = publications.get(pub_id)
            if pub and pub.record.documents_event != event_id:
                problems.append(Problem(
                    event.path, line_of(event.raw, ("documentation", index)), f"documentation[{index + 1}]",
                    f"{pub.path} must say documents_event: {event_id} (the link goes both ways)",
                ))
    for pub_id, pub in publications.items():
        event = events.get(pub.record.documents_event or "")
        if event and pub_id not in event.record.documentation:
            problems.append(Problem(
                pub.path, line_of(pub.raw, ("documents_event",)), "documents_event",
                f"{event.path} must list {pub_id} under documentation: (the link goes both ways)",
            ))
    return problems


def _stray_top_level(data_dir: Path) -> list[Problem]:
    problems = []
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.name == STRINGS_FILE or (path.is_dir() and path.name in COLLECTIONS) or path.name.startswith("."):
            continue
        kind = "folder" if path.is_dir() else "file"
        problems.append(Problem(
            _shown(path, data_dir), 1, "",
            f"stray {kind} in data/{did_you_mean(path.name, COLLECTIONS)}: data/ holds {STRINGS_FILE} and the folders {', '.join(COLLECTIONS)}",
        ))
    return problems


def _read_strings(data_dir: Path, problems: list[Problem]) -> Strings | None:
    path = data_dir / STRINGS_FILE
    shown = _shown(path, data_dir)
    if not path.is_file():
        problems.append(Problem(shown, 1, "", "the file of interface texts is missing"))
        return None
    raw = _parse(path, shown, problems)
    if raw is None:
        return None
    strings, found = read_strings(raw, shown)
    problems.extend(found)
    return strings


def _parse(path: Path, shown: str, problems: list[Problem]):
    """The parsed YAML of a file, or None after reporting why it cannot be read."""
    try:
        return read_yaml(path)
    except YamlFileError as err:
        problems.append(Problem(shown, err.line, "", err.message))
        return None


def _shown(path: Path, data_dir: Path) -> str:
    """The path as an editor sees it in the repository: data/<collection>/<file>."""
    return (Path("data") / path.relative_to(data_dir)).as_posix()
