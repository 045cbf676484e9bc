"""The briefing: the state of a story as of a date, every statement cited.

It holds what was published by then: how many articles from which outlets
(articles no outlet is known for are counted apart, never named by id), each
fact's current value with its reason and history, the open disputes, and the
latest timeline entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dateline.jsonable import parse_day
from dateline.link.facts import with_current
from dateline.model import Fact, TimelineEntry
from dateline.store import Store
from dateline.views.stories import resolve_story, scope_facts, scope_meta
from dateline.views.timeline import Timeline, story_timeline

LATEST_ENTRIES = 8
SHOWN_FACTS = 12  # a briefing's text lists the most reported facts; the ledger has them all


@dataclass(frozen=True)
class Briefing:
    story: str
    title: str
    as_of: date | None
    documents: int
    outlets: tuple[str, ...]
    undated: int
    facts: tuple[Fact, ...]
    disputed: tuple[Fact, ...]
    latest: tuple[TimelineEntry, ...]
    unknown_outlet: int = 0  # articles no metadata, URL, credit or masthead names an outlet for
    outlet_articles: tuple[tuple[str, int], ...] = ()  # (outlet, articles), most first
    guessed: int = 0  # articles whose date was borrowed from others or inferred with low confidence


def brief(
    store: Store, story: str | None = None, *, as_of: date | None = None, timeline: Timeline | None = None
) -> Briefing:
    """The briefing; `timeline` is the story's timeline as of the same date when the caller has it already."""
    found = resolve_story(store, story)  # a story, or a topic: every story of it
    docs = scope_meta(store, found).values()
    days = [parse_day(d["published"]) for d in docs]
    visible = [d for d, day in zip(docs, days) if as_of is None or (day or date.max) <= as_of]
    facts = tuple(sorted(
        (f for f in (with_current(f, as_of) for f in scope_facts(store, found)) if f.values), key=analyst_order
    ))
    timeline = timeline or story_timeline(store, found.id, as_of=as_of)
    return Briefing(
        story=found.id,
        title=found.title,
        as_of=as_of,
        documents=len(visible),
        outlets=tuple(sorted({d["outlet"] for d in visible if d["outlet"]})),
        undated=sum(1 for day in days if day is None),
        facts=facts,
        disputed=tuple(f for f in facts if f.disputed),
        latest=timeline.entries[-LATEST_ENTRIES:],
        unknown_outlet=sum(1 for d in visible if not d["outlet"]),
        outlet_articles=outlet_counts(d["outlet"] for d in visible),
        guessed=sum(1 for d in visible if d["published"] and _guessed(d)),
    )


def _guessed(meta: dict) -> bool:
    """A date the article does not state: borrowed from other articles, or inferred with low confidence."""
    return meta["published_method"] == "corpus" or (
        meta["published_method"] == "inferred" and (meta["published_confidence"] or 0) < 0.5)


def analyst_order(fact: Fact) -> tuple:
    """What an analyst reads first: the questions most independent sources report, then those whose answer
    changed most often, then the disputed ones."""
    sources = {k for v in fact.values for k in (v.source_keys or v.outlets)}
    changes = sum(1 for v in fact.values if v.relation in ("update", "contradict", "deny"))
    return (-len(sources), -changes, not fact.disputed, fact.question)


def outlet_counts(outlets: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    """(outlet, articles) for the named outlets, most articles first; articles without one are left out."""
    counts = Counter(o for o in outlets if o)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
