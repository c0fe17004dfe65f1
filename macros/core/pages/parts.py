"""Page parts every record page shares: facts list, sources, reported counts.

Each returns `HTML` (macros/core/markup/html.py); record text inside is escaped on the way in.
"""

from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import unquote

from ..files import formats, links

from ..markup.document import Document
from ..markup.html import NEWLINE, block, inline, link
from ..records import addresses
from ..records.langs import DEFAULT_LANGUAGE, pick
from ..records.models import Source
from ..markup.safe import HTML
from ..checking.site import SiteData


def bullet_list(items: Iterable[HTML]) -> HTML:
    return HTML("<ul>\n{}\n</ul>").format(NEWLINE.join(HTML("<li>{}</li>").format(item) for item in items))


def data_table(css: str, label: str, head: HTML, rows, caption: str | None = None, table_id: str | None = None) -> HTML:
    """A data table inside a labelled region that a keyboard user can reach and scroll
    sideways when the table is wider than the screen. `head` is the header row(s)."""
    opening = HTML('<table class="{}" id="{}">').format(css, table_id) if table_id else HTML('<table class="{}">').format(css)
    if caption is not None:
        opening += HTML("\n<caption>{}</caption>").format(caption)
    body = HTML("{}\n<thead>{}</thead>\n<tbody>\n{}\n</tbody>\n</table>").format(opening, head, NEWLINE.join(rows))
    return HTML('<div class="kkp-table" role="region" aria-label="{}" tabindex="0">\n{}\n</div>').format(label, body)


def facts_list(facts: list[tuple[str, HTML | str]]) -> HTML:
    """Label and value pairs as a definition list; plain-text values are escaped."""
    items = NEWLINE.join(HTML("<dt>{}</dt><dd>{}</dd>").format(label, value) for label, value in facts)
    return HTML('<dl class="kkp-facts">\n{}\n</dl>').format(items)


def record_page(title: str, h1: HTML | str, facts: list[tuple[str, HTML | str]], search: bool = True) -> Document:
    """The opening of a record's page: title, heading, facts list."""
    return Document(title, search=search).add(HTML("<h1>{}</h1>").format(h1), facts_list(facts))


def source_href(source: Source, here: str) -> str | None:
    """Where a source is: its web address, or the page of a publication of this site (as seen
    from the page in folder `here`); None for the flyer."""
    if source.url:
        return source.url
    if source.publication:
        return links.href(here, links.publication(source.publication))
    return None


def publication_source_label(site: SiteData, source: Source, lang: str) -> HTML:
    """A publication of this site as a source: its title (the edition in the page's language if
    there is one, marked with its language otherwise) and the page."""
    pub = site.collection("publications")[source.publication]
    edition = next((e for e in pub.editions if e.language.value == lang), pub.editions[0])
    label = HTML.escape(edition.title) if edition.language.value == lang else \
        HTML('<span lang="{}">{}</span>').format(edition.language.value, edition.title)
    if source.page:
        label = HTML("{}, {}").format(label, site.strings("source.page", lang, page=source.page))
    return label


def publication_link(site: SiteData, source: Source, lang: str, here: str) -> HTML:
    """A publication of this site as a source: its title and page, linking its page."""
    return link(source_href(source, here), publication_source_label(site, source, lang))


def source_link(site: SiteData, source: Source, lang: str, here: str) -> HTML:
    """A short link to a source ("source"), or the flyer's short name."""
    t = site.strings
    target = source_href(source, here)
    return link(target, t("profile.source", lang)) if target else HTML.escape(t("source.flyer.short", lang))


def restates(note, value: int, lang: str) -> bool:
    """Does the note already give the number, in the source's words (“about 60 people”,
    “more than 4 million”)? Then the note is shown instead of the bare number."""
    text = pick(note, lang).value
    forms = (str(value), formats.number(value, lang), formats.number_words(value, lang))
    return any(re.search(r"(?<![\d.,\u00a0\u202f])" + re.escape(form) + r"(?![\d]|[.,\u00a0\u202f]\d)", text) for form in forms)


def cited(site: SiteData, text: HTML | None, source: Source | None, lang: str, here: str) -> HTML:
    """A text followed by a short link to its source in brackets; either may be missing."""
    if source is None:
        return text or HTML("")
    reference = source_link(site, source, lang, here)
    return HTML("{} ({})").format(text, reference) if text else reference


def count_html(site: SiteData, count, lang: str, here: str) -> HTML:
    """A number as one source reported it, with what it counts: “22 municipalities from three
    continents (source)”, or the source's own words when they give the number."""
    figure = HTML.escape(formats.number(count.value, lang))
    if count.note:
        note = inline(count.note, lang, site.strings)
        figure = note if restates(count.note, count.value, lang) else HTML("{} {}").format(figure, note)
    return HTML("{} ({})").format(figure, source_link(site, count.source, lang, here))


def source_title(source: Source, lang: str) -> HTML:
    """A source's title, marked with its language (German unless the record says otherwise)
    when that differs from the page's; a source without a title is named by its address."""
    if not source.title:
        return HTML.escape(address_label(source.url))
    language = source.language.value if source.language else DEFAULT_LANGUAGE
    return HTML.escape(source.title) if language == lang else HTML('<span lang="{}">{}</span>').format(language, source.title)


def address_label(url: str) -> str:
    """A web address as readers can take it in: the site and the last part of the path."""
    host = addresses.host_label(url)  # as the browser reads the address (WHATWG), not urlsplit
    try:
        path = addresses.parse(url).path
    except addresses.AddressError:
        path = ""
    segments = [segment for segment in path.split("/") if segment and not segment.lower().startswith(("index.", "default."))
                and segment.lower() != "index"]
    last = segments[-1] if segments else ""
    last = unquote(last).rsplit(".", 1)[0] if "." in last[-6:] else unquote(last)
    last = last.replace("-", " ").replace("_", " ").strip()
    if len(last) > 50:
        last = last[:49].rstrip() + "…"
    return f"{host}: {last}" if last else host


def source_item(site: SiteData, source: Source, lang: str, here: str) -> HTML:
    """A source as listed under "Quellen": its title or address, a publication by its title."""
    if source.publication:
        return publication_link(site, source, lang, here)
    return link(source.url, source_title(source, lang)) if source.url else HTML.escape(site.strings("source.flyer", lang))


def closing_section(site: SiteData, page: Document, sources: list[Source], lang: str, here: str,
                    notes: Iterable[HTML] = ()) -> Document:
    """The end of every record page: caveats in plain words, and the sources. Where the sources
    disagree is a note for editors (macros/core/pages/editorial.py), not for readers."""
    t = site.strings
    parts = [HTML("<p>{}</p>").format(note) for note in notes]
    parts.append(HTML('<h3 id="kkp-sources">{}</h3>\n{}').format(t("profile.sources", lang),
                                                                   bullet_list(source_item(site, s, lang, here) for s in sources)))
    return page.section(t("profile.closing", lang), HTML('<div class="kkp-closing">\n{}\n</div>').format(NEWLINE.join(parts)))
