"""A fact's current value as of a date, and why: the rule the ledger answers with.

`link/facts.py` builds each fact's values with their relations; here they are
read as known on a day (only the reports published by then), the current value
is picked by the fact's kind (a cumulative count, a state on a scale, a level,
a plan done, anything else) and the reason is written in words, with the
rivals that make it disputed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from dateline.link.facttypes.base import JUMP, REVISED, number
from dateline.model import ADDED, Fact, FactValue, is_done
from dateline.wording import plural

# a figure said to be confirmed ("has confirmed 19 deaths", "laboratory-confirmed"; not "unconfirmed")
_CONFIRMED = re.compile(r"\bconfirm", re.IGNORECASE)
BOUND_SPAN = 2  # a figure inside an upper bound updates it when at least half of it ("up to 200,000" -> 110,000)


def refines(old: str, new: str) -> bool:
    """A more precise date of the same value: 2025 -> 2025-09."""
    return new != old and new.startswith(old + "-")


def unique(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def with_current(fact: Fact, as_of: date | None) -> Fact:
    """The fact as known on `as_of` (None: now), with its current value and why.

    Rule, by the kind of fact (the fact's type says which, `link/facttypes`):
    - a cumulative count (the dead, the injured, cases, the displaced, pledges):
      the newest figure wins, since a later, larger report supersedes the
      earlier ones even on the same day ("at least 300" agrees with 365 and
      adds its source to it); a smaller figure reported later is a
      contradiction, unless the sentence says the figure was revised, and never
      becomes current by repetition; a figure two or more independent sources
      carry is preferred to a newer one from a single source. A figure counts
      when it is credible (two or more independent sources, or official,
      confirmed, or given by a named source unhedged); a plain one (one article's
      own words, no source named, unhedged: "Eighty-five staff died") updates only
      a figure one source alone gave, as an update on a later day (not beside
      other figures: a contradiction), and only while no report gives the older
      figure again; a hedged lone figure never updates;
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
    if is_done(current):  # the plans and figures it closes, and their disputes, are history
        rivals = [v for v in rivals if is_done(v)]
        values_said = tuple(v for v in values if v.relation != "deny" or v in denials)
    else:
        values_said = values
    disputed = bool(denials) or any(v.relation == "deny" for v in values_said) or (
        bool(rivals) and (current.independent <= 1 or current.hedged
                          or any(r.independent > current.independent for r in rivals))
    )
    reason = _reason(current, rivals, values_said, plain=fact.cumulative and _plain(current))
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
        plain = [v for v in allowed if v.kind == "quantity" and _plain(v)]
        if credible and all(number(v.value) is not None for v in credible + plain):
            return _newest_credible(credible, plain)
        superseding = [v for v in allowed if v.relation != "contradict"] or allowed
        superseding = [v for v in superseding if v.independent >= 2] or superseding  # one source is no toll
        return max(superseding, key=lambda v: (v.first_reported or date.min, number(v.value) or 0))
    done = _standingis_done(allowed)
    if done is not None:
        return done
    updates = [v for v in allowed if v.relation == "update"  # a precision of it ("September" -> 27 September) is no rival
               and not any(_repeated_after(o, v) for o in standing
                           if o.value != v.value and not refines(v.value, o.value) and not _added(o))]
    if updates:
        newest = max(updates, key=lambda v: (v.first_reported or date.min, not _added(v)))  # a total over its part
        precise = [v for v in allowed if refines(newest.value, v.value)]
        return max(precise, key=lambda v: (last_reported(v), v.value)) if precise else newest
    if fact is not None and fact.type == "count":  # a level: a contradiction does not win a tie of sources
        return max(standing, key=lambda v: (v.independent, v.relation != "contradict", v.first_reported or date.min))
    return max(standing, key=lambda v: (v.independent, v.first_reported or date.min))


def _added(v: FactValue) -> bool:
    """Troops added to a deployment ("4,000 more"): part of the newer total, never a rival of it."""
    return v.role == ADDED


def _standingis_done(values: list[FactValue]) -> FactValue | None:
    """The thing done, when one was reported: the newest truth, superseding every pending plan or figure, unless
    an update first reported after it says otherwise: troops back (a figure), a new plan (a date after the day
    done; an earlier one told later is history). Of several days done, the one stated (not the article's day as
    a bound), then the one most independent sources carry, then the newest."""
    done = [v for v in values if is_done(v)]
    if not done:
        return None
    best = max(done, key=lambda v: (v.bound != "<=", v.independent, v.first_reported or date.min))
    since = max(v.first_reported or date.min for v in done)
    later = [v for v in values if not is_done(v) and v.relation == "update" and (v.first_reported or date.min) > since
             and (v.kind != "date" or v.value.removeprefix(">=") > best.value)]
    return None if later else best


def _credible(v: FactValue) -> bool:
    """A figure that may update a cumulative count: two or more independent sources carry it, or one
    gives it as official or confirmed, or a named source states it without hedging."""
    return v.independent >= 2 or v.strong


def _plain(v: FactValue) -> bool:
    """A figure one report states in its own words, with no source named, not given as official and not
    hedged ("Eighty-five UN employees died"): the outlet's own reporting, weaker than a credible figure."""
    return not _credible(v) and not v.hedged


def _newest_credible(credible: list[FactValue], plain: Sequence[FactValue] = ()) -> FactValue:
    """The cumulative count's current figure, replaying its credible figures in the order they were
    first reported (the smaller first on one day, and one that says it revises the count last): a larger
    figure updates the standing one, and so does
    a figure inside a standing upper bound ("up to 200,000", then 110,000) or one that says it was revised;
    a smaller figure is a rival, unless it is corroborated and the standing figure was not reported again
    since (`_dropped`), or ends a series of new smaller figures from more sources (`_undercut`), or is a
    confirmed figure below a standing upper bound (`_under_ceiling`: "up to 176" suspected, then 15 confirmed):
    the standing figure was another count (suspected deaths, another place) or a slip, and the reports moved on. A jump of more than `JUMP` times the standing figure updates only when
    it is corroborated (`_corroborated`): the first figures of a disaster are partial (100 bodies seen
    at one hospital, then 40,000 buried by the authorities the next day), while a figure from another
    group or scope (the world's, an estimate of all infections, another epidemic) is carried by one
    report, or only hedged; a figure first reported the same day as the standing one is no jump when a named
    or official source gives it (`_same_day`): the smaller had not stood a day. A plain figure (`_plain`) updates as well, but only a figure one source alone
    gave, as a later update, and only while no other report repeats the standing figure after it
    (`_plain_update`): the latest report wins, unless the reports went on giving the older figure."""
    ordered = sorted([*credible, *plain], key=lambda v: (v.first_reported or date.min, _revises(v), number(v.value)))
    current = next(v for v in ordered if v in credible)
    for v in ordered:
        if v is current or (v in plain and not _plain_update(current, v)):
            continue
        old, new = number(current.value) or 0.0, number(v.value) or 0.0
        if old > 0 and new > JUMP * old and not _corroborated(v) and not _same_day(current, v):
            continue
        if new > old or (current.bound == "<=" and old / BOUND_SPAN <= new <= old) or (
                new < old and _revises(v)) or _dropped(current, v) or _under_ceiling(current, v) or (
                new < old and _undercut(current, v, ordered)):
            current = v
    return current


def _under_ceiling(standing: FactValue, v: FactValue) -> bool:
    """An upper bound ("has killed up to 176 people", "as many as 176") is a ceiling of the suspected, not a
    tally: an exact figure given unhedged on a later day, below it, by an official or named source in a sentence
    that says it was confirmed ("three more deaths were confirmed, bringing the toll to 15"), is the count kept,
    and the count's current figure. Without the word it may be another count ("25 people still alive")."""
    later = (v.first_reported or date.min) > (standing.first_reported or date.min)
    smaller = (number(v.value) or 0.0) < (number(standing.value) or 0.0)
    confirmed = any(_CONFIRMED.search(c.text) for c in v.citations)
    return standing.bound == "<=" and not v.bound and v.strong and not v.hedged and later and smaller and confirmed


def _undercut(standing: FactValue, v: FactValue, figures: Sequence[FactValue]) -> bool:
    """`v`, official or named, ends a series of new figures below the standing one: figures stated unhedged,
    first reported on later days than the standing figure up to `v`'s and no larger than `v` ("10 countries",
    then 11 and 12 from the WHO, after a blog's "more than 30"). Two or more figures from more independent
    sources than carry the standing figure are a tally kept below it; the standing figure was another count or
    a slip. A smaller figure repeated (a slow outlet's older count) is no series: it was not first reported
    after the standing figure."""
    start, until, top = standing.first_reported or date.min, v.first_reported or date.min, number(v.value) or 0.0
    series = [c for c in figures if not c.hedged and start < (c.first_reported or date.min) <= until
              and (number(c.value) or 0.0) <= top]
    sources = {k for c in series for k in _sources(c)}
    return v.strong and len({c.value for c in series}) >= 2 and len(sources) > standing.independent


def _sources(v: FactValue) -> set[str]:
    """The sources of a value's reports, comparable across values: the outlet, else the document's source key
    (`facts.source_keys` may name a group by any of its members: comparable only within one value)."""
    keys = dict(zip(v.documents, v.source_keys))
    return {c.outlet or keys.get(c.document, c.document) for c in v.citations}


def _same_day(standing: FactValue, v: FactValue) -> bool:
    """Both figures were first reported on one day, and the larger by a named or official source: the smaller has
    not stood a day, so the larger is no jump from an established count but that day's count ("about 100
    bodies" seen at one hospital, and 7,000 buried, the president says)."""
    return standing.first_reported is not None and standing.first_reported == v.first_reported and v.strong


def _revises(v: FactValue) -> bool:
    """A figure that says it revises the count ("cut their suspected toll to 101"): of one day's figures, the
    last told."""
    return any(REVISED.search(c.text) for c in v.citations[:1])


def _plain_update(standing: FactValue, plain: FactValue) -> bool:
    """A plain figure may update a credible standing figure that one source alone carries, when it is first
    reported on a later day, the ledger relates it as an update (it came after every report of the values
    before it, not beside them: a contradiction) and no report gives the standing figure again after it
    (`_repeated_after`): of two lone reports the newer wins, while a figure two or more sources carry
    stands against one article's word. Against another plain figure it competes as usual."""
    if _plain(standing):  # figures in one's own words compete on equal terms
        return True
    later = (plain.first_reported or date.min) > (standing.first_reported or date.min)
    return (standing.independent <= 1 and later and plain.relation == "update"
            and not _repeated_after(standing, plain))


def _dropped(standing: FactValue, smaller: FactValue) -> bool:
    """A smaller figure corroborated (`_corroborated`) after the standing figure's last report: no report
    repeats the standing figure once the smaller one is out."""
    since = smaller.first_reported or date.min
    return _corroborated(smaller) and last_reported(standing) < since


def _corroborated(v: FactValue) -> bool:
    """A figure two or more independent sources carry, one of them official or named and none hedging it
    alone: enough to update a count whatever its jump."""
    return v.independent >= 2 and v.strong and not v.hedged


def _rivals(current: FactValue, standing: list[FactValue], fact: Fact) -> list[FactValue]:
    others = [v for v in standing if v.value != current.value and not (_added(v) and not _added(current))]
    if _ranked(standing):
        return [v for v in others if v.rank == current.rank]
    if fact.cumulative:
        since = current.first_reported or date.min
        return [v for v in others if v.relation == "contradict" and (v.first_reported or date.min) >= since]
    since = current.first_reported or date.min
    if fact.type != "count" and (current.independent <= 1 or current.hedged):
        return others  # a lone or hedged update leaves the values it revises standing as rivals
    # a level, or a corroborated update: a value last reported before the current one was first is superseded
    return [v for v in others if last_reported(v) >= since]


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


def last_reported(v: FactValue) -> date:
    """The day a value was last reported (its first day when no report is dated)."""
    return max((c.published for c in v.citations if c.published), default=v.first_reported or date.min)


def _reason(current: FactValue, rivals: list[FactValue], values: tuple[FactValue, ...], *, plain: bool = False
            ) -> str:
    """Why the current value: how and when it was first reported, by whom, how it is sourced (a plain figure
    of a count, `_plain`, names no source), then its rivals and denials."""
    sourcing = ("anonymous or hedged sources" if current.hedged
                else "no source named" if plain else "attributed reporting")
    how = {"first": "reported", "update": "an update reported", "elaborate": "a precision reported"}
    parts = [
        (f"{how.get(current.relation, current.relation).capitalize()} first on "
         f"{current.first_reported or 'an unknown date'}, {carried_by(current)}, {sourcing}")
    ]
    for r in rivals:
        hedged = ", anonymous or hedged" if r.hedged else ""  # a rival's sourcing is marked as the current's is
        parts.append(f"differs from {r.label or r.value} ({_sources_phrase(r)}{hedged}, first {r.first_reported or 'undated'})")
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
    documents = unique(c.document for c in citations)
    keys = dict(zip(v.documents, v.source_keys))
    return replace(
        v,
        citations=citations,
        documents=documents,
        outlets=unique(c.outlet or c.document for c in citations),
        source_keys=tuple(keys[d] for d in documents if d in keys) if keys else (),
        strong=_known_in(v.strong_documents, documents, v.strong),
        hedged=not _known_in(v.unhedged_documents, documents, not v.hedged),
    )


def _known_in(which: tuple[str, ...], known: tuple[str, ...], whole: bool) -> bool:
    """Whether one of `which` reports is out by the day (`known`): an official figure first given anonymously is
    not official before the official report. A store linked before the reports were kept has the value's
    flag for its whole history (`whole`)."""
    return any(d in known for d in which) if which else whole


def _reported_by(v: FactValue, as_of: date | None) -> bool:
    return as_of is None or v.first_reported is None or v.first_reported <= as_of
