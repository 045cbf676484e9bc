"""Dates at their own precision, as the timeline compares them: a day ("2024-02-03"), a month ("2024-02")
or a year ("2024")."""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def last_day(value: str) -> str:
    """The last ISO day of a date at its own precision: "2024" -> "2024-12-31", "2024-09" -> "2024-09-31"."""
    if _YEAR.match(value):
        return value + "-12-31"
    return value + "-31" if _MONTH.match(value) else value


def _first_day(value: str) -> date:
    if _DAY.match(value):
        return date.fromisoformat(value)
    return date.fromisoformat(value + ("-01" if _MONTH.match(value) else "-01-01"))


def _span(value: str) -> int:
    """Days a date at its precision lasts, less one."""
    return 0 if _DAY.match(value) else 30 if _MONTH.match(value) else 364
