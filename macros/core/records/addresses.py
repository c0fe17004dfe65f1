"""Web addresses read the way a browser reads them, and the labels made from them.

Python's `urllib.parse` and browsers disagree on some addresses: `https://evil.example\\@bonn.de/`
is a link to bonn.de for `urlsplit` and to evil.example for a browser. So every address in
the data is parsed by a WHATWG URL parser (ada, the parser of Node.js), and the page shows
what that parser found: the browser goes where the label says.

Allowed: http, https (with a host that has a dot) and mailto; no user name or password
(`https://user:pass@host/` would publish them); no backslash (browsers read it as `/`);
at most MAX_LENGTH characters.

An international domain name is shown in Unicode only when every letter is a Latin letter
of Western European languages (bücher.de, café.fr); anything else is shown in its ASCII form
(xn--…), so that a look-alike such as `аpple.com` with a Cyrillic а cannot pass for the real host.
"""

from __future__ import annotations

from dataclasses import dataclass

import ada_url

#: Longest address accepted, in characters (browsers and servers cut addresses of a few thousand).
MAX_LENGTH = 2_000
SCHEMES = ("http:", "https:", "mailto:")
#: Characters besides ASCII shown in a host name as they are: Latin-1 letters (ä, é, ß...).
SHOWN_LETTERS = frozenset(chr(code) for code in range(0xC0, 0x100) if code not in (0xD7, 0xF7))


class AddressError(ValueError):
    """Not an address the site accepts; `message_id` is the catalogue message."""

    def __init__(self, message_id: str):
        super().__init__(message_id)
        self.message_id = message_id


@dataclass(frozen=True)
class Address:
    href: str       # the normalised address, as a browser would request it
    scheme: str     # "http", "https" or "mailto"
    host: str       # ASCII host (xn--… for an international name); "" for mailto
    path: str


def parse(text: str) -> Address:
    """The address as a browser reads it, or AddressError with the reason."""
    if "\\" in text:
        raise AddressError("url.backslash")
    if len(text) > MAX_LENGTH:
        raise AddressError("url.too_long")
    try:
        url = ada_url.URL(text)
    except ValueError:
        raise AddressError("url.invalid") from None
    if url.protocol not in SCHEMES:
        raise AddressError("url.scheme")
    if url.username or url.password:
        raise AddressError("url.credentials")
    if url.protocol != "mailto:" and "." not in url.hostname.strip("."):
        raise AddressError("url.invalid")
    if url.protocol == "mailto:" and "@" not in url.pathname:
        raise AddressError("url.invalid")
    return Address(url.href, url.protocol[:-1], url.hostname, url.pathname)


def shown_host(host: str) -> str:
    """A host name for readers: Unicode where it cannot be mistaken for another, else ASCII."""
    if "xn--" not in host:
        return host
    try:
        unicode = ada_url.idna_to_unicode(host)
    except ValueError:
        return host
    unicode = unicode.decode() if isinstance(unicode, bytes) else unicode
    if all(char.isascii() or char in SHOWN_LETTERS for char in unicode):
        return unicode
    return host


def host_label(text: str) -> str:
    """The site of an address as readers see it (`bonn.de` for https://www.bonn.de/x)."""
    try:
        address = parse(text)
    except AddressError:
        return text
    if address.scheme == "mailto":
        return address.path
    return shown_host(address.host).removeprefix("www.")
