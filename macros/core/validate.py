"""Check records: the model of each file, then the references between files.

Pydantic's errors are turned into editors' problems (`path:line: field: message`): the
line comes from the parsed YAML, the wording from our types or from the model itself
(which fields exist here, which are required).
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Iterator, Union

from pydantic import BaseModel, ValidationError

from .problems import Problem, allowed, did_you_mean
from .types import RefTo, describe


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
    if kind == "kkp":
        sub = ctx.get("sub")
        full = loc + ((sub,) if sub else ())
        return Problem(path, _line(data, full), _field(full), ctx["message"])
    if kind == "missing":
        return Problem(path, _line(data, loc[:-1]), _field(loc), "required field is missing")
    if kind == "extra_forbidden":
        known = list(_model_at(model, loc[:-1]).model_fields)
        key = str(loc[-1])
        message = f"unknown field{did_you_mean(key, known)}; allowed here: {allowed(known)}"
        return Problem(path, _line(data, loc), _field(loc), message)
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        known = list(_model_at(model, loc).model_fields)
        message = f"expected a group of fields ({allowed(known)}), got {describe(error.get('input'))}"
        return Problem(path, _line(data, loc), _field(loc), message)
    if kind == "list_type":
        message = f"expected a list (lines starting with '- '), got {describe(error.get('input'))}"
        return Problem(path, _line(data, loc), _field(loc), message)
    if kind == "too_short":
        return Problem(path, _line(data, loc), _field(loc), f"needs at least {ctx.get('min_length', 1)} entry")
    return Problem(path, _line(data, loc), _field(loc), error["msg"])


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


def references(record: BaseModel, prefix: tuple = ()) -> Iterator[tuple[tuple, RefTo, str]]:
    """(location, target, id) for every reference in a record, nested models included."""
    for name, field in type(record).model_fields.items():
        value = getattr(record, name)
        target = next((m for m in field.metadata if isinstance(m, RefTo)), None) or _ref_in(field.annotation)
        items = value if isinstance(value, (list, tuple)) else [value]
        for index, item in enumerate(items):
            loc = prefix + ((name, index) if isinstance(value, (list, tuple)) else (name,))
            if isinstance(item, BaseModel):
                yield from references(item, loc)
            elif target and isinstance(item, str) and item not in target.words:
                yield loc, target, item


def _ref_in(annotation: Any) -> RefTo | None:
    if typing.get_origin(annotation) is Annotated:
        found = [m for m in annotation.__metadata__ if isinstance(m, RefTo)]
        return found[0] if found else _ref_in(typing.get_args(annotation)[0])
    for arg in typing.get_args(annotation):
        found = _ref_in(arg)
        if found:
            return found
    return None


def line_of(data: Any, loc: tuple) -> int:
    return _line(data, loc)


def field_name(loc: tuple) -> str:
    return _field(loc)
