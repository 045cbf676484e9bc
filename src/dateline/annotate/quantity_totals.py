"""Counts a number takes from its sentence rather than from a noun of its own.

Three passes over the quantities of a document, after each was read alone:

- a running total told through an aggregate noun ("Nine new cases were confirmed,
  bringing the total to 48", "the number of confirmed cases in the UK now stands at
  1,562", "the death toll rose to 150,000", "the total is 48"): the number counts what
  the aggregate counts (its "of" object, the noun compounded with it, what the noun
  counts by itself, else what an earlier count of the sentence counts, else the
  counted noun that is the verb's subject: "a new case has taken the total to 28"), and is where
  the aggregate is ("the UK total", "the number of cases in the UK");
- counts given place by place in a list ("Canada (34), Spain (13)", "Mexico with
  1,400 cases and the United States with 600"): `quantity_lists`;
- a bare conjunct borrows the count before it ("2,500 US troops in Iraq and 900 in
  Syria"), and its state unless its own words say one ("100,000 people were infected
  in A and 50,000 in B", but "eight were dead and 10 more missing"); a number pooled
  over several places ("15 combined in A, B and C") borrows nothing.

Word lists: `[totals]` in `data/quantities.toml`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.annotate.quantity_counted import (
    PEOPLE,
    affiliation,
    entity_of,
    normalised,
    noun_label,
    same_sentence,
    sentence_before,
    token_span,
)
from dateline.annotate.quantity_lexicon import Lexicon, lexicon
from dateline.annotate.quantity_lists import listed_counts, own_state, pooled
from dateline.model import Entity, Quantity

__all__ = ["aggregate_of", "sentence_counts"]

# What a total counts: (counts, state, verb), as in `Quantity`.
_Told = tuple[str, str | None, str | None]

_UP_TO_VERB = 4  # tokens climbed from a misattached "to" to its aggregate ("the number of cases to 48")


def sentence_counts(doc: Any, quantities: tuple[Quantity, ...], entities: tuple[Entity, ...]) -> tuple[Quantity, ...]:
    """The quantities with what totals count filled in, then list items', then bare conjuncts' counts
    borrowed (a conjunct of a list item borrows the item's: "with 51 in the US and 15 in Canada")."""
    return _inherit_counts(doc, listed_counts(doc, _with_totals(doc, quantities, entities), entities))


# --- totals told through an aggregate noun ---------------------------------------


def _with_totals(doc: Any, quantities: tuple[Quantity, ...], entities: tuple[Entity, ...]) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    for quantity in quantities:
        if quantity.counts is None and quantity.unit is None:  # a number with its own noun or unit is no total
            quantity = _as_total(doc, quantity, out, entities) or quantity
        out.append(quantity)
    return tuple(out)


def _as_total(doc: Any, quantity: Quantity, earlier: list[Quantity], entities: tuple[Entity, ...]) -> Quantity | None:
    span = token_span(doc, quantity)
    found = aggregate_of(span.root) if span is not None else None
    if found is None:
        return None
    aggregate, verb = found
    lex = lexicon()
    told = _told_by(aggregate, entities, lex)
    source = None
    if told is None:
        source = _earlier_count(doc, quantity, earlier)
        told = _borrowed(source, lex) if source is not None else _subject_told(verb, aggregate, lex)
    if told is None or told[0] is None:
        return None
    counts, state, event = told
    alike = source or _earlier_alike(doc, quantity, earlier, counts)
    where = _place_in(aggregate, verb, entities, lex) or quantity.where or (alike.where if alike else None)
    return replace(quantity, counts=counts, state=state, verb=event, where=where)


def aggregate_of(token: Any) -> tuple[Any, Any] | None:
    """The aggregate noun whose value the number `token` is, with its verb: "bringing [the total] to 48",
    "[the number of cases] now stands at 1,562", "[the tally] reached 1,000", "[the total] is 48"."""
    totals = lexicon().totals
    if token.dep_ == "pobj" and token.head.lower_ in totals.prepositions:
        return _aggregate_near(token.head.head)
    if token.dep_ in ("dobj", "attr") and token.head.lemma_.lower() in totals.object_verbs:
        verb = token.head
        return _aggregate_child(verb, ("nsubj", "nsubjpass"))
    return None


def _aggregate_near(head: Any) -> tuple[Any, Any] | None:
    """From the word "to"/"at" hangs on: a change verb with an aggregate subject or object, or the
    aggregate itself ("taken the confirmed UK total to 28", "the number of cases to 48") under one."""
    verbs = lexicon().totals.verbs
    if head.lemma_.lower() in verbs and head.pos_ in ("VERB", "AUX"):
        return _aggregate_child(head, ("nsubj", "nsubjpass", "dobj", "xcomp", "oprd"))
    token = head
    for _ in range(_UP_TO_VERB):
        if _is_aggregate(token):
            return (token, token.head) if token.head.lemma_.lower() in verbs else None
        if token.dep_ not in ("pobj", "prep") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _aggregate_child(verb: Any, deps: tuple[str, ...]) -> tuple[Any, Any] | None:
    """The verb's aggregate subject or object; a verb joined to another or under it takes that one's
    subject ("the toll rose to 150 and could climb to 200", "the toll is expected to rise to 200")."""
    for clause in (verb, verb.head) if verb.dep_ in ("conj", "xcomp") else (verb,):
        for child in clause.children:
            if child.dep_ in deps and _is_aggregate(child):
                return child, verb
        deps = ("nsubj", "nsubjpass")
    return None


def _is_aggregate(token: Any) -> bool:
    """An aggregate noun, or its word tagged otherwise by a parse gone wrong ("the UK [total]/VBP to 28")."""
    nouns = lexicon().totals.nouns
    return token.pos_ in ("NOUN", "VERB", "ADJ") and (token.lower_ in nouns or token.lemma_.lower() in nouns)


def _told_by(aggregate: Any, entities: tuple[Entity, ...], lex: Lexicon) -> _Told | None:
    """What the aggregate's own words count: its "of" object, its compound, or the noun's default."""
    told = _of_told(aggregate, entities, lex)
    if told is not None:
        return told
    compounds = [c for c in aggregate.lefts if c.dep_ == "compound" and c.lemma_.lower() in lex.totals.counted]
    if compounds:
        noun = lex.totals.counted[compounds[-1].lemma_.lower()]
        owner = affiliation(aggregate, entities, lex) if lex.counted.get(noun, noun) in lex.from_subject else None
        return _normalised(noun, owner, lex)
    implied = lex.totals.implied.get(aggregate.lemma_.lower())
    return _normalised(implied, None, lex) if implied else None


def _of_told(aggregate: Any, entities: tuple[Entity, ...], lex: Lexicon) -> _Told | None:
    """ "the number of confirmed cases" -> cases; "the number of dead" -> people dead; "the number of
    people killed" -> people, verb "kill"; "the total number of US troops" -> US troops."""
    for prep in (c for c in aggregate.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lower_ in lex.states:
                return PEOPLE, lex.states[noun.lower_], None
            if noun.pos_ in ("NOUN", "PROPN"):
                counts, state, _ = _normalised(noun_label(noun, lex), affiliation(noun, entities, lex), lex)
                event, described = _described(noun, lex)
                return counts, state or described, event
    return None


def _normalised(noun: str, owner: str | None, lex: Lexicon) -> _Told:
    """A counted noun as `quantities` gives it, with no event of its own."""
    return *normalised(noun, owner, lex), None


def _described(noun: Any, lex: Lexicon) -> tuple[str | None, str | None]:
    """The verb and state a clause on the counted noun gives it: "people [killed] in the floods",
    "people [left homeless]", "people who have [died]"."""
    for child in noun.children:
        if child.lower_ in lex.states:
            return None, lex.states[child.lower_]
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            state = next((lex.states[g.lower_] for g in child.children if g.lower_ in lex.states), None)
            return (None, state) if state else (child.lemma_.lower(), None)
    return None, None


def _subject_told(verb: Any, aggregate: Any, lex: Lexicon) -> _Told | None:
    """What the verb's subject adds, when it is a counted noun: "A new case in England has taken the
    total to 28" (cases), "Another death brought the figure to 50"."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != aggregate.i and child.lemma_.lower() in lex.totals.counted:
            return _normalised(lex.totals.counted[child.lemma_.lower()], None, lex)
    return None


def _borrowed(source: Quantity, lex: Lexicon) -> _Told:
    """What an earlier count tells its total, in the plural: "one new case ..., bringing the total to
    nine" counts cases."""
    words = (source.counts or "").split()
    if words and words[-1].lower() in lex.totals.counted:
        words[-1] = lex.totals.counted[words[-1].lower()]
    return " ".join(words), source.state, source.verb


def _earlier_count(doc: Any, quantity: Quantity, earlier: list[Quantity]) -> Quantity | None:
    """The nearest earlier count of the sentence: "Nine new cases ..., bringing the total to 48"."""
    return next((o for o in sentence_before(doc, quantity, earlier) if o.counts and o.unit is None), None)


def _earlier_alike(doc: Any, quantity: Quantity, earlier: list[Quantity], counts: str) -> Quantity | None:
    """An earlier count of the sentence that counts the same, whose place the total may share."""
    return next((o for o in sentence_before(doc, quantity, earlier) if o.counts == counts and o.unit is None), None)


def _place_in(aggregate: Any, verb: Any, entities: tuple[Entity, ...], lex: Lexicon) -> str | None:
    """A place the aggregate's words name: after a preposition ("the number of cases in the UK", "the
    death toll in Haiti"), else on the aggregate itself ("the UK total", "Mexico's death toll"; with a
    parse that split them, the words between the verb and the aggregate). "the number of US troops"
    names whose troops, not where."""
    placed = [t for t in aggregate.subtree if t.dep_ == "pobj" and t.head.lower_ in lex.place_preps]
    modifiers = [t for t in aggregate.lefts if t.dep_ in ("compound", "poss", "nmod", "amod")]
    if verb.i < aggregate.i:
        modifiers += [t for t in verb.doc[verb.i + 1:aggregate.i] if t.head.i == verb.i and t.dep_ == "dobj"]
    for token in placed + modifiers:
        place = entity_of(token, entities, lex.place_labels)
        if place is not None:
            return place.canonical
    return None


# --- bare conjuncts ----------------------------------------------------------------


def _inherit_counts(doc: Any, quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """Later counts in a sentence borrow from the one before them.

    "2,500 US troops in Iraq and 900 in Syria": a bare conjunct counts the
    same; "... with another 900 troops in Syria": the same group keeps its
    affiliation.
    """
    out: list[Quantity] = []
    for quantity in quantities:
        previous = out[-1] if out else None
        if _may_borrow(doc, previous, quantity):
            counts = _borrowed_counts(doc, previous.counts, quantity)
            # a bare conjunct is in the state of what it borrows ("30 people died in A and 12 in B"),
            # unless its own words say one ("30 people were killed and 12 injured")
            borrowed = quantity.counts is None and counts is not None and not _own_words_state(doc, quantity)
            quantity = replace(quantity, counts=counts, state=quantity.state or (previous.state if borrowed else None))
        out.append(quantity)
    return tuple(out)


def _may_borrow(doc: Any, previous: Quantity | None, quantity: Quantity) -> bool:
    """A count of the same sentence before it, and no pooling of places: "with 51 in the US and 15 combined
    in the UK, Canada and Spain" is no one place's count, and a count with no place would be given the first
    place written after it."""
    if previous is None or not previous.counts or quantity.unit is not None:
        return False
    span = token_span(doc, quantity)
    return same_sentence(doc, previous, quantity) and not (span is not None and pooled(doc, span.end))


def _borrowed_counts(doc: Any, earlier: str, quantity: Quantity) -> str | None:
    if quantity.counts is None:
        return earlier if _is_conjunct(doc, quantity) else None
    if earlier.endswith(f" {quantity.counts}"):
        return earlier
    return quantity.counts


def _own_words_state(doc: Any, quantity: Quantity) -> bool:
    span = token_span(doc, quantity)
    return span is None or own_state(doc, span.end)


def _is_conjunct(doc: Any, quantity: Quantity) -> bool:
    span = token_span(doc, quantity)
    return span is not None and any(t.dep_ == "conj" for t in span)
