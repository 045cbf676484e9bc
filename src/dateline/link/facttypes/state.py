"""Levels and states: an alert level, a measure in force, a bill's progress.

- level: "What is the World Health Organization's alert level?"; value "phase 5"
  (the scale's step), from a sentence holding a scale word (alert, pandemic,
  threat) where a setting verb ("raised ... to", "is at") names "phase N" or
  "level N" with no modal word before it ("could move to phase 6" sets nothing).
- measure: "Are schools closed in Mexico?", "Is a curfew in force in Haiti?", "Is a
  public health emergency in force in the United States?"; value the canonical state
  ("in force", "closed", "declared"; "lifted", "reopened"), the words that stated it
  being in the cited sentence, from a measure noun and a verb putting it in force or
  ending it, in one clause.
- bill: "What is the state of the rescue plan?"; value proposed, rejected, passed
  (by one chamber or both), signed into law, from a sentence naming the plan (the
  purposes of `[amount.purposes]`) and a vote or signature verb.
Scope: the organisation that sets a level (its first ORG), the place the
sentence names, the plan. Labels are the words that stated the value. Relation:
each value is a step on its scale (`base.ordered_relation`): a higher step
updates; a lower one reported later is history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, entities_in, lexicon, possessive, sentences, words_pattern
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Citation, Sentence

MODAL_SPAN = 40  # characters before a bill's verb where a modal makes it a condition or a plan
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_STEP = re.compile(r"\b(phase|level)\s+(\d|one|two|three|four|five|six)\b", re.IGNORECASE)


def _observation(annotated: AnnotatedDocument, source: Source, s: Sentence, *, ask: str, topic: str,
                 place: str | None, value: str, label: str, rank: int, subject: str | None) -> Observation:
    doc = annotated.document
    cited = Citation(doc.id, s.start, s.end, doc.text[s.start:s.end], doc.outlet, doc.published.value)
    return Observation(ask=ask, topic=topic, place=place, qualifier="", kind="state", value=value, label=label,
                       source=source, citation=cited, subject=subject, modality="happened", rank=rank)


def _modal_before(text: str, end: int) -> bool:
    return bool(words_pattern(lexicon()["state"]["scales"]["modals"]).search(text[:end]))


def _words_before(text: str, at: int) -> tuple[str, int]:
    """The whole words in the `MODAL_SPAN` characters before `at`, and where `at` falls in them: a word cut
    by the window is left out ("...American" is no "can")."""
    start = max(0, at - MODAL_SPAN)
    if start and text[start - 1].isalnum():
        start += len(re.match(r"\w*", text[start:at]).group())
    return text[start:], at - start


def _one_place(annotated: AnnotatedDocument, s: Sentence) -> str | None:
    text = annotated.document.text
    places = {e.canonical for e in entities_in(annotated, s.start, s.end, ("GPE",))
              if not text[e.end:e.end + 6].startswith("-based")}  # "the Geneva-based WHO": not where
    return places.pop() if len(places) == 1 else None


@dataclass(frozen=True)
class LevelType(OnScale):
    name: str = "level"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        scales = lexicon()["state"]["scales"]
        scale_words, setters = words_pattern(scales["words"]), words_pattern(scales["setters"])
        for s, text in sentences(annotated):
            if not scale_words.search(text):
                continue
            for setter in setters.finditer(text):
                step = _STEP.search(text, setter.end(), setter.end() + 60)
                if step is None or _modal_before(text, setter.start()) or "from" in text[setter.end():step.start()].split()[-1:]:
                    continue
                n = int(_NUMBERS.get(step.group(2).lower(), step.group(2)))
                orgs = entities_in(annotated, s.start, s.end, ("ORG",))
                yield _observation(annotated, source, s, ask=self.name, topic="alert level", place=None,
                                   value=f"phase {n}", label=f"phase {n}",
                                   rank=n, subject=orgs[0].canonical if orgs else None)
                break

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        owners = [o.subject for o in observations if o.subject]
        owner = max(set(owners), key=owners.count) if owners else ""
        return f"What is the {possessive(owner)} alert level?" if owner else "What is the alert level?"


@dataclass(frozen=True)
class MeasureType(OnScale):
    name: str = "measure"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["state"]["measures"]
        nouns, on, off = words_pattern(words["nouns"]), words_pattern(words["on"]), words_pattern(words["off"])
        for s, text in sentences(annotated):
            for noun in nouns.finditer(text):
                if _some_schools(text, noun):
                    continue
                near = text[max(0, noun.start() - 40):noun.end() + 40]
                verb = off.search(near) or on.search(near)
                if verb is None:
                    continue
                start = max(0, noun.start() - 40) + verb.start()
                if _modal_before(text, min(start, noun.start())):
                    break
                ended = bool(off.fullmatch(verb.group()))
                topic = "schools" if noun.group().lower().startswith("school") else noun.group().lower()
                value = _measure_value(topic, ended)
                yield _observation(annotated, source, s, ask=self.name, topic=topic, place=_one_place(annotated, s),
                                   value=value, label=value, rank=2 if ended else 1, subject=noun.group())
                break

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, _q = key
        where = f" in {_named(place)}" if place else ""
        if topic == "schools":
            return f"Are schools closed{where}?"
        article = "" if topic in ("martial law",) else "a "
        return f"Is {article}{topic} in force{where}?"


_SOME = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen|other|several|some|few|"
                   r"dozens of|hundreds of)\s*$", re.IGNORECASE)


def _some_schools(text: str, noun: re.Match[str]) -> bool:
    """One school ("the school", "South Hampstead High School") or a number of them ("three other schools")
    is closed, not a place's schools: no measure of the place."""
    word = noun.group().lower()
    if not word.startswith("school"):
        return False
    before = text[max(0, noun.start() - 30):noun.start()]
    if word == "school":  # "school closures", "the school system" are a place's schools
        return not re.match(r"\s+(?:closures?|system|systems|year|holidays?)\b", text[noun.end():noun.end() + 12])
    return bool(_SOME.search(before))


def _measure_value(topic: str, ended: bool) -> str:
    """The canonical state a measure is in: schools "closed" or "reopened", an emergency "declared" or
    "lifted", any other measure "in force" or "lifted"; the words that said so are in the cited sentence."""
    if topic == "schools":
        return "reopened" if ended else "closed"
    if "emergency" in topic or "calamity" in topic:
        return "lifted" if ended else "declared"
    return "lifted" if ended else "in force"


def _named(place: str) -> str:
    """A place as a sentence names it: "the United States", "Mexico"."""
    return f"the {place}" if place.startswith(("United ", "Czech", "Dominican", "Netherlands", "Philippines")) else place


@dataclass(frozen=True)
class BillType(OnScale):
    name: str = "bill"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        bills = lexicon()["state"]["bills"]
        purposes = lexicon()["amount"]["purposes"]
        plan_words = words_pattern(k for k, v in purposes.items() if v in ("rescue plan", "stimulus"))
        verbs, chambers = words_pattern(bills["verbs"]), words_pattern(bills["chambers"])
        for s, text in sentences(annotated):
            plan = plan_words.search(text)
            verb = verbs.search(text) if plan and not _after_publication(text, source) else None
            # a modal in the verb's own clause ("assuming it is passed"); "will" earlier in the sentence is
            # another verb's ("The Senate will open debate on the plan the House passed")
            if verb is None or _modal_before(*_words_before(text, verb.start())) or re.search(
                    r"\b(not|n't|failed to)\s+$", text[:verb.start()]):
                continue
            state = bills["verbs"][verb.group().lower()]
            chamber = _chamber(chambers, text, verb)
            if state == "passed" and chamber and chamber.group().lower() in ("house", "senate", "house of representatives"):
                state, value = "passed one chamber", f"passed {chamber.group()}"
            else:
                value = {"signed": "signed into law"}.get(state, state)
            label = (f"{verb.group()} by {_the(chamber.group())}" if chamber and state != "signed"
                     else value)  # short: "passed by the House", "approved by Congress", "signed into law"
            yield _observation(annotated, source, s, ask=self.name, topic=purposes[plan.group().lower()], place=None,
                               value=value, label=label, rank=bills["steps"][state], subject=plan.group())

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What is the state of the {key[1]}{'' if key[1].endswith(('plan', 'bill')) else ' bill'}?"


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+((?:19|20)\d\d)\b")


def _after_publication(text: str, source: Source) -> bool:
    """A sentence naming a month after its article's ("enacted in February 2009" in an article dated
    January 2009): the article's date is wrong, or the words are a plan; either way no report of a vote."""
    if source.published is None:
        return False
    published = (source.published.year, source.published.month)
    return any((int(m.group(2)), _MONTHS.index(m.group(1).lower()) + 1) > published for m in _MONTH_YEAR.finditer(text))


def _chamber(chambers: re.Pattern, text: str, verb: re.Match) -> re.Match | None:
    """The chamber that voted: the nearest named before the verb in its sentence ("In the House, no Republicans
    voted for the version that passed"), else one right after it ("approved by the Senate")."""
    before = list(chambers.finditer(text, 0, verb.start()))
    return before[-1] if before else chambers.search(text, verb.end(), verb.end() + 30)


def _the(chamber: str) -> str:
    """A chamber as English names it: "the House", "the Senate", but "Congress", "Parliament"."""
    return chamber if chamber.lower() in ("congress", "parliament") else f"the {chamber}"


LEVEL, MEASURE, BILL = LevelType(), MeasureType(), BillType()
