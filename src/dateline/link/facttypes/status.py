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

A flight, a capture and a release are read in their sentence (`_custody_step`): a prisoner ("inmate", "serving
a life sentence") who breaks out has "escaped", a step after the sentence, and is "recaptured" when caught beside
the words of the escape; a suspect who runs has "fled", and a capture ("captured", "was caught" beside an escape
or a manhunt) is an arrest; a release after an arrest ("on bail", "without charge") is "released", which a charge
or a conviction supersedes, and a release from prison ends a term; a hostage freed, "escaped unhurt", "cleared
the way" (no "of") state nothing. A year that dates the crime ("convicted of the June 20, 2005 murder") does not
make the step history; one that dates the step does ("convicted in 2005").

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

from dateline.link.facttypes.base import (
    OnScale,
    alternation,
    citation,
    lexicon,
    person_name,
    possessive,
    sentence_of,
    usual_name,
    words_pattern,
)
from dateline.link.facttypes.persons import claim_person, owner_after
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim


@dataclass(frozen=True)
class StatusType(OnScale):
    name: str = "status"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        prisoners = _prisoners(annotated)
        for c in annotated.claims:
            if history(_undated_crimes(c.text), source):
                continue  # "was cleared of child molestation in 2005", in a 2011 article: what stood then
            status = claim_status(c)
            name = claim_person(annotated, c, acted_on=_acts_on_person(c)) if status else None
            if status and name:
                status = _custody_step(status, c, _sentence_text(annotated, c.start), name.split()[-1] in prisoners)
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
    if re.search(rf"\bto\s+be\s+(?:\w+ly\s+)?{re.escape(predicate[:4])}", c.text, re.IGNORECASE):
        return None  # "expected Orozco to be charged", "is to be sentenced": not yet
    if predicate in lexicon()["status"]["needs_of"] and not re.search(
            rf"\b{re.escape(predicate[:4])}\w*\s+(?:[\w'’-]+\s+){{0,3}}?of\b", c.text, re.IGNORECASE):
        return None  # "cleared as much cap room as possible", "cleared the way": no one was cleared of anything
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
    return words_pattern(lexicon()['status']['charges']).search(head) is not None


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


_IRREGULAR = {"catch": "caught"}  # participles that do not start with the verb's first letters


def _acts_on_person(c: Claim) -> bool:
    """An active verb done to a person: "police arrested John Smith", "the judge sentenced Murray" (the
    subject did the arresting); "Smith was arrested" is passive."""
    predicate = (c.predicate or "").lower()
    if predicate not in lexicon()["status"]["object_verbs"]:
        return False
    passive = (r"\b(?:be|is|are|was|were|been|being|get|gets|got|getting)\s+(?:(?:\w+ly|also|then|later|since|again|"
               rf"just|already|never|not|n't)\s+)*{_IRREGULAR.get(predicate, re.escape(predicate[:4]))}")  # "was also convicted"
    return re.search(passive, c.text, re.IGNORECASE) is None


_VICTIM = re.compile(r"\b(?:kidnap\w*|abduct\w*|captors?|captive|held hostage|taken hostage|hostages|ransom)\b",
                     re.IGNORECASE)
_PRISON = re.compile(r"\b(?:prison\w*|jail\w*|gaol|penitentiary|inmates?|convicts?|behind bars|life sentences?"
                     r"|(?:serving|served) (?:a |his |her )?(?:\w+[- ])*(?:sentence|term))\b", re.IGNORECASE)
_PRISONER = re.compile(r"\b(?:inmates?|prisoners?|convicts?|(?:was|is|were) serving (?:a |his |her )?(?:[\w-]+ ){0,3}?"
                       r"(?:sentence|term|life))\b", re.IGNORECASE)
_CUSTODY = re.compile(r"\b(?:custody|cells?|van|guards?|police|officers?|deputy|deputies|sheriff\w*|courthouse|"
                      r"court|detention|escorted|manhunt|fugitive|authorities|arrest\w*)\b", re.IGNORECASE)
_FILMED = re.compile(r"\b(?:on (?:camera|film|video|tape|cctv)|by (?:\w+ )?(?:cameras?|crews?|photographers?)|"
                     r"footage|photograph\w*)\b", re.IGNORECASE)
# the words of a release from custody: "released on bail", "freed without charge", "released from prison"
_LET_GO = re.compile(r"\b(?:bail|bond|charges?|custody|prison|jail|gaol|police|detention|detained|questioning|parole|"
                     r"sentences?|court|judge|arrest\w*|recognizance|recognisance|pending|inquiries|enquiries|"
                     r"penitentiary|behind bars|cells?|acquitt\w*|conviction|overturned|quashed)\b", re.IGNORECASE)
_MANHUNT = re.compile(r"\b(?:escap\w*|manhunt|fugitive|on the run|at large|broke out|jailbreak)\b", re.IGNORECASE)
_SAFE = re.compile(r"\bescap\w*\s+(?:unhurt|unharmed|uninjured|unscathed|injury|injuries|serious|death|with (?:minor|"
                   r"their|his|her|only|cuts|bruises))", re.IGNORECASE)


def _custody_step(status: str, c: Claim, sentence: str, prisoner: bool) -> str | None:
    """Where a release, an escape or a capture leaves a person, read from its sentence and from whether the
    article calls the person a prisoner (`prisoner`): a hostage or a kidnap victim freed or escaping is no step
    of a case; a prisoner breaking out has "escaped" (a suspect running, "fled"), and a prisoner caught beside
    the words of an escape is "recaptured"; "was caught" is a capture only beside an escape or a manhunt; a
    release from prison ends a term, another ("on bail", "without charge", "from custody") follows an arrest."""
    predicate = (c.predicate or "").lower()
    if predicate in ("release", "free", "flee", "escape") and _VICTIM.search(sentence):
        return None  # "the hostages were freed", "she escaped from her kidnappers"
    if predicate == "escape":
        return _escape(c, sentence, prisoner)
    if predicate in ("capture", "apprehend", "catch", "recapture") and (
            _FILMED.search(sentence) or not (_CUSTODY.search(sentence) or _MANHUNT.search(sentence))):
        return None  # "caught fire", "her rescue was captured by TV crews", "captured the moment"
    if predicate in ("release", "free") and not _LET_GO.search(sentence):
        return None  # "was freed after eight hours" from the rubble, "released a statement"
    if status == "arrested" and _MANHUNT.search(sentence) and (prisoner or _PRISON.search(sentence)):
        return "recaptured"  # "an inmate who escaped during a prison transfer was captured on Monday"
    if status == "released" and re.search(r"\b(?:prison|jail|penitentiary|behind bars)\b", sentence, re.IGNORECASE):
        return "released from prison"
    return status


def _escape(c: Claim, sentence: str, prisoner: bool) -> str | None:
    """A prisoner's escape ("escaped", a step after the sentence), a suspect's from the police ("fled"), or none:
    "escaped prosecution", "escaped unhurt", "barely escaped with a decision" (a close win)."""
    if c.object and not _PRISON.search(c.object) and not _CUSTODY.search(c.object):
        return None
    if _SAFE.search(sentence):
        return None
    if prisoner or _PRISON.search(sentence):
        return "escaped"
    return "fled" if _CUSTODY.search(sentence) else None


def _prisoners(annotated: AnnotatedDocument) -> set[str]:
    """The surnames of the people an article calls prisoners: named in a sentence that says so ("Comeaux was
    serving a life sentence", "Texas inmate Tom Reed")."""
    text = annotated.document.text
    surnames = {person_name(e).split()[-1] for e in annotated.entities if e.label == "PERSON" and person_name(e)}
    found: set[str] = set()
    for s in annotated.sentences:
        sentence = text[s.start:s.end]
        if _PRISONER.search(sentence):
            found |= {n for n in surnames if re.search(rf"\b{re.escape(n)}\b", sentence)}
    return found


def _sentence_text(annotated: AnnotatedDocument, at: int) -> str:
    s = sentence_of(annotated, at)
    return annotated.document.text[s.start:s.end] if s else ""


def _undated_crimes(text: str) -> str:
    """The text without the years that date a crime named, not the step told: "was convicted of the June 20,
    2005 attempted murder", "sentenced for his deadly 2005 rampage" (but "convicted in 2005", "the summer of
    2005" still date the step)."""
    return re.sub(r"\b(?:the|his|her|their|its|an?)\s+(?:(?!of\b)[A-Za-z-]+\s+){0,2}?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?"
                  r"(?:19|20)\d\d\b,?(?=\s+[a-z])", "", text)


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
