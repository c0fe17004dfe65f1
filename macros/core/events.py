"""Events: the list of upcoming and past events (as of the build date) and one page per event."""

from __future__ import annotations

from babel.dates import format_interval

from . import formats, links
from .builddate import build_date
from .html import block, esc, inline, json_ld, link
from .models import Event, EventStatus
from .langs import pick
from .render import conflicts_section, count_html, record_page_start, section, sources_list
from .site import SiteData

SCHEMA_STATUS = {
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def when(event: Event, lang: str) -> str:
    """The date or date range, as precise as the record: 1–3 July 2014, November 2011."""
    start, end = event.start, event.end
    if end and start.day and end.day:
        return format_interval(start.first_day(), end.first_day(), skeleton="yMMMd", locale=formats.LOCALES[lang])
    text = formats.date(start, lang)
    return f"{text}–{formats.date(end, lang)}" if end and end != start else text


def where(site: SiteData, event: Event, lang: str) -> str:
    if not event.place:
        return ""
    parts = [inline(event.place.venue, lang, site.strings)] if event.place.venue else []
    parts.append(f"{inline(event.place.city, lang, site.strings)} ({esc(formats.country(event.place.country, lang))})")
    return ", ".join(parts)


def is_upcoming(event: Event, today=None) -> bool:
    today = today or build_date()
    return (event.end or event.start).last_day() >= today


def _item(site: SiteData, key: str, event: Event, lang: str, here: str) -> str:
    t = site.strings
    status = "" if event.status == EventStatus.HELD else f' <span class="kkp-status">({esc(t(f"event.status.{event.status.value}", lang))})</span>'
    place = where(site, event, lang)
    return (f'<li><span class="kkp-when">{esc(when(event, lang))}</span> – '
            f'{link(links.href(here, links.event(key)), event.title[lang])}{status}'
            + (f" – {place}" if place else "") + "</li>")


def event_list(site: SiteData, lang: str, here: str = links.EVENTS) -> str:
    """Upcoming events (soonest first) and past events (latest first), as of the build date."""
    t = site.strings
    events = site.collection("events")
    upcoming = sorted((k for k, e in events.items() if is_upcoming(e)), key=lambda k: events[k].start)
    past = sorted((k for k, e in events.items() if not is_upcoming(e)), key=lambda k: events[k].start, reverse=True)
    parts = []
    for heading, keys, css in (("events.upcoming", upcoming, "kkp-upcoming"), ("events.past", past, "kkp-past")):
        items = "\n".join(_item(site, k, events[k], lang, here) for k in keys) or f"<li>{esc(t('events.none', lang))}</li>"
        parts.append(f'<h2 id="{css}">{esc(t(heading, lang))}</h2>\n<ul class="{css}">\n{items}\n</ul>')
    calendar = link(links.file_href(here, links.CALENDAR), t("events.calendar_all", lang))
    parts.append(f'<p class="kkp-subscribe">{calendar}</p>')
    return "\n\n".join(parts)


def event_json_ld(site: SiteData, key: str, event: Event, lang: str, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title[lang],
        "inLanguage": lang,
        "url": url,
        "startDate": event.start.iso(),
        "eventStatus": SCHEMA_STATUS.get(event.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if event.end:
        data["endDate"] = event.end.iso()
    if event.place:
        city = event.place.city if isinstance(event.place.city, str) else event.place.city.get(lang) or event.place.city["de"]
        data["location"] = {"@type": "Place", "name": city,
                            "address": {"@type": "PostalAddress", "addressLocality": city, "addressCountry": event.place.country}}
    organisations = site.collection("organisations")
    if event.organisers:
        data["organizer"] = [{"@type": "Organization", "name": pick(organisations[o].name, lang).value} for o in event.organisers]
    publications = site.collection("publications")
    if event.documentation:
        data["recordedIn"] = [{"@type": "Report", "name": publications[p].editions[0].title} for p in event.documentation]
    return data


def event_page(site: SiteData, key: str, lang: str, url: str) -> str:
    t = site.strings
    event: Event = site.collection("events")[key]
    here = links.event(key)
    facts = [
        (t("event.type", lang), esc(t(f"event.type.{event.type.value}", lang))),
        (t("event.date", lang), esc(when(event, lang))),
    ]
    if event.place:
        facts.append((t("event.place", lang), where(site, event, lang)))
    facts.append((t("event.status", lang), esc(t(f"event.status.{event.status.value}", lang))))
    organisations = site.collection("organisations")
    if event.organisers:
        facts.append((t("event.organisers", lang), esc(formats.listing([pick(organisations[o].name, lang).value for o in event.organisers], lang))))
    if event.participants:
        facts.append((t("event.participants", lang), "<br>".join(count_html(site, c, lang) for c in event.participants)))
    phases = site.collection("phases")
    if event.phase:
        facts.append((t("profile.phase", lang), link(links.href(here, links.phase(event.phase)), t("phase.name", lang, number=phases[event.phase].number))))
    calendar = link(links.file_href(here, links.event_calendar(key)), t("event.add_to_calendar", lang))
    parts = [*record_page_start(event.title[lang], esc(event.title[lang]), facts), f'<p class="kkp-subscribe">{calendar}</p>', ""]
    if event.description:
        parts += [block(event.description, lang, t), ""]
    partnerships = dict(site.partnerships)
    if event.partnerships:
        items = "\n".join(
            f"<li>{link(links.href(here, links.profile(p)), pick(partnerships[p].german.name, lang).value + ' – ' + pick(partnerships[p].partner.name, lang).value)}</li>"
            for p in event.partnerships
        )
        parts += section(t("event.partnerships", lang), f"<ul>\n{items}\n</ul>")
    if event.documentation:
        from .publications import title_html

        items = "\n".join(f"<li>{link_html(links.href(here, links.publication(p)), title_html(site, p, lang))}</li>" for p in event.documentation)
        parts += section(t("event.documentation", lang), f"<ul>\n{items}\n</ul>")
    parts += conflicts_section(site, event.conflicts, lang)
    parts += section(t("profile.sources", lang), sources_list(site, event.sources, lang))
    parts += [json_ld(event_json_ld(site, key, event, lang, url)), ""]
    return "\n".join(parts)


def link_html(href: str, label_html: str) -> str:
    """A link whose label is already safe HTML."""
    return f'<a href="{esc(href)}">{label_html}</a>'
