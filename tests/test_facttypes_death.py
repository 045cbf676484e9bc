"""The day a named person died: "When did Ann Fell die?", read from claims that happened, over sentences
written for these tests in the style of obituaries and wire reports."""

from __future__ import annotations

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
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
