"""The briefing: the state of a story as of a date, every statement cited.

It holds what was published by then: how many articles and outlets, each
fact's current value with its reason and history, the open disputes, and the
latest timeline entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.link.facts import with_current
from dateline.model import Fact, TimelineEntry
from dateline.store import Store
from dateline.views.stories import TIMELINE_LAYERS, resolve_story, story_documents
from dateline.views.timeline import build_timeline

LATEST_ENTRIES = 8


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


def brief(store: Store, story: str | None = None, *, as_of: date | None = None) -> Briefing:
    found = resolve_story(store, story)
    docs = story_documents(store, found, TIMELINE_LAYERS)
    visible = [d for d in docs if as_of is None or (d.document.published.value or date.max) <= as_of]
    facts = tuple(
        f for f in (with_current(f, as_of) for f in store.facts(found.id)) if f.values
    )
    timeline = build_timeline(found.id, found.title, docs, as_of=as_of)
    return Briefing(
        story=found.id,
        title=found.title,
        as_of=as_of,
        documents=len(visible),
        outlets=tuple(sorted({d.document.outlet for d in visible if d.document.outlet})),
        undated=sum(1 for d in docs if d.document.published.value is None),
        facts=facts,
        disputed=tuple(f for f in facts if f.disputed),
        latest=timeline.entries[-LATEST_ENTRIES:],
    )
