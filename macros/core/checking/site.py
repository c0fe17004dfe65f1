"""Load every data file of the site once, collecting all problems of all files in one pass.

Per file: the file name, the YAML, the record model. Then the rules across files
(macros/core/checking/rules.py): duplicate ids and records, references to records that do not
exist, links that must go both ways, events whose status no longer fits their dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel

from . import languages, leftovers, rules
from .messages import msg
from ..records.models import COLLECTIONS, Partnership
from .problems import Problem, did_you_mean, errors
from ..markup.strings import Strings, read_strings
from ..records.types import RECORD_ID
from .validate import Loaded, check_record
from .yamlfile import YamlFileError, read_yaml

STRINGS_FILE = "ui.yml"
EXAMPLE_FILE = "_example.yml"  # a commented example per folder: checked, never published
SUFFIXES = (".yml", ".yaml")


class DataError(Exception):
    """The data has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems


@dataclass
class SiteData:
    strings: Strings
    records: dict[str, dict[str, BaseModel]] = field(default_factory=dict)
    paths: dict[tuple[str, str], str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # what `make check` warns of (for the editors' view)

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


def load(data_dir: Path, languages_guessed: bool = False) -> tuple[SiteData | None, list[Problem]]:
    """Read the data folder; return the data (None if it has errors) and every problem found.

    The problems may be warnings only (macros/core/checking/rules.py): then the data is returned too.
    `make check` also guesses the language of every text (`languages_guessed`): a language model
    that takes seconds and 150 MB to load, for warnings only, so builds and previews leave it out.
    """
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    strings = _read_strings(data_dir, problems)
    problems += _stray_top_level(data_dir)
    loaded: dict[str, dict[str, Loaded]] = {name: {} for name in COLLECTIONS}
    known: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    examples: list[Loaded] = []
    for name, model in COLLECTIONS.items():
        folder = data_dir / name
        files = []
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if _is_record_file(path, name, data_dir, problems):
                files.append((path.stem, _shown(path, data_dir)))
                known[name].add(path.stem)
            item = _load_file(path, model, data_dir, problems)
            if item is None:
                continue
            if path.name == EXAMPLE_FILE:
                examples.append(item)
            elif item.id not in loaded[name]:  # a second file of the same id: reported by rules.duplicate_ids
                loaded[name][item.id] = item
        problems += rules.duplicate_ids(files)
    problems += rules.check_all(loaded, examples, known)
    problems += leftovers.check(loaded, examples)
    if languages_guessed:
        problems += languages.check(loaded)
    problems = sorted(set(problems))
    if strings is None or errors(problems):
        return None, problems
    site = SiteData(strings=strings, warnings=list(problems))
    for name, items in loaded.items():
        site.records[name] = {key: item.record for key, item in sorted(items.items())}
        site.paths.update({(name, key): item.path for key, item in items.items()})
    return site, problems


def load_or_raise(data_dir: Path) -> SiteData:
    """The data, or DataError with its errors; warnings do not stop a build."""
    site, problems = load(data_dir)
    if errors(problems) or site is None:
        raise DataError(errors(problems))
    return site


def _is_record_file(path: Path, collection: str, data_dir: Path, problems: list[Problem]) -> bool:
    """Whether `path` is a record file (its name is its id); a stray or misnamed file is reported."""
    shown = _shown(path, data_dir)
    if path.is_dir() or path.suffix not in SUFFIXES:
        problems.append(Problem(shown, 1, "", msg("file.stray_in_collection", collection=collection)))
        return False
    if path.name == EXAMPLE_FILE:
        return False
    if not RECORD_ID.match(path.stem):
        problems.append(Problem(shown, 1, "", msg("file.id_rule")))
        return False
    return True


def _load_file(path: Path, model, data_dir: Path, problems: list[Problem]) -> Loaded | None:
    if path.is_dir() or path.suffix not in SUFFIXES or (path.name != EXAMPLE_FILE and not RECORD_ID.match(path.stem)):
        return None
    shown = _shown(path, data_dir)
    raw = _parse(path, shown, problems)
    if raw is None:
        return None
    record, found = check_record(model, raw, shown)
    problems.extend(found)
    return Loaded(path.stem, shown, raw, record) if record is not None else None


def _stray_top_level(data_dir: Path) -> list[Problem]:
    problems = []
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.name == STRINGS_FILE or (path.is_dir() and path.name in COLLECTIONS) or path.name.startswith("."):
            continue
        kind = "file.stray_folder" if path.is_dir() else "file.stray_file"
        problems.append(Problem(_shown(path, data_dir), 1, "", msg(
            kind, hint=did_you_mean(path.name, COLLECTIONS), strings=STRINGS_FILE, folders=", ".join(COLLECTIONS))))
    return problems


def _read_strings(data_dir: Path, problems: list[Problem]) -> Strings | None:
    path = data_dir / STRINGS_FILE
    shown = _shown(path, data_dir)
    if not path.is_file():
        problems.append(Problem(shown, 1, "", msg("file.strings_missing")))
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
