"""The kinds of count an analyst tracks, and what a count counts (`[count.kinds]` in data/facttypes.toml).

A kind (`Kind`) is read from a count's verb, state or event first ("killed", "missing"), then from the noun it
counts ("cases", "troops"): `kind_of`. A count of no kind ("albums sold", "NATO allies") is wording, not a fact.
Each kind keeps its own question; the group a question counts is the kind's own ("cases"), "people" for any
noun for people in general, else the group as written ("UN staff"): `group_of`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from dateline.link.facttypes.base import lexicon, words_pattern
from dateline.link.observations import Observation
from dateline.model import Quantity

TROOPS = "troops"


@dataclass(frozen=True)
class Kind:
    """One kind of count an analyst tracks (`[count.kinds]`)."""

    name: str
    verbs: frozenset[str]
    nouns: tuple[str, ...]
    question: str
    group: str | None = None
    people: bool = False
    cumulative: bool = False
    needs: re.Pattern[str] | None = None
    events: frozenset[str] | None = None  # the events a count of its nouns may have (troops: a level or a plan)
    unless: re.Pattern[str] | None = None  # words right after the number that make it another count ("suspected")
    estimates: re.Pattern[str] | None = None  # words of its clause that make it an estimate, not a count reported
    level: bool = False  # a standing number that goes up and down (troops, the missing): facttypes/level.py
    by_noun: bool = False  # a count of its nouns is of this kind whatever its verb ("infected 6,500 in 33 nations")
    of: frozenset[str] = frozenset()  # what a count its verb makes of this kind must count: bodies, not guns recovered
    few: bool = False  # tracked from its first few: a small count of it may be a tally (facttypes/count_small.py)

    def counts(self, topic: str) -> bool:
        return any(topic == n or topic.endswith(" " + n) for n in self.nouns)


@functools.lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    out = []
    for name, k in lexicon()["count"]["kinds"].items():
        out.append(Kind(
            name=k.get("same_as", name), verbs=frozenset(k.get("verbs", ())), nouns=tuple(k.get("nouns", ())),
            question=k["question"], group=k.get("group"), people=k.get("people", False),
            cumulative=k.get("cumulative", False), needs=words_pattern(k["needs"]) if "needs" in k else None,
            events=frozenset(k["events"]) if "events" in k else None,
            unless=words_pattern(k["unless"]) if "unless" in k else None, level=k.get("level", False),
            estimates=words_pattern(k["estimates"]) if "estimates" in k else None,
            by_noun=k.get("by_noun", False), of=frozenset(k.get("of", ())), few=k.get("few", False)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def by_name() -> Mapping[str, Kind]:
    return {k.name: k for k in kinds()}


def kind_of(q: Quantity, obs: Observation) -> Kind | None:
    """The kind a count is of: by what it counts for a kind counted by its noun alone (countries), then by
    its verb, state or event, then by what it counts; None when it is no kind an analyst tracks."""
    signals = {s for s in (obs.qualifier, q.verb, q.state) if s}
    sentence = obs.citation.text
    for kind in kinds():
        if kind.by_noun and kind.counts(obs.topic):  # "33 nations" infected: countries, never cases
            return kind if _fits(kind, obs.topic, _near(q, obs), noun=True) and not _regional(q) else None
    if _attributive(q, obs):
        by_verb = next((k for k in kinds() if q.verb in k.verbs), None) if q.verb else None
        if by_verb is not None and q.state not in by_verb.verbs:
            return None  # "plans to evacuate 60 injured people": a part of the evacuated, and not the injured toll
        if by_verb is None and _FOR.search(sentence[:max(0, q.start - obs.citation.start)]):
            return None  # "supplies for about 250 wounded people": whom aid is meant for, not a toll
    for kind in kinds():
        if signals & kind.verbs and _fits(kind, q.counts or "", sentence):
            return kind
    for kind in kinds():
        if kind.counts(obs.topic) and (kind.events is None or obs.qualifier in kind.events) and (
                _fits(kind, obs.topic, sentence, noun=True)):
            return kind
    return None


def _regional(q: Quantity) -> bool:
    """Countries of one region or bloc ("six EU countries", "12 European nations") are a part of the world's
    count, not the count ("30 affected countries" is)."""
    return any(w[:1].isupper() for w in (q.counts or "").split()[:-1])


def _attributive(q: Quantity, obs: Observation) -> bool:
    """The count's state is written before its noun ("60 injured people"), so it describes whom the verb
    counts rather than saying what happened to them ("60 people were injured")."""
    after = obs.citation.text[max(0, q.end - obs.citation.start):][:40].lower().split()
    return bool(q.state) and len(after) >= 2 and after[0] in _STATES and is_people(after[1].strip(".,;:"))


# adjectives of a count's state ("injured", "homeless"): the quantity annotator's states, as written
_STATES = frozenset({"injured", "wounded", "hurt", "homeless", "dead", "missing", "displaced", "trapped", "stranded",
                     "infected", "sick", "detained", "evacuated", "unemployed"})


_FOR = re.compile(r"\bfor(?: (?:about|around|some|up to|nearly|almost|more than|over|at least))?\s*$", re.IGNORECASE)
NEEDS_NEAR = 120  # characters either side of a count of countries where the words it needs must stand


def _near(q: Quantity, obs: Observation) -> str:
    """The words around a count within its sentence: "officials from 20 major countries endorsed a plan ... to
    halt the contagion as it spread to the broader economy" is no count of countries with cases, though its
    sentence says "spread to"; "the virus has spread to 20 countries" is."""
    at = q.start - obs.citation.start
    return obs.citation.text[max(0, at - NEEDS_NEAR):max(0, q.end - obs.citation.start) + NEEDS_NEAR]


def _fits(kind: Kind, topic: str, sentence: str, *, noun: bool = False) -> bool:
    if kind.needs is not None and not kind.needs.search(sentence):
        return False
    if kind.of and not noun and not (topic.split()[-1:] and topic.split()[-1].lower() in kind.of or is_people(topic)):
        return False  # "recovered 12 guns": no bodies
    return noun or not kind.people or is_people(topic)


def is_people(counted: str) -> bool:
    """A noun for people ("people", "UN staff"), or a people ("Haitians"), as the count writes it."""
    people = lexicon()["count"]["people"]
    head = counted.split()[-1] if counted.split() else ""
    return counted.lower() in people or head.lower() in people or head.lower().rstrip("s") in people or (
        head[:1].isupper())


def group_of(kind: Kind, topic: str) -> str:
    """What the question counts: the kind's own group ("cases"), "people" for any noun for people in
    general, else the group as written ("UN staff", "US troops")."""
    if kind.group:
        return kind.group
    *modifiers, head = topic.split() or [""]
    if kind.people and head in kind.nouns and not any(w in _owner_words() for w in modifiers):
        return "people"  # "swine flu deaths": the people of the kind's own noun ("UN fatalities" stay the UN's)
    return "people" if topic in lexicon()["count"]["anyone"] else topic


@functools.lru_cache(maxsize=1)
def _owner_words() -> frozenset[str]:
    """Words that name whose a group is, lower-cased: organisations and nationalities ("un", "nato", "british")."""
    owners = lexicon()["count"]["owners"]
    names = [n for group in ("organisations", "demonyms") for ns in owners[group].values() for n in ns]
    names += list(owners["organisations"])
    return frozenset(w.lower() for n in names for w in n.split())


def is_plural(q: Quantity) -> bool:
    """The counted noun is a group: a plural noun ("people", "cases", "Haitians"), not a singular one
    ("an emergency call", "Jackson", "the UK") unless the count is one."""
    written = (q.counts or "").split()
    if not written:
        return False
    head = written[-1].lower()
    plural = head in lexicon()["count"]["collective"] or (head.endswith("s") and not head.endswith("ss"))
    return plural or q.value == 1
