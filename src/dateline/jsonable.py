"""Turns dateline's records into JSON-ready data: the one serialisation every
renderer, export and API response shares."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.model import Citation


def to_json(value: Any) -> Any:
    """A record as plain data: dataclasses as dicts, dates as ISO strings, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def parse_day(value: str | None) -> date | None:
    """An ISO date back from JSON or a database row; None stays None."""
    return date.fromisoformat(value) if value else None


def citation_from_json(data: dict[str, Any]) -> Citation:
    from dateline.model import Citation

    return Citation(**{**data, "published": parse_day(data["published"])})
