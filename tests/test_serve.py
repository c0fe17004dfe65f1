"""`mkdocs serve` (what `make serve` runs) rebuilds after edits to data, pages and the
Python code of macros/, without a restart."""

from __future__ import annotations

import pytest

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sitebuild import ROOT

pytestmark = pytest.mark.slow  # starts mkdocs serve and waits for rebuilds: left out by make test-fast

TIMEOUT = 30        # a rebuild after an edit
START_TIMEOUT = 120  # the first build, with the server's start (a machine shared with other work is slow)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = TIMEOUT) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new), encoding="utf-8")


def start_server(tmp_path: Path) -> tuple[Path, str, subprocess.Popen]:
    """A copy of the project served by `mkdocs serve` (the copy of macros/ comes first on
    the path, so editing it is editing "the code")."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, PYTHONPATH=str(project), SITE_URL=base, KKP_MESSAGES="de")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    return project, base, server


def test_serve_rebuilds_after_data_page_and_code_edits(tmp_path):
    project, base, server = start_server(tmp_path)
    try:
        profile = base + "en/partnerschaften/bonn-cape-coast/"
        wait_for(profile, "Cape Coast", START_TIMEOUT)

        edit(project / "data/partnerships/bonn-cape-coast.yml", "  name: Cape Coast", "  name: Cape Coast Edited")
        wait_for(profile, "Cape Coast Edited")

        edit(project / "docs/idee.en.md", "# ", "# Edited ")
        wait_for(base + "en/idee/", "Edited ")

        edit(project / "macros/core/pages/profile.py", '<p class="kkp-lead">', '<p class="kkp-lead kkp-code-edited">')
        wait_for(profile, "kkp-code-edited")
        # the preview builds its search index after the pages, without holding them back
        wait_for(base + "pagefind/pagefind-entry.json", '"languages":{"de"')
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_shows_data_problems_in_the_browser_and_recovers(tmp_path):
    project, base, server = start_server(tmp_path)
    try:
        profile = base + "fr/partnerschaften/bonn-cape-coast/"
        wait_for(profile, "Cape Coast", START_TIMEOUT)
        phase = project / "data/phases/phase-9.yml"
        good = phase.read_text(encoding="utf-8")
        phase.write_text(good.replace("number: 9", "number: 9\n\tbroken: yes"), encoding="utf-8")
        page = wait_for(profile, "Die Daten haben Fehler")
        assert "data/phases/phase-9.yml:4: die Zeile ist mit einem Tabulator eingerückt" in page
        assert "bonn-cape-coast" not in page.split("</pre>")[0].split("<pre")[1]  # root cause only
        assert "Die Daten haben Fehler" in fetch(base)  # every page shows it, the server runs on
        phase.write_text(good, encoding="utf-8")
        page = wait_for(profile, "Cape Coast")
        assert "Die Daten haben Fehler" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
