"""The editors' view: what editors need to see on a page and readers do not.

With KKP_EDITORIAL=1 (`KKP_EDITORIAL=1 make site`, `make serve`, every pull-request preview)
each page carries a box of class `kkp-editorial`: where the sources disagree (`conflicts:`),
caveats, what is missing (coordinates or a seat, English or French text, a second source, a
story), contacts older than three years, and the warnings of `make check` for the record
(an address on a copy site is an error of `make check`, so no page is built with one). The public build has none of it: `box` returns nothing there.

The notes are for editors: German on German pages, English on the others, from the message
catalogue (macros/core/checking/messages.py); record text inside them is picked in the page's
language and escaped like everywhere else (macros/core/markup/safe.py).
"""

from __future__ import annotations

import datetime
import os
from typing import Iterable

from pydantic import BaseModel

from ..checking.messages import Msg, msg, render
from ..checking.problems import WARNING
from ..checking.site import SiteData
from ..files.builddate import build_date
from ..markup.document import Document
from ..markup.html import NEWLINE, inline
from ..markup.safe import HTML
from ..records.langs import DEFAULT_LANGUAGE, LANGUAGES, pick
from ..records.models import Contact, Kind, Partnership, PhaseBasis, Source
from ..records.story import THIN_STORY, story_words

ENV = "KKP_EDITORIAL"
CSS = "kkp-editorial"
STALE_AFTER_YEARS = 3                  # a contact's details older than this are worth checking
POINT_KINDS = (Kind.CITY, Kind.MUNICIPALITY)  # drawn at their own place; other kinds at their seat
OTHERS = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


def enabled() -> bool:
    """Whether this build is the editors' view."""
    return os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on")


def language(lang: str) -> str:
    """The language of the notes on a page in `lang`: German, else English."""
    return "de" if lang == DEFAULT_LANGUAGE else "en"


def box(lang: str, notes: Iterable[HTML | Msg], title: Msg | None = None) -> HTML:
    """The editors' box with `notes`, or nothing (public build, or nothing to say)."""
    notes = list(notes)
    if not enabled() or not notes:
        return HTML("")
    say = language(lang)
    items = NEWLINE.join(HTML("<li>{}</li>").format(render(n, say) if isinstance(n, Msg) else n) for n in notes)
    heading = render(title or msg("editorial.title"), say)
    return HTML('<aside class="{}" lang="{}" aria-label="{}">\n<p class="kkp-editorial-title">{}</p>\n'
                '<ul>\n{}\n</ul>\n</aside>').format(CSS, say, heading, heading, items)


def add_to(page: Document, site: SiteData, collection: str, record_id: str, lang: str) -> Document:
    """Put the record's box right after the page's heading (the first part)."""
    notes = record_notes(site, collection, record_id, lang)
    part = box(lang, notes)
    if part:
        page.parts.insert(1 if page.parts else 0, part)
    return page


def record_notes(site: SiteData, collection: str, record_id: str, lang: str) -> list[HTML | Msg]:
    record = site.collection(collection)[record_id]
    path = site.path(collection, record_id)
    notes: list[HTML | Msg] = [msg("editorial.file", path=path)]
    notes += [HTML("{} ({}): {}").format(render(msg("editorial.conflict"), language(lang)), c.about, inline(c.text, lang, site.strings))
              for c in getattr(record, "conflicts", [])]
    if isinstance(record, Partnership):
        notes += partnership_notes(site, record, lang)
    notes += source_notes(_sources(record))
    notes += [msg("editorial.untranslated", languages=", ".join(missing), count=count)
              for missing, count in _untranslated(record).items()]
    notes += [msg("editorial.check_warning", line=p.line, message=p.message)
              for p in site.warnings if p.path == path and p.severity == WARNING]
    return notes


def partnership_notes(site: SiteData, p: Partnership, lang: str) -> list[Msg]:
    notes = []
    if p.phase_basis != PhaseBasis.STATED:
        notes.append(msg(f"editorial.basis.{p.phase_basis.value}"))
    for side in (p.german, p.partner):
        name = pick(side.name, lang).value
        if side.position is None:
            notes.append(msg("editorial.no_place" if side.kind in POINT_KINDS else "editorial.no_seat", name=name))
    words = story_words(p)
    if words < THIN_STORY:
        notes.append(msg("editorial.thin", words=words, least=THIN_STORY))
    return notes


def source_notes(sources: list[Source]) -> list[Msg]:
    notes = []
    if len(sources) == 1:
        notes.append(msg("editorial.single_source"))
    return notes


def stale_contacts(site: SiteData, today: datetime.date | None = None) -> list[Msg]:
    """Contacts whose details are older than STALE_AFTER_YEARS (for the contact page's box)."""
    today = today or build_date()
    limit = today.replace(year=today.year - STALE_AFTER_YEARS)
    notes = []
    for key, contact in sorted(site.collection("contacts").items()):
        contact: Contact
        if contact.as_of.last_day() < limit:
            notes.append(msg("editorial.stale_contact", name=contact.name, date=contact.as_of.iso(), path=site.path("contacts", key)))
    return notes


def _sources(record: BaseModel) -> list[Source]:
    sources = list(getattr(record, "sources", []))
    source = getattr(record, "source", None)
    return sources + ([source] if source else [])


def _untranslated(record: BaseModel) -> dict[str, int]:
    """How many texts of a record lack which translations: {"en, fr": 3}."""
    counts: dict[str, int] = {}
    for texts in _texts(record.model_dump()):
        missing = ", ".join(lang for lang in OTHERS if not texts.get(lang))
        if missing:
            counts[missing] = counts.get(missing, 0) + 1
    return counts


def _texts(node) -> Iterable[dict]:
    if isinstance(node, dict):
        if DEFAULT_LANGUAGE in node and set(node) <= set(LANGUAGES):
            yield node
        else:
            for value in node.values():
                yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


def page_notes(lang: str, source: str, text_lang: str) -> HTML:
    """The box of a hand-written page: its file, and whether it is shown in another language."""
    notes = [msg("editorial.page_file", path=source)]
    if text_lang != lang:
        notes.append(msg("editorial.page_fallback", lang=lang))
    return box(lang, notes)
