"""Files built from the data besides pages: citations, calendars and the Atom feed.

`files(...)` returns, for one language, every file as (path in the language tree, bytes).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from . import citations, feeds, links
from ..pages.publications import CATALOGUE
from ..checking.site import SiteData


def lang_root(site_url: str, lang: str, default: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if lang == default else urljoin(base, f"{lang}/")


def updated_dates(site: SiteData, data_dir: Path) -> dict[tuple[str, str], str]:
    """(collection, id) -> time of the last commit of the record's file, where known."""
    dates = feeds.git_dates(data_dir)
    result = {}
    for collection in ("events", "publications"):
        for key in site.collection(collection):
            relative = site.path(collection, key).removeprefix("data/")
            if relative in dates:
                result[(collection, key)] = dates[relative]
    return result


def files(site: SiteData, lang: str, root: str, updated: dict) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    publications = sorted(site.collection("publications"))
    writers = {"bib": citations.bibtex, "ris": citations.ris, "json": citations.csl_json}
    for suffix, write in writers.items():
        out[links.citation(CATALOGUE, suffix)] = write(site, publications).encode("utf-8")
        for key in publications:
            out[links.citation(key, suffix)] = write(site, [key]).encode("utf-8")
    events = sorted(site.collection("events"))
    out[links.CALENDAR] = feeds.calendar(site, events, lang, root, root)
    for key in events:
        out[links.event_calendar(key)] = feeds.calendar(site, [key], lang, root, root)
    out[links.FEED] = feeds.atom(site, lang, root, updated)
    return out
