"""Typed facts: each kind of open question is a small module sharing one interface.

A fact type (`FactType`) says how its observations are found in an annotated
article (`observe`), how its question reads (`question`), and how a new value
relates to the values already standing (`relation`; None leaves the general rule
of `link/facts.py`). The types, and the `ask` their observations carry:

| module | ask | value kind | example question |
|---|---|---|---|
| count | count | quantity | How many people were killed in Haiti? |
| plan | when | date | When will the coalition mission in Iraq end? |
| status | status | state | What is Conrad Murray's status? |
| state | level, measure, bill | state | What is the World Health Organization's alert level? |
| office | holder | name | Who is the US Treasury Secretary? Who is Mexico's Health Minister? |
| amount | amount | money | How much is the rescue plan worth? |
| death | cause, manner, died | state, date | What killed Michael Jackson? How was his death ruled? When did he die? |
| proceeding | hearing, bail, licence, term | date, state | When does Conrad Murray's trial start? |
| rate | rate | quantity (percent) | What is the US unemployment rate? |
| company | company | state | What is the state of Lehman Brothers? |
| appointment | appointment | name | Who is the Philadelphia 76ers' coach? Who will host the Academy Awards? |
| contest | winner | name | Who won the fight between Wladimir Klitschko and Tony Thompson? Who won the election? |
| treatment | treatment | name | Where did Tara Reid check into rehab? |
| incident_cause | incident_cause | state | What caused the fire in Banstead? |
| offer | offer | state | What is the Angels' offer to Mark Teixeira? What is Barclays' bid for Lehman Brothers? |
| regulation | regulation | state | What is the state of the endangered species rule? |
| election | election_day, turnout | date, quantity | When is the parliamentary election in Turkmenistan? What was the turnout? |

A new type is a new module listed in `TYPES`, not a branch in a shared one.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.link.facttypes import (
    amount,
    appointment,
    company,
    contest,
    count,
    death,
    election,
    incident_cause,
    offer,
    office,
    plan,
    proceeding,
    rate,
    regulation,
    state,
    status,
    treatment,
)
from dateline.link.facttypes.base import FactType, ordered_relation
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument

TYPES: tuple[FactType, ...] = (count.TYPE, plan.TYPE, status.TYPE, state.LEVEL, state.MEASURE, state.BILL,
                               office.TYPE, amount.TYPE, death.CAUSE, death.MANNER, death.DAY, proceeding.HEARING,
                               proceeding.BAIL, proceeding.LICENCE, proceeding.TERM, rate.TYPE, company.TYPE,
                               appointment.TYPE, contest.TYPE, treatment.TYPE, incident_cause.TYPE,
                               offer.TYPE, regulation.TYPE, election.DAY, election.TURNOUT)
_BY_ASK = {t.name: t for t in TYPES}

__all__ = ["TYPES", "FactType", "fact_type", "observe", "ordered_relation"]


def fact_type(ask: str) -> FactType:
    """The type whose observations carry this `ask` ("count", "when", "status", ...)."""
    return _BY_ASK.get(ask, count.TYPE)


def observe(annotated: AnnotatedDocument) -> Iterable[Observation]:
    """Every observation of every type in one article."""
    doc = annotated.document
    source = Source(doc.id, doc.outlet, doc.published.value)
    seen: set[str] = set()
    for t in TYPES:
        if t.name in seen:
            continue  # one module may serve several asks (state: level, measure, bill)
        seen.add(t.name)
        yield from t.observe(annotated, source)
