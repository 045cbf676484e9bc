"""Contests: "Who won the fight between Wladimir Klitschko and Tony Thompson?", "Who won the election?".

Read from claims that happened (not planned, not denied) whose verb says its subject won
(`data/facttypes.toml [contest]`):
- a verb of beating with the loser as its object: "Klitschko stopped Thompson in the sixth round",
  "Spain beat Germany 1-0" (`beat`), in a sentence that names a contest or gives a score, so "he beat
  his wife" or "beat the deadline" is none;
- a verb of winning or keeping (`win`: "retained his titles", "won the fight", "defended his crown")
  with the opponent named after a cue in the claim ("against Rahman", "a stoppage of Hasim Rahman",
  "victory over Thompson"); or, with no opponent, "won the election", "won the race": the contest
  itself, asked by its noun.
The winner and the loser are people (the subject resolved as `persons.claim_person` does), or
organisations, countries or parties named in the subject and the object. A passive ("was stopped
by") is left out, as is a past contest: an earlier year than the article's in the sentence, or a
past perfect ("had beaten Thompson in 2008", the earlier bout).

Scope: the pair of contestants by surname ("klitschko-thompson"), or the contest noun. Value: the
winner's surname, labelled with the full name. Relation: the general rule; two winners of one contest
reported at the same time contradict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import (
    GeneralRule,
    alternation,
    citation,
    lexicon,
    person_name,
    sentence_of,
    words_pattern,
)
from dateline.link.facttypes.persons import claim_person
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim, Entity

PARTIES = ("PERSON", "ORG", "GPE", "NORP")
SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")  # "2-1", "52-3" (a record is a sport's too)
DEFAULT_NOUN = "contest"


@dataclass(frozen=True)
class Result:
    """One contest's result as a claim states it."""

    winner: str  # the full name
    loser: str | None  # the full name; None for a contest named by its noun ("the election")
    people: frozenset[str]  # the names that are people's: a person is keyed by surname, a team by its name
    noun: str | None  # the contest noun a win without an opponent names


@dataclass(frozen=True)
class ContestType(GeneralRule):
    name: str = "winner"
    value_kind: str = "name"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for c in annotated.claims:
            result = claim_result(annotated, c, source)
            if result is not None:
                yield _observation(annotated, source, c, result)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        pairs = Counter(o.subject for o in observations if o.subject)
        if pairs:
            return f"Who won the {_noun(observations)} between {pairs.most_common(1)[0][0]}?"
        return f"Who won the {key[1]}?"


TYPE = ContestType()


def claim_result(annotated: AnnotatedDocument, c: Claim, source: Source) -> Result | None:
    """The result a claim states, or None: see the module's docstring for what counts."""
    words = lexicon()["contest"]
    predicate = (c.predicate or "").lower()
    if c.modality != "happened" or c.negated or predicate not in (*words["beat"], *words["win"]):
        return None
    sentence = _sentence(annotated, c.start)
    if history(sentence, source) or _passive_or_past(c.text, predicate):
        return None
    winner = _winner(annotated, c)
    if winner is None:
        return None
    if predicate in words["beat"]:
        loser = _in_span(annotated, *_object_span(annotated, c)) or _bare_name(c.object or "")
        if loser is None or not _names_contest(sentence):
            return None
        return _result(annotated, winner, loser, None)
    loser = _opponent(annotated, c)
    if loser is not None:
        return _result(annotated, winner, loser, None) if _names_contest(c.text) else None
    noun = _contest_won(c.object or "") if predicate == "win" else None
    return _result(annotated, winner, None, noun) if noun else None


def _result(annotated: AnnotatedDocument, winner: str, loser: str | None, noun: str | None) -> Result | None:
    if loser is not None and _key(winner, frozenset({winner})) == _key(loser, frozenset({loser})):
        return None  # a name read twice, not two contestants
    people = {person_name(e) for e in annotated.entities if e.label == "PERSON"}
    people |= {m.group(1) for e in annotated.entities if (m := _DEMONYM_PERSON.fullmatch(e.text))}
    return Result(winner, loser, people=frozenset(n for n in (winner, loser) if n and _is_person(n, people)), noun=noun)


def _is_person(name: str, people: set[str]) -> bool:
    return any(p and p.split()[-1] == name.split()[-1] for p in people)


def _key(name: str, people: frozenset[str]) -> str:
    """A person by surname ("Klitschko"), a team, party or country by its whole name."""
    return name.split()[-1] if name in people else name


def _passive_or_past(text: str, predicate: str) -> bool:
    """"Rahman was stopped by Klitschko" (the subject lost), "had beaten Thompson" (an earlier contest)."""
    stem = re.escape(predicate.split()[0][:4])
    return re.search(rf"\b(?:was|were|been|being|is|are|be|get|got|had)\s+(?:\w+ly\s+|also\s+|not\s+)?{stem}",
                     text, re.IGNORECASE) is not None


def _winner(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """The subject: a person as `claim_person` resolves it, else a team, a party or a country named in it."""
    person = claim_person(annotated, c)
    if person:
        return _fullest(annotated, person)  # a person
    text = annotated.document.text
    at = text.find(c.subject, c.start, c.end) if c.subject else -1
    return _in_span(annotated, at, at + len(c.subject)) if at >= 0 and c.subject else None


def _object_span(annotated: AnnotatedDocument, c: Claim) -> tuple[int, int]:
    text = annotated.document.text
    at = text.find(c.object, c.start, c.end) if c.object else -1
    return (at, at + len(c.object)) if at >= 0 and c.object else (-1, -1)


def _in_span(annotated: AnnotatedDocument, start: int, end: int) -> str | None:
    """The first party (a person, organisation, country or party) named in a span, by its fullest name."""
    if start < 0:
        return None
    text = annotated.document.text
    found = [e for e in annotated.entities if e.label in PARTIES and start <= e.start and e.end <= end
             and not re.match(r"['’]s?\b", text[e.end:e.end + 2])]  # "Britain's Ricky Hatton": Hatton
    people = [e for e in found if e.label == "PERSON"]
    return _party_name(annotated, (people or found)[0]) if found else None


def _bare_name(obj: str) -> str | None:
    """An object that is a name the tagger left untagged ("beat Castlebrook Rovers 3-1"): its capitalised
    words, when nothing else is in it but a score."""
    found = re.fullmatch(r"(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\s+\d{1,3}-\d{1,3})?", obj.strip())
    return found.group(1) if found else None


_DEMONYM_PERSON = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ch|i)\s+([A-Z][\w'’-]+\s+[A-Z][\w'’-]+)")


def _party_name(annotated: AnnotatedDocument, entity: Entity) -> str | None:
    if entity.label != "PERSON":
        mistagged = _DEMONYM_PERSON.fullmatch(entity.text)  # "American Hasim Rahman" tagged an organisation
        return mistagged.group(1) if mistagged else entity.canonical or entity.text
    name = person_name(entity)
    return _fullest(annotated, name) if name else None


def _fullest(annotated: AnnotatedDocument, name: str) -> str:
    """The full name the article gives the person of this surname most often ("Klitschko" -> "Wladimir
    Klitschko"; "Hasim Rahman", not "American Hasim Rahman" written once)."""
    surname = name.split()[-1]
    names = [person_name(e) for e in annotated.entities if e.label == "PERSON"]
    same = [n for n in names if n and n.split()[-1] == surname and 1 < len(n.split()) <= 3]
    return max(same, key=lambda n: (same.count(n), -len(n))) if same else name


def _opponent(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """The party named right after an opponent cue inside the claim: "against Tony Thompson", "a stoppage of
    the 36-year-old Hasim Rahman"."""
    text = annotated.document.text
    cue = re.compile(rf"\b{alternation(lexicon()['contest']['opponent_cues'])}\s+(?:[\w'’-]+\s+){{0,3}}$",
                     re.IGNORECASE)
    named = [e for e in annotated.entities
             if e.label in PARTIES and c.start <= e.start and e.end <= c.end and cue.search(text[c.start:e.start])]
    people = [e for e in named if e.label == "PERSON"]  # "stopping American challenger Tony Thompson": Thompson
    return _party_name(annotated, (people or named)[0]) if named else None


def _names_contest(text: str) -> bool:
    return bool(words_pattern(lexicon()['contest']['nouns']).search(text)
                or SCORE.search(text))


def _contest_won(obj: str) -> str | None:
    """The contest a win names: "the election", "the presidential race" -> "election", "race"; not "his 16th
    straight fight" (a run of wins) nor "two seats"."""
    found = re.match(rf"the\s+(?:(?!\d)[\w'’-]+\s+){{0,3}}?({alternation(lexicon()['contest']['asked'])})\b", obj,
                     re.IGNORECASE)
    if not found or re.search(r"\d|\b(?:first|second|third|straight|consecutive)\b", found.group(), re.IGNORECASE):
        return None
    return found.group(1).lower()


def _noun(observations: Sequence[Observation]) -> str:
    """The contest noun the cited sentences use most ("fight", "match"), else "contest"."""
    asked = lexicon()["contest"]["asked"]
    pattern = re.compile(rf"\b({alternation(asked)})\b", re.IGNORECASE)
    found = Counter(m.lower() for o in observations for m in pattern.findall(o.citation.text))
    return found.most_common(1)[0][0] if found else DEFAULT_NOUN


def _sentence(annotated: AnnotatedDocument, at: int) -> str:
    s = sentence_of(annotated, at)
    return annotated.document.text[s.start:s.end] if s else ""


def _observation(annotated: AnnotatedDocument, source: Source, c: Claim, r: Result) -> Observation:
    if r.loser is None:
        topic, pair = r.noun or DEFAULT_NOUN, None
    else:
        ordered = sorted((r.winner, r.loser), key=lambda n: _key(n, r.people).lower())
        topic, pair = "-".join(_key(n, r.people).lower() for n in ordered), " and ".join(ordered)
    return Observation(
        ask=TYPE.name, topic=topic, place=None, qualifier="", kind="name", value=_key(r.winner, r.people),
        label=r.winner, source=source, citation=citation(annotated, c.start, c.end), subject=pair,
        speaker=c.speaker, modality=c.modality, hedged=c.hedged, predicate=c.predicate,
    )
