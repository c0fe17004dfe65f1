"""Site search with Pagefind: an index per language, built from the finished HTML, whose
fragments the reader's browser loads only on the search page and only for a query.

The header of every page has a plain search form (no script) that opens the search page
with ?q=; only that page loads Pagefind's user interface.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from ..markup.safe import HTML
from ..checking.site import SiteData

BUNDLE = "pagefind"            # folder Pagefind writes into the site
# Left out of the index: the "¶" permalinks of headings (Markdown's toc extension), which
# otherwise show in every result's excerpt, and what is only printed.
EXCLUDE = ".headerlink, .kkp-print-only"
# What is indexed: the content of each page, marked data-pagefind-body in overrides/main.html


def _command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--exclude-selectors", EXCLUDE]


def index(site_dir: Path) -> str:
    """Run Pagefind over the built site; return its report. Raises on failure."""
    result = subprocess.run(_command(site_dir), capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}")
    _order_entry(site_dir / BUNDLE / "pagefind-entry.json")
    return result.stdout


class Background:
    """Pagefind running while the live preview already shows the rebuilt pages: only the
    search page waits for it. `stop` ends it when the next rebuild starts."""

    def __init__(self, site_dir: Path):
        self.process = subprocess.Popen(_command(site_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.entry = site_dir / BUNDLE / "pagefind-entry.json"
        self.thread = threading.Thread(target=self._finish, daemon=True)
        self.thread.start()

    def _finish(self) -> None:
        if self.process.wait() == 0 and self.entry.is_file():
            _order_entry(self.entry)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.thread.join()


def _order_entry(path: Path) -> None:
    """Pagefind lists the languages of its entry file in random order; sort them, so that two
    builds of the same input give the same bytes (the content is unchanged)."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_page(site: SiteData, lang: str, is_default: bool) -> HTML:
    """The results area of the search page, with the Pagefind UI loaded from this site."""
    up = "../" * (1 if is_default else 2)
    return HTML(
        '<link rel="stylesheet" href="{0}{1}/pagefind-ui.css">\n'
        '<div id="kkp-search-results"></div>\n'
        "<noscript><p>{2}</p></noscript>\n"
        '<script src="{0}{1}/pagefind-ui.js"></script>\n'
        '<script src="{0}assets/search.js"></script>'
    ).format(up, BUNDLE, site.strings("search.noscript", lang))
