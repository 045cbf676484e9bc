"""A death's findings: "What killed Michael Jackson?", "How was Michael Jackson's death ruled?", "When did
Michael Jackson die?".

- cause (`cause`): the cause a sentence gives ("the cause of death was acute propofol
  intoxication", "died of a heart attack", "a homicide caused by ..."), a few words
  up to punctuation; "pending" when the cause is deferred or awaits tests ("gave no
  cause of death", "awaiting toxicology"). A cause found outranks pending, and the
  way the body failed (`[death] mechanisms`: "cardiac arrest") is outranked by what
  caused it ("acute propofol intoxication").
- manner (`manner`): the ruling (homicide, suicide, accident, natural causes,
  undetermined), from a sentence naming a death and a ruling word ("ruled a
  homicide", "death was homicide"); "no foul play" when foul play is ruled out.
  A ruling outranks "no foul play".
- day (`died`): the day (or month) a claim that happened says the person died, no later than the
  article's day (`DeathDayType`).
Scope: the death; the person is the PERSON written right before "died" or "'s
death", else the person a claim of dying in the sentence has for its subject ("Ann Fell, the actress, died
Thursday of pneumonia"), used to word the question. The cause may follow the day or the age told with the
verb ("died Thursday of pneumonia", "died at 85 from cancer"), so an undated story still gives it. A death's findings are asked only when two or
more reports name the dead person: a cause pooled over an epidemic ("20 people
have died of the flu") is no one's and asks nothing. Values are canonical:
the cause phrase without its cue ("acute propofol intoxication", grouped with
"an overdose of propofol" as one cause), the ruling ("homicide"). Conditional and
definitional sentences ("homicide includes manslaughter", "if ...") state nothing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import (
    GeneralRule,
    OnScale,
    entities_in,
    lexicon,
    person_name,
    possessive,
    sentences,
    usual_name,
    words_pattern,
)
from dateline.link.facttypes.proceeding import history, observed
from dateline.link.observations import Observation, Source, readable_time
from dateline.model import AnnotatedDocument, Claim

_DEATH = re.compile(r"\b(death|died|dies|killing|killed)\b", re.IGNORECASE)
_NOT_STATED = re.compile(r"\b(if|whether|could|would|might|refers? to|includes?|means?|defin\w*)\b", re.IGNORECASE)
# where a cause phrase ends: punctuation, a clause's start, a preposition that opens what follows it ("heart failure
# for which he had been treated", "cancer with his family at his side"), or the time told after it ("a heart attack
# earlier this month", "a stroke nine days ago")
_STOP = re.compile(r"[,.;:!?()\"“”]|\b(?:and|but|in|at|on|after|for|with|during|following|because|which|who|while|"
                   r"when|according|the coroner|said|says|"
                   r"earlier|later|last|this|more than|ago|yesterday|\d+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                   r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) (?:hours?|days?|weeks?|months?))\b",
                   re.IGNORECASE)
_CAUSE_WORDS = 6


def _cause_phrase(text: str) -> str | None:
    text = text.strip().lstrip("\"“'‘ ")
    stop = _STOP.search(text)
    words = (text[:stop.start()] if stop else text).split()[:_CAUSE_WORDS]
    while words and words[0].lower() in ("a", "an", "the", "his", "her", "their", "its", "due", "to", "from", "by"):
        words = words[1:]  # "was due to lethal levels of propofol": the cause starts after "due to"
    phrase = " ".join(words).lower().strip("'’")
    return phrase or None


def _dead(annotated: AnnotatedDocument, s) -> str | None:
    """The person whose death the sentence is about: a PERSON written right before "died" or "'s death", or
    after "the death of"."""
    text = annotated.document.text
    for e in entities_in(annotated, s.start, s.end, ("PERSON",)):
        if re.match(r"\s*(?:'s?\s+death|’s?\s+death|,?\s+(?:who\s+)?died|\s*dies)\b", text[e.end:e.end + 20]) or (
                re.search(r"\b(?:death|killing) of\s+$", text[max(0, e.start - 20):e.start])):
            return person_name(e) or None  # "Jackson died", "Jackson's death", "the death of Ann Fell"
    return None


def _named(annotated: AnnotatedDocument, s) -> str | None:
    """The dead person a sentence names (`_dead`, else `_dying_subject`), in full when a surname stands alone
    and the article gives the full name ("Page died yesterday" in an article on Bettie Page)."""
    name = _dead(annotated, s) or _dying_subject(annotated, s)
    if not name or " " in name:
        return name
    fuller = [e.text for e in annotated.entities if e.label in ("PERSON", "ORG") and e.text.endswith(" " + name)
              and all(w[:1].isupper() for w in e.text.split())]
    return max(set(fuller), key=fuller.count) if fuller else name


def _dying_subject(annotated: AnnotatedDocument, s) -> str | None:
    """The person a claim of dying in the sentence has for its subject: "Ann Fell, the stage actress, died
    Thursday" names her though an appositive stands between the name and the verb."""
    for c in annotated.claims:
        if s.start <= c.start < s.end and (c.predicate or "").lower() in _DYING_LEMMAS and not c.negated:
            dead = _subject_person(annotated, c)
            if dead:
                return dead
    return None


_DYING_LEMMAS = ("die", "pass", "succumb")


@functools.lru_cache(maxsize=1)
def _died_then_of() -> re.Pattern[str]:
    """ "died" with the day, the hour, the age or the manner between it and "of" or "from" ("died Thursday of
    pneumonia", "died late on Monday from cancer", "died at 85 of a stroke"): a cause cue (`[death] between`)."""
    between = "|".join(re.escape(w) for w in sorted(lexicon()["death"]["between"], key=len, reverse=True))
    return re.compile(rf"\b(?:died|dies)\s+(?:(?:{between}|\d{{1,3}}),?\s+){{1,5}}(?:of|from)\s+", re.IGNORECASE)


def _substance(phrase: str) -> str:
    """The cause without the words around a substance: "acute propofol intoxication", "an overdose of
    propofol" and "the powerful anesthetic propofol" are one cause, "propofol"."""
    words = lexicon()["death"]
    text = phrase.lower()
    for w in sorted(words["cause_modifiers"], key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(w)}\b", " ", text)
    kept = text.split()
    return " ".join(kept[:3])


@dataclass(frozen=True)
class CauseType(OnScale):
    name: str = "cause"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["death"]
        causes, pending = words_pattern(words["cause_cues"]), words_pattern(words["pending"])
        for s, text in sentences(annotated):
            if not _DEATH.search(text) or re.search(r"\b(if|whether)\b", text, re.IGNORECASE) or history(text, source):
                continue
            waiting = pending.search(text)
            if waiting:
                yield observed(annotated, source, s, ask=self.name, topic="death", value="pending",
                               label="pending", rank=1, subject=_named(annotated, s))
                continue
            cue = causes.search(text) or _died_then_of().search(text)
            phrase = _cause_phrase(text[cue.end():]) if cue else None
            value = _substance(phrase) if phrase else None
            if value and value.split()[0] not in words["not_causes"] and value not in words["manners"] and (
                    not value[:1].isdigit()):  # "died at 85": an age, no cause
                rank = 2 if words_pattern(words["mechanisms"]).fullmatch(value) else 3
                yield observed(annotated, source, s, ask=self.name, topic="death", value=value,
                               label=phrase, rank=rank, subject=_named(annotated, s))

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        name = usual_name(observations)
        return f"What killed {name}?" if name else "What was the cause of death?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        return named_death(observations)


@dataclass(frozen=True)
class MannerType(OnScale):
    name: str = "manner"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["death"]
        rulings, cleared = words_pattern(words["manners"]), words_pattern(words["no_foul_play"])
        for s, text in sentences(annotated):
            if not _DEATH.search(text) or _NOT_STATED.search(text) or history(text, source):
                continue
            ruling = rulings.search(text)
            if ruling and re.search(r"\b(not|never|no)\s+(an?\s+)?$", text[:ruling.start()], re.IGNORECASE):
                continue  # "not an accident": a claim against a ruling, not one
            if ruling and re.search(r"\b(ruled?|ruling|was|as|verdict|concluded|is|listed)\b",
                                    text[max(0, ruling.start() - 40):ruling.start()], re.IGNORECASE):
                value = words["manners"][ruling.group().lower()]
                yield observed(annotated, source, s, ask=self.name, topic="death", value=value, label=value,
                               rank=2, subject=_named(annotated, s))
                continue
            found = cleared.search(text)
            if found:
                yield observed(annotated, source, s, ask=self.name, topic="death", value="no foul play",
                               label="no foul play", rank=1, subject=_named(annotated, s))

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        name = usual_name(observations)
        return f"How was {possessive(name)} death ruled?" if name else "How was the death ruled?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        return named_death(observations)


_DAY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")  # a day or a month: "died in June 2009"
_DYING = re.compile(r"\b(?:died|dies|passed away|passes away|succumbed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DeathDayType(GeneralRule):
    """The day a named person died: "When did Ann Fell die?", from a claim that happened ("Ann Fell died on
    Thursday", "Fell, 85, passed away on 3 May", "succumbed to her injuries yesterday") whose time is a day
    no later than the article's own, and whose subject names the person. Asked as the death's findings are
    (`named_death`)."""

    name: str = "died"
    value_kind: str = "date"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        published = source.published.isoformat() if source.published else "9999"
        for c in annotated.claims:
            if (c.predicate or "").lower() not in _DYING_LEMMAS or c.negated or c.modality != "happened":
                continue
            if not _DAY.match(c.time or "") or c.time > published or not _DYING.search(c.text):
                continue  # a death's day is no state that a later year makes history: "died on 25 June 2009"
            dead = _subject_person(annotated, c)
            if dead:
                s = next(s for s in annotated.sentences if s.start <= c.start < s.end)
                yield observed(annotated, source, s, ask=self.name, topic=dead.split()[-1].lower(), value=c.time,
                               kind="date", label=readable_time(c.time), subject=dead)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"When did {usual_name(observations) or key[1].title()} die?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        return named_death(observations)


def _subject_person(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """The person the claim's subject names ("Pinup icon Bettie Page"), or the person it stands for (the
    claim "Williams, 91, died on Thursday" with the subject "Esther Williams" found for it)."""
    if not c.subject:
        return None
    at = annotated.document.text.find(c.subject, c.start, c.end)
    if at < 0:
        people = {person_name(e) for e in annotated.entities if e.label == "PERSON"}
        return c.subject if c.subject in people else None
    inside = entities_in(annotated, at, at + len(c.subject), ("PERSON",))
    return next((n for n in map(person_name, inside) if n), None) or _person_mislabelled(annotated, at, c.subject)


def _person_mislabelled(annotated: AnnotatedDocument, at: int, subject: str) -> str | None:
    """A name in the subject the tagger labelled otherwise ("Bettie Page" as an organisation) whose surname the
    article gives a person elsewhere ("Page" tagged a person): that person."""
    surnames = {e.text.split()[-1] for e in annotated.entities if e.label == "PERSON" and e.text.split()}
    for e in entities_in(annotated, at, at + len(subject), ("ORG", "GPE", "NORP", "FAC")):
        words = e.text.split()
        if len(words) >= 2 and words[-1] in surnames and all(w[:1].isupper() for w in words):
            return e.text
    return None


def named_death(observations: Sequence[Observation]) -> bool:
    """A death's findings are asked about one named person: two or more reports name the dead person
    (`NAMED_REPORTS`); the others may say "his death", "the singer's death". Deaths pooled over an
    epidemic or a disaster ("20 people have died of the flu") name nobody: the count facts hold them."""
    names = Counter(o.subject for o in observations if o.subject)
    return bool(names) and names.most_common(1)[0][1] >= NAMED_REPORTS


NAMED_REPORTS = 2  # set a priori: one naming sentence may be about another death in passing


CAUSE, MANNER, DAY = CauseType(), MannerType(), DeathDayType()
