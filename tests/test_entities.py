"""Tests for the entity layer: cleaning, canonical names, aliases, acronyms, roles."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from dateline.annotate.entities import (
    alias_canonical,
    describe_person_roles,
    find_entities,
    is_acronym_of,
    name_key,
)
from dateline.annotate.pipeline import Context
from dateline.model import Document, PublishedDate
from dateline.nlp import load_nlp


def _document(text: str) -> Document:
    return Document("t", "test", text, None, None, None, None, "en", PublishedDate.unknown())


def _tagged_context(text: str, tags: list[tuple[str, str]]) -> Context:
    """A context whose entities are given by hand: (surface, label), first occurrence each."""
    doc = load_nlp().make_doc(text)
    spans, cursor = [], 0
    for surface, label in tags:
        start = text.index(surface, cursor)
        spans.append(doc.char_span(start, start + len(surface), label=label, alignment_mode="expand"))
        cursor = start + len(surface)
    doc.ents = spans
    return Context(_document(text), doc, MappingProxyType({}))


def _parsed_context(text: str) -> Context:
    return Context(_document(text), load_nlp()(text), MappingProxyType({}))


HAND_TAGGED = [
    (
        "Prime Minister Mohammed Shia al-Sudani flew to Paris. Later Al-Sudani met the press, and Sudani left.",
        [("Prime Minister Mohammed Shia al-Sudani", "PERSON"), ("Paris", "GPE"), ("Al-Sudani", "PERSON"), ("Sudani", "GPE")],
        {"Mohammed Shia al-Sudani": "Mohammed Shia al-Sudani", "Al-Sudani": "Mohammed Shia al-Sudani", "Sudani": "Mohammed Shia al-Sudani"},
    ),
    (
        "Sabrina Singh spoke first. Singh then took questions.",
        [("Sabrina Singh", "PERSON"), ("Singh", "PERSON")],
        {"Singh": "Sabrina Singh"},
    ),
    (
        "The Popular Mobilization Forces (PMF) held a parade. Critics say the PMF answers to Tehran.",
        [("The Popular Mobilization Forces", "ORG"), ("PMF", "ORG"), ("Tehran", "GPE")],
        {"PMF": "Popular Mobilization Forces", "Popular Mobilization Forces": "Popular Mobilization Forces"},
    ),
    (
        "The Coalition Joint Task Force-Operation Inherent Resolve (CJTF-OIR) ran the air campaign; CJTF-OIR said so.",
        [("The Coalition Joint Task Force-Operation Inherent Resolve", "ORG")],
        {"CJTF-OIR": "Coalition Joint Task Force-Operation Inherent Resolve"},
    ),
    (
        "Fighters loyal to Daesh attacked a checkpoint; ISIS later claimed it and IS fighters fled.",
        [("Daesh", "GPE"), ("ISIS", "ORG"), ("IS", "ORG")],
        {"Daesh": "Islamic State", "ISIS": "Islamic State", "IS": "Islamic State"},
    ),
    (
        "The U.S. and Britain agreed. The Pentagon and the United Nations were told.",
        [("U.S.", "GPE"), ("Britain", "GPE"), ("The Pentagon", "ORG"), ("the United Nations", "ORG")],
        {"U.S.": "United States", "Britain": "United Kingdom", "Pentagon": "US Department of Defense", "United Nations": "United Nations"},
    ),
    (
        "Iran's leaders met Saddam Hussein's former aides.",
        [("Iran's", "GPE"), ("Saddam Hussein's", "PERSON")],
        {"Iran": "Iran", "Saddam Hussein": "Saddam Hussein"},
    ),
]


@pytest.mark.parametrize(
    "text, tags, expected",
    HAND_TAGGED,
    ids=["surname-variants", "surname", "acronym", "hyphenated-acronym", "alias-group", "aliases", "possessive"],
)
def test_canonical_names(text, tags, expected):
    entities = find_entities(_tagged_context(text, tags))
    found = {e.text: e.canonical for e in entities}
    for surface, canonical in expected.items():
        assert found.get(surface) == canonical, (surface, found)
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text


CLEANING = [
    ("Rationale for the Delay\nThe delay was announced by Iraq.", [("Delay", "PERSON"), ("Iraq", "GPE")], {"Iraq"}),
    ("Supreme Leader Ali Khamenei spoke.", [("Supreme", "ORG"), ("Ali Khamenei", "PERSON")], {"Ali Khamenei"}),
    ("Adblock Detected\n\nPlease help us. Talks in Oman went on.", [("Adblock Detected\n\nPlease", "ORG"), ("Oman", "GPE")], {"Oman"}),
    ("He met President Joe Biden in June 2024.", [("President Joe Biden", "PERSON"), ("June 2024", "DATE")], {"Joe Biden"}),
    ("The board heard from a Dana Whitfield of Leeds.", [("a Dana Whitfield", "PERSON"), ("Leeds", "GPE")],
     {"Dana Whitfield", "Leeds"}),
]


@pytest.mark.parametrize("text, tags, expected", CLEANING, ids=["common-word", "title-only", "across-paragraphs", "title-and-date", "article"])
def test_cleaning(text, tags, expected):
    assert {e.text for e in find_entities(_tagged_context(text, tags))} == expected


def test_surname_relabelled_as_person():
    ctx = _tagged_context("Mohammed Shia al-Sudani spoke. Sudani left.", [("Mohammed Shia al-Sudani", "PERSON"), ("Sudani", "GPE")])
    assert [e.label for e in find_entities(ctx)] == ["PERSON", "PERSON"]


@pytest.mark.parametrize(
    "text, person, role, organisation",
    [
        ("Pentagon spokesperson Sabrina Singh spoke.", "Sabrina Singh", "spokesperson", "US Department of Defense"),
        ("Iraqi Prime Minister Mohammed Shia al-Sudani spoke.", "Mohammed Shia al-Sudani", "Prime Minister", "Iraqi"),
        ("Iran's Supreme Leader Ali Khamenei spoke.", "Ali Khamenei", "Supreme Leader", "Iran"),
    ],
    ids=["org-role", "nationality-title", "possessive-org"],
)
def test_person_roles(text, person, role, organisation):
    tags = {"Sabrina Singh": [("Pentagon", "ORG"), ("Sabrina Singh", "PERSON")],
            "Mohammed Shia al-Sudani": [("Iraqi", "NORP"), ("Mohammed Shia al-Sudani", "PERSON")],
            "Ali Khamenei": [("Iran", "GPE"), ("Ali Khamenei", "PERSON")]}[person]
    ctx = _tagged_context(text, tags)
    roles = describe_person_roles(ctx, find_entities(ctx))
    assert [(r.person, r.role, r.organisation) for r in roles] == [(person, role, organisation)]
    assert roles[0].start == 0


@pytest.mark.parametrize(
    "a, b, same",
    [("al-Sudani", "Al Sudani", True), ("El-Sisi", "Sisi", True), ("U.S.", "US", True), ("Sabrina Singh", "Singh", False)],
    ids=["al-hyphen-space", "el-prefix", "dots", "different-length"],
)
def test_name_key(a, b, same):
    assert (name_key(a) == name_key(b)) is same


@pytest.mark.parametrize(
    "short, long, expected",
    [("PMF", "Popular Mobilization Forces", True), ("CJTF-OIR", "Coalition Joint Task Force-Operation Inherent Resolve", True),
     ("UN", "United Nations", True), ("PMF", "Peshmerga Forces", False), ("Pm", "Prime Minister", False)],
    ids=["plain", "hyphenated", "two-letter", "wrong-letters", "not-capitals"],
)
def test_is_acronym_of(short, long, expected):
    assert is_acronym_of(short, long) is expected


@pytest.mark.parametrize(
    "name, canonical",
    [("ISIL", "Islamic State"), ("the Pentagon", "US Department of Defense"), ("America", "United States"), ("Baghdad", None)],
    ids=["isil", "pentagon", "america", "not-an-alias"],
)
def test_alias_canonical(name, canonical):
    found = alias_canonical(name)
    assert (found[0] if found else None) == canonical


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("Iraqi Prime Minister Mohammed Shia al-Sudani visited Tehran on Monday. Al-Sudani met Iranian officials.", "Al-Sudani", "Mohammed Shia al-Sudani"),
        ("The attack was claimed by Daesh, officials in Baghdad said.", "Daesh", "Islamic State"),
        ("Defense Secretary Lloyd Austin arrived in Kuwait. Austin met troops there.", "Austin", "Lloyd Austin"),
    ],
    ids=["surname", "alias", "title-and-surname"],
)
def test_with_model(text, surface, canonical):
    entities = find_entities(_parsed_context(text))
    assert canonical in {e.canonical for e in entities if e.text == surface}


@pytest.mark.parametrize(
    "text, tags, surface, canonical",
    [
        ("The National Council for the Safeguard of the Homeland (CNSP) ruled. The CNSP said no.",
         [("National Council for the Safeguard of the Homeland (CNSP", "ORG")], "CNSP",
         "National Council for the Safeguard of the Homeland"),
        ("The Popular Mobilization Forces (PMF) marched.", [("Popular Mobilization Forces", "ORG")], "PMF",
         "Popular Mobilization Forces"),
    ],
    ids=["translated-acronym-and-bracket-in-span", "matching-initials"],
)
def test_bracketed_acronyms(text, tags, surface, canonical):
    entities = find_entities(_tagged_context(text, tags))
    assert {e.canonical for e in entities if e.text == surface} == {canonical}
    assert all("(" not in e.text for e in entities)


def test_bracketed_acronym_needs_an_organisation():
    entities = find_entities(_tagged_context("Joe Smith (AB) left.", [("Joe Smith", "PERSON")]))
    assert [e.text for e in entities] == ["Joe Smith"]
