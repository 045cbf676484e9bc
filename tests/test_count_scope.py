"""Where a count is (link/facttypes/count_scope.py): the world's count and the countries it spans, on hand-built
articles whose sentences were written for these tests.

A count written "in N countries" or "worldwide" is the world's, whatever place the sentence names elsewhere
("since it first appeared in Peru"); the number of countries is a count of countries, never of cases; a place
that holds only part of a count ("most in Peru") or none of it ("outside Peru") is not its place.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument, Document, Entity, PublishedDate, Quantity, Sentence


def article(text: str, quantities, *, places=("Peru", "Chile"), doc_id: str = "d1") -> AnnotatedDocument:
    doc = Document(doc_id, doc_id, text, None, f"Outlet {doc_id}", None, None, "en",
                   PublishedDate(date(2011, 5, 20), "metadata", 1.0, "test"))
    entities = tuple(Entity(p, "GPE", p, text.index(p), text.index(p) + len(p)) for p in places if p in text)
    return AnnotatedDocument(doc, sentences=(Sentence(0, len(text)),), entities=entities, quantities=tuple(quantities))


def quantity(text: str, number: str, value: float, counted: str | None, **kw) -> Quantity:
    start = text.index(number)
    return Quantity(number, value, False, counted, start, start + len(number), **kw)


def counts(text: str, *quantities: tuple) -> list[tuple[str, str, str | None, str]]:
    """(value, topic, place, qualifier) of each count observed in a one-sentence article."""
    ad = article(text, [quantity(text, *q[:-1], **q[-1]) for q in quantities])
    return [(o.value, o.topic, o.place, o.qualifier) for o in observe(ad) if o.ask == "count"]


INFECT = {"verb": "infect"}
WORLD = [
    ("in-n-countries-then-origin",
     "The virus has now infected some 12,000 people in more than 40 countries since it first appeared in Peru.",
     [("some 12,000", 12000, "people", INFECT), ("more than 40", 40, "countries", INFECT)],
     [("12000", "cases", "worldwide", "infected"), ("40", "countries", "worldwide", "countries")]),
    ("in-n-nations-with-place-before",
     "The fever has killed 58 people, most in Peru, and infected about 3,100 people in 21 nations.",
     [("58", 58, "people", {"verb": "kill", "where": "Peru"}), ("about 3,100", 3100, "people", INFECT),
      ("21", 21, "nations", INFECT)],
     [("58", "people", "worldwide", "killed"), ("3100", "cases", "worldwide", "infected"),
      ("21", "countries", "worldwide", "countries")]),
    ("worldwide-word-then-origin", "The virus has infected 30,000 people worldwide since it emerged in Peru.",
     [("30,000", 30000, "people", INFECT)], [("30000", "cases", "worldwide", "infected")]),
    ("place-of-another-figure",
     "The flu has spread to 19 countries, has sickened more than 1,800 people and killed dozens in Peru.",
     [("more than 1,800", 1800, "people", INFECT), ("dozens", 24, None, {"verb": "kill", "where": "Peru"})],
     [("1800", "cases", "worldwide", "infected")]),
]


@pytest.mark.parametrize("name,text,quantities,expected", WORLD, ids=[w[0] for w in WORLD])
def test_a_count_in_n_countries_is_the_worlds(name, text, quantities, expected):
    assert [c for c in counts(text, *quantities) if c[0] != "24"] == expected


PLACED = [
    ("place-right-after", "The virus has infected 590 people in Peru and 20 in Chile.",
     [("590", 590, "people", INFECT)], [("590", "cases", "Peru", "infected")]),
    ("reported-for-with-countries-elsewhere", "Peru has reported 700 cases, while the virus has spread to 30 countries.",
     [("700", 700, "cases", {"verb": "report"})], [("700", "cases", "Peru", "infected")]),
    ("relative-clause-of-a-place", "The toll in Peru dwarfs that of the quake that struck Chile in March, "
     "where fewer than 900 people died.", [("fewer than 900", 900, "people", {"verb": "die"})],
     [("900", "people", "Chile", "killed")]),
    ("place-after-another-figure-with-no-world", "The virus has infected about 1,000 people and killed 150 in Peru.",
     [("about 1,000", 1000, "people", INFECT), ("150", 150, "people", {"verb": "kill", "where": "Peru"})],
     [("1000", "cases", "Peru", "infected"), ("150", "people", "Peru", "killed")]),
]


@pytest.mark.parametrize("name,text,quantities,expected", PLACED, ids=[p[0] for p in PLACED])
def test_a_place_written_with_the_count_stays(name, text, quantities, expected):
    assert counts(text, *quantities) == expected


def test_a_count_outside_a_place_asks_nothing():
    text = "Officials say there are about 80 cases outside Peru."
    assert counts(text, ("about 80", 80, "cases", {"verb": "be"})) == []


def test_the_worlds_cases_are_asked_of_the_world():
    text = "The virus has now infected some 12,000 people in more than 40 countries since it first appeared in Peru."
    ad = article(text, [quantity(text, "some 12,000", 12000, "people", verb="infect"),
                        quantity(text, "more than 40", 40, "countries", verb="infect")])
    questions = {f.question for f in build_facts("s1", list(observe(ad)))}
    assert questions == {"How many cases have been reported worldwide?", "How many countries have reported cases?"}
