"""Choosing spans: the longest non-overlapping matches, then the passes that read them together.

Re-anchoring on the narrative ("a year earlier", "the following month"), the register (news or
history), a clock time joined to its day, the year of a range's start, the other day of a range
of days and the part of a day. Each pass goes through the expressions once, in text order.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import Literal

from dateline.annotate.timex.dates import (
    _BC_PROXY,
    _PROXY_YEAR,
    _add_months,
    _contains,
    _format,
    _parse_value,
    _value_year,
    _year_of,
)
from dateline.annotate.timex.lexicon import _cues, _lex
from dateline.annotate.timex.norm import _Norm
from dateline.annotate.timex.roles import _RANGE_JOINER
from dateline.annotate.timex.tense import _WORD, context_tense

logger = logging.getLogger(__name__)


class _Coverage:
    """The characters already inside a chosen span: one byte a character, so a test costs the span's length."""

    def __init__(self, size: int):
        self._covered = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self._covered.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)


def _longest_non_overlapping(found: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """The longest spans first (the earliest among equals), each kept if it overlaps none kept before."""
    taken: list[tuple[int, int, _Norm]] = []
    coverage = _Coverage(max((end for _, end, _ in found), default=0))
    for start, end, norm in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if coverage.free(start, end):
            coverage.take(start, end)
            taken.append((start, end, norm))
    return sorted(taken, key=lambda f: f[0])


def _narrative(chosen: list[tuple[int, int, _Norm]], dct: date | None, text: str) -> list[tuple[int, int, _Norm]]:
    """Re-anchor expressions on the last date mentioned where the narrative, not dct, is the reference."""
    out: list[tuple[int, int, _Norm]] = []
    reference: tuple[date, str] | None = None
    quarter: tuple[date, str] | None = None  # quarterly reports refer back to the quarter, not the last day
    narrative = _register(chosen, dct, text) == "history"
    years = [_value_year(n.value) if n.type == "DATE" and not n.relative else None for _, _, n in chosen]
    following = _next_known(years)
    for index, (start, end, norm) in enumerate(chosen):
        if narrative and norm.history is not None:
            norm = norm.history
        anchor = reference or ((dct, "day") if dct is not None and not narrative else None)
        if norm.quarterly and quarter is not None:
            anchor = quarter
        anaphoric, backward = norm.anaphoric, norm.backward  # the rebased value does not carry the flags
        if norm.rebase is not None and anchor is not None and (
                anaphoric or narrative and reference is not None and _year_of(reference[0]) < dct.year):
            norm = _from_proxy(_rebased(norm, anchor) or _unplaced(norm, reference, narrative and anaphoric))
        elif narrative and anaphoric and norm.relative:
            norm = _unplaced(norm, None, True)
        parsed = _parse_value(norm.value) if norm.type == "DATE" else None
        # looking back ("a year earlier") compares, and "that month" only restates: neither moves the narrative
        aside = parsed is not None and reference is not None and _is_aside(years[index], following[index],
                                                                            _year_of(reference[0]))
        if parsed and not backward and not aside and not (anaphoric and reference and _contains(parsed, reference[0])):
            reference = parsed
        if parsed and parsed[1] == "quarter" and not backward and not _forecast(text, start, end, parsed, dct):
            quarter = parsed
        out.append((start, end, norm))
    return out


def _rebased(norm: _Norm, anchor: tuple[date, str]) -> _Norm | None:
    """The expression's value from the narrative's reference; None if that leaves the calendar."""
    try:
        return norm.rebase(*anchor)  # type: ignore[misc]
    except (ValueError, OverflowError) as error:
        logger.debug("no value for %s from %s: %s", norm.value, anchor[0], error)
        return None


def _forecast(text: str, start: int, end: int, period: tuple[date, str], dct: date | None) -> bool:
    """ "expects fourth-quarter profit to rise": a quarter still running, spoken of ahead, is not the one reported."""
    ends = _add_months(period[0], 3)
    return (dct is not None and (ends is None or ends > dct)
            and context_tense(text, start, end, infinitive=False) == "future")


def _unplaced(norm: _Norm, reference: tuple[date, str] | None, history: bool) -> _Norm:
    """An anaphoric expression the narrative cannot place, in a history: as much as the reference gives.

    "Four days later" after "in 1915" is some day of 1915 ("1915-XX-XX"); with no reference at
    all it is an unknown day. In news the reading from dct stands.
    """
    if not history or norm.type != "DATE":
        return norm
    shape = re.sub(r"\d", "X", norm.value)
    if reference is not None and reference[1] in ("year", "month"):
        known = _format(*reference)
        if re.sub(r"\d", "X", known) == shape[:len(known)]:
            shape = known + shape[len(known):]
    return _Norm("DATE", shape, norm.mod)


_ASIDE_YEARS = 3  # a jump this far from the narrative's year may be an aside


def _is_aside(jump: int | None, following: int | None, current: int) -> bool:
    """Whether an explicit date's year `jump` is an aside the narrative returns from.

    "In March 1951 ... (a 1979 study found ...) ... in late November ... in 1952": the next
    explicit year (`following`) lies nearer the narrative's year than the jump, so the jump does
    not anchor "late November".
    """
    if jump is None or abs(jump - current) < _ASIDE_YEARS:
        return False
    return following is not None and abs(following - current) < abs(following - jump)


def _next_known(years: list[int | None]) -> list[int | None]:
    """For each position, the first year given after it (None if none is)."""
    out: list[int | None] = []
    later: int | None = None
    for year in reversed(years):
        out.append(later)
        later = year if year is not None else later
    return out[::-1]


def _from_proxy(norm: _Norm) -> _Norm:
    """A rebased value back from the proxy years to TIMEX3's "BC0490" or an AD year."""
    found = _PROXY_YEAR.match(norm.value)
    if not found:
        return norm
    year = int(found.group()) - _BC_PROXY
    era = f"BC{1 - year:04d}" if year <= 0 else f"{year:04d}"
    return replace(norm, value=era + norm.value[4:])


_Register = Literal["news", "history"]


def _register(chosen: list[tuple[int, int, _Norm]], dct: date | None, text: str) -> _Register | None:
    """Whether a text reads as news of its day or as a history; None without a dct.

    A history looks back: most explicit years lie two or more years from dct, most of those
    before it, and it seldom reports speech ("said", "told"), which news does every few
    sentences. The readings that differ ("tomorrow", "four days later" with no day to count
    from) follow the register.
    """
    if dct is None:
        return None
    years = [_value_year(n.value) for _, _, n in chosen if n.type == "DATE" and not n.relative]
    years = [y for y in years if y is not None]
    far = [y for y in years if abs(y - dct.year) >= 2]
    if len(years) < 3 or len(far) < 0.6 * len(years) or sum(y < dct.year for y in far) < _HISTORY_PAST * len(far):
        return "news"
    reporting, words, reports = _cues()["reporting"], 0, 0
    for word in _WORD.finditer(text.lower()):  # one at a time: a long text's word list would take gigabytes
        words += 1
        reports += word.group() in reporting
    return "news" if reports >= _NEWS_REPORTS * words else "history"


_HISTORY_PAST = 2 / 3  # share of a history's far years that lie before dct (forecasts look ahead)
_NEWS_REPORTS = 0.007  # reporting verbs per word from which a text reads as news (histories: under 0.006)

_CLOCK_DAY_GAP = re.compile(r"\s*(?:[A-Z]{2,4}\s*)?,?\s*(?:on\s+)?$")


def _merge_clock_and_day(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """ "10 p.m. Wednesday", "Nov. 9, 5 p.m." -> one TIME on that day."""
    out: list[tuple[int, int, _Norm]] = []
    for start, end, norm in chosen:
        if out and _CLOCK_DAY_GAP.match(text[out[-1][1]:start]) and "\n" not in text[out[-1][1]:start]:
            merged = _clock_on_day(out[-1][2], norm) or _clock_on_day(norm, out[-1][2])
            if merged is not None:
                out[-1] = (out[-1][0], end, merged)
                continue
        out.append((start, end, norm))
    return out


_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def _range_years(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """ "from March to May 2019": a yearless start takes the year its range ends in (the one before if later)."""
    out = list(chosen)
    for i in range(len(out) - 1):
        (start, end, first), (nxt, _, last) = out[i], out[i + 1]
        if (first.relative and not last.relative and first.type == last.type == "DATE"
                and _MONTH_VALUE.fullmatch(first.value) and _MONTH_VALUE.fullmatch(last.value)
                and any(joiner.fullmatch(text, end, nxt) for joiner in _RANGE_JOINER.values())):
            year = int(last.value[:4]) - (first.value[4:] > last.value[4:len(first.value)])
            value = f"{year:04d}{first.value[4:]}"
            if _parse_value(value) is not None:  # not "2023-02-29"
                out[i] = (start, end, replace(first, value=value, relative=False))
    return out


# "the 6-7 January", "22 to 25 April", "May 4 and 5", "April 13-15": the other day of a range
_RANGE_LEFT = re.compile(r"(?<![\d,.])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and|or|until|through)\s*(?:the\s+)?$",
                         re.I)
_RANGE_RIGHT = re.compile(r"\s*(?:-|–|to|and|or|until|through)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
                          r"(?=\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:and|in|at|on|to|when|were|was|as|but|with|after|before|"
                          r"during|while|the)\b)")
_DAY_FIRST = re.compile(r"(?:the\s+)?\d", re.I)  # a date written day first: "19 October", "the 19th of October"
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-(\d\d)")


def _day_ranges(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """Adds the bare day number at the other end of a range of days, dated in the named day's month."""
    out = list(chosen)
    coverage = _Coverage(len(text))
    for start, end, _ in chosen:
        coverage.take(start, end)
    for start, end, norm in chosen:
        day = _DAY_VALUE.fullmatch(norm.value) if norm.type == "DATE" else None
        if day is None:
            continue
        left = _RANGE_LEFT.search(text, max(0, start - 16), start) if _DAY_FIRST.match(text, start) else None
        right = _RANGE_RIGHT.match(text, end) if text[end - 1:end].isdigit() else None
        for m, earlier in ((left, True), (right, False)):
            if m is None or not 1 <= int(m["d"]) <= 31 or (int(m["d"]) < int(day.group(1))) != earlier:
                continue
            span = (m.start("d"), m.end("d"))
            if coverage.free(*span):
                coverage.take(*span)
                out.append((*span, replace(norm, value=f"{norm.value[:8]}{int(m['d']):02d}", rebase=None)))
    return sorted(out, key=lambda f: f[0])


_PART_OF = re.compile(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]?)?(?P<part>morning|afternoon|evening|night)"
                      r"(?:\s+hours)?\s+of\s+$", re.I)


def _part_of_day_of(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """ "the morning of 31 January 1965", "the early morning hours of 30 April" -> one TIME: that day's morning."""
    out: list[tuple[int, int, _Norm]] = []
    for start, end, norm in chosen:
        m = _PART_OF.search(text, max(0, start - 40), start)
        if m and norm.type == "DATE" and _DAY_VALUE.fullmatch(norm.value) and not _straddled(out, m.start()):
            while out and out[-1][1] > m.start():  # "early morning" alone joins the day it names
                out.pop()
            part = _lex()["parts_of_day"][m["part"].lower()]
            out.append((m.start(), end, replace(norm, type="TIME", value=f"{norm.value}T{part}", rebase=None)))
            continue
        out.append((start, end, norm))
    return out


def _straddled(spans: list[tuple[int, int, _Norm]], at: int) -> bool:
    """Whether a span runs across `at`; `spans` are in order and apart, so only the last ones can."""
    for start, end, _ in reversed(spans):
        if end <= at:
            return False
        if start < at:
            return True
    return False


def _clock_on_day(clock: _Norm, day: _Norm) -> _Norm | None:
    if clock.type != "TIME" or day.type != "DATE" or not re.fullmatch(r"(?:\d{4}|XXXX)-[\dX]{2}-[\dX]{2}|XXXX-WXX-\d",
                                                                       day.value):
        return None
    hour = clock.value.split("T", 1)[1] if "T" in clock.value else ""
    if not re.fullmatch(r"\d\d:\d\d(?::\d\d)?", hour):
        return None
    return _Norm("TIME", f"{day.value}T{hour}", clock.mod, relative=day.relative)
