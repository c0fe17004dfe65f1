"""What a build prints (macros/quiet.py): a successful build a few lines, with what was built,
where and how long; a warning always, with what it is about."""

from __future__ import annotations

from sitebuild import build, make_project
from test_site_build import data_folder

MAX_LINES = 40


def test_a_successful_build_prints_a_few_lines_and_what_it_built(tmp_path):
    result = build(make_project(tmp_path, data_folder(tmp_path, "alpha-beta", "gamma-delta")))
    assert result.returncode == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) <= MAX_LINES, result.output
    summary = [line for line in lines if "Site built:" in line]
    assert len(summary) == 1 and "in de, en, fr into " in summary[0] and str(result.site) in summary[0]
    assert "not included in the \"nav\" configuration" not in result.output


def test_a_warning_still_shows(tmp_path):
    project = make_project(tmp_path, data_folder(tmp_path, "alpha-beta"))
    page = project / "docs" / "idee.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[nowhere](no-such-page.md)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert any("idee.en.md" in line and "no-such-page.md" in line for line in warnings), result.output
    assert "Site built:" not in result.output
