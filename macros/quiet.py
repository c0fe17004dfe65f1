"""What a build prints: every warning and error, and of the rest one line at the end (what
was built, where, in how long) instead of hundreds (the plugins' set-up, the pages not in the
navigation, once per language). `mkdocs build -v` prints everything again."""

from __future__ import annotations

import logging
import time
from pathlib import Path

#: The loggers whose information (not warnings) a successful build leaves out.
LEFT_OUT = ("mkdocs.plugins", "mkdocs.commands.build", "mkdocs.structure", "mkdocs.theme")
log = logging.getLogger("mkdocs.kkp")


class Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or not record.name.startswith(LEFT_OUT)


class WarningCount(logging.Handler):
    """How many warnings and errors mkdocs and the plugins have logged in this process."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


WARNINGS = WarningCount()


def install() -> None:
    """On the handlers mkdocs' command line gives its logger (again for each build: a test may
    run mkdocs' command line many times in one process)."""
    logger = logging.getLogger("mkdocs")
    if WARNINGS not in logger.handlers:
        logger.addHandler(WARNINGS)
    if logger.getEffectiveLevel() < logging.INFO:
        return
    for handler in logger.handlers:
        if not any(isinstance(f, Quiet) for f in handler.filters):
            handler.addFilter(Quiet())


class Clock:
    """The time of a build, from its configuration to its last file."""

    def __init__(self):
        self.start = time.monotonic()
        self.warnings = WARNINGS.count

    def report(self, site_dir: Path, languages: list[str]) -> None:
        """The success line, unless a warning came since the start (strict mode then fails the
        build after this, and a "Site built" line would contradict it)."""
        if WARNINGS.count != self.warnings:
            return
        pages = sum(1 for _ in site_dir.rglob("index.html"))
        log.info(f"Site built: {pages} pages in {', '.join(languages)} into {site_dir} in {time.monotonic() - self.start:.1f} s")
