"""A partnership's profile page for one language: both municipalities as equals, the
relationship, the focus and measures of the joint programme, conflicts and sources."""

from __future__ import annotations

from ..files import formats, links
from ..maps import worldmap
from ..markup.document import Document
from ..markup.html import NEWLINE, block, inline, json_ld, link
from ..records.langs import pick
from ..records.models import Area, Municipality, Partnership, PhaseBasis, Status
from .parts import closing_section, facts_list, restates, source_link, data_table
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
    page = Document(title(p, lang)).add(
        HTML("<h1>{} – {}</h1>").format(inline(p.german.name, lang, t), inline(p.partner.name, lang, t)),
        HTML('<p class="kkp-lead">{}</p>').format(lead),
    )
    page.section(t("profile.municipalities", lang), _municipalities(site, p, lang))
    page.add(worldmap.locator(site, p, lang))  # small map of the two places
    relationship = _relationship(site, record_id, p, lang)
    if relationship:
        page.section(t("profile.partnership", lang), relationship)
    focus = [(area, getattr(p.focus, area.value)) for area in Area if getattr(p.focus, area.value)]
    if focus:
        items = NEWLINE.join(HTML("<dt>{}</dt><dd>{}</dd>").format(t(f"area.{a.value}", lang), inline(text, lang, t)) for a, text in focus)
        page.section(t("profile.focus", lang), HTML('<dl class="kkp-focus">\n{}\n</dl>').format(items))
    if p.measures:
        page.section(t("profile.measures", lang), _measures(site, p, lang))
    closing_section(site, page, p.sources, lang)  # how sure the phase is: in its label; the full note for editors
    return page.add(json_ld(profile_json_ld(site, p, lang, url)))


def _municipalities(site: SiteData, p: Partnership, lang: str) -> HTML:
    t = site.strings

    def region(m: Municipality) -> HTML | str:
        if m.state:
            return formats.state(m.state, lang)
        return inline(m.region, lang, t) if m.region else "–"

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
        ("profile.population", lambda m: _population(site, m, lang), p.german.population or p.partner.population),
    ]
    head = HTML('<tr><td></td><th scope="col">{}</th><th scope="col">{}</th></tr>').format(
        t("profile.german_side", lang), t("profile.partner_side", lang))
    body = [HTML('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(t(key, lang), cell(p.german), cell(p.partner))
            for key, cell, shown in rows if shown]
    return data_table("kkp-pair", t("profile.municipalities", lang), head, body)


def _population(site: SiteData, m: Municipality, lang: str) -> HTML | str:
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
        entries.append(HTML("{} ({})").format(entry, source_link(site, pop.source, lang)))
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


def _measures(site: SiteData, p: Partnership, lang: str) -> HTML:
    """The measures as a table; a column that no measure fills (status, year) is left out."""
    t = site.strings
    columns = [
        ("measure.title", lambda m: inline(m.title, lang, t)),
        ("measure.area", lambda m: t(f"area.{m.area.value}", lang)),
        ("measure.status", lambda m: t(f"status.{m.status.value}", lang) if m.status != Status.UNKNOWN else "–"),
        ("measure.year", lambda m: formats.date(m.year, lang) if m.year else "–"),
    ]
    columns = [(key, cell) for key, cell in columns if any(cell(m) != "–" for m in p.measures)]
    head = HTML("").join(HTML('<th scope="col">{}</th>').format(t(key, lang)) for key, _ in columns)
    order = list(Area)
    rows = [HTML("<tr>{}</tr>").format(HTML("").join(HTML("<td>{}</td>").format(cell(m)) for _, cell in columns))
            for m in sorted(p.measures, key=lambda m: order.index(m.area))]
    return data_table("kkp-measures", t("profile.measures", lang), HTML("<tr>{}</tr>").format(head), rows)
