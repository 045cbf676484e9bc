"""Whose a money amount is (link/facttypes/amount.py), on hand-built articles: the giver of aid, the raiser
of donations, the appealer; a running all-donor total; what is no gift (a debt, a need, a part)."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument
from tests.test_facttypes_amount import article


def questions(*articles: AnnotatedDocument) -> dict[str, list[str]]:
    facts = build_facts("s", [o for a in articles for o in observe(a)])
    return {f.question: [v.value for v in f.values] for f in facts if f.type == "amount"}


OWNED = [
    ("country-offers", "Norland has offered $3m in emergency aid to the islands.", {"Norland": "GPE"}, {"$3m": 3e6},
     "How much aid has Norland pledged?"),
    ("union-nations-pledge", "In Geneva, European Union nations pledged $40m to rebuild the port.",
     {"Geneva": "GPE", "European Union": "ORG"}, {"$40m": 4e7}, "How much aid has the European Union pledged?"),
    ("official-speaks-for-body", "UN relief chief Ana Ruiz launched an appeal for $90m on Friday.",
     {"UN": "ORG", "Ana Ruiz": "PERSON"}, {"$90m": 9e7}, "How much does the United Nations' appeal seek?"),
    ("says-it-will", "UN chief Ana Ruiz says it will launch an appeal for $90m on Friday.",
     {"UN": "ORG", "Ana Ruiz": "PERSON"}, {"$90m": 9e7}, "How much does the United Nations' appeal seek?"),
    ("possessive-appeal", "The Red Cross's $5m appeal opened on Monday.", {"Red Cross": "ORG"}, {"$5m": 5e6},
     "How much does the Red Cross' appeal seek?"),
    ("two-people", "Film stars Ann Lee and Bo Park have pledged $2m to the clinic.",
     {"Ann Lee": "PERSON", "Bo Park": "PERSON"}, {"$2m": 2e6}, "How much aid have Ann Lee and Bo Park pledged?"),
    ("singer-raised", "The singer Cal Dorn is also said to have raised more than $4m for the relief effort.",
     {"Cal Dorn": "PERSON"}, {"more than $4m": 4e6}, "How much has Cal Dorn raised?"),
    ("telethon-organisers", 'Organisers of the "Light the Coast" telethon said it raised more than $20m for relief.',
     {}, {"more than $20m": 2e7}, "How much has the Light the Coast telethon raised?"),
]


@pytest.mark.parametrize("name,text,names,amounts,question", OWNED, ids=[c[0] for c in OWNED])
def test_the_giver_is_the_subject_of_giving(name, text, names, amounts, question):
    canonical = {"UN": "United Nations"}
    assert list(questions(article(text, names, amounts, canonical=canonical))) == [question]


def test_a_running_total_of_every_donor_is_its_own_question():
    text = ("Officials said a total of $120m in international aid had been pledged so far.\n"
            "Norland has pledged $30m in aid.")
    asked = questions(article(text, {"Norland": "GPE"}, {"$120m": 1.2e8, "$30m": 3e7}))
    assert asked == {"How much aid has been pledged in all?": ["1.2e+08"], "How much aid has Norland pledged?": ["3e+07"]}


def test_totals_that_rise_update_and_givers_never_mix():
    first = article("A total of $120m has been pledged for the relief effort.", {}, {"$120m": 1.2e8},
                    day="2024-03-02", doc_id="a")
    later = article("Donors have pledged $200m in aid, the agency said.\nThe telethon's $9m was raised in one night.",
                    {}, {"$200m": 2e8, "$9m": 9e6}, day="2024-03-05", doc_id="b")
    facts = [f for f in build_facts("s", [*observe(first), *observe(later)]) if f.type == "amount"]
    assert [(f.question, f.current, [v.relation for v in f.values]) for f in facts] == [
        ("How much aid has been pledged in all?", "2e+08", ["first", "update"])]


NOT_GIVEN = [
    ("a-debt", "Aid groups urged lenders to cancel the island's debts, put at about $900m.", {}, {"$900m": 9e8}),
    ("a-need", "Mr Ode estimates that annual donations of $2bn will be required to rebuild.", {"Ode": "PERSON"},
     {"$2bn": 2e9}),
    ("a-cost", "The Kestrel Fund says aid flights will cost $30m.", {"Kestrel Fund": "ORG"}, {"$30m": 3e7}),
    ("no-giver", "At least $50m will be dedicated to rebuilding schools with aid.", {}, {"$50m": 5e7}),
    ("pronoun-no-giver", "It has announced an extra $100m in emergency aid for the islands.", {}, {"$100m": 1e8}),
    ("place-is-no-giver", "Phone users in Norland have given $8m to relief through text messages.",
     {"Norland": "GPE"}, {"$8m": 8e6}),
    ("a-part", "The Red Cross received more than $35m in donations, including $8m from texts.",
     {"Red Cross": "ORG"}, {"$8m": 8e6}),
    ("conversion", "Norland has offered 3m euros ($4m) in aid.", {"Norland": "GPE"}, {"$4m": 4e6}),
]


@pytest.mark.parametrize("name,text,names,amounts", NOT_GIVEN, ids=[c[0] for c in NOT_GIVEN])
def test_what_is_no_gift_or_has_no_giver_is_left_out(name, text, names, amounts):
    assert questions(article(text, names, amounts)) == {}


def test_raised_is_a_donation_not_aid():
    text = "The singer Cal Dorn raised $3m for the aid effort."
    assert list(questions(article(text, {"Cal Dorn": "PERSON"}, {"$3m": 3e6}))) == ["How much has Cal Dorn raised?"]


PARTS = [
    ("remaining", "Officials will spend the remaining $350 billion of the rescue program.", {"$350 billion": 3.5e11}),
    ("of-its-whole", "Acme received an initial $4 billion of its $13 billion bailout.", {"$4 billion": 4e9}),
    ("more", "The bank lent $115 billion more to rescue two firms.", {"$115 billion": 1.15e11}),
    ("and-counting", "The rescue program has spent $250 billion and counting.", {"$250 billion": 2.5e11}),
    ("earlier-era", "The $150 billion stimulus program earlier this year did little.", {"$150 billion": 1.5e11}),
]


@pytest.mark.parametrize("name,text,amounts", PARTS, ids=[c[0] for c in PARTS])
def test_a_part_or_another_era_is_not_the_plan(name, text, amounts):
    assert questions(article(text, {"Acme": "ORG"}, amounts)) == {}


def test_the_final_bill_updates_an_earlier_figure_and_is_not_absorbed_by_a_round_one():
    early = article("Lawmakers weighed a stimulus package of nearly $900 billion.", {}, {"nearly $900 billion": 9e11},
                    day="2024-02-02", doc_id="a")
    final = article("Congress approved a $870 billion stimulus package.", {"Congress": "ORG"},
                    {"$870 billion": 8.7e11}, day="2024-02-14", doc_id="b")
    (fact,) = [f for f in build_facts("s", [*observe(early), *observe(final)]) if f.type == "amount"]
    assert fact.question == "How much is the stimulus package worth?"
    assert [(v.value, v.relation) for v in fact.values] == [("9e+11", "first"), ("8.7e+11", "update")]
    assert fact.current == "8.7e+11"


def test_a_country_that_announces_a_plan_owns_it():
    text = "Norland announced a $33 billion economic stimulus plan on Thursday."
    assert list(questions(article(text, {"Norland": "GPE"}, {"$33 billion": 3.3e10}))) == [
        "How much is Norland's stimulus package worth?"]
