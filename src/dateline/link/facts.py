"""The fact ledger: observations answering the same question, with their history.

Observations are grouped by key into facts; a postponement ("originally
scheduled for September 2025, delayed by three years") joins the fact holding
the value it revises. Groups whose sentences read alike (link/similar.py) then
merge when a structured comparison agrees that they ask one question. Each
fact's values are replayed in publication order, and
each new value is related to what was known before it:
- agree: the same value again (counted once per outlet);
- elaborate: a more precise form of a known value (2025 -> 2025-09);
- update: a different value that supersedes (it says it revises the old one,
  or it comes later than every report of the old one);
- contradict: a different value reported while the old one still stood;
- deny: a source rejects the newest value.
A plan reported done ("the last troops left on 5 August") and a level reported
none ("no troops remain") join the facts they close (`plan.closes`,
`level.closes`), never ask a question of their own, and update: the thing done
supersedes every pending value until a value first reported after it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from dateline.annotate.timex import shift_value
from dateline.link import similar
from dateline.link.copies import UnionFind
from dateline.link.current import BOUND_SPAN, refines, unique, with_current
from dateline.link.facttypes import fact_type, level, plan
from dateline.link.facttypes.base import number
from dateline.link.observations import Observation, readable_time
from dateline.model import Fact, FactValue, is_done

QUANTITY_TOLERANCE = 0.05
USUAL_PLACE_ASKS = ("count", "when", "measure")  # questions whose unstated place is the story's usual one
WORLDWIDE = "worldwide"  # the place of a count of the whole world (facttypes/count_scope.py)


@dataclass
class _Value:
    """A value under construction while a fact's observations are replayed."""

    value: str
    kind: str
    label: str
    relation: str
    first: Observation
    observations: list[Observation] = field(default_factory=list)
    contradicts: tuple[str, ...] = ()

    @property
    def role(self) -> str:
        return self.first.role

    def freeze(self, origins: Mapping[str, str]) -> FactValue:
        obs = self.observations
        documents = unique(o.source.doc_id for o in obs)
        return FactValue(
            value=self.value,
            kind=self.kind,
            documents=documents,
            outlets=unique(o.source.outlet or o.source.doc_id for o in obs),
            first_reported=self.first.source.published,
            relation=self.relation,  # type: ignore[arg-type]
            label=self.label,
            citations=tuple(o.citation for o in obs),
            speakers=unique(o.speaker for o in obs if o.speaker),
            modality=self.first.modality,
            hedged=all(o.hedged or o.anonymous for o in obs),
            contradicts=self.contradicts,
            rank=self.first.rank,
            bound=_usual_bound(obs, self.first.bound),
            strong=any(o.strong for o in obs),
            strong_documents=unique(o.source.doc_id for o in obs if o.strong),
            unhedged_documents=unique(o.source.doc_id for o in obs if not (o.hedged or o.anonymous)),
            role=self.role,
            source_keys=source_keys(documents, {o.source.doc_id: o.source.outlet for o in obs}, origins),
        )


def _usual_bound(observations: Sequence[Observation], first: str) -> str:
    """The bound most reports of a figure state ("up to 200,000" in most, "200,000" in a headline)."""
    bounds = Counter(o.bound for o in observations).most_common()
    return bounds[0][0] if bounds and bounds[0][1] > sum(n for b, n in bounds if b == first) else first


def source_keys(documents: Sequence[str], outlets: Mapping[str, str | None], origins: Mapping[str, str]) -> tuple[str, ...]:
    """For each document, the independent source it counts as: documents that copy one another (`origins`
    maps each to the first of its group) are one source, and so are the articles of one outlet."""
    groups = UnionFind()
    for doc in documents:
        groups.join(doc, origins.get(doc, doc))
        if outlets.get(doc):
            groups.join(doc, "outlet:" + outlets[doc])
    return tuple(groups.root(doc) for doc in documents)


def build_facts(story_id: str, observations: Iterable[Observation], origins: Mapping[str, str] | None = None
                ) -> list[Fact]:
    """The story's facts, most widely reported first. `origins` maps an article that copies or rewrites
    another to the first article of its copy group: a copy is no independent source."""
    groups = _group(list(observations))
    asked = {key: obs for key, obs in groups.items() if fact_type(key[0]).asks(key, obs)}  # "When will it end?": no
    facts = [_fact(story_id, key, obs, origins or {}) for key, obs in asked.items()]
    facts = [f for f in facts if f.values and _open_question(f)]
    return sorted(facts, key=lambda f: (-_reach(f), f.question))


def _open_question(fact: Fact) -> bool:
    """An office whose holder never changes is background ("Prime Minister X" in every article), not an
    open question: an office-holder fact needs two or more holders, each carried by two or more independent
    sources (one article's slip, "Rene Preval" as US President, or a spelling, "Ban Ki-Moon", is no change of
    holder). A count of people with no event and no owner ("How many staff are in Haiti?": whose?) is no
    question either."""
    if fact.type == "holder":
        return len({v.value.casefold() for v in fact.values if v.independent >= 2}) > 1
    level = re.match(r"How many (.+?)(?: are in .*|\?)$", fact.question) if fact.type == "count" else None
    if level and not fact.cumulative and level.group(1).lower() in _NEEDS_OWNER:
        return False
    return True


_NEEDS_OWNER = frozenset({"people", "members", "staff", "employees", "workers", "children", "personnel", "others",
                          "persons", "individuals", "charities", "organisations", "organizations", "agencies",
                          "groups", "families", "haitians", "residents", "volunteers"})


def _group(observations: list[Observation]) -> dict[tuple, list[Observation]]:
    groups: dict[tuple, list[Observation]] = defaultdict(list)
    observations = _full_names(observations)
    done = [o for o in observations if is_done(o)]
    observations = [o for o in observations if not is_done(o)]
    places = _usual_places(observations)
    revisions = [o for o in observations if o.revises]
    for o in observations:
        if not o.revises and not _unplaceable(o, places):
            groups[_key(o, places)].append(o)
    for o in revisions:
        targets = [k for k, obs in groups.items() if _revised_by(k, obs, o)]
        for key in targets or ([] if o.shift else [_key(o, places)]):
            groups[key].append(o)
    for o in done:  # a thing done joins the facts it closes; alone it asks nothing
        for key in _closed_by(groups, o, places):
            groups[key].append(o)
    return _merge_similar(dict(groups))




def _closed_by(groups: dict[tuple, list[Observation]], o: Observation, places: dict[tuple[str, ...], str]
               ) -> list[tuple]:
    """The keys of the facts a thing done closes: of its kind and place (stated, or the story's usual one), or of
    no place when no report of the story states one."""
    place = _key(o, places)[2].casefold()
    closes = plan.closes if o.ask == "when" else level.closes
    return [k for k, obs in groups.items() if k[0] == o.ask and k[2].casefold() in (place, "") and closes(k, obs, o)]


def _full_names(observations: list[Observation]) -> list[Observation]:
    """A person named by surname alone ("Murray") joins the one full name of the story that ends with it; a
    company named short ("Lehman") the one longer name that starts with it ("Lehman Brothers")."""
    observations = _joined_names(observations, "status", lambda name: name.split()[-1])
    return _joined_names(observations, "company", lambda name: name.split()[0])


def _joined_names(observations: list[Observation], ask: str, short: Callable[[str], str]) -> list[Observation]:
    names = {o.topic for o in observations if o.ask == ask}
    full = defaultdict(set)
    for name in names:
        if len(name.split()) > 1:
            full[short(name)].add(name)
    return [replace(o, topic=next(iter(full[o.topic])), subject=None if ask == "status" else next(iter(full[o.topic])))
            if o.ask == ask and len(o.topic.split()) == 1 and len(full.get(o.topic, ())) == 1 else o
            for o in observations]


def _merge_similar(groups: dict[tuple, list[Observation]]) -> dict[tuple, list[Observation]]:
    """Joins groups that read alike and pass the structured comparison.

    Embeddings are computed only for groups that some other group could join,
    so most stories never load the model.
    """
    keys = list(groups)
    pairs = [(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys))
             if _same_question(keys[i], groups[keys[i]], keys[j], groups[keys[j]])]
    if not pairs or not similar.available():
        return groups
    texts = [[o.citation.text for o in groups[k]] for k in keys]
    merged = dict(groups)
    home = {k: k for k in keys}  # where each original group now lives
    for c in similar.candidate_merges(texts, pairs=pairs):
        a, b = home[keys[c.left]], home[keys[c.right]]
        if a == b or not _same_question(a, merged[a], b, merged[b]):
            continue  # an earlier merge changed what these groups hold
        key = _joined_key(a, b)
        observations = merged.pop(a) + merged.pop(b)
        merged[key] = observations
        home = {k: key if h in (a, b) else h for k, h in home.items()}
    return merged


def _same_question(a: tuple, obs_a: list[Observation], b: tuple, obs_b: list[Observation]) -> bool:
    """Same kind of question, event or phase, and place; compatible topics; and the
    group with the looser topic brings no value of its own (see `_values_fit`).

    An unstated place never reaches here: grouping gave it the story's usual place.
    """
    if not (a[0] == b[0] and a[3] == b[3] and _topics_fit(a[1], b[1]) and a[2].casefold() == b[2].casefold()):
        return False
    a_words, b_words = len(a[1].split()), len(b[1].split())
    if a_words == b_words:
        return _values_fit(obs_a, obs_b) or _values_fit(obs_b, obs_a)
    return _values_fit(obs_a, obs_b) if a_words < b_words else _values_fit(obs_b, obs_a)


def _topics_fit(a: str, b: str) -> bool:
    """ "troops" fits "us troops": one names what the other names more precisely."""
    x, y = set(a.split()), set(b.split())
    return bool(x and y) and (x <= y or y <= x)


def _values_fit(joining: list[Observation], host: list[Observation]) -> bool:
    """Every value of the joining group agrees with a value of the host.

    A looser topic ("troops") often counts a part of the whole (the troops at
    one base, on one flight): a group that brings values of its own is more
    likely another question than a contradiction of this one.
    """
    values = [o for o in joining if o.value and not o.denies]
    known = [o for o in host if o.value and not o.denies]
    return bool(values) and all(
        any(_same(x, y.value) or _same(y, x.value) for y in known)
        for x in values
    )


def _joined_key(a: tuple, b: tuple) -> tuple:
    """The key of the group with the more precise topic."""
    return max(a, b, key=lambda k: (len(k[1].split()), k))


def _revised_by(key: tuple, observations: list[Observation], o: Observation) -> bool:
    if o.revises == "*":
        return key[:2] == (o.ask, o.topic) and any(x.value for x in observations)
    return any(_same(x, o.revises or "") for x in observations)


def _key(o: Observation, places: dict[tuple[str, ...], str]) -> tuple[str, str, str, str]:
    if o.ask == "holder" and not o.place:  # an office named without its country: the holder's, as written elsewhere
        return (o.ask, o.topic, places.get((o.ask, o.topic, o.value), ""), "")
    if o.ask not in USUAL_PLACE_ASKS:
        return (o.ask, o.topic, o.place or "", o.qualifier)  # a person, an office, an amount: scope as written
    place = o.place or places.get((o.ask, o.topic)) or places.get((o.ask, "")) or ""
    return (o.ask, o.topic, place, o.qualifier)


def _usual_places(observations: list[Observation]) -> dict[tuple[str, ...], str]:
    """The place most often stated for each question in the story, and overall.

    News leaves the place implicit when it is the story's subject ("the mission
    will end by September"); the other reports of the same story state it.
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    unplaced = Counter((o.ask, o.topic) for o in observations if o.ask == "count" and not o.place)
    for o in observations:
        if o.place:
            votes[(o.ask, o.topic)][o.place] += 1
            votes[(o.ask, "")][o.place] += 1
            if o.ask == "holder":  # the country the same holder's office is written with
                votes[(o.ask, o.topic, o.value)][o.place] += 1
    votes = {k: _voting(k, c) for k, c in votes.items()}
    usual = {k: _usual(k, c) for k, c in votes.items() if c}
    # a count's own usual place, stated by few of its reports ("bodies" in the capital in 3 of 30), is
    # not where the others are: they take the story's
    return {k: place for k, place in usual.items() if k[0] != "count" or k[1] == "" or place == "" or
            votes[k][place] * 3 >= sum(votes[k].values()) + unplaced[k]}


def _voting(key: tuple[str, ...], votes: Counter[str]) -> Counter[str]:
    """The places that compete to be a count's unstated place. The world's counts are always written as such
    (`count_scope.place_of` reads "worldwide", a world body or "in N countries" in the sentence), so a count with
    no place is seldom the world's: the world's reports vote only when they hold most of them, and do not split
    the story's own place from its unstated counts (deaths in Mexico against the world's)."""
    if key[0] != "count" or WORLDWIDE not in votes or votes[WORLDWIDE] * 2 > sum(votes.values()):
        return votes
    return Counter({place: n for place, n in votes.items() if place != WORLDWIDE})


def _usual(key: tuple[str, ...], votes: Counter[str]) -> str:
    """The place most reports state; for a count, "" when no place holds most of them (split)."""
    ((place, top),) = votes.most_common(1)
    return place if key[0] != "count" or top * 2 > sum(votes.values()) else ""


def _unplaceable(o: Observation, places: dict[tuple[str, ...], str]) -> bool:
    """A count with no place of its own whose question's reports are split between places (cases in
    Mexico, in the United States, worldwide): it could be any of them, and is left out."""
    return o.ask == "count" and not o.place and places.get((o.ask, o.topic)) == ""


def _fact(story_id: str, key: tuple, observations: list[Observation], origins: Mapping[str, str]) -> Fact:
    ordered = sorted(observations, key=_when)
    values: list[_Value] = []
    for o in ordered:
        _replay(values, o)
    frozen = tuple(v.freeze(origins) for v in values)
    question = _question(key, ordered)
    fact_id = "fact-" + hashlib.sha1(f"{story_id}|{'|'.join(key).lower()}".encode()).hexdigest()[:10]
    fact = Fact(id=fact_id, story=story_id, question=question, values=frozen, current=None, type=key[0],
                cumulative=any(o.cumulative for o in ordered))
    return with_current(fact, as_of=None)


def _replay(values: list[_Value], o: Observation) -> None:
    if o.shift:
        o = _shifted(values, o)
        if o is None:
            return
    if o.denies:  # of the newest value: a denial of a plan's timing is none of a thing done
        target = next((v for v in reversed(values) if not is_done(v)), None)
        if target is not None:
            values.append(_Value(target.value, target.kind, target.label, "deny", o, [o]))
        return
    for v in values:
        if v.relation != "deny" and is_done(v) == is_done(o) and _joins(o, v):
            v.observations.append(o)
            return
    if is_done(o):
        _replayis_done(values, o)
        return
    held = _holding_bound(values, o)
    if held is not None:
        held.observations.append(o)
        return
    relation = _relation(values, o)
    superseded = relation == "update" and o.ask == "count" and not o.cumulative  # a new level: no dispute
    rivals = () if relation in ("first", "elaborate") or superseded else _standing_values(values)
    values.append(_Value(o.value, o.kind, o.label, relation, o, [o], rivals))


def _replayis_done(values: list[_Value], o: Observation) -> None:
    """A thing done updates whatever stood. Told with no day of its own (the article's day, a bound: "has
    completed its withdrawal"), it agrees with a day done already reported on or before it."""
    earlier = [v for v in values if is_done(v) and v.relation != "deny" and o.bound == "<=" and v.value <= o.value]
    if earlier:
        earlier[-1].observations.append(o)
        return
    values.append(_Value(o.value, o.kind, o.label, "update" if values else "first", o, [o]))


def _holding_bound(values: list[_Value], o: Observation) -> _Value | None:
    """For a cumulative count, the newest standing figure a bound agrees with: "at least 300" agrees with 365.
    An upper bound agrees with no lower one ("as many as 177" says nothing of "at least 61"), and a bound far
    below the figure (`BOUND_SPAN` times) is a count of its own, not a vaguer telling of it: "more than 15,000
    bodies recovered" is no report of 40,000."""
    if not (o.cumulative and o.bound == ">="):
        return None
    low = float(o.value)
    above = [v for v in values if v.relation not in ("deny", "contradict") and number(v.value) is not None
             and low <= number(v.value) < BOUND_SPAN * low and v.first.bound != "<="]
    return max(above, key=lambda v: _when(v.first)[0], default=None)


def _standing_values(values: list[_Value]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.value for v in values if v.relation != "deny"))


def _shifted(values: list[_Value], o: Observation) -> Observation | None:
    """A postponement by a duration, applied to the value standing when it was reported."""
    standing = [v for v in values if v.relation != "deny" and v.value and not v.value.startswith(">=")]
    if not standing:
        return None
    base = standing[-1].value
    match = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMY])", o.shift or "")
    moved = shift_value(base, float(match.group(1)), match.group(2)) if match else None
    if moved is None:
        return None
    units = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}
    label = f"about {readable_time(moved)} ({readable_time(base)} pushed back {match.group(1)} {units[match.group(2)]})"
    return replace(o, value=moved, label=label, revises=base, shift=None)


def _relation(values: list[_Value], o: Observation) -> str:
    standing = [v for v in values if v.relation != "deny"]
    if not standing:
        return "first"
    if any(refines(v.value, o.value) for v in standing):
        return "elaborate"
    if o.revises and any(_same_value(v.value, o.revises, v.kind) for v in standing):
        return "update"
    typed = fact_type(o.ask).relation([v.first for v in standing if v.relation != "contradict"] or
                                      [v.first for v in standing], o)
    if typed is not None:
        return typed
    latest_old = max((_when(x)[0] for v in standing for x in v.observations), default=date.min)
    wait = fact_type(o.ask).SAME_TIME_DAYS  # 3 days; a level updates on any later day (facttypes/level.py)
    if _when(o)[0] > latest_old and (_when(o)[0] - latest_old).days > wait:
        return "update"
    return "contradict"


def _joins(o: Observation, v: _Value) -> bool:
    """The observation reports the value: the same figure, or one within `QUANTITY_TOLERANCE` of it when
    either is approximate ("some 300 deaths", then 306). Two exact figures join only when equal (113 deaths
    is not 109), and an exact figure above an approximate one of a cumulative count is its update. Bounds the
    other way round never join a figure that is no toll ("almost $800 billion", then "more than $800 billion": the
    plan has grown past it); a toll's estimates ("as high as 100,000", "well over 100,000") are told both ways of
    one round figure on the same days, and stay one value."""
    x, y = number(o.value), number(v.value)
    if not o.cumulative and _opposite_bounds(o.bound, v.first.bound):
        return False
    if o.kind != "quantity" or x is None or y is None or x == y:
        return _same(o, v.value)
    if not (o.approximate or v.first.approximate) or (o.cumulative and not o.approximate and x > y):
        return False
    return _same(o, v.value)


def _opposite_bounds(a: str, b: str) -> bool:
    return {a, b} == {">=", "<="}


def _same(o: Observation, value: str) -> bool:
    return _same_value(o.value, value, o.kind)


def _same_value(a: str, b: str, kind: str) -> bool:
    """Equal values; a vaguer date agrees with a precise one it contains (2025 ~ 2025-09)."""
    if kind != "quantity":
        return a == b or b.startswith(a + "-")
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a == b
    return abs(x - y) <= QUANTITY_TOLERANCE * max(abs(x), abs(y))




def _when(o: Observation) -> tuple[date, str]:
    return (o.source.published or date.max, o.source.doc_id)


def _question(key: tuple[str, str, str, str], observations: list[Observation]) -> str:
    """The question, worded by the fact's type (link/facttypes)."""
    return fact_type(key[0]).question(key, observations)




def _reach(fact: Fact) -> int:
    return len({k for v in fact.values for k in (v.source_keys or v.outlets)})
