"""Citation files for publications: CSL-JSON, BibTeX and RIS, one per publication and one
for the whole catalogue. Language-neutral: titles as printed, the first listed edition.

Escaped by construction: CSL-JSON is written by `json`; every BibTeX value goes through
`_bib` (TeX's special characters escaped, so braces stay balanced and no value can end its
field early) and addresses through `_bib_url` (braces and backslashes percent-encoded); a
RIS value never holds a line break (`_ris`), so it cannot start a line of its own. Control
characters never get this far: the record types refuse them.
"""

from __future__ import annotations

import json

from ..records.models import Publication
from ..checking.site import SiteData

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BIBTEX_LANGUAGE = {"de": "german", "en": "english", "fr": "french", "es": "spanish"}
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _publishers(site: SiteData, pub: Publication) -> list[str]:
    organisations = site.collection("organisations")
    names = []
    for key in pub.publisher:
        name = organisations[key].name
        names.append(name if isinstance(name, str) else name["de"])
    return names


def _person(name: str) -> dict:
    """A CSL name: "Dr. Klaus Reuter" -> family Reuter, given "Dr. Klaus"."""
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def csl_item(site: SiteData, key: str) -> dict:
    pub: Publication = site.collection("publications")[key]
    edition = pub.editions[0]
    item = {"id": key, "type": "report", "title": edition.title, "language": edition.language.value}
    if edition.date:
        item["issued"] = {"date-parts": [[n for n in (edition.date.year, edition.date.month, edition.date.day) if n]]}
    if pub.authors:
        item["author"] = [_person(name) for name in pub.authors]
    if pub.publisher:
        item["publisher"] = "; ".join(_publishers(site, pub))
    if edition.place:
        item["publisher-place"] = edition.place
    if pub.series:
        item["collection-title"] = site.collection("series")[pub.series].name["de"]
    if pub.number:
        item["collection-number"] = pub.number
        item["number"] = pub.number
    if edition.pages:
        item["number-of-pages"] = str(edition.pages)
    if edition.url:
        item["URL"] = edition.url
    return item


def csl_json(site: SiteData, keys: list[str]) -> str:
    return json.dumps([csl_item(site, key) for key in keys], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _bib(value: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in value)


def _bib_url(url: str) -> str:
    """An address in a BibTeX field: the characters that would end or escape it, percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_entry(site: SiteData, key: str) -> str:
    pub: Publication = site.collection("publications")[key]
    edition = pub.editions[0]
    fields = [("title", "{" + _bib(edition.title) + "}")]
    if pub.authors:
        fields.append(("author", " and ".join(_bib(name) for name in pub.authors)))
    institution = "; ".join(_publishers(site, pub))
    if institution:
        fields.append(("institution", _bib(institution)))
    if edition.place:
        fields.append(("address", _bib(edition.place)))
    if edition.date:
        fields.append(("year", str(edition.date.year)))
    if pub.series:
        fields.append(("type", _bib(site.collection("series")[pub.series].name["de"])))
    if pub.number:
        fields.append(("number", _bib(pub.number)))
    fields.append(("language", BIBTEX_LANGUAGE.get(edition.language.value, edition.language.value)))
    if edition.url:
        fields.append(("url", _bib_url(edition.url)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = f",\n  month = {MONTHS[edition.date.month - 1]}" if edition.date and edition.date.month else ""
    return f"@techreport{{{key},\n{body}{month}\n}}\n"


def bibtex(site: SiteData, keys: list[str]) -> str:
    return "\n".join(bibtex_entry(site, key) for key in keys)


def ris_entry(site: SiteData, key: str) -> str:
    pub: Publication = site.collection("publications")[key]
    edition = pub.editions[0]
    lines = [("TY", "RPRT"), ("ID", key), ("TI", edition.title)]
    lines += [("AU", name) for name in pub.authors]
    if edition.date:
        lines.append(("PY", str(edition.date.year)))
        lines.append(("DA", f"{edition.date.year}/{edition.date.month or '':0>2}/{edition.date.day or '':0>2}/".replace("/00", "/")))
    if edition.place:
        lines.append(("CY", edition.place))
    lines += [("PB", name) for name in _publishers(site, pub)]
    if pub.series:
        lines.append(("T3", site.collection("series")[pub.series].name["de"]))
    if pub.number:
        lines.append(("VL", pub.number))
    lines.append(("LA", edition.language.value))
    if edition.url:
        lines.append(("UR", edition.url))
    lines.append(("ER", ""))
    return "\r\n".join(f"{tag}  - {_ris(value)}".rstrip() if tag == "ER" else f"{tag}  - {_ris(value)}" for tag, value in lines) + "\r\n"


def _ris(value: str) -> str:
    """A RIS value on one line: a CR or LF inside it would start a line (a tag) of its own."""
    return " ".join(value.replace("\r", "\n").split("\n"))


def ris(site: SiteData, keys: list[str]) -> str:
    return "\r\n".join(ris_entry(site, key) for key in keys)
