"""A plan or a level that is done says so: "the last troops left", "completed its withdrawal", "no troops
remain" are the done value of the plan ("done: left on 11 December 2023") and the none of the level ("none:
all left"), updates that supersede every pending deadline and figure. Articles written here, run through the
English pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.annotate.pipeline import annotate
from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe, plan
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Citation, Document, Fact, PublishedDate, role_of_label
from tests.news import news_documents

DAY = date(2024, 3, 14)  # a Thursday: "on Tuesday" is 2024-03-12

WORDING = [
    ("the last troops left a country", "The last French soldiers left Chad on Tuesday, officials said.",
     ("left", "Chad", False, "2024-03-12", True)),
    ("a withdrawal completed, no day: the article's",
     "Britain has completed its withdrawal from Iraq, the defence ministry said.",
     ("left", "Iraq", False, "2024-03-14", False)),
    ("a passive completion", "The withdrawal of German forces from Mali was completed on Saturday.",
     ("left", "Mali", False, "2024-03-09", True)),
    ("a thing ended", "The peacekeeping mission officially ended on Friday.", ("ended", None, False, "2024-03-08", True)),
    ("none remain", "No British troops remain in the country.", ("left", None, False, "2024-03-14", False)),
    ("the last base handed over", "The army handed over its last remaining base to local forces on Sunday.",
     ("left", None, False, "2024-03-10", True)),
    ("a base left is a site", "All Russian personnel have now left the base.", ("left", None, True, "2024-03-14", False)),
    ("a plan to leave", "The last US troops will leave by December.", None),
    ("a plan to have left", "The last Canadian troops are expected to have left by Friday.", None),
    ("a condition", "Once the last troops have left, the airfield will close.", None),
    ("the first troops", "The first troops left the base on Thursday.", None),
    ("a denial", "The ministry denied that the withdrawal had been completed.", None),
    ("a phase", "The army completed the first phase of its withdrawal on Monday.", None),
    ("left for somewhere", "All the troops left for the border on Monday.", None),
    ("history", "The last British troops left Boston in 1776, historians note.", None),
]


def _documents(name: str, articles: list[tuple[str, str]]) -> list[Document]:
    return news_documents(articles, prefix=f"{name}-")


@pytest.fixture(scope="module")
def sentences() -> dict[str, AnnotatedDocument]:
    docs = [Document(f"w{i}", f"w{i}", text, None, "Wire", None, None, "en",
                     PublishedDate(DAY, "metadata", 1.0, "test")) for i, (_n, text, _e) in enumerate(WORDING)]
    return {a.document.text: a for a in annotate(docs)}


@pytest.mark.parametrize("name,text,expected", WORDING, ids=[w[0] for w in WORDING])
def test_done_wording(sentences, name, text, expected):
    reports = plan.done_reports(sentences[text], Source("w", "Wire", DAY))
    assert [(r.verb, r.place, r.site, r.day, r.stated) for r in reports] == ([expected] if expected else [])


PLANNED = ("The last UN peacekeepers will leave Chad by December 31, the United Nations said on Thursday. "
           "About 12,000 UN peacekeepers are deployed in Chad.")
STORIES = {
    "withdrawal": [
        ("2023-03-02", PLANNED),
        ("2023-06-20", "Some 9,000 UN peacekeepers remain in Chad, a UN spokesman said."),
        ("2023-12-12", "The last UN peacekeepers left Chad on Monday, ending a ten-year mission, a UN spokesman said."),
        ("2023-12-14", ("The United Nations has completed its withdrawal from Chad, officials said. "
                        "No UN peacekeepers remain in the country.")),
    ],
    "no plan": [
        ("2023-03-02", "About 12,000 UN peacekeepers are deployed in Chad."),
        ("2023-12-12", "The last UN peacekeepers left Chad on Monday, a UN spokesman said."),
    ],
    "a base": [
        ("2023-03-02", PLANNED),
        ("2023-07-04", "All UN personnel have now left the base at Abeche, a spokesman said."),
    ],
    "another owner": [
        ("2023-03-02", "The UN mission in Chad will end by December 31, the Security Council said on Thursday."),
        ("2023-05-09", "The British rescue team ended its mission in Chad on Monday."),
    ],
    "an old deadline told later": [
        ("2023-03-02", "The last UN peacekeepers will leave Chad by December 31, the United Nations said on Thursday."),
        ("2023-12-12", "The last UN peacekeepers left Chad on Monday, a UN spokesman said."),
        ("2024-01-10", "The peacekeepers had originally been due to leave Chad by November 30, diplomats said."),
    ],
}


@pytest.fixture(scope="module")
def ledgers() -> dict[str, dict[str, Fact]]:
    docs = [d for name, articles in STORIES.items() for d in _documents(name, articles)]
    observed: dict[str, list[Observation]] = {name: [] for name in STORIES}
    for annotated in annotate(docs):
        observed[annotated.document.id.rsplit("-", 1)[0]] += observe(annotated)
    return {name: {f.question: f for f in build_facts(name, found)} for name, found in observed.items()}


def _current(fact: Fact, day: str | None = None) -> tuple[str | None, str | None]:
    known = with_current(fact, date.fromisoformat(day) if day else None)
    value = next((v for v in known.values if v.value == known.current), None)
    return known.current, value.label if value else None


def test_a_plan_done_supersedes_its_deadline(ledgers):
    fact = ledgers["withdrawal"]["When will the last UN peacekeepers leave Chad?"]
    assert _current(fact, "2023-12-01") == ("2023-12-31", "by 31 December 2023")
    assert _current(fact) == ("2023-12-11", "done: left on 11 December 2023")
    done = fact.values[-1]
    assert done.relation == "update" and not fact.disputed
    assert done.documents == ("withdrawal-2", "withdrawal-3")  # "has completed", no day: agrees with 11 December


def test_a_level_done_is_none(ledgers):
    fact = ledgers["withdrawal"]["How many UN peacekeepers are in Chad?"]
    assert _current(fact, "2023-07-01")[0] == "9000"
    assert _current(fact) == ("0", "none: all left")
    assert fact.values[-1].relation == "update"


def test_a_thing_done_asks_no_question_of_its_own(ledgers):
    assert [q for q in ledgers["no plan"] if q.startswith("When")] == []
    assert _current(ledgers["no plan"]["How many UN peacekeepers are in Chad?"]) == ("0", "none: all left")


def test_a_base_left_is_no_country_done(ledgers):
    facts = ledgers["a base"]
    assert _current(facts["When will the last UN peacekeepers leave Chad?"])[0] == "2023-12-31"
    assert _current(facts["How many UN peacekeepers are in Chad?"])[0] == "12000"


def test_another_owners_mission_ended_closes_no_plan(ledgers):
    fact = ledgers["another owner"]["When will the UN mission in Chad end?"]
    assert _current(fact)[0] == "2023-12-31" and len(fact.values) == 1


def test_an_earlier_deadline_told_after_the_done_is_history(ledgers):
    for fact in ledgers["an old deadline told later"].values():
        if fact.type == "when":
            assert _current(fact) == ("2023-12-11", "done: left on 11 December 2023"), fact.question


def _observation(doc: str, day: str, value: str, label: str, **kw) -> Observation:
    cited = Citation(doc, 0, 10, "a sentence", doc, date.fromisoformat(day))
    return Observation("when", "end", "Chad", "", "date", value, label, Source(doc, doc, date.fromisoformat(day)),
                       cited, subject="the UN peacekeepers", predicate="leave", role=role_of_label(label), **kw)


def test_a_denial_of_a_delay_after_the_done_is_of_the_plan():
    """ "There was never any question of extending the stay", told after the withdrawal: it denies a plan's
    timing, not the thing done."""
    (fact,) = build_facts("s", [
        _observation("a", "2023-03-02", "2023-12-31", "by 31 December 2023"),
        _observation("b", "2023-12-12", "2023-12-11", plan.DONE + "left on 11 December 2023", modality="happened"),
        _observation("c", "2023-12-13", "", "denied", denies=True, speaker="UN spokesman"),
    ])
    assert [(v.value, v.relation) for v in fact.values] == [
        ("2023-12-31", "first"), ("2023-12-11", "update"), ("2023-12-31", "deny")]
    assert fact.current == "2023-12-11"
