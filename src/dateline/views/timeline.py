"""The story timeline: the key events of the story's own period, each with its sources and
the reason for its date, and the background (what happened before the story) shown apart.

Sentences are placed on the dates they name, or on their article's publication day
(`timeline_placing.py`); sentences not about the story (a column's or a digest's other
items) are left out (`timeline_relevance.py`).

The story's period starts a little before its first article (`Salience.margin_days`), for the
days that two or more independent sources report: the event a story's first articles follow.
A day only one source gives before the first article is background unless it is the day
just before (`Salience.lone_margin_days`): "4 January", the date of another country's quake
in a list of the region's quakes, is not news of this one. A month or a year is
background when it ends before the first article ("December" in a story that begins on 12
January). Background dates go to the `background` part. Dates are ranked by the
independent sources that report them while they are news (`timeline_ranking.py`), and
each kept date is summarised by its most central sentences (`timeline_summary.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.jsonable import citation_from_json, parse_day
from dateline.model import AnnotatedDocument, TimelineEntry
from dateline.views.timeline_dates import _DAY, _YEAR, last_day
from dateline.views.timeline_placing import Placed, place_sentences, placed_from_json
from dateline.views.timeline_ranking import DEFAULT_SALIENCE, Salience, _rank_dates, _sources
from dateline.views.timeline_relevance import DEFAULT_RELEVANCE, Relevance, on_story
from dateline.views.timeline_summary import _summarise, _Wordings

__all__ = [
    "DEFAULT_SALIENCE", "TIMELINE_VIEW", "Candidates", "Placed", "Salience", "Timeline", "build_timeline",
    "candidates_from_store", "last_day", "period_start", "place_sentences", "placed_from_json", "story_timeline",
    "timeline_from_json", "timeline_from_placed", "timeline_from_store",
]

PER_DATE = 1
BACKGROUND_DATES = 12  # the background part keeps its most reported dates


@dataclass(frozen=True)
class Timeline:
    story: str
    title: str
    as_of: date | None
    entries: tuple[TimelineEntry, ...]  # the story's own period, oldest first
    background: tuple[TimelineEntry, ...] = ()  # dates before the period, oldest first
    period_start: date | None = None  # the first day of the story's period (None: no dated article)


def build_timeline(
    story: str,
    title: str,
    documents: Sequence[AnnotatedDocument],
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
    salience: Salience = DEFAULT_SALIENCE,
    relevance: Relevance = DEFAULT_RELEVANCE,
) -> Timeline:
    """The `max_dates` most salient dates (all when None), `per_date` sentences each.

    Only articles published by `as_of` count, only dates from `since` to
    `as_of` are kept, and only sentences about the story (`timeline_relevance`).
    """
    published = [d for d in documents if _published_by(d, as_of)]
    placed = [p for d in published for p in place_sentences(d)]
    days = [d.document.published.value for d in published]
    return timeline_from_placed(story, title, placed, days, as_of=as_of, max_dates=max_dates,
                                per_date=per_date, since=since, salience=salience, relevance=relevance)


def timeline_from_placed(
    story: str,
    title: str,
    placed: Iterable[Placed],
    published: Iterable[date | None],
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
    salience: Salience = DEFAULT_SALIENCE,
    relevance: Relevance = DEFAULT_RELEVANCE,
) -> Timeline:
    """The timeline from the placed sentences of the articles published by `as_of`
    (`published`: their publication days), leaving out those not about the story."""
    published = [day for day in published if day]
    start = period_start(published, salience)
    kept = [p for p in on_story(list(placed), relevance) if _within(p.date, since, as_of)]
    by_date: dict[str, list[Placed]] = defaultdict(list)
    for p in kept:
        by_date[p.date].append(p)
    first = min(published) if published else None
    earlier = {d: v for d, v in by_date.items() if _before(d, v, first, salience)}
    ours = {d: v for d, v in by_date.items() if d not in earlier and not _YEAR.match(d)}
    wordings = _Wordings.of(kept)
    k = per_date or PER_DATE
    entries = _entries(ours, published, max_dates, wordings, k, salience)
    background = _entries(earlier, published, BACKGROUND_DATES, wordings, 1, salience)
    return Timeline(story, title, as_of, entries, background, start)


def period_start(published: Sequence[date], salience: Salience = DEFAULT_SALIENCE) -> date | None:
    """The first day of the story's period: a little before its first article (for the days several
    sources report; see `_before`)."""
    return min(published) - timedelta(days=salience.margin_days) if published else None


def _entries(by_date: dict[str, list[Placed]], published: Sequence[date], limit: int | None,
             wordings: _Wordings, k: int, salience: Salience) -> tuple[TimelineEntry, ...]:
    dates = _rank_dates(by_date, published, limit, salience)
    return tuple(e for d in sorted(dates) for e in _summarise(d, by_date[d], wordings, k))


def _before(value: str, placed: list[Placed], first: date | None, salience: Salience) -> bool:
    """Whether a date is before the story's period (`first`: its first article's day): a month or a year
    that ends before that day ("2024-02" before 2024-03-03); a day before it by more than the margin for
    the independent sources that report it."""
    if first is None:
        return False
    if not _DAY.match(value):
        return last_day(value) < first.isoformat()
    several = len(_sources(placed)) >= 2
    margin = salience.margin_days if several else min(salience.lone_margin_days, salience.margin_days)
    return value < (first - timedelta(days=margin)).isoformat()


def _published_by(doc: AnnotatedDocument, as_of: date | None) -> bool:
    value = doc.document.published.value
    return as_of is None or (value is not None and value <= as_of)


def _within(day: str, since: date | None, as_of: date | None) -> bool:
    # compare at the date's own precision: "2024-07" is within since=2024-07-15
    if since is not None and day < since.isoformat()[: len(day)]:
        return False
    return as_of is None or day <= as_of.isoformat()[: len(day)]


def story_timeline(
    store,
    story: str | None = None,
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
) -> Timeline:
    """The timeline of a stored story or topic (the largest topic when `story` is None).

    The whole timeline of a story as of now is computed when the story is relinked
    and read back here; other views, and a topic's (every story's articles), are
    built from the articles.
    """
    from dateline.views.stories import resolve_story, scope_candidates

    found = resolve_story(store, story)
    if found.is_topic:
        return scope_candidates(store, found, as_of).timeline(as_of=as_of, max_dates=max_dates,
                                                              per_date=per_date, since=since)
    if as_of is None and max_dates is None and per_date is None and since is None:
        kept = store.story_view(found.id, TIMELINE_VIEW)
        if kept is not None:
            return timeline_from_json(kept)
    return timeline_from_store(store, found.id, found.title, as_of=as_of, max_dates=max_dates,
                               per_date=per_date, since=since)


def timeline_from_store(
    store,
    story: str,
    title: str,
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
) -> Timeline:
    """A story's timeline built from the placed sentences each article stored at ingest."""
    return candidates_from_store(store, story, title, as_of).timeline(
        as_of=as_of, max_dates=max_dates, per_date=per_date, since=since)


@dataclass(frozen=True)
class Candidates:
    """A story's timeline candidates as stored at ingest: each article's publication day
    and placed sentences. Read once, they give the timeline as of any date."""

    story: str
    title: str
    articles: tuple[tuple[date | None, tuple[Placed, ...]], ...]

    def timeline(
        self,
        *,
        as_of: date | None = None,
        max_dates: int | None = None,
        per_date: int | None = None,
        since: date | None = None,
    ) -> Timeline:
        rows = [(day, placed) for day, placed in self.articles if as_of is None or (day is not None and day <= as_of)]
        return timeline_from_placed(self.story, self.title, [p for _, placed in rows for p in placed],
                                    [day for day, _ in rows], as_of=as_of, max_dates=max_dates,
                                    per_date=per_date, since=since)


def candidates_from_store(store, story: str, title: str, as_of: date | None = None) -> Candidates:
    """The candidates of the articles published by `as_of` (all when None)."""
    rows = store.timeline_candidates(story, as_of)
    return Candidates(story, title, tuple((day, tuple(placed_from_json(i) for i in items)) for day, items in rows))


TIMELINE_VIEW = "timeline"


def timeline_from_json(data: dict) -> Timeline:
    return Timeline(data["story"], data["title"], parse_day(data["as_of"]), _entries_from_json(data["entries"]),
                    _entries_from_json(data.get("background", [])), parse_day(data.get("period_start")))


def _entries_from_json(items: list[dict]) -> tuple[TimelineEntry, ...]:
    return tuple(
        TimelineEntry(
            e["date"], e["text"], tuple(e["documents"]), tuple(citation_from_json(c) for c in e["citations"]),
            e.get("basis"), e.get("expression"), e.get("reason"), e.get("sources", 0),
        )
        for e in items
    )
