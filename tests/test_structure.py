"""The shape of the code: the README's table of macros/core/ follows its folders, and no module
of the project imports, directly or through others, a module that imports it back (imports
inside functions count too: they only postpone a cycle)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sitebuild import ROOT

CORE = ROOT / "macros" / "core"
MAX_TOP_LEVEL = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Project modules that `path` imports anywhere in its code (relative imports resolved)."""
    name = module_name(path)
    package = name if path.stem == "__init__" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        found.update(t for t in targets if t in known)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    files = sorted((ROOT / "macros").rglob("*.py"))
    known = {module_name(p) for p in files}
    return {module_name(p): imports_of(p, known) for p in files}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    graph = import_graph()
    assert "macros.core.checking.site" in graph["macros.core.checking.check"]
    assert cycles(graph) == []


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_relative_imports_are_resolved():
    graph = import_graph()
    assert "macros.core.records.models" in graph["macros.core.checking.rules"]  # from ..records.models
    assert "macros.core.checking.messages" in graph["macros.core.checking.rules"]  # from .messages


def test_readme_table_follows_the_folders():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("Module groups of `macros/core/`", 1)[1].split("\n\n", 2)[1]
    listed: dict[str, set[str]] = {}
    for row in table.splitlines()[2:]:
        folder, modules = re.match(r"\| `([a-z_]+)/` \| (.*) \|$", row).groups()
        listed[folder] = set(re.findall(r"`([a-z_]+)\.py`", modules))
    on_disk = {p.name: {m.stem for m in p.glob("*.py") if m.stem != "__init__"}
               for p in CORE.iterdir() if (p / "__init__.py").exists()}
    assert listed == on_disk
    top_level = [p.stem for p in CORE.glob("*.py") if p.stem != "__init__"]
    assert len(top_level) <= MAX_TOP_LEVEL
