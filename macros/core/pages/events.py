"""Events: the list of upcoming and past events (as of the build date) and one page per event."""

from __future__ import annotations

from babel.dates import format_interval

from ..files import formats, links
from ..files.builddate import build_date
from ..markup.document import Document
from ..markup.html import EMPTY, NEWLINE, block, inline, json_ld, link
from ..records.models import Event, EventStatus
from ..records.langs import pick
from .parts import bullet_list, closing_section, count_html, record_page
from ..markup.safe import HTML
from ..checking.site import SiteData

SCHEMA_STATUS = {
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def when(event: Event, lang: str) -> str:
    """The date or date range, as precise as the record: 1–3 July 2014, November 2011."""
    start, end = event.start, event.end
    if end and start.day and end.day:
        text = format_interval(start.first_day(), end.first_day(), skeleton="yMMMd", locale=formats.LOCALES[lang])
        return formats.first_of_month(text) if lang == "fr" else text
    text = formats.date(start, lang)
    return f"{text}–{formats.date(end, lang)}" if end and end != start else text


def where(site: SiteData, event: Event, lang: str) -> HTML:
    """Venue, city (country) of an event; empty when the record gives no place."""
    if not event.place:
        return EMPTY
    city = HTML("{} ({})").format(inline(event.place.city, lang, site.strings), formats.country(event.place.country, lang))
    return HTML("{}, {}").format(inline(event.place.venue, lang, site.strings), city) if event.place.venue else city


def is_upcoming(event: Event, today=None) -> bool:
    today = today or build_date()
    return (event.end or event.start).last_day() >= today


def _item(site: SiteData, key: str, event: Event, lang: str, here: str) -> HTML:
    t = site.strings
    item = HTML('<span class="kkp-when">{}</span> – {}').format(when(event, lang), link(links.href(here, links.event(key)), event.title[lang]))
    if event.status != EventStatus.HELD:
        item += HTML(' <span class="kkp-status">({})</span>').format(t(f"event.status.{event.status.value}", lang))
    place = where(site, event, lang)
    return HTML("<li>{}</li>").format(HTML("{} – {}").format(item, place) if place else item)


def event_list(site: SiteData, lang: str, here: str = links.EVENTS) -> HTML:
    """Upcoming events (soonest first) and past events (latest first), as of the build date."""
    t = site.strings
    events = site.collection("events")
    upcoming = sorted((k for k, e in events.items() if is_upcoming(e)), key=lambda k: events[k].start)
    past = sorted((k for k, e in events.items() if not is_upcoming(e)), key=lambda k: events[k].start, reverse=True)
    parts = []
    for heading, keys, css in (("events.upcoming", upcoming, "kkp-upcoming"), ("events.past", past, "kkp-past")):
        items = NEWLINE.join(_item(site, k, events[k], lang, here) for k in keys) or HTML("<li>{}</li>").format(t("events.none", lang))
        parts.append(HTML('<h2 id="{0}">{1}</h2>\n<ul class="{0}">\n{2}\n</ul>').format(css, t(heading, lang), items))
    calendar = link(links.file_href(here, links.CALENDAR), t("events.calendar_all", lang))
    parts.append(HTML('<p class="kkp-subscribe">{}</p>').format(calendar))
    today = build_date()
    as_of = formats.date(formats.PartialDate(today.year, today.month, today.day), lang)
    parts.insert(0, HTML('<p class="kkp-as-of">{}</p>').format(t("events.as_of", lang, date=as_of)))
    return HTML("\n\n").join(parts)


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


def event_page(site: SiteData, key: str, lang: str, url: str) -> Document:
    t = site.strings
    event: Event = site.collection("events")[key]
    here = links.event(key)
    facts: list = [
        (t("event.type", lang), t(f"event.type.{event.type.value}", lang)),
        (t("event.date", lang), when(event, lang)),
    ]
    if event.place:
        facts.append((t("event.place", lang), where(site, event, lang)))
    if event.status != EventStatus.HELD:  # a past date says it took place; the editors' view shows the status
        facts.append((t("event.status", lang), t(f"event.status.{event.status.value}", lang)))
    organisations = site.collection("organisations")
    if event.organisers:
        facts.append((t("event.organisers", lang), formats.listing([pick(organisations[o].name, lang).value for o in event.organisers], lang)))
    if event.participants:
        facts.append((t("event.participants", lang), HTML("<br>").join(count_html(site, c, lang, links.event(key)) for c in event.participants)))
    phases = site.collection("phases")
    if event.phase:
        facts.append((t("profile.phase", lang), link(links.href(here, links.phase(event.phase)), t("phase.name", lang, number=phases[event.phase].number))))
    page = record_page(event.title[lang], event.title[lang], facts)
    if is_upcoming(event):  # a past event is nothing to put in a calendar
        calendar = link(links.file_href(here, links.event_calendar(key)), t("event.add_to_calendar", lang))
        page.add(HTML('<p class="kkp-subscribe">{}</p>').format(calendar))
    if event.description:
        page.add(block(event.description, lang, t))
    partnerships = site.partnership_by_id
    if event.partnerships:
        page.section(t("event.partnerships", lang), bullet_list(
            link(links.href(here, links.profile(p)), f"{pick(partnerships[p].german.name, lang).value} – {pick(partnerships[p].partner.name, lang).value}")
            for p in event.partnerships))
    if event.documentation:
        from .publications import title_html

        page.section(t("event.documentation", lang), bullet_list(
            link(links.href(here, links.publication(p)), title_html(site, p, lang)) for p in event.documentation))
    closing_section(site, page, event.sources, lang, links.event(key))
    return page.add(json_ld(event_json_ld(site, key, event, lang, url)))
