"""The day a named person died: "When did Ann Fell die?", read from claims that happened, over sentences
written for these tests in the style of obituaries and wire reports."""

from __future__ import annotations

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument, Document, Entity, PublishedDate, Sentence
from tests.news import annotated_news


def _death_days(reports: list[tuple[str, str]]):
    return build_facts("s", [o for a in annotated_news(reports) for o in observe(a) if o.ask == "died"])


def test_the_day_two_reports_give_is_asked_of_the_person_named():
    """An appositive between the name and the verb, a surname standing for the full name, a relative day."""
    (fact,) = _death_days([
        ("2023-03-10", "Ann Fell, the actress who starred in a dozen stage musicals, died on Thursday in Leeds."),
        ("2023-03-11", "Ann Fell, 88, passed away on 9 March at her home, her agent said."),
    ])
    assert fact.question == "When did Ann Fell die?"
    assert with_current(fact, None).current == "2023-03-09"


def test_one_report_a_future_day_or_a_denial_asks_nothing():
    assert _death_days([("2023-03-10", "Ann Fell died on Thursday in Leeds, her agent said.")]) == []
    assert _death_days([("2023-03-10", "Ann Fell could die on Friday, doctors warned."),
                        ("2023-03-10", "Ann Fell may die within days, her family said.")]) == []
    assert _death_days([("2023-03-10", "Ann Fell did not die on Thursday, her agent said."),
                        ("2023-03-11", "Ann Fell did not die on Thursday, as a website reported.")]) == []


def test_a_count_of_the_dead_is_no_persons_death():
    """ "Forty people died on Monday" names nobody: the count facts hold it."""
    reports = [("2023-03-10", "Forty people died on Monday when the ferry sank, police said."),
               ("2023-03-11", "At least 41 people died on Monday in the sinking, officials said.")]
    assert _death_days(reports) == []


def _causes(reports: list[tuple[str | None, str]]):
    return build_facts("s", [o for a in annotated_news(reports) for o in observe(a) if o.ask == "cause"])


def test_the_cause_after_the_day_is_read_with_the_person_of_the_subject_in_undated_reports():
    """ "died Thursday of pneumonia": the day between the verb and the cause; an appositive between the name
    and the verb; no article dated."""
    (fact,) = _causes([
        (None, "Ann Fell, the actress who starred in a dozen stage musicals, died Thursday of pneumonia."),
        (None, "Ann Fell died late on Thursday of pneumonia in a Leeds hospital, her agent said."),
    ])
    assert fact.question == "What killed Ann Fell?"
    assert with_current(fact, None).current == "pneumonia"


def test_an_age_or_a_pooled_toll_gives_no_cause():
    """ "died at the age of 85" is an age, not a cause; "40 people died Monday of cholera" names nobody."""
    assert _causes([(None, "Ann Fell, the actress, died at the age of 85 in a Leeds hospital."),
                    (None, "Ann Fell died on Thursday at the age of 85, her agent said.")]) == []
    assert _causes([(None, "Forty people died Monday of cholera in the camps, officials said."),
                    (None, "At least 41 people died Monday of cholera, aid workers said.")]) == []


def test_what_struck_a_person_down_is_a_cause_and_the_time_after_it_is_not():
    (fact,) = _causes([
        (None, "Ann Fell died on Sunday in a Leeds hospital after suffering a stroke earlier this month."),
        (None, "Ann Fell died after suffering a stroke nine days ago, her agent said."),
    ])
    assert fact.question == "What killed Ann Fell?"
    assert {v.label for v in fact.values} == {"stroke"}


def test_suffering_for_a_time_is_no_cause():
    assert _causes([(None, "Ann Fell died after suffering for years in silence, her agent said."),
                    (None, "Ann Fell died on Sunday after suffering for months, her family said.")]) == []


def test_a_surname_alone_is_asked_by_the_full_name_its_article_gives():
    """ "Fell died ...": the article's "Ann Fell" (even tagged as an organisation) names her in full; an article
    with no fuller name keeps the surname."""
    def article(doc_id: str, text: str, full_label: str | None) -> AnnotatedDocument:
        doc = Document(doc_id, doc_id, text, None, "Outlet", None, None, "en", PublishedDate.unknown())
        at = text.index("Fell died")
        entities = (Entity("Fell", "PERSON", "Fell", at, at + 4),)
        if full_label:
            entities = (Entity("Ann Fell", full_label, "Ann Fell", 0, 8), *entities)
        return AnnotatedDocument(doc, sentences=(Sentence(0, text.index(".") + 1), Sentence(text.index(".") + 2,
                                                                                              len(text))),
                                 entities=entities)
    text = "Ann Fell, the actress, is dead. Her agent said Fell died after suffering a stroke."
    for label in ("PERSON", "ORG"):
        reports = [article(f"d{i}", text, label) for i in range(2)]
        (fact,) = build_facts("s", [o for a in reports for o in observe(a) if o.ask == "cause"])
        assert fact.question == "What killed Ann Fell?"
    alone = "The actress is dead. Her agent said Fell died after suffering a stroke."
    (fact,) = build_facts("s", [o for i in range(2) for o in observe(article(f"d{i}", alone, None))
                                if o.ask == "cause"])
    assert fact.question == "What killed Fell?"


@pytest.mark.parametrize(("told", "cause"), [
    ("congestive heart failure for which he had been treated for years", "congestive heart failure"),
    ("lung cancer with his wife and sons at his bedside", "lung cancer"),
    ("complications from surgery", "complications from surgery"),
])
def test_a_cause_ends_where_a_preposition_opens_what_follows_it(told, cause):
    from dateline.link.facttypes.death import _cause_phrase

    assert _cause_phrase(told) == cause
