"""Project progress computed from the records (headline figures: macros/core/pages/figures.py): per phase, per year
(cumulative, against the goal of 50 partnerships by 2015), per continent and country.
No number on these pages is typed by hand.
"""

from __future__ import annotations

from . import editorial
from ..checking.messages import msg
from collections import Counter
from dataclasses import dataclass

from ..maps import charts
from ..files import formats, links
from ..files.builddate import build_date
from .directory import CONTINENT_M49, FACET_BY_SLUG, continent_of
from ..markup.html import EMPTY, NEWLINE, inline, link
from ..records.langs import pick
from ..records.models import Partnership
from .parts import source_link, data_table
from .phase_page import period
from ..markup.safe import HTML
from ..records.types import PartialDate
from ..checking.site import SiteData

GOAL, GOAL_YEAR = 50, 2015  # the programme's goal: 50 partnerships by 2015 (flyer)


def start_year(site: SiteData, p: Partnership) -> int | None:
    """Year a partnership joined: its own date, else the start of its phase, else unknown."""
    if p.climate_partnership_since:
        return p.climate_partnership_since.year
    phase = site.collection("phases").get(p.phase)
    return phase.period.start.year if phase else None


@dataclass(frozen=True)
class Figures:
    partnerships: int
    german: int
    partners: int
    countries: int
    by_year: dict[int, int]          # new partnerships per year
    unknown_year: int
    by_phase: dict[str, int]
    by_country: Counter
    by_continent: Counter

    def cumulative(self) -> list[tuple[int, int]]:
        if not self.by_year:
            return []
        total, rows = 0, []
        for year in range(min(self.by_year), max(self.by_year) + 1):
            total += self.by_year.get(year, 0)
            rows.append((year, total))
        return rows

    def by(self, year: int) -> int:
        return sum(count for y, count in self.by_year.items() if y <= year)


def figures(site: SiteData) -> Figures:
    records = [p for _, p in site.partnerships]
    years = Counter(start_year(site, p) for p in records)
    unknown = years.pop(None, 0)
    return Figures(
        partnerships=len(records),
        german=len({pick(p.german.name, "de").value for p in records}),
        partners=len({(pick(p.partner.name, "de").value, p.partner.country) for p in records}),
        countries=len({p.partner.country for p in records}),
        by_year=dict(sorted(years.items())),
        unknown_year=unknown,
        by_phase=Counter(p.phase for p in records),
        by_country=Counter(p.partner.country for p in records),
        by_continent=Counter(continent_of(p.partner.country) for p in records),
    )


def _head(site: SiteData, lang: str, keys) -> HTML:
    return HTML("<tr>{}</tr>").format(HTML("").join(HTML('<th scope="col">{}</th>').format(site.strings(k, lang)) for k in keys))


def by_phase(site: SiteData, lang: str, here: str = links.PROGRESS) -> HTML:
    t, f = site.strings, figures(site)
    head = _head(site, lang, ("list.phase", "phase.period", "phase.region", "progress.records", "progress.reported"))
    rows = []
    for key, phase in sorted(site.collection("phases").items(), key=lambda item: item[1].number):
        reported = HTML("; ").join(HTML("{} ({})").format(c.value, source_link(site, c.source, lang, here)) for c in phase.partnerships_reported) or "–"
        name = link(links.href(here, links.phase(key)), t("phase.name", lang, number=phase.number))
        rows.append(HTML('<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>').format(
            name, period(phase, lang), phase.region[lang], f.by_phase.get(key, 0), reported))
    if f.by_phase.get("unknown"):
        rows.append(HTML('<tr><th scope="row">{}</th><td>–</td><td>–</td><td>{}</td><td>–</td></tr>').format(t("phase.unknown", lang), f.by_phase["unknown"]))
    return data_table("kkp-phases", t("progress.phase_table", lang), head, rows)


def by_year_table(site: SiteData, lang: str) -> HTML:
    t, f = site.strings, figures(site)
    head = _head(site, lang, ("progress.year", "progress.new", "progress.cumulative"))
    rows = [HTML('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(year, f.by_year.get(year, 0), total) for year, total in f.cumulative()]
    caption = t("progress.year_caption", lang, unknown=f.unknown_year)
    return data_table("kkp-years", caption, head, rows, caption, "kkp-years")


def _note(site: SiteData, lang: str, years: bool = False) -> str:
    """The source line under a chart: the records of this site (and, for the chart per year,
    the reported totals), as of the build date."""
    t = site.strings
    as_of = formats.date(PartialDate(*build_date().timetuple()[:3]), lang)
    if years:
        return t("chart.source.years", lang, n=len(site.partnerships), date=as_of)
    return t("chart.source.records", lang, n=len(site.partnerships), date=as_of)


def chart(site: SiteData, lang: str) -> HTML:
    """Partnerships per year, cumulative, from the records; the totals sources reported as a
    second series with their dates; the goal drawn up to its year only."""
    t, f = site.strings, figures(site)
    data = f.cumulative()
    if not data:
        return EMPTY
    totals = sorted(site.collection("totals").values(), key=lambda r: r.date)
    reported = [charts.Point(r.date.year + ((r.date.month or 1) - 1) / 12, r.value) for r in totals]
    labels = {"goal": t("progress.goal_line", lang, goal=GOAL, year=GOAL_YEAR),
              "records": t("chart.series.records", lang), "reported": t("chart.series.reported", lang)}
    body, height = charts.years_chart([charts.Point(year, total) for year, total in data], reported, GOAL, GOAL_YEAR, labels)
    latest = totals[-1] if totals else None
    finding = t("progress.chart_desc", lang, first=data[0][0], last=data[-1][0], total=data[-1][1], goal=GOAL,
                year=GOAL_YEAR, reached=f.by(GOAL_YEAR))
    if latest:
        finding += " " + t("chart.reported_desc", lang, value=latest.value, date=formats.date(latest.date, lang))
    return charts.figure("kkp-chart-years", t("progress.chart_title", lang), finding, body, height,
                         _note(site, lang, years=True),
                         HTML("{}{}").format(by_year_table(site, lang), reported_totals(site, lang)), t("chart.data", lang))


def _bar_figure(site: SiteData, lang: str, ident: str, title_key: str, finding: str, rows: list[charts.Bar], table: HTML) -> HTML:
    t = site.strings
    body, height = charts.bars(rows)
    return charts.figure(ident, t(title_key, lang), finding, body, height, _note(site, lang), table, t("chart.data", lang))


def phase_chart(site: SiteData, lang: str) -> HTML:
    t, f = site.strings, figures(site)
    phases = sorted(site.collection("phases").items(), key=lambda item: item[1].number)
    rows = [charts.Bar(t("phase.name", lang, number=phase.number), f.by_phase.get(key, 0)) for key, phase in phases]
    if f.by_phase.get("unknown"):
        rows.append(charts.Bar(t("phase.unknown", lang), f.by_phase["unknown"]))
    if not rows:
        return EMPTY
    top = max(rows, key=lambda row: row.value)
    finding = t("chart.phase_desc", lang, n=len(site.partnerships), phase=top.label, top=top.value)
    return _bar_figure(site, lang, "kkp-chart-phases", "chart.phase_title", finding, rows, by_phase(site, lang))


def region_chart(site: SiteData, lang: str) -> HTML:
    """Per region (the directory's facet) and, below each region, its partner countries."""
    t, f = site.strings, figures(site)
    facet = FACET_BY_SLUG["kontinent"]
    regions = Counter(facet.value(p) for _, p in site.partnerships)
    rows = []
    for region in sorted(regions, key=lambda r: (-regions[r], formats.sort_key(facet.label(site, r, lang)))):
        rows.append(charts.Bar(facet.label(site, region, lang), regions[region], heading=True))
        countries = [c for c in f.by_country if continent_of(c) == region]
        rows += [charts.Bar(formats.country(c, lang), f.by_country[c])
                 for c in sorted(countries, key=lambda c: (-f.by_country[c], formats.sort_key(formats.country(c, lang))))]
    if not rows:
        return EMPTY
    top_region = max(regions, key=lambda r: regions[r])
    top_country = max(f.by_country, key=lambda c: (f.by_country[c], c))
    finding = t("chart.region_desc", lang, region=facet.label(site, top_region, lang), n=regions[top_region],
                country=formats.country(top_country, lang), m=f.by_country[top_country], countries=len(f.by_country))
    return _bar_figure(site, lang, "kkp-chart-regions", "chart.region_title", finding, rows, by_country(site, lang))


def state_chart(site: SiteData, lang: str) -> HTML:
    """Per German state (`german.state`)."""
    t = site.strings
    states = Counter(p.german.state for _, p in site.partnerships if p.german.state)
    if not states:
        return EMPTY
    order = sorted(states, key=lambda s: (-states[s], formats.sort_key(formats.state(s, lang))))
    rows = [charts.Bar(formats.state(s, lang), states[s]) for s in order]
    head = _head(site, lang, ("chart.state", "progress.records"))
    table = data_table("kkp-states", t("chart.state_title", lang), head,
                       [HTML('<tr><th scope="row">{}</th><td>{}</td></tr>').format(formats.state(s, lang), states[s]) for s in order])
    finding = t("chart.state_desc", lang, state=formats.state(order[0], lang), n=states[order[0]], states=len(states))
    return _bar_figure(site, lang, "kkp-chart-states", "chart.state_title", finding, rows, table)


def by_country(site: SiteData, lang: str) -> HTML:
    f = figures(site)
    head = _head(site, lang, ("filter.kontinent", "list.country", "progress.records"))
    rows = []
    continents = sorted(f.by_continent, key=lambda c: formats.sort_key(formats.country(CONTINENT_M49[c], lang)))
    for continent in continents:
        countries = sorted((c for c in f.by_country if continent_of(c) == continent), key=lambda c: formats.sort_key(formats.country(c, lang)))
        name = formats.country(CONTINENT_M49[continent], lang)
        rows.append(HTML('<tr class="kkp-continent"><th scope="row">{}</th><td></td><td>{}</td></tr>').format(name, f.by_continent[continent]))
        rows += [HTML('<tr><td></td><th scope="row">{}</th><td>{}</td></tr>').format(formats.country(c, lang), f.by_country[c]) for c in countries]
    return data_table("kkp-countries", site.strings("progress.country_table", lang), head, rows)


def reported_totals(site: SiteData, lang: str, here: str = links.PROGRESS) -> HTML:
    """Running totals of the programme as sources reported them (the site holds fewer records)."""
    t = site.strings
    head = _head(site, lang, ("totals.date", "totals.value", "totals.counts", "profile.sources"))
    rows = []
    for total in sorted(site.collection("totals").values(), key=lambda r: r.date):
        counts = inline(total.counts, lang, t)
        if total.note:
            counts += HTML(" ({})").format(inline(total.note, lang, t))
        rows.append(HTML("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            formats.date(total.date, lang), total.value, counts, source_link(site, total.source, lang, here)))
    return data_table("kkp-totals", t("progress.totals_table", lang), head, rows)


def count_conflicts(site: SiteData, lang: str) -> HTML:
    """For editors: how the figures are computed, and where sources disagree on the size of a
    phase (from the phase records); nothing in the public build."""
    t = site.strings
    items = [
        HTML("{}: {}").format(t("phase.name", lang, number=phase.number), inline(c.text, lang, t))
        for _, phase in sorted(site.collection("phases").items(), key=lambda item: item[1].number)
        for c in phase.conflicts
        if c.about == "partnerships_reported"
    ]
    return editorial.box(lang, [msg("editorial.figures_method"), msg("editorial.count_conflicts"), *items])
