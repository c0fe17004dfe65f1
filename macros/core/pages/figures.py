"""Headline figures for the home and progress pages: every figure with its date and source.

Three cards, computed from the data, never typed by hand:
- the latest running total a source reported (data/totals/), with its date and source;
- the goal the programme started with (50 by 2015), told as history: what was reported in
  the goal year and when a source first reported the goal as reached;
- the partnerships described on this site, as a separate number with what it counts.
"""

from __future__ import annotations


from ..files import formats
from ..files.builddate import build_date
from ..markup.html import EMPTY, NEWLINE, inline, link
from ..records import addresses
from ..records.models import Source, Total
from ..markup.safe import HTML
from ..checking.site import SiteData
from .parts import publication_link
from ..records.types import PartialDate

HOME = ""  # the headline figures stand on the home page
GOAL, GOAL_YEAR = 50, 2015  # the programme's goal: 50 partnerships by 2015 (flyer)


def source_label(site: SiteData, source: Source, lang: str, here: str = HOME) -> HTML:
    """A source as a link named by its web site (lag21.de), a publication of this site by its
    title, or the flyer. `here` is the folder of the page that shows the figure."""
    if source.publication:
        return publication_link(site, source, lang, here)
    if not source.url:
        return HTML.escape(site.strings("source.flyer.short", lang))
    return link(source.url, addresses.host_label(source.url))


def card(site: SiteData, lang: str, figure: str, label: HTML | str, date: str, source: HTML | str | None,
         detail: HTML | str = "") -> HTML:
    """One figure: the number, what it counts (short), what a reader should know about it,
    as of when and from where."""
    t = site.strings
    meta = [HTML.escape(t("figures.as_of", lang, date=date))]
    if source is not None:
        meta.append(t.html("figures.source", lang, source=source))
    detail = HTML(' <span class="kkp-figure-detail">{}</span>').format(detail) if detail else ""
    return HTML('<li><span class="kkp-figure">{}</span> <span class="kkp-figure-label">{}</span>{} '
                '<span class="kkp-figure-meta">{}</span></li>').format(figure, label, detail, HTML(" · ").join(meta))


def totals(site: SiteData) -> list[Total]:
    """The running totals, oldest first."""
    return sorted(site.collection("totals").values(), key=lambda total: total.date)


def latest_total(site: SiteData, lang: str) -> HTML:
    records = totals(site)
    if not records:
        return EMPTY
    latest = records[-1]
    label = inline(latest.counts, lang, site.strings)
    return card(site, lang, formats.number(latest.value, lang), label, formats.date(latest.date, lang),
                source_label(site, latest.source, lang))


def goal(site: SiteData, lang: str) -> HTML:
    """The goal as history: reported in the goal year, reached when a source first said so."""
    t = site.strings
    records = totals(site)
    in_year = [r for r in records if r.date.year == GOAL_YEAR]
    reached = next((r for r in records if r.value >= GOAL), None)
    parts = [t("figures.goal_origin", lang)]
    if in_year:
        parts.append(t("figures.goal_reported", lang, date=formats.date(in_year[-1].date, lang), n=formats.number(in_year[-1].value, lang)))
    if reached:
        parts.append(t("figures.goal_reached", lang, date=formats.date(reached.date, lang), n=formats.number(reached.value, lang)))
    shown = reached or (in_year[-1] if in_year else None)
    date = formats.date(shown.date, lang) if shown else str(GOAL_YEAR)
    source = source_label(site, shown.source if shown else Source(flyer=True), lang)
    return card(site, lang, formats.number(GOAL, lang), t("figures.goal", lang, year=GOAL_YEAR), date, source, " ".join(parts))


def on_this_site(site: SiteData, lang: str) -> HTML:
    t = site.strings
    count = len(site.partnerships)
    countries = len({p.partner.country for _, p in site.partnerships})
    today = build_date()
    detail = t("figures.site_detail", lang, countries=formats.number(countries, lang))
    return card(site, lang, formats.number(count, lang), t("figures.site", lang),
                formats.date(PartialDate(today.year, today.month, today.day), lang), t("figures.site_source", lang), detail)


def headline(site: SiteData, lang: str) -> HTML:
    """The headline figures as a list of cards (`ul.kkp-figures`)."""
    items = [item for item in (latest_total(site, lang), goal(site, lang), on_this_site(site, lang)) if item]
    return HTML('<ul class="kkp-figures">\n{}\n</ul>').format(NEWLINE.join(items))
