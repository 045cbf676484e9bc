"""Handlers for expressions counted from a reference: "last week", "two years ago", "Friday", "10 p.m.".

The value is read from the document date; `rebase` re-reads it from the last date the
narrative mentioned, which `choose._narrative` uses where the narrative is the reference.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from dateline.annotate.timex.dates import (
    _BC_PROXY,
    _add_months,
    _format,
    _period_value,
    _shift_reference,
    _trim,
    _weekday_date,
    shift_value,
)
from dateline.annotate.timex.events import coming_in_week, event_tense, is_counterfactual, is_possessive
from dateline.annotate.timex.handlers_dates import _prefix_mod
from dateline.annotate.timex.lexicon import _ORDINALS, _REL_DIRECTION, _lex, _number, _unit_code, _weekday_num
from dateline.annotate.timex.norm import _Norm
from dateline.annotate.timex.tense import _Resolver

# "the following year", "that quarter": steps from the last date mentioned, not from dct
_ANAPHORIC_STEP = {"previous": -1, "prior": -1, "following": 1, "same": 0, "that": 0, "latest": 0, "the": 0}


def _h_rel_period(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["day"]:
        return _day_after_reference(m, r)
    rel = m["rel"].lower().split()[-1]
    prefix = (m["prefix"] or "").lower()
    period = m["period"].lower().replace("period", "quarter")  # "the latest period" of a quarterly report
    if m["ended"] is not None and not prefix:  # "the year ended March 31": a twelve-month span
        return _Norm("DURATION", "P1Y")
    prefix = prefix.split()[0] if m["inthe"] else prefix  # "later in the year" reads as "later that year"
    rel = "that" if m["inthe"] else rel
    if rel == "the" and not prefix.startswith("the") and period not in ("quarter", "weekend") and not (
            period == "year" and (m["fiscal"] or r.preceded_by(m, "for"))):
        return None
    mod = None if prefix in ("earlier", "later") else _prefix_mod(prefix or None)
    if rel == "the" and period == "weekend":
        return _nearest_weekend(r, m)
    # "the next month" counts from the last date mentioned, as "the following month"; "next month" from dct
    step = _ANAPHORIC_STEP.get("following" if rel == "next" and m["rel"].lower().startswith("the") else rel)
    rebase = None
    if step is not None and period != "weekend":
        rebase = functools.partial(_period_from_reference, period, step, mod, completed=rel == "latest")
    if r.dct is None:
        vague = {"year": "XXXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "decade": "XXX"}.get(period, "XXXX-WXX")
        return _Norm("DATE", vague, mod, rebase=rebase, anaphoric=rebase is not None, backward=(step or 0) < 0)
    # with nothing mentioned yet, "the latest quarter" is the last one completed before dct
    first_step = -1 if rel == "latest" else step
    value = _period_value(r.dct, period, first_step if first_step is not None else _REL_DIRECTION.get(rel, 0))
    return _Norm("DATE", value, mod, relative=True, rebase=rebase, anaphoric=rebase is not None,
                 backward=(step or 0) < 0, quarterly=period == "quarter")


def _day_after_reference(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "the next day", "that night": a day, or a part of it, counted from the last day mentioned."""
    step = {"next": 1, "following": 1, "previous": -1}.get(m["dayrel"].lower().split()[-1], 0)
    part = _lex()["parts_of_day"].get(m["day"].lower())
    kind, suffix = ("TIME", f"T{part}") if part else ("DATE", "")

    def rebase(ref: date, precision: str) -> _Norm | None:
        return _Norm(kind, f"{ref + timedelta(days=step)}{suffix}", relative=True) if precision == "day" else None

    value = f"{r.dct + timedelta(days=step)}{suffix}" if r.dct else f"XXXX-XX-XX{suffix}"
    return _Norm(kind, value, relative=r.dct is not None, rebase=rebase, anaphoric=True, backward=step < 0)


def _period_from_reference(period: str, step: int, mod: str | None, ref: date, precision: str,
                           completed: bool = False) -> _Norm | None:
    coarse = {"decade": "year", "year": "year", "quarter": "quarter", "month": "month", "week": "week"}[period]
    finer = "year quarter month week day".split()
    if finer.index(precision) < finer.index(coarse):
        return None  # "that month" after a bare year: the year does not say which month
    if period == "decade" and ref.year > _BC_PROXY // 2:  # a year before Christ: its decades count down
        bc = 1 - (ref.year - _BC_PROXY)
        return _Norm("DATE", f"BC{bc // 10 - step:03d}", mod, relative=True) if bc > 0 else None
    if completed and finer.index(precision) > finer.index(coarse):
        step = -1  # "the latest quarter" after a day: the last quarter reported by then, not the one running
    return _Norm("DATE", _period_value(ref, period, step), mod, relative=True)


def _nearest_weekend(r: _Resolver, m: re.Match[str]) -> _Norm:
    if r.dct is None:
        return _Norm("DATE", "XXXX-WXX-WE")
    ahead = r.tense(m) == "future"
    offset = (6 - r.dct.isoweekday()) % 7 if ahead else -((r.dct.isoweekday() - 6) % 7)
    return _Norm("DATE", _format(r.dct + timedelta(days=offset), "week") + "-WE", relative=True)


def _h_ago(m: re.Match[str], r: _Resolver) -> _Norm | None:
    n = _number(m["num"]) if m["num"] else None  # "months ago"
    unit = _unit_code(m["unit"] or m["bare"])
    if unit[0].startswith("T"):  # "12 minutes ago": a moment of dct's day, whose clock time dct does not give
        return _same_day(r, anaphoric=False)
    if n is None:  # "several years ago"
        return _Norm("DATE", "PAST_REF")
    if n != int(n):
        return None
    letter, mult = unit
    precision = {"Y": "year", "M": "month", "Q": "month"}.get(letter, "day")
    if r.dct is None:
        return _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"))
    value = shift_value(r.dct.isoformat(), -int(n) * mult, letter)
    if not value:
        return None
    if letter == "W" and m["mod"]:  # "nearly two weeks ago" names no day: the week it falls in (TimeBank's reading)
        value = _format(date.fromisoformat(value), "week")
        precision = "week"
    # in a quarterly report "a year ago" is the same quarter a year before (TimeML practice)
    rebase = functools.partial(_quarter_before, int(n) * mult) if letter == "Y" else None
    unknown = _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"))
    return _Norm("DATE", _trim(value, precision), relative=True, rebase=rebase, anaphoric=rebase is not None,
                 backward=True, quarterly=True, history=unknown)


def _quarter_before(years: int, ref: date, precision: str) -> _Norm | None:
    if precision != "quarter":
        return None
    moved = _add_months(ref, -12 * years)
    return _Norm("DATE", _format(moved, "quarter"), relative=True) if moved else None


def _h_shift(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "a year earlier", "two weeks later": from the last date mentioned; "a year from now": from dct."""
    n = _number(m["num"]) if m["num"] else None
    letter, mult = _unit_code(m["unit"] or m["bare"])
    direction = -1 if m["dir"].lower() in ("earlier", "previously") else 1
    anaphoric = not m["dir"].lower().startswith(("from", "hence"))
    if letter.startswith("T"):  # "two hours later": a moment of the day last mentioned (WikiWars: "1950-06-25TXX")
        return _same_day(r, anaphoric)
    if n is None:  # "a few days later"
        return _Norm("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if n != int(n):
        return None
    amount = direction * int(n) * mult
    precision = {"Y": "year", "Q": "quarter", "M": "month", "W": "week"}.get(letter, "day")
    rebase = functools.partial(_shifted_reference, amount, letter)
    if r.dct is None:
        return _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"), rebase=rebase,
                     anaphoric=True, backward=direction < 0)
    value = _shift_reference(r.dct, precision, amount, letter)
    if value is None:  # outside years 1 to 9999
        return None
    return _Norm("DATE", value, relative=True, rebase=rebase if anaphoric else None, anaphoric=anaphoric,
                 backward=anaphoric and direction < 0)


def _same_day(r: _Resolver, anaphoric: bool) -> _Norm:
    """A TIME on the day the narrative stands at (dct's, or the day last mentioned), its clock time unknown."""
    return _Norm("TIME", r.dct.isoformat() if r.dct else "XXXX-XX-XX", relative=r.dct is not None,
                 rebase=functools.partial(_on_reference_day, "") if anaphoric else None, anaphoric=anaphoric)


def _shifted_reference(amount: int, unit: str, ref: date, precision: str) -> _Norm | None:
    if unit == "Y" and precision in ("week", "day"):
        # "On Sept. 16, 2001 ... Seven years later": a year, not the same day seven years on; from a month the
        # month stands ("in January 2024 ... A year earlier": 2023-01)
        precision = "year"
    value = _shift_reference(ref, precision, amount, unit)
    return _Norm("DATE", value, relative=True) if value else None


def _h_year_ago(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "the year-earlier quarter", "year-ago": the period a year before the last date mentioned."""
    quarter = _ORDINALS[m["ord"].lower()] if m["ord"] else None

    def rebase(ref: date, precision: str) -> _Norm | None:
        if quarter:
            return _Norm("DATE", f"{ref.year - 1:04d}-Q{quarter}", relative=True)
        if period and precision in ("month", "week", "day"):
            precision = "quarter"  # "the year-ago period" of a quarterly report
        value = _shift_reference(ref, precision, -1, "Y")
        return _Norm("DATE", value, relative=True) if value else None

    period = m["period"]
    first = rebase(r.dct, "quarter" if period and period.lower() == "quarter" else "year") if r.dct else None
    value = first.value if first else "XXXX"
    return _Norm("DATE", value, relative=r.dct is not None, rebase=rebase, anaphoric=True, backward=True,
                 quarterly=True)


def _h_day_rel(m: re.Match[str], r: _Resolver) -> _Norm | None:
    word = re.sub(r"\s+", " ", m["day"].lower())
    part = _lex()["parts_of_day"].get((m["part"] or "").lower())
    if word in ("this", "last") and not part:
        return None
    if word == "today" and _POSSESSIVE.match(r.text, m.end()) and not r.tags("todays_before_noun"):
        return None
    if word == "today" and _NOWADAYS.match(r.text, m.end()):
        return _Norm("DATE", "PRESENT_REF")  # "today's global financial system": these days, not this day
    offsets = {"today": 0, "this": 0, "tonight": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    part = part or ("NI" if word in ("tonight",) else None)
    if r.dct is None:
        return _Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    day = (r.dct + timedelta(days=offsets[word])).isoformat()
    # in a history "tomorrow" is said by someone in the story, on a day the text does not give
    history = _Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    if part:
        return _Norm("TIME", f"{day}T{part}", relative=True, history=history)
    return _Norm("DATE", day, relative=True, history=history)


def _h_part_of_day(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "by mid-afternoon", "late morning yesterday": a part of dct's day (or of the day named)."""
    part = "T" + _lex()["parts_of_day"][m["part"].lower()]
    if r.dct is None:
        return _Norm("TIME", "XXXX-XX-XX" + part)
    offset = {"yesterday": -1, "tomorrow": 1}.get((m["day"] or "").lower(), 0)
    day = (r.dct + timedelta(days=offset)).isoformat()
    return _Norm("TIME", day + part, relative=True, history=_Norm("TIME", "XXXX-XX-XX" + part),
                 rebase=None if m["day"] else functools.partial(_part_on_reference, part))


def _part_on_reference(part: str, ref: date, precision: str) -> _Norm | None:
    """In a history, a part of the day falls on the day the text is at."""
    return _Norm("TIME", f"{ref.isoformat()}{part}", relative=True) if precision == "day" else None


def _h_weekday(m: re.Match[str], r: _Resolver) -> _Norm:
    k = _weekday_num(m["weekday"])
    part = _lex()["parts_of_day"].get((m["part"] or "").lower())
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    mod = "END" if (m["wmod"] or "").lower() == "late" else "START" if m["wmod"] else None
    if r.dct is None:
        return _Norm(kind, f"XXXX-WXX-{k}{suffix}", mod)
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    if rel in ("the previous", "the following"):  # counted from the last day mentioned
        step = -1 if rel == "the previous" else 1
        day = _weekday_date(k, r.dct, "last" if step < 0 else "next", None)
        return _Norm(kind, f"{day.isoformat()}{suffix}", mod, relative=True, anaphoric=True, backward=step < 0,
                     rebase=functools.partial(_weekday_from_reference, k, step, suffix))
    if not rel and is_counterfactual(r.text, m.start()):  # "we'd have arrived on Saturday": it never happened
        return _Norm(kind, f"XXXX-WXX-{k}{suffix}", mod)
    if not rel and is_possessive(r.text, m.end()):
        # "organisers of Sunday's awards have pledged": the verbs around the event date it, not the clause's
        tense = event_tense(r.text, m.start(), m.end()) or (
            "future" if coming_in_week(k, r.dct.isoweekday()) else None)
    else:
        tense = None if rel else r.verb_tense(m)
    if tense != "future" and not rel and r.plan(m) and r.tense(m) == "future":
        tense = "future"  # "hoped to get supplies in by Thursday or Friday": a deadline set for the days ahead
    day = _weekday_date(k, r.dct, rel, tense)
    if rel == "last" and (r.dct - day).days <= _YESTERDAYS:
        # "last Tuesday's quake" said on a Thursday: the day before yesterday would be "Tuesday"; "last" says
        # the previous week's (in the Timeline17 articles 5 of 6 such uses name the week before, the sixth is unclear)
        day -= timedelta(days=7)
    return _Norm(kind, f"{day.isoformat()}{suffix}", mod, relative=True,
                 history=_Norm(kind, f"XXXX-WXX-{k}{suffix}", mod))


_YESTERDAYS = 2  # days back within which news names a weekday bare ("Tuesday"), not "last Tuesday"


def _weekday_from_reference(weekday: int, step: int, suffix: str, ref: date, precision: str) -> _Norm | None:
    """ "the previous Friday": the one before (or after) the day the text is at."""
    if precision != "day":
        return None
    day = _weekday_date(weekday, ref, "last" if step < 0 else "next", None)
    return _Norm("TIME" if suffix else "DATE", f"{day.isoformat()}{suffix}", relative=True)


def _h_clock(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["word"]:
        hour, minute = (24 if m["word"].lower() == "midnight" else 12), 0
    elif m["hp"]:  # "4 in the morning", "10 at night"; "2 at night" is the small hours
        hour, part = int(m["hp"]), m["pd"].lower()
        late = part in ("afternoon", "evening") or part == "night" and hour >= 6
        hour, minute = hour % 12 + (12 if late else 0), 0
    elif m["h24"] or m["mh"]:
        hour, minute = int(m["h24"] or m["mh"]), int(m["mi24"] or m["mm"])
    else:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"][0].lower() == "p" else 0), int(m["mi"] or 0)
    if hour > 24:
        return None
    day = r.dct.isoformat() if r.dct else "XXXX-XX-XX"
    clock = f"{hour:02d}:{minute:02d}" + (f":{m['sec']}" if m["sec"] else "")
    return _Norm("TIME", f"{day}T{clock}", "APPROX" if m["approx"] else None, relative=r.dct is not None,
                 rebase=functools.partial(_on_reference_day, f"T{clock}"))


def _h_overnight(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "Stocks fell overnight": the night before dct, or dct's own night ahead; in a story, the night of its day."""
    rebase = functools.partial(_on_reference_day, "TNI")
    if r.dct is None:
        return _Norm("TIME", "XXXX-XX-XXTNI", rebase=rebase)
    night = r.dct if r.tense(m) == "future" else r.dct - timedelta(days=1)
    return _Norm("TIME", f"{night}TNI", relative=True, rebase=rebase)


def _on_reference_day(time_of_day: str, ref: date, precision: str) -> _Norm | None:
    """A TIME on the day the text is at: a clock time ("T14:30"), a part of the day ("TNI") or none ("")."""
    return _Norm("TIME", f"{ref.isoformat()}{time_of_day}", relative=True) if precision == "day" else None


_POSSESSIVE = re.compile(r"['’]s\s+[a-z]")
# "today's (global) world / society / economy / financial system": nouns of an age, not of a day
_NOWADAYS = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}?(?:world|society|economy|system|generation|culture|age|era|"
                       r"technology|youth|children|kids|standards|climate|environment|realities)\b")
