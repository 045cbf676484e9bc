"""Event mentions, linked across documents into events.

An event mention is a trigger (the verb or event noun), its participants, and
the place and time it is stated with. Mentions become one event when they are
in the same story, their triggers name the same kind of happening (the same
lemma once nominal suffixes are stripped: "announcement" and "announced" are
one kind; callers may pass predicate classes to widen a kind, e.g. "statement"
with "announcement"), and they are not stated on two different days. So "the
announcement on Friday" and "the September 27 announcement" join when Friday
is September 27, while two earthquakes in two stories stay two events.

Places and participants are kept on each event but do not split mentions: on
ECB+ both constraints cost CoNLL F1 (see docs/stories.md), because a
sentence's first place or its named people are often not the event's.

Linking is greedy and incremental: each mention joins the first compatible
event of its kind or starts one, so adding documents never reorders what was
linked before.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dateline.model import AnnotatedDocument

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SUFFIXES = ("ments", "ment", "ations", "ation", "ions", "ion", "als", "al", "ings", "ing")


@dataclass(frozen=True)
class EventMention:
    doc_id: str
    start: int
    end: int
    trigger: str  # the text of the trigger as written
    lemma: str  # its lemma, lower case
    participants: tuple[str, ...] = ()  # canonical names of who or what took part
    place: str | None = None
    time: str | None = None  # TIMEX3 value at its stated precision


@dataclass(frozen=True)
class Event:
    id: str
    kind: str  # the shared key of its triggers
    mentions: tuple[EventMention, ...]
    time: str | None
    place: str | None
    participants: tuple[str, ...]


def mentions_from_claims(ad: AnnotatedDocument) -> tuple[EventMention, ...]:
    """The event mentions of an annotated document: one per claim, with its roles."""
    out = []
    for c in ad.claims:
        who = tuple(p for p in (c.subject, c.object) if p)
        lemma = c.predicate.lower().split()[-1] if c.predicate else ""
        out.append(EventMention(ad.document.id, c.start, c.end, c.predicate, lemma, who, c.place, c.time))
    return tuple(out)


def event_kind(lemma: str, classes: Mapping[str, str] | None = None) -> str:
    """The key mentions must share to corefer: the predicate class when `classes`
    names one, else the lemma stripped of nominal suffixes."""
    classes = classes or {}
    word = lemma.lower()
    if word in classes:
        return classes[word]
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            for candidate in (stem, stem + "e"):
                if candidate in classes:
                    return classes[candidate]
            return stem
    return word


def link_events(
    mentions: Iterable[EventMention],
    *,
    stories: Mapping[str, str] | None = None,
    classes: Mapping[str, str] | None = None,
) -> tuple[Event, ...]:
    """Group mentions into events; `stories` maps doc id -> story (one story when None)."""
    open_events: dict[tuple[str, str], list[list[EventMention]]] = defaultdict(list)
    order: list[list[EventMention]] = []
    for m in mentions:
        story = stories.get(m.doc_id, m.doc_id) if stories is not None else ""
        bucket = open_events[(story, event_kind(m.lemma, classes))]
        home = next((e for e in bucket if all(compatible(m, other) for other in e)), None)
        if home is None:
            home = []
            bucket.append(home)
            order.append(home)
        home.append(m)
    return tuple(_event(group, classes) for group in order)


def compatible(a: EventMention, b: EventMention) -> bool:
    """False when the two mentions are stated on two different days."""
    if a.time is None or b.time is None:
        return True
    return not (_DAY.match(a.time) and _DAY.match(b.time) and a.time != b.time)


def _event(group: list[EventMention], classes: Mapping[str, str] | None) -> Event:
    first = group[0]
    key = f"{first.doc_id}:{first.start}"
    times = [m.time for m in group if m.time]
    places = Counter(m.place for m in group if m.place)
    who = Counter(p for m in group for p in m.participants)
    return Event(
        id="event-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        kind=event_kind(first.lemma, classes),
        mentions=tuple(group),
        time=max(times, key=len) if times else None,
        place=places.most_common(1)[0][0] if places else None,
        participants=tuple(p for p, _ in who.most_common()),
    )
