"""Shared fixtures and the kinds of tests.

Every test is of one kind, a pytest marker, so that each kind runs apart (Makefile):
- `unit`: a function of the core, called; no site is built;
- `build`: a fixture site (or the real data's site) built in a temporary folder;
- `browser`: Chromium, Java or a running server (the older name `slow` means the same);
- `data`: the content of the real data/ and docs/ (what the sources say, contacts, facts of
  the flyer); runs as a suite of its own (`make test-data`), so that an editor's change of
  content does not fail the code's tests, and the code's change does not hide in the data's.
A test marked with none is `build` when it, a fixture it uses or a function of its module that
it calls builds a site (calls `build`, `build_with`, `make_project` or starts a process), else
`unit`. The real site is built once for all the test processes of a run (a lock file).
"""

from __future__ import annotations

import fcntl
import inspect
import json
import re
from pathlib import Path

import pytest

from sitebuild import Build, build, make_project

KINDS = ("unit", "build", "browser", "data")
DATA_MODULES = {"test_real_data", "test_flyer_facts"}  # every test of these checks the real content
_BUILDS = r"\b(build|build_with|make_project|_shared_build|subprocess\.run|subprocess\.Popen|Popen)\("


def pytest_configure(config):
    config.addinivalue_line("markers", "unit: a function called, no site built")
    config.addinivalue_line("markers", "build: a fixture site built in a temporary folder")
    config.addinivalue_line("markers", "browser: Chromium, Java or a running server")
    config.addinivalue_line("markers", "data: the content of the real data/ and docs/ (make test-data)")
    config.addinivalue_line("markers", "slow: the older name of `browser`")


def _source(function) -> str:
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


def _builders(module) -> re.Pattern:
    """A pattern for calls that build: the sitebuild functions and this module's own
    functions that call them (to a fixed point)."""
    names: set[str] = set()
    functions = {name: _source(obj) for name, obj in vars(module).items()
                 if inspect.isfunction(obj) and obj.__module__ == module.__name__}
    while True:
        pattern = re.compile(_BUILDS if not names else _BUILDS[:-3] + "|" + "|".join(map(re.escape, sorted(names))) + r")\(")
        found = {name for name, source in functions.items() if pattern.search(source)} - names
        if not found:
            return pattern
        names |= found


def _kind(item, patterns: dict) -> str:
    explicit = [kind for kind in KINDS if item.get_closest_marker(kind)]
    if explicit:
        return explicit[0]
    if item.get_closest_marker("slow"):
        return "browser"
    module = item.module
    if module.__name__.rsplit(".", 1)[-1] in DATA_MODULES:
        return "data"
    if module not in patterns:
        patterns[module] = _builders(module)
    pattern = patterns[module]
    functions = [item.function] + [definition.func for name in item.fixturenames
                                   for definition in item._fixtureinfo.name2fixturedefs.get(name, ())]
    return "build" if any(pattern.search(_source(function)) for function in functions) else "unit"


def pytest_collection_modifyitems(config, items):
    patterns: dict = {}
    for item in items:
        kind = _kind(item, patterns)
        if not item.get_closest_marker(kind):
            item.add_marker(getattr(pytest.mark, kind))


def _shared_build(tmp_path_factory, name: str, **env: str) -> Build:
    """One build for every test process of this run (pytest-xdist): the first builds, the
    others wait for it and read the same folder."""
    root = tmp_path_factory.getbasetemp()
    if root.name.startswith("popen-gw"):
        root = root.parent  # the run's folder, shared by the test processes
    folder = root / f"shared-{name}"
    folder.mkdir(exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / "result.json"
        if done.is_file():
            saved = json.loads(done.read_text(encoding="utf-8"))
            return Build(Path(saved["project"]), Path(saved["site"]), saved["returncode"], saved["output"])
        result = build(make_project(folder), **env)
        done.write_text(json.dumps({"project": str(result.project), "site": str(result.site),
                                    "returncode": result.returncode, "output": result.output}), encoding="utf-8")
        return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    result = _shared_build(tmp_path_factory, "real")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def served_real_site(tmp_path_factory) -> tuple[Build, int]:
    """The real site built for http://127.0.0.1:<port>/ (search and absolute links need the
    address it is served at); each browser test module serves it on that port in turn."""
    from browser import free_port

    port = free_port()
    result = build(make_project(tmp_path_factory.mktemp("served")), SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    return result, port
