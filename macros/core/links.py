"""Where pages live (site-relative folders) and relative links between them.

Every page is a folder with an index.html, the same in each language tree, so a link
from one page to another is the relative path between their folders.
"""

from __future__ import annotations

import posixpath

DIRECTORY = "partnerschaften/"          # hand-written directory page (all partnerships)
PROFILES = "partnerschaften/"           # partnerschaften/<id>/
VIEWS = "verzeichnis/"                  # verzeichnis/<facet>/<value>/ and verzeichnis/sortiert/<key>/
PHASES = "phasen/"                      # phasen/<id>/
PROGRESS = "fortschritt/"
MAP = "karte/"


def href(from_dir: str, to_dir: str) -> str:
    """Relative link from the page in folder `from_dir` to the page in folder `to_dir`."""
    path = posixpath.relpath(to_dir or ".", from_dir or ".")
    return "./" if path == "." else path.rstrip("/") + "/"


def src_uri(folder: str) -> str:
    """The docs path a generated page pretends to have, for a page in `folder`."""
    return folder.rstrip("/") + ".md"


def profile(record_id: str) -> str:
    return f"{PROFILES}{record_id}/"


def phase(record_id: str) -> str:
    return f"{PHASES}{record_id}/"
