"""Event mentions, linked across documents into events.

An event mention is a trigger (the verb or event noun), its participants, and
the place and time it is stated with. Mentions become one event when they are
in the same story, their triggers name the same kind of happening, and they
are not stated on two different days. So "the announcement on Friday" and "the
September 27 announcement" join when Friday is September 27, while two
earthquakes in two stories stay two events.

The kind of a trigger (`event_kind`) is its lemma, singular, stripped of
nominal suffixes ("announcement" and "announced" are one kind), then looked up
in a small hand-written lexicon of news synonyms ("quake", "earthquake" and
"temblor"; "killed", "died" and "death"); callers may pass predicate classes
that widen or override it. Reporting and light verbs ("say", "tell", "make")
link to nothing: two "said" are two sayings, even in one article.

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

# Words news uses for the same happening, by the kind they share. A death is
# reported as "killed", "died" or "dead" about one event, so those are one kind.
_SYNONYMS = {
    "die": "die death dead decease perish fatality kill slay slaying murder homicide assassinate assassination",
    "quake": "quake earthquake temblor tremor",
    "arrest": "arrest detain detention apprehend nab capture custody",
    "charge": "charge indict indictment accuse",
    "dismiss": "dismiss dismissal sack fire oust ouster axe",
    "resign": "resign resignation quit",
    "acquire": "acquire acquisition buy purchase takeover",
    "win": "win victory triumph",
    "defeat": "defeat beat",
    "injure": "injure injury wound hurt",
    "crash": "crash collision collide",
    "explode": "explode explosion blast detonate detonation",
    "bomb": "bomb bombing",
    "flee": "flee escape",
    "sue": "sue lawsuit",
    "marry": "marry marriage wed wedding",
    "meet": "meet meeting talks",
    "rob": "rob robbery heist",
    "blaze": "blaze fire",
    "shoot": "shoot shooting shot gunfire",
    "release": "release unveil launch",
    "find": "find discover discovery",
    "hit": "hit strike",
    "attack": "attack assault",
    "destroy": "destroy destruction",
    "nominate": "nominate nomination nominee",
    "appoint": "appoint appointment hire name",
    "convict": "convict conviction",
}
_LEXICON = {word: kind for kind, words in _SYNONYMS.items() for word in words.split()}
# Kinds that say who reported what, or carry no happening of their own: each mention is its own event.
_UNLINKED = frozenset(
    "say tell report state add claim note according accord be have do make take get give go come put".split()
)


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


def mention_from_json(data: dict) -> EventMention:
    """An EventMention back from its stored JSON form."""
    return EventMention(**{**data, "participants": tuple(data["participants"])})


def mentions_from_claims(ad: AnnotatedDocument) -> tuple[EventMention, ...]:
    """The event mentions of an annotated document: one per claim, with its roles."""
    out = []
    for c in ad.claims:
        who = tuple(p for p in (c.subject, c.object) if p)
        lemma = c.predicate.lower().split()[-1] if c.predicate else ""
        out.append(EventMention(ad.document.id, c.start, c.end, c.predicate, lemma, who, c.place, c.time))
    return tuple(out)


def event_kind(lemma: str, classes: Mapping[str, str] | None = None) -> str:
    """The key mentions must share to corefer: the class `classes` or the synonym
    lexicon names for the lemma, else the lemma made singular and stripped of
    nominal suffixes ("fire" is a blaze unless `classes` says otherwise)."""
    word = _singular(lemma.lower())
    known = _lookup(word, classes)
    if known:
        return known
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            return next(filter(None, (_lookup(c, classes) for c in (stem, stem + "e"))), stem)
    return word


def _lookup(word: str, classes: Mapping[str, str] | None) -> str | None:
    return (classes or {}).get(word) or _LEXICON.get(word)


def _singular(word: str) -> str:
    """Undoes a plural the lemmatiser left ("checks", "injuries"); keeps "crisis", "news"."""
    if word in _LEXICON or len(word) <= 4 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _match_key(kind: str) -> str:
    """`kind` without a final "e", so a stripped "driv(ing)" meets "drive"."""
    return kind[:-1] if kind.endswith("e") and len(kind) > 3 else kind


def link_events(
    mentions: Iterable[EventMention],
    *,
    stories: Mapping[str, str] | None = None,
    classes: Mapping[str, str] | None = None,
) -> tuple[Event, ...]:
    """Group mentions into events; `stories` maps doc id -> story (one story when None).

    Linear in the mentions times the open events of their kind: each event keeps
    the set of days its mentions state, which is all a new mention is checked against.
    """
    open_events: dict[tuple[str, str], list[_Open]] = defaultdict(list)
    order: list[_Open] = []
    for m in mentions:
        kind = event_kind(m.lemma, classes)
        story = stories.get(m.doc_id, m.doc_id) if stories is not None else ""
        scope = f"{m.doc_id}:{m.start}" if kind in _UNLINKED else story
        bucket = open_events[(scope, _match_key(kind))]
        home = next((e for e in bucket if e.admits(m)), None)
        if home is None:
            home = _Open([], set())
            bucket.append(home)
            order.append(home)
        home.add(m)
    return tuple(_event(e.mentions, classes) for e in order)


def compatible(a: EventMention, b: EventMention) -> bool:
    """False when the two mentions are stated on two different days."""
    if a.time is None or b.time is None:
        return True
    return not (_DAY.match(a.time) and _DAY.match(b.time) and a.time != b.time)


@dataclass
class _Open:
    """An event being built: its mentions and the explicit days they state."""

    mentions: list[EventMention]
    days: set[str]

    def admits(self, m: EventMention) -> bool:
        """True when `m` is compatible with every mention so far (see `compatible`)."""
        return not (m.time and _DAY.match(m.time)) or self.days <= {m.time}

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        if m.time and _DAY.match(m.time):
            self.days.add(m.time)


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
