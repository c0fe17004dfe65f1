"""`python -m macros.core.check [data-folder]`: validate the data, report every problem.

Prints one line per problem (`path:line: field: message`) and a count, and exits with
status 1; prints a short confirmation and exits with 0 when the data is valid.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .problems import report
from .site import load


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0] if argv else "data")
    if not data_dir.is_dir():
        print(f"{data_dir}: no such data folder", file=sys.stderr)
        return 2
    try:
        site, problems = load(data_dir)
    except Exception as err:  # a bug of ours, not the editor's: no traceback, a clear request
        print(f"{data_dir}: the checker itself failed ({type(err).__name__}: {err}); "
              "please report this with the file you changed", file=sys.stderr)
        return 3
    if problems or site is None:
        text = report(problems)
        print(text, file=sys.stderr)
        _job_summary(f"### Data check: problems\n\n```\n{text}\n```\n")
        return 1
    counts = ", ".join(f"{len(records)} {name}" for name, records in site.records.items())
    print(f"data OK: {counts}")
    _job_summary(f"### Data check: OK\n\n{counts}\n")
    return 0


def _job_summary(markdown: str) -> None:
    """On GitHub Actions, show the result on the job's summary page, not only in the log."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(markdown + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
