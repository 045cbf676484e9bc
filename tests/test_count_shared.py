"""Figures that share their noun with another figure of their sentence (link/facttypes/count_shared.py), and an
unplaced figure whose sentence speaks of the world (count_scope.place_of); on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_count_scope import counts

CONFIRMED = {"verb": "confirm"}


def test_a_list_by_place_shares_its_first_noun():
    text = "Labs have confirmed 130 cases in Peru, 104 in Chile and 98 in Bolivia."
    found = counts(text, ("130", 130, "cases", {**CONFIRMED, "where": "Peru"}), ("104", 104, None, {}),
                   ("98", 98, None, {}))
    assert {("104", "cases", "Chile", "infected"), ("98", "cases", "Bolivia", "infected")} <= set(found)


def test_a_running_total_counts_what_its_increment_counts():
    text = "Four more people were diagnosed, taking the total in Chile so far to 187, the ministry said."
    found = counts(text, ("Four", 4, "people", {"verb": "diagnose"}), ("187", 187, None, {"verb": "take"}))
    assert ("187", "cases", "Chile", "infected") in found


def test_a_ranking_counts_its_noun():
    text = "Across the region, Peru, which has seen 40 deaths, has reported the most cases with 12,310."
    found = counts(text, ("40", 40, "deaths", {"verb": "see"}), ("12,310", 12310, None, {"verb": "report"}))
    assert ("12310", "cases", "Peru", "infected") in found


def test_a_troop_total_is_left_to_the_level():
    text = "The army sent 400 more troops, bringing the total in Peru to 2,400."
    found = counts(text, ("400", 400, "troops", {"verb": "send"}), ("2,400", 2400, None, {"verb": "bring"}))
    assert not any(f[0] == "2400" and f[1] == "cases" for f in found)


@pytest.mark.parametrize("text, number, value, counted, kw, place", [
    ("So far the fever has killed at least 170 people and been confirmed in nearly 41,000 globally.",
     "at least 170", 170, "people", {"verb": "kill"}, "worldwide"),
    ("Lima currently has 1,020 confirmed cases - the highest number per capita in the world.",
     "1,020", 1020, "cases", {"verb": "have"}, None),
], ids=["world-words-elsewhere-in-the-sentence", "a-ranking-in-the-world-is-no-scope"])
def test_an_unplaced_figure_in_a_sentence_of_the_world(text, number, value, counted, kw, place):
    found = counts(text, (number, value, counted, kw))
    assert found and found[0][2] == place
