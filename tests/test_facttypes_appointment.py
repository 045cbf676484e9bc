"""Appointments (link/facttypes/appointment.py): who was named, hired, fired or replaced, who will host or direct.
Articles written here (invented clubs, shows and people), run through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument
from tests.news import annotated_news

DAY = "2024-03-09"

WORDING = [
    # put in a post: passive, active, with the scope after the role, before it, or the hiring organisation
    ("named head coach of", "Karen Holt was named the new head coach of the Riverton Hawks on Friday.",
     {("coach", "Riverton Hawks", "Holt")}),
    ("hired as", "The Riverton Hawks hired Karen Holt as head coach on Friday.",
     {("coach", "Riverton Hawks", "Holt")}),
    ("appointed chief executive", "Daniel Ruiz has been appointed chief executive of Granite Mutual.",
     {("chief executive", "Granite Mutual", "Ruiz")}),
    # taken out of it
    ("fired as", "Tom Baxter was fired as head coach of the Riverton Hawks after a 3-11 start.",
     {("coach", "Riverton Hawks", "Baxter (left)")}),
    ("resigned as", "Paula Nyman resigned as chairman of Granite Mutual on Tuesday.",
     {("chairman", "Granite Mutual", "Nyman (left)")}),
    ("stepped down as", "Paula Nyman stepped down as chairman of Granite Mutual on Tuesday.",
     {("chairman", "Granite Mutual", "Nyman (left)")}),
    ("fired the titled coach", "The Riverton Hawks fired Coach Tom Baxter on Saturday morning.",
     {("coach", "Riverton Hawks", "Baxter (left)")}),
    # a succession tells both
    ("replaces as", "Karen Holt will replace Tom Baxter as head coach of the Riverton Hawks.",
     {("coach", "Riverton Hawks", "Holt"), ("coach", "Riverton Hawks", "Baxter (left)")}),
    # the post's task, announced
    ("will host", "Marcus Bell will host the Golden Lantern Awards in May.",
     {("host", "Golden Lantern Awards", "Bell")}),
    ("named host of", "Comedian Marcus Bell was named as host of the Golden Lantern Awards.",
     {("host", "Golden Lantern Awards", "Bell")}),
    ("hired to direct", "Lena Ortiz has been hired to direct Silver Harbor.",
     {("director", "Silver Harbor", "Ortiz")}),
    # not read: a part in a film, an award, hearsay, a past post, a question, a task done, a shot fired
    ("an actor's role", "Marcus Bell was hired to play a washed-up basketball coach in the film.", set()),
    ("an award", "Karen Holt was named coach of the year by the league.", set()),
    ("a hedged rumour", "Karen Holt could be named head coach of the Riverton Hawks next week.", set()),
    ("expected", "Karen Holt is expected to be named head coach of the Riverton Hawks.", set()),
    ("a past post", "Tom Baxter was named head coach of the Riverton Hawks in 2019.", set()),
    ("a year ago", "A year ago, the Riverton Hawks fired general manager Tom Baxter.", set()),
    ("a task done", "Marcus Bell hosted the Golden Lantern Awards in 2021.", set()),
    ("asked", "Should Marcus Bell host the Golden Lantern Awards?", set()),
    ("a shot fired", "The gunman fired two shots at the officers before he fled.", set()),
    ("not set to direct", "Lena Ortiz has by no means been set to direct Silver Harbor.", set()),
]


def _articles(texts: list[str], day: str | None = DAY) -> list[AnnotatedDocument]:
    return annotated_news([(day, text) for text in texts])


@pytest.fixture(scope="module")
def worded() -> dict[str, AnnotatedDocument]:
    return {a.document.text: a for a in _articles([text for _n, text, _e in WORDING])}


@pytest.mark.parametrize("name,text,expected", WORDING, ids=[w[0] for w in WORDING])
def test_appointment_wording(worded, name, text, expected):
    assert {(o.topic, o.place, o.value) for o in observe(worded[text]) if o.ask == "appointment"} == expected


def test_the_article_gives_the_scope_a_sentence_leaves_out():
    """ "was named interim coach" says whose coach nowhere; the article's other sentence does."""
    [a] = _articles([("Tom Baxter was fired as head coach of the Riverton Hawks on Saturday. "
                      "Assistant general manager Karen Holt was named interim coach.")])
    assert {(o.place, o.value) for o in observe(a) if o.ask == "appointment"} == {
        ("Riverton Hawks", "Baxter (left)"), ("Riverton Hawks", "Holt")}


def _facts(texts: list[str], day: str | None = DAY):
    observations = [o for a in _articles(texts, day) for o in observe(a) if o.ask == "appointment"]
    return build_facts("s1", observations)


def test_the_successor_is_current_over_the_firing():
    """Reported together (undated news: no day orders them), the successor named is who holds the post."""
    [fact] = _facts(["The Riverton Hawks fired Coach Tom Baxter on Saturday.",
                     "Tom Baxter was fired as head coach of the Riverton Hawks.",
                     "Karen Holt will replace Tom Baxter as head coach of the Riverton Hawks."], day=None)
    assert fact.question == "Who is the Riverton Hawks' head coach?"
    assert fact.current == "Holt"


def test_a_later_firing_moves_the_answer():
    """A holder fired months after being hired: the answer says so, until a successor is named."""
    texts = [("2024-01-05", "The Riverton Hawks hired Karen Holt as head coach on Friday."),
             ("2024-06-20", "Karen Holt was fired as head coach of the Riverton Hawks on Thursday.")]
    obs = [o for day, text in texts for a in _articles([text], day) for o in observe(a) if o.ask == "appointment"]
    [fact] = build_facts("s1", obs)
    current = next(v for v in fact.values if v.value == fact.current)
    assert current.label == "Karen Holt (fired)"


def test_the_host_question():
    [fact] = _facts(["Marcus Bell will host the Golden Lantern Awards in May.",
                     "Comedian Marcus Bell was named as host of the Golden Lantern Awards."])
    assert fact.question == "Who will host the Golden Lantern Awards?"
    assert fact.current == "Bell"


def test_a_firing_alone_asks_nothing():
    assert _facts(["Tom Baxter was fired as head coach of the Riverton Hawks after a 3-11 start."]) == []
