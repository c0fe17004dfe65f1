"""Build a copy of the site into a temporary folder and read its HTML.

A fixture site is the project's own mkdocs.yml, docs/, macros/ and overrides/ with a
data/ folder of the test's choosing, so every test exercises the real configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The data the "real site" tests use: the project's data/, or another folder (KKP_TEST_DATA)
#: when a test plays an editor's pull request on a copy of it.
DATA = Path(os.environ.get("KKP_TEST_DATA") or ROOT / "data")
LANGS = ("de", "en", "fr")
SITE_URL = "https://example.org/kkp/"
BUILD_DATE = "1767225600"  # SOURCE_DATE_EPOCH of 2026-01-01, so that builds are reproducible


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    output: str

    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))

    def soup(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / rel).read_text(encoding="utf-8"), "html.parser")

    def profile_pages(self, lang: str) -> set[str]:
        """Ids of the partnership profiles built for `lang`."""
        base = self.site if lang == "de" else self.site / lang
        folder = base / "partnerschaften"
        return {p.parent.name for p in folder.glob("*/index.html")}


def make_project(tmp: Path, data: Path | None = None) -> Path:
    """A project folder in `tmp`: real config, docs and code; `data` or the real data (DATA)."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(data or DATA, project / "data")
    for name in ("macros", "overrides"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    return project


def build(project: Path, site_dir: str = "site", **env_overrides: str) -> Build:
    site = project / site_dir
    env = dict(os.environ, SITE_URL=SITE_URL, SOURCE_DATE_EPOCH=BUILD_DATE)
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return Build(project, site, result.returncode, result.stdout + result.stderr)


def lang_of_path(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in ("en", "fr") else "de"


def neutral_path(rel: str) -> str:
    """The page path without its language folder: en/idee/index.html -> idee/index.html."""
    return rel.split("/", 1)[1] if lang_of_path(rel) != "de" else rel
