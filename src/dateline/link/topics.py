"""Groups stories into topics: the strands of news one subject is followed in for months.

A story is one strand (ECB+ needs them that fine: a quake, and another quake of
the same kind, are two stories), so a developing subject followed for months (a
pandemic, a financial crisis) falls into many stories by date and by angle. A
topic groups them, so a view can cover the whole subject.

Each story is read as the plain words of its signature (entity names left out: a
head of state or a country is named in every subject he speaks on), each word
weighted by how few stories hold it, so "said" or "percent" count for little. A
topic's centroid is the sum of its stories' unit vectors: every story counts
once, so one large story does not drown the side strands that still belong to
the subject. A story joins the topic whose centroid is most similar, at cosine
`TopicRules.join` or more, when its span of publication days lies within
`TopicRules.grace_days` of the topic's (a subject goes on while it is reported);
otherwise it starts a topic.

`group_stories` regroups every story (largest first, so the main strands found
the topics and side strands join them); `TopicIndex.place` is the incremental
rule that puts one new or changed story into the existing topics. Facts of one
topic's stories that ask the same question are one fact (`merge_facts`).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from dateline.link.current import with_current
from dateline.link.facttypes.base import SAME_TIME_DAYS
from dateline.link.titles import topic_titles
from dateline.model import Fact, FactValue, Story

CENTROID_TERMS = 1000  # a topic's centroid keeps its heaviest terms: enough for dozens of stories


@dataclass(frozen=True)
class TopicRules:
    """When a story joins a topic: cosine `join` or more with its centroid, and a span of publication days
    within `grace_days` of the topic's (a story that far from every story of a topic is another subject,
    or its sequel)."""

    join: float = 0.05
    grace_days: int = 60
    size_slope: float = 1.0

    def needed(self, size: int, topic_size: int) -> float:
        """The cosine a story of `size` articles needs to join a topic of `topic_size`: `join`, raised by
        `size_slope` x log10 of the smaller of the two. The centroids of two strands each reported by many
        articles share the common vocabulary of news and read closer than a single article does to its
        own subject."""
        return self.join * (1.0 + self.size_slope * math.log10(max(1, min(size, topic_size))))


@dataclass(frozen=True)
class StoryProfile:
    """What grouping needs of a story: its signature, size and span of publication days."""

    id: str
    signature: Mapping[str, float]
    size: int
    span: tuple[date, date] | None = None


@dataclass(frozen=True)
class Topic:
    """A group of stories on one subject, largest story first; `title` is its largest story's title."""

    id: str
    title: str
    stories: tuple[Story, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted(d for s in self.stories for d in s.documents))


@dataclass(frozen=True)
class Placement:
    story_id: str
    topic_id: str
    similarity: float
    new_topic: bool


@dataclass
class _Group:
    summed: dict[str, float] = field(default_factory=dict)  # the stories' unit vectors, added up
    centroid: dict[str, float] = field(default_factory=dict)  # the same, unit length
    span: tuple[date, date] | None = None
    members: list[str] = field(default_factory=list)
    size: int = 0  # articles


class TopicIndex:
    """Topics under construction over a fixed set of story profiles (word rarity is counted over them)."""

    def __init__(self, profiles: Iterable[StoryProfile], rules: TopicRules = TopicRules()) -> None:
        self.rules = rules
        self.profiles = {p.id: p for p in profiles}
        held = Counter(t for p in self.profiles.values() for t in p.signature if _is_word(t))
        n = len(self.profiles)
        self._rarity = {t: math.log((n + 1) / (c + 0.5)) for t, c in held.items()}
        self._groups: dict[str, _Group] = {}

    def add_topic(self, topic_id: str, story_ids: Iterable[str]) -> None:
        """An existing topic and its stories, as stored."""
        group = self._groups.setdefault(topic_id, _Group())
        for story_id in story_ids:
            if story_id in self.profiles:
                self._join(group, self.profiles[story_id])

    def place(self, story_id: str) -> Placement:
        """Put one story into the most similar topic that may take it, or into a new topic."""
        profile = self.profiles[story_id]
        vector = self.vector(profile)
        best_id, best = None, 0.0
        for topic_id, group in self._groups.items():
            gap = _span_gap(group.span, profile.span)
            if gap is not None and gap > self.rules.grace_days:
                continue
            score = _cosine(vector, group.centroid)
            if score > best and score >= self.rules.needed(profile.size, group.size):
                best_id, best = topic_id, score
        if best_id is None:
            best_id, best = topic_id_for(story_id), 1.0
            self._groups[best_id] = _Group()
            self._join(self._groups[best_id], profile)
            return Placement(story_id, best_id, best, True)
        self._join(self._groups[best_id], profile)
        return Placement(story_id, best_id, best, False)

    def topics(self) -> dict[str, list[str]]:
        return {topic_id: list(g.members) for topic_id, g in self._groups.items() if g.members}

    def vector(self, profile: StoryProfile) -> dict[str, float]:
        """The story's plain words, weighted by rarity among the stories, unit length."""
        return _normalise({t: w * self._rarity.get(t, 0.0) for t, w in profile.signature.items() if _is_word(t)})

    def _join(self, group: _Group, profile: StoryProfile) -> None:
        summed = Counter(group.summed)
        summed.update(self.vector(profile))
        group.members.append(profile.id)
        group.size += profile.size
        group.summed = dict(summed.most_common(CENTROID_TERMS))
        group.centroid = _normalise(group.summed)
        if profile.span is not None:
            first, last = profile.span
            group.span = (first, last) if group.span is None else (min(group.span[0], first), max(group.span[1], last))


def group_stories(profiles: Iterable[StoryProfile], rules: TopicRules = TopicRules()) -> dict[str, str]:
    """Every story's topic (story id -> topic id), regrouped from scratch: largest stories first."""
    profiles = list(profiles)
    index = TopicIndex(profiles, rules)
    ordered = sorted(profiles, key=lambda p: (-p.size, p.span[0] if p.span else date.max, p.id))
    return {p.id: index.place(p.id).topic_id for p in ordered}


def place_stories(profiles: Iterable[StoryProfile], topics: Mapping[str, Sequence[str]],
                  new: Iterable[str], rules: TopicRules = TopicRules()) -> dict[str, str]:
    """The incremental rule: stories `new` (in no topic yet, or changed) placed into the stored
    `topics` (topic id -> story ids; stories no longer in `profiles` are skipped), largest first;
    returns story id -> topic id for the stories placed."""
    index = TopicIndex(profiles, rules)
    new = [s for s in new if s in index.profiles]
    waiting = set(new)
    for topic_id, story_ids in topics.items():
        index.add_topic(topic_id, [s for s in story_ids if s not in waiting])
    ordered = sorted(new, key=lambda s: (-index.profiles[s].size, s))
    return {s: index.place(s).topic_id for s in ordered}


def topic_id_for(story_id: str) -> str:
    """A topic's id, from the story that founded it: stable while that story's articles stay."""
    return "topic-" + hashlib.sha1(story_id.encode()).hexdigest()[:8]


# --- the stored topics ----------------------------------------------------------------------


def story_profiles(store) -> list[StoryProfile]:
    """Every stored story's profile for grouping."""
    return [StoryProfile(story_id, signature, size, _span(first, last))
            for story_id, signature, size, first, last in store.story_profiles()]


def regroup(store, rules: TopicRules = TopicRules()) -> dict[str, str]:
    """Group every stored story into topics again (after `restory`); returns story id -> topic id
    (nothing, in a database whose schema has no topics yet: every story stands alone)."""
    if not store.has_topics():
        return {}
    topic_of = group_stories(story_profiles(store), rules)
    store.save_topics(topic_of, topic_titles(store, topic_of))
    return topic_of


def place_new_stories(store, rules: TopicRules = TopicRules()) -> dict[str, str]:
    """The incremental rule over a store: stories in no topic yet (new since the last grouping, or
    made by joining two stories) are placed into the stored topics; returns story id -> topic id
    for every story. A store never grouped is grouped from scratch."""
    if not store.has_topics():
        return {}
    current = store.story_topics()
    if current and all(topic is None for topic in current.values()):
        return regroup(store, rules)
    waiting = [story for story, topic in current.items() if topic is None]
    if not waiting:
        return {story: topic for story, topic in current.items() if topic}
    stored: dict[str, list[str]] = defaultdict(list)
    for story, topic in current.items():
        if topic is not None:
            stored[topic].append(story)
    placed = place_stories(story_profiles(store), stored, waiting, rules)
    topic_of = {story: topic for story, topic in current.items() if topic} | placed
    store.save_topics(placed, topic_titles(store, topic_of))
    return topic_of


def _span(first: str | None, last: str | None) -> tuple[date, date] | None:
    return (date.fromisoformat(first[:10]), date.fromisoformat(last[:10])) if first and last else None


# --- one fact across the stories of a topic -----------------------------------------------


def merge_facts(facts: Iterable[Fact], topic_id: str) -> list[Fact]:
    """The facts of a topic's stories, those asking the same question (same type and scope, so the
    same question) merged into one: their values joined by value, the relation of each value to the
    values known before it read again across stories, and the current value recomputed by
    `with_current`. Facts of one story only are kept as they are; the most widely reported come first."""
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact_key(fact)].append(fact)
    merged = [group[0] if len(group) == 1 else _merged(group, topic_id) for group in groups.values()]
    return sorted(merged, key=lambda f: (-_reach(f), f.question))


def fact_key(fact: Fact) -> tuple[str, str]:
    """What a fact asks: its type and its question, which is worded from its scope (place, group, event)."""
    return (fact.type, " ".join(fact.question.lower().split()))


def _merged(group: list[Fact], topic_id: str) -> Fact:
    values: dict[tuple[str, str], FactValue] = {}
    for value in sorted((v for f in group for v in f.values), key=_first):
        key = (value.kind, value.value)
        values[key] = _join_values(values[key], value) if key in values and value.relation != "deny" else value
    replayed = _relate(sorted(values.values(), key=_first))
    first = group[0]
    fact_id = "fact-" + hashlib.sha1(f"{topic_id}|{'|'.join(fact_key(first))}".encode()).hexdigest()[:10]
    fact = replace(first, id=fact_id, story=topic_id, values=tuple(replayed),
                   cumulative=any(f.cumulative for f in group))
    return with_current(fact, as_of=None)


def _join_values(a: FactValue, b: FactValue) -> FactValue:
    """One value reported in two stories: its reports together, the earlier first report kept."""
    keys = dict(zip(a.documents, a.source_keys)) | dict(zip(b.documents, b.source_keys))
    documents = tuple(dict.fromkeys(a.documents + b.documents))
    citations = tuple(sorted(a.citations + b.citations, key=lambda c: (c.published or date.max, c.document)))
    return replace(
        a,
        documents=documents,
        outlets=tuple(dict.fromkeys(a.outlets + b.outlets)),
        citations=citations,
        speakers=tuple(dict.fromkeys(a.speakers + b.speakers)),
        hedged=a.hedged and b.hedged,
        strong=a.strong or b.strong,
        strong_documents=tuple(dict.fromkeys(a.strong_documents + b.strong_documents)),
        unhedged_documents=tuple(dict.fromkeys(a.unhedged_documents + b.unhedged_documents)),
        source_keys=tuple(keys[d] for d in documents) if a.source_keys and b.source_keys else (),
        contradicts=tuple(dict.fromkeys(a.contradicts + b.contradicts)),
    )


def _relate(values: list[FactValue]) -> list[FactValue]:
    """Each story's first value read against the values of the stories before it: a value first
    reported later than every report of the standing ones updates them, else it contradicts them.
    (Relations within one story were set by the ledger and stand.)"""
    out: list[FactValue] = []
    for v in values:
        standing = [o for o in out if o.relation != "deny"]
        if v.relation == "first" and standing:
            latest = max((c.published or date.min for o in standing for c in o.citations), default=date.min)
            later = v.first_reported is not None and (v.first_reported - latest).days > SAME_TIME_DAYS
            rivals = tuple(dict.fromkeys(o.value for o in standing))
            v = replace(v, relation="update") if later else replace(v, relation="contradict", contradicts=rivals)
        out.append(v)
    return out


def _first(v: FactValue) -> tuple[date, str]:
    return (v.first_reported or date.max, v.value)


def _reach(fact: Fact) -> int:
    return len({k for v in fact.values for k in (v.source_keys or v.outlets)})


# --- helpers ------------------------------------------------------------------------------


def _is_word(term: str) -> bool:
    return not term.startswith("@")


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _normalise(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _span_gap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int | None:
    if a is None or b is None:
        return None
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
