"""Page parts every record page shares: facts list, sources, reported counts, conflicts.

Each returns `HTML` (macros/core/html.py); record text inside is escaped on the way in.
"""

from __future__ import annotations

from typing import Iterable

from .document import Document
from .html import NEWLINE, block, inline, link
from .models import Source
from .safe import HTML
from .site import SiteData


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


def source_link(site: SiteData, source: Source, lang: str) -> HTML:
    """A link to a source, or the flyer's short name."""
    t = site.strings
    return link(source.url, t("profile.source", lang)) if source.url else HTML.escape(t("source.flyer.short", lang))


def count_html(site: SiteData, count, lang: str) -> HTML:
    """A number as one source reported it: value (source) – note."""
    figure = HTML("{} ({})").format(count.value, source_link(site, count.source, lang))
    return HTML("{} – {}").format(figure, inline(count.note, lang, site.strings)) if count.note else figure


def conflicts_section(site: SiteData, page: Document, conflicts, lang: str) -> Document:
    """Where sources disagree, as a section; nothing when they agree."""
    if conflicts:
        items = NEWLINE.join(block(c.text, lang, site.strings, "li") for c in conflicts)
        page.section(site.strings("profile.conflicts", lang), HTML("<ul>\n{}\n</ul>").format(items))
    return page


def sources_section(site: SiteData, page: Document, sources: list[Source], lang: str) -> Document:
    flyer = site.strings("source.flyer", lang)
    return page.section(site.strings("profile.sources", lang),
                        bullet_list(link(s.url, s.title or s.url) if s.url else flyer for s in sources))
