"""Every page generated from the data: one per record and language, plus directory views.

Each entry is a folder (the page's URL) and a function that returns the page (a Document)
for a language and its absolute URL; the MkDocs hook adds them to the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import directory, editorial
from ..files import links
from ..maps import worldmap
from ..markup.document import Document
from .events import event_page
from .phase_page import phase_page
from .profile import profile_page
from .publications import publication_page
from ..markup.safe import HTML
from ..checking.messages import msg
from ..checking.site import SiteData


@dataclass(frozen=True)
class Generated:
    folder: str
    render: Callable[[str, str], Document]  # (lang, absolute url) -> the page
    record: tuple[str, str] | None = None  # (collection, id) of the record behind the page


def _view(site: SiteData, folder: str, facet: str | None, value: str) -> Callable[[str, str], Document]:
    def render(lang: str, url: str) -> Document:
        title = directory.view_title(site, lang, facet, value)
        body = directory.view(site, lang, folder, facet, value)
        page = Document(title, search=False).add(HTML("<h1>{}</h1>").format(title), editorial.box(lang, [msg("editorial.view")]))
        if facet in ("kontinent", "phase"):  # a small map of the selection
            keys = {k for k, p in site.partnerships if directory.FACET_BY_SLUG[facet].value(p) == value}
            page.add(worldmap.small_map(site, lang, folder, keys))
        return page.add(body)

    return render


def _record(site: SiteData, collection: str, key: str, render: Callable[[str, str], Document]) -> Generated:
    """A record's page; in the editors' view with its box of notes (macros/core/pages/editorial.py)."""
    def page(lang: str, url: str) -> Document:
        return editorial.add_to(render(lang, url), site, collection, key, lang)

    return Generated(FOLDERS[collection](key), page, (collection, key))


FOLDERS = {"partnerships": links.profile, "phases": links.phase, "events": links.event, "publications": links.publication}


def generated_pages(site: SiteData) -> list[Generated]:
    renderers = {"partnerships": profile_page, "phases": phase_page, "events": event_page, "publications": publication_page}
    keys = {"partnerships": [key for key, _ in site.partnerships]}
    pages = [
        _record(site, collection, key, lambda lang, url, key=key, render=render: render(site, key, lang, url))
        for collection, render in renderers.items()
        for key in keys.get(collection, site.collection(collection))
    ]
    pages += [Generated(folder, _view(site, folder, facet, value)) for folder, facet, value in directory.views(site)]
    return pages
