"""Money and rate facts (link/facttypes/amount.py, rate.py) on hand-built articles written for these tests:
bonuses paid to staff, what an estate has earned, whose loan it is, and which reported rates are current."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import amount, rate
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Document, Entity, PublishedDate, Quantity, Sentence


def article(text: str, names: dict[str, str], amounts: dict[str, float], *, day: str = "2024-03-02",
            doc_id: str = "d1", canonical: dict[str, str] | None = None, unit: str = "USD") -> AnnotatedDocument:
    """One sentence per line; `names` maps a name as written to its label; `amounts` a figure as written to
    its value ("more than ..." and "over ..." give a lower bound, as the quantity annotator does)."""
    doc = Document(doc_id, doc_id, text, None, f"Outlet {doc_id}", None, None, "en",
                   PublishedDate(date.fromisoformat(day), "metadata", 1.0, "test"))
    sentences, start = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(start, start + len(line)))
        start += len(line) + 1
    entities = [Entity(name, label, (canonical or {}).get(name, name), i, i + len(name))
                for name, label in names.items() for i in _all(text, name)]
    quantities = [Quantity(written, value, False, None, i, i + len(written), unit=unit,
                           lower=value if written.startswith(("more than", "over")) else None)
                  for written, value in amounts.items() for i in _all(text, written)]
    return AnnotatedDocument(doc, sentences=tuple(sentences), entities=tuple(sorted(entities, key=lambda e: e.start)),
                             quantities=tuple(sorted(quantities, key=lambda q: q.start)))


def _all(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        if not (text[at - 1:at].isalnum() or text[at + len(part):at + len(part) + 1].isalnum()):
            found.append(at)
        at = text.find(part, at + 1)
    return found


def observed(annotated: AnnotatedDocument, kind=amount.TYPE) -> list[Observation]:
    doc = annotated.document
    return list(kind.observe(annotated, Source(doc.id, doc.outlet, doc.published.value)))


def facts(*articles: AnnotatedDocument, kind=amount.TYPE):
    return [f for f in build_facts("s", [o for a in articles for o in observed(a, kind)]) if f.type == kind.name]


# --- bonuses ---------------------------------------------------------------------------------------


def test_a_payment_to_staff_in_an_article_about_bonuses_is_the_bonuses_and_initials_meet_the_long_name():
    first = article("Lawmakers asked about the bonuses at Northwind Mutual Insurance.\n"
                    "NMI said it would pay $120 million by March 15 to employees of its trading unit.",
                    {"Northwind Mutual Insurance": "ORG", "NMI": "ORG"}, {"$120 million": 1.2e8}, doc_id="a")
    second = article("Lawmakers voiced outrage over $120 million in bonuses Northwind Mutual Insurance paid its traders.\n"
                     "Northwind Mutual Insurance declined to comment.",
                     {"Northwind Mutual Insurance": "ORG"}, {"over $120 million": 1.2e8}, doc_id="b",
                     day="2024-03-05")
    (fact,) = facts(first, second)
    assert fact.question == "How much was paid in bonuses at NMI?"
    assert [(v.value, v.label) for v in fact.values] == [("1.2e+08", "$120 million")]
    assert [o.bound for o in observed(second)] == [""]  # "anger over $120 million": what the anger is about


def test_a_payment_to_staff_is_no_bonus_where_the_article_never_says_bonus():
    text = "Northwind Mutual said it would pay $120 million to employees who lost their pensions."
    assert observed(article(text, {"Northwind Mutual": "ORG"}, {"$120 million": 1.2e8})) == []


def test_bonuses_are_a_firms_never_a_persons():
    text = ("Senator Ann Roe faced criticism over $45 million in bonuses paid at a unit of the insurer.\n"
            "Ann Roe said she had not read the bill.")
    assert observed(article(text, {"Ann Roe": "PERSON"}, {"over $45 million": 4.5e7})) == []


# --- earnings -------------------------------------------------------------------------------------


def test_an_estate_earns_for_its_late_owner_and_a_lower_later_figure_is_a_rival():
    first = article("Royalties since his death have earned the Marsh estate $600 million, a trade magazine said.\n"
                    "Dale Marsh died in 2019; Dale Marsh's records still sell.",
                    {"Marsh": "PERSON", "Dale Marsh": "PERSON"}, {"$600 million": 6e8},
                    canonical={"Marsh": "Dale Marsh"}, doc_id="a", day="2021-06-01")
    later = article("Dale Marsh had debts of $300m when he died, but his estate has since made more than $150m.\n"
                    "Executors of Dale Marsh's estate spoke in court.",
                    {"Dale Marsh": "PERSON"}, {"$300m": 3e8, "more than $150m": 1.5e8}, doc_id="b",
                    day="2022-09-01")
    again = article("Dale Marsh has made more than $600 million since his death, the magazine estimates.",
                    {"Dale Marsh": "PERSON"}, {"more than $600 million": 6e8}, doc_id="c", day="2021-06-02")
    by_question = {f.question: f for f in facts(first, again, later)}
    earned = by_question["How much has Dale Marsh's estate earned?"]
    assert [(v.value, v.relation) for v in earned.values] == [("6e+08", "first"), ("1.5e+08", "contradict")]
    assert earned.current == "6e+08"  # two reports against one: the lower figure does not displace it
    assert "How much did Dale Marsh owe when he died?" in by_question


@pytest.mark.parametrize("text", [
    "Acme Records made $40 million in the third quarter.",  # a period's earnings: no running total
    "If Acme Records makes $40 million this year, it will expand.",
    "Congress made $40 million available to Acme Records.",
], ids=["quarter", "if", "available"])
def test_no_running_total_of_earnings(text):
    assert observed(article(text, {"Acme Records": "ORG", "Congress": "ORG"}, {"$40 million": 4e7})) == []


# --- whose loan or debt ------------------------------------------------------------------------------


@pytest.mark.parametrize("text,names,written", [
    (("As markets fell the Kremlin offered $40 billion in emergency loans to the country's banks.\n"
     "The Kremlin said more would follow."), {"Kremlin": "ORG"}, "$40 billion"),
    (("The regulator agreed to limit Harbor Bank's losses on a $90 billion portfolio of troubled loans.\n"
     "Harbor Bank shares rose."), {"Harbor Bank": "ORG"}, "$90 billion"),
    (("By 2026, $1 trillion of office debt will come due, and like Granite Realty, many owners cannot repay.\n"
     "Granite Realty filed for protection."), {"Granite Realty": "ORG"}, "$1 trillion"),
], ids=["lender", "portfolio", "comparison"])
def test_a_lender_a_portfolio_or_a_comparison_owns_no_loan(text, names, written):
    assert observed(article(text, names, {written: 1e9})) == []


# --- rates --------------------------------------------------------------------------------------------


def rates(text: str, *, day: str = "2009-01-17", names: dict[str, str] | None = None) -> list[tuple[str, str]]:
    figures = {w: float(w.split()[0]) for w in ("10 percent", "7.2 percent", "6.1 percent", "1 percent", "4 percent")}
    ad = article(text, names or {}, figures, day=day, unit="%")
    return [(o.topic, o.value) for o in observed(ad, rate.TYPE)]


def test_the_national_average_beside_a_local_rate_is_the_countrys():
    text = "Riverbend's unemployment rate has climbed to 10 percent, well above the national average of 7.2 percent."
    assert rates(text, names={"Riverbend": "GPE"}) == [("unemployment rate", "7.2")]


@pytest.mark.parametrize("text", [
    "The hikes were controversial at the time, as the unemployment rate climbed above 10 percent.",
    "In the 1980s the unemployment rate reached 10 percent.",
], ids=["at-the-time", "decade"])
def test_a_rate_of_a_past_era_is_no_current_report(text):
    assert rates(text) == []


def test_a_rate_told_inside_an_account_of_earlier_years_is_history_unless_it_says_now():
    past = ("When the bubble burst in 2000, investors lost heavily.\n"
            "The Fed slashed its benchmark interest rate to 1 percent.\n"
            "From 2002 to 2006 house prices soared.")
    now = past.replace("The Fed slashed", "Now the Fed has cut")
    assert rates(past, day="2008-09-21", names={"Fed": "ORG"}) == []
    assert rates(now, day="2008-09-21", names={"Fed": "ORG"}) == [("interest rate", "1")]


def test_a_year_a_figure_is_compared_with_dates_no_account():
    text = ("The rate is the highest since October 2006.\n"
            "In August, unemployment stood at 6.1 percent.\n"
            "It was 4 percent in 2001, before the attacks of Sept. 11, 2001.")
    assert rates(text, day="2008-10-03") == [("unemployment rate", "6.1")]
