"""Keep finished HTML away from Markdown.

Markdown parses every raw HTML block with Python's html.parser, which was the largest cost
of the build (a directory view is a table of hundreds of rows that is already final HTML).
Generated pages and macros put each finished HTML block into the stash and leave a token in
the Markdown; after Markdown has run, `restore` puts the HTML back in place of the token.
Record text is escaped before it enters a block, so no token can come from data.
"""

from __future__ import annotations

import itertools
import re

_TOKEN = "KKPSTASH{}X"
_FIND = re.compile(r"(?:<p>)?(KKPSTASH\d+X)(?:</p>)?")
_BLOCK = re.compile(r"^\s*<(?:table|div|nav|figure|ul|ol|dl|h[1-6]|p|script|link|details|section|svg)\b")


class Stash:
    def __init__(self):
        self._blocks: dict[str, str] = {}
        self._ids = itertools.count()

    def put(self, html: str) -> str:
        token = _TOKEN.format(next(self._ids))
        self._blocks[token] = html
        return token

    def markdown(self, source: str) -> str:
        """Move every top-level raw HTML chunk of a Markdown page into the stash."""
        chunks = source.split("\n\n")
        return "\n\n".join(self.put(chunk) if chunk.lstrip().startswith("<") else chunk for chunk in chunks)

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
