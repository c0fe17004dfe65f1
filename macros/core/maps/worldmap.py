"""The partnership maps, drawn at build time as SVG (macros/core/maps/geo.py does the geometry).

- `figure`: the map page: a world view with one link per partnership (line and partner
  point) and a Germany inset in which each German place is one point, split into one
  linked sector per partnership; a legend, the count drawn and the sources.
- `undrawn_list`: every partnership that is not drawn, by name, with the reason.
- `small_map`: the world view of a selection (directory filter pages).
- `locator`: a profile's small map of its two places (no text inside, a few hundred bytes).

A partnership is drawn when both places have sourced coordinates. Every link has an
accessible name ("Bonn – Cape Coast") and shows it as a label on hover and focus.
"""

from __future__ import annotations

from ..checking.messages import msg, render
from ..pages import editorial

import math
from dataclasses import dataclass

from ..files import links
from .geo import COARSE, FINE, Frame, country_paths
from ..markup.html import NEWLINE, link
from ..records.langs import pick
from ..records.models import Coordinates, Kind, Partnership
from ..markup.safe import HTML
from ..checking.site import SiteData

#: The world view, framed to where the partnerships are: Germany, Latin America, Africa and
#: South-East Asia, with a few degrees of sea around them (tests/test_maps_charts.py checks that
#: every drawn place is inside). True proportions at 45°: the view is about two thirds as tall
#: as it is wide, so that a phone's column (358 px) shows it at least 220 px tall.
WORLD = Frame(-103.0, 128.0, -38.0, 61.0, 1000.0, parallel=45.0)
GERMANY = Frame(5.4, 15.6, 47.0, 55.3, 400.0, step=0.5)
BAND = 60.0          # height of the label strip above the world view, in its units
INSET_BAND = 46.0    # the same above the Germany inset: room for a label on two lines
INSET_LINE = 34      # characters that fit on one line of the inset's label
SKIP_TARGET = "kkp-map-after"  # id of the text after the map's links, the skip link's target
POINT_KINDS = (Kind.CITY, Kind.MUNICIPALITY)  # places drawn at their own coordinates


@dataclass(frozen=True)
class Pair:
    key: str
    record: Partnership
    german: Coordinates
    partner: Coordinates


def drawn(site: SiteData, keys: set[str] | None = None) -> list[Pair]:
    return [Pair(k, p, p.german.position, p.partner.position) for k, p in site.partnerships
            if p.german.position and p.partner.position and (keys is None or k in keys)]


def undrawn(site: SiteData) -> list[tuple[str, Partnership]]:
    return [(k, p) for k, p in site.partnerships if not (p.german.position and p.partner.position)]


def name(p: Partnership, lang: str) -> str:
    return f"{pick(p.german.name, lang).value} – {pick(p.partner.name, lang).value}"


def _frame_rect(frame: Frame, band: float) -> HTML:
    return HTML('<rect class="kkp-sea" y="{:g}" width="{:g}" height="{:g}"/>').format(band, frame.width, frame.height)


def _countries(frame: Frame, data: str, band: float, highlight: set[str]) -> HTML:
    shapes = []
    for code, d in country_paths(frame, data):
        css = "kkp-de" if code == "DE" else ("kkp-partner-country" if code in highlight else "kkp-land")
        shapes.append(HTML('<path class="{}" d="{}"/>').format(css, d))
    return HTML('<g transform="translate(0 {:g})">{}</g>').format(band, HTML("").join(shapes))


def _svg(css: str, frame: Frame, band: float, ident: str, title: str, desc: str, hint: str, body: HTML) -> HTML:
    """A map view, named by its title and description. It holds links, so it is not an image
    (role=img would hide them); an SVG's own role (graphics-document) keeps them reachable,
    and HTML allows no role=group on svg."""
    return HTML(
        '<svg class="kkp-map {0}" viewBox="0 0 {1:g} {2:g}" aria-labelledby="{3}-t {3}-d" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{3}-t">{4}</title><desc id="{3}-d">{5}</desc>'
        '<text class="kkp-hint" x="8" y="{6:g}" aria-hidden="true">{7}</text>{8}</svg>'
    ).format(css, frame.width, frame.height + band, ident, title, desc, band * 0.66, hint, body)


def world_svg(site: SiteData, lang: str, here: str, pairs: list[Pair], ident: str, desc: str) -> HTML:
    t = site.strings
    highlight = {pair.record.partner.country for pair in pairs}
    links_ = []
    for pair in sorted(pairs, key=lambda pair: name(pair.record, lang)):
        x1, y1 = WORLD.project(pair.german.lon, pair.german.lat)
        x2, y2 = WORLD.project(pair.partner.lon, pair.partner.lat)
        links_.append(HTML(
            '<a class="kkp-pair" href="{}" aria-label="{}"><line class="kkp-line" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>'
            '<circle class="kkp-hit" cx="{:.1f}" cy="{:.1f}" r="9"/><circle class="kkp-partner-point" cx="{:.1f}" cy="{:.1f}" r="4"/>'
            '<text class="kkp-label" x="8" y="{:g}">{}</text></a>'
        ).format(links.href(here, links.profile(pair.key)), name(pair.record, lang), x1, y1 + BAND, x2, y2 + BAND,
                 x2, y2 + BAND, x2, y2 + BAND, BAND * 0.66, name(pair.record, lang)))
    german = {(round(pair.german.lon, 2), round(pair.german.lat, 2)) for pair in pairs}
    dots = HTML("").join(HTML('<circle class="kkp-german-point" cx="{:.1f}" cy="{:.1f}" r="2.5"/>').format(
        *(lambda x, y: (x, y + BAND))(*WORLD.project(lon, lat))) for lon, lat in sorted(german))
    body = HTML("{}{}{}{}").format(_frame_rect(WORLD, BAND), _countries(WORLD, COARSE, BAND, highlight),
                                   HTML("").join(links_), dots)
    return _svg("kkp-map-world", WORLD, BAND, ident, t("map.world_title", lang), desc, t("map.hint", lang), body)


def _sector(x: float, y: float, r: float, index: int, count: int) -> str:
    if count == 1:
        return f"M{x - r:.1f} {y:.1f}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0z"
    a0, a1 = 2 * math.pi * index / count - math.pi / 2, 2 * math.pi * (index + 1) / count - math.pi / 2
    large = 1 if a1 - a0 > math.pi else 0
    return (f"M{x:.1f} {y:.1f}L{x + r * math.cos(a0):.1f} {y + r * math.sin(a0):.1f}"
            f"A{r:g} {r:g} 0 {large} 1 {x + r * math.cos(a1):.1f} {y + r * math.sin(a1):.1f}z")


def _inset_label(p: Partnership, lang: str) -> HTML:
    """The label of a point in the Germany inset: on two lines (at the dash) when it is long."""
    text = name(p, lang)
    if len(text) <= INSET_LINE:
        return HTML('<text class="kkp-label" x="6" y="19">{}</text>').format(text)
    return HTML('<text class="kkp-label" x="6" y="19">{} <tspan x="6" dy="19">– {}</tspan></text>').format(
        pick(p.german.name, lang).value, pick(p.partner.name, lang).value)


def germany_svg(site: SiteData, lang: str, here: str, pairs: list[Pair], ident: str) -> HTML:
    """Each German place once; a place with n partnerships is a point of n linked sectors."""
    t = site.strings
    places: dict[tuple[float, float], list[Pair]] = {}
    for pair in pairs:
        places.setdefault((pair.german.lon, pair.german.lat), []).append(pair)
    parts = []
    for (lon, lat), group in sorted(places.items(), key=lambda item: (-item[0][1], item[0][0])):
        x, y = GERMANY.project(lon, lat)
        y += INSET_BAND
        group.sort(key=lambda pair: name(pair.record, lang))
        for index, pair in enumerate(group):
            parts.append(HTML(
                '<a class="kkp-pair" href="{}" aria-label="{}"><path class="kkp-german-point" d="{}"/>{}</a>'
            ).format(links.href(here, links.profile(pair.key)), name(pair.record, lang), _sector(x, y, 7, index, len(group)),
                     _inset_label(pair.record, lang)))
    body = HTML("{}{}{}").format(_frame_rect(GERMANY, INSET_BAND), _countries(GERMANY, FINE, INSET_BAND, set()), HTML("").join(parts))
    desc = t("map.germany_desc", lang, places=len(places), n=len(pairs))
    return _svg("kkp-map-germany", GERMANY, INSET_BAND, ident, t("map.germany_title", lang), desc, t("map.hint_short", lang), body)


def _legend(site: SiteData, lang: str) -> HTML:
    t = site.strings
    return HTML(
        '<ul class="kkp-map-legend"><li><span class="kkp-key kkp-key-german"></span>{}</li>'
        '<li><span class="kkp-key kkp-key-partner"></span>{}</li><li><span class="kkp-key kkp-key-line"></span>{}</li></ul>'
    ).format(t("map.key.german", lang), t("map.key.partner", lang), t("map.key.line", lang))


def figure(site: SiteData, lang: str, directory_href: str, here: str = links.MAP) -> HTML:
    t = site.strings
    pairs = drawn(site)
    total = len(site.partnerships)
    desc = t("map.desc", lang, total=total, drawn=len(pairs))
    # a keyboard user can pass the map's links (one a partnership) to the text below them
    skip = HTML('<a class="kkp-skip-map" href="#{}">{}</a>').format(SKIP_TARGET, t("map.skip", lang))
    views = HTML('<div class="kkp-map-views"><div class="kkp-map-view">{}</div><div class="kkp-map-view">{}</div></div>').format(
        world_svg(site, lang, here, pairs, "kkp-map-w", desc), germany_svg(site, lang, here, pairs, "kkp-map-de"))
    count = HTML('<p class="kkp-map-count" id="{}">{}</p>').format(SKIP_TARGET, t("map.count", lang, drawn=len(pairs), total=total))
    caption = t.html("map.caption", lang, directory=link(directory_href, t("map.directory", lang)))
    return HTML('<figure class="kkp-map-figure">{}{}<figcaption>{}{}<p>{}</p></figcaption></figure>').format(
        skip, views, count, _legend(site, lang), caption)


def reason(p: Partnership, lang: str) -> str:
    """For editors: why a partnership is not drawn (which side lacks coordinates, and why)."""
    say = editorial.language(lang)
    return "; ".join(render(msg("editorial.no_place" if side.kind in POINT_KINDS else "editorial.no_seat",
                                name=pick(side.name, lang).value), say)
                     for side in (p.german, p.partner) if not side.position)


def undrawn_list(site: SiteData, lang: str, here: str = links.MAP) -> HTML:
    """For editors: the partnerships not on the map, by name, with the reason; nothing in the public build."""
    rows = [HTML('{}: {}').format(link(links.href(here, links.profile(k)), name(p, lang)), reason(p, lang))
            for k, p in sorted(undrawn(site), key=lambda item: name(item[1], lang))]
    return editorial.box(lang, [msg("editorial.map_method"), *(rows or [msg("editorial.all_drawn")])], msg("editorial.undrawn"))


def small_map(site: SiteData, lang: str, here: str, keys: set[str]) -> HTML:
    """The world view of a selection, for a directory filter page."""
    t = site.strings
    pairs = drawn(site, keys)
    if not pairs:
        return HTML("")
    desc = t("map.small_desc", lang, total=len(keys), drawn=len(pairs))
    return HTML('<figure class="kkp-map-figure kkp-map-small">{}<figcaption>{}</figcaption></figure>').format(
        world_svg(site, lang, here, pairs, "kkp-map-s", desc), desc)


LOCATOR_WIDTH = 320.0


def locator(site: SiteData, p: Partnership, lang: str) -> HTML:
    """Two places and a line on a coarse outline map; empty when a place has no coordinates."""
    a, b = p.german.position, p.partner.position
    if not (a and b):
        return HTML("")
    west, east = min(a.lon, b.lon), max(a.lon, b.lon)
    south, north = min(a.lat, b.lat), max(a.lat, b.lat)
    pad_x, pad_y = max(8.0, (east - west) * 0.15), max(6.0, (north - south) * 0.15)
    tall = (north - south + 2 * pad_y) - 0.75 * (east - west + 2 * pad_x)  # no taller than 4:3
    if tall > 0:
        pad_x += tall / 0.75 / 2
    frame = Frame(west - pad_x, east + pad_x, max(-85.0, south - pad_y), min(85.0, north + pad_y), LOCATOR_WIDTH, step=2.0)
    (x1, y1), (x2, y2) = frame.project(a.lon, a.lat), frame.project(b.lon, b.lat)
    shapes = HTML("").join(HTML('<path class="{}" d="{}"/>').format("kkp-de" if code == "DE" else (
        "kkp-partner-country" if code == p.partner.country else "kkp-land"), d) for code, d in country_paths(frame, COARSE))
    label = site.strings("map.locator", lang, german=pick(p.german.name, lang).value, partner=pick(p.partner.name, lang).value)
    return HTML(
        '<figure class="kkp-locator"><svg viewBox="0 0 {0:g} {1:g}" role="img" aria-label="{2}" xmlns="http://www.w3.org/2000/svg">'
        '<rect class="kkp-sea" width="{0:g}" height="{1:g}"/>{3}<line class="kkp-line" x1="{4:.0f}" y1="{5:.0f}" x2="{6:.0f}" y2="{7:.0f}"/>'
        '<circle class="kkp-german-point" cx="{4:.0f}" cy="{5:.0f}" r="5"/><circle class="kkp-partner-point" cx="{6:.0f}" cy="{7:.0f}" r="5"/>'
        '</svg><figcaption>{8}</figcaption></figure>'
    ).format(frame.width, frame.height, label, shapes, x1, y1, x2, y2, _legend_pair(site, p, lang))


def _legend_pair(site: SiteData, p: Partnership, lang: str) -> HTML:
    return HTML('<span class="kkp-key kkp-key-german"></span>{} <span class="kkp-key kkp-key-partner"></span>{}').format(
        pick(p.german.name, lang).value, pick(p.partner.name, lang).value)
