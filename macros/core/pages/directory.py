"""The partnership directory: filters by country, continent, phase, German state and
relationship, and sorting, all as plain pages and links (no JavaScript needed).

The full directory is the hand-written page partnerschaften/ (macro `partnership_directory`);
each filter value and each sort order is a generated page under verzeichnis/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..files import formats, links, names
from ..files.continents import CONTINENT
from ..markup.html import NEWLINE, inline, link
from ..records.langs import pick
from ..records.models import Partnership
from .parts import data_table
from ..markup.safe import HTML
from ..checking.site import SiteData

#: Region slug (URL part) -> UN M49 code, whose name CLDR (Babel) gives in every language.
CONTINENT_M49 = names.REGIONS_M49
UNKNOWN = "unbekannt"


@lru_cache(maxsize=None)
def continent_of(country: str) -> str:
    """The UN M49 region (slug of names.REGIONS_M49) of a country: Nicaragua is in Latin
    America and the Caribbean, not in GeoNames' North America."""
    return names.region_of(country, CONTINENT[country])


@dataclass(frozen=True)
class Facet:
    slug: str                                  # URL part and key in data/ui.yml (filter.<slug>)
    value: Callable[[Partnership], str]        # the record's value for this facet
    label: Callable[[SiteData, str, str], str]  # (site, value, lang) -> label


def _phase_label(site: SiteData, value: str, lang: str) -> str:
    phase = site.collection("phases").get(value)
    return site.strings("phase.name", lang, number=phase.number) if phase else site.strings("phase.unknown", lang)


FACETS = (
    Facet("land", lambda p: p.partner.country, lambda s, v, lang: formats.country(v, lang)),
    Facet("kontinent", lambda p: continent_of(p.partner.country), lambda s, v, lang: formats.region(v, lang)),
    Facet("phase", lambda p: p.phase if p.phase != "unknown" else UNKNOWN, _phase_label),
    Facet("bundesland", lambda p: p.german.state or UNKNOWN,
          lambda s, v, lang: formats.state(v, lang) if v != UNKNOWN else s.strings("profile.not_known", lang)),
    Facet("beziehung", lambda p: p.relationship.value if p.relationship else UNKNOWN,
          lambda s, v, lang: s.strings(f"relationship.{v}", lang) if v != UNKNOWN else s.strings("profile.not_known", lang)),
)
FACET_BY_SLUG = {facet.slug: facet for facet in FACETS}


def _since(p: Partnership):
    return p.climate_partnership_since.iso() if p.climate_partnership_since else "9999"


#: sort key slug -> (ui.yml key of the column, key function on (id, record, lang))
SORTS = {
    "phase": ("list.phase", None),
    "deutsche-kommune": ("list.german", lambda i, p, lang: formats.sort_key(pick(p.german.name, lang).value)),
    "partnerkommune": ("list.partner", lambda i, p, lang: formats.sort_key(pick(p.partner.name, lang).value)),
    "land": ("list.country", lambda i, p, lang: formats.sort_key(formats.country(p.partner.country, lang))),
    "seit": ("list.since", lambda i, p, lang: _since(p)),
}
DEFAULT_SORT = "phase"


def value_folder(facet: Facet, value: str) -> str:
    return f"{links.VIEWS}{facet.slug}/{value.lower()}/"


def sort_folder(key: str) -> str:
    return links.DIRECTORY if key == DEFAULT_SORT else f"{links.VIEWS}sortiert/{key}/"


def facet_values(site: SiteData, facet: Facet, lang: str) -> list[tuple[str, str, list[str]]]:
    """(value, label, ids) for every value of `facet` that occurs, in reading order."""
    return site.memo(("facet", facet.slug, lang), lambda: _facet_values(site, facet, lang))


def _facet_values(site: SiteData, facet: Facet, lang: str) -> list[tuple[str, str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for record_id, p in site.partnerships:
        groups.setdefault(facet.value(p), []).append(record_id)
    rows = [(value, facet.label(site, value, lang), ids) for value, ids in groups.items()]
    if facet.slug == "phase":
        order = {key: phase.number for key, phase in site.collection("phases").items()}
        return sorted(rows, key=lambda row: order.get(row[0], 10**6))
    return sorted(rows, key=lambda row: (row[0] == UNKNOWN, formats.sort_key(row[1])))


def views(site: SiteData) -> list[tuple[str, str | None, str | None]]:
    """Every generated directory page: (folder, facet slug, value) or (folder, None, sort key)."""
    pages = [(sort_folder(key), None, key) for key in SORTS if key != DEFAULT_SORT]
    for facet in FACETS:
        for value, _, _ in facet_values(site, facet, "de"):
            pages.append((value_folder(facet, value), facet.slug, value))
    return pages


def filters(site: SiteData, lang: str, here: str, selected: tuple[str, str] | None) -> HTML:
    """The filter panel: per facet, every value as a link with its count."""
    t = site.strings
    groups = []
    for facet in FACETS:
        items = []
        for value, label, ids in facet_values(site, facet, lang):
            target = value_folder(facet, value)
            current = HTML(' aria-current="page"') if selected == (facet.slug, value) else ""
            items.append(HTML('<li><a href="{}"{}>{}</a> <span class="kkp-count">({})</span></li>').format(links.href(here, target), current, label, len(ids)))
        is_open = HTML(" open") if selected and selected[0] == facet.slug else ""
        groups.append(HTML("<details{}><summary>{}</summary>\n<ul>\n{}\n</ul>\n</details>").format(is_open, t(f"filter.{facet.slug}", lang), NEWLINE.join(items)))
    everything = HTML("<p>{}</p>").format(link(links.href(here, links.DIRECTORY), t("filter.all", lang, count=len(site.partnerships))))
    return HTML('<nav class="kkp-filters" aria-label="{}">\n{}\n{}\n</nav>').format(t("filter.label", lang), everything, NEWLINE.join(groups))


#: The table's columns: (sort page slug or None, ui.yml key of the header, whether the column
#: may be left out on a wide screen when most of its rows are empty).
COLUMNS = (
    ("deutsche-kommune", "list.german", False), (None, "list.state", True), ("partnerkommune", "list.partner", False),
    ("land", "list.country", False), ("phase", "list.phase", False), (None, "list.relationship", True),
    ("seit", "list.since", True),
)
MISSING = "–"
#: an optional column whose values are missing in more than this share of a table's rows is
#: shown on the cards of a narrow screen only
SPARSE_SHARE = 0.5


def _values(site: SiteData, lang: str, here: str, record_id: str) -> list[HTML | str]:
    """One partnership's cells, in the order of COLUMNS (MISSING where there is no value). Their
    links depend only on the page's first folder and depth, so they are built once for all the
    filter pages at the same place in the tree."""
    parts = [part for part in here.split("/") if part]
    place = (parts[0] if parts else "", len(parts))
    return site.memo(("cells", lang, place, record_id), lambda: _build_values(site, lang, here, record_id))


def _build_values(site: SiteData, lang: str, here: str, record_id: str) -> list[HTML | str]:
    t = site.strings
    p = site.partnership_by_id[record_id]
    phase = site.collection("phases").get(p.phase)
    partner = inline(p.partner.name, lang, t)
    # the first cell's link names the pair: the partner's name in it shows on a card only, where
    # the partner column is not shown (docs/assets/site.css)
    title = HTML('<a href="{}">{}<span class="kkp-card-only"> – {}</span></a>').format(
        links.href(here, links.profile(record_id)), pick(p.german.name, lang).value, partner)
    return [
        title,
        formats.state(p.german.state, lang) if p.german.state else MISSING,
        partner,
        formats.country(p.partner.country, lang),
        link(links.href(here, links.phase(p.phase)), t("phase.name", lang, number=phase.number)) if phase else MISSING,
        t(f"relationship.{p.relationship.value}", lang) if p.relationship else MISSING,
        formats.date(p.climate_partnership_since, lang) if p.climate_partnership_since else MISSING,
    ]


def _cell_class(index: int, value, sparse: set[int]) -> str:
    """Classes of a cell: the title of a card, the partner column (left out on cards, the title
    names the pair), a sparse column (left out on wide screens), an empty value (left out on cards)."""
    classes = []
    if index == 0:
        classes.append("kkp-card-title")
    if index == 2:
        classes.append("kkp-wide-only")
    if index in sparse:
        classes.append("kkp-sparse")
    if value == MISSING:
        classes.append("kkp-empty")
    return " ".join(classes)


def _row(labels: list[str], values: list[HTML | str], sparse: set[int]) -> HTML:
    """A table row; on a narrow screen a card, each value after its label (kkp-card-label)."""
    cells = []
    for index, (label, value) in enumerate(zip(labels, values)):
        css = _cell_class(index, value, sparse)
        opening = HTML('<td class="{}">').format(css) if css else HTML("<td>")
        prefix = HTML('<span class="kkp-card-label">{}: </span>').format(label) if index not in (0, 2) else ""
        cells.append(HTML("{}{}{}</td>").format(opening, prefix, value))
    return HTML("<tr>{}</tr>").format(HTML("").join(cells))


def sparse_columns(rows: list[list[HTML | str]]) -> set[int]:
    """Optional columns (COLUMNS) whose value is missing in more than SPARSE_SHARE of `rows`."""
    return {index for index, (_, _, optional) in enumerate(COLUMNS)
            if optional and rows and sum(row[index] == MISSING for row in rows) > SPARSE_SHARE * len(rows)}


def table(site: SiteData, lang: str, here: str, ids: list[str], sort: str | None = DEFAULT_SORT) -> HTML:
    """The partnerships `ids` as a table (cards on a narrow screen); with `sort`, column headers
    link to the sort pages."""
    t = site.strings
    records = site.partnership_by_id
    wanted = set(ids)
    order = [i for i, _ in site.partnerships if i in wanted]
    if sort and SORTS[sort][1]:
        key = SORTS[sort][1]
        order.sort(key=lambda i: key(i, records[i], lang))
    values = [_values(site, lang, here, record_id) for record_id in order]
    sparse = sparse_columns(values)
    labels = [t(column, lang) for _, column, _ in COLUMNS]
    head = []
    for index, ((slug, _, _), label) in enumerate(zip(COLUMNS, labels)):
        css = HTML(' class="kkp-sparse"') if index in sparse else ""
        if sort and slug:
            state = HTML(' aria-sort="ascending"') if slug == sort else ""
            head.append(HTML('<th scope="col"{}{}>{}</th>').format(css, state, link(links.href(here, sort_folder(slug)), label)))
        else:
            head.append(HTML('<th scope="col"{}>{}</th>').format(css, label))
    rows = [_row(labels, row, sparse) for row in values]
    caption = t("list.caption", lang, count=len(order))
    return data_table("kkp-list", caption, HTML("<tr>{}</tr>").format(HTML("").join(head)), rows, caption)


def directory(site: SiteData, lang: str, sort: str = DEFAULT_SORT) -> HTML:
    """Filters and the table of all partnerships, for the page at `sort_folder(sort)`."""
    here = sort_folder(sort)
    return HTML("{}\n\n{}").format(filters(site, lang, here, None), table(site, lang, here, [i for i, _ in site.partnerships], sort))


def view_title(site: SiteData, lang: str, facet_slug: str | None, value: str) -> str:
    t = site.strings
    if facet_slug is None:
        return t("directory.sorted", lang, column=t(SORTS[value][0], lang))
    facet = FACET_BY_SLUG[facet_slug]
    return t("directory.filtered", lang, facet=t(f"filter.{facet.slug}", lang), value=facet.label(site, value, lang))


def view(site: SiteData, lang: str, folder: str, facet_slug: str | None, value: str) -> HTML:
    """Body of a generated directory page (filter view or sort order)."""
    if facet_slug is None:
        return directory(site, lang, value)
    facet = FACET_BY_SLUG[facet_slug]
    ids = [i for i, p in site.partnerships if facet.value(p) == value]
    return HTML("{}\n\n{}").format(filters(site, lang, folder, (facet_slug, value)), table(site, lang, folder, ids, None))
