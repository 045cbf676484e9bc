"""Tests for the speaker view: grouping across articles, anonymity, outlets, order; CLI then library."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import AnnotatedDocument, Attribution, Document, Entity, PublishedDate
from dateline.store import Store
from dateline.views.speakers import build_speakers, speakers_from_documents, speakers_md


def _doc(doc_id: str, outlet: str, day: date | None, text: str, people: list[str], said: list[tuple[str, bool, str]]):
    """A hand-built article: `people` tagged as PERSON, `said` as (speaker, anonymous, content) attributions."""
    published = PublishedDate(day, "metadata", 1.0, "test") if day else PublishedDate.unknown()
    document = Document(doc_id, doc_id, text, None, outlet, None, None, "en", published)
    entities = tuple(Entity(p, "PERSON", p, text.index(p), text.index(p) + len(p)) for p in people)
    attributions = []
    for speaker, anonymous, content in said:
        start = text.index(content)
        attributions.append(Attribution(speaker, speaker, anonymous, "said", content, start, start + len(content), False))
    return AnnotatedDocument(document, entities=entities, attributions=tuple(attributions))


DOCS = [
    _doc("b", "Wire Two", date(2024, 5, 2), "Singh said the base would close. An official said talks went on.",
         ["Singh"], [("Singh", False, "the base would close"), ("official", True, "talks went on")]),
    _doc("a", "Wire One", date(2024, 5, 1), "Pentagon spokesperson Sabrina Singh said troops would stay.",
         ["Sabrina Singh"], [("Sabrina Singh", False, "troops would stay")]),
    _doc("c", "Wire One", None, "Sabrina Singh said nothing had changed.",
         ["Sabrina Singh"], [("Sabrina Singh", False, "nothing had changed")]),
]


def test_speakers_group_across_articles_oldest_first():
    view = speakers_from_documents("s", "Test story", DOCS)
    first = view.speakers[0]
    assert first.name == "Sabrina Singh"
    assert [s.content for s in first.statements] == ["troops would stay", "the base would close", "nothing had changed"]
    assert first.outlets == (("Wire One", 2), ("Wire Two", 1))


def test_anonymous_sources_are_kept_apart():
    view = speakers_from_documents("s", "Test story", DOCS)
    assert [(s.name, s.anonymous) for s in view.speakers] == [("Sabrina Singh", False), ("official", True)]


def test_statement_citation_points_into_the_article():
    statement = speakers_from_documents("s", "Test story", DOCS).speakers[1].statements[0]
    text = DOCS[0].document.text
    assert text[statement.citation.start : statement.citation.end] == statement.citation.text
    assert "talks went on" in statement.citation.text


@pytest.mark.parametrize(
    "docs, expected",
    [(DOCS, "| official (anonymous) | 1 | Wire Two (1) |"), ([], "_no attributed statements yet_")],
    ids=["table", "empty"],
)
def test_markdown(docs, expected):
    assert expected in speakers_md(speakers_from_documents("s", "Test story", docs))


@pytest.mark.slow
def test_cli_then_library(example_db):
    runner = CliRunner()
    text = runner.invoke(app, ["speakers", "--db", str(example_db)], catch_exceptions=False)
    assert text.exit_code == 0, text.output
    assert "Thomas Hadley" in text.output
    data = json.loads(runner.invoke(app, ["speakers", "--db", str(example_db), "--json"]).output)
    with Store(example_db) as store:
        view = build_speakers(store)
    assert [s["name"] for s in data["speakers"]] == [s.name for s in view.speakers]
    named = {s.name for s in view.speakers if not s.anonymous}
    assert {"Thomas Hadley", "Issa Djibo", "Hamidou Sani"} <= named
    assert "Hadley" not in named  # surname-only mentions join the full name


@pytest.mark.parametrize(
    ("speaker", "entities", "kept"),
    [
        ("Ana Ruiz", [("Ana Ruiz", "PERSON")], True),
        ("the statement", [], False),
        ("Both sides", [], False),
        ("One of them", [], False),
        ("NIAMEY", [("NIAMEY", "GPE")], False),
        ("Washington", [("Washington", "GPE")], True),
        ("Nigerien", [("Nigerien", "NORP")], False),
        ("Niger's ruling military council", [("Niger", "GPE")], True),
        ("Colonel Issa Djibo of the defence ministry", [("Issa Djibo", "PERSON")], True),
        ("Footage broadcast by the channel", [], False),
    ],
    ids=["person", "common-noun", "both-sides", "one-of-them", "dateline", "capital-for-government", "nationality",
         "institution-of-a-place", "person-with-title", "description"],
)
def test_named_speakers_are_people_and_organisations(speaker, entities, kept):
    from dateline.model import Entity
    from dateline.views.speakers import is_named_source

    found = [Entity(text, label, text, 0, len(text)) for text, label in entities]
    assert is_named_source(speaker, found) is kept


def _said(doc_id: str, said: list[tuple[str, bool]], people: list[str] = (), orgs: list[str] = ()):
    """An article where each (speaker, anonymous) says one sentence; `people` and `orgs` are its entities."""
    text = " ".join(f"{speaker} said thing {i} happened." for i, (speaker, _) in enumerate(said))
    text += " " + " ".join(people) + " " + " ".join(orgs)
    entities = tuple(Entity(n, "PERSON", n, text.rindex(n), text.rindex(n) + len(n)) for n in people)
    entities += tuple(Entity(n, "ORG", n, text.rindex(n), text.rindex(n) + len(n)) for n in orgs)
    attributions = []
    for i, (speaker, anonymous) in enumerate(said):
        content = f"thing {i} happened"
        start = text.index(content)
        attributions.append(Attribution(speaker, speaker, anonymous, "said", content, start, start + len(content), False))
    document = Document(doc_id, doc_id, text, None, "Wire", None, None, "en", PublishedDate.unknown())
    return AnnotatedDocument(document, entities=entities, attributions=tuple(attributions))


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ([_said("a", [("CDC", False)], orgs=["CDC"]),
          _said("b", [("Centers for Disease Control and Prevention", False)], orgs=["Centers for Disease Control and Prevention"])],
         [("Centers for Disease Control and Prevention", False, 2)]),
        ([_said("a", [("Ban Ki-moon", False)] * 2, people=["Ban Ki-moon"]), _said("b", [("Mr Ban", False)], people=["Mr Ban"])],
         [("Ban Ki-moon", False, 3)]),
        ([_said("a", [("Timothy F. Geithner", False)] * 2, people=["Timothy F. Geithner"]),
          _said("b", [("Timothy Geithner", False)], people=["Timothy Geithner"])],
         [("Timothy F. Geithner", False, 3)]),
        ([_said("a", [("Edward Chernoff", False)] * 2, people=["Edward Chernoff"]),
          _said("b", [("Lawyer Ed Chernoff", False)], people=["Lawyer Ed Chernoff"])],
         [("Edward Chernoff", False, 3)]),
        ([_said("a", [("Barack Obama", False)] * 5, people=["Barack Obama"]),
          _said("b", [("Michelle Obama", False)], people=["Michelle Obama"]),
          _said("c", [("Obama", False)] * 3, people=["Obama"])],
         [("Barack Obama", False, 8), ("Michelle Obama", False, 1)]),
        ([_said("a", [("Bill Clinton", False)] * 2, people=["Bill Clinton"]),
          _said("b", [("Hillary Clinton", False)] * 2, people=["Hillary Clinton"]),
          _said("c", [("Clinton", False)], people=["Clinton"])],
         [("Bill Clinton", False, 2), ("Hillary Clinton", False, 2), ("Clinton", False, 1)]),
        ([_said("a", [("-LRB- Gordon Brown", False)], people=["Gordon Brown"]),
          _said("b", [("Gordon Brown", False)], people=["Gordon Brown"])],
         [("Gordon Brown", False, 2)]),
    ],
    ids=["alias-pair", "title-and-surname", "middle-initial", "role-and-nickname", "dominant-full-name",
         "ambiguous-surname-kept-apart", "bracket-token"],
)
def test_name_variants_are_one_speaker(docs, expected):
    view = speakers_from_documents("s", "Test story", docs)
    assert [(s.name, s.anonymous, len(s.statements)) for s in view.speakers] == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ([("unnamed source", True), ("unnamed source", False)], [("unnamed source", True, 2)]),
        ([("Experts", True), ("experts", True)], [("experts", True, 2)]),
        ([("Views", True), ("Explainer", True), ("episode", True), ("Only time", True)], []),
        ([("I", True), ("you", True), ("who", True), ("He", True)], []),
        ([("spokeswoman for the agency", True), ("thousands of people", True), ("U.S. officials", True)],
         [("spokeswoman for the agency", True, 1), ("thousands of people", True, 1), ("U.S. officials", True, 1)]),
    ],
    ids=["unnamed-plain-and-anonymous", "capital-only", "boilerplate", "unresolved-pronouns", "descriptions-of-people"],
)
def test_anonymous_speakers(said, expected):
    view = speakers_from_documents("s", "Test story", [_said("a", said)])
    assert sorted((s.name, s.anonymous, len(s.statements)) for s in view.speakers) == sorted(expected)
