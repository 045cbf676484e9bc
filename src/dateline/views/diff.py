"""What changed between two dates: new articles, new facts, changed values,
new disputes and new timeline entries, each with citations."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dateline.errors import QueryError
from dateline.jsonable import parse_day
from dateline.link.current import with_current
from dateline.model import Fact, FactValue, TimelineEntry
from dateline.store import Store
from dateline.views.stories import resolve_story, scope_facts, scope_meta
from dateline.views.timeline import story_timeline

CHANGES = ("update", "contradict", "deny", "elaborate")
PREVIOUS_CITATIONS = 3  # earlier values are context: their full sourcing is in the ledger


@dataclass(frozen=True)
class ValueChange:
    fact: str
    question: str
    value: FactValue
    previous: tuple[FactValue, ...]  # as they stood on `since`, each with its first citations only


@dataclass(frozen=True)
class Diff:
    story: str
    title: str
    since: date
    until: date | None
    new_documents: tuple[str, ...]
    new_facts: tuple[Fact, ...]
    changed: tuple[ValueChange, ...]
    new_disputes: tuple[ValueChange, ...]
    new_entries: tuple[TimelineEntry, ...]


def diff(store: Store, *, since: date, until: date | None = None, story: str | None = None) -> Diff:
    if until is not None and until < since:
        raise QueryError(f"--until {until.isoformat()} is before --since {since.isoformat()}: nothing can change "
                         "in that window; swap the two dates")
    found = resolve_story(store, story)  # a story, or a topic: every story of it (the largest topic by default)
    meta = scope_meta(store, found)
    new_docs = tuple(i for i, d in meta.items() if _within(parse_day(d["published"]), since, until))
    new_facts, changed = [], []
    for fact in scope_facts(store, found):
        fresh = [v for v in fact.values if _within(v.first_reported, since, until)]
        # the earlier values as they stood on `since`: their later reports belong to the window
        before = tuple(
            replace(v, citations=v.citations[:PREVIOUS_CITATIONS])
            for v in with_current(fact, since).values if v.first_reported and v.first_reported <= since
        )
        if fresh and not before:
            new_facts.append(fact)
        changed.extend(ValueChange(fact.id, fact.question, v, before) for v in fresh if before and v.relation in CHANGES)
    timeline = story_timeline(store, found.id, as_of=until)
    entries = tuple(e for e in timeline.entries if _new_event(e, since, until))
    disputes = tuple(c for c in changed if c.value.relation in ("contradict", "deny") or c.value.contradicts)
    return Diff(found.id, found.title, since, until, new_docs, tuple(new_facts), tuple(changed), disputes, entries)


def _new_event(entry: TimelineEntry, since: date, until: date | None) -> bool:
    """An event on or after `since` at its own precision ("2024-09" counts from 2024-09-01)
    that an article published in the window reports."""
    on_or_after = entry.date >= since.isoformat()[: len(entry.date)]
    reported = any(_within(c.published, since, until) for c in entry.citations)
    return on_or_after and reported


def _within(day: date | None, since: date, until: date | None) -> bool:
    return day is not None and day > since and (until is None or day <= until)
