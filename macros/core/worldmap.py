"""The partnership map, drawn at build time as SVG from committed boundary data.

Natural Earth country boundaries (TopoJSON, macros/core/geodata/) are projected
equirectangularly into a frame around the programme's regions; each partnership is a
line between its two municipalities' sourced coordinates. No tiles, no other host.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from .html import link
from .safe import HTML
from .langs import pick
from .site import SiteData

TOPOLOGY = Path(__file__).parent / "geodata" / "countries-110m.json"
WEST, EAST, SOUTH, NORTH = -120.0, 150.0, -42.0, 62.0   # the frame, in degrees
WIDTH = 1000.0
SCALE = WIDTH / (EAST - WEST)
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)
PRECISION = 2  # path coordinates in half units of the 1000-unit-wide frame


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SCALE, (NORTH - lat) * SCALE


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, or "" where Natural Earth has no ISO code
    path: str


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs, indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data with relative moves at 1/PRECISION units; repeated points are dropped."""
    out = []
    for ring in rings:
        xs = [project(lon, lat) for lon, lat in ring]
        if all(x < 0 or x > WIDTH for x, _ in xs) or all(y < 0 or y > HEIGHT for _, y in xs):
            continue
        previous = (round(xs[0][0] * PRECISION), round(xs[0][1] * PRECISION))
        commands = [f"M{previous[0] / PRECISION:g} {previous[1] / PRECISION:g}l"]
        steps = []
        for x, y in xs[1:]:
            point = (round(x * PRECISION), round(y * PRECISION))
            if point != previous:
                steps.append(f"{(point[0] - previous[0]) / PRECISION:g} {(point[1] - previous[1]) / PRECISION:g}")
                previous = point
        if len(steps) >= 2:
            out.append(commands[0] + " ".join(steps).replace(" -", "-") + "z")
    return "".join(out)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    topology = json.loads(TOPOLOGY.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = _path([_ring(arcs, ring) for polygon in polygons for ring in polygon])
        if not path:
            continue
        country = pycountry.countries.get(numeric=geometry.get("id", "")) if geometry.get("id") else None
        result.append(Country(country.alpha_2 if country else "", path))
    return tuple(result)


def svg(site: SiteData, lang: str) -> HTML:
    """The map as an inline SVG element with a title and a description."""
    t = site.strings
    records = [p for _, p in site.partnerships]
    partner_countries = {p.partner.country for p in records}
    shapes = []
    for country in countries():
        css = "kkp-de" if country.code == "DE" else ("kkp-partner-country" if country.code in partner_countries else "kkp-land")
        shapes.append(HTML('<path class="{}" d="{}"/>').format(css, country.path))
    lines, both, one = [], 0, 0
    for record in records:
        ends = [m.coordinates for m in (record.german, record.partner)]
        points = [project(c.lon, c.lat) for c in ends if c]
        if not points:
            continue
        parts = [HTML("<title>{} – {}</title>").format(pick(record.german.name, lang).value, pick(record.partner.name, lang).value)]
        if len(points) == 2:
            both += 1
            (x1, y1), (x2, y2) = points
            parts.append(HTML('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>').format(x1, y1, x2, y2))
        else:
            one += 1
        for side, coordinates in zip(("kkp-german-point", "kkp-partner-point"), ends):
            if coordinates:
                x, y = project(coordinates.lon, coordinates.lat)
                parts.append(HTML('<circle class="{}" cx="{:.1f}" cy="{:.1f}" r="3"/>').format(side, x, y))
        lines.append(HTML('<g class="kkp-pair-line">{}</g>').format(HTML("").join(parts)))
    title = t("map.title", lang)
    desc = t("map.desc", lang, total=len(records), both=both, one=one, none=len(records) - both - one)
    return HTML(
        '<svg class="kkp-map" viewBox="0 0 {0:g} {1:g}" role="img" aria-labelledby="kkp-map-title kkp-map-desc" '
        'xmlns="http://www.w3.org/2000/svg"><title id="kkp-map-title">{2}</title><desc id="kkp-map-desc">{3}</desc>'
        '<rect class="kkp-sea" width="{0:g}" height="{1:g}"/>{4}{5}</svg>'
    ).format(WIDTH, HEIGHT, title, desc, HTML("").join(shapes), HTML("").join(lines))


def figure(site: SiteData, lang: str, directory_href: str) -> HTML:
    t = site.strings
    legend = HTML('<span class="kkp-key kkp-key-german"></span> {} <span class="kkp-key kkp-key-partner"></span> {}').format(
        t("map.key.german", lang), t("map.key.partner", lang))
    caption = t.html("map.caption", lang, directory=link(directory_href, t("map.directory", lang)))
    return HTML('<figure class="kkp-map-figure">{}<figcaption>{}<br>{}</figcaption></figure>').format(svg(site, lang), legend, caption)
