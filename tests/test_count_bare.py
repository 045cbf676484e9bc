"""Counts news writes without a noun, or that are no counts at all (link/facttypes/count.py and its modules), on
hand-built articles whose sentences were written for these tests: a bare figure after a verb that harms people
counts people ("killed 212 worldwide"), a bare figure before a state counts the people in it ("4,000 to 5,000
dead"), a span just ended ("in the past two days") is the story's news and not an earlier event, countries
reporting a count make it the world's, and a number in a model's name ("AK 47 rifles") counts nothing.
"""

from __future__ import annotations

import pytest

from dateline.link.facttypes import observe
from tests.test_count_scope import article, quantity

PLACES = ("Peru", "Chile", "Bolivia")


def counts(text: str, *quantities: tuple) -> list[tuple]:
    """(value, place, qualifier) of each count observed in a one-sentence article."""
    ad = article(text, [quantity(text, *q[:-1], **q[-1]) for q in quantities], places=PLACES)
    return [(o.value, o.place, o.qualifier) for o in observe(ad) if o.ask == "count"]


@pytest.mark.parametrize("text, quantities, expected", [
    ("The fever has killed 212 worldwide and sickened at least 64 in Chile, officials said.",
     [("212", 212, None, {"verb": "kill"}), ("at least 64", 64, None, {"verb": "sicken", "where": "Chile",
                                                                        "lower": 64})],
     [("212", "worldwide", "killed"), ("64", "Chile", "infected")]),
    ("The storm swept across Bolivia on Monday, killing at least 35, the army said.",
     [("at least 35", 35, None, {"verb": "kill", "lower": 35})], [("35", "Bolivia", "killed")]),
], ids=["killed-and-sickened", "killing-after-a-comma"])
def test_a_bare_figure_after_a_verb_of_harm_counts_people(text, quantities, expected):
    assert counts(text, *quantities) == expected


@pytest.mark.parametrize("text, quantities", [
    ("Prices in Chile rose to 212 after the storm.", [("212", 212, None, {"verb": "rise"})]),
    ("The storm killed livestock and destroyed 212 in Chile.", [("212", 212, None, {"verb": "destroy"})]),
    ("The virus killed a farmer whose herd of 212 in Chile was culled.", [("212", 212, None, {"verb": "kill"})]),
], ids=["no-verb-of-harm", "verb-of-harm-not-before-it", "verb-governs-from-afar"])
def test_a_bare_figure_without_a_verb_of_harm_before_it_counts_nothing(text, quantities):
    assert counts(text, *quantities) == []


def test_a_bare_figure_before_a_state_counts_the_people_in_it():
    text = "The authorities in Chile have counted 4,000 to 5,000 dead since the storm, a minister said."
    q = ("4,000 to 5,000", 4500, None, {"verb": "count", "lower": 4000, "upper": 5000})
    assert counts(text, q) == [("5000", "Chile", "killed")]


@pytest.mark.parametrize("text, expected", [
    ("Chile said it had confirmed 160 cases, and no new deaths were reported in the past two days.",
     [("160", "Chile", "infected")]),
    ("Chile said it had confirmed 160 cases, against far fewer in the past.", []),
], ids=["span-just-ended", "long-ago"])
def test_a_span_just_ended_is_no_earlier_event(text, expected):
    assert counts(text, ("160", 160, "cases", {"verb": "confirm"})) == expected


@pytest.mark.parametrize("text, number, value", [
    ("Some 39 countries have officially reported 8,400 cases of the virus.", "8,400", 8400),
    ("The UN health agency said its laboratories have confirmed 12,500 infections.", "12,500", 12500),
], ids=["countries-reporting", "un-health-agency"])
def test_a_count_the_worlds_reporters_give_is_the_worlds(text, number, value):
    assert (str(value), "worldwide", "infected") in counts(text, (number, value, "cases", {"verb": "confirm"}))


@pytest.mark.parametrize("text, number, before", [
    ("Marines in Peru recovered 12 AK 47 rifles and 300 rounds of ammunition.", "47", "12"),
    ("Police in Peru recovered an old MP 40 rifle and then 12 bodies.", "40", None),
], ids=["model-after-a-figure", "model-letters"])
def test_a_number_in_a_models_name_counts_nothing(text, number, before):
    quantities = [(number, float(number), "rifles" if before else "bodies", {"verb": "recover"})]
    assert not [c for c in counts(text, *quantities) if c[0] == number]


def test_a_figure_after_a_countrys_short_name_still_counts():
    text = "Rescuers said the UN 40 bodies claim was wrong, and police in Peru recovered 40 bodies."
    start = text.index("recovered 40") + len("recovered ")
    ad = article(text, [quantity(text, "40", 40, "bodies", verb="recover").__class__(
        "40", 40, False, "bodies", start, start + 2, verb="recover")], places=PLACES)
    assert [(o.value, o.place) for o in observe(ad) if o.ask == "count"] == [("40", "Peru")]


PARTS = ("With the number of confirmed cases of the fever in Peru hitting four figures; in Chile doubling in a week to "
         "more than 750; and in Bolivia passing 1,300, the alert was raised.")


@pytest.mark.parametrize("text, number, value, expected", [
    (PARTS, "1,300", 1300, ("1300", "Bolivia")),
    (PARTS, "more than 750", 750, ("750", "Chile")),
], ids=["passing", "doubling-to"])
def test_a_part_of_a_tally_told_place_by_place_is_that_places(text, number, value, expected):
    bound = {"lower": value} if number.startswith("more") else {}
    found = counts(text, (number, value, None, {"verb": "pass", **bound}))
    assert (*expected, "infected") in found


def test_a_place_part_needs_a_tally_of_a_kind():
    text = "With the price of fuel in Peru hitting records; and in Bolivia passing 1,300, the alert was raised."
    assert counts(text, ("1,300", 1300, None, {"verb": "pass"})) == []


@pytest.mark.parametrize("text, number, value, expected", [
    ("Tests have confirmed the virus in more than 900 people in Chile, health officials said.", "more than 900", 900,
     [("900", "Chile", "infected")]),
    ("The fever has been detected in 420 people across Peru.", "420", 420, [("420", "Peru", "infected")]),
    ("Police confirmed in a statement that 420 people in Peru had marched.", "420", 420, []),
], ids=["confirmed-the-virus-in", "detected-in", "confirmed-in-a-statement"])
def test_people_a_disease_is_found_in_are_its_cases(text, number, value, expected):
    bound = {"lower": value} if number.startswith("more") else {}
    assert counts(text, (number, value, "people", {"verb": "confirm", **bound})) == expected


@pytest.mark.parametrize("text, number, value, verb", [
    ("Another virus, which infects 33 million in Peru, spread unseen for years.", "33 million", 33e6, "infect"),
    ("Donations will help the estimated three million injured and made homeless in Peru.", "three million", 3e6,
     "help"),
    ("The record in Peru is grim: more than 1,000 dead in a ferry disaster.", "more than 1,000", 1000, "be"),
], ids=["present-simple", "two-states", "another-event"])
def test_a_bare_figure_that_tells_no_toll_counts_nothing(text, number, value, verb):
    assert counts(text, (number, value, None, {"verb": verb})) == []


def test_deaths_of_a_named_cause_are_people():
    text = "In Peru, where 75 fever deaths have occurred, hospitals are calm."
    ad = article(text, [quantity(text, "75", 75, "fever deaths", verb="occur", where="Peru")], places=PLACES)
    assert [(o.topic, o.place, o.qualifier) for o in observe(ad) if o.ask == "count"] == [("people", "Peru", "killed")]


@pytest.mark.parametrize("text, counted, expected", [
    ("Rescuers in Peru recovered 40 bodies from the river.", "bodies", [("40", "Peru", "bodies")]),
    ("Marines in Peru recovered 40 rifles from the boat.", "rifles", []),
], ids=["bodies", "rifles"])
def test_a_verb_of_recovery_counts_bodies_only(text, counted, expected):
    assert counts(text, ("40", 40, counted, {"verb": "recover"})) == expected


def test_deaths_of_an_owner_keep_their_owner():
    text = "In Peru, 85 UN fatalities have been confirmed since the quake."
    ad = article(text, [quantity(text, "85", 85, "UN fatalities", verb="confirm", where="Peru")], places=PLACES)
    assert [o.topic for o in observe(ad) if o.ask == "count"] == ["un fatalities"]


@pytest.mark.parametrize("text, number, value, kw, expected", [
    ("In Peru more than 9,000 dead people are reported to have been buried in mass graves.", "more than 9,000",
     9000, {"verb": "report", "state": "dead", "lower": 9000}, [("9000", "Peru", "bodies")]),
    ("Aid reached Peru at last, but at least 6,000 people have already had burials.", "at least 6,000", 6000,
     {"verb": "have", "lower": 6000}, [("6000", "Peru", "bodies")]),
    ("In Peru at least 6,000 people have already had dinner at the shelters.", "at least 6,000", 6000,
     {"verb": "have", "lower": 6000}, []),
], ids=["reported-to-have-been-buried", "had-burials", "had-dinner"])
def test_a_verb_told_after_a_reporting_or_light_verb_says_what_a_figure_counts(text, number, value, kw, expected):
    assert counts(text, (number, value, "people", kw)) == expected
