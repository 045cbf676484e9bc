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
    ("the dead are the killed", _count("people", 1000, verb="fear", state="dead"), "killed"),
    ("dying is being killed", _count("people", 200, verb="die"), "killed"),
    ("the injured ask apart from the dead", _count("people", 250000, state="injured"), "injured"),
    ("an attack's casualties, dead or hurt", _count("people", 40, verb="attack"), "attack"),
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
    words = [count_wording(q) for q in ("", "attack", "killed", "injured", "homeless", "evacuate")]
    assert words == ["are in", "were killed or hurt in", "were killed in", "were injured in", "are homeless in",
                     "were evacuated in"]


def test_people_with_no_event_ask_nothing_but_troops_do():
    assert from_quantity(_count("people", 5000, verb="be"), SOURCE, CITATION) is None
    assert from_quantity(_count("US troops", 2500, verb="be"), SOURCE, CITATION) is not None


def test_counts_of_different_states_are_different_facts():
    homeless = from_quantity(_count("people", 1.5e6, state="homeless"), SOURCE, CITATION, "homeless")
    missing = from_quantity(_count("people", 150, state="missing"), SOURCE, CITATION, "missing")
    questions = sorted(f.question for f in build_facts("s", [homeless, missing]))
    assert questions == ["How many people are homeless in Haiti?", "How many people are missing in Haiti?"]


def _ending(time: str, role: str, lower: str | None = None, upper: str | None = None):
    from dateline.model import Claim

    return Claim("The base will close.", "the base", "close", None, "planned", False, time, None, 0, 20,
                 predicate_class="end", time_role=role, time_lower=lower, time_upper=upper)


@pytest.mark.parametrize("claim, value, label", [
    (_ending("P12M", "deadline", upper="2026-01"), "2026-01", "by January 2026"),  # "within 12 months"
    (_ending("P6M", "duration", "2025-07", "2025-07"), "2025-07", "July 2025"),  # "in six months": then, no bound
    (_ending("2028-09", "end", "2028-09", "2028-09"), "2028-09", "until September 2028"),  # "by three years"
    (_ending("2028-09", "end", lower="2028-09"), ">=2028-09", "not before September 2028"),  # "by at least ..."
    (_ending("P12M", "deadline"), None, None),  # a span with no day to count from dates nothing
])
def test_when_a_duration_dates_an_ending(claim, value, label):
    from dateline.link.observations import from_claim

    found = from_claim(claim, SOURCE, CITATION, anonymous=False)
    assert (found.value, found.label) == (value, label) if value else found is None
