"""Small counts: which figures under `observations.MIN_COUNT` are a tally worth asking (`[count.small]`).

Most small counts of ordinary things are wording ("two countries", "three diplomats"), but an outbreak or a
crackdown is tracked from its first few: "authorities have confirmed two cases in Scotland", "bringing the
number of affected countries to 9", "two men were arrested". A small count is asked when
- its kind is counted from its first few (`few` in `[count.kinds]`: cases, countries, arrests);
- it has a place (a toll of nowhere in particular, "two people were infected", is an anecdote);
- it has no verb, or one that tallies or does its kind's act (`[count.small] verbs`: "confirmed", "reported",
  "infected", "arrested"), not another's ("examined data from eight countries", "five people were hospitalised",
  "all seven patients have recovered");
- its clause is no hypothesis ("if infected people in at least two countries were spreading it");
- it is no part of a group or a set already named: "the other two cases", "two previous cases", "seven of the
  nine", "the first two British cases", "those two cases", "year seven pupils".
"""

from __future__ import annotations

import functools
import re

from dateline.link.facttypes.base import lexicon
from dateline.link.facttypes.count_kinds import Kind
from dateline.link.observations import MIN_COUNT, Observation
from dateline.model import AnnotatedDocument, Quantity

_CLAUSE_MARK = re.compile(r"[,;:()\"“”]|\s[-–—]\s")
_WORD = re.compile(r"[\w'’-]+")
REACH = 80  # characters before the number where its clause's words are read


def small_tally(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument) -> bool:
    """A count under MIN_COUNT that is a tally of a kind counted from its first few (the module docstring)."""
    if q.value >= MIN_COUNT:
        return True
    words = _small()
    if not kind.few or obs.place is None:
        return False
    if q.verb is not None and q.verb not in words["verbs"]:
        return False
    clause = _clause_before(q, obs, annotated.document.text)
    return not (words["hypothetical"] & set(clause)) and not _of_a_set(q, clause, annotated.document.text)


def _clause_before(q: Quantity, obs: Observation, text: str) -> list[str]:
    """The words of the count's clause before the number, lower-cased ("year-seven" gives "year")."""
    before = text[max(obs.citation.start, q.start - REACH):q.start]
    return [w.lower().strip("-'’") for w in _WORD.findall(_CLAUSE_MARK.split(before)[-1])]


def _of_a_set(q: Quantity, clause: list[str], text: str) -> bool:
    """The number picks out a part of a group or a set already named: "the other two", "seven of the nine";
    `clause` holds the words of its clause before it."""
    words = _small()
    last = clause[-2:]
    if last[-1:] and last[-1] in words["set_before"]:
        return True
    if len(last) == 2 and last[1] in words["set_ordinals"] and last[0] in words["set_before"]:
        return True  # "the first two British cases" (a set told before; not "its first two cases")
    if last[-1:] == ["of"] and last[:-1] not in ([t] for t in words["total_of"]):
        return True  # "of four cases confirmed on Monday" (but "a total of eight")
    after = _WORD.findall(text[q.end:q.end + 20])
    return bool(after) and after[0].lower() in words["set_after"]


@functools.lru_cache(maxsize=1)
def _small() -> dict[str, frozenset[str]]:
    return {name: frozenset(values) for name, values in lexicon()["count"]["small"].items()}
