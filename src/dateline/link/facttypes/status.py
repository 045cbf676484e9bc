"""A person's status: "What is Conrad Murray's status?" (not a suspect, under investigation, charged, ...).

Value: a canonical status, a step of a criminal case as news writes it (`data/facttypes.toml
[status.rank]`: not a suspect, under investigation, suspect, arrested, charged, on trial,
convicted or acquitted, sentenced, released), or another change of a person's standing
(resigned, fled, dead); the words that stated it are in the cited sentence.

Read from claims that happened, or denials that state a status ("was not under criminal
investigation" states "not a suspect"): the verb (`[status.predicates]`: "was charged",
"pleaded not guilty" states a charge, "pleaded guilty" a conviction), what "be" says of the
person (`[status.be_phrases]`: "is not a suspect", "is the focus of a manslaughter
investigation", "is on trial"), a charge denied or faced ("has denied a charge of
manslaughter", "denies murder"); and from a search of the person's premises for evidence of
a crime ("police searched the home of Jackson's doctor as part of a manslaughter
investigation": under investigation).

Scope: the person (`persons.py`): named in the claim, in apposition before it, or, for a
description ("the doctor", "Jackson's former physician") or "he"/"she", the one person of
the article who fits. A person whose only status is "dead" is no question: a death is an
event, asked about by the cause and manner facts (`death.py`) and shown on the timeline.
Relation: statuses are steps on a scale, see `base.ordered_relation`: being convicted updates
being charged; "was charged in 2010", written after the conviction, is history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, alternation, citation, lexicon, possessive, usual_name
from dateline.link.facttypes.persons import claim_person, owner_after
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim


@dataclass(frozen=True)
class StatusType(OnScale):
    name: str = "status"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for c in annotated.claims:
            if history(c.text, source):
                continue  # "was cleared of child molestation in 2005", in a 2011 article: what stood then
            status = claim_status(c)
            name = claim_person(annotated, c, acted_on=_acts_on_person(c)) if status else None
            if status and name:
                yield _observation(annotated, source, c.start, c.end, status, name, c)
        yield from _searched(annotated, source)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What is {possessive(usual_name(observations) or key[1].title())} status?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A death alone is no status to follow: it is an event (the timeline has it, and the cause and
        manner facts ask about it). A status fact is asked when some report gives another status."""
        return any(o.value != "dead" for o in observations)


TYPE = StatusType()


def claim_status(c: Claim) -> str | None:
    """The status a claim states of its subject, or None."""
    predicate = (c.predicate or "").lower()
    if c.modality != "happened" and not (c.modality == "denied" and c.negated):
        return None  # planned, expected or possible: no status yet; a denial states one ("is not a suspect")
    if predicate in ("be", "remain"):
        return _be_status(c)
    if predicate == "name":
        return _named_status(c)
    if c.modality != "happened":
        return None
    if predicate == "find" and "guilty" in (c.object or "").lower():
        return "acquitted" if "not guilty" in (c.object or "").lower() or c.negated else "convicted"
    if predicate in ("deny", "face"):
        return "charged" if not c.negated and _names_charge(c.object or "") else None
    plea = _plea(c)
    if plea and not c.negated:
        return plea  # "pleaded not guilty" states the charge, "pleaded guilty" the conviction
    status = lexicon()["status"]["predicates"].get(predicate)
    if re.search(rf"\b(?:nearly|almost)\s+{re.escape(predicate[:4])}", c.text, re.IGNORECASE):
        return None  # "he nearly resigned": he did not
    if status is None or (c.negated and predicate != "plead") or _says_that(c) or _duty(c):
        return None
    return status


def _be_status(c: Claim) -> str | None:
    """What "be"/"remain" says of the subject: the phrase after it ("a suspect", "under criminal investigation",
    "the focus of a manslaughter investigation", "on trial"), denied by "not", "in no way", "no longer"."""
    words = lexicon()["status"]
    after = c.text[len(c.subject):] if c.subject and c.text.startswith(c.subject) else c.text
    for phrase, status in words["be_phrases"].items():
        found = re.search(rf"\b{phrase}\b", after, re.IGNORECASE)
        if not found:
            continue
        said = after[:found.start()]
        if re.search(r"[,;]", said) or len(said.split()) > 8:
            return None  # the phrase belongs to another clause ("The doctor, who police say is not a suspect, was")
        denied = c.negated or re.search(rf"(?:\b|n't){alternation(words['be_negations'])}\b", said, re.IGNORECASE)
        if denied:
            return "not a suspect" if words["rank"][status] < words["rank"]["arrested"] else None
        return status
    return None


def _named_status(c: Claim) -> str | None:
    """"has not been named as a suspect", "was named a person of interest"."""
    found = re.search(r"\bnamed (?:as )?(?:a |the )?(suspect|person of interest)\b", c.text, re.IGNORECASE)
    if not found:
        return None
    if c.negated:
        return "not a suspect"
    return "suspect" if found.group(1).lower() == "suspect" else "under investigation"


def _names_charge(obj: str) -> bool:
    """A charge or a crime at the head of the object: "a charge of involuntary manslaughter", "murder", "two
    counts of fraud", "a manslaughter charge"; not "any wrongdoing", "up to four years", "accusations of covering
    up ... child abuse charges"."""
    head = " ".join(obj.split()[:4])
    return re.search(rf"\b{alternation(lexicon()['status']['charges'])}\b", head, re.IGNORECASE) is not None


def _plea(c: Claim) -> str | None:
    """A plea entered, by the claim's verb ("has pleaded not guilty") or after it ("was bailed after pleading
    not guilty"); "pleaded guilty" is a conviction."""
    cue = r"\bplead(?:ed|s|ing)?" if (c.predicate or "").lower() == "plead" else r"\b(?:after|having)\s+plead(?:ed|ing)"
    found = re.search(rf"{cue}\s+(not\s+)?guilty\b", c.text, re.IGNORECASE)
    if not found:
        return None
    return "charged" if found.group(1) else "convicted"


def _says_that(c: Claim) -> bool:
    """The verb takes a clause: a charge made, not faced ("McCain charged that the mortgage giants lit
    this fire")."""
    return re.search(rf"\b{re.escape((c.predicate or '')[:5])}\w*\s+that\b(?!\s+(?:day|night|week|month|year|morning|afternoon|evening)\b)", c.text, re.IGNORECASE) is not None


def _duty(c: Claim) -> bool:
    """A task given or a reproach, not a crime charged: "is charged with deciding when to raise the alert",
    "has been charged with catering to the banks" (but "charged with killing", "charged with murder")."""
    if (c.predicate or "").lower() != "charge":
        return False
    gerund = re.search(r"\bcharged\s+with\s+(\w+ing)\b", c.text, re.IGNORECASE)
    crimes = lexicon()["status"]["crimes_done"]
    return gerund is not None and not re.match(rf"{alternation(crimes)}\b", c.text[gerund.start(1):], re.IGNORECASE)


def _acts_on_person(c: Claim) -> bool:
    """An active verb done to a person: "police arrested John Smith", "the judge sentenced Murray" (the
    subject did the arresting); "Smith was arrested" is passive."""
    predicate = (c.predicate or "").lower()
    if predicate not in lexicon()["status"]["object_verbs"]:
        return False
    passive = rf"\b(?:be|is|are|was|were|been|being|get|gets|got|getting)\s+(?:\w+ly\s+)?{re.escape(predicate[:4])}"
    return re.search(passive, c.text, re.IGNORECASE) is None


def _searched(annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
    """A search or raid of a person's premises for evidence of a crime or as part of an investigation:
    "Drug police are searching the Las Vegas home of Michael Jackson's doctor as part of a manslaughter
    investigation", "The Houston clinic of Michael Jackson's doctor has been searched by police looking for
    evidence of manslaughter": that person is under investigation."""
    text = annotated.document.text
    places = alternation(lexicon()["status"]["searched_places"])
    premises = re.compile(rf"\b{places}(?:\s+and\s+{places})?\s+of\s+", re.IGNORECASE)
    for s in annotated.sentences:
        sentence = text[s.start:s.end]
        if not (re.search(r"\b(?:search|raid)(?:ed|es|s|ing)?\b", sentence, re.IGNORECASE)
                and re.search(r"\b(?:investigation|inquiry|probe|evidence of)\b", sentence, re.IGNORECASE)):
            continue
        if history(sentence, source):
            continue
        for found in premises.finditer(sentence):
            name = owner_after(annotated, s, s.start + found.end())
            if name:
                yield _observation(annotated, source, s.start, s.end, "under investigation", name, None)
                break


def _observation(annotated: AnnotatedDocument, source: Source, start: int, end: int, status: str, name: str,
                 c: Claim | None) -> Observation:
    rank = lexicon()["status"]["rank"].get(status)
    return Observation(
        ask="status", topic=name.lower(), place=None, qualifier="", kind="state", value=status,
        label=status, source=source, citation=citation(annotated, start, end), subject=name,
        speaker=c.speaker if c else None, modality="happened", hedged=c.hedged if c else False,
        predicate=c.predicate if c else "search", rank=rank,
    )
