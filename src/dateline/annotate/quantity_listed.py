"""Victims named rather than counted: a list of persons read as a count of people.

Small stories often name the dead instead of giving a number: "The blast killed a police
officer and a bomb technician" (2 people, verb "kill"), "Tom Smith and Ann Jones died at
the scene" (2), "A guard, a driver and a cashier were injured" (3). This pass reads the
object of a casualty verb (its subject when the verb is passive or intransitive, or when
a state is said with "be": "were injured") as a count, when it is a coordination joined
by "and" of two or more single persons: PERSON entities or person nouns. It adds nothing
where a number is written in the list ("killed two officers and a guard" is read by the
number reader), where the list holds a plural ("a man and his children": how many?), or
where the verb is denied, hedged or only intended ("did not kill", "could have killed",
"tried to kill"). Word lists: `[listed]` in `data/quantities.toml`.
"""

from __future__ import annotations

from typing import Any

from dateline.annotate.quantity_counted import PEOPLE, entity_of, where_of
from dateline.annotate.quantity_lexicon import Listed, lexicon
from dateline.model import Entity, Quantity

__all__ = ["listed_victims"]

_PERSON = frozenset({"PERSON"})
_SUBJECTS = ("nsubj", "nsubjpass")
# children of a list member that are not part of its name: the rest of the list, an age or a clause
_NOT_NAME = frozenset({"conj", "cc", "punct", "appos", "relcl", "acl", "preconj", "advmod", "prep"})


def listed_victims(doc: Any, quantities: tuple[Quantity, ...], entities: tuple[Entity, ...]) -> tuple[Quantity, ...]:
    """The quantities with a count added for each list of named victims, in text order."""
    words = lexicon().listed
    added: list[Quantity] = []
    for token in doc:
        found = _victims_of(token, entities, words)
        if found is not None and not any(_overlaps(found, q) for q in (*quantities, *added)):
            added.append(found)
    if not added:
        return quantities
    return tuple(sorted((*quantities, *added), key=lambda q: q.start))


def _victims_of(verb: Any, entities: tuple[Entity, ...], words: Listed) -> Quantity | None:
    """The count a casualty word's named victims make, or None."""
    argument = _argument(verb, words)
    if argument is None or _hedged(verb, words):
        return None
    members = _members(argument, entities, words)
    if members is None or len(members) < words.min_items:
        return None
    names = [t for m in members for t in _name_of(m)]
    if any(t.like_num or t.pos_ == "NUM" for t in names):
        return None  # a number is written in the list: the number reader counts it
    tokens = sorted(t.i for t in names)
    span = verb.doc[tokens[0]:tokens[-1] + 1]
    if not _closed(span) or not _opens_a_person(span, entities):
        return None
    return Quantity(
        text=span.text, value=float(len(members)), approximate=False, counts=PEOPLE,
        start=span.start_char, end=span.end_char, where=where_of(argument, entities),
        verb=verb.lemma_.lower(), state=lexicon().states.get(verb.lower_),
    )


def _argument(verb: Any, words: Listed) -> Any | None:
    """Who the casualty word is said of: "killed [X and Y]", "[X and Y] were killed", "[X and Y] died",
    "[X and Y] were injured" (a state after "be"); None when the parse gives two subjects, a sign it split
    the list ("A man, his wife and their daughter died")."""
    lemma, deps = verb.lemma_.lower(), [c.dep_ for c in verb.children]
    if verb.pos_ == "VERB" and lemma in words.object_verbs | words.passive_verbs:
        wanted = ("nsubjpass",) if "nsubjpass" in deps or lemma in words.passive_verbs else ("dobj",)
    elif verb.pos_ == "VERB" and lemma in words.subject_verbs:
        wanted = ("nsubj",)
    elif verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.lower_ in words.states:
        verb, wanted = verb.head, ("nsubj",)  # "were injured" tagged as an adjective under "be"
    else:
        return None
    found = [c for c in verb.children if c.dep_ in wanted]
    if len(found) != 1 or sum(d in _SUBJECTS for d in (c.dep_ for c in verb.children)) > 1:
        return None
    return found[0]


def _hedged(verb: Any, words: Listed) -> bool:
    """Denied, hedged or only intended: "did not kill", "could have killed", "tried to kill"."""
    clause = verb.head if verb.pos_ == "ADJ" else verb
    if clause.dep_ == "xcomp":
        return True
    return any(c.dep_ == "neg" or c.lower_ in words.hedges for c in (*verb.children, *clause.children))


def _members(argument: Any, entities: tuple[Entity, ...], words: Listed) -> list[Any] | None:
    """The persons an "and" list names, each one person; None when any is not ("a man and his dog"), is
    a plural, or the list is joined by "or"."""
    members = _conjuncts(argument)
    if len(members) == 1:
        members = _split_compound(argument, words)
    if any(c.dep_ == "cc" and c.lower_ != "and" for m in members for c in m.children):
        return None
    if not all(_is_one_person(m, entities, words) for m in members):
        return None
    return members


def _conjuncts(token: Any) -> list[Any]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _split_compound(head: Any, words: Listed) -> list[Any]:
    """A list the parse folded into one noun phrase: in "a police officer and bomb squad technician" it may
    hang "officer" (with "and ...") as a modifier of "squad technician"; the modifier and the head are two persons."""
    for child in (t for t in head.subtree if t.i < head.i):
        joined = any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children)
        if child.dep_ in ("nmod", "compound") and joined and _person_noun(child.lemma_.lower(), words):
            return [child, head]
    return [head]


def _is_one_person(token: Any, entities: tuple[Entity, ...], words: Listed) -> bool:
    if token.tag_ in ("NNS", "NNPS") and token.ent_type_ != "PERSON":
        return False
    if any(c.dep_ == "nummod" for c in token.children):
        return False
    named = token.ent_type_ == "PERSON" or entity_of(token, entities, _PERSON) is not None
    return named or (token.pos_ in ("NOUN", "PROPN") and _person_noun(token.lemma_.lower(), words))


def _person_noun(lemma: str, words: Listed) -> bool:
    return lemma in words.person_nouns or (lemma.isalpha() and lemma.endswith(words.person_endings))


def _name_of(member: Any) -> list[Any]:
    """The member's words: itself and its modifiers, not the rest of the list nor an age after it."""
    out = [member]
    for child in member.children:
        if child.dep_ not in _NOT_NAME:
            out.extend(child.subtree)
    return out


def _closed(span: Any) -> bool:
    """The list holds its "and": "killing X, Y, Sgt." cut off by a sentence split is no full list."""
    return any(t.lower_ == "and" for t in span)


def _opens_a_person(span: Any, entities: tuple[Entity, ...]) -> bool:
    """The list opens with a determiner or a possessive ("a police officer and ...", "his wife and ...") or its
    first item holds a name: "Actress and champion swimmer Jane Doe" lists the titles of one person."""
    if span[0].pos_ == "DET" or span[0].tag_ == "PRP$":
        return True
    stop = next((t.i for t in span if t.lower_ == "and" or t.text == ","), span.end)
    return any(t.ent_type_ == "PERSON" or entity_of(t, entities, _PERSON) is not None for t in span if t.i < stop)


def _overlaps(a: Quantity, b: Quantity) -> bool:
    return a.start < b.end and b.start < a.end
