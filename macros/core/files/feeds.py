"""Calendar (iCalendar, RFC 5545) and news (Atom, RFC 4287) feeds, per language.

Reproducible: the time stamps come from the build date and the records, never from the
clock, and entries are in a fixed order, so two builds with the same build date give the
same bytes. Event UIDs are derived from record ids and survive rebuilds.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import icalendar

from . import links
from .builddate import build_datetime
from ..pages.events import when
from ..records.models import Event, EventStatus
from ..checking.site import SiteData

PRODID = "-//Kommunale Klimapartnerschaften//Website//DE"
ICAL_STATUS = {EventStatus.CANCELLED: "CANCELLED", EventStatus.ANNOUNCED: "TENTATIVE", EventStatus.POSTPONED: "TENTATIVE"}


def uid(site_url: str, key: str) -> str:
    return f"{key}@{urlsplit(site_url).hostname or 'localhost'}"


def _vevent(site: SiteData, key: str, event: Event, lang: str, site_url: str, lang_root: str) -> icalendar.Event:
    t = site.strings
    item = icalendar.Event()
    item.add("uid", uid(site_url, key))
    item.add("dtstamp", build_datetime())
    # all-day events: a date known to the month or year spans that month or year
    item.add("dtstart", event.start.first_day())
    item.add("dtend", (event.end or event.start).last_day() + datetime.timedelta(days=1))
    item.add("summary", event.title[lang])
    if event.place:
        city = event.place.city if isinstance(event.place.city, str) else event.place.city.get(lang) or event.place.city["de"]
        item.add("location", city)
    precision = "" if event.start.day else " " + t("calendar.approximate", lang, when=when(event, lang))
    description = event.description.get(lang) or event.description["de"] if isinstance(event.description, dict) else (event.description or "")
    item.add("description", (description + precision).strip())
    item.add("url", urljoin(lang_root, links.event(key)))
    item.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    return item


def calendar(site: SiteData, keys: list[str], lang: str, site_url: str, lang_root: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", site.strings("calendar.name", lang))
    events = site.collection("events")
    for key in sorted(keys, key=lambda k: (events[k].start, k)):
        cal.add_component(_vevent(site, key, events[key], lang, site_url, lang_root))
    return cal.to_ical()


def git_dates(folder: Path) -> dict[str, str]:
    """Date of the last commit that touched each file under `folder` (empty outside git)."""
    try:
        output = subprocess.run(
            ["git", "log", "--format=@%cI", "--name-only", "--relative", "--", "."],
            cwd=folder, capture_output=True, text=True, timeout=60, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates, current = {}, None
    for line in output.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line and current:
            dates.setdefault(Path(line).as_posix(), current)
    return dates


ATOM = "http://www.w3.org/2005/Atom"


def atom(site: SiteData, lang: str, lang_root: str, updated: dict[tuple[str, str], str]) -> bytes:
    """Events and publications, most recently changed first; `updated` maps (collection, id)
    to an ISO time (e.g. the last commit of the record's file)."""
    from ..pages.publications import edition_for

    t = site.strings
    entries = []
    for key, event in site.collection("events").items():
        entries.append(("events", key, event.title[lang], links.event(key), event.start.first_day()))
    for key, pub in site.collection("publications").items():
        edition = edition_for(pub, lang)
        day = edition.date.first_day() if edition.date else datetime.date(1970, 1, 1)
        entries.append(("publications", key, edition.title, links.publication(key), day))
    stamped = []
    for collection, key, title, folder, day in entries:
        stamp = updated.get((collection, key)) or f"{day.isoformat()}T00:00:00+00:00"
        stamped.append((stamp, collection, key, title, folder))
    stamped.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = urljoin(lang_root, links.FEED)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = t("feed.title", lang)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max((e[0] for e in stamped), default="1970-01-01T00:00:00+00:00")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urljoin(lang_root, links.FEED)})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": lang_root})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = t("feed.author", lang)
    for stamp, collection, key, title, folder in stamped:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = urljoin(lang_root, folder)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = stamp
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": urljoin(lang_root, folder)})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": collection, "label": t(f"feed.{collection}", lang)})
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
