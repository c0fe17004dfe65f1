"""The build date: what is "upcoming" and what is "past" depends on it.

Set SOURCE_DATE_EPOCH (seconds since 1970, as in reproducible-builds.org) to build as of
a given day; without it, the build uses today's date in UTC.
"""

from __future__ import annotations

import datetime
import os


def build_datetime() -> datetime.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    now = datetime.datetime.now(tz=datetime.timezone.utc)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def build_date() -> datetime.date:
    return build_datetime().date()
