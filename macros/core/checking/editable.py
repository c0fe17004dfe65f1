"""Checks of what editors edit besides the records: data/ui.yml and the pages in docs/.

`check.editable_problems(data_dir)` is what `make check` adds to the data check: the interface
texts (placeholders, braces, keys the code needs; `uitexts_check.py`) and the Jinja of the
hand-written pages next to the data folder (`docs_check.py`). Messages are in German, or in
English with KKP_MESSAGES=en, each as `path:line: field: message` like every other problem.

Each module keeps its messages as `id -> {"de": …, "en": …}`. When the data check's message
catalogue (macros/core/checking/messages.py) is there, they are added to it under `editable.<module>.<id>`
and become catalogue messages, shown in whatever language the check is asked for; without it,
they are plain text in the language of KKP_MESSAGES.
"""

from __future__ import annotations

import os

MESSAGES_ENV = "KKP_MESSAGES"  # de (default) or en


def language() -> str:
    """The language of the checker's messages: 'en' with KKP_MESSAGES=en, else German."""
    return "en" if os.environ.get(MESSAGES_ENV, "de").strip().lower().startswith("en") else "de"


class Catalogue:
    """A module's messages, `id -> {"de": …, "en": …}`, under a name of its own."""

    def __init__(self, name: str, entries: dict[str, dict[str, str]]):
        self.name, self.entries = name, entries

    def __call__(self, key: str, **values: object):
        """The message `key` with its values: a catalogue message when the data check's
        catalogue is there, else the text in the language of KKP_MESSAGES."""
        try:
            from .messages import CATALOGUE, msg
        except ImportError:
            return self.entries[key][language()].format(**{name: str(value) for name, value in values.items()})
        full = f"editable.{self.name}.{key}"
        CATALOGUE.setdefault(full, (self.entries[key]["de"], self.entries[key]["en"]))
        return msg(full, **values)


def listing(names) -> str:
    return ", ".join(sorted(names))

