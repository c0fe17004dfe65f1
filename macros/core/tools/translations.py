"""`python -m macros.core.tools.translations [data] [docs]`: the translation report.

Lists every reader-facing text that lacks its English or French version (file, line, field)
and every hand-written page without its .en.md or .fr.md file, with a coverage percentage
per language. It reports and never fails: a missing translation is shown in German with a
note on the site. With GITHUB_STEP_SUMMARY set, the summary also goes to the job summary.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import re
import typing
from functools import lru_cache

from pydantic import BaseModel

from ..records.langs import DEFAULT_LANGUAGE, LANGUAGES
from ..checking.yamlfile import YamlFileError, read_yaml

OTHERS = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Missing:
    path: str
    line: int
    field: str
    languages: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: missing {', '.join(self.languages)}"


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


def _german_if_plain(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted paths (without list positions) of the fields where a plain string is German text."""
    from ..records.types import GermanIfPlain

    paths = set()
    for name, info in model.model_fields.items():
        if any(isinstance(meta, GermanIfPlain) for meta in info.metadata) or \
                any(isinstance(meta, GermanIfPlain) for arg in typing.get_args(info.annotation) for meta in getattr(arg, "__metadata__", ())):
            paths.add(prefix + name)
        for inner in _models_in(info.annotation):
            paths |= _german_if_plain(inner, f"{prefix}{name}.")
    return paths


@lru_cache(maxsize=None)
def german_fields(collection: str) -> frozenset[str]:
    from ..records.models import COLLECTIONS

    return frozenset(_german_if_plain(COLLECTIONS[collection])) if collection in COLLECTIONS else frozenset()


_POSITION = re.compile(r"\[\d+\]")


def _texts(node, field: str, line: int, plain: frozenset[str] = frozenset()):
    """(field, line, texts) for every {de, en?, fr?} mapping in a parsed record, and for every
    plain string in a field where a plain string is German (`plain`: such fields' paths)."""
    if isinstance(node, str) and _POSITION.sub("", field) in plain:
        yield field, line, {DEFAULT_LANGUAGE: node}
        return
    if isinstance(node, dict):
        if DEFAULT_LANGUAGE in node and set(node) <= set(LANGUAGES):
            yield field, line, node
            return
        for key, value in node.items():
            yield from _texts(value, f"{field}.{key}" if field else str(key), node.lines.get(key, line), plain)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{field}[{index + 1}]", node.lines[index], plain)


def report(data_dir: Path, docs_dir: Path) -> tuple[list[Missing], dict[str, tuple[int, int]]]:
    missing: list[Missing] = []
    counts = {lang: [0, 0] for lang in OTHERS}  # lang -> [translated, total]
    for path in sorted(data_dir.rglob("*.yml")):
        if path.name.startswith("_"):
            continue
        shown = (Path("data") / path.relative_to(data_dir)).as_posix()
        try:
            raw = read_yaml(path)
        except YamlFileError:
            continue  # `make check` reports broken files
        collection = path.relative_to(data_dir).parts[0] if len(path.relative_to(data_dir).parts) > 1 else ""
        for field, line, texts in _texts(raw, "", 1, german_fields(collection)):
            absent = tuple(lang for lang in OTHERS if not texts.get(lang))
            for lang in OTHERS:
                counts[lang][1] += 1
                counts[lang][0] += lang not in absent
            if absent:
                missing.append(Missing(shown, line, field, absent))
    for page in sorted(docs_dir.rglob(f"*.{DEFAULT_LANGUAGE}.md")):
        stem = page.name[: -len(f".{DEFAULT_LANGUAGE}.md")]
        absent = tuple(lang for lang in OTHERS if not (page.parent / f"{stem}.{lang}.md").is_file())
        for lang in OTHERS:
            counts[lang][1] += 1
            counts[lang][0] += lang not in absent
        if absent:
            missing.append(Missing((Path("docs") / page.relative_to(docs_dir)).as_posix(), 1, "page", absent))
    return missing, {lang: tuple(value) for lang, value in counts.items()}


def coverage(counts: dict[str, tuple[int, int]]) -> list[str]:
    return [f"{lang}: {done}/{total} texts ({100 * done / total if total else 100:.1f} %)" for lang, (done, total) in counts.items()]


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0] if argv else "data")
    docs_dir = Path(argv[1] if len(argv) > 1 else "docs")
    missing, counts = report(data_dir, docs_dir)
    lines = [str(m) for m in missing] + [f"{len(missing)} texts or pages lack a translation"] + coverage(counts)
    print("\n".join(lines))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("### Translations\n\n" + "\n".join(f"- {c}" for c in coverage(counts)) + "\n\n")
            if missing:
                out.write("<details><summary>Missing translations</summary>\n\n```\n" + "\n".join(map(str, missing)) + "\n```\n</details>\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
