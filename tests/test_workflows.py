"""CI: the workflow files are valid, call make targets that exist, deploy with least
permissions and pinned actions; the build is reproducible; the translation report works."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from sitebuild import FIXTURES, ROOT, build, make_project

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_workflows_pass_the_github_workflow_schema():
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(WORKFLOWS) >= 2


def test_every_make_target_a_workflow_calls_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    called = set()
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                called |= set(re.findall(r"\bmake ([a-z][a-z-]*)", step.get("run", "")))
    assert called >= {"check", "translations", "test", "site"}
    assert called <= targets, called - targets


def test_actions_are_pinned_by_commit_and_jobs_have_timeouts():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for action in re.findall(r"uses:\s*(\S+)", text):
            assert action.startswith("./") or re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{path.name}: {action}"
        for name, job in load(path)["jobs"].items():
            assert "uses" in job or job.get("timeout-minutes"), f"{path.name}: job {name} has no timeout"
        assert "concurrency" in load(path)


def test_deploy_job_has_only_the_permissions_pages_needs():
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["jobs"]["deploy"]["needs"] == "checks"
    assert set(deploy["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert deploy["on"]["push"]["branches"] == ["main"]
    checks = load(ROOT / ".github" / "workflows" / "checks.yml")
    assert checks["permissions"] == {"contents": "read"}
    assert "pull_request" in checks["on"]


def test_two_builds_are_byte_identical(tmp_path):
    project = make_project(tmp_path)
    first, second = build(project, "one"), build(project, "two")
    assert first.returncode == 0 and second.returncode == 0, first.output[-2000:]
    files = lambda site: sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())  # noqa: E731
    assert files(first.site) == files(second.site)
    different = [name for name in files(first.site) if (first.site / name).read_bytes() != (second.site / name).read_bytes()]
    assert different == []


def test_translation_report_lists_a_planted_missing_translation(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    (data / "partnerships").mkdir()
    shutil.copy(FIXTURES / "records" / "alpha-beta.yml", data / "partnerships")
    shutil.copy(FIXTURES / "records" / "gamma-delta.yml", data / "partnerships")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "seite.de.md").write_text("# Seite\n", encoding="utf-8")
    (docs / "seite.en.md").write_text("# Page\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, "-m", "macros.core.translations", str(data), str(docs)],
                            capture_output=True, text=True, env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""}, timeout=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "data/partnerships/gamma-delta.yml:13: relationship_note: missing en, fr" in lines
    assert "data/partnerships/gamma-delta.yml:16: focus.adaptation: missing en, fr" in lines
    assert "docs/seite.de.md:1: page: missing fr" in lines
    assert not any(line.startswith("data/partnerships/alpha-beta.yml") for line in lines)
    assert any(line.startswith("en: ") and line.endswith("%)") for line in lines)
    assert "### Translations" in summary.read_text(encoding="utf-8")
