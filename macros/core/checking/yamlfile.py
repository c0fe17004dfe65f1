"""Read one YAML data file safely, keeping the line number of every key and item.

Safe by construction: only plain data (no Python objects), no aliases (so a "billion
laughs" file fails at its first `*alias`), no duplicate keys (PyYAML would silently keep
the last one). A UTF-8 byte order mark and Windows line endings are accepted. Every
failure is a `YamlFileError` carrying the line and a message for editors, at the line of
the mistake: the line that lacks its colon, the line where an unclosed quote opens, never
a line past the end of the file.

Each mapping and list also records (`yes_no`) which values YAML 1.1 read as true/false
from a plain word (NO, yes, on, off...), so that `country: NO` is explained as such.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .messages import Msg, msg

MAX_FILE_BYTES = 1_000_000  # a record is a few KB; anything near this is a mistake
BOOL_TAG = "tag:yaml.org,2002:bool"

#: What the parser's messages usually mean, in an editor's words (catalogue ids).
HINTS = {
    "mapping values are not allowed": "yaml.hint.colon",
    "did not find expected key": "yaml.hint.indent",
    "expected <block end>": "yaml.hint.indent",
    "found unexpected end of stream": "yaml.hint.unclosed",
    "did not find expected ',' or": "yaml.hint.bracket",
}


class YamlFileError(Exception):
    def __init__(self, line: int, message: Msg):
        super().__init__(str(message))
        self.line = line
        self.message = message


class LineDict(dict):
    """A mapping that knows the line of each key (`lines`) and its own line (`line`)."""

    line: int = 0
    lines: dict
    yes_no: dict  # key -> the word as written, for values YAML read as true/false (NO, yes, on...)


class LineList(list):
    """A sequence that knows the line of each item."""

    line: int = 0
    lines: list
    yes_no: dict  # index -> the word as written, for items YAML read as true/false


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where available


class _Loader(_SafeLoader):
    def construct_object(self, node, deep=False):
        # a node met a second time is an alias (*name): refused before anything is expanded,
        # so a "billion laughs" file fails at its first alias
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlFileError(node.start_mark.line + 1, msg("yaml.alias"))
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        result.yes_no = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlFileError(key_node.start_mark.line + 1, msg("yaml.merge"))
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                if key_node.tag == BOOL_TAG:
                    raise YamlFileError(line, msg("field.yes_no", word=key_node.value))
                shown = f"'{key_node.value}'" if isinstance(key_node, yaml.ScalarNode) else "[…]"
                raise YamlFileError(line, msg("yaml.key_not_word", key=shown))
            if key in result:
                raise YamlFileError(line, msg("yaml.duplicate_key", key=key, first=str(result.lines[key])))
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = line
            if value_node.tag == BOOL_TAG:
                result.yes_no[key] = value_node.value
        return result

    def construct_sequence(self, node, deep=False):
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.lines = [child.start_mark.line + 1 for child in node.value]
        result.yes_no = {i: child.value for i, child in enumerate(node.value) if child.tag == BOOL_TAG}
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def read_yaml(path: Path):
    """Parse `path`; raise `YamlFileError` with a line number and an editor's message."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(1, msg("file.too_large", limit=MAX_FILE_BYTES))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlFileError(raw[: err.start].count(b"\n") + 1, msg("file.not_utf8")) from None
    text = text.replace("\r\n", "\n")
    for number, content in enumerate(text.split("\n"), start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlFileError(number, msg("file.tab"))
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")):
        raise YamlFileError(1, msg("file.empty"))
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except YamlFileError:
        raise
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, text) from None
    except yaml.YAMLError as err:
        raise YamlFileError(1, msg("yaml.syntax_plain", parser=str(err))) from None


def _syntax_error(err: yaml.MarkedYAMLError, text: str) -> YamlFileError:
    """The line of the mistake and what it probably is, in an editor's words."""
    quote = _unclosed_quote(text, err) or _quote_into_comment(text, err)
    if quote:
        return YamlFileError(quote.line + 1, msg("yaml.unclosed_quote", column=str(quote.column + 1), quote=quote.style))
    context = err.context or ""
    problem = err.problem or ""
    mark = err.problem_mark or err.context_mark
    if err.context_mark and context.startswith("while scanning a simple key") and problem.startswith("could not find expected ':'"):
        mark = err.context_mark  # the line without a colon, not the line after it
        return YamlFileError(_clamp(mark.line, text), msg("yaml.missing_colon", column=str(mark.column + 1)))
    if mark and err.context_mark and mark.line >= _last_line(text) + 1:
        mark = err.context_mark  # at the end of the file: where the unfinished thing began
    hint = next((hint for start, hint in HINTS.items() if problem.startswith(start)), "yaml.hint.other")
    line = _clamp(mark.line, text) if mark else 1
    return YamlFileError(line, msg("yaml.syntax", column=str(mark.column + 1 if mark else 1), hint=msg(hint),
                                   parser=problem or context or "?"))


def _unclosed_quote(text: str, err: yaml.MarkedYAMLError):
    """The quoted text that runs on past its line into the error, if there is one.

    An unclosed quote swallows the following lines up to the next quote in the file (or to
    its end), and the parser then fails there: the mistake is where the quote opens.
    """
    if (err.context or "").startswith("while scanning a quoted") and err.context_mark:
        mark = err.context_mark
        return _Quote(mark.line, mark.column, text.split("\n")[mark.line][mark.column : mark.column + 1])
    if not err.problem_mark:
        return None
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > err.problem_mark.line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and token.start_mark.line < token.end_mark.line == err.problem_mark.line):
                found = _Quote(token.start_mark.line, token.start_mark.column, token.style)
    except Exception:  # noqa: BLE001 - the scan stops at the mistake; a guess must never hide it
        pass
    return found


#: `key: "text  # comment`: a value whose opening quote runs into the comment after it
QUOTE_INTO_COMMENT = re.compile(r"""^(\s*(?:- )?[\w.-]+:\s+)(["'])[^"'#]*\s#""")


def _quote_into_comment(text: str, err: yaml.MarkedYAMLError):
    """A value whose closing quote is missing, on a line whose comment holds quotes of its own
    (`since: "2011  # in quotes: "JJJJ"`): the comment's first quote closes the value, and the
    parser stumbles over the rest of the comment. The mistake is where the value's quote opens."""
    marks = [mark for mark in (err.problem_mark, err.context_mark) if mark]
    lines = text.split("\n")
    for line in sorted({mark.line for mark in marks}):
        found = QUOTE_INTO_COMMENT.match(lines[line]) if line < len(lines) else None
        if found:
            return _Quote(line, len(found.group(1)), found.group(2))
    return None


class _Quote:
    def __init__(self, line: int, column: int, style: str):
        self.line, self.column, self.style = line, column, style


def _clamp(line: int, text: str) -> int:
    """A 1-based line number that is never past the last line with content."""
    return min(line, _last_line(text)) + 1


def _last_line(text: str) -> int:
    """0-based number of the last line with content."""
    return max((n for n, content in enumerate(text.split("\n")) if content.strip()), default=0)
