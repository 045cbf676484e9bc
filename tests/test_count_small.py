"""Small counts (link/facttypes/count_small.py): a figure under ten is a question when it tallies a kind tracked
from its first few (cases, countries with cases, arrests) in a place, and wording otherwise; on sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.test_count_scope import counts

CONFIRM = {"verb": "confirm"}

KEPT = [
    ("confirmed-in-a-place", "Health officials have confirmed two cases of the flu in Chile.",
     ("two", 2, "cases", {"verb": "confirm", "where": "Chile"}), ("2", "cases", "Chile", "infected")),
    ("a-running-total", "Two more cases were found in Peru on Monday, bringing the total number to four.",
     ("four", 4, "cases", {"verb": "bring", "where": "Peru"}), ("4", "cases", "Peru", "infected")),
    ("now-confirmed", "There are now eight confirmed cases in Peru.",
     ("eight", 8, "cases", {"verb": "be", "where": "Peru"}), ("8", "cases", "Peru", "infected")),
    ("countries-with-cases", "Two more nations reported cases, bringing the number of affected countries to 9.",
     ("9", 9, "countries", {}), ("9", "countries", "worldwide", "countries")),
    ("a-total-of", "A total of six people in Chile have now been diagnosed with the fever.",
     ("six", 6, "people", {"verb": "diagnose", "where": "Chile"}), ("6", "cases", "Chile", "infected")),
    ("confirmed-in-countries", "The new strain has now been confirmed in seven countries, officials said.",
     ("seven", 7, "countries", {"verb": "confirm"}), ("7", "countries", "worldwide", "countries")),
    ("arrests", "Police in Peru arrested three men over the killing of a judge.",
     ("three", 3, "men", {"verb": "arrest", "where": "Peru"}), ("3", "people", "Peru", "arrested")),
]


@pytest.mark.parametrize("text, q, expected", [k[1:] for k in KEPT], ids=[k[0] for k in KEPT])
def test_a_small_tally_is_asked(text, q, expected):
    assert expected in counts(text, q)


DROPPED = [
    ("the-other-two", "The other two cases in Chile were adults who had travelled abroad.",
     ("two", 2, "cases", {"verb": "be", "where": "Chile"})),
    ("two-previous", "Two previous cases in Peru had fallen ill abroad.",
     ("Two", 2, "cases", {"verb": "fall", "where": "Peru"})),
    ("a-part-of-a-tally", "Of four cases confirmed in Chile on Monday, one was a child.",
     ("four", 4, "cases", {"verb": "confirm", "where": "Chile"})),
    ("a-verb-of-a-part", "Five people in Peru have been hospitalised with the fever.",
     ("Five", 5, "people", {"verb": "hospitalise", "where": "Peru"})),
    ("a-hypothesis", "The alert would rise if infected people in at least two countries spread the fever.",
     ("at least two", 2, "countries", {"verb": "spread"})),
    ("a-school-year", "In Chile five year-seven pupils were diagnosed with the fever.",
     ("seven", 7, "pupils", {"verb": "diagnose", "where": "Chile"})),
    ("the-first-two", "Doctors treated the first two Chilean cases of the fever in Santiago.",
     ("two", 2, "cases", {"verb": "treat", "where": "Chile"})),
    ("no-place", "Two people were infected with the fever, officials said.",
     ("Two", 2, "people", {"verb": "infect"})),
    ("countries-of-a-region", "The fever has now been confirmed in 12 European countries.",
     ("12", 12, "European countries", {"verb": "confirm"})),
    ("a-kind-not-tallied-from-few", "Two people were rescued from the rubble in Chile.",
     ("Two", 2, "people", {"verb": "rescue", "where": "Chile"})),
]


@pytest.mark.parametrize("text, q", [d[1:] for d in DROPPED], ids=[d[0] for d in DROPPED])
def test_a_small_count_of_wording_asks_nothing(text, q):
    assert counts(text, q) == []


def test_a_casualty_count_needs_no_size():
    text = "A gunman killed two people in Peru on Sunday."
    assert ("2", "people", "Peru", "killed") in counts(text, ("two", 2, "people", {"verb": "kill", "where": "Peru"}))
