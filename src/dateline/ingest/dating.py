"""Document dating: when was an article published, how sure are we, and why.

In order of trust: a declared date (metadata), an explicit date line among the
first lines of the raw text, or an inference from the article's own time
expressions. Inference scores every candidate day against clues: past events
("an attack on August 5") precede publication and usually closely; deadlines
("by September 2025") follow it; "the next 12 months ... no later than
September 2025" implies about a year before; "on Thursday" means 0-6 days after
a Thursday. A year counts as the present only where `present_year` says the
words name it ("prices in 2024 are"), not a past event ("the 1967 slayings").
An age with a birth date ("born April 22, 1923" ... "at age 85") names the
present year too. A past date after "since" ("has held the title since April
2006") bounds the date from below and no more: the state it starts lasts to an
unknown present. When no day fits better than one more than 3 days away ("died
in June 2009" fits every day of that June alike), or when no words name the
year of the best day (it lies months after the newest dated event, placed there
by "on Thursday, December 11" alone, and "the January 1955 issue" would put it
in 1956), the date is unknown rather than a guess.
`refine_undated` then lets weakly dated documents borrow a date from a dated
one that reports the same event.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from dateline.annotate.timex import context_tense, sentence_bounds, tag
from dateline.ingest.present_year import names_present_year, present_from_age
from dateline.model import Document, PublishedDate, TimeExpr
from dateline.resources import load_table

logger = logging.getLogger(__name__)

__all__ = ["date_document", "needs_date", "refine_undated", "stated"]

ClueKind = Literal["after", "before", "since", "weekday", "year_now", "year_stated", "implied", "age"]

_MAX_CONFIDENCE = 0.7
_LOW_CONFIDENCE = 0.5
_TIE = 1e-6  # a smaller margin comes from the tails of clues years away: no day is preferred
_RAW_WEIGHT = 0.5  # captions and related headlines only in the raw text: weaker evidence
CLUE_CHARS = 100_000  # dating reads the start of a text: a date's clues are there, and a huge text stays fast
_HEADER_LINES = 6
_WRITTEN_YEAR = re.compile(r"\d{4}|'\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")
_TRUSTED = ("metadata", "dateline", "corpus")
# How well a day fits "on <weekday>" by days since that weekday: news names
# the same day or the day before most often, last week's days rarely.
_WEEKDAY_FIT = (1.0, 0.9, 0.6, 0.45, 0.35, 0.25, 0.15)
# How long after a dated event its date still names the year of the present: news reports events of
# the last weeks by date; a day further on was placed by yearless clues ("on Thursday, December 11")
# in whatever year the newest dated event allowed, which may be decades before the present.
_NAMES_YEAR_DAYS = 90
_SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Clue:
    """One piece of evidence about the publication day, with the words behind it."""

    kind: ClueKind
    phrase: str
    value: str  # TIMEX3 value: "2024-08-05", "XXXX-08-05", "XXXX-WXX-4", "2025-09"; an age's "2008-04-22/2009-04-21"
    weight: float


# --- public API -----------------------------------------------------------------


def date_document(text: str, *, declared: str | None = None, raw_text: str | None = None) -> PublishedDate:
    """The publication date of one document, with method, confidence and reason."""
    if declared:
        parsed = _parse_date(declared)
        if parsed is not None:
            return PublishedDate(parsed, "metadata", 0.95, f"declared date {declared.strip()!r}")
        logger.info("declared date %r could not be parsed", declared)
    found = _date_line(raw_text or text)
    if found is not None:
        day, line = found
        return PublishedDate(day, "dateline", 0.9, f"date line {line!r}")
    return _infer(_clues(text, raw_text))


def refine_undated(documents: Sequence[Document], known: Sequence[Document] = ()) -> list[Document]:
    """Documents with dates borrowed from dated ones reporting the same events."""
    donors = [d for d in [*documents, *known] if d.published.value is not None]
    clues = _TextClues()
    refined = []
    for doc in documents:
        if not needs_date(doc.published):
            refined.append(doc)
            continue
        better = _borrow_event_date(doc, donors, clues) or _with_corpus_prior(doc, donors, clues)
        refined.append(replace(doc, published=better) if better else doc)
    return refined


def stated(doc: Document) -> tuple[set[str], set[str]]:
    """The dates `doc` states in full ("2008-10-17", "2008-10") and the month-days it states ("10-17"):
    a donor must state one of them to lend it a date."""
    return _stated_dates(doc.text), _stated_days(doc.text)


class _TextClues:
    """The stated dates, month-days and weekday mentions of each text, read once per refinement: a
    donor is compared with every undated article, and the tagger's cache holds only 256 texts."""

    def __init__(self) -> None:
        self._dates: dict[str, set[str]] = {}
        self._days: dict[str, set[str]] = {}
        self._weekdays: dict[str, list[tuple[int, set[str]]]] = {}

    def dates(self, doc: Document) -> set[str]:
        if doc.id not in self._dates:
            self._dates[doc.id] = _stated_dates(doc.text)
        return self._dates[doc.id]

    def days(self, doc: Document) -> set[str]:
        if doc.id not in self._days:
            self._days[doc.id] = _stated_days(doc.text)
        return self._days[doc.id]

    def weekdays(self, doc: Document) -> list[tuple[int, set[str]]]:
        if doc.id not in self._weekdays:
            self._weekdays[doc.id] = _weekday_mentions(doc.text)
        return self._weekdays[doc.id]


# --- time expressions -----------------------------------------------------------------


def _tag(text: str) -> tuple[TimeExpr, ...]:
    """The time expressions of the start of `text` (dating reads the first CLUE_CHARS characters)."""
    return _tag_cached(text[:CLUE_CHARS])


@functools.lru_cache(maxsize=256)
def _tag_cached(text: str) -> tuple[TimeExpr, ...]:
    """`tag(text, None)`, never raising: a line the tagger fails on is skipped, the rest kept.

    Cached because dating and refinement look at the same texts several times.
    """
    try:
        return tuple(tag(text, None))
    except Exception as exc:  # noqa: BLE001 - one bad expression must not lose the article
        logger.info("time tagger failed on a text (%r); tagging it line by line", exc)
    found: list[TimeExpr] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        try:
            found.extend(replace(e, start=e.start + offset, end=e.end + offset) for e in tag(line, None))
        except Exception as exc:  # noqa: BLE001
            logger.info("time tagger failed on line %r: %r", line[:80], exc)
        offset += len(line)
    return tuple(found)


# --- declared dates and date lines ------------------------------------------------


def _parse_date(value: str) -> date | None:
    for expr in _tag(value):
        if re.match(r"\d{4}-\d{2}-\d{2}", expr.value):
            return date.fromisoformat(expr.value[:10])
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _date_line(raw: str) -> tuple[date, str] | None:
    lines = [line.strip() for line in raw.splitlines() if line.strip()][:_HEADER_LINES]
    for line in lines:
        if len(line) > 100:
            continue
        for expr in _tag(line):
            rest = line[: expr.start] + line[expr.end:]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr.value[:10]) and len(re.findall(r"\w+", rest)) <= 4:
                return date.fromisoformat(expr.value[:10]), line
    return None


# --- clues ------------------------------------------------------------------------


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


def _minus(day: date, n: int, unit: str) -> date:
    if unit in ("W", "D"):
        return day - timedelta(days=n * (7 if unit == "W" else 1))
    index = day.year * 12 + day.month - 1 - n * (12 if unit == "Y" else 1)
    year, month = divmod(index, 12)
    return min(day.replace(year=year, month=month + 1, day=1) + timedelta(days=day.day - 1),
               _month_end(year, month + 1))


def _phrase(text: str, expr: TimeExpr) -> str:
    s_start, _ = sentence_bounds(text, expr.start, expr.end)
    words = text[s_start:expr.start].split()[-3:]
    return " ".join([*words, expr.text])


# --- scoring ------------------------------------------------------------------------


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


def _distance(day: date, lo: date, hi: date) -> int:
    return max((lo - day).days, (day - hi).days, 0)


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


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


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


# --- corpus-level refinement ----------------------------------------------------------


def needs_date(published: PublishedDate) -> bool:
    """Whether a date borrowed from other articles would beat this one."""
    return published.method == "unknown" or (
        published.method == "inferred" and published.confidence < _LOW_CONFIDENCE
    )


def _can_lend(donor: Document, receiver: Document) -> bool:
    mine, theirs = receiver.published, donor.published
    if donor.id == receiver.id or theirs.value is None:
        return False
    return theirs.method in _TRUSTED or theirs.confidence > mine.confidence


def _borrow_event_date(doc: Document, donors: Sequence[Document], clues: _TextClues) -> PublishedDate | None:
    mine = clues.weekdays(doc)
    shared_dates = clues.dates(doc)
    best: tuple[int, PublishedDate] | None = None
    for donor in donors:
        if not _can_lend(donor, doc):
            continue
        for weekday, words in mine:
            for their_weekday, their_words in clues.weekdays(donor):
                common = words & their_words
                dates = shared_dates & clues.dates(donor)
                score = len(common) + 2 * len(dates)
                if weekday == their_weekday and len(common) >= 2 and dates and (best is None or score > best[0]):
                    best = (score, _event_date(donor, weekday, common, dates))
    return best[1] if best else None


def _event_date(donor: Document, weekday: int, common: set[str], dates: set[str]) -> PublishedDate:
    published = donor.published.value or date.min
    day = published - timedelta(days=(published.isoweekday() - weekday) % 7)
    reason = (
        f"same event as document {donor.id} (dated {published.isoformat()}, {donor.published.method}): "
        f"both report it on {day.strftime('%A')} with shared words {sorted(common)[:6]} "
        f"and dates {sorted(dates)}; {day.strftime('%A')} -> {day.isoformat()}"
    )
    return PublishedDate(day, "corpus", round(min(0.6, donor.published.confidence), 2), reason)


def _with_corpus_prior(doc: Document, donors: Sequence[Document], clues: _TextClues) -> PublishedDate | None:
    """Re-infer with a prior: near the dates of trusted documents that share stated dates."""
    mine = clues.dates(doc) | clues.days(doc)
    related = [d for d in donors if _can_lend(d, doc) and mine & (clues.dates(d) | clues.days(d))]
    if not related:
        return None
    days = sorted(d.published.value for d in related if d.published.value)
    prior = (days[0] - timedelta(days=60), days[-1] + timedelta(days=60))
    inferred = _infer(_clues(doc.text, doc.raw_text), prior)
    inside = inferred.value is not None and prior[0] <= inferred.value <= prior[1]
    if not inside or inferred.value == doc.published.value:
        return None
    ids = ", ".join(d.id for d in related)
    reason = f"{inferred.reason}; within the period of related dated documents ({ids})"
    return PublishedDate(inferred.value, "corpus", inferred.confidence, reason)


def _stated_dates(text: str) -> set[str]:
    return {e.value for e in _tag(text) if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", e.value)}


def _stated_days(text: str) -> set[str]:
    """Month-days the text states, with or without a year ("May 19" matches "19 May 2024")."""
    return {e.value[-5:] for e in _tag(text) if re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", e.value)}


def _weekday_mentions(text: str) -> list[tuple[int, set[str]]]:
    mentions = []
    for expr in _tag(text):
        if re.fullmatch(r"XXXX-WXX-\d", expr.value):  # a named weekday, not "XXXX-WXX-WE"
            start, end = sentence_bounds(text, expr.start, expr.end)
            mentions.append((int(expr.value[9]), _content_words(text[start:end])))
    return mentions


def _content_words(sentence: str) -> set[str]:
    stop = _stopwords()
    return {w for w in re.findall(r"[a-z]{4,}", sentence.lower()) if w not in stop}


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_table("timex")["dating"]["stopwords"])
