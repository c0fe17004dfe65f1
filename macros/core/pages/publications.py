"""Publications: the catalogue by series and number, and one page per publication with its
language editions, the publisher's own file or page as the page's first action, what it
documents, citations and schema.org data."""

from __future__ import annotations

from babel import Locale

from ..files import formats, links
from ..markup.document import Document
from ..markup.html import EMPTY, NEWLINE, block, json_ld, link
from ..records.models import Edition, Publication, PublisherPage
from ..records.langs import pick
from .parts import closing_section, data_table, facts_list
from ..markup.safe import HTML
from ..checking.site import SiteData

CITATION_FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
CATALOGUE = "publikationen"  # file name of the whole catalogue's citation files


def language_name(code: str, lang: str) -> str:
    return Locale.parse(formats.LOCALES[lang]).languages[code]


def edition_for(pub: Publication, lang: str) -> Edition:
    """The edition in the page's language if there is one, else the first listed."""
    return next((e for e in pub.editions if e.language.value == lang), pub.editions[0])


def title_html(site: SiteData, key: str, lang: str) -> HTML:
    """The title as printed; marked with its language when it differs from the page's."""
    edition = edition_for(site.collection("publications")[key], lang)
    code = edition.language.value
    return HTML.escape(edition.title) if code == lang else HTML('<span lang="{}">{}</span>').format(code, edition.title)


def series_label(site: SiteData, pub: Publication, lang: str) -> str:
    if not pub.series:
        return ""
    name = site.collection("series")[pub.series].name[lang]
    return f"{name} {site.strings('publication.number', lang, number=pub.number)}" if pub.number else name


def _number(pub: Publication) -> int:
    return int(pub.number) if pub.number and pub.number.isdigit() else 10**6


def _date(pub: Publication):
    dates = [e.date for e in pub.editions if e.date]
    return min(dates) if dates else None


def catalogue(site: SiteData, lang: str, here: str = links.PUBLICATIONS) -> HTML:
    """All publications grouped by series (then the others), by number and date."""
    t = site.strings
    publications = site.collection("publications")
    groups: dict[str | None, list[str]] = {}
    for key, pub in publications.items():
        groups.setdefault(pub.series, []).append(key)
    order = sorted((s for s in groups if s), key=lambda s: formats.sort_key(site.collection("series")[s].name[lang])) + ([None] if None in groups else [])
    parts = []
    for series in order:
        keys = sorted(groups[series], key=lambda k: (_number(publications[k]), _date(publications[k]) or formats.PartialDate(9999), k))
        heading = site.collection("series")[series].name[lang] if series else t("publication.other", lang)
        items = []
        for key in keys:
            pub = publications[key]
            details = [series_label(site, pub, lang)] if pub.series else []
            edition = edition_for(pub, lang)
            if edition.place or edition.date:
                details.append(", ".join(x for x in (edition.place, formats.date(edition.date, lang) if edition.date else "") if x))
            languages = formats.listing([language_name(e.language.value, lang) for e in pub.editions], lang)
            details.append(t("publication.languages", lang, languages=languages))
            item = HTML("{} – {}").format(link(links.href(here, links.publication(key)), title_html(site, key, lang)), "; ".join(d for d in details if d))
            items.append(HTML("<li>{}</li>").format(item))
        parts.append(HTML('<h2>{}</h2>\n<ul class="kkp-publications">\n{}\n</ul>').format(heading, NEWLINE.join(items)))
    downloads = HTML(", ").join(link(links.file_href(here, links.citation(CATALOGUE, suffix)), name) for suffix, name in CITATION_FORMATS)
    parts.append(HTML('<p class="kkp-citations">{} {}</p>').format(t("publication.cite_all", lang), downloads))
    return HTML("\n\n").join(parts)


def publication_json_ld(site: SiteData, key: str, lang: str, url: str) -> dict:
    pub: Publication = site.collection("publications")[key]
    organisations = site.collection("organisations")

    def report(edition: Edition) -> dict:
        item = {"@type": "Report", "name": edition.title, "inLanguage": edition.language.value}
        if edition.date:
            item["datePublished"] = edition.date.iso()
        if edition.url:
            item["url"] = edition.url
        return item

    original, *translations = pub.editions
    data = {"@context": "https://schema.org", **report(original), "url": url}
    if pub.number:
        data["reportNumber"] = pub.number
    if pub.series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": site.collection("series")[pub.series].name[lang]}
    if pub.publisher:
        data["publisher"] = [{"@type": "Organization", "name": pick(organisations[o].name, lang).value} for o in pub.publisher]
    if pub.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in pub.authors]
    if pub.publisher_page:
        data["sameAs"] = pub.publisher_page.url
    if translations:
        data["workTranslation"] = [report(edition) for edition in translations]
    return data


def _page_label(site: SiteData, pub: Publication, page: PublisherPage, lang: str) -> str:
    """“At the publisher's” when the page is the publisher's own, else whose website it is."""
    if page.organisation is None or page.organisation in pub.publisher:
        return site.strings("publication.at_publisher", lang)
    org = site.collection("organisations")[page.organisation]
    return site.strings("publication.at_organisation", lang, name=pick(org.short_name or org.name, lang).value)


def actions(site: SiteData, pub: Publication, lang: str) -> HTML:
    """The page's main action: the publisher's file of each edition (the page's language
    first), then the publisher's page. Nothing when no publisher's address is known."""
    editions = sorted((e for e in pub.editions if e.url), key=lambda e: e.language.value != lang)
    targets = [(e.url, site.strings("publication.download", lang, language=language_name(e.language.value, lang))) for e in editions]
    if pub.publisher_page:
        targets.append((pub.publisher_page.url, _page_label(site, pub, pub.publisher_page, lang)))
    if not targets:
        return EMPTY
    buttons = HTML(" ").join(HTML('<a class="kkp-button" href="{}">{}</a>').format(href, label) for href, label in targets)
    return HTML('<p class="kkp-actions">{}</p>').format(buttons)


def publication_page(site: SiteData, key: str, lang: str, url: str) -> Document:
    t = site.strings
    pub: Publication = site.collection("publications")[key]
    here = links.publication(key)
    organisations = site.collection("organisations")
    facts: list = []
    if pub.series:
        facts.append((t("publication.series", lang), series_label(site, pub, lang)))
    if pub.publisher:
        facts.append((t("publication.publisher", lang), formats.listing([pick(organisations[o].name, lang).value for o in pub.publisher], lang)))
    if pub.authors:
        facts.append((t("publication.authors", lang), formats.listing(pub.authors, lang)))
    if pub.documents_event:
        event = site.collection("events")[pub.documents_event]
        facts.append((t("publication.documents", lang), link(links.href(here, links.event(pub.documents_event)), event.title[lang])))
    if pub.documents_phase:
        number = site.collection("phases")[pub.documents_phase].number
        facts.append((t("publication.documents", lang), link(links.href(here, links.phase(pub.documents_phase)), t("phase.name", lang, number=number))))
    head = HTML("").join(HTML('<th scope="col">{}</th>').format(t(k, lang)) for k in ("publication.language", "publication.title", "publication.date", "publication.place", "publication.pages"))
    rows = [
        HTML('<tr><td>{}</td><td lang="{}">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>').format(
            language_name(e.language.value, lang), e.language.value, e.title,
            formats.date(e.date, lang) if e.date else "–", e.place or "–", e.pages or "–")
        for e in pub.editions
    ]
    citations = HTML(", ").join(link(links.file_href(here, links.citation(key, suffix)), name) for suffix, name in CITATION_FORMATS)
    page = Document(edition_for(pub, lang).title).add(HTML("<h1>{}</h1>").format(title_html(site, key, lang)))
    main_action = actions(site, pub, lang)
    if main_action:
        page.add(main_action)
    if facts:
        page.add(facts_list(facts))
    if pub.description:
        page.add(block(pub.description, lang, t))
    page.section(t("publication.editions", lang), data_table("kkp-editions", t("publication.editions", lang), HTML("<tr>{}</tr>").format(head), rows))
    page.section(t("publication.cite", lang), HTML('<p class="kkp-citations">{}</p>').format(citations))
    closing_section(site, page, pub.sources, lang, links.publication(key))
    return page.add(json_ld(publication_json_ld(site, key, lang, url)))
