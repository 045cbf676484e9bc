"""A person's status: "What is Conrad Murray's status?" (charged, convicted, sentenced, ...).

Value: a canonical status (`data/facttypes.toml [status.predicates]`), shown as
is ("charged", "convicted"); the words that stated it are in the cited sentence.
Scope: the person, the first PERSON entity of the claim's subject that is not a
possessor ("Jackson's doctor, Dr Conrad Murray": Murray; titles dropped; a surname
alone joins the full name in `link/facts.py`). A person whose only status is
"dead" is no question: a death is an event, asked about by the cause and manner
facts (`death.py`) and shown on the timeline. Observed from
claims that happened and are not negated ("pleaded not guilty" states a charge;
"is not a suspect" states that status). Relation: statuses are steps on a scale
(`[status.rank]`), see `base.ordered_relation`: being convicted updates being
charged; "was charged in 2010", written after the conviction, is history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, citation, lexicon, people_in, person_name, possessive, usual_name
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim, Entity


@dataclass(frozen=True)
class StatusType(OnScale):
    name: str = "status"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for c in annotated.claims:
            if history(c.text, source):
                continue  # "was cleared of child molestation in 2005", in a 2011 article: what stood then
            status = claim_status(c)
            person = _person(annotated, c) if status else None
            if status and person:
                name = person_name(person)
                if name:
                    yield _observation(annotated, source, c, status, name)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What is {possessive(usual_name(observations) or key[1].title())} status?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A death alone is no status to follow: it is an event (the timeline has it, and the cause and
        manner facts ask about it). A status fact is asked when some report gives another status."""
        return any(o.value != "dead" for o in observations)


TYPE = StatusType()


def claim_status(c: Claim) -> str | None:
    """The status a claim states of its subject, or None."""
    words = lexicon()["status"]
    predicate = (c.predicate or "").lower()
    obj = (c.object or "").lower()
    if c.modality != "happened":
        return None
    if predicate in ("be", "remain") and obj:
        found = next((s for w, s in words["be_objects"].items() if re.search(rf"\b{w}\b", obj)), None)
        if found:
            return f"not a {found}" if c.negated else found
        return None
    if predicate == "find" and "guilty" in obj:
        return "acquitted" if "not guilty" in obj or c.negated else "convicted"
    status = words["predicates"].get(predicate)
    if status is None or (c.negated and predicate != "plead") or _says_that(c):
        return None
    return status


def _says_that(c: Claim) -> bool:
    """The verb takes a clause: a charge made, not faced ("McCain charged that the mortgage giants lit
    this fire")."""
    return re.search(rf"\b{re.escape((c.predicate or '')[:5])}\w*\s+that\b(?!\s+(?:day|night|week|month|year|morning|afternoon|evening)\b)", c.text, re.IGNORECASE) is not None


def _person(annotated: AnnotatedDocument, c: Claim) -> Entity | None:
    """The PERSON the claim is about: in its subject, else the first one in the claim before its verb; never
    a possessor ("Jackson's doctor, Dr Conrad Murray, has been charged": Murray); a claim that starts at its
    verb takes the person named in apposition right before it ("Jackson's former doctor, Conrad Murray, has
    been sentenced")."""
    text = annotated.document.text
    people = people_in(annotated, c.start, c.end)
    if not people:
        apposed = [e for e in people_in(annotated, max(0, c.start - 60), c.start)
                   if re.fullmatch(r"\s*,?\s*", text[e.end:c.start]) and re.search(r",\s*$", text[:e.start])]
        return apposed[-1] if apposed else None
    if c.subject:
        at = text.find(c.subject, c.start, c.end)
        if at >= 0:
            inside = [e for e in people if at <= e.start and e.end <= at + len(c.subject)]
            if inside:
                return inside[0]
    verb = re.search(rf"\b{re.escape((c.predicate or '')[:4])}", text[c.start:c.end], re.IGNORECASE)
    limit = c.start + verb.start() if verb else c.start
    before = [e for e in people if e.end <= limit]
    return before[0] if before else None


def _observation(annotated: AnnotatedDocument, source: Source, c: Claim, status: str, name: str) -> Observation:
    rank = lexicon()["status"]["rank"].get(status)
    return Observation(
        ask="status", topic=name.lower(), place=None, qualifier="", kind="state", value=status,
        label=status, source=source, citation=citation(annotated, c.start, c.end),
        subject=name, speaker=c.speaker, modality=c.modality, hedged=c.hedged, predicate=c.predicate, rank=rank,
    )
