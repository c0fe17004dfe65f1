"""A generated page before Markdown sees it: its title and a list of parts.

A part is either finished `HTML` or a `Heading` (a level-2 heading that Markdown turns into
a permalinked entry of the page's table of contents). `markdown` hands each HTML part to
the stash as one opaque block, so Markdown only ever sees the front matter, the headings
and stash tokens: record text never reaches the Markdown parser, whatever it contains
(blank lines, `#`, `[link](javascript:…)`, `{{ … }}`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Union

from .html import md_heading
from .safe import HTML


@dataclass(frozen=True)
class Heading:
    text: str  # plain text (an interface text), escaped for HTML and Markdown on output


Part = Union[HTML, Heading]


@dataclass
class Document:
    title: str                       # plain text: the page's <title> and header
    parts: list[Part] = field(default_factory=list)
    search: bool = True              # False: left out of the search index

    def add(self, *parts: Part) -> "Document":
        self.parts.extend(parts)
        return self

    def section(self, heading: str, body: HTML) -> "Document":
        return self.add(Heading(heading), body)

    def markdown(self, put) -> str:
        """The page as Markdown; `put` turns an HTML part into a stash token."""
        meta = {"title": str(HTML.escape(self.title)), "render_macros": False}
        if not self.search:
            meta["search_exclude"] = True
        lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()), "---", ""]
        for part in self.parts:
            lines += [f"## {md_heading(part.text)}" if isinstance(part, Heading) else put(part), ""]
        return "\n".join(lines)
