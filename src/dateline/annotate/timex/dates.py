"""Date arithmetic and TIMEX3 values: shifting, clipping, parsing and formatting.

Every function here stays in the calendar of years 1 to 9999: a result outside it is None
(no value), never an exception or a loop. A year before Christ rides through the arithmetic as
a proxy year (`_BC_PROXY`).
"""

from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date, timedelta

from dateline.annotate.timex.norm import Tense


def shift_value(value: str, amount: float, unit: str) -> str | None:
    """A TIMEX3 calendar value moved by `amount` units (Y, Q, M, W, D).

    None if the value is not a calendar one, or if the result falls outside years 1 to 9999.
    """
    parsed = _parse_value(value)
    if parsed is None or amount != int(amount):
        return None
    day, precision = parsed
    n = int(amount)
    if unit in ("W", "D"):
        moved = _add_days(day, n * (7 if unit == "W" else 1))
        return _format(moved, precision) if moved else None
    moved = _add_months(day, n * {"Y": 12, "Q": 3, "M": 1}[unit])
    # a month-scale shift of a day is only as precise as its unit
    return _format(moved, "month" if precision == "day" else precision) if moved else None


def _shift_reference(day: date, precision: str, amount: int, unit: str) -> str | None:
    """The reference moved by `amount` units, at the reference's precision (None if the unit is finer)."""
    finest = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}[precision]
    if "YQMWD".index(unit) > "YQMWD".index(finest) and not (precision == "week" and unit == "D"):
        return None
    if unit in ("W", "D"):
        moved = _add_days(day, amount * (7 if unit == "W" else 1))
    else:
        moved = _add_months(day, amount * {"Y": 12, "Q": 3, "M": 1}[unit])
    return _format(moved, precision) if moved else None


# Python dates have no year 0 or before, so a BC year n rides through the date arithmetic as
# year _BC_PROXY + 1 - n (BC 490 -> 7511): later years stay larger, and "14 years later" or
# "the following year" after a BC date are ordinary date shifts. Years past _BC_PROXY are AD.
_BC_PROXY = 8000
_PROXY_YEAR = re.compile(r"^(?:[5-9]\d{3})(?=$|-)")


def _year_of(day: date) -> int:
    """The year of a (possibly proxy) date, BC years as negative numbers (astronomical, BC 1 = 0)."""
    return day.year - _BC_PROXY if day.year > _BC_PROXY - 3000 else day.year


def _contains(period: tuple[date, str], day: date) -> bool:
    return _format(period[0], period[1]) == _format(day, period[1])


def _value_year(value: str) -> int | None:
    if value[:4].isdigit():
        return int(value[:4])
    return 1 - int(value[2:6]) if re.match(r"BC\d{4}", value) else None


def _duration_amount(value: str) -> tuple[float, str] | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([YQMWD])", value)
    return (float(m.group(1)), m.group(2)) if m else None


def _add_months(day: date, months: int) -> date | None:
    """`day` moved by whole months, on the month's last day if it is shorter; None outside years 1 to 9999."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not MINYEAR <= year <= MAXYEAR:
        return None
    return date(year, month + 1, min(day.day, _month_length(year, month + 1)))


def _add_days(day: date, days: int) -> date | None:
    """`day` moved by `days`; None outside years 1 to 9999."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _format(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return day.isoformat()


def _parse_value(value: str) -> tuple[date, str] | None:
    bc = re.fullmatch(r"BC(\d{4})(-\d\d)?", value)
    if bc and 0 < int(bc[1]) < 3000:
        year = _BC_PROXY + 1 - int(bc[1])
        return (date(year, int(bc[2][1:]), 1), "month") if bc[2] else (date(year, 1, 1), "year")
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), "year"
        if re.fullmatch(r"\d{4}-Q[1-4]", value):
            return date(int(value[:4]), int(value[6]) * 3 - 2, 1), "quarter"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 1), "month"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value), "day"
    except ValueError:  # year 0, month 13, "2023-02-29": no calendar date
        return None
    return None


_YEARLESS_REACH = 183  # days


def _month_day_date(month: int, day: int, dct: date, tense: Tense | None, weekday: int | None = None,
                    reach: int = _YEARLESS_REACH) -> date | None:
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    # "Saturday, April 25": the year in which that day is a Saturday
    options = [d for d in options if d.isoweekday() == weekday] or options if weekday else options
    return _choose_day(options, dct, tense, reach) if options else None


def _choose_day(options: list[date], dct: date, tense: Tense | None, reach: int = _YEARLESS_REACH) -> date:
    """The candidate day (one a year) that the tense and nearness to dct point to."""
    nearest = min(options, key=lambda d: abs((d - dct).days))
    # A future cue looks ahead only `reach` days, half a year unless a firm plan
    # governs the date: "set the deadline in a joint statement on May 19" is last May, not next year's.
    if tense == "future":
        ahead = min((d for d in options if d >= dct), default=options[-1])
        return ahead if (ahead - dct).days <= reach else nearest
    if tense == "past" and (nearest - dct).days > 31:  # a past verb outweighs nearness beyond a month ahead
        return max((d for d in options if d <= dct), default=options[0])
    return nearest


def _month_year(month: int, dct: date, tense: Tense | None, reach: int = _YEARLESS_REACH) -> int:
    if tense == "past" and month > dct.month:
        return dct.year - 1
    if tense == "future" and month < dct.month:
        # a future cue looks ahead only as far as for a day ("in September" said in October is past)
        return dct.year + 1 if (month + 12 - dct.month) * 30.5 <= reach else dct.year
    if tense is None or tense == "present":  # with no tense to go by, the nearest such month (as for a day)
        return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(12 * (y - dct.year) + month - dct.month))
    return dct.year


def _weekday_date(weekday: int, dct: date, rel: str | None, tense: Tense | None) -> date:
    offset = weekday - dct.isoweekday()
    if rel == "this" or (rel is None and offset == 0):  # a bare weekday that is the dct's own day means that day
        return dct + timedelta(days=offset)
    if rel in ("next", "coming", "this coming") or (rel is None and tense == "future"):
        return dct + timedelta(days=offset % 7 or 7)
    if rel in ("last", "past", "this past"):
        return dct - timedelta(days=(-offset) % 7 or 7)
    return dct - timedelta(days=(-offset) % 7)


def _nth_day(month: date, nth: int) -> date | None:
    """Day `nth` of `month`'s month; None past its end ("the 31st" of a 30-day month)."""
    return month.replace(day=nth) if nth <= calendar.monthrange(month.year, month.month)[1] else None


def _period_value(dct: date, period: str, step: int) -> str:
    if period == "decade":  # "this decade" -> 202, "next decade" -> 203
        return f"{dct.year // 10 + step:03d}"
    if period == "year":
        return f"{dct.year + step:04d}"
    if period == "month":
        index = dct.year * 12 + dct.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if period == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    week = _format(dct + timedelta(weeks=step), "week")
    return f"{week}-WE" if period == "weekend" else week


def _holiday_date(rule: str, year: int) -> date | None:
    """The day of a holiday rule: "12-25" (fixed), "easter-2" (from Easter), "11/4/4" (4th Thursday of Nov)."""
    if rule.startswith("easter"):
        return _easter(year) + timedelta(days=int(rule[6:] or 0))
    if "/" in rule:
        rule, _, after = rule.partition("+")
        month, weekday, nth = (int(x) for x in rule.split("/"))
        return _nth_weekday(year, month, weekday, nth) + timedelta(days=int(after or 0))
    try:
        return date(year, int(rule[:2]), int(rule[3:]))
    except ValueError:
        return None


def _easter(year: int) -> date:
    # the anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, _month_length(year, month))
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _trim(value: str, precision: str) -> str:
    return value[: {"year": 4, "month": 7}.get(precision, 10)]


def _duration_value(n: float | None, unit: tuple[str, int]) -> str:
    letter, mult = unit
    if n is None:
        vague = {10: "DE", 100: "CE"}.get(mult, letter.lstrip("T"))
        return f"PTX{vague}" if letter.startswith("T") else f"PX{vague}"
    total = n * mult
    if total != int(total) and letter in _FINER:  # "2 1/2 years" -> P2Y6M, "an hour and a half" -> PT1H30M
        finer, per = _FINER[letter]
        rest = round((total - int(total)) * per, 6)
        if rest == int(rest):
            whole = f"{int(total)}{letter.lstrip('T')}" if int(total) else ""
            time = "T" if letter.startswith("T") or finer.startswith("T") else ""
            if letter.startswith("T"):
                return f"PT{whole}{int(rest)}{finer[1]}"
            return f"P{whole}{time}{int(rest)}{finer.lstrip('T')}"
    amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"PT{amount}{letter[1]}" if letter.startswith("T") else f"P{amount}{letter}"


# the next finer unit and how many of it make one: fractions of a unit are written in it
_FINER = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}
