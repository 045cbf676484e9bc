"""Which question a count answers: its state, its event or its level, and how the question reads."""

from __future__ import annotations

import pytest

from dateline.annotate.claims import predicate_classes
from dateline.link.facts import build_facts
from dateline.link.observations import Source, count_event, count_wording, from_quantity, participle
from dateline.model import Citation, Quantity

SOURCE = Source("d1", "The Valley Times", None)
CITATION = Citation("d1", 0, 10, "A sentence.", "The Valley Times", None)


def _count(counts: str, value: float, *, verb: str | None = None, state: str | None = None) -> Quantity:
    return Quantity(f"{value:g}", value, False, counts, 0, 5, where="Haiti", verb=verb, state=state)


EVENTS = [
    ("a state makes its question", _count("people", 1.5e6, verb="leave", state="homeless"), "homeless"),
    ("the dead are casualties", _count("people", 1000, verb="fear", state="dead"), "attack"),
    ("dying is a casualty", _count("people", 200, verb="die"), "attack"),
    ("a verb outside the lexicon is an event", _count("people", 3e6, verb="affect"), "affect"),
    ("a level verb states a level", _count("US troops", 2500, verb="remain"), ""),
    ("belief verbs state no event", _count("people", 600, verb="believe"), ""),
    ("no verb is a level", _count("US troops", 2500), ""),
]


@pytest.mark.parametrize("name,quantity,event", EVENTS, ids=[e[0] for e in EVENTS])
def test_the_event_a_count_belongs_to(name, quantity, event):
    assert count_event(quantity, None, predicate_classes()) == event


@pytest.mark.parametrize(
    "lemma,expected",
    [("affect", "affected"), ("rescue", "rescued"), ("bury", "buried"), ("drop", "dropped"),
     ("plan", "planned"), ("leave", "left"), ("kill", "killed"), ("visit", "visited"), ("read", "read")],
)
def test_participle(lemma, expected):
    assert participle(lemma) == expected


def test_question_wording_follows_the_event():
    words = [count_wording(q) for q in ("", "attack", "homeless", "evacuate")]
    assert words == ["are in", "were killed or hurt in", "are homeless in", "were evacuated in"]


def test_people_with_no_event_ask_nothing_but_troops_do():
    assert from_quantity(_count("people", 5000, verb="be"), SOURCE, CITATION) is None
    assert from_quantity(_count("US troops", 2500, verb="be"), SOURCE, CITATION) is not None


def test_counts_of_different_states_are_different_facts():
    homeless = from_quantity(_count("people", 1.5e6, state="homeless"), SOURCE, CITATION, "homeless")
    missing = from_quantity(_count("people", 150, state="missing"), SOURCE, CITATION, "missing")
    questions = sorted(f.question for f in build_facts("s", [homeless, missing]))
    assert questions == ["How many people are homeless in Haiti?", "How many people are missing in Haiti?"]
