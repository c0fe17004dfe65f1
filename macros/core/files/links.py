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
EVENTS = "veranstaltungen/"             # hand-written list; veranstaltungen/<id>/ per event
PUBLICATIONS = "publikationen/"         # hand-written catalogue; publikationen/<id>/ per publication
CALENDAR = "veranstaltungen/veranstaltungen.ics"
SEARCH = "suche/"
#: the legal and public-sector pages, linked from every page's footer: (ui.yml key, folder)
LEGAL = (("impressum", "impressum/"), ("privacy", "datenschutz/"), ("accessibility", "barrierefreiheit/"),
         ("easy", "leichte-sprache/"))
FEED = "feed.xml"
#: the header navigation, in its order: (ui.yml key "nav.<key>", the section's page, the folders
#: whose pages belong to the section and mark it as the current one)
SECTIONS = (
    ("programme", "idee/", ("idee/", "bausteine/", "partner/", "fortschritt/")),
    ("partnerships", DIRECTORY, (DIRECTORY, VIEWS, PHASES)),
    ("map", MAP, (MAP,)),
    ("join", "mitmachen/", ("mitmachen/",)),
    ("publications", PUBLICATIONS, (PUBLICATIONS,)),
    ("events", EVENTS, (EVENTS,)),
    ("contact", "kontakt/", ("kontakt/",)),
)


def href(from_dir: str, to_dir: str) -> str:
    """Relative link from the page in folder `from_dir` to the page in folder `to_dir`.

    Both are site-relative folders such as "partnerschaften/bonn-cape-coast/" (this runs for
    every row of every table, so it works on the parts instead of calling os.path.relpath).
    """
    source = [part for part in from_dir.split("/") if part]
    target = [part for part in to_dir.split("/") if part]
    common = 0
    while common < len(source) and common < len(target) and source[common] == target[common]:
        common += 1
    path = "../" * (len(source) - common) + "".join(part + "/" for part in target[common:])
    return path or "./"


def src_uri(folder: str) -> str:
    """The docs path a generated page pretends to have, for a page in `folder`."""
    return folder.rstrip("/") + ".md"
#: pages that use the whole width of the screen (lists, map, figures), and folders all of whose
#: pages do; the others keep a readable measure
WIDE_PAGES = (DIRECTORY, MAP, PROGRESS)
WIDE_FOLDERS = (VIEWS, PHASES)


def is_wide(folder: str) -> bool:
    """Whether the page in `folder` uses the whole width (the directory and its views, the map)."""
    return folder in WIDE_PAGES or folder.startswith(WIDE_FOLDERS)


def section_of(folder: str) -> str | None:
    """Key of the header section a page folder ("partnerschaften/bonn-cape-coast/") belongs
    to, or None (home page, search, legal pages)."""
    for key, _, folders in SECTIONS:
        if any(folder.startswith(prefix) for prefix in folders):
            return key
    return None


def profile(record_id: str) -> str:
    return f"{PROFILES}{record_id}/"


def phase(record_id: str) -> str:
    return f"{PHASES}{record_id}/"


def event(record_id: str) -> str:
    return f"{EVENTS}{record_id}/"


def publication(record_id: str) -> str:
    return f"{PUBLICATIONS}{record_id}/"


def event_calendar(record_id: str) -> str:
    return f"{EVENTS}{record_id}.ics"


def citation(record_id: str, suffix: str) -> str:
    """Citation file of a publication (or of the catalogue, record_id 'publikationen')."""
    return f"{PUBLICATIONS}{record_id}.{suffix}"


def file_href(from_dir: str, path: str) -> str:
    """Relative link from a page folder to a file in the same language tree."""
    return posixpath.relpath(path, from_dir or ".")
