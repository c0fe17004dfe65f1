"""Partnership records as page content for one language: profile, list and summary."""

from __future__ import annotations

import json
from collections import Counter

from . import formats, links
from .html import block, esc, inline, json_ld, link, md_heading
from .langs import pick
from .models import Area, Kind, Municipality, Partnership, PhaseBasis, Source
from .site import SiteData

def title(p: Partnership, lang: str) -> str:
    return f"{pick(p.german.name, lang).value} – {pick(p.partner.name, lang).value}"


def front_matter(**values) -> list[str]:
    return ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()), "---", ""]


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


def profile_page(site: SiteData, record_id: str, lang: str, url: str) -> str:
    """The Markdown source of a profile page: front matter, then escaped HTML blocks."""
    t = site.strings
    p: Partnership = site.collection("partnerships")[record_id]
    lead = t.html(
        "profile.lead", lang,
        german=inline(p.german.name, lang, t), partner=inline(p.partner.name, lang, t),
        country=esc(formats.country(p.partner.country, lang)), phase=esc(phase_label(site, p, lang)),
    )
    parts = [
        *front_matter(title=esc(title(p, lang)), render_macros=False),
        f"<h1>{inline(p.german.name, lang, t)} – {inline(p.partner.name, lang, t)}</h1>",
        "",
        f'<p class="kkp-lead">{lead}</p>',
        "",
        *section(t("profile.municipalities", lang), _municipalities(site, p, lang)),
        *section(t("profile.partnership", lang), _relationship(site, record_id, p, lang)),
    ]
    focus = [(area, getattr(p.focus, area.value)) for area in Area if getattr(p.focus, area.value)]
    if focus:
        items = "\n".join(f"<dt>{esc(t(f'area.{a.value}', lang))}</dt><dd>{inline(text, lang, t)}</dd>" for a, text in focus)
        parts += section(t("profile.focus", lang), f'<dl class="kkp-focus">\n{items}\n</dl>')
    if p.measures:
        parts += section(t("profile.measures", lang), _measures(site, p, lang))
    parts += conflicts_section(site, p.conflicts, lang)
    parts += section(t("profile.sources", lang), sources_list(site, p.sources, lang))
    parts += [json_ld(profile_json_ld(site, p, lang, url)), ""]
    return "\n".join(parts)


def section(heading: str, body: str) -> list[str]:
    return [f"## {md_heading(heading)}", "", body, ""]


def source_link(site: SiteData, source: Source, lang: str) -> str:
    """A link to a source, or the flyer's short name."""
    t = site.strings
    return link(source.url, t("profile.source", lang)) if source.url else esc(t("source.flyer.short", lang))


def count_html(site: SiteData, count, lang: str) -> str:
    """A number as one source reported it: value (source) – note."""
    note = f" – {inline(count.note, lang, site.strings)}" if count.note else ""
    return f"{count.value} ({source_link(site, count.source, lang)}){note}"


def facts_list(facts: list[tuple[str, str]]) -> str:
    """Label and value pairs (values already HTML) as a definition list."""
    items = "\n".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in facts)
    return f'<dl class="kkp-facts">\n{items}\n</dl>'


def record_page_start(title: str, h1_html: str, facts: list[tuple[str, str]]) -> list[str]:
    """The opening of a record's page: front matter, heading, facts list."""
    return [*front_matter(title=esc(title), render_macros=False), f"<h1>{h1_html}</h1>", "", facts_list(facts), ""]


def conflicts_section(site: SiteData, conflicts, lang: str) -> list[str]:
    """Where sources disagree, as a section; nothing when they agree."""
    if not conflicts:
        return []
    return section(site.strings("profile.conflicts", lang), _list(block(c.text, lang, site.strings, "li") for c in conflicts))


def _list(items) -> str:
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def sources_list(site: SiteData, sources: list[Source], lang: str) -> str:
    flyer = site.strings("source.flyer", lang)
    return _list(f"<li>{link(s.url, s.title or s.url) if s.url else esc(flyer)}</li>" for s in sources)


def _municipalities(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings

    def region(m: Municipality) -> str:
        if m.state:
            return esc(formats.state(m.state, lang))
        return inline(m.region, lang, t) if m.region else "–"

    rows = [
        ("profile.name", lambda m: inline(m.name, lang, t)),
        ("profile.official_name", lambda m: inline(m.official_name, lang, t) if m.official_name else "–"),
        ("profile.kind", lambda m: esc(t(f"kind.{m.kind.value}", lang))),
        ("profile.country", lambda m: esc(formats.country(m.country, lang))),
        ("profile.region", region),
        ("profile.population", lambda m: _population(site, m, lang)),
    ]
    head = f'<tr><td></td><th scope="col">{esc(t("profile.german_side", lang))}</th><th scope="col">{esc(t("profile.partner_side", lang))}</th></tr>'
    body = "\n".join(
        f'<tr><th scope="row">{esc(t(key, lang))}</th><td>{cell(p.german)}</td><td>{cell(p.partner)}</td></tr>'
        for key, cell in rows
    )
    return f'<table class="kkp-pair">\n<thead>{head}</thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def _population(site: SiteData, m: Municipality, lang: str) -> str:
    if not m.population:
        return esc(site.strings("profile.not_known", lang))
    entries = []
    for pop in m.population:
        figure = formats.number(pop.value, lang)
        text = esc(site.strings("profile.approximately", lang, value=figure) if pop.approximate else figure)
        if pop.note:
            text += f" ({inline(pop.note, lang, site.strings)})"
        entries.append(f"{text} ({link(pop.source, site.strings('profile.source', lang))})")
    return "<br>".join(entries)


def phase_label(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    phase = site.collection("phases").get(p.phase)
    if phase is None:
        return t("phase.unknown", lang)
    label = t("phase.name", lang, number=phase.number)
    if p.phase_basis != PhaseBasis.STATED:
        label += f" ({t(f'phase_basis.{p.phase_basis.value}', lang)})"
    return label


def _relationship(site: SiteData, record_id: str, p: Partnership, lang: str) -> str:
    t = site.strings
    not_known = t("profile.not_known", lang)
    kind = t(f"relationship.{p.relationship.value}", lang) if p.relationship else not_known
    if p.relationship_since:
        kind += " " + t("profile.since", lang, date=formats.date(p.relationship_since, lang))
    since = formats.date(p.climate_partnership_since, lang) if p.climate_partnership_since else not_known
    phase = esc(phase_label(site, p, lang))
    if p.phase in site.collection("phases"):
        phase = f'<a href="{esc(links.href(links.profile(record_id), links.phase(p.phase)))}">{phase}</a>'
    rows = [
        (t("profile.relationship", lang), esc(kind)),
        (t("profile.climate_since", lang), esc(since)),
        (t("profile.phase", lang), phase),
    ]
    items = "\n".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows)
    note = block(p.relationship_note, lang, t) if p.relationship_note else ""
    return f'<dl class="kkp-facts">\n{items}\n</dl>\n{note}'.rstrip()


def _measures(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    head = "".join(f'<th scope="col">{esc(t(key, lang))}</th>' for key in ("measure.title", "measure.area", "measure.status", "measure.year"))
    order = list(Area)
    rows = "\n".join(
        f"<tr><td>{inline(m.title, lang, t)}</td><td>{esc(t(f'area.{m.area.value}', lang))}</td>"
        f"<td>{esc(t(f'status.{m.status.value}', lang))}</td><td>{esc(formats.date(m.year, lang)) if m.year else '–'}</td></tr>"
        for m in sorted(p.measures, key=lambda m: order.index(m.area))
    )
    return f'<table class="kkp-measures">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def pilot_phase_summary(site: SiteData, lang: str) -> str:
    """The flyer's statement on the pilot phase, computed from the phase-1 records."""
    t = site.strings
    pilot, phase = next(((key, phase) for key, phase in site.collection("phases").items() if phase.number == 1), (None, None))
    period = ""
    if phase:
        period = formats.date(phase.period.start, lang) + (f"–{formats.date(phase.period.end, lang)}" if phase.period.end else "")
    pilots = [p for _, p in site.partnerships if p.phase == pilot]
    kinds = Counter(p.german.kind for p in pilots)
    districts = kinds.pop(Kind.DISTRICT, 0)
    others = sum(kinds.values())
    countries = sorted({formats.country(p.partner.country, lang) for p in pilots}, key=formats.sort_key)
    parts = [t("count.municipality.one" if others == 1 else "count.municipality.other", lang, n=others)]
    if districts:
        parts.append(t("count.district.one" if districts == 1 else "count.district.other", lang, n=districts))
    sentence = t("summary.pilot", lang, who=formats.listing(parts, lang), countries=formats.listing(countries, lang), period=period)
    return f'<span class="kkp-pilot-summary">{esc(sentence)}</span>'
