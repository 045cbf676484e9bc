"""Topics: stories grouped by subject (link/topics.py), one fact across a topic's stories, and the
views and commands that cover a topic."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.link.stories import document_terms
from dateline.link.topics import (
    StoryProfile,
    TopicRules,
    fact_key,
    group_stories,
    merge_facts,
    place_stories,
    topic_id_for,
)
from dateline.model import Citation, Fact, FactValue

# Short strands of two subjects, written for these tests; the words are what a linker sees.
FLU = [
    "Swine flu cases rose as the virus spread to schools; health officials urged vaccination and masks.",
    "The World Health Organization raised its pandemic alert as swine flu infections climbed worldwide.",
    "Schools closed after pupils caught the flu virus; officials stocked antiviral drugs and vaccine.",
    "A vaccine against the pandemic flu virus will reach clinics in autumn, health officials said.",
]
BANKS = [
    "Banks cut lending as the credit crisis deepened; the central bank lowered interest rates again.",
    "Lawmakers approved a bank bailout as markets fell and credit froze across the financial system.",
    "The central bank pumped money into markets as lenders hoarded cash in the credit crisis.",
    "Investors fled bank shares as the financial crisis spread and the bailout stalled in Congress.",
]


def profile(story: str, texts: list[str], size: int, first: str, last: str) -> StoryProfile:
    terms: dict[str, float] = {}
    for text in texts:
        for term, weight in document_terms(text, ()).items():
            terms[term] = terms.get(term, 0.0) + weight
    return StoryProfile(story, terms, size, (date.fromisoformat(first), date.fromisoformat(last)))


def strands() -> list[StoryProfile]:
    return [
        profile("flu-main", FLU, 120, "2009-04-20", "2009-06-30"),
        profile("flu-schools", FLU[2:3] + FLU[0:1], 6, "2009-05-10", "2009-05-20"),
        profile("flu-vaccine", FLU[3:], 2, "2009-06-01", "2009-06-02"),
        profile("banks-main", BANKS, 90, "2009-03-01", "2009-06-30"),
        profile("banks-bailout", BANKS[1:2] + BANKS[3:], 4, "2009-05-01", "2009-05-09"),
    ]


def test_strands_of_one_subject_share_a_topic_and_subjects_stay_apart():
    topic = group_stories(strands())
    assert topic["flu-schools"] == topic["flu-vaccine"] == topic["flu-main"]
    assert topic["banks-bailout"] == topic["banks-main"]
    assert topic["flu-main"] != topic["banks-main"]
    assert topic["flu-main"] == topic_id_for("flu-main")  # the largest story founds the topic


def test_a_story_far_in_time_from_every_story_of_a_topic_starts_its_own():
    late = profile("flu-next-year", FLU[:2], 3, "2011-01-05", "2011-01-09")
    topic = group_stories([*strands(), late])
    assert topic["flu-next-year"] != topic["flu-main"]
    assert group_stories([*strands(), late], TopicRules(grace_days=1000))["flu-next-year"] == topic["flu-main"]


def test_larger_strands_need_more_similarity_than_single_articles():
    rules = TopicRules(join=0.05, size_slope=1.0)
    assert rules.needed(1, 500) == pytest.approx(0.05)
    assert rules.needed(100, 500) == pytest.approx(0.15)
    assert rules.needed(100, 10) == rules.needed(10, 100)


def test_a_new_story_is_placed_into_the_stored_topics():
    profiles = strands()
    stored = {"topic-flu": ["flu-main", "flu-schools"], "topic-banks": ["banks-main"]}
    placed = place_stories(profiles, stored, ["flu-vaccine", "banks-bailout"])
    assert placed == {"flu-vaccine": "topic-flu", "banks-bailout": "topic-banks"}


# --- one fact across a topic's stories --------------------------------------------------------------


def value(amount: str, story_doc: str, day: str, relation: str = "first", outlet: str = "Reuters") -> FactValue:
    published = date.fromisoformat(day)
    cite = Citation(story_doc, 0, 10, f"{amount} people have died", outlet, published)
    return FactValue(amount, "quantity", (story_doc,), (outlet,), published, relation, label=amount,
                     citations=(cite,), source_keys=(f"outlet:{outlet}",), strong=True)


def fact(story: str, question: str, *values: FactValue) -> Fact:
    return Fact(f"fact-{story}", story, question, tuple(values), values[-1].value, type="count", cumulative=True)


def test_the_same_question_in_two_stories_is_one_fact_with_the_newest_toll_current():
    early = fact("story-a", "How many people have died of swine flu in Mexico?",
                 value("7", "doc-1", "2009-04-24"), value("20", "doc-2", "2009-04-26", "update"))
    later = fact("story-b", "How many people have died of swine flu in  mexico?",
                 value("150", "doc-9", "2009-05-10", outlet="AP"))
    other = fact("story-b", "How many people were infected in Spain?", value("40", "doc-9", "2009-05-10"))
    merged = merge_facts([early, later, other], "topic-x")
    assert len(merged) == 2
    toll = next(f for f in merged if fact_key(f) == fact_key(early))
    assert toll.story == "topic-x" and toll.id != early.id
    assert [v.value for v in toll.values] == ["7", "20", "150"]
    assert toll.values[-1].relation == "update"  # a later story's figure updates the earlier story's
    assert toll.current == "150"
    assert next(f for f in merged if f.question.endswith("Spain?")) == other  # one story's fact stays as it is


def test_a_value_both_stories_report_is_one_value_with_both_sources():
    a = fact("story-a", "How many people have died?", value("20", "doc-1", "2009-04-26"))
    b = fact("story-b", "How many people have died?", value("20", "doc-7", "2009-04-27", outlet="AP"))
    (merged,) = merge_facts([a, b], "topic-x")
    (only,) = merged.values
    assert only.documents == ("doc-1", "doc-7")
    assert only.independent == 2 and only.relation == "first"


# --- a store, the commands and the views --------------------------------------------------------------


@pytest.fixture()
def grouped_db(example_db, tmp_path):
    """The example store, copied, with its stories grouped into topics by `restory`."""
    from dateline.store import Store

    path = tmp_path / "example.db"
    shutil.copy(example_db, path)
    with Store(path) as store:
        if not store.has_topics():
            pytest.skip("the schema has no migration 0015_topics yet")
    result = CliRunner().invoke(app, ["restory", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "topics" in result.output
    return path


def test_stories_lists_every_story_with_its_topic(grouped_db):
    result = CliRunner().invoke(app, ["stories", "--db", str(grouped_db), "--json"])
    listed = json.loads(result.output)
    assert listed and all(s["topic"] is None or s["topic"].startswith("topic-") for s in listed)
    text = CliRunner().invoke(app, ["stories", "--db", str(grouped_db)]).output
    assert "topic / story" in text


def test_the_views_cover_the_largest_topic_by_default(grouped_db):
    from dateline.store import Store
    from dateline.views.brief import brief
    from dateline.views.diff import diff
    from dateline.views.stories import resolve_story, scope_facts
    from dateline.views.timeline import story_timeline

    with Store(grouped_db) as store:
        largest = store.topics()[0]
        scope = resolve_story(store, None)
        assert set(scope.documents) == set(largest.documents)
        assert resolve_story(store, largest.id).documents == scope.documents  # a topic id names it too
        b = brief(store)
        assert b.documents == len(largest.documents)
        facts = scope_facts(store, scope)
        assert len({fact_key(f) for f in facts}) == len(facts)  # one fact per question across the stories
        assert story_timeline(store).entries
        assert diff(store, since=date(2024, 1, 1)).story == scope.id
