"""The quantity annotator's word lists, read once from `data/quantities.toml`.

One frozen `Lexicon` serves the modules of the quantity layer: `quantities`
(reading numbers and their cues), `quantity_counted` (what a number counts and
where) and `quantity_totals` (counts a number takes from its sentence) and `quantity_listed`
(victims named rather than counted).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

from dateline.resources import load_table

__all__ = ["Lexicon", "Listed", "Lists", "Totals", "lexicon", "phrases", "tokens_of"]


@dataclass(frozen=True)
class Totals:
    """How a running total is told through an aggregate noun ("bringing the total to 48")."""

    nouns: frozenset[str]  # the aggregate nouns: "total", "number", "toll"
    verbs: frozenset[str]  # change or level verbs whose "to"/"at" object is the aggregate's value
    object_verbs: frozenset[str]  # verbs whose direct object is the value: "the toll reached 48"
    prepositions: frozenset[str]  # "to", "at"
    counted: dict[str, str]  # "death" (toll) -> "deaths": what a compound or a subject says a total counts
    implied: dict[str, str]  # what an aggregate counts when nothing else says: "toll" -> "deaths"


@dataclass(frozen=True)
class Lists:
    """What a list of places may count, and how its items are told (`quantity_lists`)."""

    nouns: dict[str, str]  # lemma -> the plural a count gives: "death" -> "deaths"
    negations: frozenset[str]  # "no deaths": a noun the list does not count
    place_labels: frozenset[str]  # entity labels of list items: GPE, LOC
    min_items: int  # bracketed items that make a list
    joiners: frozenset[str]  # the word between a place and its number: "Mexico with 1,400"
    no_state: frozenset[str]  # words after a bare number that say no state of its own: "one each in"
    pooled: frozenset[str]  # words after a number that pool several places: "15 combined in A, B and C"


@dataclass(frozen=True)
class Listed:
    """Victims named rather than counted: "killed a police officer and a bomb technician" (`quantity_listed`)."""

    object_verbs: frozenset[str]  # whose direct object (or passive subject) names the victims: "kill"
    passive_verbs: frozenset[str]  # whose victims are only a passive subject: "were hurt"
    subject_verbs: frozenset[str]  # whose subject names the dead: "die"
    states: frozenset[str]  # a state said of the subject with "be": "were injured"
    hedges: frozenset[str]  # words on the verb that make it no fact: "could", "nearly"
    person_nouns: frozenset[str]  # lemmas of nouns for one person: "officer", "technician"
    person_endings: tuple[str, ...]  # endings of common nouns for one person: "watchman"
    min_items: int  # persons a list needs to be read as a count


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    fractions: dict[str, float]
    bounds: dict[str, tuple[tuple[str, ...], ...]]
    percent: tuple[tuple[str, ...], ...]
    symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    measures: dict[str, str]
    counted: dict[str, str]
    from_subject: frozenset[str]
    affiliations: dict[str, str]
    hosting: frozenset[str]
    states: dict[str, str]
    state_nouns: dict[str, str]
    state_window: int
    place_preps: frozenset[str]
    place_labels: frozenset[str]
    affiliation_labels: frozenset[str]
    skip_labels: frozenset[str]
    skip_before: frozenset[str]
    skip_after: tuple[tuple[str, ...], ...]
    strength: frozenset[str]
    months: frozenset[str]
    totals: Totals
    lists: Lists
    listed: Listed


def phrases(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Each cue split into tokens, longest first (so "no more than" is tried before "more than")."""
    split = {tuple(tokens_of(w)) for w in words}
    return tuple(sorted(split, key=len, reverse=True))


def tokens_of(phrase: str) -> list[str]:
    return re.findall(r"\w+(?:\.\w*)*\.?|[^\w\s]", phrase.lower()) or [phrase.lower()]


def _inverse(groups: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): key for key, words in groups.items() for word in words}


_CONVERT = {"frozenset": frozenset, "dict": dict, "int": int, "tuple": tuple}


def _section(record: type, t: dict):
    """A record of word lists from its TOML section: each field converted as its annotation says (the
    annotations are strings here: "frozenset[str]", "dict[str, str]", "int", "tuple[str, ...]")."""
    return record(**{f.name: _CONVERT[str(f.type).split("[")[0]](t[f.name]) for f in fields(record)})


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = load_table("quantities")
    bounds = {k: phrases(t["bounds"][k]) for k in t["bounds"]}
    return Lexicon(
        words=t["numbers"]["words"],
        scales=t["numbers"]["scales"],
        vague=t["numbers"]["vague"],
        fractions=t["numbers"]["fractions"],
        bounds=bounds,
        percent=phrases(t["units"]["percent"]),
        symbols=t["units"]["currency_symbols"],
        currency_words={tuple(tokens_of(k)): v for k, v in t["units"]["currency_words"].items()},
        measures=t["units"]["measures"],
        counted=_inverse(t["counted"]),
        from_subject=frozenset(t["subject_affiliation"]["groups"]),
        affiliations=_inverse(t["affiliations"]),
        hosting=frozenset(t["verbs"]["hosting"]),
        states=_inverse({k: v for k, v in t["states"].items() if k != "window"}),
        state_window=t["states"]["window"],
        state_nouns=t["state_nouns"],
        place_preps=frozenset(t["places"]["prepositions"]),
        place_labels=frozenset(t["places"]["labels"]),
        affiliation_labels=frozenset(t["places"]["affiliation_labels"]),
        skip_labels=frozenset(t["skip"]["entity_labels"]),
        skip_before=frozenset(t["skip"]["before"]),
        skip_after=phrases(t["skip"]["after"]),
        strength=frozenset(t["strength"]["adjectives"]),
        months=frozenset(t["skip"]["months"]),
        totals=_section(Totals, t["totals"]),
        lists=_section(Lists, t["lists"]),
        listed=_section(Listed, t["listed"]),
    )
