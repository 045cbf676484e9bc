"""Counts a disaster story tracks (link/facttypes/count*.py), on sentences written for these tests in the style of
wire copy and live blogs: live-blog entries run together, numbers inside names, the words a count of countries
needs, a state that describes whom another verb counts, and troops sent, added and raised."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.link.facttypes.count_entry import entry_citation
from dateline.model import Quantity
from tests.test_facttypes_count import article, count, counts


def found(text: str, quantities: list[Quantity], **kw) -> list:
    return [o for o in observe(article(text, quantities, **kw)) if o.ask == "count"]


BLOG = ("1410 Rescue teams reached the port town overnight.\n"
        "1432 Officials told reporters that 300 people had been killed and 1,200 injured 1445 The airport "
        "authority says about 40 relief flights a day are now landing.\n"
        "1502 Aid agencies appealed for more trucks.")


def test_a_live_blog_entry_run_into_the_next_is_cited_alone():
    """The next entry's "a day" does not make the injured a rate, and the citation stops at its stamp."""
    dead = count(BLOG, "300", 300, "people", verb="kill")
    hurt = count(BLOG, "1,200", 1200, "The airport authority", verb="say")
    by_kind = {o.qualifier: o for o in found(BLOG, [dead, hurt])}
    assert set(by_kind) == {"killed", "injured"}
    assert by_kind["injured"].value == "1200"
    assert by_kind["injured"].citation.text.endswith("1,200 injured")


def test_a_year_inside_a_sentence_is_no_stamp():
    text = ("1410 Rescue teams reached the town.\n1432 The quake was the worst since the 2004 Indian Ocean "
            "tsunami, which killed 230,000 people.\n1445 More aid arrived.")
    ad = article(text, [])
    start = text.index("230,000")
    assert "since the 2004 Indian Ocean tsunami, which killed 230,000" in entry_citation(ad, start, start + 7).text


NAMES = [
    ("g-20", "Leaders of the G-20 nations met in London.", "20", 20, "nations"),
    ("group-of-20", "Ministers from the Group of 20 countries agreed on a plan as the virus spread to Asia.", "20",
     20, "countries"),
    ("the-big-three", "Sales at the Big Three carmakers fell as 3,000 jobs were cut.", "Three", 3, "carmakers"),
]


@pytest.mark.parametrize("name,text,number,value,counted", NAMES, ids=[n[0] for n in NAMES])
def test_a_number_inside_a_name_is_no_count(name, text, number, value, counted):
    assert counts(text, number, value, counted, verb="meet") == []


def test_a_place_before_a_number_is_no_name():
    text = "In the United States 50 cases have been confirmed."
    assert counts(text, "50", 50, "cases", verb="confirm", places=["United States"]) == [
        ("cases", "United States", "infected")]


@pytest.mark.parametrize("text,expected", [
    ("Officials from 20 major economies and countries endorsed a joint approach on Saturday, but they failed to "
     "agree any concrete steps to halt the turmoil as it spread to the wider economy.", []),
    ("The virus has now spread to 20 countries, the agency said.", [("countries", "worldwide", "countries")]),
    ("The strain has made more than 1,500 people ill in 22 countries.", [("countries", "worldwide", "countries")]),
], ids=["words-far-away", "spread-to", "made-ill"])
def test_a_count_of_countries_needs_its_words_near(text, expected):
    number = "22" if "22 countries" in text else "20"
    assert counts(text, number, float(number), "countries", verb="endorse") == expected


def test_a_state_before_the_noun_describes_whom_the_verb_counts():
    """Neither the injured toll nor all the evacuated: a part of a group another verb counts, or whom aid is for."""
    text = "The navy also plans to evacuate about 60 injured people."
    assert counts(text, "about 60", 60, "people", verb="evacuate", state="injured") == []
    aid = "The charity delivered medical supplies for about 250 wounded people."
    assert counts(aid, "about 250", 250, "people", verb="deliver", state="injured") == []


def test_troops_added_to_a_deployment_are_its_newest_announcement():
    """"Another 4,000" is what is being sent now: the deployment's update, labelled as an addition."""
    first = "The Pentagon says the US will send up to 10,000 troops to Haiti."
    later = "The US is sending another 4,000 sailors and marines to Haiti."
    observations = [
        *found(first, [count(first, "up to 10,000", 10000, "troops", verb="send", where="Haiti")], day="2010-01-15"),
        *found(later, [count(later, "4,000", 4000, "sailors", verb="send", where="Haiti")], day="2010-01-21",
               doc_id="d2"),
    ]
    (fact,) = build_facts("s", observations)
    assert fact.question == "How many US troops will be sent to Haiti?"
    assert [(v.label, v.relation) for v in fact.values] == [("10,000", "first"), ("4,000 more", "update")]
    assert fact.current == "4000"


def test_a_force_raised_by_a_number_is_an_addition_summed_over_its_parts():
    text = ("The Security Council voted to boost UN troop numbers in Haiti by 2,000 and UN police numbers by "
            "1,500.")
    quantities = [count(text, "2,000", 2000, None, verb="boost", where="Haiti"),
                  count(text, "1,500", 1500, None, verb="boost")]
    (o,) = found(text, quantities)
    assert (o.topic, o.qualifier, o.value, o.label) == ("un peacekeepers", "deploy", "3500", "2,000 + 1,500 more")
    (fact,) = build_facts("s", [o])
    assert fact.question == "How many more UN peacekeepers will be sent to Haiti?"


def test_a_level_with_an_additional_word_stays_a_level():
    text = "About 2,500 US troops are in Iraq and an additional 900 troops in Syria."
    assert counts(text, "900", 900, "US troops", verb="be", where="Syria") == [("us troops", "Syria", "")]
