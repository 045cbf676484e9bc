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
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from dateline.annotate.timex import shift_value
from dateline.link import similar
from dateline.link.observations import Observation, count_wording, readable_time
from dateline.model import Fact, FactValue

QUANTITY_TOLERANCE = 0.05
_WORD = re.compile(r"[a-z]{3,}")
SAME_TIME_DAYS = 3
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "he", "she", "we", "which", "who"})


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

    def freeze(self) -> FactValue:
        obs = self.observations
        return FactValue(
            value=self.value,
            kind=self.kind,
            documents=_unique(o.source.doc_id for o in obs),
            outlets=_unique(o.source.outlet or o.source.doc_id for o in obs),
            first_reported=self.first.source.published,
            relation=self.relation,  # type: ignore[arg-type]
            label=self.label,
            citations=tuple(o.citation for o in obs),
            speakers=_unique(o.speaker for o in obs if o.speaker),
            modality=self.first.modality,
            hedged=all(o.hedged or o.anonymous for o in obs),
            contradicts=self.contradicts,
        )


def build_facts(story_id: str, observations: Iterable[Observation]) -> list[Fact]:
    """The story's facts, most widely reported first."""
    groups = _group(list(observations))
    facts = [_fact(story_id, key, obs) for key, obs in groups.items()]
    facts = [f for f in facts if f.values]
    return sorted(facts, key=lambda f: (-_reach(f), f.question))


def _group(observations: list[Observation]) -> dict[tuple, list[Observation]]:
    groups: dict[tuple, list[Observation]] = defaultdict(list)
    places = _usual_places(observations)
    revisions = [o for o in observations if o.revises]
    for o in observations:
        if not o.revises:
            groups[_key(o, places)].append(o)
    for o in revisions:
        targets = [k for k, obs in groups.items() if _revised_by(k, obs, o)]
        for key in targets or ([] if o.shift else [_key(o, places)]):
            groups[key].append(o)
    return _merge_similar(dict(groups))


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


def _key(o: Observation, places: dict[tuple[str, str], str]) -> tuple[str, str, str, str]:
    place = o.place or places.get((o.ask, o.topic)) or places.get((o.ask, "")) or ""
    return (o.ask, o.topic, place, o.qualifier)


def _usual_places(observations: list[Observation]) -> dict[tuple[str, str], str]:
    """The place most often stated for each question in the story, and overall.

    News leaves the place implicit when it is the story's subject ("the mission
    will end by September"); the other reports of the same story state it.
    """
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for o in observations:
        if o.place:
            votes[(o.ask, o.topic)][o.place] += 1
            votes[(o.ask, "")][o.place] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def _fact(story_id: str, key: tuple, observations: list[Observation]) -> Fact:
    ordered = sorted(observations, key=_when)
    values: list[_Value] = []
    for o in ordered:
        _replay(values, o)
    frozen = tuple(v.freeze() for v in values)
    question = _question(key, ordered)
    fact_id = "fact-" + hashlib.sha1(f"{story_id}|{'|'.join(key).lower()}".encode()).hexdigest()[:10]
    fact = Fact(id=fact_id, story=story_id, question=question, values=frozen, current=None)
    return with_current(fact, as_of=None)


def _replay(values: list[_Value], o: Observation) -> None:
    if o.shift:
        o = _shifted(values, o)
        if o is None:
            return
    if o.denies:
        target = values[-1] if values else None
        if target is not None:
            values.append(_Value(target.value, target.kind, target.label, "deny", o, [o]))
        return
    for v in values:
        if v.relation != "deny" and _same(o, v.value):
            v.observations.append(o)
            return
    relation = _relation(values, o)
    rivals = () if relation in ("first", "elaborate") else _standing_values(values)
    values.append(_Value(o.value, o.kind, o.label, relation, o, [o], rivals))


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
    latest_old = max((_when(x)[0] for v in standing for x in v.observations), default=date.min)
    if _when(o)[0] > latest_old and (_when(o)[0] - latest_old).days > SAME_TIME_DAYS:
        return "update"
    return "contradict"


def with_current(fact: Fact, as_of: date | None) -> Fact:
    """The fact as known on `as_of` (None: now), with its current value and why.

    Rule: the newest update wins (later reports supersede earlier ones) unless
    a named source denied it or another value was reported again after it;
    otherwise the value most outlets carry wins. A current value is disputed
    when a different value is still carried by more outlets, when it rests on
    one source or on anonymous or hedged sourcing, or when someone denied it.
    """
    values = tuple(_as_known(v, as_of) for v in fact.values if _reported_by(v, as_of))
    if not values:
        return replace(fact, values=(), current=None, current_reason="", disputed=False)
    standing = [v for v in values if v.relation != "deny"]
    denied_on_record = {v.value for v in values if v.relation == "deny" and not v.hedged}
    current = _pick_current(standing, denied_on_record)
    rivals = [v for v in standing if v.value != current.value]
    denials = [v for v in values if v.relation == "deny" and v.value == current.value]
    disputed = bool(denials) or any(v.relation == "deny" for v in values) or (
        bool(rivals) and (len(current.outlets) <= 1 or current.hedged
                          or any(len(r.outlets) > len(current.outlets) for r in rivals))
    )
    reason = _reason(current, rivals, values)
    return replace(fact, values=values, current=current.value, current_reason=reason, disputed=disputed)


def _pick_current(standing: list[FactValue], denied: set[str]) -> FactValue:
    updates = [v for v in standing if v.relation == "update" and v.value not in denied
               and not any(_last_reported(o) > (v.first_reported or date.min) for o in standing if o.value != v.value)]
    if updates:
        return max(updates, key=lambda v: v.first_reported or date.min)
    return max(standing, key=lambda v: (len(v.outlets), v.first_reported or date.min))


def _last_reported(v: FactValue) -> date:
    return max((c.published for c in v.citations if c.published), default=v.first_reported or date.min)


def _reason(current: FactValue, rivals: list[FactValue], values: tuple[FactValue, ...]) -> str:
    sourcing = "anonymous or hedged sources" if current.hedged else "attributed reporting"
    how = {"first": "reported", "update": "an update reported", "elaborate": "a precision reported"}
    parts = [
        f"{current.label or current.value}: {how.get(current.relation, current.relation)} first on "
        f"{current.first_reported or 'an unknown date'}, carried by {len(current.outlets)} "
        f"outlet(s) ({', '.join(current.outlets)}), {sourcing}"
    ]
    for r in rivals:
        parts.append(f"differs from {r.label or r.value} ({len(r.outlets)} outlet(s), first {r.first_reported or 'undated'})")
    for d in (v for v in values if v.relation == "deny"):
        parts.append(f"{d.label or d.value} denied by {', '.join(d.speakers or d.outlets)} ({d.first_reported or 'undated'})")
    return "; ".join(parts)


def _as_known(v: FactValue, as_of: date | None) -> FactValue:
    """A value with only the reports published by `as_of` (undated reports are kept)."""
    if as_of is None:
        return v
    citations = tuple(c for c in v.citations if c.published is None or c.published <= as_of)
    return replace(
        v,
        citations=citations,
        documents=_unique(c.document for c in citations),
        outlets=_unique(c.outlet or c.document for c in citations),
    )


def _reported_by(v: FactValue, as_of: date | None) -> bool:
    return as_of is None or v.first_reported is None or v.first_reported <= as_of


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
    ask, topic, place, qualifier = key
    where = f" {place}" if place else ""
    if ask == "count":
        verb = count_wording(qualifier)
        if where:
            return f"How many {topic} {verb}{where}?"
        return f"How many {topic} {verb.removesuffix(' in')}?" if qualifier else f"How many {topic}?"
    subject = _subject_phrase(observations)
    phase = f"{qualifier} " if qualifier and qualifier not in subject.lower() else ""
    return f"When will {phase}{subject} {_verb(observations, topic, subject)}?"


# Verbs that read well with no object: "When will the mission conclude?"
_INTRANSITIVE = frozenset(
    "end conclude leave withdraw depart exit finish close expire begin start resume continue remain stay".split()
)
_ACTOR_VERBS = frozenset("leave withdraw depart exit arrive stay remain".split())
_ACTOR_VERB = {"end": "leave", "begin": "arrive", "continue": "stay"}


def _verb(observations: list[Observation], topic: str, subject: str) -> str:
    """The verb the reports use most, when it reads well without an object.

    Otherwise the topic's own verb, or for an actor ("the United States")
    the verb of what an actor does: leave, arrive, stay.
    """
    actor = subject.removeprefix("the ")[:1].isupper()
    fitting = _ACTOR_VERBS if actor else _INTRANSITIVE
    verbs = Counter(o.predicate for o in observations if o.predicate in fitting and not o.revises)
    if verbs:
        return verbs.most_common(1)[0][0]
    return _ACTOR_VERB.get(topic, topic) if actor else topic


def _subject_phrase(observations: list[Observation]) -> str:
    """The phrase most like all the others: what the reports agree the question is about."""
    subjects = [o.subject for o in observations if o.subject and not o.revises]
    subjects = subjects or [o.subject for o in observations if o.subject] or ["it"]
    bags = [set(_WORD.findall(s.lower())) for s in subjects]
    best = max(
        range(len(subjects)),
        key=lambda i: (sum(len(bags[i] & other) for other in bags), -len(subjects[i])),
    )
    words = subjects[best].split()
    if words and words[0].lower() in {"a", "an", "the"}:
        words = words[1:]
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return words[0].lower()  # "When will it begin?", never "the it"
    return "the " + " ".join(words)


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _reach(fact: Fact) -> int:
    return len({o for v in fact.values for o in v.outlets})
