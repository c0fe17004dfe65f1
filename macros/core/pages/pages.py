"""Every page generated from the data: one per record and language, plus directory views.

Each entry is a folder (the page's URL) and a function that returns the page (a Document)
for a language and its absolute URL; the MkDocs hook adds them to the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import directory
from ..files import links
from ..maps import worldmap
from ..markup.document import Document
from .events import event_page
from .phase_page import phase_page
from .profile import profile_page
from .publications import publication_page
from ..markup.safe import HTML
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
        page = Document(title, search=False).add(HTML("<h1>{}</h1>").format(title))
        if facet in ("kontinent", "phase"):  # a small map of the selection
            keys = {k for k, p in site.partnerships if directory.FACET_BY_SLUG[facet].value(p) == value}
            page.add(worldmap.small_map(site, lang, folder, keys))
        return page.add(body)

    return render


def generated_pages(site: SiteData) -> list[Generated]:
    pages = [
        Generated(links.profile(key), lambda lang, url, key=key: profile_page(site, key, lang, url), ("partnerships", key))
        for key, _ in site.partnerships
    ]
    pages += [
        Generated(links.phase(key), lambda lang, url, key=key: phase_page(site, key, lang, url), ("phases", key))
        for key in site.collection("phases")
    ]
    pages += [
        Generated(links.event(key), lambda lang, url, key=key: event_page(site, key, lang, url), ("events", key))
        for key in site.collection("events")
    ]
    pages += [
        Generated(links.publication(key), lambda lang, url, key=key: publication_page(site, key, lang, url), ("publications", key))
        for key in site.collection("publications")
    ]
    pages += [Generated(folder, _view(site, folder, facet, value)) for folder, facet, value in directory.views(site)]
    return pages
