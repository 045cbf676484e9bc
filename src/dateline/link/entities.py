"""Cross-document entity linking: one corpus-wide name per person or organisation.

Each document already names its referents by their fullest in-document form
(see `dateline.annotate.entities`). Across articles the same referent still
appears as "Mohammed Shia al-Sudani", "Mohammed Shia Al-Sudani" or only
"Sudani"; acronyms and alias groups add more variants. Names are grouped, most
complete first, and each group is named by its most complete, then most
frequent, form. A short name that could belong to two different full names
("Hussein") is left alone rather than guessed.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateline.annotate.entities import (
    acronym_letters,
    alias_canonical,
    initials,
    is_acronym_of,
    name_key,
)
from dateline.model import Entity

logger = logging.getLogger(__name__)


@dataclass
class _Group:
    """Names found to refer to one thing (mutable only while linking)."""

    person: bool
    names: Counter = field(default_factory=Counter)

    def best_name(self) -> str:
        return max(self.names, key=lambda n: (len(name_key(n)), self.names[n], n))


@functools.lru_cache(maxsize=1 << 18)
def same_referent(a: str, b: str, *, people: bool = True) -> bool:
    """Whether two names can denote the same referent.

    True for alias-group members ("Daesh", "ISIS"), case, dot, hyphen and
    "al-" variants, a name and its trailing part ("Sudani" and "Mohammed Shia
    al-Sudani"; for a person the trailing part is the surname alone, since two
    full names that differ in front are two people, "Katherine Jackson" and
    "Michael Katherine Jackson"; for organisations and places, `people=False`,
    it must have two words or more), and an acronym and its long form ("PMF").
    """
    key_a, key_b = _country_expanded(name_key(a)), _country_expanded(name_key(b))
    if not key_a or not key_b:
        return False
    alias_a, alias_b = alias_canonical(a), alias_canonical(b)
    if alias_a and alias_b:
        return alias_a[0] == alias_b[0]
    shortest = min(len(key_a), len(key_b))
    if people and shortest > 1 and key_a != key_b:
        return False  # "Katherine Jackson" is not "Michael Katherine Jackson": a first name differs
    if (people or shortest > 1) and (_ends_with(key_a, key_b) or _ends_with(key_b, key_a)):
        return True
    return is_acronym_of(a, b) or is_acronym_of(b, a)


def link_entities(per_doc: Iterable[tuple[str, Sequence[Entity]]]) -> dict[tuple[str, str], str]:
    """Maps (document id, per-document canonical name) to the corpus-wide name."""
    mentions, people, seen = _collect(per_doc)
    first_names = frozenset(name_key(n)[0] for n in people if len(name_key(n)) > 1)
    groups: list[_Group] = []
    blocks: dict[str, list[int]] = defaultdict(list)  # block key -> indexes of groups holding such a name
    home: dict[str, _Group] = {}
    for name in sorted(mentions, key=lambda n: (-len(name_key(n)), -mentions[n], n)):
        keys = _block_keys(name)
        candidates = sorted({i for k in keys for i in blocks.get(k, ())})
        found = _home([groups[i] for i in candidates], name, name in people, first_names)
        index = candidates[[groups[i] for i in candidates].index(found)] if found else len(groups)
        if found is None:
            groups.append(_Group(name in people))
        group = groups[index]
        for key in keys:
            if index not in blocks[key]:
                blocks[key].append(index)
        group.names[name] += mentions[name]
        home[name] = group
    return {(doc, name): home[name].best_name() for doc, name in seen}


def _block_keys(name: str) -> set[str]:
    """Keys two names share whenever `same_referent` can hold: the same alias group,
    the same last word (a name and its trailing part), or acronym and initials."""
    keys = set()
    alias = alias_canonical(name)
    if alias:
        keys.add("alias:" + alias[0])
    key = _country_expanded(name_key(name))
    if key:
        keys.add("last:" + key[-1])
    letters = acronym_letters(name)
    keys.add("init:" + (letters or initials(name)))
    return keys


def _collect(per_doc: Iterable[tuple[str, Sequence[Entity]]]) -> tuple[Counter, set[str], set[tuple[str, str]]]:
    """Mentions per canonical name, the names ever tagged PERSON, and (document, name) pairs."""
    mentions: Counter = Counter()
    people: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for doc_id, entities in per_doc:
        for entity in entities:
            mentions[entity.canonical] += 1
            seen.add((doc_id, entity.canonical))
            if entity.label == "PERSON":
                people.add(entity.canonical)
    return mentions, people, seen


def _home(groups: list[_Group], name: str, person: bool, first_names: frozenset[str] = frozenset()) -> _Group | None:
    """The one existing group `name` belongs to; None when none or several fit. A one-word person
    name that also opens a full name ("Katherine", as in "Katherine Jackson") may be a first name, so
    it is no one's surname by itself."""
    if person and len(name_key(name)) == 1 and name_key(name)[0] in first_names:
        return None
    fits = [g for g in groups if g.person == person and any(same_referent(name, n, people=person) for n in g.names)]
    if len(fits) > 1:
        logger.debug("%r could be any of %d referents; kept apart", name, len(fits))
    return fits[0] if len(fits) == 1 else None


def _country_expanded(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name whose first words are a country alias, spelled with the country's canonical name.

    ("u", "s", "africa", "command") and ("united", "states", "africa", "command")
    then compare equal; a name that is only the country is left to the alias table.
    """
    for size in range(len(key) - 1, 0, -1):
        alias = alias_canonical(" ".join(key[:size]))
        if alias and alias[1] == "GPE":
            return name_key(alias[0]) + key[size:]
    return key


def _ends_with(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return len(full) >= len(short) and full[len(full) - len(short) :] == short
