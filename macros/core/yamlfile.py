"""Read one YAML data file safely, keeping the line number of every key and item.

Safe by construction: only plain data (no Python objects), no aliases (so a "billion
laughs" file fails at its first `*alias`), no duplicate keys (PyYAML would silently keep
the last one). A UTF-8 byte order mark and Windows line endings are accepted. Every
failure is a `YamlFileError` carrying the line and a message for editors.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_FILE_BYTES = 1_000_000  # a record is a few KB; anything near this is a mistake

#: What the parser's messages usually mean, in an editor's words.
HINTS = {
    "mapping values are not allowed": "a colon where none is expected: check the indentation, or put the text in quotes",
    "did not find expected key": "the indentation does not line up with the lines above",
    "expected <block end>": "the indentation does not line up with the lines above",
    "could not find expected ':'": "a line is missing its 'name: value' colon, or a quote is not closed",
    "found unexpected end of stream": "a quote or bracket is opened but not closed",
    "found undefined alias": "aliases (*name) are not allowed in data files",
}


class YamlFileError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict):
    """A mapping that knows the line of each key (`lines`) and its own line (`line`)."""

    line: int = 0
    lines: dict


class LineList(list):
    """A sequence that knows the line of each item."""

    line: int = 0
    lines: list


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where available


class _Loader(_SafeLoader):
    def construct_object(self, node, deep=False):
        # a node met a second time is an alias (*name): refused before anything is expanded,
        # so a "billion laughs" file fails at its first alias
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlFileError(
                node.start_mark.line + 1,
                "anchors (&name) and aliases (*name) are not allowed in data files; write the value out in full",
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlFileError(key_node.start_mark.line + 1, "merge keys (<<) are not allowed")
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise YamlFileError(line, f"a key must be a word, not {key!r}")
            if key in result:
                raise YamlFileError(
                    line, f"key '{key}' appears twice (first on line {result.lines[key]})"
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = line
        return result

    def construct_sequence(self, node, deep=False):
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.lines = [child.start_mark.line + 1 for child in node.value]
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def read_yaml(path: Path):
    """Parse `path`; raise `YamlFileError` with a line number and an editor's message."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(1, f"the file is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlFileError(
            line, "the file is not UTF-8 text; save it as UTF-8 (in the GitHub editor it always is)"
        ) from None
    text = text.replace("\r\n", "\n")
    for number, content in enumerate(text.split("\n"), start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlFileError(number, "a tab is used for indentation; indent with spaces only")
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")
    ):
        raise YamlFileError(1, "the file is empty")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except YamlFileError:
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and (err.context or "").startswith("while scanning a quoted"):
            mark = err.context_mark  # where the open quote is, not the end of the file
        line = mark.line + 1 if mark else 1
        where = f" (column {mark.column + 1})" if mark else ""
        problem = err.problem or "the YAML syntax is broken"
        hint = next((text for start, text in HINTS.items() if problem.startswith(start)), None)
        message = f"{hint} (the parser says: {problem})" if hint else problem
        raise YamlFileError(line, f"YAML syntax error{where}: {message}") from None
    except yaml.YAMLError as err:
        raise YamlFileError(1, f"YAML syntax error: {err}") from None
