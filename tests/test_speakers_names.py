"""Tests for how the speaker view names people on real-looking news: variants of one person joined,
shared surnames and first names left alone unless the article settles them, documents credited to their
owners, and linking verbs with an adjective ("looked sombre") not taken as statements.

Sentences are written for these tests in the style of wire copy; no benchmark text is used."""

from __future__ import annotations

import pytest

from dateline.model import AnnotatedDocument, Attribution, Document, Entity, PublishedDate
from dateline.views.speakers import speakers_from_documents
from tests.test_attribution import _attributions


def _article(doc_id: str, said: list[tuple[str, str]], people: list[str] = (), source: dict[str, str] | None = None):
    """An article in which each (speaker, words) pair is one statement; `people` are its PERSON entities
    (canonical as written), `source` the words written for a speaker when they differ ("Mr Ban")."""
    source = source or {}
    text = " ".join(f"{source.get(speaker, speaker)} said {words}." for speaker, words in said)
    text += " " + " ".join(people)
    entities = tuple(Entity(n, "PERSON", n, text.rindex(n), text.rindex(n) + len(n)) for n in people)
    attributions = []
    for speaker, words in said:
        start = text.index(words)
        attributions.append(
            Attribution(speaker, source.get(speaker, speaker), False, "said", words, start, start + len(words), False)
        )
    document = Document(doc_id, doc_id, text, None, "Wire", None, None, "en", PublishedDate.unknown())
    return AnnotatedDocument(document, entities=entities, attributions=tuple(attributions))


def _listed(docs) -> list[tuple[str, int]]:
    return sorted((s.name, len(s.statements)) for s in speakers_from_documents("s", "Story", docs).speakers)


def _many(doc_id: str, name: str, n: int):
    """An article in which `name`, its one person, makes `n` statements."""
    return _article(doc_id, [(name, f"point {doc_id} {i} stands") for i in range(n)], [name])


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # spacing: "La Toya" and "LaToya" are one person, under the more frequent spelling
        ([_many("a", "LaToya Mendez", 3), _many("b", "La Toya Mendez", 1)], [("LaToya Mendez", 4)]),
        # negative: two different first names stay two people
        ([_many("a", "Lara Mendez", 3), _many("b", "La Toya Mendez", 1)], [("La Toya Mendez", 1), ("Lara Mendez", 3)]),
        # a clergy title and a family noun written before the name
        (
            [_many("a", "Jesse Porter", 2), _many("b", "Rev Jesse Porter", 1), _many("c", "Daughter Alma Quint", 1)],
            [("Alma Quint", 1), ("Jesse Porter", 3)],
        ),
        # a company under its short name
        ([_many("a", "Vantor AG", 3), _many("b", "Vantor", 1)], [("Vantor AG", 4)]),
        # negative: a given name that is also a word ("Grace") is kept
        ([_many("a", "Grace Okafor", 2)], [("Grace Okafor", 2)]),
    ],
    ids=["spacing-variant", "different-first-names", "title-and-family-noun", "company-short-name", "given-name-kept"],
)
def test_name_variants(docs, expected):
    assert _listed(docs) == expected


def test_shared_surname_stays_as_written():
    """Two relatives speak often (Rosa mostly as "Rosa" in an article that names her in full); a bare
    "Mendez" belongs to neither in particular, whoever is counted first."""
    rosa = _article("b", [("Rosa", f"point b {i} stands") for i in range(5)], ["Rosa", "Rosa Mendez"])
    docs = [_many("a", "Tomas Mendez", 8), _many("c", "Rosa Mendez", 3), rosa, _many("d", "Mendez", 2)]
    assert _listed(docs) == [("Mendez", 2), ("Rosa Mendez", 8), ("Tomas Mendez", 8)]


def test_surname_shared_with_a_passing_namesake_joins_the_speaker():
    """Negative of the above: the president speaks ten times, his wife once; "Okoro" is the president."""
    docs = [_many("a", "Daniel Okoro", 10), _many("b", "Ruth Okoro", 1), _many("c", "Okoro", 2)]
    assert _listed(docs) == [("Daniel Okoro", 12), ("Ruth Okoro", 1)]


def test_first_name_is_the_person_the_article_names():
    docs = [
        _many("a", "Pavel Hruby", 3),
        _article(
            "b", [("Pavel", "the team will stay"), ("Pavel Hruby", "the coach is right")], ["Pavel", "Pavel Hruby"]
        ),
    ]
    assert _listed(docs) == [("Pavel Hruby", 5)]


def test_first_name_alone_is_not_a_stranger_of_the_story():
    """Negative: "John" the aid worker in an article that never names John Harlow is not John Harlow."""
    docs = [_many("a", "John Harlow", 5), _article("b", [("John", "the water ran out")], ["John"])]
    assert _listed(docs) == [("John", 1), ("John Harlow", 5)]


def test_first_name_of_a_family_the_article_names():
    """ "Teodor" in an article about the Varga family is Teodor Varga, the story's one Teodor."""
    docs = [
        _many("a", "Teodor Varga", 3),
        _article("b", [("Teodor", "the family is grieving")], ["Teodor", "Ilona Varga"]),
    ]
    assert ("Teodor Varga", 4) in _listed(docs)


def test_titled_surname_written_first():
    """ "Mr Ban" is Ban Ki-moon: after a title a one-word name is a surname, here written first."""
    docs = [
        _many("a", "Ban Ki-moon", 3),
        _article("b", [("Ban", "aid must reach the city")], ["Ban"], {"Ban": "Mr Ban"}),
    ]
    assert _listed(docs) == [("Ban Ki-moon", 4)]


def test_document_speaks_for_its_owner():
    docs = [
        _many("a", "Nora Vance", 2),
        _article("b", [("Nora Vance's lawsuit", "the promoter pushed the singer too hard")], ["Nora Vance"]),
    ]
    assert _listed(docs) == [("Nora Vance", 3)]


def test_group_with_an_owner_stays_a_group():
    """Negative: "Vance's lawyers" are people, listed as such, not given to Vance."""
    docs = [_many("a", "Nora Vance", 2), _article("b", [("Vance's lawyers", "the claim is baseless")], ["Vance"])]
    assert ("Vance's lawyers", 1) in _listed(docs)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Dr Harlan Webb looked sombre as the verdict was read out in the packed courtroom.", False),
        ("The defendant seemed tired and pale when he arrived at court on Monday.", False),
        ("The surgeon looked at his two lawyers in turn and then paused before answering the judge.", False),
        ("The senator seemed certain that the bill would pass before the summer recess.", True),
        ("The mayor appears to lead the race by six points in the northern districts.", True),
    ],
    ids=["looked-adjective", "seemed-adjective", "looked-at", "seemed-certain-that", "appears-to-lead"],
)
def test_linking_verb_with_an_adjective_is_no_statement(text, kept):
    cues = {a.cue for a in _attributions(text)}
    assert bool(cues & {"looked", "seemed", "appears"}) is kept
