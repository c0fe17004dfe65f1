"""Check one record against its model.

Pydantic's errors are turned into editors' problems (`path:line: field: message`): the
line comes from the parsed YAML, the wording from our types or from the model itself
(which fields exist here, which are required), always from the message catalogue. A value
that YAML read as true/false from a word (`country: NO`) gets its own message, whatever
the field expected. The rules across files are in macros/core/checking/rules.py.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import BaseModel, ValidationError

from .messages import msg
from .problems import Problem, allowed, did_you_mean
from ..records.types import describe


@dataclass
class Loaded:
    """A checked record with what is needed to report on it later."""

    id: str
    path: str
    raw: Any
    record: BaseModel


def check_record(model: type[BaseModel], data: Any, path: str) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        problems = [_problem(model, data, path, error) for error in err.errors(include_url=False)]
        return None, sorted(set(problems))


def _problem(model: type[BaseModel], data: Any, path: str, error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "kkp" and ctx.get("sub"):
        loc = loc + (ctx["sub"],)
    word = _yes_no_word(data, loc)
    if word is not None:  # country: NO, read by YAML as false: the root cause, whatever the type said
        return Problem(path, _line(data, loc), _field(loc), msg("field.yes_no", word=word))
    if kind == "kkp":
        return Problem(path, _line(data, loc), _field(loc), ctx["message"])
    if kind == "missing":
        return Problem(path, _line(data, loc[:-1]), _field(loc), msg("field.missing"))
    if kind == "extra_forbidden":
        known = list(_model_at(model, loc[:-1]).model_fields)
        hint = did_you_mean(str(loc[-1]), known)
        return Problem(path, _line(data, loc), _field(loc), msg("field.unknown", hint=hint, allowed=allowed(known)))
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        if loc and loc[-1] == "source" and isinstance(error.get("input"), str):
            # every source has one shape: a group with url: (or flyer: true), also under source:
            return Problem(path, _line(data, loc), _field(loc), msg("source.plain", value=describe(error.get("input"))))
        known = list(_model_at(model, loc).model_fields)
        message = msg("field.group", allowed=allowed(known), value=describe(error.get("input")))
        return Problem(path, _line(data, loc), _field(loc), message)
    if kind == "list_type":
        return Problem(path, _line(data, loc), _field(loc), msg("field.list", value=describe(error.get("input"))))
    if kind == "too_short":
        return Problem(path, _line(data, loc), _field(loc), msg("field.too_short", count=ctx.get("min_length", 1)))
    # a rule without its own message: say which value is wrong, never in Python's words
    return Problem(path, _line(data, loc), _field(loc), msg("field.invalid", value=describe(error.get("input"))))


def _yes_no_word(data: Any, loc: tuple) -> str | None:
    """The word as written (NO, yes, off...) if YAML read the value at `loc` as true/false."""
    node = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    words = getattr(node, "yes_no", None)
    return words.get(loc[-1]) if words and loc else None


def _field(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line(data: Any, loc: tuple) -> int:
    """Line of the deepest part of `loc` that exists in the parsed file."""
    line, node = getattr(data, "line", 1), data
    for part in loc:
        lines = getattr(node, "lines", None)
        if isinstance(node, dict) and part in node:
            line, node = lines.get(part, line) if lines else line, node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            line, node = lines[part] if lines else line, node[part]
        else:
            break
    return line


def _inner(annotation: Any) -> type[BaseModel] | None:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _inner(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, list, tuple):
        return next(filter(None, map(_inner, typing.get_args(annotation))), None)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    for part in loc:
        if isinstance(part, str) and part in model.model_fields:
            model = _inner(model.model_fields[part].annotation) or model
    return model


def line_of(data: Any, loc: tuple) -> int:
    return _line(data, loc)


def field_name(loc: tuple) -> str:
    return _field(loc)
