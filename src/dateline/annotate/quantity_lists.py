"""Counts given place by place in a list: what each bare number of the list counts, and where.

Epidemic, disaster and election reports list figures per place, and the number of
each item says only how many; the sentence says of what:

- "PLACE (N)" items of a list whose sentence names the counted noun ("countries with
  confirmed cases are Canada (34), Spain (13)", "cases by country: Canada (40), Spain
  (15)"): N counts that noun, where = PLACE; "Britain (8 cases)" is where = Britain;
- "PLACE with N" after an earlier count of the sentence ("Mexico with 1,400 cases,
  including 30 deaths, and the United States with 600"): N counts what the parallel
  "PLACE with N noun" counts (else the nearest earlier count), where = PLACE;
- "with N in PLACE" after an earlier count ("about 1,800 infections, most in Mexico,
  with 64 in Canada"): N counts what the nearest earlier count counts, where = PLACE.

The items must be places (the entity layer's GPE/LOC), so a list of people with their
ages ("Smith (45)"), years in brackets and credits are left alone; a number with a
state or unit of its own ("with 20 injured", "France (4%)") is never a list item.
Word lists: `[lists]` in `data/quantities.toml`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dateline.annotate.quantity_counted import (
    entity_of,
    normalised,
    noun_label,
    sentence_before,
    token_span,
)
from dateline.annotate.quantity_lexicon import Lists, lexicon
from dateline.model import Entity, Quantity

__all__ = ["listed_counts", "own_state", "pooled"]

_ITEM_NUMBER = re.compile(r"(?!1[6-9]\d\d$|20\d\d$)(\d{1,3}(,\d{3})+|\d{1,6})")  # a count, never a year


def listed_counts(doc: Any, quantities: tuple[Quantity, ...], entities: tuple[Entity, ...]) -> tuple[Quantity, ...]:
    """The quantities, with list items given what they count and where, in text order."""
    dropped = _dropped_items(doc, quantities, entities)
    out: list[Quantity] = []
    for quantity in sorted(quantities + dropped, key=lambda q: q.start):
        span = token_span(doc, quantity)
        if span is not None and quantity.unit is None:
            quantity = _as_item(doc, span, quantity, out, entities) or quantity
        out.append(quantity)
    # an item the number reader passed over stays out unless the list says what it counts
    passed_over = {(d.start, d.end) for d in dropped}
    return tuple(q for q in out if q.counts is not None or (q.start, q.end) not in passed_over)


def _dropped_items(doc: Any, quantities: tuple[Quantity, ...], entities: tuple[Entity, ...]) -> tuple[Quantity, ...]:
    """Bare "PLACE (N)" items of a list that the number reader skipped: the parser takes "Britain (71)"
    for a date now and then. Years ("Beijing (2008)") stay skipped."""
    found = []
    for sent in doc.sents:
        if _list_items(doc, sent, entities) < lexicon().lists.min_items:
            continue
        for token in sent[2:-1]:
            number = _bare_number(token)
            item = (token.idx, token.idx + len(number or ""))
            taken = any(q.start < item[1] and item[0] < q.end for q in quantities)
            if number and not taken and _bracketed_place(doc, doc[token.i:token.i + 1], entities):
                found.append(Quantity(number, float(number.replace(",", "")), False, None, *item))
    return tuple(found)


def _bare_number(token: Any) -> str | None:
    """The number of a bare bracketed item: "71" before ")", or "8" of "8)", which the tokenizer
    keeps whole as an emoticon."""
    text = token.text if token.nbor().text == ")" else token.text[:-1] if token.text.endswith(")") else None
    return text if text and _ITEM_NUMBER.fullmatch(text) else None


def _as_item(doc: Any, span: Any, quantity: Quantity, earlier: list[Quantity],
             entities: tuple[Entity, ...]) -> Quantity | None:
    if pooled(doc, span.end):
        return replace(quantity, where=None) if quantity.where else None  # no one place's count
    place = _bracketed_place(doc, span, entities)
    if place is not None:
        return _bracket_item(doc, span, quantity, place, earlier, entities)
    place = _place_before(doc, span, entities)
    if place is not None:
        return _place_with_item(doc, quantity, place, earlier, entities)
    if quantity.counts is None and _joined(doc, span.start):
        return _with_in_place_item(doc, span, quantity, earlier, entities)
    return None


# --- "Britain (71)" ------------------------------------------------------------------


def _bracket_item(doc: Any, span: Any, quantity: Quantity, place: Entity, earlier: list[Quantity],
                  entities: tuple[Entity, ...]) -> Quantity | None:
    """A "PLACE (N)" item of a list: the counted noun from the sentence or the item before it;
    "PLACE (N noun)" keeps its own noun and gains the place."""
    if _list_items(doc, span.sent, entities) < lexicon().lists.min_items:
        return None
    bare = span[-1].text.endswith(")") or (span.end < len(doc) and doc[span.end].text == ")")
    if not bare:
        return replace(quantity, where=place.canonical) if quantity.counts and not quantity.where else None
    if quantity.state is not None:
        return None
    source = next((q for q in sentence_before(doc, quantity, earlier)
                   if q.counts and _noun_item(doc, token_span(doc, q), entities)), None)
    told = (source.counts, source.state) if source is not None else _sentence_noun(span.sent, span.start)
    if told is None:
        return None
    return replace(quantity, counts=told[0], state=told[1], where=place.canonical)


def _noun_item(doc: Any, span: Any, entities: tuple[Entity, ...]) -> bool:
    """A "PLACE (N noun)" item, whose noun a bare item after it may borrow; in "Colombia (1)
    Argentina (1)" the parse that has the first 1 count "Argentina" gives nothing to borrow."""
    return (_bracketed_place(doc, span, entities) is not None and span.end < len(doc)
            and doc[span.end].text != ")" and ")" in [t.text for t in doc[span.end:span.end + 4]])


def _bracketed_place(doc: Any, span: Any, entities: tuple[Entity, ...]) -> Entity | None:
    """The place right before the bracket that opens at the number: "Britain (71)"."""
    if span is None or span.start < 2 or doc[span.start - 1].text != "(":
        return None
    return entity_of(doc[span.start - 2], entities, lexicon().lists.place_labels)


def _list_items(doc: Any, sent: Any, entities: tuple[Entity, ...]) -> int:
    """How many "PLACE (number" items the sentence holds."""
    labels = lexicon().lists.place_labels
    return sum(1 for t in sent[1:-1] if t.text == "(" and doc[t.i + 1].text[:1].isdigit()
               and entity_of(doc[t.i - 1], entities, labels) is not None)


def _sentence_noun(sent: Any, before: int) -> tuple[str, str | None] | None:
    """What the list counts: the first counted noun of the sentence before the item that the
    sentence does not deny ("countries with confirmed cases but no deaths are ..." -> cases)."""
    lex = lexicon()
    lists = lex.lists
    for token in sent:
        if token.i >= before:
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in lists.nouns and not _denied(token, lists):
            label = noun_label(token, lex) if token.tag_ == "NNS" else lists.nouns[token.lemma_.lower()]
            return normalised(label, None, lex)
    return None


def _denied(noun: Any, lists: Lists) -> bool:
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    return before in lists.negations or any(c.dep_ == "det" and c.lower_ in lists.negations for c in noun.children)


# --- "Mexico with 1,400 cases ... and the United States with 600" ----------------------


def _place_with_item(doc: Any, quantity: Quantity, place: Entity, earlier: list[Quantity],
                     entities: tuple[Entity, ...]) -> Quantity | None:
    """ "PLACE with N noun" is where = PLACE; a bare "PLACE with N" borrows the parallel item's count."""
    lex = lexicon()
    if quantity.counts is not None:
        counted = quantity.counts.split()[-1]
        return replace(quantity, where=place.canonical) if not quantity.where and counted not in lex.from_subject else None
    if quantity.state is not None or own_state(doc, token_span(doc, quantity).end):
        return None
    alike = [q for q in sentence_before(doc, quantity, earlier) if q.counts]
    parallel = [q for q in alike if _place_before(doc, token_span(doc, q), entities)]
    source = (parallel or alike or [None])[0]
    if source is None or source.counts.split()[-1] in lex.from_subject:  # "Britain with 900": whose troops, not where
        return None
    return replace(quantity, counts=source.counts, state=source.state, verb=source.verb, where=place.canonical)


def _place_before(doc: Any, span: Any, entities: tuple[Entity, ...]) -> Entity | None:
    """The place right before "with N": "the United States with 600"."""
    if span is None or span.start < 2 or not _joined(doc, span.start) or doc[span.start - 2].dep_ in ("pobj", "dobj"):
        return None  # "the highest rate in Europe with 275 cases", "supply China with": not the count's place
    return entity_of(doc[span.start - 2], entities, lexicon().lists.place_labels)


def _joined(doc: Any, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in lexicon().lists.joiners


def pooled(doc: Any, end: int) -> bool:
    """Whether the number before token `end` pools several places: "15 combined in the UK, Canada and
    Spain" is no one place's count."""
    return end < len(doc) and doc[end].lower_ in lexicon().lists.pooled


def own_state(doc: Any, end: int) -> bool:
    """Whether the words after a number (tokens up to `end`) may say a state of their own: "with 20
    injured", "10 more missing", "thousands without food". Only a bare end ("and 600.", "and 600,
    officials said"), "each" or a place ("12 in Spain") says none."""
    if end >= len(doc) or doc[end].is_punct or doc[end].pos_ == "CCONJ":
        return False
    return doc[end].lower_ not in lexicon().lists.no_state and doc[end].lower_ not in lexicon().place_preps


# --- "with 64 in Canada" ----------------------------------------------------------------


def _with_in_place_item(doc: Any, span: Any, quantity: Quantity, earlier: list[Quantity],
                        entities: tuple[Entity, ...]) -> Quantity | None:
    """ "about 1,800 infections ..., with 64 in Canada": the nearest earlier count, where = Canada."""
    place = _place_after(doc, span.end, entities)
    if place is None or quantity.state is not None:
        return None
    source = next((q for q in sentence_before(doc, quantity, earlier) if q.counts), None)
    if source is None:
        return None
    return replace(quantity, counts=source.counts, state=source.state, verb=source.verb, where=place.canonical)


def _place_after(doc: Any, end: int, entities: tuple[Entity, ...]) -> Entity | None:
    """The place of "in PLACE" right after the number."""
    if end >= len(doc) or doc[end].lower_ not in lexicon().place_preps:
        return None
    objects = [c for c in doc[end].children if c.dep_ == "pobj"] or doc[end + 1:end + 4]
    for token in objects:
        place = entity_of(token, entities, lexicon().lists.place_labels)
        if place is not None:
            return place
    return None
