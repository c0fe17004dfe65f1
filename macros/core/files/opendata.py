"""Open data: the records as JSON, CSV and GeoJSON, described by a Frictionless data package.

File and column names are stable (English, lower case); the licence is CC BY 4.0, the
licence of the GeoNames coordinates in the data, which every German public data licence
(dl-de/by-2-0) user can also follow. Files are the same for every language.
"""

from __future__ import annotations

import csv
import io
import json

from . import citations, links
from ..pages.parts import data_table
from ..records.langs import pick
from ..markup.safe import HTML
from ..checking.site import SiteData

FOLDER = "daten/"
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}


def _text(value, lang: str) -> str:
    return pick(value, lang).value if value else ""


def _date(value) -> str:
    return value.iso() if value else ""


PARTNERSHIP_FIELDS = [
    ("id", "string", "Identifier; also the last part of the page address"),
    ("phase", "integer", "Project phase (empty when not known)"),
    ("phase_basis", "string", "stated, probable or inferred"),
    ("relationship", "string", "twinning, thematic or project (empty when not known)"),
    ("relationship_since", "string", "Date of the relationship: YYYY, YYYY-MM or YYYY-MM-DD"),
    ("climate_partnership_since", "string", "Year (or month or day) the climate partnership began"),
    ("german_name", "string", "German municipality"),
    ("german_kind", "string", "Kind of the German municipality"),
    ("german_state", "string", "German state, ISO 3166-2"),
    ("german_seat", "string", "Administrative seat of an area (district, county, assembly); its position is given"),
    ("german_lat", "number", "Latitude, WGS 84, of the place or of its seat (empty when not known)"),
    ("german_lon", "number", "Longitude, WGS 84"),
    ("partner_name", "string", "Partner municipality (German name)"),
    ("partner_name_en", "string", "Partner municipality (English name)"),
    ("partner_name_fr", "string", "Partner municipality (French name)"),
    ("partner_kind", "string", "Kind of the partner municipality"),
    ("partner_country", "string", "Country of the partner municipality, ISO 3166-1 alpha-2"),
    ("partner_seat", "string", "Administrative seat of an area (district, county, assembly); its position is given"),
    ("partner_lat", "number", "Latitude, WGS 84, of the place or of its seat (empty when not known)"),
    ("partner_lon", "number", "Longitude, WGS 84"),
    ("sources", "string", "Source addresses, 'publication:<id>' for a publication of this site, 'flyer', separated by spaces"),
    ("page", "string", "Address of the profile page (German)"),
]
MEASURE_FIELDS = [
    ("partnership", "string", "Id of the partnership"),
    ("area", "string", "mitigation, adaptation, both or other"),
    ("title_de", "string", "Measure (German)"),
    ("title_en", "string", "Measure (English; empty when not translated)"),
    ("title_fr", "string", "Measure (French; empty when not translated)"),
    ("status", "string", "planned, ongoing, completed, studied or unknown"),
    ("year", "string", "Year of the measure as sourced"),
]
EVENT_FIELDS = [
    ("id", "string", "Identifier"), ("type", "string", "Kind of event"), ("title_de", "string", "Title (German)"),
    ("title_en", "string", "Title (English)"), ("title_fr", "string", "Title (French)"),
    ("start", "string", "Start: YYYY, YYYY-MM or YYYY-MM-DD"), ("end", "string", "End, same form"),
    ("city", "string", "City"), ("country", "string", "Country, ISO 3166-1 alpha-2"),
    ("status", "string", "held, scheduled, announced, postponed or cancelled"),
    ("phase", "integer", "Project phase"), ("documentation", "string", "Ids of publications, separated by spaces"),
]
PUBLICATION_FIELDS = [
    ("id", "string", "Identifier"), ("series", "string", "Series"), ("number", "string", "Number in the series"),
    ("title", "string", "Title of the first listed edition, as printed"), ("languages", "string", "Languages of the editions"),
    ("date", "string", "Date of the first listed edition"), ("place", "string", "Place of publication"),
    ("documents_event", "string", "Id of the event it documents"), ("documents_phase", "integer", "Phase it documents"),
    ("free_order", "boolean", "Listed as free to order from the service agency in the programme's flyer (2012)"),
    ("publisher_page", "string", "The publisher's own page about the publication (empty when none is known)"),
]


def _phase_number(site: SiteData, key: str | None):
    phase = site.collection("phases").get(key or "")
    return phase.number if phase else ""


def partnership_rows(site: SiteData, root: str) -> list[dict]:
    rows = []
    for key, p in site.partnerships:
        g, q = p.german, p.partner
        rows.append({
            "id": key, "phase": _phase_number(site, p.phase),
            "phase_basis": p.phase_basis.value if p.phase != "unknown" else "",
            "relationship": p.relationship.value if p.relationship else "",
            "relationship_since": _date(p.relationship_since), "climate_partnership_since": _date(p.climate_partnership_since),
            "german_name": _text(g.name, "de"), "german_kind": g.kind.value, "german_state": g.state or "",
            "german_seat": _text(g.seat.name, "de") if g.seat else "",
            "german_lat": g.position.lat if g.position else "", "german_lon": g.position.lon if g.position else "",
            "partner_name": _text(q.name, "de"), "partner_name_en": _text(q.name, "en"), "partner_name_fr": _text(q.name, "fr"),
            "partner_kind": q.kind.value, "partner_country": q.country,
            "partner_seat": _text(q.seat.name, "de") if q.seat else "",
            "partner_lat": q.position.lat if q.position else "", "partner_lon": q.position.lon if q.position else "",
            "sources": " ".join(s.url or f"publication:{s.publication}" for s in p.sources if s.url or s.publication)
            + (" flyer" if any(s.flyer for s in p.sources) else ""),
            "page": root + links.profile(key),
        })
    return rows


#: A text cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A CSV cell: a text that a spreadsheet would run as a formula gets a leading apostrophe
    (as OWASP recommends); numbers stay numbers (a negative longitude is no formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(fields, rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _, _ in fields], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({name: cell(value) for name, value in row.items()} for row in rows)
    return out.getvalue().encode("utf-8")


def geojson(site: SiteData, rows: list[dict]) -> bytes:
    """RFC 7946: one feature per partnership, a line between the two places (longitude first),
    a point where only one place is known, no geometry where none is."""
    features = []
    for row in rows:
        ends = [[row[f"{side}_lon"], row[f"{side}_lat"]] for side in ("german", "partner") if row[f"{side}_lat"] != ""]
        geometry = None
        if len(ends) == 2:
            geometry = {"type": "LineString", "coordinates": ends}
        elif ends:
            geometry = {"type": "Point", "coordinates": ends[0]}
        properties = {k: v for k, v in row.items() if not k.endswith(("_lat", "_lon"))}
        features.append({"type": "Feature", "id": row["id"], "geometry": geometry, "properties": properties})
    return (json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def measure_rows(site: SiteData) -> list[dict]:
    return [
        {"partnership": key, "area": m.area.value, "title_de": _text(m.title, "de"),
         "title_en": m.title.get("en", "") if isinstance(m.title, dict) else m.title,
         "title_fr": m.title.get("fr", "") if isinstance(m.title, dict) else m.title,
         "status": m.status.value, "year": _date(m.year)}
        for key, p in site.partnerships for m in p.measures
    ]


def event_rows(site: SiteData) -> list[dict]:
    rows = []
    for key, e in sorted(site.collection("events").items(), key=lambda item: (item[1].start, item[0])):
        rows.append({
            "id": key, "type": e.type.value, "title_de": e.title["de"], "title_en": e.title["en"], "title_fr": e.title["fr"],
            "start": e.start.iso(), "end": _date(e.end), "city": _text(e.place.city, "de") if e.place else "",
            "country": e.place.country if e.place else "", "status": e.status.value,
            "phase": _phase_number(site, e.phase), "documentation": " ".join(e.documentation),
        })
    return rows


def publication_rows(site: SiteData) -> list[dict]:
    rows = []
    for key, pub in sorted(site.collection("publications").items()):
        first = pub.editions[0]
        rows.append({
            "id": key, "series": site.collection("series")[pub.series].name["de"] if pub.series else "",
            "number": pub.number or "", "title": first.title, "languages": " ".join(e.language.value for e in pub.editions),
            "date": _date(first.date), "place": first.place or "", "documents_event": pub.documents_event or "",
            "documents_phase": _phase_number(site, pub.documents_phase), "free_order": "true" if pub.free_order else "false",
            "publisher_page": pub.publisher_page.url if pub.publisher_page else "",
        })
    return rows


TABLES = {
    "partnerships": ("partnerschaften.csv", PARTNERSHIP_FIELDS, "Partnerships: both municipalities, relationship, phase, places, sources"),
    "measures": ("massnahmen.csv", MEASURE_FIELDS, "Measures of the joint programmes of action"),
    "events": ("veranstaltungen.csv", EVENT_FIELDS, "Events: workshops, conferences, network meetings"),
    "publications": ("publikationen.csv", PUBLICATION_FIELDS, "Publications of the programme"),
}


def datapackage(site_url: str) -> bytes:
    resources = [
        {"name": name, "path": path, "title": title, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
         "profile": "tabular-data-resource",
         "schema": {"fields": [{"name": f, "type": t, "description": d} for f, t, d in fields]}}
        for name, (path, fields, title) in TABLES.items()
    ]
    resources += [
        {"name": "partnerships-json", "path": "partnerschaften.json", "format": "json", "mediatype": "application/json",
         "title": "Partnerships as JSON (the same rows as the CSV)"},
        {"name": "partnerships-geojson", "path": "partnerschaften.geojson", "format": "geojson", "mediatype": "application/geo+json",
         "title": "Partnerships as GeoJSON (RFC 7946, longitude before latitude)"},
        {"name": "events-icalendar", "path": "veranstaltungen.ics", "format": "ics", "mediatype": "text/calendar",
         "title": "Events as iCalendar (RFC 5545), titles in German"},
        {"name": "publications-csl-json", "path": "publikationen.json", "format": "json", "mediatype": "application/vnd.citationstyles.csl+json",
         "title": "Publications as CSL-JSON"},
        {"name": "publications-bibtex", "path": "publikationen.bib", "format": "bib", "mediatype": "application/x-bibtex",
         "title": "Publications as BibTeX"},
    ]
    package = {
        "profile": "data-package",
        "name": "kommunale-klimapartnerschaften",
        "title": "Kommunale Klimapartnerschaften – Municipal Climate Partnerships",
        "description": ("Partnerships of German municipalities with municipalities in Africa, Latin America and Asia, "
                        "with their measures, events and publications, each record with its sources. Coordinates: "
                        "GeoNames (CC BY 4.0); hence the whole package is CC BY 4.0."),
        "homepage": site_url,
        "licenses": [LICENCE],
        "publisher": "Engagement Global gGmbH / Servicestelle Kommunen in der Einen Welt",
        "sources": [{"title": "GeoNames", "path": "https://www.geonames.org/"}],
        "resources": resources,
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def files(site: SiteData, site_url: str) -> dict[str, bytes]:
    rows = partnership_rows(site, site_url)
    return {
        FOLDER + "partnerschaften.json": (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        FOLDER + "partnerschaften.csv": _csv(PARTNERSHIP_FIELDS, rows),
        FOLDER + "partnerschaften.geojson": geojson(site, rows),
        FOLDER + "massnahmen.csv": _csv(MEASURE_FIELDS, measure_rows(site)),
        FOLDER + "veranstaltungen.csv": _csv(EVENT_FIELDS, event_rows(site)),
        FOLDER + "publikationen.csv": _csv(PUBLICATION_FIELDS, publication_rows(site)),
        FOLDER + "publikationen.json": citations.csl_json(site, sorted(site.collection("publications"))).encode("utf-8"),
        FOLDER + "publikationen.bib": citations.bibtex(site, sorted(site.collection("publications"))).encode("utf-8"),
        FOLDER + "datapackage.json": datapackage(site_url),
    }


#: What the data page lists: (file, ui.yml key of its description, format)
DOWNLOADS = [
    ("partnerschaften.csv", "data.partnerships", "CSV"),
    ("partnerschaften.json", "data.partnerships", "JSON"),
    ("partnerschaften.geojson", "data.geojson", "GeoJSON"),
    ("massnahmen.csv", "data.measures", "CSV"),
    ("veranstaltungen.csv", "data.events", "CSV"),
    ("veranstaltungen.ics", "data.calendar", "iCalendar"),
    ("publikationen.csv", "data.publications", "CSV"),
    ("publikationen.json", "data.publications", "CSL-JSON"),
    ("publikationen.bib", "data.publications", "BibTeX"),
    ("datapackage.json", "data.package", "Frictionless Data Package"),
]


def breakable(identifier: str) -> HTML:
    """A column name that a narrow cell may wrap after its underscores only ("german_<wbr>name"),
    never letter by letter (docs/assets/site.css keeps the letters of a word together)."""
    return HTML("_<wbr>").join(HTML.escape(part) for part in identifier.split("_"))


def page(site: SiteData, lang: str, is_default: bool) -> HTML:
    """The list of downloads and the columns of each table, for the data page."""
    t = site.strings
    up = "../" * (1 if is_default else 2)

    def head(keys) -> HTML:
        return HTML("<tr>{}</tr>").format(HTML("").join(HTML('<th scope="col">{}</th>').format(t(k, lang)) for k in keys))

    rows = [
        HTML('<tr><td><a href="{}" download>{}</a></td><td>{}</td><td>{}</td></tr>').format(f"{up}{FOLDER}{name}", name, fmt, t(key, lang))
        for name, key, fmt in DOWNLOADS
    ]
    parts = [data_table("kkp-downloads", t("data.downloads", lang), head(("data.file", "data.format", "data.content")), rows)]
    for name, (path, fields, title) in TABLES.items():
        items = [HTML('<tr><td><code>{}</code></td><td>{}</td><td lang="en">{}</td></tr>').format(breakable(f), ty, d)
                 for f, ty, d in fields]
        parts.append(HTML('<h3 id="{}"><code>{}</code></h3>\n{}').format(
            name, path, data_table("kkp-columns", path, head(("data.column", "data.type", "data.meaning")), items)))
    return HTML("\n\n").join(parts)
