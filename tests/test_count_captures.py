"""Captures counted as arrests, one tally of people however each report names them (`[count.kinds.arrested]`);
a ship's name, or a country that only speaks, is no place of a count (link/facttypes/count_scope.py); waters
take the article in a question (count_questions.py). On hand-built articles whose sentences were written for
these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.link.facttypes.count_questions import where_words
from dateline.model import Entity
from tests.test_count_scope import article, counts, quantity

KEPT = [
    ("captured-offenders", "The coastguard captured 14 pirates off Peru on Sunday, the navy said.",
     ("14", 14, "pirates", {"verb": "capture", "where": "Peru"}), ("14", "people", "Peru", "arrested")),
    ("nabbed-smugglers", "Border guards nabbed 31 smugglers near the frontier with Chile.",
     ("31", 31, "smugglers", {"verb": "nab", "where": "Chile"}), ("31", "people", "Chile", "arrested")),
    ("seized-people", "Police seized 12 bandits in northern Peru on Friday.",
     ("12", 12, "bandits", {"verb": "seize", "where": "Peru"}), ("12", "people", "Peru", "arrested")),
]


@pytest.mark.parametrize("text, q, expected", [k[1:] for k in KEPT], ids=[k[0] for k in KEPT])
def test_a_capture_of_people_is_an_arrest(text, q, expected):
    assert expected in counts(text, q)


DROPPED = [
    ("seized-weapons", "Marines seized 40 rifles and 300 rounds of ammunition in Peru.",
     ("40", 40, "rifles", {"verb": "seize", "where": "Peru"})),
    ("captured-boats", "The frigate captured 3 boats used by the raiders off Chile.",
     ("3", 3, "boats", {"verb": "capture", "where": "Chile"})),
    ("captured-towns", "Rebels captured 11 towns in northern Peru last month.",
     ("11", 11, "towns", {"verb": "capture", "where": "Peru"})),
]


@pytest.mark.parametrize("text, q", [d[1:] for d in DROPPED], ids=[d[0] for d in DROPPED])
def test_a_capture_of_things_counts_no_arrests(text, q):
    assert [c for c in counts(text, q) if c[3] == "arrested"] == []


def _places(text: str, places: tuple[str, ...], q: tuple) -> list[str | None]:
    ad = article(text, [quantity(text, *q[:-1], **q[-1])], places=places)
    return [o.place for o in observe(ad) if o.ask == "count"]


def test_a_ships_name_is_no_place():
    """A tagger may read the name of "INS Tarang" or "HMS Dauntless" as a town; the count is not there."""
    text = "The warship HMS Dauntless detained 17 pirates after a chase, officers said."
    assert "Dauntless" not in _places(text, ("Dauntless",), ("17", 17, "pirates", {"verb": "detain"}))


def test_a_town_named_with_no_ships_prefix_is_still_a_place():
    text = "Police in Dauntless detained 17 robbers after a chase, officers said."
    assert _places(text, ("Dauntless",), ("17", 17, "robbers", {"verb": "detain"})) == ["Dauntless"]


@pytest.mark.parametrize("place, words", [
    ("Gulf of Aden", " in the Gulf of Aden"), ("Red Sea", " in the Red Sea"), ("Indian Ocean", " in the Indian Ocean"),
    ("Sea Point", " in Sea Point"), ("Peru", " in Peru"), ("Aden", " in Aden"),
], ids=["gulf-of", "sea", "ocean", "a-town-named-sea", "a-country", "a-town"])
def test_waters_take_the_article(place, words):
    assert where_words(place) == words


def test_a_country_that_only_speaks_is_not_where_the_count_is():
    """ "..., Chile said": Chile tells of the capture; the count's place is left to the story."""
    text = "Marines captured 40 bandits after a chase across the border, Chile said."
    assert _places(text, ("Chile",), ("40", 40, "bandits", {"verb": "capture"})) == [None]
    text = "Marines captured 40 bandits after a chase across the border in Chile."
    assert _places(text, ("Chile",), ("40", 40, "bandits", {"verb": "capture"})) == ["Chile"]


def test_reports_naming_the_arrested_differently_ask_one_question():
    """ "23 Somali pirates", "23 piracy suspects": one tally of people arrested, asked once."""
    first = "Commandos captured 23 Somali pirates off Peru on Saturday, the navy said."
    second = "The navy said it had arrested 23 piracy suspects off Peru."
    ads = [article(first, [quantity(first, "23", 23, "Somali pirates", verb="capture", where="Peru")], doc_id="d1"),
           article(second, [quantity(second, "23", 23, "piracy suspects", verb="arrest", where="Peru")], doc_id="d2")]
    facts = build_facts("s", [o for ad in ads for o in observe(ad) if o.ask == "count"])
    assert [f.question for f in facts] == ["How many people have been arrested in Peru?"]


def _located(text: str, located: tuple[str, ...], q: tuple) -> list[str | None]:
    """The places of a count whose sentence names `located` as locations (LOC), not towns or countries."""
    ad = article(text, [quantity(text, *q[:-1], **q[-1])], places=())
    entities = tuple(Entity(p, "LOC", p, text.index(p), text.index(p) + len(p)) for p in located)
    return [o.place for o in observe(replace(ad, entities=entities)) if o.ask == "count"]


def test_waters_are_a_place_of_a_count_at_sea():
    text = "A frigate patrolling the Gulf of Guinea detained 19 pirates on Tuesday, officers said."
    assert _located(text, ("Gulf of Guinea",), ("19", 19, "pirates", {"verb": "detain"})) == ["Gulf of Guinea"]


def test_a_region_on_land_is_still_no_place():
    text = "Police patrolling the Sahel detained 19 smugglers on Tuesday, officers said."
    assert _located(text, ("Sahel",), ("19", 19, "smugglers", {"verb": "detain"})) == [None]
