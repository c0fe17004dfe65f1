"""`HTML`: a string that is already safe markup (see macros/core/markup/html.py for its use).

It behaves like `markupsafe.Markup`, with two differences: braces are escaped too, so no
template syntax can come from data, and `format` and `join` are faster (the build calls
them a few hundred thousand times): arguments are escaped first, then Python's own
`str.format` puts them in place. Numbers go in as numbers, so `{:.1f}` works; anything
else becomes text and is escaped unless it is already HTML.
"""

from __future__ import annotations

from markupsafe import Markup, escape

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def _escaped(value) -> str | int | float:
    """A value ready to go into HTML: HTML as it is, numbers as they are, the rest escaped."""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return str.__str__(value.__html__())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return str(escape(value)).translate(_BRACES)


class HTML(Markup):
    """Safe HTML. Plain strings combined with it are escaped (braces included)."""

    __slots__ = ()

    @classmethod
    def escape(cls, s) -> "HTML":
        if type(s) is cls:
            return s
        escaped = _escaped(s)
        return cls(escaped if isinstance(escaped, str) else str(escaped))  # trusted: escaped just above

    def format(self, *args, **kwargs) -> "HTML":
        return HTML(str.format(self, *map(_escaped, args), **{key: _escaped(value) for key, value in kwargs.items()}))  # trusted: arguments escaped

    def join(self, iterable) -> "HTML":
        return HTML(str.join(self, (value if type(value) is HTML else str(_escaped(value)) for value in iterable)))  # trusted: items escaped


def template(text: str) -> HTML:
    """A trusted text with `{name}` slots (an interface text) as HTML, slots kept."""
    return HTML(str(escape(text)))  # trusted: escaped here; only the braces stay
