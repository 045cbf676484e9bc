"""Whether a year an article writes in the present tense names the year it was published.

Dating an undated article takes "Food prices in 2024 are the highest in a decade" as a sign that
it was written in 2024. Most years in a present-tense sentence name something else, and read as
the present they date an article decades back: a past event the year modifies ("has been charged
in the 1967 slayings", "his 2009 availability", "the pandemic of 1918", "1999's hit film"), the
start of a span ("a conviction from 1992"), what a participle or a perfect reports ("winning an
Emmy in 2005", "tremors have occurred in 1860"), or a live blog's clock time ("1532 The ministry
says ..."). Only "in <year>" (or "during", "throughout") that ends an adverbial of the present
clause counts; `dating` also drops such a year when the text reports a past event of a later year.

An age names the present too: "born on April 22, 1923" and "died ... at age 85" put the text in the
year from 22 April 2008 to 21 April 2009 (`present_from_age`), however old the other dates it states.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, timedelta

from dateline.annotate.timex import sentence_bounds
from dateline.model import TimeExpr
from dateline.resources import load_table

__all__ = ["names_present_year", "present_from_age"]

_FOUR_DIGITS = re.compile(r"\b\d{4}\b")
# An age stated of someone now: "at age 85", "at the age of 85", "aged 85", "85-year-old", "85 years old"
_AGE = re.compile(r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+)(\d{1,3})\b|\b(\d{1,3})(?:-year-old\b|\s+years\s+old\b)",
                  re.IGNORECASE)
_BORN = re.compile(r"\bborn\b(?![\s-]+again)", re.IGNORECASE)  # "born again" is a faith, not a birth
_BORN_REACH = 80  # characters after "born" in which its date stands ("born Betty Mae Page on April 22, 1923")
_INTRODUCERS = frozenset({"in", "during", "throughout"})
# How many words before "in" may hold the verb the year dates ("winning an Emmy in 2005")
_VERB_REACH = 4
_WORD = re.compile(r"[\w'’-]+")
# A year that ends its adverbial is followed by punctuation or one of these; a year followed by
# another lower-case word modifies it ("in 1999 elections", "in 2009 dollars").
_AFTER_ADVERBIAL = frozenset({
    "and", "or", "but", "nor", "so", "yet", "to", "as", "when", "while", "after", "before", "since", "until",
    "with", "without", "the", "a", "an", "in", "on", "at", "for", "from", "by", "of", "than", "that", "which",
    "who", "where", "if", "because", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would",
    "could", "should", "can", "may", "might", "must", "alone", "too", "also", "already", "still", "now", "it",
    "he", "she", "they", "we", "i", "you", "there", "this", "these", "its", "his", "her", "their", "our",
    "compared", "not", "only", "more", "less", "remains", "remain", "seems",
})
# Words ending in "-ing" that are not verbs
_NOT_GERUNDS = frozenset({
    "during", "according", "thing", "something", "nothing", "anything", "everything", "king", "spring",
    "morning", "evening", "string", "ring", "wing", "ceiling", "sibling", "viking",
})
# Irregular past participles: "has been seen in", "were taken in"
_PARTICIPLES = frozenset({
    "been", "seen", "taken", "given", "shown", "written", "fallen", "risen", "driven", "chosen", "broken",
    "spoken", "stolen", "beaten", "forgotten", "gotten", "hidden", "proven", "born", "borne", "known", "grown",
    "thrown", "flown", "drawn", "done", "gone", "sworn", "torn", "worn", "begun", "run", "won", "built", "found",
})


def names_present_year(text: str, expr: TimeExpr) -> bool:
    """Whether `expr`, a year in a present-tense clause of `text`, may name the year the text was written.

    The caller has checked the tense; this checks the words around the year.
    """
    if expr.role != "point" or not _FOUR_DIGITS.search(expr.text):
        return False
    s_start, _ = sentence_bounds(text, expr.start, expr.end)
    before = _WORD.findall(text[max(s_start, expr.start - 200):expr.start].lower())
    if not before or before[-1] not in _INTRODUCERS:
        return False
    return not _modifies_a_noun(text[expr.end:expr.end + 40]) and not _dates_another_verb(before[:-1])


def _modifies_a_noun(after: str) -> bool:
    """Whether the words after a year show it modifies a noun: "1999's", "1918-19", "2009 dollars"."""
    if re.match(r"['’]s\b|\s*[-–/]\s*\d", after):
        return True
    word = re.match(r"\s+([a-z][\w'’-]*)", after)
    return word is not None and word.group(1) not in _AFTER_ADVERBIAL


def _dates_another_verb(words: list[str]) -> bool:
    """Whether the words before "in <year>" hold a participle, a gerund or a past tense the year dates."""
    past, not_past = _past_words()
    for word in words[-_VERB_REACH:]:
        if word in _PARTICIPLES or word in past:
            return True
        if word.endswith("ed") and word not in not_past:
            return True
        if word.endswith("ing") and word not in _NOT_GERUNDS:
            return True
    return False


@functools.cache
def _past_words() -> tuple[frozenset[str], frozenset[str]]:
    cues = load_table("timex")["cues"]
    return frozenset(cues["past"]), frozenset(cues["not_past"])


def present_from_age(text: str, exprs: Iterable[TimeExpr]) -> tuple[date, date] | None:
    """The days the text may be written on, from one stated birth date and one stated age, or None.

    "Born on April 22, 1923" and "at age 85" give 2008-04-22 to 2009-04-21; "born in 1923" gives
    2008-01-01 to 2009-12-31. With two birth dates or two ages the text speaks of several people and
    says nothing.
    """
    ages = {int(a or b) for a, b in _AGE.findall(text)}
    births = {_birth_span(e.value) for e in exprs if _after_born(text, e)} - {None}
    if len(ages) != 1 or len(births) != 1:
        return None
    (age,), ((first, last),) = ages, births
    if not 0 < age < 120:
        return None
    return _years_later(first, age), _years_later(last, age + 1) - timedelta(days=1)


def _after_born(text: str, expr: TimeExpr) -> bool:
    """Whether "born" stands shortly before `expr` in its sentence: "was born in Nashville on April 22, 1923"."""
    s_start, _ = sentence_bounds(text, expr.start, expr.end)
    return _BORN.search(text, max(s_start, expr.start - _BORN_REACH), expr.start) is not None


def _birth_span(value: str) -> tuple[date, date] | None:
    """The days a birth date's value may mean: "1923-04-22" one day, "1923" its whole year."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return day, day
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    return None


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # born on 29 February
        return day.replace(year=day.year + years, day=28)
