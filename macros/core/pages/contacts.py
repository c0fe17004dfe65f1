"""The contact page, from data/organisations/ and data/contacts/: who runs the programme and
how to reach them, every address, number and person with the date its source gave it.

Organisations that carry out the programme come first, each with the general address, phone
and e-mail of its newest source before anything else, so that the way to reach the programme
is the first thing on the page. Persons follow, newest first, each with the date of the source that named
them; a person named only by an old source is shown as such, never as today's contact.
"""

from __future__ import annotations

from . import editorial
from ..checking.messages import msg
from ..files import formats
from ..markup.html import EMPTY, NEWLINE, block, link
from ..records.langs import pick
from ..records.models import Contact, Organisation
from .parts import publication_link, source_title
from ..markup.safe import HTML
from ..checking.site import SiteData

#: The organisations a reader can contact about the programme, in this order (if present).
RUNNING = ("skew", "lag-21-nrw")
CONTACT = "kontakt/"  # the page that shows the contacts (docs/kontakt.*.md)


def _phone(number: str) -> HTML:
    return link("tel:" + "".join(c for c in number if c.isdigit() or c == "+"), number)


def _details(site: SiteData, lang: str, address: str | None, phone: str | None, email: str | None, website: str | None) -> HTML:
    t = site.strings
    rows = []
    if address:
        rows.append((t("contact.address", lang), HTML.escape(address)))
    if phone:
        rows.append((t("contact.phone", lang), _phone(phone)))
    if email:
        rows.append((t("contact.email", lang), link("mailto:" + email, email)))
    if website:
        rows.append((t("contact.website", lang), link(website, website.split("://", 1)[-1].rstrip("/"))))
    if not rows:
        return EMPTY
    items = NEWLINE.join(HTML("<dt>{}</dt><dd>{}</dd>").format(label, value) for label, value in rows)
    return HTML('<dl class="kkp-facts kkp-contact-details">\n{}\n</dl>').format(items)


def _sources(site: SiteData, lang: str, sources) -> HTML:
    """Sources by their titles (marked with their language), the flyer by its short name."""
    short = site.strings("source.flyer.short", lang)

    def one(s) -> HTML:
        if s.publication:
            return publication_link(site, s, lang, CONTACT)
        return link(s.url, source_title(s, lang)) if s.url else HTML.escape(short)
    return HTML(", ").join(one(s) for s in sources)


def organisation(site: SiteData, key: str, org: Organisation, lang: str) -> HTML:
    t = site.strings
    name = pick(org.name, lang)
    heading = HTML("<h3>{}</h3>").format(name.value) if not name.is_fallback(lang) else \
        HTML('<h3><span lang="{}">{}</span></h3>').format(name.lang, name.value)
    parts = [heading, _details(site, lang, org.address, org.phone, org.email, org.website)]
    meta = [HTML.escape(t("contact.as_of", lang, date=formats.date(org.as_of, lang)))] if org.as_of else []
    meta.append(t.html("figures.source", lang, source=_sources(site, lang, org.sources[-1:])))
    parts.append(HTML('<p class="kkp-as-of">{}</p>').format(HTML(" · ").join(meta)))
    if org.role:
        parts.append(block(org.role, lang, t))
    return HTML('<section class="kkp-contact" id="{}">\n{}\n</section>').format(key, NEWLINE.join(p for p in parts if p))


def person(site: SiteData, key: str, contact: Contact, lang: str) -> HTML:
    t = site.strings
    org = site.collection("organisations").get(contact.organisation)
    org_name = pick(org.short_name or org.name, lang).value if org else contact.organisation
    parts = [HTML("<h3>{}</h3>").format(contact.name),
             HTML("<p>{}, {}</p>").format(contact.role[lang], org_name),
             _details(site, lang, None, contact.phone, contact.email, None)]
    meta = HTML(" · ").join([HTML.escape(t("contact.named_as_of", lang, date=formats.date(contact.as_of, lang))),
                             t.html("figures.source", lang, source=_sources(site, lang, contact.sources))])
    parts.append(HTML('<p class="kkp-as-of">{}</p>').format(meta))
    if contact.note:
        parts.append(block(contact.note, lang, t))
    return HTML('<section class="kkp-contact" id="{}">\n{}\n</section>').format(key, NEWLINE.join(p for p in parts if p))


def contact_list(site: SiteData, lang: str) -> HTML:
    """The organisations that run the programme, then the persons sources have named."""
    t = site.strings
    organisations = site.collection("organisations")
    contacts = site.collection("contacts")
    parts = [editorial.box(lang, editorial.stale_contacts(site) or [msg("editorial.no_stale_contacts")], msg("editorial.contacts"))]
    orgs = [key for key in RUNNING if key in organisations]
    if orgs:
        parts.append(HTML("<h2 id=\"kkp-organisations\">{}</h2>").format(t("contact.organisations", lang)))
        parts += [organisation(site, key, organisations[key], lang) for key in orgs]
    if contacts:
        newest_first = sorted(contacts, key=lambda key: (contacts[key].as_of, key), reverse=True)
        parts.append(HTML("<h2 id=\"kkp-persons\">{}</h2>").format(t("contact.persons", lang)))
        parts.append(HTML("<p>{}</p>").format(t("contact.persons_note", lang)))
        parts += [person(site, key, contacts[key], lang) for key in newest_first]
    return HTML("\n\n").join(part for part in parts if part)
