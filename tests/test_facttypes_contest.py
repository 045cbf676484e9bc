"""Contests (link/facttypes/contest.py) and stays in treatment (link/facttypes/treatment.py): who won a fight, a
match or an election; where a person checked into rehab. Articles written here (invented boxers, clubs,
parties, people and clinics), run through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.link.facttypes.treatment import distinctive
from tests.news import annotated_news

DAY = "2024-03-09"

CONTESTS = [
    # a verb of beating with the loser as object, in a sentence that names the contest
    ("stopped in a round", "Marco Delane stopped Ivan Korsak in the eighth round on Saturday night.",
     {("delane-korsak", "Delane")}),
    ("a nationality before the name", "Marco Delane stopped American Ivan Korsak in the eighth round.",
     {("delane-korsak", "Delane")}),
    ("a country's boxer", "Marco Delane knocked out Ireland's Ivan Korsak in their title fight on Saturday.",
     {("delane-korsak", "Delane")}),
    ("beat with a score", "Northfield United beat Castlebrook Rovers 3-1 at home on Sunday.",
     {("castlebrook rovers-northfield united", "Northfield United")}),
    # a title kept against an opponent named after a cue
    ("retained against", "Marco Delane retained his heavyweight title against Ivan Korsak on Saturday.",
     {("delane-korsak", "Delane")}),
    ("defended by stopping", "Marco Delane defended his crown by stopping challenger Ivan Korsak in Leeds.",
     {("delane-korsak", "Delane")}),
    # a contest won, named by its noun
    ("won the election", "The Green Harbour Party won the parliamentary election on Sunday.",
     {("election", "Green Harbour Party")}),
    # not read: no contest in the sentence, a passive, an earlier bout, a run of wins, a plan, a denial
    ("beat his wife", "Police said Ivan Korsak beat his neighbour Tom Rees outside a bar.", set()),
    ("passive", "Ivan Korsak was stopped by Marco Delane in the eighth round.", set()),
    ("an earlier bout", "Marco Delane had beaten Ivan Korsak on points in their first fight.", set()),
    ("a past year", "Marco Delane stopped Ivan Korsak in the eighth round in 2019.", set()),
    ("a run of wins", "Marco Delane has won his 12th straight fight.", set()),
    ("a plan", "Marco Delane will defend his title against Ivan Korsak in May.", set()),
    ("a denial", "Marco Delane did not beat Ivan Korsak in the eighth round.", set()),
]


@pytest.mark.parametrize("case, text, expected", CONTESTS, ids=[c[0] for c in CONTESTS])
def test_contest_wording(case: str, text: str, expected: set) -> None:
    found = {(o.topic, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a) if o.ask == "winner"}
    assert found == expected


def test_a_fight_reported_by_two_outlets_is_one_question_with_its_winner() -> None:
    reports = [(DAY, "Marco Delane stopped Ivan Korsak in the eighth round of their fight in Leeds on Saturday."),
               (DAY, "Marco Delane retained his title with a stoppage of Ivan Korsak in Leeds.")]
    observations = [o for a in annotated_news(reports) for o in observe(a)]
    facts = [f for f in build_facts("s", observations) if f.type == "winner"]
    assert [(f.question, f.current) for f in facts] == [
        ("Who won the fight between Marco Delane and Ivan Korsak?", "Delane")]


TREATMENTS = [
    ("checked herself into", ("Singer Dana Wells has checked herself into Harbor Springs Treatment Center, her "
                              "publicist said."), {("dana wells", "Springs")}),
    ("checked into rehab at", "Actor Paul Greer checked into rehab at the Stonebridge Clinic on Tuesday.",
     {("paul greer", "Stonebridge")}),
    ("entered", "Dana Wells entered Lakeview Recovery on Monday to treat an addiction to painkillers.",
     {("dana wells", "Lakeview")}),
    ("checked-in, hyphenated", "Dana Wells has checked-in to the Seacliff Rehab Center, her publicist said.",
     {("dana wells", "Seacliff")}),
    # not read: a hotel, no facility named, a check-out, an earlier stay, a denial, a pretence
    ("a hotel", "Dana Wells checked into the Grand Palace Center hotel on Monday.", set()),
    ("no facility", "Dana Wells has checked into rehab, her publicist said.", set()),
    ("checked out", "Dana Wells checked out of Lakeview Recovery after completing a 30-day rehab program.", set()),
    ("an earlier stay", "Dana Wells had checked into Lakeview Recovery in the morning before leaving rehab.", set()),
    ("denied", "Dana Wells never entered Lakeview Recovery, the rehab facility said.", set()),
]


@pytest.mark.parametrize("case, text, expected", TREATMENTS, ids=[c[0] for c in TREATMENTS])
def test_treatment_wording(case: str, text: str, expected: set) -> None:
    found = {(o.topic, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a) if o.ask == "treatment"}
    assert found == expected


def test_a_move_to_another_clinic_updates_the_answer() -> None:
    reports = [("2024-03-01", "Dana Wells has checked into Lakeview Recovery for rehab, her publicist said."),
               ("2024-03-05", "Dana Wells has checked into the Stonebridge Clinic to continue her rehab.")]
    observations = [o for a in annotated_news(reports) for o in observe(a)]
    facts = [f for f in build_facts("s", observations) if f.type == "treatment"]
    assert [(f.question, f.current) for f in facts] == [("Where did Dana Wells check into rehab?", "Stonebridge")]


def test_a_facility_is_told_apart_by_its_distinctive_word() -> None:
    assert distinctive("Malibu Promises Treatment Center") == distinctive("Promises Treatment Center") == "Promises"
    assert distinctive("Betty Ford Center") == "Ford"
