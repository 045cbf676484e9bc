"""The briefing: the state of a story as of a date, every statement cited.

It holds what was published by then: how many articles and outlets, each
fact's current value with its reason and history, the open disputes, and the
latest timeline entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.jsonable import parse_day
from dateline.link.facts import with_current
from dateline.model import Fact, TimelineEntry
from dateline.store import Store
from dateline.views.stories import resolve_story
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


def brief(
    store: Store, story: str | None = None, *, as_of: date | None = None, timeline: Timeline | None = None
) -> Briefing:
    """The briefing; `timeline` is the story's timeline as of the same date when the caller has it already."""
    found = resolve_story(store, story)
    docs = store.document_meta(found.id).values()
    days = [parse_day(d["published"]) for d in docs]
    visible = [d for d, day in zip(docs, days) if as_of is None or (day or date.max) <= as_of]
    facts = tuple(
        f for f in (with_current(f, as_of) for f in store.facts(found.id)) if f.values
    )
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
    )
