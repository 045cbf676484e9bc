"""Legal proceedings: when a trial or a sentencing is set, bail, a licence, the term faced.

- trial/sentencing (`hearing`): "When does Conrad Murray's trial start?", "When will
  Conrad Murray be sentenced?"; value the date set (a date at the precision written,
  not earlier than the article's month), from a sentence naming the proceeding
  (`[proceeding.hearings]`) with a scheduling word ("set to begin", "due to start",
  "delayed until") and a date after it. A later setting updates (general rule).
- bail (`bail`): "Is Conrad Murray free on bail?"; "on bail" (label with the sum),
  "held without bail". A later state updates (general rule).
- licence (`licence`): "Is Conrad Murray's licence suspended?"; "suspended" or
  "allowed" (may keep practising), from a sentence holding "licence"/"license" and
  a suspending word, or a keeping word; "allowed" also from a sentence on practising
  ("is allowed to continue to practise medicine") or, with a court's word, on working.
  The holder: the licence's possessor, "the licence of" whom, or the subject before
  the cue (`persons.holder`). Told of an earlier year near the cue, or in an entry of
  a chronology dated before the article ("8 February 2010 ... The judge says he can
  continue to practise"), it is history and left out.
- term (`term`): "What prison term does Conrad Murray face?", asked only of a person named;
  "<=4 years" (faces up to, could face, if convicted), "4 years" (sentenced to). A
  sentence passed outranks one faced (`base.ordered_relation` ranks).
Scope: the person, the first PERSON the sentence names (titles dropped); a sentence
naming none ("The trial is set to begin on 28 March") joins the story's one
proceeding of that kind. Modal or conditional wording ("could be", "if") is kept
for the term faced, which is conditional by nature, and refused for the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.link.facttypes.base import (
    GeneralRule,
    lexicon,
    person_name,
    possessive,
    sentences,
    usual_name,
    words_pattern,
)
from dateline.link.facttypes.persons import holder, persons_in
from dateline.link.observations import Observation, Source, readable_time
from dateline.model import AnnotatedDocument, Citation, Sentence

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "life": 0}
_YEARS = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)[- ]years?\b",
                    re.IGNORECASE)


def _person(annotated: AnnotatedDocument, s: Sentence) -> str | None:
    """The person the proceeding is against: the subject or object of the proceeding's claim in the
    sentence ("Murray will be sentenced", "to try Dr Conrad Murray"), else the first person named who is
    not a possessor ("Jackson's physician, Dr Conrad Murray": Murray; "Jackson's death": nobody)."""
    people = persons_in(annotated, s.start, s.end)  # not a town that modifies "woman"
    text = annotated.document.text
    verbs = lexicon()["proceeding"]["verbs"]
    for c in annotated.claims:
        if s.start <= c.start < s.end and (c.predicate or "").lower() in verbs:
            for part in (c.object, c.subject) if c.predicate in ("try", "sentence", "charge") else (c.subject,):
                at = text.find(part, c.start, c.end) if part else -1
                inside = [p for p in people if at >= 0 and at <= p.start and p.end <= at + len(part or "")]
                if inside and person_name(inside[0]):
                    return person_name(inside[0])
    names = [person_name(p) for p in people]
    return next((n for n in names if n), None)


_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def history(text: str, source: Source) -> bool:
    """A sentence dated to an earlier year than its article ("8 December 2010 The board allows ..." in a
    2011 chronology) tells what stood then, not now."""
    return source.published is not None and any(int(y) < source.published.year for y in _YEAR.findall(text))


def observed(annotated: AnnotatedDocument, source: Source, s: Sentence, *, ask: str, topic: str, value: str,
             label: str, kind: str = "state", rank: int | None = None, subject: str | None = "") -> Observation:
    """An observation a whole sentence states (a type read from the sentence, not from one claim), cited by
    the sentence; its subject the sentence's person unless given."""
    doc = annotated.document
    cited = Citation(doc.id, s.start, s.end, doc.text[s.start:s.end], doc.outlet, doc.published.value)
    return Observation(ask=ask, topic=topic, place=None, qualifier="", kind=kind, value=value, label=label,
                       source=source, citation=cited, subject=_person(annotated, s) if subject == "" else subject,
                       modality="happened", rank=rank)


@dataclass(frozen=True)
class HearingType(GeneralRule):
    name: str = "hearing"
    value_kind: str = "date"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["proceeding"]
        hearings, cues = words_pattern(words["hearings"]), words_pattern(words["scheduling"])
        published = source.published.isoformat()[:7] if source.published else ""
        for s, text in sentences(annotated):
            if history(text, source):
                continue
            hearing = hearings.search(text)
            cue = (hearing if hearing and hearing.group().lower().startswith("be ") else
                   cues.search(text, hearing.start()) if hearing else None)  # "will be sentenced on 29 November"
            if cue is None or cue.start() - hearing.end() > 40:
                continue
            at = s.start + cue.end()
            when = next((t for t in annotated.timexes if at <= t.start < s.end and _DATE.match(t.value)
                         and t.value[:7] >= published), None)
            if when is None:
                continue
            topic = words["hearings"][hearing.group().lower()]
            yield observed(annotated, source, s, ask=self.name, topic=topic, value=when.value, kind="date",
                       label=readable_time(when.value))

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        name = usual_name(observations)
        if key[1] == "sentencing":
            return f"When will {name} be sentenced?" if name else "When is the sentencing?"
        return f"When does {possessive(name)} {key[1]} start?" if name else f"When does the {key[1]} start?"


@dataclass(frozen=True)
class BailType(GeneralRule):
    name: str = "bail"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["proceeding"]["bail"]
        held, free = words_pattern(words["held"]), words_pattern(words["free"])
        for s, text in sentences(annotated):
            if "bail" not in text.lower() or _modal(text) or history(text, source):
                continue
            found = held.search(text)
            if found:
                yield observed(annotated, source, s, ask=self.name, topic="bail", value="held without bail",
                           label=found.group())
                continue
            found = free.search(text)
            if found:
                money = re.search(r"[$£€]\s?[\d,.]+\s*(?:m|bn|million)?", text)
                label = f"on {money.group().strip()} bail" if money else "on bail"
                yield observed(annotated, source, s, ask=self.name, topic="bail", value="on bail", label=label)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        name = usual_name(observations)
        return f"Is {name} free on bail?" if name else "Is the accused free on bail?"


@dataclass(frozen=True)
class LicenceType(GeneralRule):
    name: str = "licence"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["proceeding"]["licence"]
        off, kept = words_pattern(words["suspended"]), words_pattern(words["allowed"])
        for s, text in sentences(annotated):
            if not _LICENSED.search(text) or _modal(text) or chronicled(annotated, s, source):
                continue
            found = off.search(text) if re.search(r"\blicen[cs]e\b", text, re.IGNORECASE) else None
            value = "suspended" if found else None
            if found is None:
                found = kept.search(text)
                value = "allowed" if found else None
            if value and not history_near(text, found.start(), source) and not _not_before(text, found.start()):
                yield observed(annotated, source, s, ask=self.name, topic="licence", value=value, label=value,
                           subject=holder(annotated, s, s.start + found.start(), r"licen[cs]e"))

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        name = usual_name(observations)
        return f"Is {possessive(name)} licence suspended?" if name else "Is the licence suspended?"


@dataclass(frozen=True)
class TermType(GeneralRule):
    name: str = "term"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["proceeding"]["term"]
        faces, passed = words_pattern(words["faces"]), words_pattern(words["sentenced"])
        for s, text in sentences(annotated):
            if not re.search(r"\b(prison|jail|custody|sentence[ds]?|imprisonment)\b", text, re.IGNORECASE):
                continue
            for cue, bound, rank in ((passed, "", 2), (faces, "<=", 1)):
                found = cue.search(text)
                years = _YEARS.search(text, found.end(), found.end() + 40) if found else None
                if years is None:
                    continue
                n = years.group(1).lower()
                n = str(_NUMBERS.get(n, n))
                label = f"{'up to ' if bound else ''}{n} years" if n != "0" else "life"
                yield observed(annotated, source, s, ask=self.name, topic="prison term", value=f"{bound}{n} years",
                           label=label, rank=rank)
                break

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What prison term does {usual_name(observations)} face?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A term is asked of a person: one no sentence names is a penalty in general ("up to two years for
        a poor fire-risk assessment") or a relative's, not a term anyone of the story faces."""
        return bool(usual_name(observations))

    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        top = max((o.rank or 0 for o in standing), default=0)
        if (new.rank or 0) > top:
            return "update"
        return "agree" if (new.rank or 0) < top else None


_LICENSED = re.compile(r"\blicen[cs]e\b|\bpracti[cs](?:e|ing)\s+(?:medicine|law|as|in)\b"
                       r"|\ballowed to work\b.*\b(?:court|judge|ruled|board|tribunal)\b", re.IGNORECASE)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_ENTRY = re.compile(rf"^(\d{{1,2}}) ({_MONTHS}) (\d{{4}})\b|^({_MONTHS}) (\d{{1,2}}),? (\d{{4}})\b", re.MULTILINE)
_ENTRY_LINES = 3  # a chronology's entry: its dated line and the next two


def chronicled(annotated: AnnotatedDocument, s: Sentence, source: Source) -> bool:
    """A sentence in an entry of a chronology dated well before its article ("8 February 2010 Dr Murray is
    charged.\nHe pleads not guilty.\nThe judge says he can continue to practise medicine." in a 2011
    timeline): what stood then, told in the present tense."""
    if source.published is None:
        return False
    text = annotated.document.text
    entries = list(_ENTRY.finditer(text, 0, s.start + 1))
    if not entries or text.count("\n", entries[-1].start(), s.start) >= _ENTRY_LINES:
        return False
    day, month, year = _entry_day(entries[-1])
    months = _MONTHS.split("|")
    dated = date(int(year), months.index(month) + 1, min(int(day), 28))
    return (source.published - dated).days > 7


def _entry_day(m: re.Match[str]) -> tuple[str, str, str]:
    return (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))


def _not_before(text: str, at: int) -> bool:
    """"you are not allowed to work", "was never allowed to practise"."""
    return re.search(r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?$", text[:at], re.IGNORECASE) is not None


def history_near(text: str, at: int, source: Source) -> bool:
    """An earlier year than the article's close to what a sentence says ("8 December 2010 The board allows Dr
    Murray to keep his licence", in 2011), not in another clause the sentence ran into ("... licence was
    suspended by the judge A judge has ordered him to stand trial over the singer's death in 2009")."""
    return history(text[max(0, at - 70):at + 50], source)


def _modal(text: str) -> bool:
    """Conditional or sought, not in force: "could lose his licence", "preparing to seek removal"."""
    return bool(re.search(r"\b(if|could|would|may|might|seek(?:ing|s)?|prepar(?:ing|es) to)\b", text,
                          re.IGNORECASE))


HEARING, BAIL, LICENCE, TERM = HearingType(), BailType(), LicenceType(), TermType()
