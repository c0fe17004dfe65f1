"""The site's data, loaded once per build and reloaded when a data file changes.

A build runs once per language; the files are read and checked only when their names,
sizes or modification times differ from the last load (so `mkdocs serve` sees edits).
"""

from __future__ import annotations

from pathlib import Path

from .problems import report  # re-exported for the adapters
from .site import DataError, SiteData, load_or_raise

__all__ = ["DataError", "get", "report"]

_cache: dict[Path, tuple[tuple, SiteData]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    entries = []
    for path in sorted(data_dir.rglob("*")):
        stat = path.lstat()  # a link is not followed (it may point nowhere, or at a device)
        entries.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def get(data_dir: Path) -> SiteData:
    data_dir = Path(data_dir).resolve()
    fingerprint = _fingerprint(data_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == fingerprint:
        return cached[1]
    site = load_or_raise(data_dir)
    _cache[data_dir] = (fingerprint, site)
    return site
