"""Counts: "How many people have died in Haiti?", "How many US troops are in Iraq?".

A count is a fact only when what it counts is a kind an analyst tracks
(`[count.kinds]` in data/facttypes.toml: the killed, the injured, the missing,
the homeless, the displaced, the evacuated, the affected, the rescued, bodies
recovered, the arrested, the charged, the kidnapped, protesters, cases,
countries with cases, jobs cut, the unemployed, troop levels); "albums sold" or
"NATO allies" are wording. Each kind keeps its own question; within a kind, the
group counted ("people", "UN staff", "US troops") keeps its own too.

Value: a number, with its bound ("at least 300") in `bound`. Scope, from the
sentence: the place written with the count; else "worldwide" when the sentence
says so or a world body gives an unplaced figure; else the country the sentence
reports for ("Mexico reported 1,004 cases", "United States: 20 cases"); else
none, and the story's usual place fills in later (link/facts.py). A count about
another time or event is not the story's: a year earlier than the article, a
named earlier event ("the Spanish flu"), a rate ("250,000 a year"), a projection
("could kill", "worst-case"). A troop level is the country's: a number on one
flight or convoy is a movement, not a level, and a part of a level ("500 of
them") at a base is that base's question ("How many US troops are at Agadez?").
A level stated as history ("at its peak", "were in Niger in March") is left out, and
troops sent or being sent ("will send 3,500 more peacekeepers") are reinforcements,
asked apart ("How many more troops will be sent to Haiti?"): `facttypes/level.py`.
"Cases" of something else ("17 cases of peanut butter", "adoption cases") and figures
in a question ("can you multiply 404 by 20, giving 8,000 cases?") are no counts; a
count of people with no place asks nothing ("How many people have died?": where?).
Relation: a cumulative kind follows `base.ordered_relation`; a level `level.relation`
(a later attributed figure, or one with words of change, updates it on any later day).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from dateline.annotate.claims import predicate_classes
from dateline.link.facttypes import level
from dateline.link.facttypes.base import OnScale, citation, entities_in, lexicon, words_pattern
from dateline.link.observations import Observation, Source, count_event, count_wording, from_quantity
from dateline.model import AnnotatedDocument, Quantity
from dateline.resources import load_table

NEAR = 80  # characters either side of a count where "worldwide" may be written
AFTER = 70  # characters after a troop count where the base it is at may be written
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DIGIT = re.compile(r"\d")
LEVEL_EVENTS = ("end", "start", "deploy")  # a troop count's planned events: "will leave", "will arrive in", ...
AT = "at"  # a level at a base or a town has the qualifier "at <name>"; its place stays the country


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
    level: bool = False  # a standing number that goes up and down (troops, the missing): facttypes/level.py

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
            unless=words_pattern(k["unless"]) if "unless" in k else None, level=k.get("level", False)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _by_name() -> Mapping[str, Kind]:
    return {k.name: k for k in kinds()}


TROOPS = "troops"


@dataclass(frozen=True)
class CountType(OnScale):
    name: str = "count"
    value_kind: str = "quantity"
    SAME_TIME_DAYS = level.SAME_DAY  # only levels reach the general rule: a later day updates them

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        classes = predicate_classes()
        for q in annotated.quantities:
            found = _count(_elided(_toll(q, annotated), annotated), annotated, source, classes)
            if found is not None:
                yield found
        yield from level.done_observations(annotated, source)  # "the last troops left": a level of none

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, qualifier = key
        group = as_written(topic, observations)
        if qualifier.startswith(AT + " "):
            return f"How many {group} are {qualifier}?"  # a base or a town: "How many US troops are at Agadez?"
        if qualifier == DEPLOY_MORE or (qualifier == DEPLOY and _mostly_increments(observations)):
            return f"How many more {group} will be sent{_where_words(place).replace(' in ', ' to ', 1)}?"
        qualifier, _, event = qualifier.partition(IN)
        kind = _by_name().get(qualifier) or (_by_name()[TROOPS] if qualifier == "" else None)
        if kind is None or qualifier in LEVEL_EVENTS:
            return _legacy_question(group, place, qualifier)
        return kind.question.format(group=group, where=f" in {event}" if event else _where_words(place))


    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        """A cumulative count's or a scale's rule (`base.ordered_relation`); a level's (`level.relation`)."""
        if _is_level(new):
            return level.relation(standing, new)
        if new.qualifier in (DEPLOY, DEPLOY_MORE) and standing and _larger(new, standing):
            return "update"  # a larger deployment announced: "up to 3,500" -> "up to 10,000 by Monday"
        return super().relation(standing, new)

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A count of people with no place is no question ("How many people have died?": where?)."""
        _ask, _topic, place, qualifier = key
        if IN in qualifier:
            return True  # a toll of one incident: the incident is its scope
        kind = _by_name().get(qualifier)
        if qualifier == "":
            return bool(place)  # "How many US troops are?": a level is somewhere
        return bool(place) or kind is None or not kind.people


TYPE = CountType()
IN = " in "  # a toll of one incident has the qualifier "<kind> in <the incident>": "injured in the attack on August 5"
DEPLOY = "deploy"  # a troop count's planned or ongoing transfer: "will send up to 10,000 troops"
DEPLOY_MORE = "deploy more"  # one added to what was sent: "will send 3,500 more peacekeepers"


def _is_level(o: Observation) -> bool:
    """A troop level (no event, or at a base) or a count of a level kind (the missing)."""
    if o.cumulative:
        return False
    kind = _by_name().get(o.qualifier)
    return o.qualifier == "" or o.qualifier.startswith(AT + " ") or (kind is not None and kind.level)


def _larger(new: Observation, standing: Sequence[Observation]) -> bool:
    """A figure larger than every standing one."""
    numbers = [_figure(o.value) for o in standing]
    value = _figure(new.value)
    return value is not None and all(n is not None and value > n for n in numbers)


def _figure(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _mostly_increments(observations: Sequence[Observation]) -> bool:
    """Most reports say the number is added ("an extra 3,500", "3,500 more"): "How many more ...?"."""
    added = sum(1 for o in observations if level.is_increment(o.citation.text))
    return added * 2 > len(observations)


def kind_of(q: Quantity, obs: Observation) -> Kind | None:
    """The kind a count is of: first by its verb, state or event, then by what it counts; None when it is
    no kind an analyst tracks."""
    signals = {s for s in (obs.qualifier, q.verb, q.state) if s}
    sentence = obs.citation.text
    for kind in kinds():
        if signals & kind.verbs and _fits(kind, q.counts or "", sentence):
            return kind
    for kind in kinds():
        if kind.counts(obs.topic) and (kind.events is None or obs.qualifier in kind.events) and (
                _fits(kind, obs.topic, sentence, noun=True)):
            return kind
    return None


def _fits(kind: Kind, topic: str, sentence: str, *, noun: bool = False) -> bool:
    if kind.needs is not None and not kind.needs.search(sentence):
        return False
    return noun or not kind.people or _is_people(topic)


def _is_people(counted: str) -> bool:
    """A noun for people ("people", "UN staff"), or a people ("Haitians"), as the count writes it."""
    people = lexicon()["count"]["people"]
    head = counted.split()[-1] if counted.split() else ""
    return counted.lower() in people or head.lower() in people or head.lower().rstrip("s") in people or (
        head[:1].isupper())


def _count(q: Quantity, annotated: AnnotatedDocument, source: Source, classes: Mapping[str, str]
           ) -> Observation | None:
    """A quantity's count observation, typed, owned and scoped; None when it is no fact of the story."""
    if not _countable(q, annotated):
        return None
    claim = min((c for c in annotated.claims if c.start <= q.start and q.end <= c.end),
                key=lambda c: c.end - c.start, default=None)
    obs = from_quantity(q, source, citation(annotated, q.start, q.end), count_event(q, claim, classes))
    if obs is None or not _plural(q):
        return None
    kind, force = _kind_and_force(q, obs, annotated)
    if kind is None or (kind.cumulative and _increment(q, annotated)) or elsewhere(q, obs, kind, annotated, source):
        return None
    if (kind.cumulative and _local(q, obs, annotated)) or _another_count(q, obs, kind, annotated) or (
            _other_cases(q, kind, annotated)):
        return None
    owned = _owned(q, obs, kind, force, annotated)
    typed = _typed(q, owned, kind, annotated, owned=force is not None) if owned is not None else None
    event = _incident(q, typed, annotated) if typed is not None and kind.cumulative and kind.people else None
    if typed is None or event == "":
        return None  # no owner, no force, or a toll of one incident that names neither its day nor its place
    typed = replace(typed, qualifier=f"{typed.qualifier}{IN}{event}") if event else typed
    return _range_top(q, typed) if kind.cumulative else typed


def _kind_and_force(q: Quantity, obs: Observation, annotated: AnnotatedDocument
                    ) -> tuple[Kind | None, level.Force | None]:
    """The kind of a count and, for troops, police or staff, whose they are; a count of them whose words put
    them among the dead, the hurt or the missing is of that toll, not a level (nor of no kind)."""
    kind = kind_of(q, obs)
    force = _force(q, obs, kind, annotated)
    if force is not None and force.state and (kind is None or kind.name == TROOPS):
        kind = _by_name()[force.state]
    return kind, force


def _typed(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument, *, owned: bool = False
           ) -> Observation | None:
    """The observation of its kind: its group, its scope, its sourcing; None for a movement or a part of a
    troop level that no question asks."""
    qualifier = kind.name
    if kind.level and _past_level(q, obs, annotated):
        return None
    if kind.name == TROOPS and obs.qualifier == "" and _moving(q, obs, annotated):
        place = q.where if q.where in _countries() else None
        # "will send up to 10,000 troops to Haiti": a deployment; "3,500 more": reinforcements, their own question
        qualifier = DEPLOY_MORE if level.is_increment(obs.citation.text) else DEPLOY
    elif kind.name == TROOPS:
        scope = _level_scope(q, obs, annotated)
        if scope is None:
            return None
        place, site = scope
        qualifier = f"{AT} {site}" if site else obs.qualifier  # the country stays the place
    elif owned:  # a toll of a force or staff: the country's, as a level is (a town left unnamed lets the story's in)
        place = q.where if q.where in _countries() and not _owns(obs.subject, q.where) else None
    else:
        place = "worldwide" if kind.name == "countries" else _place(q, obs, annotated) or _owner(kind, q)
    return replace(obs, topic=_group(kind, obs.topic), place=place, qualifier=qualifier,
                   cumulative=kind.cumulative, **_sourcing(annotated, q, obs))


def _force(q: Quantity, obs: Observation, kind: Kind | None, annotated: AnnotatedDocument) -> level.Force | None:
    """Whose troops, police or staff a count of a level or a toll counts (`level.read_force`); None for other
    counts."""
    if kind is not None and not (kind.name == TROOPS or kind.people):
        return None
    return level.read_force(annotated.document.text, (obs.citation.start, obs.citation.end), q.start, q.end,
                            q.counts or "")


TOLL_NEAR = 150  # characters either side of a troop count where words of a toll make it no level


def _owned(q: Quantity, obs: Observation, kind: Kind, force: level.Force | None, annotated: AnnotatedDocument
           ) -> Observation | None:
    """The count with its owner's group ("Sri Lankan troops", "UN staff" killed); None for a count the
    ledger cannot own: a level of no force (medical personnel, firefighters) or of no owner ("All 7,000 soldiers",
    which would mix owners), a level in a sentence about the dead or the missing, a toll of troops or staff of
    no owner."""
    if force is None:
        return obs
    if kind.name == TROOPS:
        near = annotated.document.text[max(obs.citation.start, q.start - TOLL_NEAR):min(obs.citation.end, q.end + TOLL_NEAR)]
        if not force.military or force.owner is None or level.tells_a_toll(near):
            return None
    elif force.noun not in ("staff", *level.FORCES):
        return obs  # firefighters, rescuers: their own group, as written
    elif force.owner is None:
        return None if force.military else obs  # troops of no owner would mix owners; "staff" stay as written
    group = force.group(tally=kind.name != TROOPS)
    return replace(obs, topic=group.lower(), subject=group)


INCIDENT_NEAR = 90  # characters between a toll and the incident its sentence names
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
          r"Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|(?:al|el|ad|as)-[\w'’-]+))*"


def _incident(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> str | None:
    """The one incident a toll is of, named by its sentence near the count ("an attack on August 5, which
    injured five", "killed in the suicide bombing in Kabul"): "the attack on August 5"; "" when the incident
    names neither its day nor its place (its toll says nothing of the story's total); None for no incident."""
    sentence = obs.citation.text
    offset = q.start - obs.citation.start
    found = [m for m in _incidents().finditer(sentence)
             if -INCIDENT_NEAR <= m.start() - offset <= INCIDENT_NEAR and not sentence[:m.start()].rstrip().lower()
             .endswith(("since", "after", "before", "since the", "after the", "before the"))]
    if not found:
        return None
    m = min(found, key=lambda m: abs(m.start() - offset))
    what = " ".join(filter(None, (m.group("day"), m.group("kind"), m.group("noun").lower())))
    if m.group("name"):
        return f"the {what} {m.group('prep')} {m.group('name')}"
    return f"the {what}" if m.group("day") else ""


@functools.lru_cache(maxsize=1)
def _incidents() -> re.Pattern[str]:
    """A single incident named with its article: "an attack on August 5", "the August 5 attack", "a suicide
    bombing in Kabul"; not "attacks" (many), not "a heart attack"."""
    words = lexicon()["count"]["incidents"]
    nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(words["nouns"], key=len, reverse=True))
    kinds = "|".join(map(re.escape, words["kinds"]))
    return re.compile(rf"\b(?:an?|the|this|that|one)\s+(?:(?P<day>{_DAY})\s+)?(?:(?P<kind>{kinds})\s+)?"
                      rf"(?P<noun>{nouns})\b(?:\s+(?P<prep>on|at|in|near|against)\s+(?:the\s+)?"
                      rf"(?P<name>{_DAY}|(?-i:{_NAME})))?", re.IGNORECASE)  # a name keeps its capitals


def _past_level(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> bool:
    """A level stated of an earlier time ("at its peak", "were in Niger in March"): `level.is_history`."""
    text = annotated.document.text
    start, end = _clause(text, obs, q)
    return level.is_history(text[start:end], text[start:q.start])


def _moving(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> bool:
    """A troop count sent, planned or under way, in its clause ("is sending up to 3,500 soldiers")."""
    text = annotated.document.text
    start, end = _clause(text, obs, q)
    return level.is_transfer(text[start:end])


def _local(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> bool:
    """A count at one site ("260 dead bodies inside the college", "20 cases at a school"): that site's, not
    the place's toll."""
    text = annotated.document.text
    start, end = _clause(text, obs, q)
    return bool(_site_words().search(text[start:end]))


UNLESS_AFTER = 60  # characters after the number where a kind's `unless` words may make it another count


def _another_count(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument) -> bool:
    """A figure its own words put in another count than the kind's ("230 possible cases under
    investigation", "25 suspected cases" are not the confirmed cases), read from the number to the end
    of its clause."""
    if kind.unless is None:
        return False
    text = annotated.document.text
    end = min(_clause(text, obs, q)[1], q.end + UNLESS_AFTER)
    return bool(kind.unless.search(text[q.start:end]))


_CASES_OF = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?cases of (?:the |a |an )?(?P<what>[\w-]+)", re.IGNORECASE)


def _other_cases(q: Quantity, kind: Kind, annotated: AnnotatedDocument) -> bool:
    """ "Cases" that are not cases of a disease: of something else ("17 cases of peanut butter", "cases of
    children disappearing") or qualified as another matter ("1,500 adoption cases"); `disease` words of
    the kind say what may qualify them. Asked of kinds that say so (cases)."""
    words = lexicon()["count"]["kinds"].get(kind.name, {}).get("disease")
    if not words:
        return False
    allowed = {w.lower() for w in words}
    of = _CASES_OF.match(annotated.document.text[q.end:q.end + 60])
    if of is not None and of.group("what").lower() not in allowed:
        return True
    modifiers = [w.lower().strip(",.") for w in (q.counts or "").split()[:-1]]
    return any(w.isalpha() and w not in allowed for w in modifiers)


@functools.lru_cache(maxsize=1)
def _site_words() -> re.Pattern[str]:
    sites = "|".join(map(re.escape, lexicon()["count"]["sites"]))
    return re.compile(rf"\b(?:at|in|inside|outside|near) (?:the |a |an |one |this |that )?(?:\w+ ){{0,2}}(?:{sites})\b",
                      re.IGNORECASE)


def _owner(kind: Kind, q: Quantity) -> str | None:
    """The country a kind with its own group names as its owner: "the 91 US cases" are the United States'."""
    words = (q.counts or "").split()[:-1]
    if not kind.group or not words:
        return None
    return next((_country_aliases()[w] for w in words if w in _country_aliases()), None)


def _group(kind: Kind, topic: str) -> str:
    """What the question counts: the kind's own group ("cases"), "people" for any noun for people in
    general, else the group as written ("UN staff", "US troops")."""
    if kind.group:
        return kind.group
    return "people" if topic in lexicon()["count"]["anyone"] else topic


_TOLL = re.compile(r"\b(?:death toll|toll of (?:the )?dead|number of (?:the )?(?:dead|deaths|fatalities|"
                   r"people (?:killed|dead|who (?:have )?died)))\b(?P<gap>[^.;:\d]{0,60})$", re.IGNORECASE)


def _toll(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """ "The official death toll has risen to 110,000": a number after "death toll" counts the people killed,
    whatever noun the parse gave it from elsewhere in the sentence ("50,000 bodies had been collected, but
    the total number of dead could be between 100,000 and 200,000"), unless its own noun follows it."""
    if q.unit or q.state:
        return q
    if q.counts and q.counts.lower() not in ("people", "persons") and (
            q.counts.lower().split()[-1] in annotated.document.text[q.end:q.end + 30].lower()):
        return q
    sentence = next((s for s in annotated.sentences if s.start <= q.start < s.end), None)
    before = annotated.document.text[sentence.start if sentence else max(0, q.start - 100):q.start]
    if not _TOLL.search(before):
        return q
    return replace(q, counts="people", state="dead")


_ELIDED = re.compile(r"^\s*(?:(?:have|has|had|been|were|are|was|left|made|now|more|others?)\s+){0,3}"
                     r"(?P<state>injured|wounded|hurt|homeless|dead|killed|missing|displaced)\b", re.IGNORECASE)


def _elided(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """ "200,000 people have been killed, 250,000 injured and 1.5 million left homeless": a number whose
    next words say a state, with no noun between (so any noun the parse gave it is another's), counts
    the people of the count of people before it in its sentence, in that state; with no such count, its
    own noun of people is in that state ("a million people left homeless")."""
    if q.unit:
        return q
    found = _ELIDED.match(annotated.document.text[q.end:q.end + 40])
    sentence = next((s for s in annotated.sentences if s.start <= q.start < s.end), None)
    if found is None or sentence is None:
        return q
    state = found.group("state").lower()
    earlier = [o for o in annotated.quantities if sentence.start <= o.start and o.end <= q.start and o.counts
               and not o.unit and _is_people(o.counts)]
    if earlier:
        return replace(q, counts=earlier[-1].counts, state=state, verb=None)
    return replace(q, state=state, verb=None) if q.counts and _is_people(q.counts) else q


def _increment(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """ "Another 700 cases", "300 new deaths": what was added to a toll, not the toll ("an additional 900
    troops in Syria" is a level elsewhere, and stays)."""
    words = lexicon()["count"]
    text = annotated.document.text
    before = " " + " ".join(text[max(0, q.start - 20):q.start].lower().split()[-2:])
    after = text[q.end:q.end + 15].lower().split()[:1]
    return any(before.endswith(" " + w) for w in words["increments_before"]) or (
        bool(after) and after[0] in words["increments_after"])


def _plural(q: Quantity) -> bool:
    """The counted noun is a group: a plural noun ("people", "cases", "Haitians"), not a singular one
    ("an emergency call", "Jackson", "the UK") unless the count is one."""
    written = (q.counts or "").split()
    if not written:
        return False
    head = written[-1].lower()
    plural = head in lexicon()["count"]["collective"] or (head.endswith("s") and not head.endswith("ss"))
    return plural or q.value == 1


# --- another time or event -----------------------------------------------------

_ANY_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def elsewhere(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument, source: Source) -> bool:
    """A count about another time or event than the story's: a year earlier than the article (not "since
    2008") in its sentence (for a level, in its clause: "operations ended in 2021, leaving 2,500 troops"
    is today's level), a named earlier event, a rate ("a year"), a forecast, or a projection near the count
    ("up to 750,000 people could die"); a figure in a question ("can you multiply 404 by 20, giving us around
    8,000 cases?") reports nothing."""
    words = lexicon()["count"]["elsewhere"]
    sentence = obs.citation.text
    text = annotated.document.text
    start, end = _clause(text, obs, q)
    clause = text[start:end]
    if _earlier_year(sentence if kind.cumulative else clause, source, words["since"]):
        return True
    if kind.cumulative and _told_of_the_past(q, obs, annotated, source):
        return True
    if words_pattern(words["past_events"]).search(sentence) or _rate().search(sentence):
        return True
    if sentence.rstrip(' "\'”’)').endswith("?"):
        return True  # a question asks, it reports nothing: "So can you multiply 404 by 20, giving 8,000 cases?"
    return bool(words_pattern(words["forecasts"]).search(sentence) or _projection().search(clause))


_PERFECT = re.compile(r"\b(?:has|have|had been|has been|have been)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|so far|this week|today|yesterday|tonight|currently|latest|since|"
                  r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def _told_of_the_past(q: Quantity, obs: Observation, annotated: AnnotatedDocument, source: Source) -> bool:
    """A toll in the simple past right after sentences about an earlier year or event ("The 1918 pandemic
    is the benchmark. ... More than 50 million people died."): that event's, unless the sentence says now."""
    sentence = obs.citation.text
    if _PERFECT.search(sentence) or _NOW.search(sentence):
        return False
    index = next((i for i, s in enumerate(annotated.sentences) if s.start <= q.start < s.end), None)
    if index is None:
        return False
    words = lexicon()["count"]["elsewhere"]
    text = annotated.document.text
    for s in annotated.sentences[max(0, index - 2):index]:
        earlier = text[s.start:s.end]
        if _earlier_year(earlier, source, words["since"]) or words_pattern(words["past_events"]).search(earlier):
            return True
    return False


def _earlier_year(sentence: str, source: Source, since: Sequence[str]) -> bool:
    if source.published is None:
        return False
    for m in _ANY_YEAR.finditer(sentence):
        year, before = int(m.group()), sentence[max(0, m.start() - 20):m.start()].lower().rstrip()
        recent = year >= source.published.year - 1 and any(before.endswith(w) for w in since)
        if year < source.published.year and not recent:
            return True  # "since 2008" in 2009 is the story's; "since late 2003" another's
    return False


@functools.lru_cache(maxsize=1)
def _rate() -> re.Pattern[str]:
    """ "250,000 a year", "every winter"; not "a week after the quake", "a year ago"."""
    rates = lexicon()["count"]["elsewhere"]["rates"]
    alternatives = "|".join(re.escape(r) for r in sorted(rates, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b(?!\s+(?:after|ago|earlier|later|before|since|into|of|on)\b)",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _projection() -> re.Pattern[str]:
    """A modal, up to two words, then a verb of what a figure does ("could kill", "may eventually infect");
    "may have been killed" is a hedge on a report, not a projection."""
    words = lexicon()["count"]["elsewhere"]
    modals = "|".join(map(re.escape, words["modals"]))
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(words["projected"], key=len, reverse=True))
    return re.compile(rf"\b(?:{modals})\s+(?!have\b)(?:\w+\s+){{0,2}}?(?:{verbs})\b", re.IGNORECASE)


# --- where ---------------------------------------------------------------------------


def _place(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> str | None:
    """Where a count is, from its sentence, in this order: the place written with it ("in Haiti"); a place
    "in" right after it in its clause ("60 people in Mexico"); worldwide when its clause says so; a place
    "in" before it with no figure or comma between ("the toll in Mexico rose to 100"); worldwide when a
    world body gives it with no place before it, or the sentence counts countries ("in 20 countries");
    the country the sentence reports for ("Mexico reported"); the one place the sentence names; else None."""
    if q.where and not _owns(q.counts, q.where) and not _owns(obs.subject, q.where):
        return q.where
    text = annotated.document.text
    places = _places_in(annotated, obs)
    clause = _clause(text, obs, q)
    before = [e for e in places if e.end <= q.start]
    after = [e for e in places if e.start >= q.end and e.end <= clause[1] and _IN_BEFORE.search(text[:e.start])]
    if after:
        return min(after, key=lambda e: e.start).canonical
    if words_pattern(lexicon()["count"]["worldwide_words"]).search(text[clause[0]:clause[1]]):
        return "worldwide"
    inside = [e for e in before if e.start >= clause[0] and _IN_BEFORE.search(text[:e.start])
              and not _DIGIT.search(text[e.end:q.start])]
    if inside:
        return max(inside, key=lambda e: e.end).canonical
    if not before and (_world_body().search(obs.citation.text) or _IN_COUNTRIES.search(obs.citation.text)):
        return "worldwide"
    return _reported_for(text, before, q) or _only_place(text, places)


_IN_BEFORE = re.compile(r"\bin (?:the )?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s--\s")


def _clause(text: str, obs: Observation, q: Quantity) -> tuple[int, int]:
    """The span of the count's clause: from the mark before it to the mark after it, within its sentence."""
    start, end = max(obs.citation.start, q.start - NEAR), min(obs.citation.end, q.end + NEAR)
    marks_before = list(_CLAUSE_END.finditer(text, start, q.start))
    mark_after = _CLAUSE_END.search(text, q.end, end)
    return (marks_before[-1].end() if marks_before else start, mark_after.start() if mark_after else end)


_IN_COUNTRIES = re.compile(r"\b(?:in|across|to) (?:some |about |around |more than |at least |over |nearly )?"
                           r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of) "
                           r"(?:other )?(?:countries|nations)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _world_body() -> re.Pattern[str]:
    names = lexicon()["count"]["worldwide_sources"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")  # case kept: "WHO", not "who"


@dataclass(frozen=True)
class _Place:
    """A place named in a count's sentence: a GPE entity, or a country's name the tagger missed."""

    text: str
    canonical: str
    start: int
    end: int


def _places_in(annotated: AnnotatedDocument, obs: Observation) -> list[_Place]:
    """The places a count's sentence names, but not its group's owner ("US troops": the United States is
    whose, not where). Country names are found by name too: a small tagger reads "Mexico" as a person."""
    named = set(obs.topic.replace(".", "").lower().split())
    found = {(e.start, e.end): _Place(e.text, e.canonical, e.start, e.end)
             for e in entities_in(annotated, obs.citation.start, obs.citation.end, ("GPE",))}
    for m in _country_names().finditer(obs.citation.text):
        start = obs.citation.start + m.start()
        if not any(s <= start < e for s, e in found):
            found[(start, start + len(m.group()))] = _Place(m.group(), _country_aliases()[m.group()],
                                                            start, start + len(m.group()))
    return sorted((p for p in found.values() if p.text.replace(".", "").lower() not in named
                   and p.canonical.lower() not in named and not _owns(obs.subject, p.canonical)),
                  key=lambda p: p.start)


def _owns(counted: str | None, place: str) -> bool:
    """The group is the place's people ("Brazilian peacekeepers", "Chinese nationals", "Sri Lankan troops"):
    whose, not where."""
    stem = place.lower()[:4]
    owner = level.owner_of(place)
    if owner and re.search(rf"(?<!\w){re.escape(owner)}(?!\w)", counted or ""):
        return True
    return len(stem) == 4 and any(w[:1].isupper() and w.lower().startswith(stem) for w in (counted or "").split())


@functools.lru_cache(maxsize=1)
def _country_aliases() -> Mapping[str, str]:
    """Country names and their aliases ("U.S.", "Britain"), as written, to the canonical name."""
    names = {c: c for c in lexicon()["count"]["countries"]}
    for group in load_table("aliases").get("group", ()):
        if group.get("label") == "GPE" and group["canonical"] in _countries():
            names.update({a: group["canonical"] for a in group["aliases"]})
    return names


@functools.lru_cache(maxsize=1)
def _country_names() -> re.Pattern[str]:
    alternatives = sorted(_country_aliases(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w])")


# "Mexico reported 1,004 cases", "California said it now had 11", "United States: 20 cases", "In Chile, 500 ..."
_REPORTS = re.compile(r"^\s*(?::|,|(?:has|have|had|now has|reported|reports|confirmed|confirms|recorded|records|"
                      r"registered|counted|counts|said|says)\b|(?:'s )?(?:health )?(?:officials|authorities|"
                      r"government|ministry) (?:have |has |had )?(?:now )?(?:reported|confirmed|recorded|registered)\b)")
_SPEAKER = re.compile(r"^\s*(?:'s )?(?:officials?|authorities|president|prime minister|government|minister|"
                      r"ministry|embassy|ambassador|envoy|sources?|media|diplomats?|spokes\w+|leaders?|"
                      r"health officials)\b", re.IGNORECASE)


def _reported_for(text: str, before: list, q: Quantity) -> str | None:
    """The nearest place before the count that the sentence reports for: its subject ("Mexico reported"),
    a list entry ("United States: 20 confirmed cases"), or "In Chile, ..."; no other figure between."""
    for e in sorted(before, key=lambda e: -e.end):
        gap = text[e.end:q.start]
        if _DIGIT.search(gap):
            return None
        opening = text[max(0, e.start - 4):e.start].lower()
        if _REPORTS.match(gap) or opening.endswith("in ") and gap.lstrip().startswith(","):
            return e.canonical
    return None


def _only_place(text: str, places: list) -> str | None:
    """The one place the sentence names, unless it only says who speaks ("US officials said")."""
    names = {e.canonical for e in places}
    if len(names) != 1:
        return None
    return None if all(_SPEAKER.match(text[e.end:e.end + 30]) for e in places) else names.pop()


_SITE = re.compile(r"\bat (?:the )?(?P<site>(?:[A-Z][\w'-]*|\d+)(?: (?:[A-Z][\w'-]*|\d+))*)"
                   r"(?: (?:near|in|outside) (?P<town>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*))?")


def _level_scope(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> tuple[str | None, str | None] | None:
    """A troop level's place and whether it is a base or a town within it ("500 of them are at Agadez"), or
    None: a number on one flight or convoy is a movement, and a part of a level at no named base asks nothing."""
    text = annotated.document.text
    words = lexicon()["count"]
    head = text[obs.citation.start:q.start]
    tail = text[q.end:min(obs.citation.end, q.end + AFTER)]
    if words_pattern(words["transport"]).search(head + tail[:30]):
        return None
    site = _SITE.search(_CLAUSE_END.split(tail, maxsplit=1)[0])
    if site and obs.qualifier == "" and len(site.group("site")) > 2:
        return None, site.group("town") or site.group("site")
    if words_pattern(words["part_of"]).match(tail.lstrip()) or words_pattern(words["part_of"]).search(tail[:25]):
        return None
    place = q.where
    if place and (place not in _countries() or _owns(obs.subject, place)):
        place = None  # a level is the country's: a town left unnamed lets the story's country fill in
    return place, None


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(lexicon()["count"]["countries"])


# --- sourcing and values -----------------------------------------------------------


def _sourcing(annotated: AnnotatedDocument, q: Quantity, obs: Observation) -> dict:
    """Who gives the figure (a named source whose reported words hold it), whether the sentence hedges it
    ("may have been killed"), and whether its words make it an official or confirmed figure."""
    words = lexicon()["count"]
    said = next((a for a in annotated.attributions
                 if a.content_start <= q.start < a.content_end and not a.anonymous), None)
    sentence = obs.citation.text
    text = annotated.document.text
    end = _clause(text, obs, q)[1]
    hedged = bool(words_pattern(words["hedges"]).search(sentence))
    # official before the count or in its clause: "248 deaths linked to the virus, with 12 confirmed" confirms
    # 12 only; "officials say 200,000 were killed, 250,000 injured" gives both
    official = bool(words_pattern(words["official"]).search(text[obs.citation.start:end])) and not hedged
    unnamed = said is None and any(a.anonymous and a.content_start <= q.start < a.content_end
                                   for a in annotated.attributions)  # "according to a defense official"
    return {"speaker": said.speaker if said else None, "hedged": hedged, "anonymous": unnamed,
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
    if _YEAR.fullmatch(q.text.strip()) or _clock_time(q, annotated.document.text):
        return False
    before = annotated.document.text[max(0, q.start - 12):q.start].lower().split()
    return not (before and before[-1] in words["not_a_count_before"])


_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _clock_time(q: Quantity, text: str) -> bool:
    """A live blog's time stamp ("1200 Several UN peacekeepers are reported ..."): four digits of a 24-hour time
    opening an entry (the text's start, or after a sentence's end) and followed by a capitalised word."""
    if not _CLOCK.fullmatch(q.text.strip()):
        return False
    before = text[max(0, q.start - 3):q.start].rstrip()
    return (not before or before[-1] in ".!?\"'”’") and text[q.end:q.end + 2].strip()[:1].isupper()


@functools.lru_cache(maxsize=1)
def _vague_words() -> frozenset[str]:
    vague = load_table("quantities")["numbers"]["vague"]
    return frozenset(vague) | {"a", "an", "half", "of", "dozen", "score", "some", "several", "few", "many", "tens"}


# --- wording -------------------------------------------------------------------------

_THE = re.compile(r"^(?:United |Republic |Democratic Republic )|(?:Republic|Islands|Emirates|Kingdom|States|"
                  r"Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$")


def _where_words(place: str) -> str:
    """ " in Haiti", " in the United States", " worldwide", or nothing."""
    if not place:
        return ""
    if place == "worldwide":
        return " worldwide"
    return " in " + (f"the {place}" if _THE.search(place) and not place.startswith("the ") else place)


def _legacy_question(group: str, place: str, qualifier: str) -> str:
    """A count of a planned troop movement ("How many US troops will leave Iraq?"), or one stored before
    counts were typed."""
    verb = count_wording(qualifier)
    if place and place != "worldwide":
        return f"How many {group} {verb} {_where_words(place).removeprefix(' in ')}?"
    where = " worldwide" if place else ""
    return f"How many {group} {verb.removesuffix(' in')}{where}?"


_ABBREVIATIONS = frozenset({"us", "uk", "un", "eu"})


def as_written(topic: str, observations: Sequence[Observation]) -> str:
    """The topic as the reports write it most ("US troops"; the ledger groups it in lower case): a group named
    for its owner as the count type wrote it ("Sri Lankan troops"), else as the sentences do."""
    owned = Counter(o.subject for o in observations if o.subject and o.subject.lower() == topic and (
        o.subject != o.subject.lower()))
    if owned:
        return owned.most_common(1)[0][0]
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, topic.split())) + r"\b", re.IGNORECASE)
    written = Counter(m.group() for o in observations for m in pattern.finditer(o.citation.text))
    if written:
        return written.most_common(1)[0][0]
    return " ".join(w.upper() if w in _ABBREVIATIONS else w for w in topic.split())  # "U.S. troops" -> "us troops"
