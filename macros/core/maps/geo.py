"""Geometry for the maps: Natural Earth boundaries (TopoJSON in macros/core/maps/geodata/),
a frame that projects longitude and latitude into SVG units, and outlines clipped to
that frame as compact SVG path data. Used by macros/core/maps/worldmap.py; no tiles, no other host.

The projection is equirectangular with the x axis shortened by the cosine of the frame's
middle latitude (so Germany is not stretched); 110m data serves the world and the locator
maps, 50m data the Germany inset, whose points must be legible.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pycountry

GEODATA = Path(__file__).parent / "geodata"
COARSE, FINE = "countries-110m.json", "countries-50m.json"

Point = tuple[float, float]


@dataclass(frozen=True)
class Ring:
    """A closed outline in lon/lat and its bounding box, so that a frame can pass over the
    rings it does not touch without projecting them."""

    points: tuple[Point, ...]
    west: float
    east: float
    south: float
    north: float

    @classmethod
    def of(cls, points: list[Point]) -> "Ring":
        lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
        return cls(tuple(points), min(lons), max(lons), min(lats), max(lats))


@dataclass(frozen=True)
class Frame:
    """A lon/lat rectangle drawn `width` units wide; `step` is the path grid (in units)."""

    west: float
    east: float
    south: float
    north: float
    width: float
    step: float = 0.5
    #: the latitude at which the drawing keeps true proportions (equirectangular projection);
    #: None: the middle of the rectangle
    parallel: float | None = None

    # computed once per frame (cached_property writes past the frozen dataclass's __setattr__;
    # equality and hashing still use the fields only): a map projects thousands of points
    @cached_property
    def stretch(self) -> float:
        middle = (self.north + self.south) / 2
        return math.cos(math.radians(middle if self.parallel is None else self.parallel))

    @cached_property
    def scale(self) -> float:
        return self.width / ((self.east - self.west) * self.stretch)

    @property
    def height(self) -> float:
        return round((self.north - self.south) * self.scale, 1)

    def project(self, lon: float, lat: float) -> Point:
        return (lon - self.west) * self.stretch * self.scale, (self.north - lat) * self.scale

    def inside(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def _arcs(topology: dict) -> list[list[Point]]:
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


def _ring(arcs, indices: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


@lru_cache(maxsize=2)
def outlines(name: str) -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """(ISO alpha-2 code or "", rings) for every country in a data file."""
    topology = json.loads((GEODATA / name).read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        country = pycountry.countries.get(numeric=geometry["id"]) if geometry.get("id") else None
        rings = tuple(Ring.of(_ring(arcs, ring)) for polygon in polygons for ring in polygon)
        result.append((country.alpha_2 if country else "", rings))
    return tuple(result)


def _clip(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman clipping of a closed ring to an axis-aligned box (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: (x0, p[1] + (q[1] - p[1]) * (x0 - p[0]) / (q[0] - p[0]))),
        (lambda p: p[0] <= x1, lambda p, q: (x1, p[1] + (q[1] - p[1]) * (x1 - p[0]) / (q[0] - p[0]))),
        (lambda p: p[1] >= y0, lambda p, q: (p[0] + (q[0] - p[0]) * (y0 - p[1]) / (q[1] - p[1]), y0)),
        (lambda p: p[1] <= y1, lambda p, q: (p[0] + (q[0] - p[0]) * (y1 - p[1]) / (q[1] - p[1]), y1)),
    )
    for keep, cut in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if keep(point):
                if not keep(previous):
                    result.append(cut(previous, point))
                result.append(point)
            elif keep(previous):
                result.append(cut(previous, point))
            previous = point
        points = result
    return points


def _area(points: list[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1])) / 2


def path(frame: Frame, rings: tuple[Ring, ...]) -> str:
    """SVG path data of rings clipped to the frame, on a grid of frame.step units, relative moves."""
    margin = frame.step * 4
    box = (-margin, -margin, frame.width + margin, frame.height + margin)
    # The clip box in lon/lat, widened by one more margin to stay clear of rounding: the
    # projection is linear in each axis, so a ring whose box lies outside it would be clipped
    # to nothing, and is passed over without being projected.
    lon_unit, lat_unit = frame.scale * frame.stretch, frame.scale
    west, east = frame.west - 2 * margin / lon_unit, frame.west + (frame.width + 2 * margin) / lon_unit
    south, north = frame.north - (frame.height + 2 * margin) / lat_unit, frame.north + 2 * margin / lat_unit
    out = []
    for ring in rings:
        if ring.east - ring.west > 300:
            continue  # a ring cut at 180° (Fiji): drawn across the whole frame otherwise
        if ring.east < west or ring.west > east or ring.north < south or ring.south > north:
            continue
        points = _clip([frame.project(lon, lat) for lon, lat in ring.points], box)
        if len(points) < 3 or abs(_area(points)) < (2 * frame.step) ** 2:
            continue  # nothing left in the frame, a speck, or a sliver along its edge (a ring across 180°)
        grid = [(round(x / frame.step), round(y / frame.step)) for x, y in points]
        previous = grid[0]
        steps = []
        for point in grid[1:]:
            if point != previous:
                steps.append(f"{(point[0] - previous[0]) * frame.step:g} {(point[1] - previous[1]) * frame.step:g}")
                previous = point
        if len(steps) >= 2:
            out.append(f"M{grid[0][0] * frame.step:g} {grid[0][1] * frame.step:g}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(out)


@lru_cache(maxsize=4096)  # one frame per partnership's locator map: drawn once, not once per language in turn
def country_paths(frame: Frame, name: str = COARSE) -> tuple[tuple[str, str], ...]:
    """(country code, path data) of every country that shows in the frame."""
    result = []
    for code, rings in outlines(name):
        data = path(frame, rings)
        if data:
            result.append((code, data))
    return tuple(result)
