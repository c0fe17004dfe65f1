"""Keep finished HTML away from Markdown.

Generated pages and macros put each finished HTML block into the stash and leave a token in
the Markdown; after Markdown has run, `restore` puts the HTML back in place of the token.
The stash takes only `HTML` (macros/core/markup/html.py), so a renderer that returns a plain
string, which might hold unescaped record text, fails the build. Besides being safe, this
is fast: Markdown would otherwise parse every raw HTML block with Python's html.parser.
"""

from __future__ import annotations

import itertools
import re

from .safe import HTML

_TOKEN = "KKPSTASH{}X"
_FIND = re.compile(r"(?:<p>)?(KKPSTASH\d+X)(?:</p>)?")
_BLOCK = re.compile(r"^\s*<(?:table|div|nav|figure|ul|ol|dl|h[1-6]|p|script|link|details|section|svg)\b")


class Stash:
    def __init__(self):
        self._blocks: dict[str, str] = {}
        self._ids = itertools.count()

    def put(self, html: HTML) -> str:
        if not isinstance(html, HTML):
            raise TypeError(f"only HTML built by macros.core.markup.html can be put on a page, not {type(html).__name__}")
        token = _TOKEN.format(next(self._ids))
        self._blocks[token] = str(html)
        return token

    def restore(self, html: str) -> str:
        """Put the stashed HTML back: a token alone in a paragraph becomes the block itself."""
        def back(match: re.Match) -> str:
            block = self._blocks.pop(match.group(1), None)
            if block is None:
                return match.group(0)
            whole = match.group(0)
            if whole.startswith("<p>") and whole.endswith("</p>") and not _BLOCK.match(block):
                return f"<p>{block}</p>"
            if not whole.startswith("<p>") or not whole.endswith("</p>"):
                return whole.replace(match.group(1), block)
            return block

        return _FIND.sub(back, html)
