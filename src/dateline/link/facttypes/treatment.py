"""A stay in treatment: "Where did Tara Reid check into rehab?" (a facility, when news names it).

Read from claims that happened whose verb puts a person into a facility (`data/facttypes.toml
[treatment] verbs`: "has checked herself into Promises Treatment Center", "entered Malibu Promises
Treatment Center", "was admitted into ..."), in a sentence that says the stay is treatment (rehab,
detox, addiction), with the facility named after "into", "in to", "at" or the verb: a capitalised
name ending in a facility word ("Center", "Clinic", "Recovery"). A check-out, a stay pretended or
denied ("she never entered Morningside"), and "checked into rehab" with no facility named are none:
the question asks where.

Scope: the person (`persons.claim_person`). Value: the facility's distinctive last word ("Promises" of
"Malibu Promises Treatment Center", "Ford" of "Betty Ford Center"), labelled with the name as written.
Relation: the general rule: a move to another facility reported later updates; two reported at once
contradict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import GeneralRule, alternation, citation, lexicon, usual_name, words_pattern
from dateline.link.facttypes.persons import claim_person
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim

_NAME_WORD = r"[A-Z][\w'’&.-]*"


@dataclass(frozen=True)
class TreatmentType(GeneralRule):
    name: str = "treatment"
    value_kind: str = "name"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for c in annotated.claims:
            facility = claim_facility(c)
            name = claim_person(annotated, c) if facility else None
            if facility and name:
                yield _observation(annotated, source, c, name, facility)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        said = " ".join(o.citation.text for o in observations).lower()
        stay = "rehab" if "rehab" in said else "treatment"
        return f"Where did {usual_name(observations) or key[1].title()} check into {stay}?"


TYPE = TreatmentType()


def claim_facility(c: Claim) -> str | None:
    """The treatment facility a claim says its subject went into, as written, or None."""
    words = lexicon()["treatment"]
    predicate = (c.predicate or "").lower()
    if c.modality != "happened" or c.negated or predicate not in words["verbs"]:
        return None
    if predicate.startswith("check") and not re.search(r"\bcheck\w*[\s-]+(?:\w+self\s+)?in(?:to)?\b", c.text, re.IGNORECASE):
        return None  # "checked out of", "checked on her"; "checked-in to" is a check-in
    if re.search(rf"\bhad\s+(?:\w+\s+)?{re.escape(predicate[:4])}", c.text, re.IGNORECASE):
        return None  # "had checked into Morningside": an earlier stay, told as background
    if re.search(r"\b(?:pretend\w*|fake\w*|supposed\w*|alleged\w*)\s+(?:to\s+)?(?:check|enter)", c.text, re.IGNORECASE):
        return None
    found = _facility(c.text)
    return found if found and _treatment(c.text, found) else None


def _facility(text: str) -> str | None:
    """A facility named after "into", "in to", "in at", "at", "entered" or "admitted to": its capitalised name
    ending in a facility word; a place in the possessive before it ("California's") is left off."""
    heads = alternation(w.title() for w in lexicon()["treatment"]["facility_heads"])
    found = re.search(rf"\b(?:into|in to|in at|at|entered|enters|to)\s+(?:the\s+|a\s+)?(?:{_NAME_WORD}['’]s\s+)?"
                      rf"((?:{_NAME_WORD}\s+){{0,4}}{heads})\b", text)
    return found.group(1) if found else None


def _treatment(text: str, facility: str) -> bool:
    """The stay is treatment: the claim says so ("rehab", "detox"), or the facility's name does ("Promises
    Treatment Center"); "was admitted to a clinic for treatment" of an injury is none."""
    words = lexicon()["treatment"]["words"]
    return bool(words_pattern(words).search(text)
                or re.search(r"\btreatment\b", facility, re.IGNORECASE))


def distinctive(facility: str) -> str:
    """The facility's last word that tells it from others: "Betty Ford Center" -> "Ford"."""
    generic = set(lexicon()["treatment"]["generic"])
    words = [w for w in facility.split() if w.lower().strip(".") not in generic]
    return words[-1] if words else facility


def _observation(annotated: AnnotatedDocument, source: Source, c: Claim, name: str, facility: str) -> Observation:
    return Observation(
        ask=TYPE.name, topic=name.lower(), place=None, qualifier="", kind="name", value=distinctive(facility),
        label=facility, source=source, citation=citation(annotated, c.start, c.end), subject=name,
        speaker=c.speaker, modality=c.modality, hedged=c.hedged, predicate=c.predicate,
    )

