"""`python -m macros.core.checking.check [--lang de|en] [data-folder]`: validate the data, report every problem.

Prints one line per problem (`path:line: field: message`) and a count ("3 Probleme in 2
Dateien"), and exits with status 1; prints a short confirmation and exits with 0 when the
data is valid. Warnings (`path:line: Warnung: field: message`, e.g. an event still
"scheduled" after its date) are printed too but do not fail the check.

The messages are in German; `--lang en` or the environment variable KKP_MESSAGES=en gives
them in English. On GitHub Actions (GITHUB_ACTIONS=true) every problem is also printed as a
workflow command (`::error file=…,line=…,title=field::message`, `::warning …` for a
warning), so that it appears on the changed line of a pull request, and the result goes
to the job summary.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .messages import language, msg, render
from .problems import WARNING, Problem, errors, report
from .site import load

DOCS_FOLDER = "docs"  # next to the data folder


def editable_problems(data_dir: Path) -> list[Problem]:
    """Every problem of data/ui.yml and of docs/ (when a docs folder sits next to data/)."""
    from . import docs_check, uitexts_check  # data/ui.yml against the code, Jinja in docs/

    found = uitexts_check.check(data_dir)
    docs_dir = data_dir.resolve().parent / DOCS_FOLDER
    if docs_dir.is_dir():
        found += docs_check.check(docs_dir)
    return found


def main(argv: list[str]) -> int:
    args = list(argv)
    requested = None
    if "--lang" in args:
        at = args.index("--lang")
        requested = args[at + 1] if at + 1 < len(args) else None
        del args[at : at + 2]
    lang = language(requested)
    data_dir = Path(args[0] if args else "data")
    if not data_dir.is_dir():
        print(render(msg("check.no_folder", path=str(data_dir)), lang), file=sys.stderr)
        return 2
    try:
        site, problems = load(data_dir, languages_guessed=True)
        problems = [*problems, *editable_problems(data_dir)]
    except Exception as err:  # a bug of ours, not the editor's: no traceback, a clear request
        error = f"{type(err).__name__}: {err}"
        print(render(msg("check.crashed", path=str(data_dir), error=error), lang), file=sys.stderr)
        return 3
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in sorted(problems):
            print(workflow_command(problem, lang))
    failed = bool(errors(problems)) or site is None
    if problems:
        text = report(problems, lang)
        print(text, file=sys.stderr)
    if failed:
        _job_summary(f"### {render(msg('check.summary_problems'), lang)}\n\n```\n{text}\n```\n")
        return 1
    counts = ", ".join(f"{len(records)} {name}" for name, records in site.records.items())
    print(render(msg("check.ok", counts=counts), lang))
    warnings = f"\n```\n{text}\n```\n" if problems else ""
    _job_summary(f"### {render(msg('check.summary_ok'), lang)}\n\n{counts}\n{warnings}")
    return 0


def workflow_command(problem: Problem, lang: str) -> str:
    """`::error file=…,line=…,title=…::message`, escaped as GitHub's runner requires."""
    command = "warning" if problem.severity == WARNING else "error"
    properties = [f"file={_escape_property(problem.path)}", f"line={problem.line}"]
    if problem.field:
        properties.append(f"title={_escape_property(problem.field)}")
    return f"::{command} {','.join(properties)}::{_escape_data(render(problem.message, lang))}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _job_summary(markdown: str) -> None:
    """On GitHub Actions, show the result on the job's summary page, not only in the log."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(markdown + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
