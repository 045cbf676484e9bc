"""Rates: "What is the US unemployment rate?", "What is the inflation rate?".

Value: a percentage (the number, label as written: "7.2 percent"). Scope: the
rate's name (`[rate.names]`: "jobless rate" is the unemployment rate) and the
country written with it ("the U.S. unemployment rate", "Britain's inflation",
"French unemployment" -> France), and an interest rate's central bank named in its
sentence (`[rate.banks]`: "the Fed", "the Bank of England"; none named, whose is it?: left
out); a rate written with a region or a city
("Riverside's unemployment rate", "the state's") is left out, and so is a rate
with no country when the sentence names one other than the story's. Observed from
a percentage written within a few words after the rate's name, in a sentence that
states it: forecasts and conditions ("could peak near 7 percent", "predicted that
unemployment would soar to 9 percent"), the old value of a change ("up from 5
percent") and figures of a past era state nothing current: an earlier year ("25 percent in
1933"), a decade, "at the time", or a sentence inside an account of earlier years with no word of
the present (`_of_the_past`). A local rate's "national average of 7.2 percent" is the
country's. Relation: the general rule (the latest report of the rate is current), where a
different figure reported on any later day is an update: a rate is published anew each month,
so the general rule's three days of overlap would turn the next release into a contradiction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import (
    GeneralRule,
    alternation,
    citation,
    entities_in,
    lexicon,
    sentence_of,
    words_pattern,
)
from dateline.link.facttypes.office import whose
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Quantity, Sentence

_WINDOW = 60  # characters between the rate's name and its figure
INTEREST = "interest rate"
_LOCAL = re.compile(r"\b(state|states|city|cities|county|counties|region|regional|local|area|metro|town)['’]?s?\s*$",
                    re.IGNORECASE)


@dataclass(frozen=True)
class RateType(GeneralRule):
    name: str = "rate"
    value_kind: str = "quantity"
    SAME_TIME_DAYS: int = 0

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["rate"]
        names, not_stated = words_pattern(words["names"]), words_pattern(words["not_stated"])
        text = annotated.document.text
        for q in annotated.quantities:
            if q.unit != "%":
                continue
            before = text[max(0, q.start - _WINDOW):q.start]
            found = list(names.finditer(before))
            sentence = sentence_of(annotated, q.start)
            if sentence is None or _of_the_past(text, sentence, source):
                continue
            national = _national(text[sentence.start:q.start])
            if national:  # "Riverside's rate has zoomed to 10 percent, well above the national average of 7.2 percent"
                yield _observation(annotated, source, q, national, None)
                continue
            if not found:
                continue
            name = found[-1]
            between = before[name.end():]
            if between.startswith("-"):
                continue  # "inflation-adjusted pay": another quantity
            at = q.start - len(before) + name.start()
            if at < sentence.start or not_stated.search(text[sentence.start:q.start]) or re.search(
                    r"\bfrom\s*$", between) or re.search(r"\d", between):
                continue  # a forecast, the old value of a change, or another figure between the name and this one
            topic = words["names"][name.group().lower()]
            place = _bank(text[sentence.start:sentence.end]) if topic == INTEREST else _country(annotated, at, sentence.start)
            if place is False or (topic == INTEREST and place is None):
                continue  # a region's rate, or an interest rate of no bank: whose?
            yield _observation(annotated, source, q, topic, place or None)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, _q = key
        return f"What is {whose(place)} {topic}?" if place else f"What is the {topic}?"


TYPE = RateType()


def _observation(annotated: AnnotatedDocument, source: Source, q: Quantity, topic: str,
                 place: str | None) -> Observation:
    return Observation(
        ask="rate", topic=topic, place=place, qualifier="", kind="quantity", value=f"{q.value:g}",
        label=q.text, source=source, citation=citation(annotated, q.start, q.end), subject=topic,
        modality="happened", approximate=q.approximate,
    )


def _national(before: str) -> str | None:
    """The rate a figure is the country's of, when written as the national one right after a rate named
    earlier in its sentence ("the unemployment rate has zoomed to 10 percent, well above the national average
    of 7.2 percent"): the rate's name; None otherwise."""
    words = lexicon()["rate"]
    national = re.search(r"\b" + alternation(words["national"]) + r"\s+(?:of|at|is|was|stands at|stood at)?\s*$",
                         before, re.IGNORECASE)
    named = list(words_pattern(words["names"]).finditer(before[:national.start()])) if national else []
    if not named or re.search(r"\d", before[named[-1].end():national.start()].split(",")[-1]):
        return None  # no rate named, or another figure stands between the national average and this one
    return words["names"][named[-1].group().lower()]


def _of_the_past(text: str, sentence: Sentence, source: Source) -> bool:
    """A sentence that dates its figure to a past era: a year before the article's ("25 percent in 1933"), a
    decade ("in the 1980s"), "at the time"; or, with no word of the present, a sentence in the middle of an
    account of earlier years (the nearest years written before and after it are both before the article's)."""
    words = lexicon()["rate"]
    said = text[sentence.start:sentence.end]
    if history(said, source) or _DECADE.search(said) or words_pattern(words["past"]).search(said):
        return True
    if source.published is None or words_pattern(words["present"]).search(said):
        return False
    before = _years(text[max(0, sentence.start - _NARRATIVE):sentence.start])
    after = _years(text[sentence.end:sentence.end + _NARRATIVE])
    return bool(before and after) and max(before[-1], after[0]) < source.published.year


_NARRATIVE = 3000  # characters either side of a sentence where the years of the account it belongs to are read
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _years(text: str) -> list[int]:
    """The years written in a stretch of text, but for those a figure is compared with ("the highest since
    October 2006"): they date no account."""
    return [int(m.group(1)) for m in _YEAR.finditer(text)
            if not re.search(r"\bsince\s+(?:\w+\.?\s+){0,2}$", text[max(0, m.start() - 25):m.start()])]
_DECADE = re.compile(r"\b(?:19|20)\d0s\b")


def _country(annotated: AnnotatedDocument, at: int, sentence_start: int) -> str | bool:
    """The country written right before the rate's name ("U.S.", "Britain's", "French"); "" when none is;
    False when a region or city is ("Riverside's unemployment rate", "the state's jobless rate")."""
    text = annotated.document.text
    lead = text[max(sentence_start, at - 30):at]
    owner = re.search(r"([A-Z][\w.]+)['’]s?\s+$", lead)
    if _LOCAL.search(lead) or (owner and owner.group(1) not in _countries_and_demonyms()):
        return False
    demonyms = lexicon()["office"]["demonyms"]
    countries = set(demonyms.values())
    near = [e for e in entities_in(annotated, max(sentence_start, at - 30), at, ("GPE", "NORP"))
            if re.fullmatch(r"(['’]s?)?\s*(\w+\s+)?", text[e.end:at])]
    if not near:
        return ""
    name = demonyms.get(near[-1].canonical) or demonyms.get(near[-1].text) or near[-1].canonical
    return name if name in countries else False


def _bank(sentence: str) -> str | None:
    """The central bank an interest rate is of: the first one its sentence names ("the Bank of England
    announced a cut in its interest rate"); None when it names none."""
    found = _banks().search(sentence)
    return lexicon()["rate"]["banks"][found.group()] if found else None


@functools.lru_cache(maxsize=1)
def _banks() -> re.Pattern[str]:
    # case kept: "Fed" is the bank, "fed" a verb
    return re.compile(r"\b" + alternation(lexicon()["rate"]["banks"]) + r"\b")


def _countries_and_demonyms() -> set[str]:
    demonyms = lexicon()["office"]["demonyms"]
    return set(demonyms) | set(demonyms.values()) | {"America", "Britain", "U.S", "US"}
