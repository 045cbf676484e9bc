"""Counts of an epidemic (link/facttypes/count.py and its modules), on hand-built articles whose sentences were
written for these tests: each figure belongs to the place of its own sentence when scraped text loses a full
stop, a tally a figure rises to says what it counts, a hedge is the count's only in its own clause, suspected
deaths and cases are asked apart from the confirmed ones, and a world body's figure under a country's name, or
told in parts across countries, is scoped by its words.
"""

from __future__ import annotations

import pytest

from dateline.link.facttypes import observe
from tests.test_count_scope import article, quantity

PLACES = ("Peru", "Chile", "Bolivia", "Santiago")


def counts(text: str, *quantities: tuple, hedges: bool = False) -> list[tuple]:
    """(value, place, qualifier[, hedged]) of each count observed in a one-sentence article."""
    ad = article(text, [quantity(text, *q[:-1], **q[-1]) for q in quantities], places=PLACES)
    return [(o.value, o.place, o.qualifier, *((o.hedged,) if hedges else ())) for o in observe(ad) if o.ask == "count"]


def test_a_lost_full_stop_ends_the_figures_sentence():
    text = "Peru's confirmed number of cases rose to 140 Of nine new cases in Chile, most were imported."
    found = counts(text, ("140", 140, "cases", {"where": "Chile", "verb": "rise"}))
    assert ("140", "Peru", "infected") in found


@pytest.mark.parametrize("text, number, value, other, expected", [
    ("The total Chilean figure jumped to 1,200 today, with a further 40 cases in Santiago.", "1,200", 1200,
     ("40", 40, "cases", {}), ("1200", "Chile", "infected")),
    ("Of twelve new cases in Bolivia, ten were imported; total confirmed cases stood at 57 Meanwhile schools shut.",
     "57", 57, None, ("57", "Bolivia", "infected")),
], ids=["figure-takes-the-noun-of-its-sentence", "cases-stood-at"])
def test_a_tally_counts_what_it_tallies(text, number, value, other, expected):
    quantities = [(number, value, None, {})] + ([other] if other else [])
    assert expected in counts(text, *quantities)


@pytest.mark.parametrize("text, number, value, verb, hedged", [
    ("A new flu that has killed up to 68 people in Peru could spread further, experts warned.", "68", 68, "kill",
     False),
    ("Officials fear 68 people have died in Peru.", "68", 68, "die", True),
    ("In Peru 68 people may have died of the flu.", "68", 68, "die", True),
    ("The toll, health officials said on May 4, stood at 68 dead in Peru.", "68", 68, None, False),
], ids=["could-of-another-verb", "fear-before", "may-after-subject", "month-is-no-hedge"])
def test_a_hedge_is_the_counts_only_in_its_clause(text, number, value, verb, hedged):
    found = counts(text, (number, value, "people", {"verb": verb, "state": "dead"}), hedges=True)
    assert found and found[0][-1] is hedged


def test_suspected_deaths_are_asked_apart():
    text = "Peru has confirmed 20 deaths from the flu and has 40 other possible deaths under study."
    found = counts(text, ("20", 20, "deaths", {"verb": "confirm"}), ("40", 40, "deaths", {"verb": "have"}))
    assert ("20", "Peru", "killed") in found and ("40", "Peru", "killed suspected") in found
    text = "Officials in Peru say the outbreak, suspected in more than 300 deaths, is slowing."
    assert counts(text, ("more than 300", 300, "deaths", {})) == [("300", "Peru", "killed suspected")]


def test_confirmed_and_probable_cases_told_together_are_asked_apart():
    text = "Chile now has 4,100 confirmed and probable cases, the ministry said."
    assert counts(text, ("4,100", 4100, "cases", {})) == [("4100", "Chile", "infected probable")]
    text = "There are almost 2,900 probable and confirmed cases in Chile today, the minister said."
    assert counts(text, ("almost 2,900", 2900, "cases", {})) == [("2900", "Chile", "infected probable")]


@pytest.mark.parametrize("text, number, value, place", [
    ("Forty deaths have been confirmed, most in Peru with two in Chile and one in Bolivia.", "Forty", 40,
     "worldwide"),
    ("The World Health Organization said at least 81 people had died of a flu - like illness in Peru.",
     "at least 81", 81, "Peru"),
    ("The new virus that has killed 177 people and spread globally is a hybrid, researchers said.",
     "177", 177, None),
    ("Its global death rate is about 0.4 percent (167 deaths among 39,620 cases), a doctor wrote.", "167", 167,
     "worldwide"),
    ("The carmaker, a global brand, said 167 people died in the crashes.", "167", 167, None),
], ids=["told-in-parts-across-countries", "world-body-under-a-country", "spread-globally-is-no-scope",
        "global-rate", "global-brand-is-no-scope"])
def test_a_world_figure_is_read_from_its_words(text, number, value, place):
    found = counts(text, (number, value, "people", {"verb": "die", "state": "dead"}))
    assert found and found[0][1] == place


@pytest.mark.parametrize("text, number, value, counted, verb, kept", [
    ("Health officials in Peru said 4,100 cases have now been confirmed.", "4,100", 4100, "cases", "confirm", True),
    ("More than 900,000 people in Peru may have been infected with the flu, officials said.", "More than 900,000",
     900000, "people", "infect", False),
    ("Tests catch about one infection in 20, which would bring the total number of cases in Peru to around 80,000.",
     "around 80,000", 80000, "cases", None, False),
    ("Peru has 4,100 cases, with officials saying there are likely ten times that many.", "4,100", 4100, "cases",
     None, True),
], ids=["confirmed", "may-have-been-infected", "would-bring", "estimate-of-another-figure"])
def test_an_estimate_of_infections_is_no_count_of_cases(text, number, value, counted, verb, kept):
    found = counts(text, (number, value, counted, {"verb": verb} if verb else {}))
    assert (any(q[0] == str(value) and q[2] == "infected" for q in found)) is kept


@pytest.mark.parametrize("text, number, value", [
    ("Health officials in Peru cut their suspected death toll to 61 from 90 as tests came back negative.", "61", 61),
    ("Health officials in Peru cut their suspected death toll to 61 from 90 as tests came back negative.", "90", 90),
    ("Peru on Sunday revised its suspected death toll from the outbreak from 90 to 61.", "61", 61),
    ("Peru's suspected deaths stood at 61 on Sunday, officials said.", "61", 61),
], ids=["their-toll-cut-to", "their-toll-cut-from", "its-toll-from-a-to-b", "a-country's-suspected-deaths"])
def test_a_revised_suspected_toll_is_the_suspected_count(text, number, value):
    found = counts(text, (number, value, "deaths", {"verb": "cut"}))
    assert found == [(str(value), "Peru", "killed suspected")]
