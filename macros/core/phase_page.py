"""A project phase as a page: period, region, events, reported and recorded counts, partnerships."""

from __future__ import annotations

from . import directory, events, formats, links
from .html import block, esc, link
from .models import Event, Phase
from .render import conflicts_section, count_html, record_page_start, section, sources_list
from .site import SiteData


def event_summary(site: SiteData, key: str, lang: str, here: str) -> str:
    event: Event = site.collection("events")[key]
    place = events.where(site, event, lang)
    return f"{link(links.href(here, links.event(key)), event.title[lang])}, {esc(events.when(event, lang))}" + (f", {place}" if place else "")


def phase_page(site: SiteData, record_id: str, lang: str, url: str) -> str:
    t = site.strings
    phase: Phase = site.collection("phases")[record_id]
    here = links.phase(record_id)
    name = t("phase.name", lang, number=phase.number)
    period = formats.date(phase.period.start, lang) + (f"–{formats.date(phase.period.end, lang)}" if phase.period.end else "")
    ids = [i for i, p in site.partnerships if p.phase == record_id]
    facts = [(t("phase.period", lang), esc(period)), (t("phase.region", lang), esc(phase.region[lang]))]
    for key, event_id in (("phase.kickoff", phase.kickoff), ("phase.results", phase.results)):
        if event_id:
            facts.append((t(key, lang), event_summary(site, event_id, lang, here)))
    reported = "".join(f"<li>{count_html(site, c, lang)}</li>" for c in phase.partnerships_reported)
    facts.append((t("progress.reported", lang), f"<ul>{reported}</ul>" if reported else "–"))
    facts.append((t("progress.records", lang), str(len(ids))))
    parts = record_page_start(name, f"{esc(name)}: {esc(phase.region[lang])}", facts)
    if phase.summary:
        parts += [block(phase.summary, lang, t), ""]
    parts += section(t("phase.partnerships", lang), directory.table(site, lang, here, ids, None) if ids else esc(t("phase.none", lang)))
    parts += conflicts_section(site, phase.conflicts, lang)
    parts += section(t("profile.sources", lang), sources_list(site, phase.sources, lang))
    return "\n".join(parts)
