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
from dateline.link.facttypes.base import OnScale, citation, entities_in, lexicon, words_pattern
from dateline.link.observations import Observation, Source, count_event, count_wording, from_quantity
from dateline.model import AnnotatedDocument, Quantity
from dateline.resources import load_table

NEAR = 80  # characters either side of a count where "worldwide" may be written
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class CountType(OnScale):
    name: str = "count"
    value_kind: str = "quantity"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        classes = predicate_classes()
        for q in annotated.quantities:
            q = _toll(q, annotated)
            if not _countable(q, annotated):
                continue
            claim = min((c for c in annotated.claims if c.start <= q.start and q.end <= c.end),
                        key=lambda c: c.end - c.start, default=None)
            event = count_event(q, claim, classes)
            obs = from_quantity(q, source, citation(annotated, q.start, q.end), event)
            if obs is None or not _counts_a_group(q, obs):
                continue
            cumulative = _cumulative(obs)
            if cumulative and _background(annotated, obs, source):
                continue  # "the 1946 tsunami killed 2,000": another event's toll, history
            obs = replace(obs, place=_place(q, obs, annotated), cumulative=cumulative, **_sourcing(annotated, q, obs))
            yield _range_top(q, obs) if cumulative else obs

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, qualifier = key
        topic = as_written(topic, observations)
        verb = count_wording(qualifier)
        if place == "worldwide":
            return f"How many {topic} {verb.removesuffix(' in')} worldwide?"
        if place:
            return f"How many {topic} {verb} {place}?"
        return f"How many {topic} {verb.removesuffix(' in')}?" if qualifier else f"How many {topic}?"


TYPE = CountType()


_TOLL = re.compile(r"\b(?:death toll|toll of (?:the )?dead|number of (?:the )?(?:dead|deaths|fatalities|"
                   r"people (?:killed|dead|who (?:have )?died)))\b(?P<gap>[^.;:\d]{0,60})$", re.IGNORECASE)


def _toll(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """ "The official death toll has risen to 110,000": a number after "death toll" counts the people killed."""
    if q.unit or q.state or (q.counts and q.counts.lower() not in ("people", "persons")):
        return q
    sentence = next((s for s in annotated.sentences if s.start <= q.start < s.end), None)
    before = annotated.document.text[sentence.start if sentence else max(0, q.start - 100):q.start]
    if not _TOLL.search(before):
        return q
    return replace(q, counts="people", state="dead")


def _counts_a_group(q: Quantity, obs: Observation) -> bool:
    """The counted noun is a group of things the fact counts: a plural noun ("people", "cases", "Haitians"),
    not a singular one ("an emergency call", "Jackson", "the UK") unless the count is one; for the dead,
    the hurt, the homeless and other counts of people, a noun for people (`[count.people]`)."""
    words = lexicon()["count"]
    written = (q.counts or "").split()
    if not written:
        return False
    head = written[-1]
    plural = head.lower() in words["collective"] or (head.lower().endswith("s") and not head.lower().endswith("ss"))
    if not plural and q.value != 1:
        return False
    if head[:1].isupper() and not plural:
        return False
    if obs.qualifier in words["people_events"]:
        return head.lower() in words["people"] or head[:1].isupper() or head.lower().rstrip("s") in words["people"]
    return True


_ANY_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _background(annotated: AnnotatedDocument, obs: Observation, source: Source) -> bool:
    """A cumulative count in a sentence dated to an earlier year than the article is another event's."""
    if source.published is None:
        return False
    years = [int(y) for y in _ANY_YEAR.findall(obs.citation.text)]
    return any(y < source.published.year for y in years)


def _sourcing(annotated: AnnotatedDocument, q: Quantity, obs: Observation) -> dict:
    """Who gives the figure (a named source whose reported words hold it), whether the sentence hedges it
    ("may have been killed"), and whether it is an official or confirmed figure."""
    words = lexicon()["count"]
    said = next((a for a in annotated.attributions
                 if a.content_start <= q.start < a.content_end and not a.anonymous), None)
    sentence = obs.citation.text
    hedged = bool(words_pattern(words["hedges"]).search(sentence))
    official = bool(words_pattern(words["official"]).search(sentence)) and not hedged
    return {"speaker": said.speaker if said else None, "hedged": hedged,
            "strong": official or (said is not None and not hedged)}


def _range_top(q: Quantity, obs: Observation) -> Observation:
    """ "Between 100,000 and 200,000 dead": a cumulative count's range is read as its top, an upper bound
    (as "up to 200,000"), since the midpoint is a figure nobody reported."""
    if q.lower is None or q.upper is None or q.lower == q.upper:
        return obs
    low, high = (f"{x:,.0f}" if x == int(x) else f"{x:,}" for x in (q.lower, q.upper))
    return replace(obs, value=f"{q.upper:g}", bound="<=", label=f"{low}-{high}")


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
