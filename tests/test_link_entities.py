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


@pytest.mark.parametrize(
    "a, b",
    [("U.S. Africa Command", "United States Africa Command"), ("US Embassy", "United States Embassy")],
    ids=["dotted-country-prefix", "plain-country-prefix"],
)
def test_country_prefix_variants(a, b):
    assert same_referent(a, b, people=False)


def _corpus_groups(db) -> dict[str, set[str]]:
    """Corpus-wide name -> surface forms, read back through the store."""
    from dateline.store import Store

    groups: dict[str, set[str]] = {}
    with Store(db) as store:
        rows = store.conn.execute("SELECT text, COALESCE(corpus_name, canonical) AS name FROM entities").fetchall()
    for row in rows:
        groups.setdefault(row["name"], set()).add(row["text"])
    return groups


# Every alias group of the example corpus: (corpus-wide name, surface forms that must map to it).
EXAMPLE_GROUPS = [
    ("US Department of Defense", {"Pentagon", "Defense Department", "Department of Defense", "U.S. Defense Department"}),
    ("United States", {"U.S.", "US", "United States"}),
    ("Thomas Hadley", {"Thomas Hadley", "Hadley"}),
    ("Issa Djibo", {"Issa Djibo", "Djibo"}),
    ("Hamidou Sani", {"Hamidou Sani", "Sani"}),
    ("Marcus Bellamy", {"Marcus Bellamy", "Bellamy"}),
    ("US Africa Command", {"U.S. Africa Command", "United States Africa Command"}),
    ("National Council for the Safeguard of the Homeland", {"National Council for the Safeguard of the Homeland", "CNSP"}),
]

SEED_GROUPS = [
    ("Mohammed Shia al-Sudani", {"Mohammed Shia al-Sudani", "Mohammed Shia Al-Sudani", "Al-Sudani", "al-Sudani", "Sudani"}),
    ("Islamic State", {"Islamic State", "ISIS", "IS", "Daesh"}),
    ("United States", {"U.S.", "US", "United States"}),
    ("Ali Khamenei", {"Ali Khamenei", "Khamenei"}),
    ("Coalition Joint Task Force-Operation Inherent Resolve", {"CJTF-OIR", "Coalition Joint Task Force-Operation Inherent Resolve"}),
    ("Popular Mobilization Forces", {"PMF", "Popular Mobilization Forces"}),
    ("US Department of Defense", {"Pentagon", "US Department of Defense"}),
]


def _assert_groups(groups: dict[str, set[str]], expected: list[tuple[str, set[str]]]) -> None:
    for name, surfaces in expected:
        assert surfaces <= groups.get(name, set()), (name, groups.get(name))
        strays = {other for other, forms in groups.items() if other != name and forms & surfaces}
        assert not strays, (name, strays)


@pytest.mark.slow
def test_example_corpus_alias_groups(example_db):
    _assert_groups(_corpus_groups(example_db), EXAMPLE_GROUPS)


@pytest.mark.slow
@pytest.mark.seeds
def test_seed_alias_groups(seed_db):
    _assert_groups(_corpus_groups(seed_db), SEED_GROUPS)
