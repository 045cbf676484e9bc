"""The non-count fact types on hand-built articles: how their questions read, what they leave out, their
canonical values (plans, offices, rates, measures, statuses, a death's findings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import Quantity
from tests.test_facttypes import article, claim, entity


def _plan(text: str, subject: str, obj: str | None, predicate: str, klass: str, time: str, *,
          day: str = "2024-05-01", entities=()) -> list:
    c = replace(claim(text, subject, predicate, obj, modality="planned"), predicate_class=klass, time=time,
                time_role="deadline")
    return [o for o in observe(article(text, day=day, claims=[c], entities=entities)) if o.ask == "when"]


PLANS = [
    ("a leaving verb takes its subject", "Hundreds of U.S. troops may depart Iraq by September 2025.",
     "Hundreds of U.S. troops", "Iraq", "depart", "When will the U.S. troops leave?"),
    ("leading quantifier dropped", "All U.S. forces will leave by September 2025.", "All U.S. forces", None,
     "leave", "When will the U.S. forces leave?"),
    ("a thing ends", "The coalition will conclude the international mission in Iraq by September 2025.",
     "The coalition", "the international mission in Iraq", "conclude",
     "When will the international mission in Iraq end?"),
]


@pytest.mark.parametrize("name,text,subject,obj,predicate,question", PLANS, ids=[p[0] for p in PLANS])
def test_plan_question_reads_well(name, text, subject, obj, predicate, question):
    people = [entity("Iraq", text, "GPE")] if "Iraq" in text else []
    (fact,) = build_facts("s", _plan(text, subject, obj, predicate, "end", "2025-09", entities=people))
    assert fact.question == question


def test_a_plan_long_before_its_article_is_history():
    text = "It will end in 1800."
    assert _plan(text, "It", None, "end", "end", "1800", day="2008-10-01") == []


def test_a_plan_with_a_pronoun_subject_asks_nothing():
    text = "It will end by September 2025."
    observations = _plan(text, "It", None, "end", "end", "2025-09")
    assert observations and build_facts("s", observations) == []


def test_rate_needs_a_current_figure():
    text = "The U.S. unemployment rate rose to 7.2 percent, and analysts predict it could reach 9 percent."
    figures = [Quantity(t, v, False, None, text.index(t), text.index(t) + len(t), unit="%")
               for t, v in (("7.2 percent", 7.2), ("9 percent", 9.0))]
    found = [o for o in observe(article(text, quantities=figures, entities=[entity("U.S.", text, "GPE",
                                                                                    "United States")]))
             if o.ask == "rate"]
    assert [(o.topic, o.place, o.value) for o in found] == [("unemployment rate", "United States", "7.2")]
    assert build_facts("s", found)[0].question == "What is the US unemployment rate?"


def test_the_next_release_of_a_rate_updates_it():
    """Two days after one figure, another: a rate's next release, not a rival report."""
    observations = []
    for i, (day, figure) in enumerate([("2009-01-09", 7.2), ("2009-01-11", 7.6)]):
        text = f"The unemployment rate stands at {figure} percent."
        q = Quantity(f"{figure} percent", figure, False, None, text.index(str(figure)),
                     text.index(str(figure)) + len(f"{figure} percent"), unit="%")
        observations += [o for o in observe(article(text, day=day, doc_id=f"d{i}", quantities=[q])) if o.ask == "rate"]
    (fact,) = build_facts("s", observations)
    assert [v.relation for v in fact.values] == ["first", "update"] and fact.current == "7.6"


@pytest.mark.parametrize("text,place", [
    ("The Bank of England cut its interest rate to 2 percent on Thursday.", "Bank of England"),
    ("The Fed held its benchmark interest rate at 1 percent.", "Federal Reserve"),
    ("Banks raised interest rates to 2 percent.", None),
], ids=["bank", "short name", "no bank"])
def test_an_interest_rate_is_a_central_bank_s(text, place):
    figure = "2 percent" if "2 percent" in text else "1 percent"
    q = Quantity(figure, float(figure[0]), False, None, text.index(figure), text.index(figure) + len(figure), unit="%")
    found = [o.place for o in observe(article(text, quantities=[q])) if o.ask == "rate"]
    assert found == ([place] if place else [])


def test_a_local_rate_is_left_out():
    text = "Riverside's unemployment rate has zoomed to 10 percent."
    q = Quantity("10 percent", 10.0, False, None, text.index("10"), text.index("10") + 10, unit="%")
    assert [o for o in observe(article(text, quantities=[q])) if o.ask == "rate"] == []


def test_measure_value_is_canonical():
    text = "The United States declared a public health emergency on Sunday."
    found = [o for o in observe(article(text, entities=[entity("United States", text, "GPE")]))
             if o.ask == "measure"]
    (fact,) = build_facts("s", found)
    assert (fact.question, fact.current, fact.values[0].label) == (
        "Is a public health emergency in force in the United States?", "declared", "declared")


def test_office_scope_from_a_possessive_country():
    text = "Mexico's Health Minister Jose Angel Cordova said on Monday that cases had fallen."
    people = [entity("Jose Angel Cordova", text, "PERSON"), entity("Mexico", text, "GPE")]
    (o,) = [o for o in observe(article(text, entities=people)) if o.ask == "holder"]
    assert o.place == "Mexico"


def test_a_death_alone_is_no_status_question():
    text = "Ann Fell died at her home on Sunday."
    c = claim(text, "Ann Fell", "die")
    found = [o for o in observe(article(text, claims=[c], entities=[entity("Ann Fell", text, "PERSON")]))
             if o.ask == "status"]
    assert [o.value for o in found] == ["dead"] and build_facts("s", found) == []


def test_a_pooled_cause_of_death_asks_nothing():
    texts = ["At least 20 people have died of the flu, officials said.", "Some 26 people have died of the virus."]
    found = [o for i, t in enumerate(texts) for o in observe(article(t, doc_id=f"d{i}")) if o.ask == "cause"]
    assert found and build_facts("s", found) == []


def test_the_rest_of_a_force_takes_its_owner_and_the_words_of_its_day():
    """ "U.S. troops may depart Kenya by September 2025, with the remaining forces to leave by the end of
    2026": the second plan is the remaining U.S. forces', and its day keeps "the end of"."""
    from dateline.annotate.pipeline import annotate
    from dateline.model import Document, PublishedDate

    text = ("Under the draft plan, most U.S. troops may depart Kenya by September 2025, with the remaining "
            "forces scheduled to leave by the end of 2026, officials said.")
    doc = Document("d1", "d1", text, None, "Wire", None, None, "en",
                   PublishedDate(date(2024, 9, 6), "metadata", 1.0, "test"))
    (annotated,) = annotate([doc])
    facts = build_facts("s", [o for o in observe(annotated) if o.ask == "when"])
    asked = {f.question: f.values[-1].label for f in facts}
    assert asked.get("When will the remaining U.S. forces leave Kenya?") == "by the end of 2026", asked


def test_a_deployment_s_new_total_is_its_answer_not_the_troops_added():
    """ "Another 4,000 ..., raising the number of US troops there to about 16,000": the deployment's newest
    answer is the total; the 4,000 added is part of it, neither its answer nor a rival."""
    from dateline.annotate.pipeline import annotate
    from dateline.link.current import with_current
    from dateline.model import Document, PublishedDate

    texts = ["The United States will send up to 10,000 troops to Kenya, officials said.",
             "The United States is sending another 4,000 sailors and marines to Kenya, raising the number of US "
             "troops there to about 16,000."]
    docs = [Document(f"d{i}", f"d{i}", t, None, f"Wire {i}", None, None, "en",
                     PublishedDate(date(2010, 1, 18 + i), "metadata", 1.0, "test")) for i, t in enumerate(texts)]
    observations = [o for a in annotate(docs) for o in observe(a) if o.ask == "count"]
    (fact,) = [f for f in build_facts("s", observations) if f.question == "How many US troops will be sent to Kenya?"]
    assert [v.label for v in fact.values] == ["at most 10,000", "4,000 more", "about 16,000 in all"]
    known = with_current(fact, date(2010, 1, 20))
    assert known.current == "16000" and not known.disputed
