"""Load every data file of the site once, with all problems collected in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .fields import Reader
from .partnerships import Partnership, read_partnership
from .problems import Problem
from .strings import Strings, read_strings
from .yamlfile import YamlFileError, read_yaml

RECORD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLLECTIONS = {"partnerships": read_partnership}
STRINGS_FILE = "ui.yml"


class DataError(Exception):
    """The data has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems


@dataclass
class SiteData:
    strings: Strings
    partnerships: list[Partnership] = field(default_factory=list)


def load(data_dir: Path) -> tuple[SiteData | None, list[Problem]]:
    """Read the data folder; return the data (None if unusable) and every problem found."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    strings = _read_strings(data_dir, problems)
    records: dict[str, list] = {name: [] for name in COLLECTIONS}
    for name, read in COLLECTIONS.items():
        folder = data_dir / name
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            shown = _shown(path, data_dir)
            if path.is_dir() or path.suffix not in {".yml", ".yaml"}:
                problems.append(Problem(shown, 1, "", f"stray file in data/{name}/: only .yml record files belong here"))
                continue
            if not RECORD_ID.match(path.stem):
                problems.append(Problem(
                    shown, 1, "",
                    "the file name is the record id: use lower-case letters a-z, digits and single hyphens "
                    "(for example bonn-cape-coast.yml); write ä as ae, ö as oe, ü as ue, ß as ss",
                ))
                continue
            reader = Reader(shown)
            try:
                raw = read_yaml(path)
            except YamlFileError as err:
                problems.append(Problem(shown, err.line, "", err.message))
                continue
            record = read(path.stem, raw, reader)
            problems.extend(reader.problems)
            if record is not None:
                records[name].append(record)
    if strings is None or problems:
        return None, problems
    partnerships = sorted(records["partnerships"], key=lambda p: (p.phase, p.id))
    return SiteData(strings=strings, partnerships=partnerships), []


def load_or_raise(data_dir: Path) -> SiteData:
    site, problems = load(data_dir)
    if problems or site is None:
        raise DataError(problems)
    return site


def _read_strings(data_dir: Path, problems: list[Problem]) -> Strings | None:
    path = data_dir / STRINGS_FILE
    shown = _shown(path, data_dir)
    if not path.is_file():
        problems.append(Problem(shown, 1, "", "the file of interface texts is missing"))
        return None
    try:
        raw = read_yaml(path)
    except YamlFileError as err:
        problems.append(Problem(shown, err.line, "", err.message))
        return None
    reader = Reader(shown)
    strings = read_strings(raw, reader)
    problems.extend(reader.problems)
    return strings


def _shown(path: Path, data_dir: Path) -> str:
    """The path as an editor sees it in the repository: data/<collection>/<file>."""
    return (Path(data_dir.name) / path.relative_to(data_dir)).as_posix()
