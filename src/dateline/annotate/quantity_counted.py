"""What a number counts and where, read from the dependency parse.

"around 2,500 US troops stationed in Syria" -> counts "US troops", where "Syria":
the noun the number modifies (or the object of its "of"), normalised by the
lexicon's `counted` table, with its affiliation ("US", from a modifier or from the
clause subject), and the place named by "in/across/at X" on the noun, its clause
or its verb. A number is given as the token span [start, end) it was read from;
`token_span`, `same_sentence` and `sentence_before` find a read quantity's tokens and
the counts before it in its sentence, for the passes that fill in what a count borrows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dateline.annotate.quantity_lexicon import Lexicon, lexicon
from dateline.model import Entity, Quantity

__all__ = ["PEOPLE", "affiliation", "counted_noun", "counts_and_where", "entity_of", "normalised", "noun_label",
           "of_object", "same_sentence", "sentence_before", "token_span", "where_of"]

PEOPLE = "people"  # what a count of a state noun counts: "45 deaths" is 45 people dead


def counts_and_where(
    doc: Any, first: tuple[int, int], last: tuple[int, int], entities: tuple[Entity, ...], unit: str | None
) -> tuple[str | None, str | None]:
    """What the number (or range `first` to `last`) counts, with its affiliation, and where."""
    noun = counted_noun(doc, *last) or counted_noun(doc, *first)
    anchor = noun if noun is not None else doc[last[1] - 1]
    where = where_of(anchor, entities)
    if unit is not None or noun is None:
        return None, where
    lex = lexicon()
    label = noun_label(noun, lex)
    owner = affiliation(noun, entities, lex)
    subject = _clause_subject(noun)
    subject_place = entity_of(subject, entities, lex.place_labels) if subject is not None else None
    if subject_place is not None and noun.head.lemma_.lower() in lex.hosting:
        where = where or subject_place.canonical
    elif owner is None and label in lex.from_subject and subject is not None:
        owner = _affiliation_of_token(subject, entities, lex, subject=True)
    return (f"{owner} {label}" if owner else label), where


def counted_noun(doc: Any, start: int, end: int) -> Any | None:
    """The noun the number in tokens [start, end) modifies ("2,500 troops"), or the object of its "of"."""
    for token in reversed(doc[start:end]):
        head = token
        while head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.head.pos_ in ("NUM", "SYM"):
            head = head.head
        modifies = head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.head.pos_ in ("NOUN", "PROPN")
        if modifies and head.head.i >= end:
            return head.head
        if head.dep_ in ("npadvmod", "advmod") and head.head.lower_ in lexicon().strength and head.head.dep_ == "amod":
            return head.head.head
        found = of_object(head)
        if found is not None:
            return found
    follower = doc[end] if end < len(doc) else None
    # The parser sometimes misattaches "1.5m barrels"; a plural noun right after still counts.
    return follower if follower is not None and follower.tag_ == "NNS" else None


def of_object(token: Any) -> Any | None:
    """The noun object of the token's "of": "hundreds of [troops]", "the number of [cases]"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0]
    return None


def noun_label(noun: Any, lex: Lexicon) -> str:
    """The counted noun with its common-noun compounds, normalised ("soldiers" -> "troops")."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.ent_type_ == "" and c.lower_ not in lex.affiliations]
    words = [c.text for c in compounds] + [noun.text]
    phrase = " ".join(words).lower()
    for key in (phrase, noun.lower_, noun.lemma_.lower()):
        if key in lex.counted:
            return lex.counted[key]
    return " ".join(words) if noun.pos_ == "PROPN" else phrase


def affiliation(noun: Any, entities: tuple[Entity, ...], lex: Lexicon) -> str | None:
    """Whose the counted things are, from a modifier of the noun ("U.S. troops", "Britain's soldiers")."""
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            label = _affiliation_of_token(child, entities, lex)
            if label is not None:
                return label
    return None


def _affiliation_of_token(token: Any, entities: tuple[Entity, ...], lex: Lexicon, *, subject: bool = False) -> str | None:
    """A listed affiliation, else the entity's name; a subject organisation
    ("the ministry keeps 900 troops") is an owner only when listed."""
    entity = entity_of(token, entities, lex.affiliation_labels)
    for key in (token.lower_, entity.text.lower() if entity else None, entity.canonical.lower() if entity else None):
        if key in lex.affiliations:
            return lex.affiliations[key]
    if entity is None or (subject and entity.label == "ORG"):
        return None
    return entity.canonical


def entity_of(token: Any, entities: tuple[Entity, ...], labels: frozenset[str]) -> Entity | None:
    """The entity of one of `labels` the token is part of."""
    for entity in entities:
        if entity.start <= token.idx < entity.end and entity.label in labels:
            return entity
    return None


def _clause_subject(noun: Any) -> Any | None:
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in ("dobj", "pobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


def where_of(anchor: Any, entities: tuple[Entity, ...]) -> str | None:
    """The place named by "in/across/at X" on the noun, its clause, or its verb."""
    lex = lexicon()
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        anchor = anchor.head.head
    chain = [anchor, *[c for c in anchor.children if c.dep_ in ("acl", "relcl")]]
    if anchor.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") or anchor.dep_ == "conj":
        chain.append(anchor.head.head if anchor.dep_ == "pobj" else anchor.head)
    for token in chain:
        place = _place_under(token, entities, lex, depth=2) or _relative_where(token, entities, lex)
        if place is not None:
            return place
    return None


def _relative_where(verb: Any, entities: tuple[Entity, ...], lex: Lexicon) -> str | None:
    """ "Syria, where around 900 troops are stationed": the place the clause hangs on."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    place = entity_of(verb.head, entities, lex.place_labels)
    return place.canonical if place is not None else None


def _place_under(token: Any, entities: tuple[Entity, ...], lex: Lexicon, depth: int) -> str | None:
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            place = entity_of(obj, entities, lex.place_labels)
            if place is not None and prep.lower_ in lex.place_preps:
                return place.canonical
            if depth > 1 and place is None:
                nested = _place_under(obj, entities, lex, depth - 1)
                if nested is not None:
                    return nested
    return None


def normalised(noun: str, owner: str | None, lex: Lexicon) -> tuple[str, str | None]:
    """A counted noun as the quantity layer gives it, with its state: "deaths" counts people who are
    dead; a group keeps its owner ("US troops")."""
    label = lex.counted.get(noun, noun)
    state = lex.state_nouns.get(label)
    if state:
        return PEOPLE, state
    return (f"{owner} {label}" if owner else label), None


# --- a read quantity's tokens and sentence --------------------------------------------


def token_span(doc: Any, quantity: Quantity) -> Any | None:
    """The tokens a quantity was read from; None when its characters cover none."""
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def same_sentence(doc: Any, first: Quantity, second: Quantity) -> bool:
    span = doc.char_span(first.start, second.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].sent == span[-1].sent


def sentence_before(doc: Any, quantity: Quantity, earlier: Sequence[Quantity]) -> Iterator[Quantity]:
    """The quantities of `earlier` (in text order) that stand in `quantity`'s sentence, nearest first."""
    for other in reversed(earlier):
        if not same_sentence(doc, other, quantity):
            return
        yield other
