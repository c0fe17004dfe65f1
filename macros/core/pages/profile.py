"""A partnership's profile page for one language: both municipalities as equals, the
relationship, the focus and measures of the joint programme, conflicts and sources."""

from __future__ import annotations

from ..files import formats, links
from ..maps import worldmap
from ..markup.document import Document
from ..markup.html import NEWLINE, block, inline, json_ld, link
from ..records.langs import pick
from ..records.models import Area, Municipality, Partnership, PhaseBasis, Status

FOCUS_AREAS = (Area.MITIGATION, Area.ADAPTATION, Area.OTHER)  # the fields of `focus:`
from .parts import bullet_list, cited, closing_section, data_table, facts_list, restates, source_link
from ..markup.safe import HTML
from ..checking.site import SiteData


def title(p: Partnership, lang: str) -> str:
    return f"{pick(p.german.name, lang).value} – {pick(p.partner.name, lang).value}"


def profile_json_ld(site: SiteData, p: Partnership, lang: str, url: str) -> dict:
    """schema.org description of a partnership: a project with two municipalities as members."""
    def member(m: Municipality) -> dict:
        address = {"@type": "PostalAddress", "addressCountry": m.country}
        if m.state:
            address["addressRegion"] = m.state
        return {"@type": "AdministrativeArea", "name": pick(m.name, lang).value, "address": address}

    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": title(p, lang),
        "inLanguage": lang,
        "url": url,
        "member": [member(p.german), member(p.partner)],
        "citation": [s.url for s in p.sources if s.url],
    }
    if p.climate_partnership_since:
        data["foundingDate"] = p.climate_partnership_since.iso()
    return data


def profile_page(site: SiteData, record_id: str, lang: str, url: str) -> Document:
    t = site.strings
    p: Partnership = site.collection("partnerships")[record_id]
    lead = t.html("profile.lead", lang, german=inline(p.german.name, lang, t), partner=inline(p.partner.name, lang, t),
                  country=formats.country(p.partner.country, lang))
    if p.phase in site.collection("phases"):
        lead = HTML("{} {}").format(lead, t.html("profile.lead_phase", lang, phase=phase_label(site, p, lang),
                                                 region=site.collection("phases")[p.phase].region[lang]))
    here = links.profile(record_id)
    page = Document(title(p, lang)).add(
        HTML("<h1>{} – {}</h1>").format(inline(p.german.name, lang, t), inline(p.partner.name, lang, t)),
        HTML('<p class="kkp-lead">{}</p>').format(lead),
    )
    if p.lead:
        page.add(HTML('<div class="kkp-story">\n{}\n</div>').format(block(p.lead, lang, t)))
    page.section(t("profile.municipalities", lang), _municipalities(site, p, lang, here))
    page.add(worldmap.locator(site, p, lang))  # small map of the two places
    relationship = _relationship(site, record_id, p, lang)
    if relationship:
        page.section(t("profile.partnership", lang), relationship)
    if p.programme:
        page.section(t("profile.programme", lang), _programme(site, p, lang, here))
    focus = [(area, getattr(p.focus, area.value)) for area in FOCUS_AREAS if getattr(p.focus, area.value)]
    if focus:
        items = NEWLINE.join(HTML("<dt>{}</dt><dd>{}</dd>").format(t(f"area.{a.value}", lang), inline(text, lang, t)) for a, text in focus)
        page.section(t("profile.focus", lang), HTML('<dl class="kkp-focus">\n{}\n</dl>').format(items))
    if p.measures:
        page.section(t("profile.measures", lang), _measures(site, p, lang, here))
    if p.milestones:
        page.section(t("profile.milestones", lang), _milestones(site, p, lang, here))
    if p.results:
        page.section(t("profile.results", lang), block(p.results, lang, t))
    if p.links:
        page.section(t("profile.links", lang), bullet_list(link(more.url, more.title[lang]) for more in p.links))
    closing_section(site, page, p.sources, lang, here)  # how sure the phase is: in its label; the full note for editors
    return page.add(json_ld(profile_json_ld(site, p, lang, url)))


def _programme(site: SiteData, p: Partnership, lang: str, here: str) -> HTML:
    """The joint programme of action: when, what it sets out, and where it is described."""
    t = site.strings
    programme = p.programme
    parts = []
    if programme.year:
        parts.append(HTML('<p class="kkp-programme-year">{}</p>').format(
            t("profile.programme_year", lang, year=formats.date(programme.year, lang))))
    text = block(programme.text, lang, t)
    if programme.source:
        text = HTML("{}\n<p>{}</p>").format(text, source_link(site, programme.source, lang, here))
    parts.append(text)
    return NEWLINE.join(parts)


def _milestones(site: SiteData, p: Partnership, lang: str, here: str) -> HTML:
    """The partnership's history, oldest first: date, what happened, its source."""
    t = site.strings
    items = []
    for step in sorted(p.milestones, key=lambda step: step.date.first_day()):
        text = cited(site, inline(step.text, lang, t), step.source, lang, here)
        items.append(HTML('<li><span class="kkp-when">{}</span> {}</li>').format(formats.date(step.date, lang), text))
    return HTML('<ul class="kkp-milestones">\n{}\n</ul>').format(NEWLINE.join(items))


def _municipalities(site: SiteData, p: Partnership, lang: str, here: str) -> HTML:
    t = site.strings

    def region(m: Municipality) -> HTML | str:
        if m.state:
            return formats.state(m.state, lang)
        return inline(m.region, lang, t) if m.region else "–"

    def seat(m: Municipality) -> HTML | str:
        return inline(m.seat.name, lang, t) if m.seat else "–"

    def official(m: Municipality) -> HTML | str:
        if not m.official_name:
            return "–"
        name = pick(m.official_name, lang)
        if name.lang is None and m.country == "DE" and lang != "de":  # an official German name is German
            return HTML('<span lang="de">{}</span>').format(name.value)
        return inline(m.official_name, lang, t)

    rows = [
        ("profile.name", lambda m: inline(m.name, lang, t), True),
        ("profile.official_name", official, p.german.official_name or p.partner.official_name),
        ("profile.kind", lambda m: t(f"kind.{m.kind.value}", lang), True),
        ("profile.country", lambda m: formats.country(m.country, lang), True),
        ("profile.region", region, True),
        ("profile.seat", seat, p.german.seat or p.partner.seat),
        ("profile.population", lambda m: _population(site, m, lang, here), p.german.population or p.partner.population),
    ]
    head = HTML('<tr><td></td><th scope="col">{}</th><th scope="col">{}</th></tr>').format(
        t("profile.german_side", lang), t("profile.partner_side", lang))
    body = [HTML('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(t(key, lang), cell(p.german), cell(p.partner))
            for key, cell, shown in rows if shown]
    return data_table("kkp-pair", t("profile.municipalities", lang), head, body)


def _population(site: SiteData, m: Municipality, lang: str, here: str) -> HTML | str:
    t = site.strings
    if not m.population:
        return "–"
    entries = []
    for pop in m.population:
        figure = formats.number(pop.value, lang)
        entry = HTML.escape(t("profile.approximately", lang, value=figure) if pop.approximate else figure)
        if pop.note and restates(pop.note, pop.value, lang):
            entry = inline(pop.note, lang, t)  # the source's words: “more than 4 million”
        elif pop.note:
            entry += HTML(" ({})").format(inline(pop.note, lang, t))
        where = source_link(site, pop.source, lang, here)
        if pop.year:
            where = HTML("{}, {}").format(formats.date(pop.year, lang), where)
        entries.append(HTML("{} ({})").format(entry, where))
    return HTML("<br>").join(entries)


def phase_label(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    phase = site.collection("phases").get(p.phase)
    if phase is None:
        return t("phase.unknown", lang)
    label = t("phase.name", lang, number=phase.number)
    if p.phase_basis != PhaseBasis.STATED:
        label += f" ({t(f'phase_basis.{p.phase_basis.value}', lang)})"
    return label


def _relationship(site: SiteData, record_id: str, p: Partnership, lang: str) -> HTML:
    """The facts that are known, and nothing for those that are not."""
    t = site.strings
    facts: list[tuple[str, HTML | str]] = []
    if p.relationship:
        kind = t(f"relationship.{p.relationship.value}", lang)
        if p.relationship_since:
            kind += " " + t("profile.since", lang, date=formats.date(p.relationship_since, lang))
        facts.append((t("profile.relationship", lang), kind))
    if p.climate_partnership_since:
        facts.append((t("profile.climate_since", lang), formats.date(p.climate_partnership_since, lang)))
    if p.phase in site.collection("phases"):
        phase = link(links.href(links.profile(record_id), links.phase(p.phase)), phase_label(site, p, lang))
        facts.append((t("profile.phase", lang), phase))
    if not facts:
        return block(p.relationship_note, lang, t) if p.relationship_note else HTML("")
    facts = facts_list(facts)
    return NEWLINE.join([facts, block(p.relationship_note, lang, t)]) if p.relationship_note else facts


def _measures(site: SiteData, p: Partnership, lang: str, here: str) -> HTML:
    """The measures as a list, by field: the title, a line with field, status and year (what is
    known), then what came of it and where it is described. A list rather than a table, so a
    result of several sentences reads as a paragraph, on a phone too."""
    t = site.strings
    order = list(Area)
    items = []
    for m in sorted(p.measures, key=lambda m: order.index(m.area)):
        meta = [t(f"area.{m.area.value}", lang)]
        if m.status != Status.UNKNOWN:
            meta.append(t(f"status.{m.status.value}", lang))
        if m.year:
            meta.append(formats.date(m.year, lang))
        parts = [HTML('<p class="kkp-measure-title">{}</p>').format(inline(m.title, lang, t)),
                 HTML('<p class="kkp-measure-meta">{}</p>').format(" · ".join(meta))]
        if m.result or m.source:
            result = inline(m.result, lang, t) if m.result else None
            parts.append(HTML("<p>{}</p>").format(cited(site, result, m.source, lang, here)))
        items.append(HTML("<li>{}</li>").format(NEWLINE.join(parts)))
    return HTML('<ul class="kkp-measures">\n{}\n</ul>').format(NEWLINE.join(items))
