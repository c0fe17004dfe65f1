"""Text in another language than its key says: English under `de:`, German under `fr:`...

A warning (the site is not wrong, a page shows a text in the wrong language), at the line of
the text. The language is guessed by Lingua (PyPI `lingua-language-detector`), which is made
for short texts, restricted to the languages met in this data (German, English, French, and
Spanish and Portuguese of partner municipalities) and loaded on first use, so that a check
of data without translations never loads it.

Names and short titles are never judged: a text needs at least MIN_LETTERS letters and
MIN_WORDS words, and the guessed language must be clearly ahead: a confidence of at least
MIN_CONFIDENCE, and MIN_MARGIN more than the language of the key.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Iterator

from ..records.langs import LANGUAGES
from .messages import msg
from .problems import WARNING, Problem
from .validate import Loaded, field_name

NAME_FIELD = "name"  # name, official_name, short_name: proper names, never judged
GUESSED = ("de", "en", "fr", "es", "pt")
MIN_LETTERS = 40
MIN_WORDS = 6
MIN_CONFIDENCE = 0.9
MIN_MARGIN = 0.8
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]{2,}")


@functools.cache
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder  # 96 MB of models: only when needed

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in GUESSED]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def judged(text: str) -> bool:
    """Whether a text is long enough to have its language guessed (not a name, not a short title)."""
    return len(LETTER.findall(text)) >= MIN_LETTERS and len(WORD.findall(text)) >= MIN_WORDS


def guess(text: str, key: str) -> tuple[str, float] | None:
    """(language, confidence) when `text` is clearly in another language than `key`, else None."""
    if not judged(text):
        return None
    values = {value.language.iso_code_639_1.name.lower(): value.value
              for value in _detector().compute_language_confidence_values(text)}
    best = max(values, key=values.get)
    if best != key and values[best] >= MIN_CONFIDENCE and values[best] - values.get(key, 0.0) >= MIN_MARGIN:
        return best, values[best]
    return None


def own_words(text: str, others: list[str]) -> str:
    """The text without the words its translations share with it (names of places, projects,
    organisations: "Enzkreis-Kliniken Mühlacker" is no German in an English title). A text the
    same as a translation is kept whole: German copied under en: is what this check is for."""
    if text.strip() in (other.strip() for other in others):
        return text
    shared = {word.casefold() for other in others for word in WORD.findall(other)}
    return " ".join(word for word in WORD.findall(text) if word.casefold() not in shared)


def texts_by_language(node: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str, str, int]]:
    """(location, language key, text, line) for every text under a de:/en:/fr: key; the text
    without the words it shares with its translations (`own_words`)."""
    if isinstance(node, dict):
        lines = getattr(node, "lines", {})
        per_language = bool(node) and all(key in LANGUAGES for key in node)
        for key, value in node.items():
            if per_language and isinstance(value, str):
                others = [other for name, other in node.items() if name != key and isinstance(other, str)]
                yield loc + (key,), key, own_words(value, others), lines.get(key, 1)
            else:
                yield from texts_by_language(value, loc + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts_by_language(value, loc + (index,))


def check(loaded: dict[str, dict[str, Loaded]]) -> list[Problem]:
    """A warning for every text that is clearly in another language than its key."""
    problems = []
    for items in loaded.values():
        for item in items.values():
            for loc, key, text, line in texts_by_language(item.raw):
                if any(isinstance(part, str) and part.endswith(NAME_FIELD) for part in loc):
                    continue  # a name stays as it is in every language
                found = guess(text, key)
                if found:
                    language, confidence = found
                    message = msg("text.other_language", key=key, language=msg(f"value.language.{language}"),
                                  percent=round(confidence * 100))
                    problems.append(Problem(item.path, line, field_name(loc), message, WARNING))
    return problems
