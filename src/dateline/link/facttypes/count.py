"""Counts: "How many people were killed in Haiti?", "How many US troops are in Iraq?".

Value: a number, with its bound ("at least 300") in `bound`. Scope: what is
counted (the group: the killed, the injured and the missing are separate
questions), and the place written with the count, else the one place its
sentence names, else "worldwide" when the sentence says so; an unplaced count
takes the story's usual place later (link/facts.py). Units, scales and vague
amounts ("tonnes", "thousands") are never the thing counted; phone numbers and
years are not counts. Relation: a cumulative count (the dead, cases, the
displaced...) follows `base.ordered_relation`; a level (troops) the general rule.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.annotate.claims import predicate_classes
from dateline.link.facttypes.base import citation, entities_in, lexicon, ordered_relation, words_pattern
from dateline.link.observations import Observation, Source, count_event, count_wording, from_quantity
from dateline.model import AnnotatedDocument, Quantity
from dateline.resources import load_table

NEAR = 80  # characters either side of a count where "worldwide" may be written
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class CountType:
    name: str = "count"
    value_kind: str = "quantity"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        classes = predicate_classes()
        for q in annotated.quantities:
            if not _countable(q, annotated):
                continue
            claim = min((c for c in annotated.claims if c.start <= q.start and q.end <= c.end),
                        key=lambda c: c.end - c.start, default=None)
            event = count_event(q, claim, classes)
            obs = from_quantity(q, source, citation(annotated, q.start, q.end), event)
            if obs:
                yield replace(obs, place=_place(q, obs, annotated), cumulative=_cumulative(obs))

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, qualifier = key
        topic = as_written(topic, observations)
        verb = count_wording(qualifier)
        if place == "worldwide":
            return f"How many {topic} {verb.removesuffix(' in')} worldwide?"
        if place:
            return f"How many {topic} {verb} {place}?"
        return f"How many {topic} {verb.removesuffix(' in')}?" if qualifier else f"How many {topic}?"

    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        return ordered_relation(standing, new)


TYPE = CountType()


def _countable(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """Not a unit, a scale or a vague amount; not a year or a phone number."""
    words = lexicon()["count"]
    counted = (q.counts or "").lower()
    if counted in words["not_counted"] or counted.split()[-1:] in ([w] for w in words["not_counted"]):
        return False
    if not _DIGIT.search(q.text) and set(q.text.lower().replace("-", " ").split()) <= _vague_words():
        return False  # "thousands", "half a dozen": vague, not a figure anyone reported
    if _YEAR.fullmatch(q.text.strip()):
        return False
    before = annotated.document.text[max(0, q.start - 12):q.start].lower().split()
    return not (before and before[-1] in words["not_a_count_before"])


@functools.lru_cache(maxsize=1)
def _vague_words() -> frozenset[str]:
    vague = load_table("quantities")["numbers"]["vague"]
    return frozenset(vague) | {"a", "an", "half", "of", "dozen", "score", "some", "several", "few", "many", "tens"}


def _place(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> str | None:
    """The place written with the count; else worldwide when the sentence says so; else the one place
    the sentence names."""
    words = lexicon()["count"]
    if q.where:
        return q.where
    text = annotated.document.text
    near = text[max(obs.citation.start, q.start - NEAR):min(obs.citation.end, q.end + NEAR)]
    if obs.topic in words["worldwide_topics"] or words_pattern(words["worldwide_words"]).search(near):
        return "worldwide"
    if not _cumulative(obs):
        return None  # a level ("US troops") often names its owner's country beside it, not its place
    named = set(obs.topic.replace(".", "").split())  # "US personnel": the United States is whose, not where
    places = {e.canonical for e in entities_in(annotated, obs.citation.start, obs.citation.end, ("GPE",))
              if e.text.replace(".", "").lower() not in named and e.canonical.lower() not in named}
    return places.pop() if len(places) == 1 else None


def _cumulative(obs: Observation) -> bool:
    words = lexicon()["count"]
    return obs.qualifier in words["cumulative_events"] or obs.topic.split()[-1:] in (
        [w] for w in words["cumulative_topics"])


_ABBREVIATIONS = frozenset({"us", "uk", "un", "eu"})


def as_written(topic: str, observations: Sequence[Observation]) -> str:
    """The topic as the reports write it most ("US troops"; the ledger groups it in lower case)."""
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, topic.split())) + r"\b", re.IGNORECASE)
    written = Counter(m.group() for o in observations for m in pattern.finditer(o.citation.text))
    if written:
        return written.most_common(1)[0][0]
    return " ".join(w.upper() if w in _ABBREVIATIONS else w for w in topic.split())  # "U.S. troops" -> "us troops"
