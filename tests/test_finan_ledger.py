"""A financial crisis told over weeks, on hand-built articles written for these tests: a company put up for
sale and then bankrupt, a firm's rescue money that grows, a bill that one chamber approves after the other
rejected it, a plan named only as "the package", and an office holder acting beside another
(link/facttypes: company.py, amount.py, state.py, office.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument
from tests.test_facttypes_amount import article


def facts_of(ask: str, *articles: AnnotatedDocument):
    return [f for f in build_facts("s", [o for a in articles for o in observe(a)]) if f.type == ask]


def values_of(ask: str, annotated: AnnotatedDocument) -> set[tuple[str, str]]:
    return {(o.topic, o.value) for o in observe(annotated) if o.ask == ask}


# --- a company's state ----------------------------------------------------------------------------------


def test_a_company_for_sale_then_bankrupt():
    sale = article("Regulators spent the weekend arranging the breakup and sale of Corvid Brothers to rival banks.",
                   {"Corvid Brothers": "ORG"}, {}, day="2024-09-12", doc_id="a")
    buyer = article("Officials were trying to find a buyer for Corvid Brothers.", {"Corvid Brothers": "ORG"}, {},
                    day="2024-09-13", doc_id="b")
    failed = article("Corvid Brothers filed for bankruptcy on Monday.", {"Corvid Brothers": "ORG"}, {},
                     day="2024-09-15", doc_id="c")
    (fact,) = facts_of("company", sale, buyer, failed)
    assert [(v.value, v.relation) for v in fact.values] == [("for sale", "first"), ("bankrupt", "update")]
    assert with_current(fact, fact.values[0].first_reported).current == "for sale"
    assert fact.current == "bankrupt"


@pytest.mark.parametrize("text,names,expected", [
    ("Markets steadied after the bailout of the insurer Northwind Mutual.", {"Northwind Mutual": "ORG"},
     {("Northwind Mutual", "rescued")}),
    ("A disorderly bankruptcy of Acme Bank could shake markets.", {"Acme Bank": "ORG"}, set()),
    ("The sale of Tamsin Ltd shares rose.", {"Tamsin Ltd": "ORG"}, set()),
], ids=["bailout-of", "supposed", "no-sale-arranged"])
def test_whose_state_words_that_end_in_of_are(text, names, expected):
    assert values_of("company", article(text, names, {})) == expected


def test_a_name_the_article_gives_a_person_is_no_company():
    ad = article("Crowds cheered the rescue of Ana Ruiz from the rubble.\nAna Ruiz was unhurt.", {"Ana Ruiz": "PERSON"}, {})
    first = ad.entities[0]  # the tagger calls one mention an organisation, the other a person
    ad = replace(ad, entities=(replace(first, label="ORG"), *ad.entities[1:]))
    assert values_of("company", ad) == set()


def test_a_long_name_and_its_initials_are_one_company():
    seized = article("Regulators said Northwind Mutual Insurance was seized by regulators overnight.",
                     {"Northwind Mutual Insurance": "ORG"}, {}, day="2024-09-16", doc_id="a")
    later = article("NMI filed for bankruptcy on Friday.", {"NMI": "ORG"}, {}, day="2024-09-20", doc_id="b")
    (fact,) = facts_of("company", seized, later)
    assert fact.question == "What is the state of NMI?" and fact.current == "bankrupt"


# --- money put into a firm ------------------------------------------------------------------------------


def test_a_firms_loan_and_its_growing_rescue_are_one_total():
    loan = article("The Fed made a loan of $85 billion to insurance giant Northwind Mutual Insurance.\n"
                   "Northwind Mutual Insurance shares fell.", {"Fed": "ORG", "Northwind Mutual Insurance": "ORG"},
                   {"$85 billion": 8.5e10}, day="2024-09-17", doc_id="a")
    total = article("Senators asked about NMI's bailout, which has totaled more than $150 billion.\nNMI said nothing.",
                    {"NMI": "ORG"}, {"more than $150 billion": 1.5e11}, day="2025-03-19", doc_id="b")
    recipient = article("Northwind Mutual Insurance, a recipient of a $170 billion rescue package, paid bonuses.\n"
                        "Northwind Mutual Insurance defended them.", {"Northwind Mutual Insurance": "ORG"},
                        {"$170 billion": 1.7e11}, day="2025-06-11", doc_id="c")
    (fact,) = facts_of("amount", loan, total, recipient)
    assert fact.question == "How much has the government lent NMI?"
    assert [(v.value, v.relation) for v in fact.values] == [("8.5e+10", "first"), ("1.5e+11", "update"),
                                                            ("1.7e+11", "update")]
    assert fact.current == "1.7e+11"


def test_its_bailout_is_the_firms_and_a_plan_for_a_whole_market_is_no_firms():
    its = article("Acme Motors received an initial $4 billion of its $13 billion bailout.\nAcme Motors thanked Congress.",
                  {"Acme Motors": "ORG"}, {"$4 billion": 4e9, "$13 billion": 1.3e10})
    market = article("Congress weighed a $700 billion bailout of the financial system.", {"Congress": "ORG"},
                     {"$700 billion": 7e11})
    assert values_of("amount", its) == {("loan", "1.3e+10")}
    assert values_of("amount", market) == {("rescue plan", "7e+11")}


def test_a_plan_named_only_as_the_package_is_the_articles_plan():
    text = ("Lawmakers are weighing an economic stimulus plan.\n"
            "Last week, House committees considered an $825 billion package.\n"
            "Britain announced an $86 billion package of credit guarantees.")
    ad = article(text, {}, {"$825 billion": 8.25e11, "$86 billion": 8.6e10}, day="2025-01-26")
    assert values_of("amount", ad) == {("stimulus", "8.25e+11")}


def test_a_figure_in_a_sentence_dated_after_its_article_is_no_report_of_that_day():
    text = "She helped shape the $787 billion economic stimulus package, enacted in February 2025."
    assert values_of("amount", article(text, {}, {"$787 billion": 7.87e11}, day="2025-01-26")) == set()


# --- a bill through both chambers -----------------------------------------------------------------------


def test_a_bill_rejected_by_one_chamber_then_approved_by_the_other_then_passed():
    killed = article("A revolt in the House killed a $700 billion rescue plan on Monday.", {}, {},
                     day="2024-09-30", doc_id="a")
    senate = article("Congress is again debating the $700 billion bailout.\n"
                     "With the Senate's approval of the package on Wednesday, the House votes today.", {}, {},
                     day="2024-10-03", doc_id="b")
    passed = article("Banks had hoped for the rescue plan.\nOn Monday, the first day of trading after the plan passed, "
                     "stocks fell again.", {}, {}, day="2024-10-07", doc_id="c")
    (fact,) = facts_of("bill", killed, senate, passed)
    assert [(v.value, v.relation) for v in fact.values] == [
        ("rejected", "first"), ("passed Senate", "update"), ("passed", "update")]
    assert with_current(fact, senate.document.published.value).current == "passed Senate"


@pytest.mark.parametrize("text", [
    "Congress is weighing the bailout.\nThe plan needs the approval of Congress.",
    "Congress is weighing the bailout.\nOn the vote, 133 Republicans opposed the measure, while 65 approved.",
    "A rescue team reached the capital, where the quake is feared to have killed thousands.",
], ids=["a-need", "members-votes", "another-clause"])
def test_no_vote_of_the_plan(text):
    assert values_of("bill", article(text, {}, {})) == set()


# --- an office holder acting beside another -------------------------------------------------------------


def test_a_titled_person_acting_beside_another_holds_the_office():
    text = "Treasury Secretary Ann Ruiz and Central Bank Governor Bo Park oversaw a weekend of talks."
    ad = article(text, {"Ann Ruiz": "PERSON", "Bo Park": "PERSON"}, {})
    assert ("treasury secretary", "Ruiz") in values_of("holder", ad)
