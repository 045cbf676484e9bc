"""The choice of a publication day: every candidate day scored against a text's clues, the best one kept.

When no day fits better than one more than 3 days away ("died in June 2009" fits every day of that June
alike), or when no words name the year of the best day (it lies months after the newest dated event, placed
there by "on Thursday, December 11" alone, and "the January 1955 issue" would put it in 1956), the date is
unknown rather than a guess.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from dateline.ingest.dating_calendar import _days, _distance, _interval, _occurrence
from dateline.ingest.dating_clues import _Clue, _last_year
from dateline.model import PublishedDate

_MAX_CONFIDENCE = 0.7
_TIE = 1e-6  # a smaller margin comes from the tails of clues years away: no day is preferred
# How well a day fits "on <weekday>" by days since that weekday: news names
# the same day or the day before most often, last week's days rarely.
_WEEKDAY_FIT = (1.0, 0.9, 0.6, 0.45, 0.35, 0.25, 0.15)
# How long after a dated event its date still names the year of the present: news reports events of
# the last weeks by date; a day further on was placed by yearless clues ("on Thursday, December 11")
# in whatever year the newest dated event allowed, which may be decades before the present.
_NAMES_YEAR_DAYS = 90


def _score(clue: _Clue, day: date) -> float:
    w = clue.weight
    if clue.kind == "weekday":
        offset = (day.isoweekday() - int(clue.value[-1])) % 7
        return w * _WEEKDAY_FIT[offset]
    if clue.kind == "year_now":
        return 1.5 * w if day.year == int(clue.value) else 0.0
    if clue.kind == "age":
        return 1.5 * w if _age_span(clue)[0] <= day <= _age_span(clue)[1] else -3 * w
    if clue.kind == "since":  # "since April 2006": any day after it, none before
        return 0.0 if day >= _interval(_since_value(clue.value, day))[0] else -3 * w
    if clue.kind == "year_stated":  # news style omits the year for dates in the current year
        return 0.5 * w if day.year != int(clue.value[:4]) else 0.0
    if clue.kind == "implied":
        point = date.fromisoformat(clue.value)
        # the stated end is an upper bound: later days fit worse than earlier ones
        return w / (1 + (point - day).days / 15) if day <= point else w / (1 + (day - point).days / 7)
    specific = clue.value[:4].isdigit()
    if clue.kind == "after":
        return _score_after(clue, day, specific)
    return _score_before(clue, day, specific)


def _age_span(clue: _Clue) -> tuple[date, date]:
    first, last = clue.value.split("/")
    return date.fromisoformat(first), date.fromisoformat(last)


def _since_value(value: str, day: date) -> str:
    """A "since" value with a year: its own, or the latest occurrence of a yearless one before `day`."""
    return value if value[:4].isdigit() else _occurrence(value, day, forward=False)[0].isoformat()[:len(value)]


def _score_after(clue: _Clue, day: date, specific: bool) -> float:
    lo, hi = _interval(clue.value) if specific else _occurrence(clue.value, day, forward=False)
    if day < lo:
        return -3 * clue.weight
    scale = {4: 365, 7: 60}.get(len(clue.value), 7)
    weight = clue.weight * (0.3 if len(clue.value) == 4 else 1.0)
    return weight / (1 + _distance(day, lo, hi) / scale)


def _score_before(clue: _Clue, day: date, specific: bool) -> float:
    lo, hi = _interval(clue.value) if specific else _occurrence(clue.value, day, forward=True)
    if day > hi:
        return -3 * clue.weight
    years_ahead = _distance(day, lo, hi) / 365
    if not specific:
        return clue.weight / (1 + years_ahead * 4)
    # deadlines with a stated year lie months to a few years ahead
    return clue.weight * max(0.0, 0.9 - 0.1 * years_ahead) if years_ahead <= 3 else -clue.weight


def _anchored(clues: Sequence[_Clue]) -> bool:
    """Whether any clue fixes a year: a stated month or day with its year, or "this year, 2024".

    A bare past year ("in 2007") only bounds the date from below: on its own,
    any later year would fit, so the date is left unknown rather than guessed.
    """
    return any(c.kind in ("year_now", "age") or (c.kind in ("after", "before", "implied") and len(c.value) >= 7
                                        and c.value[:4].isdigit()) for c in clues)


def _candidates(clues: Sequence[_Clue], prior: tuple[date, date] | None = None) -> list[date]:
    if not _anchored(clues):
        # Text that states no dated event ("on June 3", "in 2007") can still be
        # placed within the period of related dated documents.
        return _days(*prior) if prior else []
    after = [int(c.value[:4]) for c in clues if c.kind in ("after", "since", "year_now", "age") and c.value[:4].isdigit()]
    before = [_last_year(c) for c in clues if c.kind in ("before", "age") and c.value[:4].isdigit()]
    # a deadline older than the newest past event is mis-tagged, not a bound
    before = [year for year in before if not after or year >= max(after)]
    last = min(before) if before else max(after) + 1
    first = max(after) if after and max(after) <= last else last - 5
    first = max(first, last - 5)
    return _days(date(first, 1, 1), date(last, 12, 31))


def _infer(clues: Sequence[_Clue], prior: tuple[date, date] | None = None) -> PublishedDate:
    days = _candidates(clues, prior)
    if not days:
        return PublishedDate.unknown("no event or deadline in the text states its year, so the year is unknown")
    scored = sorted(((_total(clues, d, prior), d) for d in days), reverse=True)
    best_score, best = scored[0]
    rival_score, rival = next(((s, d) for s, d in scored if abs((d - best).days) > 3), (best_score - 3, best))
    if best_score - rival_score <= _TIE and prior is None and not _names_year_of(clues, best, rival):
        # "died in June 2009" alone fits every day of that June equally: picking one is a guess.
        # With a prior, related dated documents have narrowed the days, and measured, their pick holds.
        return PublishedDate.unknown(
            f"no day fits best: {best.isoformat()} and {rival.isoformat()} fit equally ({_explain(clues, best)})")
    if prior is None and not _year_named(clues, best):
        # With a prior, related dated documents name the year.
        return PublishedDate.unknown(
            f"no words name the year of {best.isoformat()}: it is more than {_NAMES_YEAR_DAYS} days after every "
            f"event the text dates with its year ({_explain(clues, best)})")
    confidence = _MAX_CONFIDENCE * (1 - math.exp(-1.2 * max(best_score - rival_score, 0.0)))
    return PublishedDate(best, "inferred", round(confidence, 2), _explain(clues, best))


def _year_named(clues: Sequence[_Clue], day: date) -> bool:
    """Whether some clue names the year of `day`: the present year, an age, a deadline with its year after
    it, or a dated event at most `_NAMES_YEAR_DAYS` before it; yearless clues place a day within a year only."""
    return any(_names_year(c, day) for c in clues)


def _names_year(clue: _Clue, day: date) -> bool:
    if clue.kind == "year_now":
        return int(clue.value) == day.year
    if clue.kind == "age":
        return _age_span(clue)[0] <= day <= _age_span(clue)[1]
    if clue.kind not in ("after", "before", "implied") or not clue.value[:4].isdigit() or len(clue.value) < 7:
        return False
    lo, hi = _interval(clue.value)
    if clue.kind == "before":
        return day <= hi
    reach = timedelta(days=_NAMES_YEAR_DAYS)
    return lo - (reach if clue.kind == "implied" else timedelta(0)) <= day <= hi + reach


def _names_year_of(clues: Sequence[_Clue], best: date, rival: date) -> bool:
    """Whether the text names, in the present tense, the one year both equal days lie in: the year is then
    known though the day is not."""
    return best.year == rival.year and any(c.kind == "year_now" and int(c.value) == best.year for c in clues)


def _total(clues: Iterable[_Clue], day: date, prior: tuple[date, date] | None) -> float:
    total = sum(_score(c, day) for c in clues)
    return total + (1.0 if prior and prior[0] <= day <= prior[1] else 0.0)


def _explain(clues: Sequence[_Clue], day: date) -> str:
    ranked = sorted((c for c in clues if _score(c, day) > 0), key=lambda c: -_score(c, day))[:5]
    parts = [_describe(c, day) for c in ranked]
    return f"inferred {day.isoformat()}: " + "; ".join(parts) if parts else f"inferred {day.isoformat()}"


def _describe(clue: _Clue, day: date) -> str:
    if clue.kind == "weekday":
        return f"{clue.phrase!r} -> {day.strftime('%A')} {day.isoformat()} or up to 6 days after"
    if clue.kind == "year_now":
        return f"{clue.phrase!r} in the present tense -> {clue.value}"
    if clue.kind == "year_stated":
        return f"{clue.phrase!r} states its year, so it is likely not the current year"
    if clue.kind == "age":
        return f"{clue.phrase} -> {clue.value.replace('/', ' to ')}"
    if clue.kind == "since":
        return f"after {clue.phrase!r}, by an unknown time"
    if clue.kind == "implied":
        return f"{clue.phrase!r} implies about {clue.value}"
    forward = clue.kind == "before"
    lo, _hi = _interval(clue.value) if clue.value[:4].isdigit() else _occurrence(clue.value, day, forward)
    shown = clue.value if clue.value[:4].isdigit() else f"{lo.isoformat()[: len(clue.value)]}"
    return f"{'before' if forward else 'after'} {clue.phrase!r} ({shown})"
