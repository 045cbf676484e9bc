"""Whose a count of troops, police or staff is ("Sri Lankan troops", "UN staff" killed), read by `force.read_force`,
so that one question never mixes owners; a count of them whose words put them among the dead, the hurt or the
missing is of that toll, not a level."""

from __future__ import annotations

from dataclasses import replace

from dateline.link.facttypes.count_kinds import TROOPS, Kind, by_name, kind_of
from dateline.link.facttypes.force import FORCES, Force, read_force, tells_a_toll
from dateline.link.observations import Observation
from dateline.model import AnnotatedDocument, Quantity


def kind_and_force(q: Quantity, obs: Observation, annotated: AnnotatedDocument
                   ) -> tuple[Kind | None, Force | None]:
    """The kind of a count and, for troops, police or staff, whose they are; a count of them whose words put
    them among the dead, the hurt or the missing is of that toll, not a level (nor of no kind)."""
    kind = kind_of(q, obs)
    force = _force(q, obs, kind, annotated)
    if force is not None and force.state and (kind is None or kind.name == TROOPS):
        kind = by_name()[force.state]
    return kind, force


def _force(q: Quantity, obs: Observation, kind: Kind | None, annotated: AnnotatedDocument) -> Force | None:
    """Whose troops, police or staff a count of a level or a toll counts (`read_force`); None for other
    counts."""
    if kind is not None and not (kind.name == TROOPS or kind.people):
        return None
    return read_force(annotated.document.text, (obs.citation.start, obs.citation.end), q.start, q.end,
                      q.counts or "")


TOLL_NEAR = 150  # characters either side of a troop count where words of a toll make it no level


def with_owner(q: Quantity, obs: Observation, kind: Kind, force: Force | None, annotated: AnnotatedDocument
               ) -> Observation | None:
    """The count with its owner's group ("Sri Lankan troops", "UN staff" killed); None for a count the
    ledger cannot own: a level of no force (medical personnel, firefighters) or of no owner ("All 7,000 soldiers",
    which would mix owners), a level in a sentence about the dead or the missing, a toll of troops or staff of
    no owner."""
    if force is None:
        return obs
    if kind.name == TROOPS:
        near = annotated.document.text[max(obs.citation.start, q.start - TOLL_NEAR):min(obs.citation.end, q.end + TOLL_NEAR)]
        if not force.military or force.owner is None or tells_a_toll(near):
            return None
    elif force.noun not in ("staff", *FORCES):
        return obs  # firefighters, rescuers: their own group, as written
    elif force.owner is None:
        return None if force.military else obs  # troops of no owner would mix owners; "staff" stay as written
    group = force.group(tally=kind.name != TROOPS)
    return replace(obs, topic=group.lower(), subject=group)
