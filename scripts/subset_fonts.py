"""Cut Fira Sans to the characters the site's three languages need (a maintainer's tool, run by
hand; its output is committed in docs/assets/fonts/):

    npm pack @fontsource/fira-sans@5.3.0 && tar xzf fontsource-fira-sans-5.3.0.tgz
    python -m venv /tmp/fonts && /tmp/fonts/bin/pip install fonttools==4.61.1 brotli==1.2.0
    /tmp/fonts/bin/python scripts/subset_fonts.py package/files docs/assets/fonts

Keeps Basic Latin, Latin-1, the letters of French and German beyond it (œ, Œ, Ÿ, ı), the
spaces, dashes, quotes and marks of the three languages (no-break spaces, „ “ « » ‹ › – — …),
€ and ™; drops hinting. The same ranges are the `unicode-range` of the @font-face rules in
docs/assets/site.css: keep both in step. Licence: docs/assets/fonts/OFL.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

UNICODES = ("U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+02C6,U+02DC,"
            "U+2002-200A,U+2010-2015,U+2018-201E,U+2020-2022,U+2026,U+202F,U+2030,U+2039-203A,U+20AC,U+2122,U+2212")
WEIGHTS = {"400": "fira-sans-latin-400-normal.woff2", "700": "fira-sans-latin-700-normal.woff2"}


def main(source: Path, target: Path) -> None:
    for weight, name in WEIGHTS.items():
        subset.main([str(source / name), f"--unicodes={UNICODES}", "--flavor=woff2", "--layout-features=kern,liga,calt,case",
                     "--no-hinting", "--desubroutinize", f"--output-file={target / f'fira-sans-{weight}.woff2'}"])


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
