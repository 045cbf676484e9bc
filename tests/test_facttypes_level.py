"""Levels and the briefing's choice of questions, on hand-built articles: a level stated as history, a
later attributed level that updates, reinforcements apart from the level, a departure told as done that is
no plan, and the counts and measures that are not what they seem ("cases" of peanut butter, one school)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.link.observations import Observation, Source
from dateline.model import Attribution, Citation, Fact, FactValue, Quantity, role_of_label
from dateline.views.brief import StoryNames, overdue, story_first
from tests.test_facttypes import article, claim, entity


def troops(text: str, number: str, value: float, counted: str = "US troops", *, day: str = "2024-05-01",
           doc_id: str = "d1", outlet: str = "The Valley Times", verb: str = "be", where: str | None = None,
           attributions=()):
    start = text.index(number)
    q = Quantity(number, value, False, counted, start, start + len(number), verb=verb, where=where)
    ad = article(text, day=day, doc_id=doc_id, outlet=outlet, quantities=[q])
    ad = replace(ad, attributions=tuple(attributions))
    return [o for o in observe(ad) if o.ask == "count"]


HISTORY = [
    ("in-month", "About 1,000 U.S. troops were in Chad in March, when the junta revoked the accord.", "1,000"),
    ("when-clause", "About 1,000 U.S. troops were stationed in Chad when the junta denounced the accord.",
     "1,000"),
    ("before", "The United States had about 1,000 U.S. troops in Chad before the junta revoked the accord.",
     "1,000"),
    ("at-its-peak", "The facility housed more than 800 American soldiers at its peak.", "800"),
    ("down-from", "About 500 remain, down from 1,000 in March.", "1,000"),
]


@pytest.mark.parametrize("name,text,number", HISTORY, ids=[h[0] for h in HISTORY])
def test_a_level_stated_as_history_is_no_report_of_the_level(name, text, number):
    value = float(number.replace(",", ""))
    assert troops(text, number, value, where="Chad") == []


@pytest.mark.parametrize("text", [
    "About 1,000 U.S. troops are stationed in Chad.",
    "About 500 U.S. personnel remain in Chad, months after the junta revoked the accord in March.",
], ids=["present", "remain-despite-a-past-date"])
def test_a_present_level_is_kept(text):
    number = "1,000" if "1,000" in text else "500"
    assert len(troops(text, number, float(number.replace(",", "")), where="Chad")) == 1


def _unnamed_official(text: str, content: str) -> Attribution:
    start = text.index(content)
    return Attribution("a U.S. defense official", "a U.S. defense official", True, "according to", content,
                       start, start + len(content), False)


def test_a_later_attributed_level_updates_and_the_old_one_is_no_rival():
    old = "About 1,000 U.S. troops are stationed in Chad."
    new = "About 500 U.S. personnel remain in Chad, according to a U.S. defense official."
    observations = [
        *troops(old, "1,000", 1000, where="Chad", doc_id="a", outlet="Wire A"),
        *troops(old, "1,000", 1000, where="Chad", doc_id="b", outlet="Paper B", day="2024-05-03"),
        *troops(new, "500", 500, where="Chad", doc_id="c", outlet="Wire A", day="2024-07-19", verb="remain",
                attributions=[_unnamed_official(new, "About 500 U.S. personnel remain in Chad")]),
    ]
    (fact,) = build_facts("s", observations)
    assert [(v.value, v.relation) for v in fact.values] == [("1000", "first"), ("500", "update")]
    assert fact.current == "500" and not fact.disputed


@pytest.mark.parametrize("day,text,relation,current", [
    ("2024-05-01", "About 1,200 U.S. troops are stationed in Chad, officials said.", "contradict", "1000"),
    ("2024-06-01", "There are 1,200 U.S. troops in Chad.", "contradict", "1000"),
    ("2024-06-01", "There are now 1,200 U.S. troops in Chad.", "update", "1200"),
], ids=["same-day", "later-without-source-or-change", "later-with-now"])
def test_a_different_level(day, text, relation, current):
    old = "About 1,000 U.S. troops are stationed in Chad."
    observations = [*troops(old, "1,000", 1000, where="Chad", doc_id="a", outlet="Wire A"),
                    *troops(text, "1,200", 1200, where="Chad", doc_id="b", outlet="Paper B", day=day)]
    (fact,) = build_facts("s", observations)
    assert (fact.values[-1].relation, fact.current) == (relation, current)


@pytest.mark.parametrize("text,number", [
    ("The United Nations says it is sending an extra 3,500 troops to Haiti.", "3,500"),
    ("The Security Council agreed that 3,500 more peacekeepers will be sent to Haiti.", "3,500"),
], ids=["sending-extra", "will-be-sent-more"])
def test_reinforcements_are_their_own_question_not_the_level(text, number):
    """The UN's troops, sent or agreed by the Security Council, are its peacekeepers."""
    counted = "troops" if "troops" in text else "peacekeepers"
    found = troops(text, number, 3500, counted, verb="send", where="Haiti")
    (fact,) = build_facts("s", found)
    assert fact.question == "How many more UN peacekeepers will be sent to Haiti?"


def test_a_count_of_people_with_no_place_asks_nothing():
    text = "At least 4,000 servicemen have died."
    start = text.index("4,000")
    q = Quantity("4,000", 4000, False, "servicemen", start, start + 5, verb="die")
    assert build_facts("s", observe(article(text, quantities=[q]))) == []


@pytest.mark.parametrize("text,number,counted", [
    ("Today we are distributing 17 cases of reinforced protein peanut butter.", "17", "cases"),
    ("Between 1,200 and 1,500 adoption cases are pending for French families.", "1,500", "adoption cases"),
    ("So can you simply multiply the official figure of 404 by 20, giving us around 8,000 cases here?",
     "8,000", "cases"),
], ids=["cases-of-a-thing", "another-matter", "a-question"])
def test_cases_that_are_no_disease_count(text, number, counted):
    start = text.index(number)
    q = Quantity(number, float(number.replace(",", "")), False, counted, start, start + len(number))
    assert [o for o in observe(article(text, quantities=[q])) if o.ask == "count"] == []


def _plans(text: str, subject: str, predicate: str, *, modality: str, time: str = "2024-09-15") -> list:
    c = replace(claim(text, subject, predicate, "Air Base 101", modality=modality), predicate_class="end",
                time=time, time_role="deadline")
    return [o for o in observe(article(text, day="2024-06-07", claims=[c])) if o.ask == "when"]


def test_a_departure_told_as_done_is_no_plan():
    done = ("The first transport flights left Air Base 101 on Thursday, officials said, the first step in a "
            "withdrawal due by mid-September.")
    assert _plans(done, "The first transport flights", "leave", modality="happened") == []
    lasting = "Schools in the capital have been closed until 6 May."
    assert len(_plans(lasting, "Schools in the capital", "close", modality="happened", time="2024-05-06")) == 1


@pytest.mark.parametrize("text,measure", [
    ("Swine flu has closed three other schools in London.", False),
    ("South Hampstead High School was closed on Monday in London.", False),
    ("All schools in London were closed on Monday.", True),
], ids=["some-schools", "one-school", "all-schools"])
def test_one_school_closed_is_no_measure_of_the_place(text, measure):
    found = [o for o in observe(article(text, entities=[entity("London", text, "GPE")])) if o.ask == "measure"]
    assert bool(found) == measure


def _holder(name: str, doc_id: str, outlet: str, day: str) -> Observation:
    text = f"Chadian Prime Minister {name} spoke on Monday."
    return Observation("holder", "prime minister", "Chad", "", "name", name.split()[-1], name,
                       Source(doc_id, outlet, date.fromisoformat(day)), Citation(doc_id, 0, len(text), text, outlet,
                                                                                 date.fromisoformat(day)))


def test_an_office_is_a_question_only_when_two_corroborated_holders_follow_each_other():
    slip = [_holder("Jan Novak", "a", "Wire A", "2024-05-01"), _holder("Jan Novak", "b", "Paper B", "2024-05-02"),
            _holder("Petra Kral", "c", "Paper C", "2024-05-03")]  # one article's slip, no change of holder
    assert build_facts("s", slip) == []
    change = [*slip, _holder("Petra Kral", "d", "Wire D", "2024-06-01")]
    (fact,) = build_facts("s", change)
    assert fact.current == "Kral"


def _brief_fact(question: str, outlets: int, value: str = "1", label: str = "", kind: str = "quantity",
                type_: str = "") -> Fact:
    values = (FactValue(value, kind, tuple(f"d{i}" for i in range(outlets)),
                        tuple(f"Outlet {i}" for i in range(outlets)), date(2011, 1, 1), "first", label=label,
                        role=role_of_label(label)),)
    return Fact(question, "s", question, values, value, type=type_)


def test_the_briefing_leaves_out_asides_about_another_place():
    """In a story of a doctor's trial, one article's Haiti toll is an aside; the doctor's licence, named in the
    story's own names, stays though one article carries it; a question two sources ask of another place stays
    only when the story asks the same of its own places (cases in Mexico beside cases in Los Angeles; deaths
    in Iraq beside nothing)."""
    facts = [_brief_fact("How many people have died in Haiti?", 1), _brief_fact("Is Murray's licence suspended?", 1),
             _brief_fact("How many cases have been reported in Mexico?", 2),
             _brief_fact("How many Americans have died in Iraq?", 3),
             _brief_fact("How many cases have been reported in Los Angeles?", 1),
             _brief_fact("What is the interest rate?", 1)]
    names = StoryNames(frozenset({"murray", "conrad murray", "los angeles"}), frozenset())
    shown = [f.question for f in story_first(facts, names)]
    assert shown == ["Is Murray's licence suspended?", "How many cases have been reported in Mexico?",
                     "How many cases have been reported in Los Angeles?", "What is the interest rate?"]


def test_the_briefing_leaves_out_one_report_about_a_passerby():
    """A suspect's status stays; one article's word on his mother (his surname, not his name), on a town the
    tagger took for a person, or on a figure of the background is left out; two sources keep a question."""
    facts = [_brief_fact("What is Carl Rimmer's status?", 1), _brief_fact("What is Edna Rimmer's status?", 1),
             _brief_fact("What is Dunmore's status?", 1), _brief_fact("What is Walter Pike's status?", 1),
             _brief_fact("What is Ada Quist's status?", 2), _brief_fact("How many people have died?", 1)]
    names = StoryNames(frozenset({"carl rimmer", "rimmer"}), frozenset(),
                       frozenset({"carl rimmer", "rimmer", "edna rimmer", "dunmore", "walter pike", "ada quist"}))
    shown = [f.question for f in story_first(facts, names)]
    assert shown == ["What is Carl Rimmer's status?", "What is Ada Quist's status?", "How many people have died?"]


def test_money_given_to_a_party_is_asked_of_no_place():
    """ "lent to Acme Holdings": a borrower, not a place the story does not own; a count "in" a place is."""
    lent = replace(_brief_fact("How much has been lent to Acme Holdings?", 1), type="amount")
    sent = _brief_fact("How many troops have been sent to Ruritania?", 1)
    shown = [f.question for f in story_first([lent, sent], StoryNames(frozenset({"murray"}), frozenset()))]
    assert shown == ["How much has been lent to Acme Holdings?"]
    assert [f.question for f in story_first([sent], StoryNames(frozenset(), frozenset({"ruritania"})))] == [
        "How many troops have been sent to Ruritania?"]  # a name never tagged a place is no place


def test_the_briefing_leaves_out_a_plan_whose_day_passed_unreported():
    plan_fact = lambda value, label: _brief_fact("When will the talks begin?", 2, value, label, "date", "when")
    day = date(2025, 1, 10)
    assert overdue(plan_fact("2024-09", "by September 2024"), day)
    assert overdue(plan_fact(">=2024-12-01", "not before 1 December 2024"), day)
    assert not overdue(plan_fact("2025-01", "by January 2025"), day)  # the month is not over
    assert not overdue(plan_fact("2024-08-05", "done: began on 5 August 2024"), day)
    assert not overdue(_brief_fact("When does the trial start?", 2, "2024-09", "September 2024", "date", "hearing"), day)
