"""Counts (link/facttypes/count.py) on hand-built articles: which counts are facts, of which kind, and where."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument, Document, Entity, PublishedDate, Quantity, Sentence


def article(text: str, quantities, *, day: str = "2010-01-20", doc_id: str = "d1", entities=()) -> AnnotatedDocument:
    doc = Document(doc_id, doc_id, text, None, f"Outlet {doc_id}", None, None, "en",
                   PublishedDate(date.fromisoformat(day), "metadata", 1.0, "test"))
    return AnnotatedDocument(doc, sentences=(Sentence(0, len(text)),), entities=tuple(entities),
                             quantities=tuple(quantities))


def count(text: str, number: str, value: float, counted: str | None, **kw) -> Quantity:
    start = text.index(number)
    return Quantity(number, value, False, counted, start, start + len(number), **kw)


def gpe(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(name, "GPE", name, start, start + len(name))


def counts(text: str, number: str, value: float, counted: str | None, *, day: str = "2010-01-20", places=(), **kw):
    ad = article(text, [count(text, number, value, counted, **kw)], day=day, entities=[gpe(text, p) for p in places])
    return [(o.topic, o.place, o.qualifier) for o in observe(ad) if o.ask == "count"]


KINDS = [
    ("killed", "At least 110,000 people were killed in Haiti.", "110,000", 110000, "people", {"verb": "kill"},
     ("people", "Haiti", "killed")),
    ("homeless", "About 1.5 million people were left homeless.", "1.5 million", 1.5e6, "people",
     {"verb": "leave", "state": "homeless"}, ("people", None, "homeless")),
    ("group-kept", "Thirty-seven UN staff were killed.", "Thirty-seven", 37, "UN staff", {"verb": "kill"},
     ("un staff", None, "killed")),
    ("bodies", "Officials said 75,000 bodies had been buried.", "75,000", 75000, "bodies", {"verb": "bury"},
     ("bodies", None, "bodies")),
    ("rescued-alive", "Teams have pulled 121 people alive from the rubble.", "121", 121, "people", {"verb": "pull"},
     ("people", None, "rescued")),
    ("cases", "Health officials confirmed 403 cases of the flu.", "403", 403, "cases", {"verb": "confirm"},
     ("cases", None, "infected")),
    ("infected-people", "The virus has infected 590 people in Mexico.", "590", 590, "people",
     {"verb": "infect", "where": "Mexico"}, ("cases", "Mexico", "infected")),
    ("jobs", "The carmaker will cut 1,200 jobs.", "1,200", 1200, "jobs", {"verb": "cut"}, ("jobs", None, "jobs")),
    ("troop-level", "About 2,500 US troops are stationed in Iraq.", "2,500", 2500, "US troops",
     {"verb": "station", "where": "Iraq"}, ("us troops", "Iraq", "")),
]


@pytest.mark.parametrize("name,text,number,value,counted,kw,expected", KINDS, ids=[k[0] for k in KINDS])
def test_counts_of_tracked_kinds_are_facts(name, text, number, value, counted, kw, expected):
    assert counts(text, number, value, counted, **kw) == [expected]


NOT_FACTS = [
    ("albums-sold", "His albums sold 31 million copies worldwide.", "31 million", 3.1e7, "copies", {"verb": "sell"}),
    ("allies", "The alliance's 26 NATO allies met in Brussels.", "26", 26, "NATO allies", {}),
    ("witnesses", "The prosecution heard 49 witnesses.", "49", 49, "witnesses", {"verb": "hear"}),
    ("fed", "The agency has fed 2 million people.", "2 million", 2e6, "people", {"verb": "feed"}),
    ("annual-rate", "Seasonal flu kills 250,000 people a year.", "250,000", 250000, "people", {"verb": "kill"}),
    ("projection", "Officials fear that up to 750,000 people could die.", "750,000", 750000, "people",
     {"verb": "die"}),
    ("earlier-event", "The Spanish flu killed 50 million people.", "50 million", 5e7, "people", {"verb": "kill"}),
    ("earlier-year", "The 2004 tsunami killed 230,000 people.", "230,000", 230000, "people", {"verb": "kill"}),
    ("increment", "The CDC reported another 700 cases.", "700", 700, "cases", {"verb": "report"}),
    ("one-flight", "Two C-17 aircraft took off with about 60 personnel.", "60", 60, "troops", {}),
    ("part-of-a-level", "About 1,000 troops are in Niger; 500 of them are being moved.", "500", 500, "troops",
     {"verb": "be"}),
]

# suspected or possible cases are asked apart from the confirmed ones ("How many suspected cases are there ...?")
SUSPECTED = [
    ("suspected-cases", "We are now up to 25 suspected cases in the UK, the minister said.", "25", 25, "cases",
     {"verb": "be"}),
    ("cases-under-investigation", "The agency said 230 possible other cases were under investigation.", "230",
     230, "cases", {"verb": "say"}),
]


@pytest.mark.parametrize("name,text,number,value,counted,kw", SUSPECTED, ids=[n[0] for n in SUSPECTED])
def test_suspected_cases_are_not_the_confirmed_count(name, text, number, value, counted, kw):
    assert [qualifier for _topic, _place, qualifier in counts(text, number, value, counted, **kw)] == [
        "infected suspected"]


@pytest.mark.parametrize("name,text,number,value,counted,kw", NOT_FACTS, ids=[n[0] for n in NOT_FACTS])
def test_counts_of_other_things_times_or_events_are_not_facts(name, text, number, value, counted, kw):
    assert counts(text, number, value, counted, **kw) == []


SCOPES = [
    ("worldwide-word", "There have been 141 deaths globally.", "141", 141, "people", {"state": "dead"}, (),
     "worldwide"),
    ("world-body", "The World Health Organization has confirmed 70,893 cases.", "70,893", 70893, "cases",
     {"verb": "confirm"}, (), "worldwide"),
    ("in-n-countries", "More than 1,000 cases have been reported in 20 countries.", "1,000", 1000, "cases",
     {"verb": "report"}, (), "worldwide"),
    ("reporting-country", "Mexico reported 1,004 confirmed cases.", "1,004", 1004, "cases", {"verb": "report"},
     ("Mexico",), "Mexico"),
    ("list-entry", "Mexico: 26 deaths. United States: 40 confirmed cases.", "40", 40, "cases", {},
     ("Mexico", "United States"), "United States"),
    ("place-after", "WHO said about 60 people in Mexico have died.", "60", 60, "people", {"verb": "die"}, (),
     "Mexico"),
    ("speaker-is-not-place", "US officials said 150,000 people had died.", "150,000", 150000, "people",
     {"verb": "die"}, ("US",), None),
]


@pytest.mark.parametrize("name,text,number,value,counted,kw,places,place", SCOPES, ids=[s[0] for s in SCOPES])
def test_the_scope_comes_from_the_sentence(name, text, number, value, counted, kw, places, place):
    ((_topic, found, _kind),) = counts(text, number, value, counted, places=places, **kw)
    assert found == place


def test_a_level_at_a_base_is_the_base_question_and_the_country_level_is_kept_apart():
    country = "About 1,000 US troops are stationed in Niger."
    base = "Roughly 500 US personnel remain at Agadez after the handover of the base in Niamey."
    facts = build_facts("s", [
        *observe(article(country, [count(country, "1,000", 1000, "US troops", verb="station", where="Niger")])),
        *observe(article(base, [count(base, "500", 500, "US troops", verb="remain", where="Niamey")],
                         doc_id="d2", day="2010-02-01")),
    ])
    assert {f.question: f.current for f in facts} == {"How many US troops are in Niger?": "1000",
                                                       "How many US troops are at Agadez?": "500"}


def test_questions_read_by_kind():
    reports = [("At least 110,000 people were killed in Haiti.", "110,000", 110000, "people",
                {"verb": "kill", "where": "Haiti"}),
               ("Some 4,000 people have been infected in Mexico.", "4,000", 4000, "people",
                {"verb": "infect", "where": "Mexico"}),
               ("Swine flu has now spread to 74 countries.", "74", 74, "countries", {"verb": "spread"}),
               ("The carmaker will cut 1,200 jobs.", "1,200", 1200, "jobs", {"verb": "cut"})]
    observations = [o for i, (text, number, value, counted, kw) in enumerate(reports)
                    for o in observe(article(text, [count(text, number, value, counted, **kw)], doc_id=f"d{i}"))]
    questions = {f.question for f in build_facts("s", observations)}
    assert {"How many people have died in Haiti?", "How many cases have been reported in Mexico?",
            "How many countries have reported cases?"} <= questions
    assert any(q.startswith("How many jobs have been cut") for q in questions)


def test_numbers_in_a_list_count_the_people_of_the_count_before_them():
    text = "Officials say up to 200,000 people have been killed, 250,000 injured and 1.5 million left homeless."
    quantities = [count(text, "200,000", 200000, "people", verb="kill"),
                  count(text, "250,000", 250000, None, verb="injure"),
                  count(text, "1.5 million", 1.5e6, "Gen Smith", verb="injure")]  # a parse's stray noun
    found = {(o.value, o.qualifier) for o in observe(article(text, quantities)) if o.ask == "count"}
    assert found == {("200000", "killed"), ("250000", "injured"), ("1.5e+06", "homeless")}


def test_official_words_after_a_count_confirm_only_their_own_clause():
    text = "There have been 248 deaths linked to the virus in Mexico, with 12 confirmed."
    quantities = [count(text, "248", 248, "deaths", verb="be"), count(text, "12", 12, None)]
    (o,) = [o for o in observe(article(text, quantities)) if o.ask == "count" and o.value == "248"]
    assert not o.strong


def test_people_apprehended_are_arrested_and_no_one_injured_is_no_count():
    """ "apprehended 14 suspects" counts arrests; "No one was injured" counts nobody (it had read as one)."""
    from tests.news import annotated_news

    (caught, nobody) = annotated_news([("2024-01-02", "Police apprehended 14 suspects in Leeds after the riot."),
                                       ("2024-01-02", "No one was injured in Leeds when the roof fell in, police said.")])
    assert [(o.qualifier, o.value) for o in observe(caught) if o.ask == "count"] == [("arrested", "14")]
    assert [o for o in observe(nobody) if o.ask == "count"] == []
