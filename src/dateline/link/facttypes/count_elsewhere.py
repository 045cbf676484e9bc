"""Counts about another time or event than the story's: a year earlier than the article, a named earlier
event ("the Spanish flu"), a rate ("250,000 a year"), a forecast or projection ("could kill"), or a figure in a
question (`[count.elsewhere]` in data/facttypes.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from dateline.link.facttypes.base import lexicon, words_pattern
from dateline.link.facttypes.count_kinds import Kind
from dateline.link.facttypes.count_scope import clause_span
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Quantity

_ANY_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def elsewhere(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument, source: Source) -> bool:
    """A count about another time or event than the story's: a year earlier than the article (not "since
    2008") in its sentence (for a level, in its clause: "operations ended in 2021, leaving 2,500 troops"
    is today's level), a named earlier event, a rate ("a year"), a forecast, or a projection near the count
    ("up to 750,000 people could die"); a figure in a question ("can you multiply 404 by 20, giving us around
    8,000 cases?") reports nothing."""
    words = lexicon()["count"]["elsewhere"]
    sentence = obs.citation.text
    text = annotated.document.text
    start, end = clause_span(text, obs, q)
    clause = text[start:end]
    if _earlier_year(sentence if kind.cumulative else clause, source, words["since"]):
        return True
    if kind.cumulative and _told_of_the_past(q, obs, annotated, source):
        return True
    if _past_event(sentence) or _rate().search(sentence):
        return True
    if sentence.rstrip(' "\'”’)').endswith("?"):
        return True  # a question asks, it reports nothing: "So can you multiply 404 by 20, giving 8,000 cases?"
    return bool(words_pattern(words["forecasts"]).search(sentence) or _projection().search(clause))


# the perfect tells of now ("has killed"); "have" after a modal or "to" does not ("we will have deaths")
_PERFECT = re.compile(r"\b" + "".join(rf"(?<!\b{m} )" for m in ("will", "would", "could", "should", "might", "may",
                                                                 "must", "can", "to"))
                      + r"(?:has|have|had been|has been|have been)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|so far|this week|today|yesterday|tonight|currently|latest|since|"
                  r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def _told_of_the_past(q: Quantity, obs: Observation, annotated: AnnotatedDocument, source: Source) -> bool:
    """A toll in the simple past right after sentences about an earlier year or event ("The 1918 pandemic
    is the benchmark. ... More than 50 million people died."): that event's, unless the sentence says now."""
    sentence = obs.citation.text
    if _PERFECT.search(sentence) or _NOW.search(sentence):
        return False
    index = next((i for i, s in enumerate(annotated.sentences) if s.start <= q.start < s.end), None)
    if index is None:
        return False
    words = lexicon()["count"]["elsewhere"]
    text = annotated.document.text
    for s in annotated.sentences[max(0, index - 2):index]:
        earlier = text[s.start:s.end]
        if _earlier_year(earlier, source, words["since"]) or _past_event(earlier):
            return True
    return False


# a span of time just ended, counted back from now: "in the past two days", "over the last week" (the story's
# latest news, not "in the past", long ago)
_RECENT = re.compile(r"\b(?:in|over|during|for|within) the (?:past|last|previous) (?:(?:few|several|couple of|\d+|"
                     r"two|three|four|five|six|seven|ten) )?(?:hours?|days?|weeks?|weekend|months?|fortnight)\b",
                     re.IGNORECASE)


def _past_event(sentence: str) -> bool:
    """The sentence names an earlier event news compares the story with ("the Spanish flu", "in the past"), not
    counting a span just ended ("no new deaths in the past two days")."""
    return bool(words_pattern(lexicon()["count"]["elsewhere"]["past_events"]).search(_RECENT.sub(" ", sentence)))


def _earlier_year(sentence: str, source: Source, since: Sequence[str]) -> bool:
    if source.published is None:
        return False
    for m in _ANY_YEAR.finditer(sentence):
        year, before = int(m.group()), sentence[max(0, m.start() - 20):m.start()].lower().rstrip()
        recent = year >= source.published.year - 1 and any(before.endswith(w) for w in since)
        if year < source.published.year and not recent:
            return True  # "since 2008" in 2009 is the story's; "since late 2003" another's
    return False


@functools.lru_cache(maxsize=1)
def _rate() -> re.Pattern[str]:
    """ "250,000 a year", "every winter"; not "a week after the quake", "a year ago", "doubled in a week"."""
    rates = lexicon()["count"]["elsewhere"]["rates"]
    alternatives = "|".join(re.escape(r) for r in sorted(rates, key=len, reverse=True))
    # "doubling in a week", "for a day", "in less than a month": a span of time, not a rate
    spans = "".join(rf"(?<!\b{w} )" for w in ("in", "within", "for", "than", "over", "under"))
    return re.compile(rf"{spans}\b(?:{alternatives})\b(?!\s+(?:after|ago|earlier|later|before|since|into|of|on)\b)",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _projection() -> re.Pattern[str]:
    """A modal, up to two words, then a verb of what a figure does ("could kill", "may eventually infect");
    "may have been killed" is a hedge on a report, not a projection."""
    words = lexicon()["count"]["elsewhere"]
    modals = "|".join(map(re.escape, words["modals"]))
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(words["projected"], key=len, reverse=True))
    return re.compile(rf"\b(?:{modals})\s+(?!have\b)(?:\w+\s+){{0,2}}?(?:{verbs})\b", re.IGNORECASE)
