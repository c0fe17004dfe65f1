"""Project progress computed from the records: headline figures, per phase, per year
(cumulative, against the goal of 50 partnerships by 2015), per continent and country.
No number on these pages is typed by hand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import formats, links
from .directory import CONTINENT_M49, continent_of
from .html import esc, inline, link
from .langs import pick
from .models import Partnership
from .render import source_link
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


def headline(site: SiteData, lang: str) -> str:
    t, f = site.strings, figures(site)
    items = [
        t("figures.partnerships", lang, n=f.partnerships),
        t("figures.german", lang, n=f.german),
        t("figures.partners", lang, n=f.partners),
        t("figures.countries", lang, n=f.countries),
        t("figures.goal", lang, goal=GOAL, year=GOAL_YEAR, n=f.by(GOAL_YEAR)),
    ]
    return '<ul class="kkp-figures">\n' + "\n".join(f"<li>{esc(item)}</li>" for item in items) + "\n</ul>"


def by_phase(site: SiteData, lang: str, here: str = links.PROGRESS) -> str:
    t, f = site.strings, figures(site)
    head = "".join(f'<th scope="col">{esc(t(k, lang))}</th>' for k in ("list.phase", "phase.period", "phase.region", "progress.records", "progress.reported"))
    rows = []
    for key, phase in sorted(site.collection("phases").items(), key=lambda item: item[1].number):
        period = formats.date(phase.period.start, lang) + (f"–{formats.date(phase.period.end, lang)}" if phase.period.end else "")
        reported = "; ".join(f"{c.value} ({source_link(site, c.source, lang)})" for c in phase.partnerships_reported) or "–"
        name = link(links.href(here, links.phase(key)), t("phase.name", lang, number=phase.number))
        rows.append(f"<tr><th scope=\"row\">{name}</th><td>{esc(period)}</td><td>{esc(phase.region[lang])}</td>"
                    f"<td>{f.by_phase.get(key, 0)}</td><td>{reported}</td></tr>")
    if f.by_phase.get("unknown"):
        rows.append(f'<tr><th scope="row">{esc(t("phase.unknown", lang))}</th><td>–</td><td>–</td><td>{f.by_phase["unknown"]}</td><td>–</td></tr>')
    return f'<table class="kkp-phases">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def by_year_table(site: SiteData, lang: str) -> str:
    t, f = site.strings, figures(site)
    head = "".join(f'<th scope="col">{esc(t(k, lang))}</th>' for k in ("progress.year", "progress.new", "progress.cumulative"))
    rows = "\n".join(f'<tr><th scope="row">{year}</th><td>{f.by_year.get(year, 0)}</td><td>{total}</td></tr>' for year, total in f.cumulative())
    caption = esc(t("progress.year_caption", lang, unknown=f.unknown_year))
    return f'<table class="kkp-years" id="kkp-years">\n<caption>{caption}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def chart(site: SiteData, lang: str) -> str:
    """Cumulative partnerships per year as an SVG bar chart, with the goal as a line."""
    t, f = site.strings, figures(site)
    data = f.cumulative()
    if not data:
        return ""
    width, height, left, bottom, top = 640, 300, 40, 30, 20
    top_value = max(max(total for _, total in data), GOAL) * 1.1
    step = (width - left - 10) / len(data)
    y = lambda value: top + (height - top - bottom) * (1 - value / top_value)  # noqa: E731
    parts = []
    for index, (year, total) in enumerate(data):
        x = left + index * step
        parts.append(f'<rect x="{x + step * 0.15:.1f}" y="{y(total):.1f}" width="{step * 0.7:.1f}" height="{y(0) - y(total):.1f}" class="kkp-bar"/>')
        parts.append(f'<text x="{x + step / 2:.1f}" y="{y(total) - 4:.1f}" text-anchor="middle" class="kkp-value">{total}</text>')
        parts.append(f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16:.1f}" text-anchor="middle" class="kkp-axis">{year}</text>')
    goal_y = y(GOAL)
    goal_label = esc(t("progress.goal_line", lang, goal=GOAL, year=GOAL_YEAR))
    parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{goal_y:.1f}" y2="{goal_y:.1f}" class="kkp-goal"/>')
    parts.append(f'<text x="{left + 4}" y="{goal_y - 6:.1f}" class="kkp-goal-label">{goal_label}</text>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{y(0):.1f}" class="kkp-axis-line"/>')
    parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y(0):.1f}" y2="{y(0):.1f}" class="kkp-axis-line"/>')
    title = esc(t("progress.chart_title", lang))
    desc = esc(t("progress.chart_desc", lang, first=data[0][0], last=data[-1][0], total=data[-1][1], goal=GOAL,
                 year=GOAL_YEAR, reached=f.by(GOAL_YEAR)))
    return (f'<figure class="kkp-chart"><svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="kkp-chart-title kkp-chart-desc" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="kkp-chart-title">{title}</title><desc id="kkp-chart-desc">{desc}</desc>'
            + "".join(parts) + f'</svg><figcaption>{esc(t("progress.chart_caption", lang))}</figcaption></figure>')


def by_country(site: SiteData, lang: str) -> str:
    t, f = site.strings, figures(site)
    head = "".join(f'<th scope="col">{esc(t(k, lang))}</th>' for k in ("filter.kontinent", "list.country", "progress.records"))
    rows = []
    continents = sorted(f.by_continent, key=lambda c: formats.sort_key(formats.country(CONTINENT_M49[c], lang)))
    for continent in continents:
        countries = sorted((c for c in f.by_country if continent_of(c) == continent), key=lambda c: formats.sort_key(formats.country(c, lang)))
        name = esc(formats.country(CONTINENT_M49[continent], lang))
        rows.append(f'<tr class="kkp-continent"><th scope="row">{name}</th><td></td><td>{f.by_continent[continent]}</td></tr>')
        rows += [f'<tr><td></td><th scope="row">{esc(formats.country(c, lang))}</th><td>{f.by_country[c]}</td></tr>' for c in countries]
    return f'<table class="kkp-countries">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def reported_totals(site: SiteData, lang: str) -> str:
    """Running totals of the programme as sources reported them (the site holds fewer records)."""
    t = site.strings
    head = "".join(f'<th scope="col">{esc(t(k, lang))}</th>' for k in ("totals.date", "totals.value", "totals.counts", "profile.sources"))
    rows = []
    for total in sorted(site.collection("totals").values(), key=lambda r: r.date):
        counts = inline(total.counts, lang, t) + (f" ({inline(total.note, lang, t)})" if total.note else "")
        source = source_link(site, total.source, lang)
        rows.append(f"<tr><td>{esc(formats.date(total.date, lang))}</td><td>{total.value}</td><td>{counts}</td><td>{source}</td></tr>")
    return f'<table class="kkp-totals">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def count_conflicts(site: SiteData, lang: str) -> str:
    """Where sources disagree on the size of a phase, from the phase records."""
    t = site.strings
    items = [
        f"<li><strong>{esc(t('phase.name', lang, number=phase.number))}:</strong> {inline(c.text, lang, t)}</li>"
        for _, phase in sorted(site.collection("phases").items(), key=lambda item: item[1].number)
        for c in phase.conflicts
        if c.about == "partnerships_reported"
    ]
    return '<ul class="kkp-conflicts">\n' + "\n".join(items) + "\n</ul>" if items else ""
