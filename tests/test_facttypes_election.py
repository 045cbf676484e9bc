"""Elections: their day and turnout (link/facttypes/election.py). Articles written here (invented places and
figures), run through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from tests.news import annotated_news

DAY = "2024-09-20"

DAYS = [
    ("scheduled for", "Parliamentary elections in Moldova are scheduled for November 3, the electoral commission said.",
     {("election", "2024-11-03")}),
    ("hold elections on", "The commission plans to hold elections on November 3.", {("election", "2024-11-03")}),
    ("the day before the noun", "Two parties will compete in the November 3 election.", {("election", "2024-11-03")}),
    ("a referendum", "A referendum on the new constitution is set for October 27.", {("referendum", "2024-10-27")}),
    ("held", "Voters in Moldova cast ballots on Sunday in a parliamentary election.", {("election", "2024-09-15")}),
    # not read: another date in the sentence, a commission, a condition, a past election named by year
    ("the campaign's date", "The campaign for the election will be announced on October 5.", set()),
    ("a commission", "The Central Election Commission met on October 5.", set()),
    ("a condition", "If the election is scheduled for November 3, turnout may suffer.", set()),
    ("an earlier year", "The election of 2019 was held on February 24.", set()),
    ("postponed", "Elections due to be held on November 3 will be postponed, the president said.", set()),
]


@pytest.mark.parametrize("case, text, expected", DAYS, ids=[c[0] for c in DAYS])
def test_election_day_wording(case: str, text: str, expected: set) -> None:
    found = {(o.topic, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a) if o.ask == "election_day"}
    assert found == expected


def test_an_undated_article_dates_no_election() -> None:
    text = "Parliamentary elections in Moldova are scheduled for November 3, the electoral commission said."
    assert not [o for a in annotated_news([(None, text)]) for o in observe(a) if o.ask == "election_day"]


TURNOUTS = [
    ("turnout reached", "Officials said turnout reached 61.5 percent in the parliamentary election.", {"61.5"}),
    ("a percentage of voters", "About 58 percent of eligible voters took part in the election, officials said.",
     {"58"}),
    # not read: a threshold, a forecast, a percentage of something else
    ("a threshold", "The election is valid only with a turnout of more than 50 percent.", set()),
    ("a forecast", "Turnout in the election is expected to reach 70 percent.", set()),
    ("another share", "The ruling party won 40 percent of the seats in the election.", set()),
]


@pytest.mark.parametrize("case, text, expected", TURNOUTS, ids=[c[0] for c in TURNOUTS])
def test_turnout_wording(case: str, text: str, expected: set) -> None:
    found = {o.value for a in annotated_news([(DAY, text)]) for o in observe(a) if o.ask == "turnout"}
    assert found == expected


def test_one_election_reported_with_and_without_its_place_is_one_question() -> None:
    reports = [("2024-11-03", "Turnout reached 48 percent by midday in the parliamentary election in Moldova."),
               ("2024-11-04", "Final turnout was 61 percent in the election, officials said.")]
    observations = [o for a in annotated_news(reports) for o in observe(a) if o.ask == "turnout"]
    facts = [f for f in build_facts("s", observations) if f.type == "turnout"]
    assert [f.question for f in facts] == ["What was the turnout in the parliamentary election in Moldova?"]
    assert with_current(facts[0], None).current == "61"  # the larger figure, reported later
