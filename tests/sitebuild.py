"""Build a copy of the site into a temporary folder and read its HTML.

A fixture site is the project's own mkdocs.yml, docs/, macros/ and overrides/ with a
data/ folder of the test's choosing, so every test exercises the real configuration.

A build runs `mkdocs build --strict` in the test's own process (mkdocs' command line, called
as a function), with the languages in turn (KKP_PARALLEL=0): the test processes of
pytest-xdist share the cores, and no Python starts for a build. `build(..., in_process=False)`
starts `python -m mkdocs` instead, for what only a process of its own shows.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
import traceback
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


def build(project: Path, site_dir: str = "site", in_process: bool = True, **env_overrides: str) -> Build:
    site = project / site_dir
    env = dict(SITE_URL=SITE_URL, SOURCE_DATE_EPOCH=BUILD_DATE, KKP_PARALLEL="0")
    env.update(env_overrides)
    arguments = ["build", "--strict", "--site-dir", str(site)]
    if in_process:
        returncode, output = _build_here(project, arguments, env)
    else:
        result = subprocess.run([sys.executable, "-m", "mkdocs", *arguments], cwd=project,
                                env=dict(os.environ, **env), capture_output=True, text=True, timeout=600)
        returncode, output = result.returncode, result.stdout + result.stderr
    return Build(project, site, returncode, output)


def _build_here(project: Path, arguments: list[str], env: dict[str, str]) -> tuple[int, str]:
    """mkdocs' command line in this process: its exit status and everything it printed."""
    from mkdocs.__main__ import cli

    output = io.StringIO()
    logger = logging.getLogger("mkdocs")
    handlers, level = list(logger.handlers), logger.level
    saved_env, saved_cwd, saved_argv = dict(os.environ), os.getcwd(), sys.argv
    os.environ.update(env)
    os.chdir(project)
    sys.argv = ["mkdocs", *arguments]
    returncode = 0
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            cli.main(arguments, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as end:
        returncode = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
    except Exception:  # as the interpreter would print it
        output.write(traceback.format_exc())
        returncode = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        sys.argv = saved_argv
        logger.handlers[:] = handlers
        logger.setLevel(level)
    return returncode, output.getvalue()


def lang_of_path(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in ("en", "fr") else "de"


def neutral_path(rel: str) -> str:
    """The page path without its language folder: en/idee/index.html -> idee/index.html."""
    return rel.split("/", 1)[1] if lang_of_path(rel) != "de" else rel
