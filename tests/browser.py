"""Serve a built site on localhost and drive Debian's Chromium with Playwright.

No browser is downloaded: Playwright starts /usr/bin/chromium (the Debian package that
.ci/run installs). The server answers a missing page with the 404 page of its language,
as a static host configured per the README would.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is not installed: run .ci/run, or apt-get install chromium")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = root / first / "404.html" if (root / first / "404.html").is_file() else root / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(site: Path, port: int):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


#: One page of every template of the site (German address; en/ and fr/ are prefixed), used by
#: scripts/screenshots.py and tests/test_design.py. The records named here exist in the real
#: data and in the test fixtures that build the whole data folder.
TEMPLATE_PAGES = {
    "home": "",
    "page": "idee/",
    "profile": "partnerschaften/bonn-cape-coast/",
    "directory": "partnerschaften/",
    "filter": "verzeichnis/land/gh/",
    "phase": "phasen/phase-1/",
    "map": "karte/",
    "progress": "fortschritt/",
    "catalogue": "publikationen/",
    "publication": "publikationen/dialog-global-61/",
    "events": "veranstaltungen/",
    "event": "veranstaltungen/results-phase-2/",
    "data": "daten/",
    "contact": "kontakt/",
    "search": "suche/?q=Klima",
    "404": "gibt-es-nicht/",
    "legal": "impressum/",
}


def template_url(base: str, lang: str, path: str) -> str:
    """The address of `path` (a German address) in `lang` on the site served at `base`."""
    return base + ("" if lang == "de" else f"{lang}/") + path
