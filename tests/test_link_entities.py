"""Tests for cross-document entity linking and the shared `same_referent` check."""

from __future__ import annotations

import pytest

from dateline.link.entities import link_entities, same_referent
from dateline.model import Entity


def _entities(*names: tuple[str, str]) -> list[Entity]:
    """Entities from (canonical, label) pairs; offsets do not matter to linking."""
    return [Entity(name, label, name, 0, len(name)) for name, label in names]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Mohammed Shia al-Sudani", "Sudani", True),
        ("Mohammed Shia al-Sudani", "Mohammed Shia Al-Sudani", True),
        ("al-Sudani", "Al Sudani", True),
        ("Sabrina Singh", "Singh", True),
        ("Daesh", "ISIS", True),
        ("U.S.", "United States", True),
        ("PMF", "Popular Mobilization Forces", True),
        ("Sabrina Singh", "Sabrina Carpenter", False),
        ("Islamic State", "United States", False),
        ("Iraq", "Iran", False),
    ],
    ids=["surname", "case", "al-variants", "short-surname", "alias", "dots-alias", "acronym",
         "same-first-name", "different-groups", "different-places"],
)
def test_same_referent(a, b, same):
    assert same_referent(a, b) is same
    assert same_referent(b, a) is same


def test_organisation_needs_two_word_suffix():
    assert same_referent("Higher Military Commission", "Iraqi Higher Military Commission", people=False)
    assert not same_referent("Commission", "Iraqi Higher Military Commission", people=False)


CORPUS = [
    ("a", _entities(("Mohammed Shia al-Sudani", "PERSON"), ("Mohammed Shia al-Sudani", "PERSON"), ("Islamic State", "ORG"))),
    ("b", _entities(("Mohammed Shia Al-Sudani", "PERSON"), ("Daesh", "ORG"))),
    ("c", _entities(("Sudani", "PERSON"), ("Singh", "PERSON"), ("Hussein", "PERSON"))),
    ("d", _entities(("Sabrina Singh", "PERSON"), ("Saddam Hussein", "PERSON"), ("Fuad Hussein", "PERSON"))),
    ("e", _entities(("PMF", "ORG"), ("Popular Mobilization Forces", "ORG"), ("Mohammed Shia al-Sudani", "PERSON"))),
]


@pytest.mark.parametrize(
    "doc, name, corpus_name",
    [
        ("b", "Mohammed Shia Al-Sudani", "Mohammed Shia al-Sudani"),
        ("c", "Sudani", "Mohammed Shia al-Sudani"),
        ("c", "Singh", "Sabrina Singh"),
        ("c", "Hussein", "Hussein"),
        ("d", "Fuad Hussein", "Fuad Hussein"),
        ("b", "Daesh", "Islamic State"),
        ("e", "PMF", "Popular Mobilization Forces"),
    ],
    ids=["case-variant-most-frequent", "surname-only", "short-person", "ambiguous-kept-apart",
         "full-name-kept", "alias", "acronym"],
)
def test_link_entities(doc, name, corpus_name):
    assert link_entities(CORPUS)[(doc, name)] == corpus_name


def test_people_and_places_never_merge():
    linked = link_entities([("a", _entities(("Jordan", "GPE"))), ("b", _entities(("Michael Jordan", "PERSON")))])
    assert linked[("a", "Jordan")] == "Jordan"
