"""Word lists and constants of the attribution layer, read once from `data/attribution.toml`."""

from __future__ import annotations

import functools
import logging
import re

from dateline.resources import load_table

logger = logging.getLogger(__name__)


MIN_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes or partial quotes


# Curly, straight, and the doubled apostrophes some wires and archives use for quotes.
_QUOTE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"|''([^\n]+?)''")


_LEADING_DETERMINERS = frozenset({"a", "an", "the", "some", "several", "many", "other"})


_DEFINITE = frozenset({"the", "this", "that"})


_COMPLEMENTS = ("ccomp", "xcomp")


_PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us"})


_NO_OBJECT_CONTENT = frozenset({"say", "tell", "add", "reply", "assure"})


_ENTITY_SPEAKERS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


UNNAMED = "unnamed source"


@functools.lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Lemmas of verbs that report speech or belief."""
    cues = load_table("attribution")["cues"]
    return frozenset(cues["speech"]) | frozenset(cues["belief"]) | frozenset(cues["stance"]) | _raising_lemmas()


@functools.lru_cache(maxsize=1)
def _raising_lemmas() -> frozenset[str]:
    return frozenset(load_table("attribution")["cues"]["raising"])


@functools.lru_cache(maxsize=1)
def _prepositions() -> dict[str, frozenset[str]]:
    """Verb lemma -> prepositions that introduce its content."""
    table = load_table("attribution")["cues"]["prepositional"]
    return {verb: frozenset(words) for verb, words in table.items()}


@functools.lru_cache(maxsize=1)
def _nominal_cues() -> dict[str, frozenset[str]]:
    """Noun lemma -> the prepositions (or "that") that introduce its content."""
    return {noun: frozenset(words) for noun, words in load_table("attribution")["cues"]["nominal"].items()}


@functools.lru_cache(maxsize=1)
def _light_cues() -> dict[str, frozenset[str]]:
    """Light verb lemma -> the speech nouns that make it a cue with them as content."""
    return {verb: frozenset(nouns) for verb, nouns in load_table("attribution")["cues"]["light"].items()}


@functools.cache
def _source_nouns(kind: str) -> frozenset[str]:
    return frozenset(load_table("attribution")["sources"][kind])


@functools.lru_cache(maxsize=1)
def _pronouns() -> dict[str, str]:
    table = load_table("attribution")["pronouns"]
    return {word: kind for kind, words in table.items() for word in words}


@functools.lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """Verbs of speech and belief (not stance): the ones that frame a whole clause."""
    cues = load_table("attribution")["cues"]
    return frozenset(cues["speech"]) | frozenset(cues["belief"])


@functools.lru_cache(maxsize=1)
def _light_prepositional() -> frozenset[str]:
    return frozenset(load_table("attribution")["cues"]["light_prepositional"])
