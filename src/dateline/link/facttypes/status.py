"""A person's status: "What is Conrad Murray's status?" (charged, convicted, sentenced, ...).

Value: a canonical status (`data/facttypes.toml [status.predicates]`) with the
words that stated it as the label ("charged with involuntary manslaughter").
Scope: the person, the first PERSON entity of the claim's subject (titles
dropped; a surname alone joins the full name in `link/facts.py`). Observed from
claims that happened and are not negated ("pleaded not guilty" states a charge;
"is not a suspect" states that status). Relation: statuses are steps on a scale
(`[status.rank]`), see `base.ordered_relation`: being convicted updates being
charged; "was charged in 2010", written after the conviction, is history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, citation, entities_in, lexicon, person_name
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim, Entity

_LABEL_WORDS = 6


@dataclass(frozen=True)
class StatusType(OnScale):
    name: str = "status"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for c in annotated.claims:
            status = claim_status(c)
            person = _person(annotated, c) if status else None
            if status and person:
                name = person_name(person)
                if name:
                    yield _observation(annotated, source, c, status, name)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        names = [o.subject for o in observations if o.subject]
        name = max(set(names), key=lambda n: (names.count(n), len(n))) if names else key[1].title()
        return f"What is {name}'{'' if name.endswith('s') else 's'} status?"


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
    if status is None or (c.negated and predicate != "plead"):
        return None
    return status


def _person(annotated: AnnotatedDocument, c: Claim) -> Entity | None:
    """The PERSON the claim is about: in its subject, else the first one in the claim before its verb."""
    people = entities_in(annotated, c.start, c.end, ("PERSON",))
    if not people:
        return None
    text = annotated.document.text
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
        label=_label(annotated, c, status), source=source, citation=citation(annotated, c.start, c.end),
        subject=name, speaker=c.speaker, modality=c.modality, hedged=c.hedged, predicate=c.predicate, rank=rank,
    )


def _label(annotated: AnnotatedDocument, c: Claim, status: str) -> str:
    """The words that stated the status: from the verb on, a few words ("charged with involuntary manslaughter")."""
    text = annotated.document.text[c.start:c.end]
    verb = re.search(rf"\b{re.escape((c.predicate or '')[:4])}\w*", text, re.IGNORECASE)
    if not verb:
        return status
    words = text[verb.start():].split()[:_LABEL_WORDS]
    stop = next((i for i, w in enumerate(words) if i >= 2 and w.lower() in _LABEL_STOPS), len(words))
    if status == "dead":
        stop = 1  # "died", not where
    return " ".join(words[:stop]).rstrip(",;:")


_LABEL_STOPS = frozenset({"in", "at", "on", "after", "when", "while", "from", "since", "by", "last", "earlier",
                          "before", "during"})
