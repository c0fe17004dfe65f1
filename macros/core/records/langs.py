"""Languages of the site and the rule for texts that lack a translation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Union

LANGUAGES: tuple[str, ...] = ("de", "en", "fr")
DEFAULT_LANGUAGE = "de"

#: A text readers see: either language-neutral (a proper name) or one value per language.
Text = Union[str, Mapping[str, str]]


@dataclass(frozen=True)
class Picked:
    """The text chosen for a page language, and the language it is really written in."""

    value: str
    lang: str | None  # None: language-neutral (a name); otherwise the language of `value`

    def is_fallback(self, page_lang: str) -> bool:
        return self.lang is not None and self.lang != page_lang


def pick(text: Text, lang: str) -> Picked:
    """Choose `text` in `lang`, falling back to German where no translation exists."""
    if isinstance(text, str):
        return Picked(text, None)
    if text.get(lang):
        return Picked(text[lang], lang)
    return Picked(text[DEFAULT_LANGUAGE], DEFAULT_LANGUAGE)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; the site has {', '.join(LANGUAGES)}")
    return lang
