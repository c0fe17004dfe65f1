"""`HTML`: a string that is already safe markup (see macros/core/html.py for its use)."""

from __future__ import annotations

from markupsafe import Markup, escape

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


class HTML(Markup):
    """Safe HTML. Plain strings combined with it are escaped (braces included)."""

    __slots__ = ()

    @classmethod
    def escape(cls, s) -> "HTML":
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(str(escape(s)).translate(_BRACES))


def template(text: str) -> HTML:
    """A trusted text with `{name}` slots (an interface text) as HTML, slots kept."""
    return HTML(str(escape(text)))  # trusted: escaped here; only the braces stay
