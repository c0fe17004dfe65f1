"""A project phase as a page (period, region, events, reported and recorded counts,
partnerships), and the flyer's sentence on the pilot phase, computed from the records."""

from __future__ import annotations

from collections import Counter

from . import directory, events
from ..files import formats, links
from ..markup.document import Document
from ..markup.html import block, link
from ..records.models import Event, Kind, Phase
from .parts import bullet_list, closing_section, count_html, record_page
from ..markup.safe import HTML
from ..checking.site import SiteData


def event_summary(site: SiteData, key: str, lang: str, here: str) -> HTML:
    event: Event = site.collection("events")[key]
    summary = HTML("{}, {}").format(link(links.href(here, links.event(key)), event.title[lang]), events.when(event, lang))
    place = events.where(site, event, lang)
    return HTML("{}, {}").format(summary, place) if place else summary


def period(phase: Phase, lang: str) -> str:
    start = formats.date(phase.period.start, lang)
    return f"{start}–{formats.date(phase.period.end, lang)}" if phase.period.end else start


def phase_page(site: SiteData, record_id: str, lang: str, url: str) -> Document:
    t = site.strings
    phase: Phase = site.collection("phases")[record_id]
    here = links.phase(record_id)
    name = t("phase.name", lang, number=phase.number)
    ids = [i for i, p in site.partnerships if p.phase == record_id]
    facts: list = [(t("phase.period", lang), period(phase, lang)), (t("phase.region", lang), phase.region[lang])]
    for key, event_id in (("phase.kickoff", phase.kickoff), ("phase.results", phase.results)):
        if event_id:
            facts.append((t(key, lang), event_summary(site, event_id, lang, here)))
    reported = [count_html(site, c, lang, here) for c in phase.partnerships_reported]
    if reported:
        facts.append((t("progress.reported", lang), bullet_list(reported)))
    facts.append((t("progress.records", lang), str(len(ids))))
    page = record_page(name, HTML("{}: {}").format(name, phase.region[lang]), facts)
    if phase.summary:
        page.add(block(phase.summary, lang, t))
    page.section(t("phase.partnerships", lang), directory.table(site, lang, here, ids, None) if ids else HTML.escape(t("phase.none", lang)))
    return closing_section(site, page, phase.sources, lang, here)


def pilot_phase_summary(site: SiteData, lang: str) -> HTML:
    """The flyer's statement on the pilot phase, computed from the phase-1 records."""
    t = site.strings
    pilot, phase = next(((key, phase) for key, phase in site.collection("phases").items() if phase.number == 1), (None, None))
    pilots = [p for _, p in site.partnerships if p.phase == pilot]
    kinds = Counter(p.german.kind for p in pilots)
    districts = kinds.pop(Kind.DISTRICT, 0)
    others = sum(kinds.values())
    countries = sorted({formats.country(p.partner.country, lang) for p in pilots}, key=formats.sort_key)
    parts = [t("count.municipality.one" if others == 1 else "count.municipality.other", lang, n=others)]
    if districts:
        parts.append(t("count.district.one" if districts == 1 else "count.district.other", lang, n=districts))
    sentence = t("summary.pilot", lang, who=formats.listing(parts, lang), countries=formats.listing(countries, lang),
                 period=period(phase, lang) if phase else "")
    return HTML('<span class="kkp-pilot-summary">{}</span>').format(sentence)
