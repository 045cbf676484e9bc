"""Plain SVG charts: the story timeline and a fact's value history.

Drawn on the server so they work without JavaScript and inside the mailed HTML
report; static/timeline.js only re-lays out the timeline when it is zoomed.
Every piece of text comes from articles, so all of it is escaped here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from html import escape

from dateline.model import Fact, TimelineEntry

WIDTH, MARGIN, ROW = 960, 40, 16
_DAY_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def day_of(value: str | date | None) -> int | None:
    """The ordinal of the first day a TIMEX3 date value covers ("2024-05" -> 1 May 2024)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.toordinal()
    m = _DAY_PREFIX.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)).toordinal()
    except ValueError:
        return None


def _x(day: int, lo: int, hi: int) -> float:
    return MARGIN + (day - lo) / max(hi - lo, 1) * (WIDTH - 2 * MARGIN)


# Tick steps from finest to coarsest: (unit, step); the first giving at most MAX_TICKS is used.
TICK_STEPS = (("day", 1), ("day", 2), ("day", 7), ("day", 14), ("month", 1), ("month", 2), ("month", 3),
              ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 25), ("year", 50))
MAX_TICKS = 10


def tick_days(lo: int, hi: int) -> list[tuple[int, str]]:
    """(ordinal, label) of each tick between two day ordinals: days, weeks, months or years,
    whichever gives at most MAX_TICKS for the span. A label names the year where it changes;
    static/app.js does the same when the timeline is zoomed."""
    span = hi - lo
    unit, step = next(((u, s) for u, s in TICK_STEPS if span / (s * _UNIT_DAYS[u]) <= MAX_TICKS), TICK_STEPS[-1])
    start, end = date.fromordinal(max(lo, 1)), date.fromordinal(hi)
    out: list[tuple[int, str]] = []
    last_year = None
    for d in _tick_dates(start, end, unit, step):
        year_shown = unit == "year" or d.year != last_year
        if unit == "day":
            label = f"{d.day} {d:%b}" + (f" {d.year}" if year_shown else "")
        elif unit == "month":
            label = f"{d:%b}" + (f" {d.year}" if year_shown else "")
        else:
            label = str(d.year)
        out.append((d.toordinal(), label))
        last_year = d.year
    return out


_UNIT_DAYS = {"day": 1, "month": 30.44, "year": 365.25}


def _tick_dates(start: date, end: date, unit: str, step: int) -> list[date]:
    """Round dates from `start` to `end`: every `step` days (Mondays for weeks), months or years."""
    if unit == "day":
        first = start.toordinal()
        if step == 7 or step == 14:
            first += -start.weekday() % 7  # weeks start on Monday
        elif step > 1:
            first += -first % step
        return [date.fromordinal(o) for o in range(first, end.toordinal() + 1, step)]
    if unit == "month":
        index = start.year * 12 + start.month - 1 + (start.day > 1)
        index += -index % step
        out = []
        while (d := date(index // 12, index % 12 + 1, 1)) <= end:
            out.append(d)
            index += step
        return out
    year = start.year + (start.timetuple().tm_yday > 1)
    year += -year % step
    return [date(y, 1, 1) for y in range(year, end.year + 1, step)]


def _ticks(lo: int, hi: int, base: float) -> list[str]:
    return [f'<g class="tick" data-day="{day}"><line x1="{_x(day, lo, hi):.1f}" x2="{_x(day, lo, hi):.1f}" '
            f'y1="{base}" y2="{base + 5}"/><text x="{_x(day, lo, hi):.1f}" y="{base + 18}">{label}</text></g>'
            for day, label in tick_days(lo, hi)]


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """Dots per entry along a date axis; entries on one day stack upwards."""
    dated = [(day_of(e.date), i, e) for i, e in enumerate(entries)]
    dated = [(d, i, e) for d, i, e in dated if d is not None]
    if not dated:
        return '<svg class="timeline-chart" viewBox="0 0 960 40" role="img"><text x="40" y="24">no dated entries</text></svg>'
    lo, hi = min(d for d, _, _ in dated) - 3, max(d for d, _, _ in dated) + 3
    stacks: dict[int, int] = defaultdict(int)
    height = (max(_stack_heights(dated)) + 1) * ROW + 50
    base = height - 30
    parts = [f'<svg class="timeline-chart" viewBox="0 0 {WIDTH} {height}" data-lo="{lo}" data-hi="{hi}" '
             f'data-width="{WIDTH}" data-margin="{MARGIN}" role="img" aria-label="timeline">',
             f'<line class="axis" x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{base}" y2="{base}"/>',
             *_ticks(lo, hi, base)]
    for day, i, e in dated:
        level = stacks[day]
        stacks[day] += 1
        cited = len(e.documents)
        parts.append(
            f'<circle class="entry" data-day="{day}" data-entry="{i}" cx="{_x(day, lo, hi):.1f}" '
            f'cy="{base - 10 - level * ROW}" r="{min(4 + cited, 9)}" tabindex="0">'
            f"<title>{escape(e.date)}: {escape(_short(e.text))} ({cited} article(s))</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _stack_heights(dated: list) -> list[int]:
    counts: dict[int, int] = defaultdict(int)
    for day, _, _ in dated:
        counts[day] += 1
    return list(counts.values())


def history_svg(fact: Fact) -> str:
    """Each report of each value as a dot at its publication date; one row per value."""
    rows = list(dict.fromkeys(v.label or v.value for v in fact.values))
    points = [
        (day_of(c.published), rows.index(v.label or v.value), v, c)
        for v in fact.values for c in v.citations if c.published
    ]
    if not points:
        return '<svg class="history-chart" viewBox="0 0 960 40" role="img"><text x="40" y="24">no dated reports</text></svg>'
    lo, hi = min(p[0] for p in points) - 3, max(p[0] for p in points) + 3
    height = len(rows) * 28 + 50
    base = height - 30
    label_width = 220
    parts = [f'<svg class="history-chart" viewBox="0 0 {WIDTH + label_width} {height}" role="img" '
             f'aria-label="value history">', f'<g transform="translate({label_width},0)">',
             f'<line class="axis" x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{base}" y2="{base}"/>',
             *_ticks(lo, hi, base)]
    for r, label in enumerate(rows):
        y = 20 + r * 28
        current = " current" if any((v.label or v.value) == label and v.value == fact.current for v in fact.values) else ""
        parts.append(f'<text class="row-label{current}" x="-8" y="{y + 4}" text-anchor="end">{escape(_short(label, 34))}</text>'
                     f'<line class="row" x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{y}" y2="{y}"/>')
    for day, r, v, c in points:
        parts.append(
            f'<circle class="report {escape(v.relation)}" cx="{_x(day, lo, hi):.1f}" cy="{20 + r * 28}" r="6">'
            f"<title>{escape(c.published.isoformat())} {escape(c.outlet or 'unknown outlet')} ({escape(v.relation)}): "
            f"{escape(_short(c.text))}</title></circle>"
        )
    parts.append("</g></svg>")
    return "".join(parts)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
