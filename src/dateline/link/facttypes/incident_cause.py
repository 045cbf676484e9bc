"""What caused a fire, an explosion or a crash: "What caused the fire in Banstead?".

Small stories of a fire or a crash often state nothing but whether the cause is known: "the cause is
under investigation", "police are treating the blaze as suspicious", "arson is suspected", "the fire
was started by a faulty heater". Read from a sentence naming the incident (`data/facttypes.toml
[incident_cause] incidents`: a fire, a blaze, an explosion, a plane or train crash; not "opened fire",
"under fire", "ceasefire") with a cue near it, the first of:
- ruled out: "not being treated as suspicious", "ruled out arson", "was accidental" -> "accidental";
- a cause stated: "caused by", "started by", "sparked by", "blamed on", "the cause was" and the
  phrase after it (a few words up to punctuation) -> the phrase ("a faulty heater"); one that names
  arson or a deliberate act -> "arson";
- arson: "arson", "deliberately set", "set on purpose" -> "arson";
- suspicion: "a suspicious fire", "treated as (potentially) suspicious" -> "treated as suspicious";
- not known: "the cause is unknown", "under investigation", "investigating the cause" -> "under
  investigation".
A condition ("if") and a sentence dated to an earlier year than its article state nothing; a cause the
sentence hedges ("investigators suspect arson", "believed to have been caused by") is a suspected one
("suspected arson"), a step below a cause found.

Scope: the kind of incident ("fire", "explosion", "crash"); the question names the place its sentences
name most often (a place, a building, a facility). Value: the canonical cause; the label the words
that stated it. Relation: steps on a scale (`base.ordered_relation`): under investigation 1 <
treated as suspicious 2 < a cause suspected 3 < a cause found 4 (arson, accidental or a stated cause);
two different causes on one step contradict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.link.facttypes.base import OnScale, entities_in, lexicon, sentences, words_pattern
from dateline.link.facttypes.proceeding import history, observed
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Sentence

NEAR = 90  # characters between the incident's noun and the cue: one clause of a news sentence
_CAUSE_WORDS = 6
UNKNOWN, SUSPICIOUS, SUSPECTED, FOUND = 1, 2, 3, 4  # the steps of the scale

_NOT_INCIDENT = re.compile(r"(?:\b(?:open|opened|opening|opens|under|returned|return|exchange of|line of|cease|"
                           r"cross|hold|held|holding|on)[\s-]+|\b(?:gun|cease|cross|wild|camp|bon)-?)$", re.IGNORECASE)
# "fire" naming a service or a thing, not an incident: "Fire Department Chief James Steele", "fire crews", "a
# global fire sale set off by the crisis", "fire safety"
_SERVICE = re.compile(r"[\s-]+(?:department|dept|chief|officials?|officers?|crews?|engines?|fighters?|marshal|"
                      r"station|service|brigade|rescue|authority|alarm|trucks?|investigators?|inspectors?|sales?|"
                      r"hazards?|risks?|safety|extinguishers?|escapes?|drills?|exits?|insurance|codes?|power|"
                      r"lines?|walls?|doors?)\b", re.IGNORECASE)
_RULED_OUT = re.compile(r"\b(?:not|no longer)\s+(?:being\s+)?(?:treated|considered|regarded|believed to be)\s+"
                        r"(?:as\s+)?suspicious\b|\bnot\s+suspicious\b|\bruled\s+out\s+(?:arson|foul play)\b|"
                        r"\bno\s+(?:sign|signs|evidence|indication)\s+of\s+(?:arson|foul play)\b|"
                        r"\b(?:was|were|been|ruled|deemed|as)\s+accidental\b", re.IGNORECASE)
_STATED = re.compile(r"\b(?:(?:caused|started|sparked|triggered|ignited|set off)\s+by|blamed\s+on|"
                     r"(?:the\s+)?cause\s+(?:of\s+the\s+\w+\s+)?(?:was|is|has been)\s+(?:determined to be\s+|"
                     r"found to be\s+|identified as\s+)?)\s*", re.IGNORECASE)
_ARSON = re.compile(r"\barson\w*\b|\bdeliberately\s+(?:set|started|lit)\b|\b(?:set|started|lit)\s+deliberately\b|"
                    r"\bintentionally\s+set\b|\bset\s+on\s+purpose\b|\bfire-?bomb\w*\b", re.IGNORECASE)
_SUSPICIOUS = re.compile(r"\bsuspicious\s+(?:fire|blaze|explosion|blast)\b|\b(?:treated|treating|considered|"
                         r"regarded|deemed|investigated)\s+(?:\w+\s+){0,3}?as\s+[\"“']?(?:potentially\s+|possibly\s+)?"
                         r"suspicious\b", re.IGNORECASE)
_UNKNOWN = re.compile(r"\bcause\b[^.;]{0,40}?\b(?:unknown|undetermined|unclear|not\s+(?:yet\s+)?(?:been\s+)?"
                      r"(?:known|determined|established)|under\s+investigation|being\s+investigated)\b|"
                      r"\binvestigat\w+\s+(?:into\s+)?the\s+cause\b|\bunder\s+investigation\b", re.IGNORECASE)
# a cause suspected, not found: "investigators suspect arson", "is being investigated as an arson", "treated as
# arson", "looking at the cause as potential arson"
_HEDGE = re.compile(r"\b(?:believed|thought|suspect\w*|suspicion|may|might|possibl\w*|probabl\w*|likely|appears?|"
                    r"considering|potential\w*|could|investigat\w+\s+as|treat\w*\s+(?:\w+\s+){0,2}as|"
                    r"looking\s+at)\b", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\b(?:not|never|no|nothing)\b|n\s?['’]\s?t\b)", re.IGNORECASE)  # "doesn ’ t" as scraped
_LONG_AGO = re.compile(r"\b(?:years|decades|a decade|a century)\s+(?:ago|earlier|before)\b", re.IGNORECASE)
_NOT_STATED = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
_STOP = re.compile(r"[,.;:!?()\"“”]|\b(?:and|but|which|who|while|when|according|said|says|police|officials|"
                   r"authorities|investigators|on|at|in|by|earlier|late|early|last)\b", re.IGNORECASE)
_PLACE_LABELS = ("GPE", "FAC", "LOC")


@dataclass(frozen=True)
class IncidentCauseType(OnScale):
    name: str = "incident_cause"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for s, text in sentences(annotated):
            if _NOT_STATED.search(text) or history(text, source) or _LONG_AGO.search(text):
                continue  # a condition, or another fire of an earlier year ("a similar case three decades ago")
            found = _incident_cause(text)
            if found:
                kind, value, label, rank = found
                yield _with_hedge(observed(annotated, source, s, ask=self.name, topic=kind, value=value,
                                           label=label, rank=rank, subject=_place(annotated, s)), text, rank)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        places = Counter(o.subject for o in observations if o.subject)
        where = f" in {places.most_common(1)[0][0]}" if places else ""
        return f"What caused the {key[1]}{where}?"


TYPE = IncidentCauseType()


def _incident_cause(text: str) -> tuple[str, str, str, int] | None:
    """(incident kind, value, label, rank) of the first cue near an incident's noun, or None."""
    incidents = [m for m in words_pattern(_lexicon()["incidents"]).finditer(text)
                 if not _NOT_INCIDENT.search(text[:m.start()]) and not _SERVICE.match(text[m.end():])]
    if not incidents:
        return None
    for pattern, read in ((_RULED_OUT, _ruled_out), (_STATED, _stated), (_ARSON, _arson),
                          (_SUSPICIOUS, _suspicious), (_UNKNOWN, _unknown)):
        for cue in pattern.finditer(text):
            incident = min(incidents, key=lambda m: abs(m.start() - cue.start()))
            if abs(incident.start() - cue.start()) <= NEAR:
                reading = read(text, cue)
                if reading:
                    return (_lexicon()["kinds"].get(incident.group().lower(), incident.group().lower()), *reading)
    return None


def _ruled_out(text: str, cue: re.Match) -> tuple[str, str, int]:
    return "accidental", "accidental", FOUND


def _stated(text: str, cue: re.Match) -> tuple[str, str, int] | None:
    """The phrase after "caused by", "blamed on", "the cause was"; one naming arson is arson; a cause that is
    not known ("the cause was unknown") is none here."""
    if _NEGATED.search(text[max(0, cue.start() - 40):cue.start()]):
        return None  # "doesn't sound like a fire caused by a cigarette": a cause rejected, not stated
    after = text[cue.end():]
    stop = _STOP.search(after)
    words = (after[:stop.start()] if stop else after).split()[:_CAUSE_WORDS]
    while words and words[0].lower() in ("a", "an", "the", "its", "some"):
        words = words[1:]
    phrase = " ".join(words).strip("'’").lower()
    if not phrase or words_pattern(_lexicon()["not_causes"]).match(phrase):
        return None
    if _ARSON.search(phrase) or re.search(r"\b(?:arsonists?|someone|vandals?)\b", phrase):
        return "arson", "arson", FOUND
    return phrase, phrase, FOUND


def _arson(text: str, cue: re.Match) -> tuple[str, str, int]:
    return "arson", "arson", FOUND


def _suspicious(text: str, cue: re.Match) -> tuple[str, str, int]:
    return "treated as suspicious", "treated as suspicious", SUSPICIOUS


def _unknown(text: str, cue: re.Match) -> tuple[str, str, int]:
    return "under investigation", "under investigation", UNKNOWN


def _with_hedge(o: Observation, text: str, rank: int) -> Observation:
    """A cause the sentence only suspects ("officials are considering arson", "believed to have been caused
    by") is a step below a cause found, and hedged: "suspected arson"; "under investigation" and "treated as
    suspicious" say no more than they state."""
    if rank < FOUND or not _HEDGE.search(text):
        return o
    value = "suspected arson" if o.value == "arson" else o.value
    return replace(o, hedged=True, rank=SUSPECTED, value=value, label=value)


def _place(annotated: AnnotatedDocument, s: Sentence) -> str | None:
    """The first place, building or facility the sentence names ("Banstead", "Wasilla Bible Church")."""
    found = entities_in(annotated, s.start, s.end, _PLACE_LABELS)
    return found[0].canonical if found else None


def _lexicon() -> dict:
    return lexicon()["incident_cause"]
