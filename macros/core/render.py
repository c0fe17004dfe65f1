"""Partnership records as page content for one language: profile, list and summary."""

from __future__ import annotations

import json
from collections import Counter

from . import formats
from .html import block, esc, inline, link, md_heading
from .langs import pick
from .partnerships import Area, Kind, Municipality, Partnership
from .site import SiteData

PROFILE_FOLDER = "partnerschaften"


def profile_src_uri(partnership: Partnership) -> str:
    """Where the generated page pretends to live in docs/ (its URL follows from it)."""
    return f"{PROFILE_FOLDER}/{partnership.id}.md"


def title(partnership: Partnership, lang: str) -> str:
    return f"{pick(partnership.german.name, lang).value} – {pick(partnership.partner.name, lang).value}"


def profile_page(site: SiteData, partnership: Partnership, lang: str) -> str:
    """The Markdown source of a profile page: front matter, then escaped HTML blocks."""
    t, p = site.strings, partnership
    front = {"title": esc(title(p, lang)), "render_macros": False}
    lead = t.html(
        "profile.lead", lang,
        german=inline(p.german.name, lang, t),
        partner=inline(p.partner.name, lang, t),
        country=esc(formats.country(p.partner.country, lang)),
        phase=str(p.phase),
    )
    parts = [
        "---",
        *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()),
        "---",
        "",
        f'<h1>{inline(p.german.name, lang, t)} – {inline(p.partner.name, lang, t)}</h1>',
        "",
        f"<p class=\"kkp-lead\">{lead}</p>",
        "",
        f"## {md_heading(t('profile.municipalities', lang))}",
        "",
        _municipalities(site, p, lang),
        "",
        f"## {md_heading(t('profile.partnership', lang))}",
        "",
        _relationship(site, p, lang),
        "",
    ]
    if p.focus:
        parts += [f"## {md_heading(t('profile.focus', lang))}", "", _focus(site, p, lang), ""]
    if p.measures:
        parts += [f"## {md_heading(t('profile.measures', lang))}", "", _measures(site, p, lang), ""]
    if p.conflicts:
        parts += [f"## {md_heading(t('profile.conflicts', lang))}", "", _list(block(c, lang, t, "li") for c in p.conflicts), ""]
    sources = (f"<li>{link(s.url, s.title or s.url)}</li>" for s in p.sources)
    parts += [f"## {md_heading(t('profile.sources', lang))}", "", _list(sources), ""]
    return "\n".join(parts)


def _list(items) -> str:
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def _municipalities(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    rows = [
        ("profile.name", lambda m: inline(m.name, lang, t)),
        ("profile.official_name", lambda m: inline(m.official_name, lang, t) if m.official_name else "–"),
        ("profile.kind", lambda m: esc(t(f"kind.{m.kind.value}", lang))),
        ("profile.country", lambda m: esc(formats.country(m.country, lang))),
        ("profile.region", lambda m: inline(m.region, lang, t) if m.region else "–"),
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


def _relationship(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    kind = esc(t(f"relationship.{p.relationship.value}", lang))
    if p.relationship_since:
        kind += " " + esc(t("profile.since", lang, date=formats.date(p.relationship_since, lang)))
    rows = [
        (t("profile.relationship", lang), kind),
        (t("profile.climate_since", lang), esc(formats.date(p.climate_partnership_since, lang))),
        (t("profile.phase", lang), esc(t("phase.name", lang, number=p.phase))),
    ]
    items = "\n".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows)
    note = block(p.relationship_note, lang, t) if p.relationship_note else ""
    return f"<dl class=\"kkp-facts\">\n{items}\n</dl>\n{note}".rstrip()


def _focus(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    items = "\n".join(
        f"<dt>{esc(t(f'area.{area.value}', lang))}</dt><dd>{inline(text, lang, t)}</dd>"
        for area, text in p.focus.items()
    )
    return f'<dl class="kkp-focus">\n{items}\n</dl>'


def _measures(site: SiteData, p: Partnership, lang: str) -> str:
    t = site.strings
    head = "".join(f'<th scope="col">{esc(t(key, lang))}</th>' for key in ("measure.title", "measure.area", "measure.status", "measure.year"))
    order = [a for a in Area]
    rows = "\n".join(
        f"<tr><td>{inline(m.title, lang, t)}</td><td>{esc(t(f'area.{m.area.value}', lang))}</td>"
        f"<td>{esc(t(f'status.{m.status.value}', lang))}</td><td>{esc(formats.date(m.year, lang)) if m.year else '–'}</td></tr>"
        for m in sorted(p.measures, key=lambda m: order.index(m.area))
    )
    return f'<table class="kkp-measures">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def partnership_list(site: SiteData, lang: str) -> str:
    """HTML table of all partnerships, for the list page at partnerschaften/."""
    t = site.strings
    keys = ("list.german", "list.partner", "list.country", "list.phase", "list.relationship", "list.since")
    head = "".join(f'<th scope="col">{esc(t(key, lang))}</th>' for key in keys)
    rows = "\n".join(
        f"<tr><td>{link(f'{p.id}/', pick(p.german.name, lang).value)}</td>"
        f"<td>{inline(p.partner.name, lang, t)}</td>"
        f"<td>{esc(formats.country(p.partner.country, lang))}</td>"
        f"<td>{p.phase}</td>"
        f"<td>{esc(t(f'relationship.{p.relationship.value}', lang))}</td>"
        f"<td>{esc(formats.date(p.climate_partnership_since, lang))}</td></tr>"
        for p in site.partnerships
    )
    caption = esc(t("list.caption", lang, count=len(site.partnerships)))
    return f'<table class="kkp-list">\n<caption>{caption}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def pilot_phase_summary(site: SiteData, lang: str) -> str:
    """The flyer's statement on the pilot phase, computed from the phase-1 records."""
    t = site.strings
    pilots = [p for p in site.partnerships if p.phase == 1]
    kinds = Counter(p.german.kind for p in pilots)
    districts = kinds.pop(Kind.DISTRICT, 0)
    others = sum(kinds.values())
    countries = sorted({formats.country(p.partner.country, lang) for p in pilots})
    parts = [t("count.municipality.one" if others == 1 else "count.municipality.other", lang, n=others)]
    if districts:
        parts.append(t("count.district.one" if districts == 1 else "count.district.other", lang, n=districts))
    sentence = t("summary.pilot", lang, who=formats.listing(parts, lang), countries=formats.listing(countries, lang))
    return f'<span class="kkp-pilot-summary">{esc(sentence)}</span>'
