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
troops sent or being sent ("will send up to 10,000 troops") are a deployment, asked apart
from the level ("How many US troops will be sent to Haiti?"): `facttypes/level.py`. Troops
added to it ("is sending another 4,000", "boost its force by 3,500") are its newest
announcement, labelled "4,000 more" (parts told in one sentence summed: "2,000 + 1,500 more");
a deployment told only in additions asks "How many more UN peacekeepers will be sent to Haiti?".
A live blog's entries run together are cut apart (`count_entry`).
Deaths or cases told as suspected, possible or probable ("101 suspected deaths", "12 probable cases") are
asked apart ("How many suspected deaths are there in Mexico?"), never taken for the confirmed count; so are both
told together ("5,123 confirmed and probable cases": "How many confirmed and probable cases are there in ...?").
"Cases" of something else ("17 cases of peanut butter", "adoption cases") and figures
in a question ("can you multiply 404 by 20, giving 8,000 cases?") are no counts; a
count of people with no place asks nothing ("How many people have died?": where?).
Relation: a cumulative kind follows `base.ordered_relation`; a level `level.relation`
(a later attributed figure, or one with words of change, updates it on any later day).

The modules: `count_kinds` (the kinds and what a count counts), `count_figure` (which numbers are counts and
their sourcing), `count_owners` and `force` (whose troops), `count_scope` (where), `count_incident` (a toll
of one incident), `count_elsewhere` (another time or event), `count_bare` (a bare figure a verb of harm counts),
`count_questions` (the wording), `count_small` (which counts under ten are a tally), `count_shared` (a figure
that shares its noun with another: "125 cases in Japan, 103 in Spain"); this one reads each quantity through them
(`CountType.observe`) and asks and relates the facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from dateline.annotate.claims import predicate_classes
from dateline.link.facttypes import level
from dateline.link.facttypes.base import OnScale, number
from dateline.link.facttypes.count_bare import deferred, found_in, harmed
from dateline.link.facttypes.count_elsewhere import elsewhere
from dateline.link.facttypes.count_entry import entry_citation
from dateline.link.facttypes.count_figure import (
    RAISED_NOUN,
    another_count,
    combined,
    countable,
    elided,
    estimated,
    increment,
    other_cases,
    raised_by,
    range_top,
    sourcing,
    tally,
    toll,
    total_of,
)
from dateline.link.facttypes.count_incident import incident
from dateline.link.facttypes.count_kinds import TROOPS, Kind, by_name, group_of, is_plural
from dateline.link.facttypes.count_owners import kind_and_force, with_owner
from dateline.link.facttypes.count_questions import as_written, legacy_question, where_words
from dateline.link.facttypes.count_scope import (
    clause_span,
    countries,
    level_scope,
    local,
    outside,
    owner_country,
    owns,
    place_of,
)
from dateline.link.facttypes.count_shared import shared
from dateline.link.facttypes.count_small import small_tally
from dateline.link.facttypes.force import owner_named
from dateline.link.observations import CASUALTIES, Observation, Source, count_event, from_quantity
from dateline.model import ADDED, ADDED_MARK, AnnotatedDocument, Quantity

LEVEL_EVENTS = ("end", "start", "deploy")  # a troop count's planned events: "will leave", "will arrive in", ...
SMALLEST = 2  # the smallest count a cumulative kind asks: one case is a sentence's wording more often than a tally
AT = "at"  # a level at a base or a town has the qualifier "at <name>"; its place stays the country


@dataclass(frozen=True)
class CountType(OnScale):
    name: str = "count"
    value_kind: str = "quantity"
    SAME_TIME_DAYS = level.SAME_DAY  # only levels reach the general rule: a later day updates them

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        classes = predicate_classes()
        found = (_count(_read(q, annotated), annotated, source, classes) for q in annotated.quantities)
        yield from _summed([o for o in found if o is not None])
        yield from level.done_observations(annotated, source)  # "the last troops left": a level of none

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, qualifier = key
        group = as_written(topic, observations)
        if qualifier.startswith(AT + " "):
            return f"How many {group} are {qualifier}?"  # a base or a town: "How many US troops are at Agadez?"
        if qualifier == DEPLOY and _mostly_increments(observations):
            return f"How many more {group} will be sent{where_words(place).replace(' in ', ' to ', 1)}?"
        if qualifier.endswith(SUSPECTED) and qualifier.removesuffix(SUSPECTED) in by_name():
            return f"How many suspected {by_name()[qualifier.removesuffix(SUSPECTED)].nouns[0]} are there{where_words(place)}?"
        if qualifier.endswith(PROBABLE) and qualifier.removesuffix(PROBABLE) in by_name():
            noun = by_name()[qualifier.removesuffix(PROBABLE)].nouns[0]
            return f"How many confirmed and probable {noun} are there{where_words(place)}?"
        qualifier, _, event = qualifier.partition(IN)
        kind = by_name().get(qualifier) or (by_name()[TROOPS] if qualifier == "" else None)
        if kind is None or qualifier in LEVEL_EVENTS:
            return legacy_question(group, place, qualifier)
        return kind.question.format(group=group, where=f" in {event}" if event else where_words(place))


    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        """A cumulative count's or a scale's rule (`base.ordered_relation`); a level's (`level.relation`)."""
        if _is_level(new):
            return level.relation(standing, new)
        if new.qualifier == DEPLOY and standing and (_larger(new, standing) or is_addition(new)):
            # a larger deployment announced ("up to 3,500" -> "up to 10,000 by Monday"), or more troops added to
            # it ("another 4,000"): the newest announcement of what is being sent, never a rival figure
            return "update"
        return super().relation(standing, new)

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A count of people with no place is no question ("How many people have died?": where?)."""
        _ask, _topic, place, qualifier = key
        if IN in qualifier:
            return True  # a toll of one incident: the incident is its scope
        kind = by_name().get(qualifier)
        if qualifier == "":
            return bool(place)  # "How many US troops are?": a level is somewhere
        return bool(place) or kind is None or not kind.people


TYPE = CountType()
IN = " in "  # a toll of one incident has the qualifier "<kind> in <the incident>": "injured in the attack on August 5"
DEPLOY = "deploy"  # a troop count's planned or ongoing transfer: "will send up to 10,000 troops", "another 4,000"
MORE = ADDED_MARK  # the end of the label of troops added to a deployment: "4,000 more"
IN_ALL = " in all"  # the end of the label of a deployment's new total: "about 16,000 in all"
SUSPECTED = " suspected"  # the end of the qualifier of a count of suspected or probable deaths or cases
PROBABLE = " probable"  # the end of the qualifier of a count of confirmed and probable cases told together


def is_addition(o: Observation) -> bool:
    """Troops added to what was sent ("another 4,000", "boost its force by 3,500"), labelled "4,000 more"."""
    return o.qualifier == DEPLOY and o.role == ADDED


def _is_level(o: Observation) -> bool:
    """A troop level (no event, or at a base) or a count of a level kind (the missing)."""
    if o.cumulative:
        return False
    kind = by_name().get(o.qualifier)
    return o.qualifier == "" or o.qualifier.startswith(AT + " ") or (kind is not None and kind.level)


def _larger(new: Observation, standing: Sequence[Observation]) -> bool:
    """A figure larger than every standing one."""
    numbers = [number(o.value) for o in standing]
    value = number(new.value)
    return value is not None and all(n is not None and value > n for n in numbers)


def _summed(observations: list[Observation]) -> list[Observation]:
    """Additions to one force told in parts in one sentence are one addition: "boost UN troop numbers by 2,000
    and UN police numbers by 1,500" adds 3,500 UN peacekeepers ("2,000 + 1,500 more")."""
    parts: dict[tuple[str, int], list[Observation]] = {}
    for o in observations:
        if is_addition(o):
            parts.setdefault((o.topic, o.citation.start), []).append(o)
    out = [o for o in observations if not is_addition(o) or len(parts[(o.topic, o.citation.start)]) == 1]
    for group in (g for g in parts.values() if len(g) > 1):
        total = sum(number(o.value) or 0 for o in group)
        label = " + ".join(o.label.removesuffix(MORE) for o in group) + MORE
        place = next((o.place for o in group if o.place), None)
        out.append(replace(group[0], value=f"{total:g}", label=label, place=place))
    return out


def _mostly_increments(observations: Sequence[Observation]) -> bool:
    """Most reports say the number is added ("an extra 3,500", "3,500 more"): "How many more ...?"."""
    added = sum(1 for o in observations if is_addition(o))
    return added * 2 > len(observations)


def _read(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """What a figure counts when the parse missed it: a noun it shares with another figure of its sentence, a toll's,
    a tally's, an elided state's, a verb's object, the people a disease is found in; and its own verb told later in
    its clause ("are reported to have been buried")."""
    q = deferred(shared(q, annotated), annotated)
    return found_in(harmed(elided(tally(toll(q, annotated), annotated), annotated), annotated), annotated)


def _count(q: Quantity, annotated: AnnotatedDocument, source: Source, classes: Mapping[str, str]
           ) -> Observation | None:
    """A quantity's count observation, typed, owned and scoped; None when it is no fact of the story."""
    if not countable(q, annotated):
        return None
    claim = min((c for c in annotated.claims if c.start <= q.start and q.end <= c.end),
                key=lambda c: c.end - c.start, default=None)
    raised = raised_by(q, annotated)  # "boost police and troop numbers by 3,500": troops added
    q = replace(q, counts=RAISED_NOUN) if raised is not None and not q.counts else q
    total = total_of(q, annotated) if not q.counts else None  # "raising the number of US troops to 16,000"
    q = replace(q, counts=total) if total else q
    happened = count_event(q, claim, classes)
    casualty = happened in CASUALTIES  # a casualty count matters however small
    obs = from_quantity(q, source, entry_citation(annotated, q.start, q.end), happened, min_count=SMALLEST)
    if obs is None or not is_plural(q):
        return None
    obs = replace(obs, qualifier="") if (raised is not None or total) and obs.qualifier not in LEVEL_EVENTS else obs
    kind, force = kind_and_force(q, obs, annotated)
    if raised is not None and force is not None and force.owner is None:
        force = replace(force, owner=owner_named(raised))  # "increasing the UN mission by 3,500 troops"
    if kind is None or (kind.cumulative and increment(q, annotated)) or elsewhere(q, obs, kind, annotated, source):
        return None
    if (kind.cumulative and (local(q, obs, annotated) or outside(q, annotated))) or other_cases(q, kind, annotated):
        return None
    if estimated(q, obs, kind, annotated):
        return None  # an estimate of infections is no report of the cases counted
    suspected = another_count(q, obs, kind, annotated)  # "101 suspected deaths": asked apart from the confirmed
    owned = with_owner(q, obs, kind, force, annotated)
    typed = _typed(q, owned, kind, annotated, owned=force is not None) if owned is not None else None
    event = incident(q, typed, annotated) if typed is not None and kind.cumulative and kind.people else None
    if typed is None or event == "" or (suspected and (event or force is not None or not kind.nouns)):
        return None  # no owner, no force, or a toll of one incident that names neither its day nor its place
    if not (casualty or small_tally(q, typed, kind, annotated)):
        return None  # a small count that is wording, not a tally
    typed = replace(typed, qualifier=f"{typed.qualifier}{IN}{event}") if event else typed
    if suspected and typed.topic not in ("people", kind.group):
        return None  # "sixteen suspected members of a gang were killed": no suspected toll
    typed = replace(typed, qualifier=typed.qualifier + SUSPECTED) if suspected else typed
    if not suspected and kind.cumulative and kind.nouns and combined(q, annotated):
        typed = replace(typed, qualifier=typed.qualifier + PROBABLE)  # "5,123 confirmed and probable cases"
    return range_top(q, typed) if kind.cumulative else typed


def _typed(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument, *, owned: bool = False
           ) -> Observation | None:
    """The observation of its kind: its group, its scope, its sourcing; None for a movement or a part of a
    troop level that no question asks."""
    qualifier = kind.name
    if kind.level and _past_level(q, obs, annotated):
        return None
    raised = kind.name == TROOPS and raised_by(q, annotated) is not None  # "boost its forces by 3,500"
    total = kind.name == TROOPS and total_of(q, annotated) is not None  # the deployment's new total
    if total:
        obs = replace(obs, label=obs.label + IN_ALL)
    if raised or total or (kind.name == TROOPS and obs.qualifier == "" and _moving(q, obs, annotated)):
        place = q.where if q.where in countries() else None
        # "will send up to 10,000 troops to Haiti" and "is sending another 4,000": one deployment, the additions
        # marked ("an additional 900 troops in Syria", sent by no one, stays a level)
        qualifier = DEPLOY
        obs = replace(obs, label=obs.label + MORE, role=ADDED) if raised or increment(q, annotated) else obs
    elif kind.name == TROOPS:
        scope = level_scope(q, obs, annotated)
        if scope is None:
            return None
        place, site = scope
        qualifier = f"{AT} {site}" if site else obs.qualifier  # the country stays the place
    elif owned:  # a toll of a force or staff: the country's, as a level is (a town left unnamed lets the story's in)
        place = q.where if q.where in countries() and not owns(obs.subject, q.where) else None
    else:
        place = "worldwide" if kind.name == "countries" else place_of(q, obs, annotated) or owner_country(kind, q)
    return replace(obs, topic=group_of(kind, obs.topic), place=place, qualifier=qualifier,
                   cumulative=kind.cumulative, **sourcing(annotated, q, obs))


def _past_level(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> bool:
    """A level stated of an earlier time ("at its peak", "were in Niger in March"): `level.is_history`."""
    text = annotated.document.text
    start, end = clause_span(text, obs, q)
    return level.is_history(text[start:end], text[start:q.start])


def _moving(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> bool:
    """A troop count sent, planned or under way, in its clause ("is sending up to 3,500 soldiers")."""
    text = annotated.document.text
    start, end = clause_span(text, obs, q)
    return level.is_transfer(text[start:end])
