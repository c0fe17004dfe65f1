"""Full-page screenshots of one page of every template, at 390 and 1280 px, in de, en and fr.

    make screenshots                      # builds the site into site/, then screenshots/
    python scripts/screenshots.py SITE OUT [--widths 390,1280] [--langs de,en,fr] [--only home,profile]

A reviewer opens the PNGs (the pull-request workflow uploads them as the artifact
"screenshots") and sees a design change without building anything. File names:
`<template>-<lang>-<width>.png`. The pages are served from the built folder on localhost and
loaded in Debian's Chromium (tests/browser.py); nothing is fetched from another host.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_ARGS, TEMPLATE_PAGES, chromium_path, free_port, serve, template_url  # noqa: E402

LANGS = ("de", "en", "fr")
WIDTHS = (390, 1280)


def take(site: Path, out: Path, widths, langs, only=None) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    port = free_port()
    with serve(site, port) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, path in TEMPLATE_PAGES.items():
            if only and name not in only:
                continue
            for lang in langs:
                for width in widths:
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    page = context.new_page()
                    page.goto(template_url(base, lang, path), wait_until="networkidle")
                    if name == "search":
                        try:
                            page.wait_for_selector(".pagefind-ui__result", timeout=10000)
                        except Exception:  # no results: the screenshot shows that
                            pass
                    target = out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                    context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--only", default="", help="comma-separated template names")
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    only = set(filter(None, args.only.split(",")))
    written = take(args.site, args.out, widths, args.langs.split(","), only)
    print(f"{len(written)} screenshots in {args.out}/")


if __name__ == "__main__":
    main()
