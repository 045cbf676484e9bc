"""Levels and states: an alert level, a measure in force, a bill's progress.

- level: "What is the World Health Organization's alert level?"; value "phase 5"
  (the scale's step), from a sentence holding a scale word (alert, pandemic,
  threat) where a setting verb ("raised ... to", "is at") names "phase N" or
  "level N" with no modal word before it ("could move to phase 6" sets nothing).
- measure: "Are schools closed in Mexico?", "Is a curfew in force in Haiti?", "Is the
  search and rescue phase still under way in Haiti?"; value the canonical state ("in
  force", "closed", "declared", "ongoing"; "lifted", "reopened", "ended"; a phase may be
  "scaled back" on the way, a step between), the words that stated it being in the cited sentence, from a measure noun or a phase ("search-and-rescue
  operations", "the ceasefire") and the words said of it in its own clause ("imposed a
  curfew", "schools were closed", "declared the rescue phase over"), not as a plan, a call
  or a doubt; its place the one named nearest in that clause.
- bill: "What is the state of the rescue plan?"; value proposed, rejected, passed
  (by one chamber or both), signed into law, from a sentence naming the plan (the
  purposes of `[amount.purposes]`) and a vote or signature verb.
Scope: the organisation that sets a level (its first ORG), the measure's place, the plan.
Labels are the words that stated the value. Relation: each value is a step on its scale
(`base.ordered_relation`): a higher step updates; a lower one reported later is history.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import (
    OnScale,
    alternation,
    entities_in,
    lexicon,
    possessive,
    sentences,
    usual_name,
    words_pattern,
)
from dateline.link.facttypes.count_scope import country_aliases
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
        for s, text in sentences(annotated):
            if _earlier_year(text, source):
                continue  # "declared emergency rule in November 2007": background to a later story
            for named in _measures_in(text):
                said = _said_of(text, named)
                if said is None:
                    continue
                _words, step = said
                value = _measure_value(named, step)
                yield _observation(annotated, source, s, ask=self.name, topic=named.topic,
                                   place=_measure_place(annotated, s, named), value=value, label=value,
                                   rank=step, subject=named.phrase)
                break

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, _q = key
        where = f" in {_named(place)}" if place else ""
        if topic == "schools":
            return f"Are schools closed{where}?"
        if topic in _phase_topics():
            return f"Is the {usual_name(observations) or topic} still under way{where}?"
        article = "" if topic in ("martial law",) else "an " if topic[0] in "aeiou" else "a "
        return f"Is {article}{topic} in force{where}?"


@dataclass(frozen=True)
class _Measure:
    """A measure or a phase as a sentence names it."""

    topic: str  # what its question asks of: "schools", "curfew", "rescue"
    phrase: str  # as written, for the question: "search and rescue phase"
    start: int
    end: int
    phase: bool  # a phase or operation, ongoing or ended; else a measure, in force or lifted


BEFORE_WORDS = 3  # words between a verb and the measure it acts on ("imposed a 24-hour curfew")
AFTER_WORDS = 7  # words between a measure and what is said of it ("schools in the Mexico City area have been closed")
LIST_WORDS = 6  # a list may stand between too: "closed theaters, shops and schools", "schools and bars were closed"
# words that end a clause: a verb across them is another clause's ("protests began as the curfew ..."); "to"
# makes it a plan ("schools to reopen")
_CLAUSE_WORDS = frozenset({"as", "when", "after", "before", "while", "because", "since", "but", "that", "which",
                           "who", "whom", "than", "if", "to"})
# after a measure only where it is may stand before its verb ("schools in the capital were closed"), not how or
# what else ("rescue efforts with pickaxes at the partially collapsed cathedral")
_AFTER_WORDS = _CLAUSE_WORDS | {"by", "with", "from", "on", "at", "for", "under", "during", "despite", "against",
                                "into", "amid"}
# between a verb and its measure only the measure's own words stand, no preposition ("ordered the evacuation
# of ...", "began in the capital under the curfew")
_BEFORE_WORDS = _AFTER_WORDS | {"in", "of"}
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever)\b", re.IGNORECASE)


def _gap_ok(gap: str, across: frozenset[str], most: int) -> bool:
    """Only the measure's own words, or a list it is in ("theaters, shops and schools"), stand between it and
    a verb: no word that opens another clause."""
    words = gap.replace(",", " , ").lower().split()
    listed = "," in words or "and" in words or "or" in words
    return len([w for w in words if w != ","]) <= (LIST_WORDS if listed else most) and not across & set(words)


def _measures_in(text: str) -> Iterable[_Measure]:
    """The measures and phases a sentence names, in order: a measure noun (not one school), a phase's kind
    and head ("search-and-rescue operations"), or a phase named alone ("the ceasefire")."""
    found = [_Measure("schools" if m.group().lower().startswith("school") else m.group().lower(),
                      m.group().lower(), m.start(), m.end(), False)
             for m in words_pattern(lexicon()["state"]["measures"]["nouns"]).finditer(text)
             if not _some_schools(text, m)]
    phases = lexicon()["state"]["phases"]
    for m in _phase_pattern().finditer(text):
        kind, head = m.group("kind").lower(), (m.group("head") or "").lower()
        if head or kind in phases["alone"]:
            phrase = " ".join([kind.replace("-", " ") if kind.count("-") > 1 else kind, head.rstrip("s")]).strip()
            found.append(_Measure(phases["kinds"][kind], phrase, m.start(), m.end(), True))
    return sorted(found, key=lambda n: n.start)


@functools.lru_cache(maxsize=1)
def _phase_pattern() -> re.Pattern[str]:
    phases = lexicon()["state"]["phases"]
    return re.compile(rf"\b(?P<kind>{alternation(phases['kinds'])})(?:\s+(?P<head>{alternation(phases['heads'])}))?\b",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _phase_topics() -> frozenset[str]:
    return frozenset(lexicon()["state"]["phases"]["kinds"].values())


# a measure's or a phase's steps, its rank on its scale: under way, winding down (a phase only), over
UNDER_WAY, EASING, OVER = 1, 2, 3


@functools.lru_cache(maxsize=1)
def _state_words() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """Patterns for the words said of a measure written before it and after it, and the step each word that
    ends or eases one says (the rest say it is under way)."""
    words = lexicon()["state"]["measures"]
    easing = lexicon()["state"]["phases"]["easing"]
    said = alternation([*words["on"], *words["off"], *easing])
    gap = r"[\w'’-]+"
    before = re.compile(rf"(?s:.*)\b(?P<verb>{said})(?P<gap>(?:,?\s+{gap}){{0,{LIST_WORDS}}})\s*$", re.IGNORECASE)
    after = re.compile(rf"(?P<gap>(?:,?\s+{gap}){{0,{AFTER_WORDS}}}?)\s+(?P<verb>{said})\b", re.IGNORECASE)
    steps = {w.lower(): EASING for w in easing} | {w.lower(): OVER for w in words["off"]}
    return before, after, steps


_DECLARED_OVER = (re.compile(r"\bdeclar\w*\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE),
                  re.compile(r"[^,.;:]{0,60}?\bover\b(?!\s+(?:the|a|an|his|her|its|their)\b)", re.IGNORECASE))


def _said_of(text: str, named: _Measure) -> tuple[str, int] | None:
    """The words that state a measure in force or a phase under way (`UNDER_WAY`), a phase winding down ("rescue
    operations are scaled back": `EASING`), or either ended (`OVER`), in its own clause:
    a verb right before it ("imposed a curfew", "the end of the rescue phase"), after it ("schools were closed",
    "rescue efforts have been declared officially over") or around it ("declared the search and rescue phase
    for survivors over"); None when none does, or the words are a plan, a call, a doubt or a denial."""
    before, after, steps = _state_words()
    head = text[max(0, named.start - 80):named.start]
    if _DECLARED_OVER[0].search(head) and _DECLARED_OVER[1].match(text, named.end):
        return "declared over", OVER
    late = after.match(text, named.end)
    early = before.match(head)
    for m, at, across, most in ((late, 0, _AFTER_WORDS, AFTER_WORDS),
                                (early, max(0, named.start - 80), _BEFORE_WORDS, BEFORE_WORDS)):
        if m is None or not _gap_ok(m.group("gap"), across, most):
            continue
        if _unreal(text, min(named.start, at + m.start("verb")), at + m.start("verb")):
            return None
        step = steps.get(" ".join(m.group("verb").lower().split()), UNDER_WAY)
        if step == EASING and not named.phase:
            return None  # "the curfew was scaled back": eased, neither in force as it was nor lifted
        return m.group("verb"), step
    return None


def _unreal(text: str, start: int, verb: int) -> bool:
    """A modal, a plan, a call or a denial before the verb or between the measure and it ("schools could be
    closed", "appealed for rescue efforts to continue", "no need to close")."""
    window, _at = _words_before(text, start)
    span = window[: len(window) - (len(text) - verb)] if verb < len(text) else window
    words = lexicon()["state"]
    return bool(words_pattern([*words["scales"]["modals"], *words["measures"]["unreal"]]).search(span)
                or _NEGATION.search(span))


def _earlier_year(text: str, source: Source) -> bool:
    """The sentence names a year before its article's: the measure is history."""
    if source.published is None:
        return False
    return any(int(y) < source.published.year for y in re.findall(r"\b((?:19|20)\d\d)\b", text))


_TIME_ZONES = re.compile(r"^(?:(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|BST|UTC|ET|PT)\s+)+")
# where a speaker is, not the measure: "a spokeswoman in Geneva said the search was over"
_SAID_THERE = re.compile(r"\s*(?:said|says|told|announced|reported)\b", re.IGNORECASE)
_TOWARDS = re.compile(r"\b(?:to|from|against|on|into|via)\s+(?:the\s+)?$", re.IGNORECASE)


def _measure_place(annotated: AnnotatedDocument, s: Sentence, named: _Measure) -> str | None:
    """Where the measure is: the place named nearest to it in its clause, as a country where its name says so
    ("Mexico City" is Mexico's capital); not a place something goes to or comes from ("a ban on flights to
    Mexico" is not Mexico's ban), nor "the Geneva-based WHO", nor a speaker's ("a spokeswoman in Geneva said").
    None when its clause names none: the story's usual place fills in (link/facts.py)."""
    text = annotated.document.text
    at, end = s.start + named.start, s.start + named.end
    spans = {(e.start, e.end): e.canonical for e in entities_in(annotated, s.start, s.end, ("GPE",))}
    for m in _countries().finditer(text, s.start, s.end):
        if not any(a <= m.start() < b for a, b in spans):
            spans[(m.start(), m.end())] = country_aliases()[m.group()]
    places = [(max(a - end, at - b, 0), _place_name(name)) for (a, b), name in spans.items()
              if not text[b:b + 6].startswith("-based") and not _TOWARDS.search(text[max(s.start, a - 12):a])
              and _one_clause(text[min(b, end):max(a, at)]) and not (_SAID_THERE.match(text, b) and text[max(0, a - 3):a] == "in ")]
    return min(places)[1] if places else None


def _one_clause(between: str) -> bool:
    """No clause break stands between a place and a measure, so the place is the measure's ("Speaking in Geneva,
    she said the rescue was over" is not Geneva's rescue); "in London, where schools closed" is London's."""
    return not re.search(r"[,;:()\u2013\u2014]|\s-\s", re.sub(r"^,\s+where\b", "", between.strip()))


@functools.lru_cache(maxsize=1)
def _countries() -> re.Pattern[str]:
    names = sorted(country_aliases(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _place_name(name: str) -> str:
    """A place as a question names it: a dateline's capitals and time zone dropped ("EDT MEXICO CITY" is Mexico
    City), and a city named for its country ("Mexico City", "Guatemala City", "Kuwait City") is the country's."""
    name = _TIME_ZONES.sub("", name)
    if name.isupper():
        name = name.title()
    city = re.fullmatch(r"(.+) City", name)
    if city and city.group(1) in country_aliases():
        return country_aliases()[city.group(1)]
    return country_aliases().get(name, name)


_SOME = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen|other|several|some|few|"
                   r"dozens of|hundreds of)\s+(?:[\w.-]+\s+)?$", re.IGNORECASE)  # "two secondary", "298 U.S."


def _some_schools(text: str, noun: re.Match[str]) -> bool:
    """One school ("the school", "South Hampstead High School") or a number of them ("three other schools")
    is closed, not a place's schools: no measure of the place."""
    word = noun.group().lower()
    if not word.startswith("school"):
        return False
    before = text[max(0, noun.start() - 30):noun.start()]
    if word == "school":  # "school closures", "the school system" are a place's schools; "the school year" none
        return not re.match(r"\s+(?:closures?|system|systems)\b", text[noun.end():noun.end() + 12])
    return bool(_SOME.search(before))


def _measure_value(named: _Measure, step: int) -> str:
    """The canonical state a measure is in: schools "closed" or "reopened", an emergency "declared" or
    "lifted", a phase "ongoing", "scaled back" or "ended", any other measure "in force" or "lifted"; the words
    that said so are in the cited sentence."""
    ended = step == OVER
    if named.phase:
        return "scaled back" if step == EASING else "ended" if ended else "ongoing"
    if named.topic == "schools":
        return "reopened" if ended else "closed"
    if named.topic.endswith(("emergency", "calamity", "rule")):
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
            plan = _plan_of(annotated.document.text, s, plan_words)
            verb = verbs.search(text) if plan and not after_publication(text, source) else None
            # a modal in the verb's own clause ("assuming it is passed"); "will" earlier in the sentence is
            # another verb's ("The Senate will open debate on the plan the House passed")
            if verb is None or _modal_before(*_words_before(text, verb.start())) or re.search(
                    r"\b(not|n't|failed to)\s+$", text[:verb.start()]) or _wished(text, verb) or not _of_plan(
                    text, verb, plan_words):
                continue
            state = bills["verbs"][" ".join(verb.group().lower().split())]
            chamber = _chamber(chambers, text, verb)
            if state == "passed" and chamber and chamber.group().lower() in ("house", "senate", "house of representatives"):
                state, value = "passed one chamber", f"passed {chamber.group()}"
            else:
                value = {"signed": "signed into law"}.get(state, state)
            said = state if verb.group().lower().endswith(" of") else verb.group()  # "approval of": "passed"
            label = (f"{said} by {_the(chamber.group())}" if chamber and state != "signed"
                     else value)  # short: "passed by the House", "approved by Congress", "signed into law"
            yield _observation(annotated, source, s, ask=self.name, topic=purposes[plan.lower()], place=None,
                               value=value, label=label, rank=bills["steps"][state], subject=plan)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What is the state of the {key[1]}{'' if key[1].endswith(('plan', 'bill')) else ' bill'}?"


_BARE_BILL = re.compile(r"\bthe\s+(?:package|plan|bill|legislation|measure)\b", re.IGNORECASE)


def _plan_of(text: str, s: Sentence, plan_words: re.Pattern[str]) -> str | None:
    """The plan a sentence is about, as written: one it names ("the bailout", "the stimulus bill"), else, for
    "the package", "the plan", "the bill" with no word of its own, the plan its article named last before it."""
    named = plan_words.search(text, s.start, s.end)
    if named is not None:
        return named.group()
    return plan_named_before(text, s.start, plan_words) if _BARE_BILL.search(text, s.start, s.end) else None


BILL_REACH = 4  # words between a vote and the plan it is of: "killed a $700 billion rescue plan", "the bill the House passed"


def _of_plan(text: str, verb: re.Match[str], plan_words: re.Pattern[str]) -> bool:
    """The vote is the plan's: a plan is named within `BILL_REACH` words of the verb in its clause ("the
    plan passed", "the rescue package approved by Congress", "the stimulus package, signed into law"), not
    in another clause ("133 Republicans opposed the measure, while 65 approved"; "a rescue team ... the quake,
    which killed")."""
    for plan in [*plan_words.finditer(text), *_BARE_BILL.finditer(text)]:
        between = text[plan.end():verb.start()] if plan.end() <= verb.start() else text[verb.end():plan.start()]
        if len(between.split()) <= BILL_REACH and not re.search(r"[,;:()\u2013\u2014]", between.rstrip().removesuffix(",")):
            return True
    return False


def plan_named_before(text: str, at: int, plan_words: re.Pattern[str]) -> str | None:
    """The plan word ("bailout", "stimulus") an article names last before `at`: what its "the package" means."""
    named = list(plan_words.finditer(text, 0, at))
    return named[-1].group() if named else None


def _wished(text: str, verb: re.Match[str]) -> bool:
    """A vote written as a noun ("approval of", "passage of") states one only after its chamber's possessive or
    "the" ("the Senate's approval of the package"), and not as a wish or a need ("needs the approval of
    Congress", "pushed for the passage of the bill")."""
    if not verb.group().lower().endswith(" of"):
        return False
    window, at = _words_before(text, verb.start())
    before = window[:at]
    return not re.search(r"(?:['’]s|\bthe)\s+$", before) or bool(
        words_pattern(lexicon()["state"]["bills"]["wishes"]).search(before))


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+((?:19|20)\d\d)\b")


def after_publication(text: str, source: Source) -> bool:
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
