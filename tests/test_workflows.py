"""CI: the workflow files are valid and call make targets that exist; actions are pinned; only
the jobs that publish may write, and they never run a pull request's code; previews live under
pr-<number>/ of gh-pages and main's publishing keeps them (scripts/publish-gh-pages, tested on a
local repository); the step names CONTRIBUTING.md quotes exist; the build is reproducible; the
translation report works."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitebuild import FIXTURES, ROOT, build, make_project

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
CHECKS = GITHUB / "workflows" / "checks.yml"
PUBLISH = ROOT / "scripts" / "publish-gh-pages"
WRITERS = {"preview", "cleanup", "publish"}  # the jobs that push to gh-pages


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def jobs(path: Path = CHECKS) -> dict:
    return load(path)["jobs"]


def step(job: dict, name: str) -> dict:
    (found,) = [s for s in job["steps"] if s.get("name") == name]
    return found


def run_step(script: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """Run a step's shell as GitHub does (bash -eo pipefail), with the given environment."""
    path = tmp_path / "step.sh"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)],
                          env={"PATH": os.environ["PATH"], **env}, capture_output=True, text=True, timeout=60)


def test_workflows_pass_the_github_workflow_schema():
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert CHECKS in WORKFLOWS
    forms = [str(p) for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"]
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-issue-forms", *forms],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_make_target_a_workflow_calls_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    called = set()
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for s in job.get("steps", []):
                called |= set(re.findall(r"\bmake ([a-z][a-z-]*)", s.get("run", "")))
    assert called >= {"check", "translations", "test", "site"}
    assert called <= targets, called - targets


def test_actions_are_pinned_by_commit_and_jobs_have_timeouts():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for action, comment in re.findall(r"uses:\s*(\S+)(.*)", text):
            if action.startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{path.name}: {action}"
            assert re.search(r"#\s*v\d+\.\d+", comment), f"{path.name}: {action} has no version comment"
        workflow = load(path)
        for name, job in workflow["jobs"].items():
            assert "uses" in job or job.get("timeout-minutes"), f"{path.name}: job {name} has no timeout"
        if set(workflow["on"]) - {"workflow_call"}:
            assert "concurrency" in workflow, path.name


def test_triggers_pull_requests_main_nightly_and_on_demand():
    on = load(CHECKS)["on"]
    assert set(on) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert set(on["pull_request"]["types"]) == {"opened", "synchronize", "reopened", "closed"}
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"][0]["cron"]


def test_only_the_publishing_jobs_may_write():
    workflow = load(CHECKS)
    assert workflow["permissions"] == {"contents": "read"}
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            permissions = job.get("permissions")
            assert permissions is not None, f"{path.name}: job {name} names no permissions"
            writes = {scope for scope, level in permissions.items() if level == "write"}
            if path == CHECKS and name in WRITERS:
                assert permissions == {"contents": "write"}, name
            elif path == CHECKS and name == "comment":
                assert permissions == {"pull-requests": "write"}
            else:
                assert writes == set(), f"{path.name}: job {name} may write {writes}"
    # The jobs that run the project's code (a pull request's, for a pull request) only read.
    for name in ("site", "tests"):
        assert jobs()[name]["permissions"] == {"contents": "read"}
        assert any("make " in s.get("run", "") for s in jobs()[name]["steps"])


def test_jobs_that_write_never_check_out_or_run_the_pull_request():
    for name in WRITERS | {"comment"}:
        job = jobs()[name]
        for s in job["steps"]:
            if s.get("uses", "").startswith("actions/checkout@"):
                assert s["with"]["ref"] == "main", f"{name} checks out {s['with'].get('ref')}"
                assert s["with"]["sparse-checkout"] == "scripts/publish-gh-pages"
                assert s["with"]["persist-credentials"] is False
            run = s.get("run", "")
            assert not re.search(r"\b(make|pip|python3?|mkdocs|pytest|npm)\b", run), f"{name} runs {run}"
            assert "github.event.pull_request.head" not in str(s.get("with", {}))
            assert not re.search(r"(^|\s)\./", run), f"{name} runs a file of the working directory: {run}"
            assert not run or "main/scripts/publish-gh-pages" in run or "gh api" in run, run
    for name in ("preview", "comment", "cleanup"):
        # forks get a read-only token: no online preview, no comment; their preview is the artifact
        assert "github.event.pull_request.head.repo.full_name == github.repository" in jobs()[name]["if"]
    assert "site-preview" in str(jobs()["site"]["steps"])


def test_every_job_that_writes_gh_pages_waits_in_one_queue():
    for name, job in jobs().items():
        runs = " ".join(s.get("run", "") for s in job["steps"])
        if "publish-gh-pages" in runs:
            assert name in WRITERS
            assert job["concurrency"] == {"group": "gh-pages", "cancel-in-progress": False, "queue": "max"}, name
    assert all("publish-gh-pages" in str(jobs()[name]["steps"]) for name in WRITERS)


def test_preview_comment_cleanup_and_main_deploy_are_wired():
    j = jobs()
    assert j["site"]["if"] == j["tests"]["if"] == "github.event.action != 'closed'"
    preview = j["preview"]
    assert preview["needs"] == "site"  # the preview does not wait for the slow tests
    assert "github.event.action != 'closed'" in preview["if"]
    assert '"pr-$PR_NUMBER" site' in step(preview, "Vorschau nach gh-pages/pr-<Nummer>/ schieben")["run"]
    assert set(j["comment"]["needs"]) == {"site", "preview"} and "!cancelled()" in j["comment"]["if"]
    cleanup = j["cleanup"]
    assert "github.event.action == 'closed'" in cleanup["if"]
    assert '"pr-$PR_NUMBER" --remove' in step(cleanup, "Ordner pr-<Nummer>/ aus gh-pages löschen")["run"]
    publish = j["publish"]
    assert set(publish["needs"]) == {"site", "tests"}
    assert "github.ref == 'refs/heads/main'" in publish["if"] and "pull_request" in publish["if"]
    assert step(publish, "Website an die Wurzel von gh-pages schieben (pr-*/ bleiben)")["run"].endswith(" main site")


@pytest.mark.parametrize(("repository", "configured", "pr", "fork", "expected"), [
    ("Klima-Org/website", "", "7", "false", "https://klima-org.github.io/website/pr-7/"),
    ("Klima-Org/website", "", "", "false", "https://klima-org.github.io/website/"),
    ("Klima-Org/website", "https://www.example.org/klima", "12", "false", "https://www.example.org/klima/pr-12/"),
    ("Klima-Org/website", "https://www.example.org/", "", "false", "https://www.example.org/"),
    ("Klima-Org/website", "", "7", "true", "http://localhost:8000/"),
    ("Klima-Org/klima-org.github.io", "", "", "false", "https://klima-org.github.io/"),
])
def test_site_address_of_main_a_preview_and_a_fork(tmp_path, repository, configured, pr, fork, expected):
    script = step(jobs()["site"], "Adresse der Website festlegen")["run"]
    env_file, output = tmp_path / "env", tmp_path / "output"
    result = run_step(script, {"GITHUB_REPOSITORY": repository, "GITHUB_REPOSITORY_OWNER": repository.split("/")[0],
                               "CONFIGURED_URL": configured, "PR_NUMBER": pr, "FORK": fork,
                               "GITHUB_ENV": str(env_file), "GITHUB_OUTPUT": str(output)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert env_file.read_text() == f"SITE_URL={expected}\n"
    assert output.read_text() == f"site-url={expected}\n"


FAKE_GH = """#!/usr/bin/env bash
printf '%s\\0' "$@" > "$GH_LOG/$(ls "$GH_LOG" | wc -l)"   # one file per call, arguments NUL-separated
case " $* " in *" --paginate "*) [ -n "$EXISTING" ] && echo "$EXISTING" ;; esac
exit 0
"""


@pytest.mark.parametrize(("existing", "site", "result", "method", "says"), [
    ("", "success", "success", "POST", "Stand Commit 0123456"),
    ("4711", "success", "success", "PATCH", "Stand Commit 0123456"),
    ("4711", "failure", "skipped", "PATCH", "eine Prüfung ist fehlgeschlagen"),
    ("", "success", "failure", "POST", "konnte aber nicht veröffentlicht werden"),
])
def test_one_comment_with_the_link_found_by_its_hidden_marker(tmp_path, existing, site, result, method, says):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    log = tmp_path / "gh-calls"
    log.mkdir()
    script = step(jobs()["comment"], "Kommentar mit dem Link anlegen oder aktualisieren")["run"]
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "GH_LOG": str(log), "EXISTING": existing,
           "GITHUB_REPOSITORY": "klima-org/website", "PR_NUMBER": "7", "HEAD_SHA": "0123456789abcdef",
           "PREVIEW_URL": "https://klima-org.github.io/website/pr-7/", "RESULT": result, "SITE_RESULT": site,
           "RUN_URL": "https://github.com/klima-org/website/actions/runs/1"}
    done = run_step(script, env, tmp_path)
    assert done.returncode == 0, done.stderr
    calls = [(log / str(n)).read_text(encoding="utf-8").split("\0")[:-1] for n in range(len(list(log.iterdir())))]
    assert calls[0][:3] == ["api", "--paginate", "repos/klima-org/website/issues/7/comments"]
    assert "<!-- kkp-preview -->" in calls[0][-1] and "github-actions[bot]" in calls[0][-1]
    assert len(calls) == 2 and calls[1][:3] == ["api", "--method", method]
    assert calls[1][3] == ("repos/klima-org/website/issues/comments/4711" if existing
                           else "repos/klima-org/website/issues/7/comments")
    body = calls[1][-1].removeprefix("body=")
    assert body.startswith("<!-- kkp-preview -->\n### Vorschau\n")
    assert "0123456" in body and says in body
    assert ("**<https://klima-org.github.io/website/pr-7/>**" in body) == (result == "success")


def publish(remote: Path, target: str, source: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PUBLISH), str(remote), target, str(source)],
                          capture_output=True, text=True, timeout=60)


def site_folder(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


def tree(remote: Path) -> dict[str, str]:
    names = subprocess.run(["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
                           capture_output=True, text=True, check=True).stdout.split()
    return {name: subprocess.run(["git", "--git-dir", str(remote), "show", f"gh-pages:{name}"],
                                 capture_output=True, text=True, check=True).stdout for name in names}


def test_publish_main_then_a_preview_then_main_again_keeps_the_preview_then_remove_it(tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    main1 = site_folder(tmp_path / "main1", {"index.html": "main 1", "old.html": "gone later", "_x/a.js": "a"})
    main2 = site_folder(tmp_path / "main2", {"index.html": "main 2", "en/index.html": "en"})
    pr7 = site_folder(tmp_path / "pr7", {"index.html": "preview 7", "en/index.html": "preview en"})

    assert publish(remote, "main", main1).returncode == 0
    assert tree(remote) == {".nojekyll": "", "index.html": "main 1", "old.html": "gone later", "_x/a.js": "a"}

    done = publish(remote, "pr-7", pr7)
    assert done.returncode == 0, done.stderr
    after_pr = tree(remote)
    assert after_pr == {".nojekyll": "", "index.html": "main 1", "old.html": "gone later", "_x/a.js": "a",
                        "pr-7/index.html": "preview 7", "pr-7/en/index.html": "preview en"}  # main untouched

    # the operator's custom domain (a CNAME file) survives too; a file main no longer has goes
    subprocess.run(["git", "clone", "-q", "-b", "gh-pages", str(remote), str(tmp_path / "clone")], check=True)
    (tmp_path / "clone" / "CNAME").write_text("www.example.org\n")
    git = ["git", "-C", str(tmp_path / "clone"), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "CNAME"], check=True)
    subprocess.run([*git, "commit", "-qm", "custom domain"], check=True)
    subprocess.run([*git, "push", "-q", "origin", "gh-pages"], check=True)

    assert publish(remote, "main", main2).returncode == 0
    assert tree(remote) == {".nojekyll": "", "CNAME": "www.example.org\n", "index.html": "main 2", "en/index.html": "en",
                            "pr-7/index.html": "preview 7", "pr-7/en/index.html": "preview en"}
    again = publish(remote, "main", main2)
    assert again.returncode == 0 and "already up to date" in again.stdout

    assert publish(remote, "pr-7", "--remove").returncode == 0
    assert tree(remote) == {".nojekyll": "", "CNAME": "www.example.org\n", "index.html": "main 2", "en/index.html": "en"}
    commits = subprocess.run(["git", "--git-dir", str(remote), "rev-list", "--count", "gh-pages"],
                             capture_output=True, text=True, check=True).stdout
    assert commits.strip() == "1"  # one commit, replaced each time: previews do not pile up


def test_publish_refuses_a_target_that_is_not_main_or_a_pull_request(tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    site = site_folder(tmp_path / "site", {"index.html": "x"})
    for target in ("pr-0", "pr-7/../..", "../x", "", "main-2", "pr-"):
        assert publish(remote, target, site).returncode == 2, target
    assert publish(remote, "main", "--remove").returncode == 2
    assert publish(remote, "main", tmp_path / "empty").returncode == 2
    assert subprocess.run(["git", "--git-dir", str(remote), "branch", "--list"], capture_output=True,
                          text=True).stdout == ""


def test_contributing_quotes_only_names_the_workflows_really_have():
    names = set()
    for path in WORKFLOWS:
        workflow = load(path)
        names.add(workflow["name"])
        for job in workflow["jobs"].values():
            names.add(job.get("name", ""))
            names |= {s.get("name", "") for s in job.get("steps", [])}
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    # a name is quoted as Workflow „Checks“, Job „…“, Schritt „…“ (or in English: step "…")
    quoted = [" ".join(name.split()) for name in
              re.findall(r"(?:Schritt|Job|Workflow|step|job|workflow)\s+[„\"“]([^“\"”]+)[“\"”]", guide)]
    assert len(quoted) >= 4 and "Daten prüfen" in quoted
    assert set(quoted) <= names, set(quoted) - names
    assert "site-preview" in guide and "python3 -m http.server" in guide  # the fallback for forks


def test_the_phase_of_a_new_partnership_is_open_ended():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "neue-partnerschaft.yml").read_text(encoding="utf-8"))
    (phase,) = [item for item in form["body"] if item.get("id") == "phase"]
    assert phase["type"] == "input" and "data/phases/" in phase["attributes"]["description"]
    for path in GITHUB.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"phase-1\b.*phase-9\b", text, flags=re.S) or path.suffix == ".md", path


@pytest.mark.slow  # builds the real site twice: left out by make test-fast
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
    result = subprocess.run([sys.executable, "-m", "macros.core.tools.translations", str(data), str(docs)],
                            capture_output=True, text=True, env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""}, timeout=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "data/partnerships/gamma-delta.yml:13: relationship_note: missing en, fr" in lines
    assert "data/partnerships/gamma-delta.yml:16: focus.adaptation: missing en, fr" in lines
    assert "docs/seite.de.md:1: page: missing fr" in lines
    assert not any(line.startswith("data/partnerships/alpha-beta.yml") for line in lines)
    assert any(line.startswith("en: ") and line.endswith("%)") for line in lines)
    assert "### Translations" in summary.read_text(encoding="utf-8")


def test_every_example_record_explains_itself_in_german_and_recommends_the_yaml_extension():
    examples = sorted((ROOT / "data").glob("*/_example.yml"))
    assert len(examples) == 8
    for path in examples:
        comments = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "#" in line)
        assert comments.startswith("# BEISPIEL"), path
        assert "„YAML“ von Red Hat" in comments and "Dateiname" in comments, path
        assert "EXAMPLE" not in comments and "never published" not in comments, path
