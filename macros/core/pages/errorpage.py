"""The page `make serve` shows in place of every page while the data has problems.

A live preview must not hang or fall silent when an editor saves a broken file: the server
keeps running, every page it serves lists the problems (`path:line: field: message`, in the
language of `make check`), and the next good save brings the site back. The page is plain
HTML with no asset, so it shows whatever else is broken; the preview server adds its reload
script before `</body>`.
"""

from __future__ import annotations

from ..checking.messages import language
from ..checking.problems import Problem, report
from ..markup.safe import HTML

HEADINGS = {
    "de": ("Die Daten haben Fehler", "Die Vorschau zeigt die Website wieder, sobald diese Fehler behoben und die Dateien gespeichert sind."),
    "en": ("The data has problems", "The preview shows the site again as soon as these problems are fixed and the files are saved."),
}


def error_page(problems: list[Problem], lang: str | None = None) -> HTML:
    lang = language(lang)
    heading, text = HEADINGS[lang]
    return HTML(
        '<!doctype html>\n<html lang="{0}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n<title>{1}</title>\n'
        "<style>body{{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}}"
        "h1{{color:#a50e0e}}pre{{white-space:pre-wrap;background:#f4f4f4;border-left:4px solid #a50e0e;padding:1rem}}</style>\n"
        '</head>\n<body>\n<h1>{1}</h1>\n<p>{2}</p>\n<pre class="kkp-problems">{3}</pre>\n</body>\n</html>\n'
    ).format(lang, heading, text, report(problems, lang))
