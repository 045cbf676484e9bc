"""Companies (link/facttypes/company.py) and whose money an amount is (amount.py), on hand-built articles."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument, Document, Entity, PublishedDate, Quantity, Sentence


def article(text: str, orgs=(), *, day: str = "2024-09-15", doc_id: str = "d1", people=(),
            quantities=()) -> AnnotatedDocument:
    doc = Document(doc_id, doc_id, text, None, f"Outlet {doc_id}", None, None, "en",
                   PublishedDate(date.fromisoformat(day), "metadata", 1.0, "test"))
    entities = sorted([e for o in orgs for e in _entities(text, o, "ORG")] +
                      [e for p in people for e in _entities(text, p, "PERSON")], key=lambda e: e.start)
    return AnnotatedDocument(doc, sentences=(Sentence(0, len(text)),), entities=tuple(entities),
                             quantities=tuple(quantities))


def _entities(text: str, name: str, label: str) -> list[Entity]:
    """Every mention of the name (an article names its subjects more than once)."""
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return [Entity(name, label, name, start, start + len(name)) for start in starts]


def states(text: str, orgs) -> set[tuple[str, str]]:
    return {(o.topic, o.value) for o in observe(article(text, orgs)) if o.ask == "company"}


STATED = [
    ("filed", "Acme Bank filed for bankruptcy protection on Monday.", ["Acme Bank"], {("Acme Bank", "bankrupt")}),
    ("of-after", "Markets fell after the bankruptcy of Acme Bank.", ["Acme Bank"], {("Acme Bank", "bankrupt")}),
    ("two-joined", "Regulators forced Acme Bank and Zenith Savings to accept a federal takeover.",
     ["Acme Bank", "Zenith Savings"], {("Acme Bank", "taken over by the government"),
                                       ("Zenith Savings", "taken over by the government")}),
    ("nationalised", "The government nationalised Zenith Savings last night.", ["Zenith Savings"],
     {("Zenith Savings", "taken over by the government")}),
    ("bought", "Harbor Group agreed to buy Acme Bank for $2 billion.", ["Harbor Group", "Acme Bank"],
     {("Acme Bank", "bought by Harbor Group")}),
    ("buyer-is-not-bankrupt", "Acme went into the arms of Harbor Group and Zenith into bankruptcy.",
     ["Acme", "Harbor Group", "Zenith"], {("Acme", "bought by Harbor Group"), ("Zenith", "bankrupt")}),
    ("rescued", "Acme Bank was rescued by Harbor Group and a federal loan.", ["Acme Bank", "Harbor Group"],
     {("Acme Bank", "rescued")}),
]


@pytest.mark.parametrize("name,text,orgs,expected", STATED, ids=[s[0] for s in STATED])
def test_a_company_state_is_read_with_its_company(name, text, orgs, expected):
    assert states(text, orgs) == expected


NOT_STATED = [
    ("feared", "Acme Bank is on the brink of bankruptcy.", ["Acme Bank"]),
    ("modal", "Analysts said Acme Bank could file for bankruptcy.", ["Acme Bank"]),
    ("avoided", "Acme Bank avoided bankruptcy with a late deal.", ["Acme Bank"]),
    ("government-body", "The Treasury Department filed for bankruptcy protection.", ["Treasury Department"]),
    ("earlier-year", "Acme Bank went bankrupt in 2001.", ["Acme Bank"]),
    ("of-names-no-company", "Acme Bank shares fell after the bailout of the carmakers.", ["Acme Bank"]),
]


@pytest.mark.parametrize("name,text,orgs", NOT_STATED, ids=[s[0] for s in NOT_STATED])
def test_a_feared_avoided_or_past_state_or_a_government_body_states_nothing(name, text, orgs):
    assert states(text, orgs) == set()


def test_a_bankruptcy_supersedes_a_rescue_and_a_short_name_joins_the_full_one():
    rescue = article("Acme Brothers was rescued by Harbor Group.", ["Acme Brothers", "Harbor Group"],
                     day="2024-09-10", doc_id="a")
    failed = article("Acme filed for bankruptcy on Monday.", ["Acme"], day="2024-09-15", doc_id="b")
    (fact,) = [f for f in build_facts("s", [*observe(rescue), *observe(failed)]) if f.type == "company"]
    assert fact.question == "What is the state of Acme Brothers?"
    assert fact.current == "bankrupt" and [v.relation for v in fact.values] == ["first", "update"]


def _money(text: str, written: str, value: float) -> Quantity:
    start = text.index(written)
    return Quantity(written, value, False, None, start, start + len(written), unit="USD")


@pytest.mark.parametrize("text,orgs,people,written,value,question", [
    ("The Fed made a loan of $85 billion to insurance giant Acme Group.", ["Fed", "Acme Group"], [],
     "$85 billion", 85e9, "How much has the government lent Acme Group?"),
    ("Ann Fell had debts of $400m when she died; Ann Fell's estate pays them.", [], ["Ann Fell"], "$400m", 4e8,
     "How much did Ann Fell owe when she died?"),
], ids=["loan-to", "debts-of"])
def test_a_loan_or_debts_are_asked_of_their_owner(text, orgs, people, written, value, question):
    ad = article(text, orgs, people=people, quantities=[_money(text, written, value)])
    (fact,) = [f for f in build_facts("s", observe(ad)) if f.type == "amount"]
    assert fact.question == question


def test_a_loan_with_no_owner_named_is_no_question():
    text = "There is already talk of $25 billion in federal loans."
    ad = article(text, quantities=[_money(text, "$25 billion", 25e9)])
    assert [o for o in observe(ad) if o.ask == "amount"] == []
