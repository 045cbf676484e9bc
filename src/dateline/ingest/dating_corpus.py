"""Corpus refinement of dates: weakly dated documents borrow a date from a dated one that reports the same
event, or are inferred again within the period of dated documents that state the same dates."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from dateline.annotate.timex import sentence_bounds
from dateline.ingest.dating_clues import _clues
from dateline.ingest.dating_inference import _infer
from dateline.ingest.dating_timexes import _tag
from dateline.model import Document, PublishedDate
from dateline.resources import load_table

_LOW_CONFIDENCE = 0.5
_TRUSTED = ("metadata", "dateline", "corpus")


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
