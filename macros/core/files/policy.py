"""The Content-Security-Policy of every page, and the same policy as HTTP headers.

Every page carries it as `<meta http-equiv="Content-Security-Policy">` (overrides/main.html):
scripts, styles, images, fonts and requests only from the site itself; no inline script
(Material's two are left out), so a text that slipped through as markup could not run;
`'wasm-unsafe-eval'` because Pagefind's search runs as WebAssembly; no plug-ins; no `<base>`
pointing elsewhere; forms send only to the site. JSON-LD (`<script type="application/ld+json">`)
is data and is not run, so the policy does not touch it. Images may also be `data:` URLs
(Material's icons in its stylesheet).

A `<meta>` policy cannot say `frame-ancestors`; the server can, with the headers below
(the README's section on publishing gives them for nginx and Apache).
"""

from __future__ import annotations

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
#: The policy of every page, as it stands in the page's <meta http-equiv>.
CSP = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
#: What a server adds that a <meta> policy cannot say: no framing by other sites.
HEADER_ONLY = "frame-ancestors 'self'"


def nginx() -> str:
    """The policy as an nginx directive (in the server block)."""
    return f'add_header Content-Security-Policy "{CSP}; {HEADER_ONLY}" always;'


def apache() -> str:
    """The policy as an Apache directive (in the site's configuration or .htaccess, mod_headers)."""
    return f'Header always set Content-Security-Policy "{CSP}; {HEADER_ONLY}"'
