"""Clues to a publication day: what each time expression of an undated text says about when it was written.

Past events ("an attack on August 5") precede publication and usually closely; deadlines ("by September
2025") follow it; "the next 12 months ... no later than September 2025" implies about a year before; "on
Thursday" means 0-6 days after a Thursday. A year counts as the present only where `present_year` says the
words name it ("prices in 2024 are"), not a past event ("the 1967 slayings"). An age with a birth date ("born
April 22, 1923" ... "at age 85") names the present year too. A past date after "since" ("has held the title
since April 2006") bounds the date from below and no more: the state it starts lasts to an unknown present.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from dateline.annotate.timex import context_tense, sentence_bounds
from dateline.ingest.dating_calendar import _interval, _minus
from dateline.ingest.dating_timexes import CLUE_CHARS, _tag
from dateline.ingest.present_year import names_present_year, present_from_age
from dateline.model import TimeExpr

ClueKind = Literal["after", "before", "since", "weekday", "year_now", "year_stated", "implied", "age"]

_RAW_WEIGHT = 0.5  # captions and related headlines only in the raw text: weaker evidence
_WRITTEN_YEAR = re.compile(r"\d{4}|'\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")
_SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Clue:
    """One piece of evidence about the publication day, with the words behind it."""

    kind: ClueKind
    phrase: str
    value: str  # TIMEX3 value: "2024-08-05", "XXXX-08-05", "XXXX-WXX-4", "2025-09"; an age's "2008-04-22/2009-04-21"
    weight: float


def _clues(text: str, raw_text: str | None) -> list[_Clue]:
    clues = _clues_in(text, 1.0)
    if raw_text:
        kept = {line.strip() for line in text.splitlines()}
        for line in raw_text[:CLUE_CHARS].splitlines():
            # a line cleaning dropped (a caption, a related headline); a line it kept is read above
            if line.strip() and line.strip() not in kept and line.strip() not in text[:CLUE_CHARS]:
                clues.extend(_clues_in(line, _RAW_WEIGHT))
    if not any(c.value.startswith("XXXX-") and c.value[5:7].isdigit() for c in clues):
        # A stated year hints at another year only in text that omits the
        # year of current dates ("on June 3"); otherwise it says nothing.
        clues = [c for c in clues if c.kind != "year_stated"]
    clues = _without_past_presents([*clues, *_age_clues(text)])
    unique: dict[tuple[str, str], _Clue] = {}
    for clue in clues:  # a repeated deadline is one fact, not more evidence
        key = (clue.kind, clue.value)
        if key not in unique or unique[key].weight < clue.weight:
            unique[key] = clue
    return list(unique.values())


def _without_past_presents(clues: list[_Clue]) -> list[_Clue]:
    """The clues without a present year older than another the text reports in the past or present:
    "in 2005" cannot be the present of a text that reports a closure in March 2009, nor can an age
    ("born in 1923" ... "retired at age 60") put the present in 1983 before a year 2005 the text reports."""
    newest = max((int(c.value[:4]) for c in clues if c.kind in ("after", "since", "year_now")
                  and c.value[:4].isdigit()), default=0)
    return [c for c in clues if c.kind not in ("year_now", "age") or _last_year(c) >= newest]


def _last_year(clue: _Clue) -> int:
    """The last year a clue's value allows: "2024" -> 2024, an age's "2008-04-22/2009-04-21" -> 2009."""
    return int(clue.value.rsplit("/", 1)[-1][:4])


def _age_clues(text: str) -> list[_Clue]:
    span = present_from_age(text[:CLUE_CHARS], _tag(text))
    if span is None:
        return []
    return [_Clue("age", "a stated age and birth date", f"{span[0].isoformat()}/{span[1].isoformat()}", 1.0)]


def _clues_in(text: str, weight: float) -> list[_Clue]:
    text = text[:CLUE_CHARS]
    exprs = _tag(text)
    starts = [e.start for e in exprs]
    clues: list[_Clue] = []
    for expr in exprs:
        phrase = _phrase(text, expr)
        if expr.type == "DURATION":
            s_start, s_end = sentence_bounds(text, expr.start, expr.end)
            near = exprs[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
            clues.extend(_implied(expr, near, phrase, weight))
            continue
        clues.extend(_point_clues(text, expr, phrase, weight))
    return clues


def _point_clues(text: str, expr: TimeExpr, phrase: str, weight: float) -> list[_Clue]:
    value = _as_written(expr)
    if not re.fullmatch(r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?|XXXX-WXX-\d", value):
        return []
    tense = context_tense(text, expr.start, expr.end)
    if value.startswith("XXXX-WXX"):
        return [_Clue("weekday", phrase, value, weight * (0.5 if tense == "future" else 1.0))]
    if value == "XXXX" or value.startswith("0000"):
        return []
    future = tense == "future" or (tense != "past" and expr.role in ("deadline", "end"))
    if not future and _SINCE.search(text[max(0, expr.start - 12):expr.start]):
        return [_Clue("since", phrase, value, weight)]
    clues = [_Clue("before" if future else "after", phrase, value, weight)]
    if value[:4].isdigit():
        if len(value) == 4 and tense == "present" and not future and names_present_year(text, expr):
            clues.append(_Clue("year_now", phrase, value, weight))
        elif len(value) > 4 and weight == 1.0:
            clues.append(_Clue("year_stated", phrase, value, weight))
    return clues


def _as_written(expr: TimeExpr) -> str:
    """The expression's value with only the year its own words state.

    Without a document date the tagger lends "on 2 May" the year of the last
    year mentioned (a narrative convention); for dating, a year the words do
    not state is unknown: "XXXX-05-02".
    """
    value = expr.value
    if value[:4].isdigit() and len(value) > 4 and not _WRITTEN_YEAR.search(expr.text):
        return "XXXX" + value[4:]
    return value


def _implied(expr: TimeExpr, same_sentence: Sequence[TimeExpr], phrase: str, weight: float) -> list[_Clue]:
    """'Over the next 12 months, ... no later than September 2025' -> published about 2024-09."""
    m = re.fullmatch(r"P(\d+)([YMWD])", expr.value)
    if not m or not re.match(r"the\s+(?:next|coming|following)\b", expr.text, re.IGNORECASE):
        return []
    for other in same_sentence:
        if other.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}", other.value):
            # the span ends with the stated month, so it began N units before that month's end
            implied = _minus(_interval(other.value)[1], int(m.group(1)), m.group(2))
            return [_Clue("implied", f"{phrase} ... {other.text}", implied.isoformat(), weight * 2)]
    return []


def _phrase(text: str, expr: TimeExpr) -> str:
    s_start, _ = sentence_bounds(text, expr.start, expr.end)
    words = text[s_start:expr.start].split()[-3:]
    return " ".join([*words, expr.text])
