"""Appointments in the making (link/facttypes/appointment.py): talks to fill a post, their end, and the ways news
says a person will take one ("has signed on to direct", "will helm"). Articles written here (invented films,
clubs and people), run through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument
from tests.news import annotated_news

DAY = "2024-05-14"

WORDING = [
    # talks for a post: its task, or the role it is to take
    ("in final talks to direct", "Nadia Brooks is in final talks to direct the sequel, Ember Road.",
     {("director", "Ember Road", "Brooks (in talks)")}),
    ("in talks to become", "Omar Haddad is in talks to become head coach of the Lakeside Comets.",
     {("coach", "Lakeside Comets", "Haddad (in talks)")}),
    ("negotiating to helm", "Nadia Brooks is negotiating to helm Ember Road, the studio said on Monday.",
     {("director", "Ember Road", "Brooks (in talks)")}),
    ("pulled out of talks", "Nadia Brooks has pulled out of negotiations to direct the sequel, Ember Road.",
     {("director", "Ember Road", "Brooks (left)")}),
    ("in talks to hire", "The Lakeside Comets are in talks to hire Omar Haddad as head coach.",
     {("coach", "Lakeside Comets", "Haddad (in talks)")}),
    ("in talks to hire someone", "The Lakeside Comets are in talks to hire a new head coach.", set()),
    # a sequel named by what it follows is not that work
    ("a sequel to", "Nadia Brooks is in talks to direct a sequel to Ember Road.",
     {("director", None, "Brooks (in talks)")}),
    # not talks now: told in the past, hedged, denied, or with no post named
    ("talks that were", "Nadia Brooks was in talks to direct the sequel, Ember Road, last month.", set()),
    ("talks that could be", "Nadia Brooks could soon be in talks to direct the sequel, Ember Road.", set()),
    ("no talks", "Nadia Brooks is not in talks to direct the sequel, Ember Road.", set()),
    ("talks with no post", "Nadia Brooks is in talks with the studio about a bigger salary.", set()),
    # taking the post
    ("signed on to direct", "Nadia Brooks has signed on to direct Ember Road.", {("director", "Ember Road", "Brooks")}),
    ("tapped to helm", "Nadia Brooks has been tapped by the studio to helm Ember Road.",
     {("director", "Ember Road", "Brooks")}),
    ("set to direct", "Nadia Brooks is set to direct Ember Road.", {("director", "Ember Road", "Brooks")}),
    ("set to open", "The sequel is set to open in November.", set()),
    ("will helm", "Nadia Brooks will helm Ember Road.", {("director", "Ember Road", "Brooks")}),
    ("will direct the sequel, title", "Nadia Brooks will direct the sequel, Ember Road.",
     {("director", "Ember Road", "Brooks")}),
    ("confirmed after a rumour",
     "Rumored to be the favorite for weeks, the studio has now confirmed that Nadia Brooks will direct Ember Road.",
     {("director", "Ember Road", "Brooks")}),
    ("turned down", "Nadia Brooks will not helm Ember Road, her agent said.",
     {("director", "Ember Road", "Brooks (left)")}),
    # not taken: a confirmation of a hedge, a sign-on denied, a task never done before
    ("confirmed a maybe", "The studio has confirmed that Nadia Brooks could direct Ember Road.", set()),
    ("not signed on", "Nadia Brooks is not signed on as the director of Ember Road.", set()),
    ("never helmed", "Nadia Brooks has not helmed a comedy before.", set()),
]


def _articles(reports: list[tuple[str | None, str]]) -> list[AnnotatedDocument]:
    return annotated_news(reports)


@pytest.fixture(scope="module")
def worded() -> dict[str, AnnotatedDocument]:
    return {a.document.text: a for a in _articles([(DAY, text) for _n, text, _e in WORDING])}


@pytest.mark.parametrize("name,text,expected", WORDING, ids=[w[0] for w in WORDING])
def test_appointment_talks_wording(worded, name, text, expected):
    assert {(o.topic, o.place, o.value) for o in observe(worded[text]) if o.ask == "appointment"} == expected


def _fact(reports: list[tuple[str | None, str]]):
    observations = [o for a in _articles(reports) for o in observe(a) if o.ask == "appointment"]
    [fact] = build_facts("s1", observations)
    return fact


def test_talks_then_a_hiring_the_same_day():
    """Undated news: no day orders them, and a hiring is where talks end."""
    fact = _fact([(None, "Nadia Brooks has been hired to direct Ember Road."),
                  (None, "Nadia Brooks is in final talks to direct the sequel, Ember Road.")])
    assert fact.question == "Who will direct Ember Road?"
    assert fact.current == "Brooks"


def test_talks_left_later_end_them():
    fact = _fact([("2024-05-02", "Nadia Brooks is in final talks to direct the sequel, Ember Road."),
                  ("2024-05-09",
                   "Nadia Brooks has pulled out of negotiations to direct the adaptation of Ember Road.")])
    assert fact.question == "Who will direct Ember Road?"  # no "the" from "the adaptation of Ember Road"
    current = next(v for v in fact.values if v.value == fact.current)
    assert current.label == "Nadia Brooks (left the talks)"


def test_talks_alone_ask_who():
    fact = _fact([(DAY, "Omar Haddad is in talks to become head coach of the Lakeside Comets.")])
    assert fact.question == "Who is the Lakeside Comets' head coach?"
    assert fact.current == "Haddad (in talks)"
