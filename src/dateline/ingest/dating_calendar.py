"""Calendar arithmetic for dating: the days a TIMEX3 value covers, and the distances between them."""

from __future__ import annotations

from datetime import date, timedelta


def _interval(value: str) -> tuple[date, date]:
    year = int(value[:4])
    if len(value) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(value[5:7])
    if len(value) == 7:
        return date(year, month, 1), _month_end(year, month)
    day = date.fromisoformat(value)
    return day, day


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _minus(day: date, n: int, unit: str) -> date:
    if unit in ("W", "D"):
        return day - timedelta(days=n * (7 if unit == "W" else 1))
    index = day.year * 12 + day.month - 1 - n * (12 if unit == "Y" else 1)
    year, month = divmod(index, 12)
    return min(day.replace(year=year, month=month + 1, day=1) + timedelta(days=day.day - 1),
               _month_end(year, month + 1))


def _occurrence(value: str, day: date, forward: bool) -> tuple[date, date]:
    """The interval of 'XXXX-MM(-DD)' nearest `day` in the past or the future."""
    years = (day.year, day.year + 1) if forward else (day.year, day.year - 1)
    for year in years:
        try:
            lo, hi = _interval(f"{year:04d}{value[4:]}")
        except ValueError:  # 29 February
            continue
        if (forward and hi >= day) or (not forward and lo <= day):
            return lo, hi
    return _interval(f"{years[-1]:04d}{value[4:]}")


def _distance(day: date, lo: date, hi: date) -> int:
    return max((lo - day).days, (day - hi).days, 0)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
