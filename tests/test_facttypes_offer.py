"""Offers and bids (link/facttypes/offer.py). Articles written here (invented teams, players and firms), run
through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from tests.news import annotated_news

DAY = "2024-11-20"

OFFERS = [
    # terms: years and a sum, either alone; "at least" stays in the label, not the value
    ("made an offer", "The Chicago Gulls have made an eight-year, $150 million offer to pitcher Tomas Varga.",
     {("gulls", "Tomas Varga", "8 years, $150 million")}),
    ("offered a contract", "The Gulls offered Tomas Varga a six-year contract on Monday, his agent said.",
     {("gulls", "Tomas Varga", "6 years")}),
    ("bid a sum", "The Gulls reportedly have bid at least $120 million for Tomas Varga.",
     {("gulls", "Tomas Varga", "$120 million")}),
    ("a takeover bid", "Kestrel Holdings launched a $4.2 billion bid for the Dalton Mills group on Tuesday.",
     {("kestrel holdings", "Dalton Mills", "$4.2 billion")}),
    ("a raised bid", "Kestrel Holdings raised its offer for Dalton Mills to $5 a share, from $4 a share.",
     {("kestrel holdings", "Dalton Mills", "$5 a share")}),
    # what became of it
    ("withdrawn", "The Gulls have withdrawn their offer to Tomas Varga, a team spokesman said.",
     {("gulls", "Tomas Varga", "withdrawn")}),
    ("accepted", "Tomas Varga agreed to a five-year, $90 million deal with the Gulls on Friday.",
     {("gulls", "Tomas Varga", "accepted")}),
    # not read: no offer noun or sum, a refusal, a question, a condition, a sum per season, a bidder in a list
    ("offered help", "The Gulls offered Tomas Varga their support after his injury.", set()),
    ("made the playoffs", "The Gulls made the playoffs for the first time since Tomas Varga joined.", set()),
    ("chose not to", "The Gulls chose not to make an offer to Tomas Varga.", set()),
    ("a question", "Will the Gulls offer Tomas Varga a six-year contract?", set()),
    ("a condition", "If the Gulls offered Tomas Varga a six-year contract, he would sign.", set()),
    ("per season", "The Gulls offered Tomas Varga $20 million a season.", set()),
]


@pytest.mark.parametrize("case, text, expected", OFFERS, ids=[c[0] for c in OFFERS])
def test_offer_wording(case: str, text: str, expected: set) -> None:
    found = {(o.topic, o.qualifier, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a)
             if o.ask == "offer"}
    assert found == expected


def test_the_city_is_no_part_of_the_bidder_and_a_withdrawal_ends_the_offer() -> None:
    reports = [("2024-11-20", "The Chicago Gulls have made an eight-year, $150 million offer to Tomas Varga."),
               ("2024-11-21", "The Gulls offered Tomas Varga an eight-year deal worth $150 million, two people said."),
               ("2024-11-28", "The Gulls have withdrawn their offer to Tomas Varga, the team said on Sunday.")]
    observations = [o for a in annotated_news(reports) for o in observe(a) if o.ask == "offer"]
    facts = [f for f in build_facts("s", observations) if f.type == "offer"]
    assert [f.question for f in facts] == ["What is the Gulls' offer to Tomas Varga?"]
    assert with_current(facts[0], None).current == "withdrawn"
    assert {v.value for v in facts[0].values} == {"8 years, $150 million", "withdrawn"}
