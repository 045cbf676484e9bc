"""Turns dateline's records into JSON-ready data: the one serialisation every
renderer, export and API response shares."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.model import Citation


_FIELDS: dict[type, tuple[str, ...]] = {}  # field names per record class: `fields()` is slow in a hot loop


def to_json(value: Any) -> Any:
    """A record as plain data: dataclasses as dicts, dates as ISO strings, tuples as lists."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    names = _FIELDS.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.setdefault(type(value), tuple(f.name for f in dataclasses.fields(value)))
    if names is not None:
        return {name: to_json(getattr(value, name)) for name in names}
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
