"""Checks of what editors edit besides the records: data/ui.yml and the pages in docs/.

`problems(data_dir)` is what `make check` adds to the data check: the interface texts
(placeholders, braces, keys the code needs; `uitexts_check.py`) and the Jinja of the
hand-written pages next to the data folder (`docs_check.py`). Messages are in German, or in
English with KKP_MESSAGES=en, each as `path:line: field: message` like every other problem.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem

MESSAGES_ENV = "KKP_MESSAGES"  # de (default) or en
DOCS_FOLDER = "docs"           # next to the data folder


def language() -> str:
    """The language of the checker's messages: 'en' with KKP_MESSAGES=en, else German."""
    return "en" if os.environ.get(MESSAGES_ENV, "de").strip().lower().startswith("en") else "de"


def say(catalogue: dict[str, dict[str, str]], key: str, **values: object) -> str:
    """The message `key` of a module's catalogue in the checker's language, filled in."""
    return catalogue[key][language()].format(**values)


def listing(names) -> str:
    return ", ".join(sorted(names))


def problems(data_dir: Path) -> list[Problem]:
    """Every problem of data/ui.yml and of docs/ (when a docs folder sits next to data/)."""
    from . import docs_check, uitexts_check

    data_dir = Path(data_dir)
    found = uitexts_check.check(data_dir)
    docs_dir = data_dir.resolve().parent / DOCS_FOLDER
    if docs_dir.is_dir():
        found += docs_check.check(docs_dir)
    return found
