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

TIMEOUT = 30


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


def wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {TIMEOUT} s")


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new), encoding="utf-8")


def test_serve_rebuilds_after_data_page_and_code_edits(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    # the copy of macros/ comes first on the path, so editing it is editing "the code"
    env = dict(os.environ, PYTHONPATH=str(project), SITE_URL=base)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    try:
        profile = base + "en/partnerschaften/bonn-cape-coast/"
        wait_for(profile, "Cape Coast")

        edit(project / "data/partnerships/bonn-cape-coast.yml", "  name: Cape Coast", "  name: Cape Coast Edited")
        wait_for(profile, "Cape Coast Edited")

        edit(project / "docs/idee.en.md", "# ", "# Edited ")
        wait_for(base + "en/idee/", "Edited ")

        edit(project / "macros/core/profile.py", '<p class="kkp-lead">', '<p class="kkp-lead kkp-code-edited">')
        wait_for(profile, "kkp-code-edited")
    finally:
        server.terminate()
        server.wait(timeout=30)
