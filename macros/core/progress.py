"""Project progress computed from the records: headline figures, per phase, per year
(cumulative, against the goal of 50 partnerships by 2015), per continent and country.
No number on these pages is typed by hand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import formats, links
from .directory import CONTINENT_M49, continent_of
from .html import EMPTY, NEWLINE, inline, link
from .langs import pick
from .models import Partnership
from .parts import source_link, data_table
from .phase_page import period
from .safe import HTML
from .site import SiteData

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


def headline(site: SiteData, lang: str) -> HTML:
    t, f = site.strings, figures(site)
    items = [
        t("figures.partnerships", lang, n=f.partnerships),
        t("figures.german", lang, n=f.german),
        t("figures.partners", lang, n=f.partners),
        t("figures.countries", lang, n=f.countries),
        t("figures.goal", lang, goal=GOAL, year=GOAL_YEAR, n=f.by(GOAL_YEAR)),
    ]
    return HTML('<ul class="kkp-figures">\n{}\n</ul>').format(NEWLINE.join(HTML("<li>{}</li>").format(item) for item in items))


def by_phase(site: SiteData, lang: str, here: str = links.PROGRESS) -> HTML:
    t, f = site.strings, figures(site)
    head = _head(site, lang, ("list.phase", "phase.period", "phase.region", "progress.records", "progress.reported"))
    rows = []
    for key, phase in sorted(site.collection("phases").items(), key=lambda item: item[1].number):
        reported = HTML("; ").join(HTML("{} ({})").format(c.value, source_link(site, c.source, lang)) for c in phase.partnerships_reported) or "–"
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


def chart(site: SiteData, lang: str) -> HTML:
    """Cumulative partnerships per year as an SVG bar chart, with the goal as a line."""
    t, f = site.strings, figures(site)
    data = f.cumulative()
    if not data:
        return EMPTY
    width, height, left, bottom, top = 640, 300, 40, 30, 20
    top_value = max(max(total for _, total in data), GOAL) * 1.1
    step = (width - left - 10) / len(data)
    y = lambda value: top + (height - top - bottom) * (1 - value / top_value)  # noqa: E731
    parts = []
    for index, (year, total) in enumerate(data):
        x = left + index * step
        parts.append(HTML('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" class="kkp-bar"/>').format(
            x + step * 0.15, y(total), step * 0.7, y(0) - y(total)))
        parts.append(HTML('<text x="{:.1f}" y="{:.1f}" text-anchor="middle" class="kkp-value">{}</text>').format(x + step / 2, y(total) - 4, total))
        parts.append(HTML('<text x="{:.1f}" y="{:.1f}" text-anchor="middle" class="kkp-axis">{}</text>').format(x + step / 2, height - bottom + 16, year))
    goal_y = y(GOAL)
    goal_label = t("progress.goal_line", lang, goal=GOAL, year=GOAL_YEAR)
    parts.append(HTML('<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" class="kkp-goal"/>').format(left, width - 10, goal_y, goal_y))
    parts.append(HTML('<text x="{}" y="{:.1f}" class="kkp-goal-label">{}</text>').format(left + 4, goal_y - 6, goal_label))
    parts.append(HTML('<line x1="{0}" x2="{0}" y1="{1}" y2="{2:.1f}" class="kkp-axis-line"/>').format(left, top, y(0)))
    parts.append(HTML('<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" class="kkp-axis-line"/>').format(left, width - 10, y(0), y(0)))
    title = t("progress.chart_title", lang)
    desc = t("progress.chart_desc", lang, first=data[0][0], last=data[-1][0], total=data[-1][1], goal=GOAL,
             year=GOAL_YEAR, reached=f.by(GOAL_YEAR))
    return HTML('<figure class="kkp-chart"><svg viewBox="0 0 {} {}" role="img" aria-labelledby="kkp-chart-title kkp-chart-desc" '
                'xmlns="http://www.w3.org/2000/svg"><title id="kkp-chart-title">{}</title><desc id="kkp-chart-desc">{}</desc>'
                '{}</svg><figcaption>{}</figcaption></figure>').format(
                    width, height, title, desc, HTML("").join(parts), t("progress.chart_caption", lang))


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


def reported_totals(site: SiteData, lang: str) -> HTML:
    """Running totals of the programme as sources reported them (the site holds fewer records)."""
    t = site.strings
    head = _head(site, lang, ("totals.date", "totals.value", "totals.counts", "profile.sources"))
    rows = []
    for total in sorted(site.collection("totals").values(), key=lambda r: r.date):
        counts = inline(total.counts, lang, t)
        if total.note:
            counts += HTML(" ({})").format(inline(total.note, lang, t))
        rows.append(HTML("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            formats.date(total.date, lang), total.value, counts, source_link(site, total.source, lang)))
    return data_table("kkp-totals", t("progress.totals_table", lang), head, rows)


def count_conflicts(site: SiteData, lang: str) -> HTML:
    """Where sources disagree on the size of a phase, from the phase records."""
    t = site.strings
    items = [
        HTML("<li><strong>{}:</strong> {}</li>").format(t("phase.name", lang, number=phase.number), inline(c.text, lang, t))
        for _, phase in sorted(site.collection("phases").items(), key=lambda item: item[1].number)
        for c in phase.conflicts
        if c.about == "partnerships_reported"
    ]
    return HTML('<ul class="kkp-conflicts">\n{}\n</ul>').format(NEWLINE.join(items)) if items else EMPTY
