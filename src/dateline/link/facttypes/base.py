"""The interface every fact type shares, and helpers over an article's layers.

A type reads the layers an annotated article already has (sentences, entities,
quantities, claims) and returns observations: it never parses again.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from dateline.citations import cite
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Citation, Entity, Sentence
from dateline.resources import load_table

SAME_TIME_DAYS = 3  # the general rule (`link.facts`): a different value more than 3 days later updates


class FactType(Protocol):
    """One kind of question."""

    name: str  # the `ask` of its observations and of its facts' keys
    value_kind: str  # "quantity", "date", "state", "name", "money"
    SAME_TIME_DAYS: int  # the general rule's wait: a different value reported more days than this later updates

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        """This type's observations in one article."""

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        """The question a fact of this key asks, worded from its observations."""

    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        """How `new` relates to the standing values (their first observations), or None for the general rule."""

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """Whether a group of observations is an open question at all ("When will it end?" is not)."""


class GeneralRule:
    """A type whose values follow the ledger's general rule (`link.facts`): no relation of its own."""

    SAME_TIME_DAYS = SAME_TIME_DAYS

    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        return None

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        return True


class OnScale:
    """A type whose values are ordered: cumulative counts and states on a scale (`ordered_relation`)."""

    SAME_TIME_DAYS = SAME_TIME_DAYS  # for values the scale does not order

    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        return ordered_relation(standing, new)

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        return True


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    return load_table("facttypes")


def ordered_relation(standing: Sequence[Observation], new: Observation) -> str | None:
    """The relation rule of cumulative counts and of states on a scale.

    - a cumulative count (the dead, the injured, cases, the displaced): a later report
      of a larger figure, or one inside the bound that stood ("up to 200,000" -> 110,000),
      is an update, even on the same day; a smaller figure is a contradiction, or an
      update when the sentence says the figure was revised; a figure more than ten
      times the standing one is a contradiction (another group or scope);
    - a state on a scale (charged 3 < convicted 4 < sentenced 5): a higher step is an
      update; a lower step reported later is history ("agree"); another state of the
      same step is a contradiction.
    """
    if new.rank is not None:
        top = max((o.rank for o in standing if o.rank is not None), default=None)
        if top is None:
            return None
        return "update" if new.rank > top else ("agree" if new.rank < top else "contradict")
    if not new.cumulative or not standing:
        return None
    latest = max(standing, key=lambda o: (o.source.published is not None, o.source.published, number(o.value)))
    old, value = number(latest.value), number(new.value)
    if old is None or value is None:
        return None
    if value > JUMP * old > 0:
        return "contradict"  # ten times the standing figure: another group or scope, not the same toll risen
    if value > old or (latest.bound == "<=" and value <= old):
        return "update"
    if REVISED.search(new.citation.text):
        return "update"
    return "contradict"


JUMP = 10  # set a priori, not fitted: a toll may double in a day, not grow tenfold in one report
# a smaller figure that says it revises the count: "revised", "lowered", "cut the estimated death toll to 101"
REVISED = re.compile(r"\b(revis|correct|lowered|downgraded|scaled back"
                     r"|(?:cut|reduced|trimmed)\s+(?:its|their|the)\s+(?:[a-z]+\s+){0,2}(?:toll|count|tally|estimate|number))",
                     re.IGNORECASE)


def number(value: str) -> float | None:
    """A value's number, or None when it is no number ("2025-09", "charged")."""
    try:
        return float(value)
    except ValueError:
        return None


def sentence_of(annotated: AnnotatedDocument, start: int) -> Sentence | None:
    return next((s for s in annotated.sentences if s.start <= start < s.end), None)


def citation(annotated: AnnotatedDocument, start: int, end: int) -> Citation:
    return cite(annotated.document, annotated.sentences, start, end)


def entities_in(annotated: AnnotatedDocument, start: int, end: int, labels: Iterable[str]) -> list[Entity]:
    wanted = set(labels)
    return [e for e in annotated.entities if e.label in wanted and start <= e.start and e.end <= end]


def people_in(annotated: AnnotatedDocument, start: int, end: int) -> list[Entity]:
    """The PERSON entities in a span that a statement can be about: not a possessor ("Jackson's doctor",
    "Michael Jackson's death" are about the doctor and the death, not Jackson)."""
    text = annotated.document.text
    return [e for e in entities_in(annotated, start, end, ("PERSON",))
            if not re.match(r"['’]s?\b", text[e.end:e.end + 2])]


def person_name(entity: Entity) -> str:
    """The person's fullest name without titles or suffixes: "Dr Conrad Murray" -> "Conrad Murray"."""
    titles = set(lexicon()["status"]["titles"])
    words = [w for w in entity.canonical.replace(",", " ").split() if w.lower() not in titles]
    while words and words[-1].rstrip(".").lower() in {"jr", "sr", "ii", "iii"}:
        words.pop()
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]  # "Henry M. Paulson" -> "Henry Paulson"
    return " ".join(words)


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of the phrases as whole words, any case (built once per list of phrases:
    lexicon lists are asked for per sentence)."""
    return _words_pattern(tuple(words))


@functools.lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(words) + r"\b", re.IGNORECASE)


def alternation(words: Iterable[str]) -> str:
    """A regular-expression group of the phrases, escaped, the longest first (so "at least" is tried before
    "at")."""
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


def sentences(annotated: AnnotatedDocument) -> Iterable[tuple[Sentence, str]]:
    text = annotated.document.text
    for s in annotated.sentences:
        yield s, text[s.start:s.end]


def usual_name(observations: Sequence[Observation]) -> str:
    """The name the reports give the fact's subject most often (ties: the longer, the fuller name); "" when none."""
    names = [o.subject for o in observations if o.subject]
    return max(set(names), key=lambda n: (names.count(n), len(n))) if names else ""


def possessive(name: str) -> str:
    """"Murray's", "Jones'"."""
    return f"{name}'{'' if name.endswith('s') else 's'}"
