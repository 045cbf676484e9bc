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
from dateline.link.facttypes import fact_type, level, plan
from dateline.link.facttypes.base import JUMP, REVISED, SAME_TIME_DAYS  # noqa: F401 (link/topics.py reads it here)
from dateline.link.observations import Observation, readable_time
from dateline.model import Fact, FactValue
from dateline.wording import plural

QUANTITY_TOLERANCE = 0.05
BOUND_SPAN = 2  # a figure inside an upper bound updates it when at least half of it ("up to 200,000" -> 110,000)
USUAL_PLACE_ASKS = ("count", "when", "measure")  # questions whose unstated place is the story's usual one


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

    def freeze(self, origins: Mapping[str, str]) -> FactValue:
        obs = self.observations
        documents = _unique(o.source.doc_id for o in obs)
        return FactValue(
            value=self.value,
            kind=self.kind,
            documents=documents,
            outlets=_unique(o.source.outlet or o.source.doc_id for o in obs),
            first_reported=self.first.source.published,
            relation=self.relation,  # type: ignore[arg-type]
            label=self.label,
            citations=tuple(o.citation for o in obs),
            speakers=_unique(o.speaker for o in obs if o.speaker),
            modality=self.first.modality,
            hedged=all(o.hedged or o.anonymous for o in obs),
            contradicts=self.contradicts,
            rank=self.first.rank,
            bound=_usual_bound(obs, self.first.bound),
            strong=any(o.strong for o in obs),
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
    done = [o for o in observations if _done(o)]
    observations = [o for o in observations if not _done(o)]
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


def _done(o: Observation | FactValue | _Value) -> bool:
    """A plan reported done or a level reported none (`plan.DONE`, `level.NONE`), not a plan or a figure."""
    return bool(o.label) and (o.label.startswith(plan.DONE) or o.label == level.NONE)


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
    usual = {k: _usual(k, c) for k, c in votes.items()}
    # a count's own usual place, stated by few of its reports ("bodies" in the capital in 3 of 30), is
    # not where the others are: they take the story's
    return {k: place for k, place in usual.items() if k[0] != "count" or k[1] == "" or place == "" or
            votes[k][place] * 3 >= sum(votes[k].values()) + unplaced[k]}


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
        target = next((v for v in reversed(values) if not _done(v)), None)
        if target is not None:
            values.append(_Value(target.value, target.kind, target.label, "deny", o, [o]))
        return
    for v in values:
        if v.relation != "deny" and _done(v) == _done(o) and _joins(o, v):
            v.observations.append(o)
            return
    if _done(o):
        _replay_done(values, o)
        return
    held = _holding_bound(values, o)
    if held is not None:
        held.observations.append(o)
        return
    relation = _relation(values, o)
    superseded = relation == "update" and o.ask == "count" and not o.cumulative  # a new level: no dispute
    rivals = () if relation in ("first", "elaborate") or superseded else _standing_values(values)
    values.append(_Value(o.value, o.kind, o.label, relation, o, [o], rivals))


def _replay_done(values: list[_Value], o: Observation) -> None:
    """A thing done updates whatever stood. Told with no day of its own (the article's day, a bound: "has
    completed its withdrawal"), it agrees with a day done already reported on or before it."""
    earlier = [v for v in values if _done(v) and v.relation != "deny" and o.bound == "<=" and v.value <= o.value]
    if earlier:
        earlier[-1].observations.append(o)
        return
    values.append(_Value(o.value, o.kind, o.label, "update" if values else "first", o, [o]))


def _holding_bound(values: list[_Value], o: Observation) -> _Value | None:
    """For a cumulative count, the newest standing figure a bound agrees with: "at least 300" agrees with 365."""
    if not (o.cumulative and o.bound == ">="):
        return None
    above = [v for v in values if v.relation not in ("deny", "contradict") and _number(v.value) is not None
             and _number(v.value) >= float(o.value)]
    return max(above, key=lambda v: _when(v.first)[0], default=None)


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


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
    if any(_refines(v.value, o.value) for v in standing):
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


def with_current(fact: Fact, as_of: date | None) -> Fact:
    """The fact as known on `as_of` (None: now), with its current value and why.

    Rule, by the kind of fact (the fact's type says which, `link/facttypes`):
    - a cumulative count (the dead, the injured, cases, the displaced, pledges):
      the newest figure wins, since a later, larger report supersedes the
      earlier ones even on the same day ("at least 300" agrees with 365 and
      adds its source to it); a smaller figure reported later is a
      contradiction, unless the sentence says the figure was revised, and never
      becomes current by repetition; a figure two or more independent sources
      carry is preferred to a newer one from a single source;
    - a state on a scale (a person charged, convicted, sentenced; an alert
      phase; a bill proposed, passed, signed): the highest step reported wins;
      a lower step reported later is history, not a rival;
    - a level (troops, the missing; `facttypes/level.py`): as anything else below, where an update is a
      figure an attributed source, or words of change ("remain", "now"), give on a later day than every
      report of the standing figures; a figure last reported before the current one was first is no
      rival, and a contradiction does not win a tie of sources;
    - anything else: the newest update wins (later reports supersede earlier
      ones) unless a named source denied it or another value was reported again
      after it by more independent sources than carry the update (by any, when
      one source alone carries it; an article giving both is history); otherwise the value most independent sources carry wins (a copy
      or rewrite of another report, or a second article of one outlet, adds none).
    A current value is disputed when a rival value still has more independent
    sources, when it rests on one source or on anonymous or hedged sourcing, or
    when someone denied it. The rivals of a cumulative count are the
    contradictions reported since it; those of a state, other states of the same step.
    """
    values = tuple(_as_known(v, as_of) for v in fact.values if _reported_by(v, as_of))
    if not values:
        return replace(fact, values=(), current=None, current_reason="", disputed=False)
    standing = [v for v in values if v.relation != "deny"]
    denied_on_record = {v.value for v in values if v.relation == "deny" and not v.hedged}
    current = _pick_current(standing, denied_on_record, fact)
    rivals = _rivals(current, standing, fact)
    denials = [v for v in values if v.relation == "deny" and v.value == current.value]
    if _done(current):  # the plans and figures it closes, and their disputes, are history
        rivals = [v for v in rivals if _done(v)]
        values_said = tuple(v for v in values if v.relation != "deny" or v in denials)
    else:
        values_said = values
    disputed = bool(denials) or any(v.relation == "deny" for v in values_said) or (
        bool(rivals) and (current.independent <= 1 or current.hedged
                          or any(r.independent > current.independent for r in rivals))
    )
    reason = _reason(current, rivals, values_said)
    return replace(fact, values=values, current=current.value, current_reason=reason, disputed=disputed)


def _ranked(standing: list[FactValue]) -> bool:
    return bool(standing) and all(v.rank is not None for v in standing)


def _pick_current(standing: list[FactValue], denied: set[str], fact: Fact | None = None) -> FactValue:
    allowed = [v for v in standing if v.value not in denied] or standing
    if _ranked(allowed):
        top = [v for v in allowed if v.rank == max(x.rank for x in allowed)]
        top = [v for v in top if _credible(v)] or top  # one source alone does not overturn a corroborated state
        return max(top, key=lambda v: (v.first_reported or date.min, v.independent))
    if fact is not None and fact.cumulative:
        credible = [v for v in allowed if v.kind == "quantity" and _credible(v)]
        if credible and all(_number(v.value) is not None for v in credible):
            return _newest_credible(credible)
        superseding = [v for v in allowed if v.relation != "contradict"] or allowed
        superseding = [v for v in superseding if v.independent >= 2] or superseding  # one source is no toll
        return max(superseding, key=lambda v: (v.first_reported or date.min, _number(v.value) or 0))
    done = _standing_done(allowed)
    if done is not None:
        return done
    updates = [v for v in allowed if v.relation == "update"  # a precision of it ("September" -> 27 September) is no rival
               and not any(_repeated_after(o, v) for o in standing
                           if o.value != v.value and not _refines(v.value, o.value))]
    if updates:
        newest = max(updates, key=lambda v: v.first_reported or date.min)
        precise = [v for v in allowed if _refines(newest.value, v.value)]
        return max(precise, key=lambda v: (_last_reported(v), v.value)) if precise else newest
    if fact is not None and fact.type == "count":  # a level: a contradiction does not win a tie of sources
        return max(standing, key=lambda v: (v.independent, v.relation != "contradict", v.first_reported or date.min))
    return max(standing, key=lambda v: (v.independent, v.first_reported or date.min))


def _standing_done(values: list[FactValue]) -> FactValue | None:
    """The thing done, when one was reported: the newest truth, superseding every pending plan or figure, unless
    an update first reported after it says otherwise: troops back (a figure), a new plan (a date after the day
    done; an earlier one told later is history). Of several days done, the one stated (not the article's day as
    a bound), then the one most independent sources carry, then the newest."""
    done = [v for v in values if _done(v)]
    if not done:
        return None
    best = max(done, key=lambda v: (v.bound != "<=", v.independent, v.first_reported or date.min))
    since = max(v.first_reported or date.min for v in done)
    later = [v for v in values if not _done(v) and v.relation == "update" and (v.first_reported or date.min) > since
             and (v.kind != "date" or v.value.removeprefix(">=") > best.value)]
    return None if later else best


def _credible(v: FactValue) -> bool:
    """A figure that may update a cumulative count: two or more independent sources carry it, or one
    gives it as official or confirmed, or a named source states it without hedging."""
    return v.independent >= 2 or v.strong


def _newest_credible(credible: list[FactValue]) -> FactValue:
    """The cumulative count's current figure, replaying its credible figures in the order they were
    first reported (the larger first on one day): a larger figure updates the standing one, and so does
    a figure inside a standing upper bound ("up to 200,000", then 110,000) or one that says it was revised;
    a smaller figure is a rival, unless it is corroborated and the standing figure was not reported again
    since (`_dropped`): the standing figure was another count (suspected deaths, another place) or a slip,
    and the reports moved on. A jump of more than `JUMP` times the standing figure updates only when
    it is corroborated (`_corroborated`): the first figures of a disaster are partial (100 bodies seen
    at one hospital, then 40,000 buried by the authorities the next day), while a figure from another
    group or scope (the world's, an estimate of all infections, another epidemic) is carried by one
    report, or only hedged."""
    ordered = sorted(credible, key=lambda v: (v.first_reported or date.min, _number(v.value)))
    current = ordered[0]
    for v in ordered[1:]:
        old, new = _number(current.value) or 0.0, _number(v.value) or 0.0
        if old > 0 and new > JUMP * old and not _corroborated(v):
            continue
        if new > old or (current.bound == "<=" and old / BOUND_SPAN <= new <= old) or (
                new < old and any(REVISED.search(c.text) for c in v.citations[:1])) or _dropped(current, v):
            current = v
    return current


def _dropped(standing: FactValue, smaller: FactValue) -> bool:
    """A smaller figure corroborated (`_corroborated`) after the standing figure's last report: no report
    repeats the standing figure once the smaller one is out."""
    since = smaller.first_reported or date.min
    return _corroborated(smaller) and _last_reported(standing) < since


def _corroborated(v: FactValue) -> bool:
    """A figure two or more independent sources carry, one of them official or named and none hedging it
    alone: enough to update a count whatever its jump."""
    return v.independent >= 2 and v.strong and not v.hedged


def _rivals(current: FactValue, standing: list[FactValue], fact: Fact) -> list[FactValue]:
    others = [v for v in standing if v.value != current.value]
    if _ranked(standing):
        return [v for v in others if v.rank == current.rank]
    if fact.cumulative:
        since = current.first_reported or date.min
        return [v for v in others if v.relation == "contradict" and (v.first_reported or date.min) >= since]
    if fact.type == "count":  # a level: a figure last reported before the current one was first is superseded
        since = current.first_reported or date.min
        return [v for v in others if _last_reported(v) >= since]
    return others


def _repeated_after(old: FactValue, update: FactValue) -> bool:
    """The old value is still being reported after the update: by more independent sources than carry the
    update, or by any when one source alone carries it. An article stating both values gives history
    ("down from 1,000 to 500"), not a rival report."""
    since = update.first_reported or date.min
    keys = dict(zip(old.documents, old.source_keys)) if old.source_keys else {}
    both = set(update.documents)
    later = {keys.get(c.document, c.outlet or c.document) for c in old.citations
             if c.published and c.published > since and c.document not in both}
    return len(later) > update.independent or (update.independent <= 1 and bool(later))


def _last_reported(v: FactValue) -> date:
    return max((c.published for c in v.citations if c.published), default=v.first_reported or date.min)


def _reason(current: FactValue, rivals: list[FactValue], values: tuple[FactValue, ...]) -> str:
    sourcing = "anonymous or hedged sources" if current.hedged else "attributed reporting"
    how = {"first": "reported", "update": "an update reported", "elaborate": "a precision reported"}
    parts = [
        f"{how.get(current.relation, current.relation).capitalize()} first on "
        f"{current.first_reported or 'an unknown date'}, {carried_by(current)}, {sourcing}"
    ]
    for r in rivals:
        parts.append(f"differs from {r.label or r.value} ({_sources_phrase(r)}, first {r.first_reported or 'undated'})")
    for d in (v for v in values if v.relation == "deny"):
        parts.append(f"{d.label or d.value} denied by {', '.join(d.speakers or d.named_outlets) or 'an unnamed source'} "
                     f"({d.first_reported or 'undated'})")
    return "; ".join(parts)


def carried_by(v: FactValue) -> str:
    """ "carried by 3 outlets (A, B, C) and 1 article of unknown outlet: 2 independent sources" """
    named = v.named_outlets
    unknown = len(v.outlets) - len(named)
    pieces = [plural(len(named), "outlet") + (f" ({', '.join(named)})" if named else "")] if named else []
    if unknown:
        pieces.append(plural(unknown, "article") + " of unknown outlet")
    return f"carried by {' and '.join(pieces) or 'no article'}: {_sources_phrase(v)}"


def _sources_phrase(v: FactValue) -> str:
    return plural(v.independent, "independent source")


def _as_known(v: FactValue, as_of: date | None) -> FactValue:
    """A value with only the reports published by `as_of` (undated reports are kept)."""
    if as_of is None:
        return v
    citations = tuple(c for c in v.citations if c.published is None or c.published <= as_of)
    documents = _unique(c.document for c in citations)
    keys = dict(zip(v.documents, v.source_keys))
    return replace(
        v,
        citations=citations,
        documents=documents,
        outlets=_unique(c.outlet or c.document for c in citations),
        source_keys=tuple(keys[d] for d in documents if d in keys) if keys else (),
    )


def _reported_by(v: FactValue, as_of: date | None) -> bool:
    return as_of is None or v.first_reported is None or v.first_reported <= as_of


def _joins(o: Observation, v: _Value) -> bool:
    """The observation reports the value: the same figure, or one within `QUANTITY_TOLERANCE` of it when
    either is approximate ("some 300 deaths", then 306). Two exact figures join only when equal (113 deaths
    is not 109), and an exact figure above an approximate one of a cumulative count is its update."""
    x, y = _number(o.value), _number(v.value)
    if o.kind != "quantity" or x is None or y is None or x == y:
        return _same(o, v.value)
    if not (o.approximate or v.first.approximate) or (o.cumulative and not o.approximate and x > y):
        return False
    return _same(o, v.value)


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


def _refines(old: str, new: str) -> bool:
    """A more precise date of the same value: 2025 -> 2025-09."""
    return new != old and new.startswith(old + "-")


def _when(o: Observation) -> tuple[date, str]:
    return (o.source.published or date.max, o.source.doc_id)


def _question(key: tuple[str, str, str, str], observations: list[Observation]) -> str:
    """The question, worded by the fact's type (link/facttypes)."""
    return fact_type(key[0]).question(key, observations)


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _reach(fact: Fact) -> int:
    return len({k for v in fact.values for k in (v.source_keys or v.outlets)})
