"""The language passes side by side (macros/passes.py): one `mkdocs build` per language, the
same site, byte for byte, as the passes in turn; a build on a Python without os.fork and
os.sched_getaffinity; a failure in any language fails the build and leaves no process or
folder behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import BUILD_DATE, FIXTURES, SITE_URL, build, make_project
from test_site_build import data_folder

#: mkdocs on a Python that has neither os.fork (as on Windows) nor os.sched_getaffinity (as on macOS)
WITHOUT_FORK = ("import os, sys; del os.fork, os.sched_getaffinity; from mkdocs.__main__ import cli; "
                "sys.argv[0] = 'mkdocs'; cli()")


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _processes_in(project: Path) -> list[int]:
    """Processes still running in the project's folder (a language pass left behind)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if Path(os.readlink(f"/proc/{entry}/cwd")) == project:
                    found.append(int(entry))
            except OSError:
                continue
    return found


def _left_behind(project: Path) -> list[str]:
    """Folders of language passes next to the site folder."""
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".site-"))


def test_passes_side_by_side_give_the_same_site_as_passes_in_turn(tmp_path):
    data = data_folder(tmp_path, "alpha-beta", "gamma-delta", "epsilon-zeta")
    for folder in ("events", "publications"):
        shutil.copytree(FIXTURES / "records" / folder, data / folder)
    project = make_project(tmp_path, data)
    in_turn = build(project, "in-turn", KKP_PARALLEL="0")
    side_by_side = build(project, "site", KKP_PARALLEL="1")
    assert in_turn.returncode == 0 and side_by_side.returncode == 0, side_by_side.output[-3000:]
    first, second = _files(in_turn.site), _files(side_by_side.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # the files more than one pass writes hold every language
    sitemap = second["sitemap.xml"].decode()
    assert "https://example.org/kkp/en/partnerschaften/alpha-beta/" in sitemap
    assert "https://example.org/kkp/fr/partnerschaften/alpha-beta/" in sitemap
    assert b'lang="fr"' in second["fr/404.html"] and b'lang="en"' in second["en/404.html"]
    assert _left_behind(project) == []
    # a Python without os.fork and os.sched_getaffinity builds the same site, side by side
    env = dict(os.environ, SITE_URL=SITE_URL, SOURCE_DATE_EPOCH=BUILD_DATE, KKP_PARALLEL="1")
    result = subprocess.run([sys.executable, "-c", WITHOUT_FORK, "build", "--strict", "--site-dir", "no-fork"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _files(project / "no-fork") == first


def _broken(tmp_path: Path, page: str, addition: str) -> Path:
    project = make_project(tmp_path, data_folder(tmp_path, "alpha-beta"))
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
    return project


def test_a_warning_in_another_language_fails_the_build(tmp_path):
    project = _broken(tmp_path, "idee.fr.md", "\n[cassé](nulle-part.md)\n")
    result = build(project, in_process=False, KKP_PARALLEL="1")  # the other processes print to the terminal
    assert result.returncode != 0
    assert "Doc file 'idee.fr.md' contains a link 'nulle-part.md', but the target is not found" in result.output
    assert "Building the pages in fr failed (the messages are above)." in result.output
    assert _left_behind(project) == [] and _processes_in(project) == []


def test_an_error_in_the_default_language_stops_the_other_passes(tmp_path):
    project = _broken(tmp_path, "idee.de.md", "\n{{ no_such_macro() }}\n")
    result = build(project, in_process=False, KKP_PARALLEL="1")  # the other processes print to the terminal
    assert result.returncode != 0 and "no_such_macro" in result.output
    assert _left_behind(project) == [] and _processes_in(project) == []  # stopped, not left to write on


def test_one_core_builds_the_languages_in_turn_on_any_system(monkeypatch):
    from macros import passes

    monkeypatch.delenv("KKP_PARALLEL", raising=False)
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)  # as on macOS and Windows
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert passes.cores() == 1 and not passes.enabled()
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert passes.enabled()
    monkeypatch.setenv("KKP_PARALLEL", "0")
    assert not passes.enabled()


def test_the_sitemap_holds_every_languages_entries_in_turn():
    from macros import passes

    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    one = {lang: f"{head}\n    <url><loc>{lang}</loc></url>\n</urlset>" for lang in ("de", "en", "fr")}
    assert passes.combined_sitemap([one["de"], one["en"], one["fr"]]) == (
        f"{head}\n    <url><loc>de</loc></url>\n    <url><loc>en</loc></url>\n    <url><loc>fr</loc></url>\n</urlset>")
