"""Measures in force and phases under way (link/facttypes/state.py), on sentences written for these tests: what
is said of a measure in its own clause, a phase's ongoing and ended reports as one question, where a measure
is, and the talk that is no measure (a plan, a call, a doubt, one school)."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from tests.test_facttypes import article, entity

PLACES = ("Ruritania", "Freedonia", "Mexico City", "Geneva", "Port Vale")


def measures(text: str, *, day: str = "2024-05-01", doc_id: str = "d1"):
    found = [entity(p, text, "GPE") for p in PLACES if p in text]
    return [o for o in observe(article(text, day=day, doc_id=doc_id, entities=found)) if o.ask == "measure"]


SAID = [
    ("passive", "Schools in the capital of Ruritania were closed on Friday.", "schools", "closed"),
    ("shut-down", "The government shut down schools and cancelled concerts in Ruritania.", "schools", "closed"),
    ("closure-of", "Officials ordered the closure of schools across Ruritania until June.", "schools", "closed"),
    ("in-a-list", "Cinemas, bars and schools in Ruritania have all been closed.", "schools", "closed"),
    ("reopened", "Ruritania reopened its schools on Thursday.", "schools", "reopened"),
    ("imposed", "Troops imposed a dusk-to-dawn curfew in Ruritania on Monday.", "curfew", "in force"),
    ("lifted", "The curfew in Ruritania was lifted after a week.", "curfew", "lifted"),
    ("declared", "Freedonia has declared a state of emergency.", "state of emergency", "declared"),
    ("still-in", "We are still in the search-and-rescue phase in Ruritania, an official said.", "rescue", "ongoing"),
    ("under-way", "A large search and rescue operation is under way in Ruritania.", "rescue", "ongoing"),
    ("declared-over", "Ruritania's government declared the search and rescue phase for survivors over.", "rescue",
     "ended"),
    ("officially-over", "Rescue efforts have been declared officially over in Ruritania.", "rescue", "ended"),
    ("end-of", "The end of the rescue operation in Ruritania does not mean aid will slow.", "rescue", "ended"),
    ("ceasefire", "The ceasefire in Ruritania collapsed after three days.", "ceasefire", "ended"),
    ("scaled-back", "Rescue operations in Ruritania are being scaled back as aid flows in.", "rescue", "scaled back"),
    ("winding-down", "The search and rescue mission in Ruritania is winding down, officials said.", "rescue",
     "scaled back"),
]


@pytest.mark.parametrize("name,text,topic,value", SAID, ids=[s[0] for s in SAID])
def test_what_is_said_of_a_measure_in_its_clause(name, text, topic, value):
    (o,) = measures(text)
    assert (o.topic, o.value, o.place) == (topic, value, "Ruritania" if "Ruritania" in text else "Freedonia")


NOT_SAID = [
    ("modal", "Schools in Ruritania could be closed if cases rise."),
    ("must", "Rescue efforts in Ruritania must continue, the minister said."),
    ("a-call", "Survivors appealed for search and rescue efforts in Ruritania to continue."),
    ("no-need", "Officials said there was no need to declare a state of emergency in Ruritania."),
    ("rejected", "Ministers rejected a plan to impose a travel ban on Ruritania."),
    ("another-clause", "Protests began in Ruritania as the curfew was announced."),
    ("a-building", "He watched rescue efforts with shovels at the partially collapsed church in Ruritania."),
    ("some-schools", "Two secondary schools in Ruritania have been closed for a week."),
    ("school-year", "The school year in Ruritania ends in June."),
    ("a-crisis", "At the height of the flu emergency in Ruritania, hotels were declared unsafe."),
    ("history", "Ruritania imposed a curfew in 1998, the article recalled."),
    ("measure-eased", "The curfew in Ruritania was scaled back to four hours a night."),
]


@pytest.mark.parametrize("name,text", NOT_SAID, ids=[s[0] for s in NOT_SAID])
def test_talk_that_states_no_measure(name, text):
    assert measures(text) == []


def test_a_phase_ongoing_then_declared_over_is_one_question_whose_answer_is_ended():
    reports = [("2024-01-15", "We are still in the search-and-rescue phase in Ruritania, an official said."),
               ("2024-01-23", "Search-and-rescue operations in Ruritania had ended, the government said."),
               ("2024-01-24", "The search and rescue phase in Ruritania continues, critics said.")]
    observations = [o for i, (day, text) in enumerate(reports) for o in measures(text, day=day, doc_id=f"d{i}")]
    (fact,) = build_facts("s", observations)
    assert fact.question == "Is the search and rescue phase still under way in Ruritania?"
    assert fact.current == "ended" and [v.value for v in fact.values] == ["ongoing", "ended"]


def test_a_phase_scaled_back_is_a_step_between_under_way_and_ended():
    reports = [("2024-01-15", "A large search and rescue operation is under way in Ruritania."),
               ("2024-01-22", "Aid is flowing into Ruritania as rescue operations are scaled back."),
               ("2024-01-23", "Search-and-rescue operations in Ruritania had ended, the government said.")]
    observations = [o for i, (day, text) in enumerate(reports) for o in measures(text, day=day, doc_id=f"d{i}")]
    (fact,) = build_facts("s", observations)
    assert [(v.value, v.relation) for v in fact.values] == [
        ("ongoing", "first"), ("scaled back", "update"), ("ended", "update")]


@pytest.mark.parametrize("text,place", [
    ("The government shut down schools in Mexico City on Friday.", "Mexico"),
    ("Speaking in Geneva, a spokeswoman said the rescue operation in Port Vale had ended.", "Port Vale"),
    ("A spokeswoman in Geneva said the rescue operation had ended.", None),
    ("Freedonia said it was closing all its schools for two weeks.", "Freedonia"),
], ids=["a-city-named-for-its-country", "not-where-the-speaker-is", "a-speakers-place-is-none", "the-subject"])
def test_where_a_measure_is(text, place):
    (o,) = measures(text)
    assert o.place == place


def test_a_ban_on_travel_to_a_place_is_not_that_places_measure():
    (o,) = measures("Freedonia imposed a travel ban on Ruritania on Monday.")
    assert o.place == "Freedonia"


def test_a_measure_question_reads_as_english():
    (fact,) = build_facts("s", measures("Ruritania imposed an embargo on arms sales on Monday."))
    assert fact.question == "Is an embargo in force in Ruritania?"
