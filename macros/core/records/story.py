"""How much a partnership record tells about the partnership itself: the German words of its
story (lead, relationship note, programme of action, focus, measures with their results,
milestones, results), leaving out names, sources, conflicts, coordinates and editorial notes.

The editors' view calls a profile with fewer than THIN_STORY words thin; `scripts/story_stats.py`
reports the figures of the whole data folder.
"""

from __future__ import annotations

from .models import Partnership

THIN_STORY = 60  # German words: below this a profile says too little to be worth reading


def german(text) -> str:
    """The German text of a language map (or of a plain string)."""
    if text is None:
        return ""
    return text if isinstance(text, str) else text["de"]


def story_texts(p: Partnership) -> list[str]:
    texts = [p.lead, p.relationship_note, p.programme.text if p.programme else None, p.results,
             p.focus.mitigation, p.focus.adaptation, p.focus.other]
    for measure in p.measures:
        texts += [measure.title, measure.result]
    texts += [step.text for step in p.milestones]
    return [german(text) for text in texts if text is not None]


def story_words(p: Partnership) -> int:
    """Whitespace-separated German words of the story."""
    return sum(len(text.split()) for text in story_texts(p))
