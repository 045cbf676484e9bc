"""Who repeats whom: copies and padded rewrites are found; independent wording, shared quotes and
boilerplate repeated across many articles are not."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.copies import Article, find_reuse, furniture
from dateline.store import Store
from dateline.views.copies import build_copies, copies_md

WIRE = [
    "The river authority said on Monday that the northern flood barrier would be raised by at least two metres.",
    "Engineers expect the work to take about four months and to cost roughly twelve million euros in total.",
    "\"We cannot wait for the next storm to test the old wall,\" the authority's director told reporters.",
    "Residents of the lower town have been asking for a higher barrier since the floods of last winter.",
]
REWRITE = [
    "In news that will interest everyone who lives near water, the town is getting a new wall.",
    "The river authority said on Monday that the northern flood barrier will be raised by at least two metres.",
    "Engineers expect the job to take around four months and to cost roughly twelve million euros in total.",
    "Stay tuned to this site for all the latest updates on this developing and very important story.",
]
OWN_WORDS = [
    "A two-metre increase in the height of the northern barrier was announced by river officials this week.",
    "\"We cannot wait for the next storm to test the old wall,\" the authority's director told reporters.",
    "The project, budgeted at about twelve million euros, should be finished before the spring rains arrive.",
]


def _article(doc_id: str, day: int | None, sentences: list[str]) -> Article:
    spans, offset = [], 0
    for text in sentences:
        spans.append((offset, offset + len(text), text))
        offset += len(text) + 1
    return Article(doc_id, date(2025, 3, day) if day else None, tuple(spans))


@pytest.fixture
def articles() -> list[Article]:
    return [
        _article("wire", 3, WIRE),
        _article("farm", 5, REWRITE),
        _article("paper", 5, OWN_WORDS),
    ]


def test_a_padded_light_rewrite_repeats_the_earlier_article(articles):
    (reuse,) = find_reuse(articles)
    assert (reuse.copy, reuse.source, reuse.shared, reuse.directed) == ("farm", "wire", 2, True)
    assert reuse.share == pytest.approx(0.5)
    assert 0.4 < reuse.reused < 0.6 and reuse.added == pytest.approx(1 - reuse.reused)
    assert REWRITE[1].startswith("The river authority") and reuse.example[0] == len(REWRITE[0]) + 1


def test_the_edge_comes_from_the_earliest_source():
    wire, again, late = _article("wire", 3, WIRE), _article("again", 4, WIRE), _article("late", 9, WIRE)
    assert {(r.copy, r.source) for r in find_reuse([wire, again, late])} == {("again", "wire"), ("late", "wire")}


def test_one_shared_quote_and_own_wording_are_independent(articles):
    assert not any("paper" in (r.copy, r.source) for r in find_reuse(articles))


def test_same_day_copies_have_no_direction():
    twins = [_article("b-site", 5, WIRE), _article("a-site", 5, WIRE)]
    (reuse,) = find_reuse(twins)
    assert (reuse.copy, reuse.source, reuse.directed) == ("b-site", "a-site", False)


QUOTES = [
    "\"We cannot wait for the next storm to test the old wall and we will not wait,\" the director said.",
    "\"The barrier will be raised by two metres before the spring rains come to the lower town.\"",
    "Mayor Ana Lind said: \"Residents have asked for this since the floods of last winter and now they have it.",
    "\"It will cost twelve million euros, and every cent of it is needed to keep the town dry.\"",
]


def test_two_articles_sharing_only_quotes_are_independent():
    tv = _article("tv", 3, [*QUOTES, "Officials met reporters at the town hall on a grey Monday morning in March."])
    paper = _article("paper", 4, ["The press conference was short and the questions were mostly about money.", *QUOTES])
    assert find_reuse([tv, paper]) == []


BOILERPLATE = "Views expressed in the comments do not represent those of this site or its owners."


def _story(n: int) -> list[str]:
    return [f"Story {n} tells of event number {n} in the town of Place{n} where things happened today.",
            f"Witnesses of event {n} in Place{n} described what they saw to the reporters on the scene.",
            f"Officials in Place{n} promised a full inquiry into event {n} before the end of the month."]


def test_a_line_repeated_across_many_articles_is_furniture():
    articles = [_article(f"a{n}", n + 1, [*_story(n), BOILERPLATE, "Read more: the latest headlines from the newsroom of this site."])
                for n in range(6)]
    boilerplate = furniture(articles)
    assert "views expressed in the comments do not represent those of this site or its owners" in boilerplate
    assert find_reuse(articles, furniture=boilerplate) == []
    assert find_reuse(articles)  # without the store's furniture, the two lines would link them


def test_a_story_republished_in_many_articles_is_not_furniture():
    copies = [_article(f"site{n}", 3 + n, WIRE) for n in range(5)]
    others = [_article(f"o{n}", 1, _story(n)) for n in range(5)]
    boilerplate = furniture(copies + others)
    assert not boilerplate
    assert {r.source for r in find_reuse(copies, furniture=boilerplate)} == {"site0"}


def test_short_lines_are_not_evidence():
    lines = ["By Staff Reporter", "Updated Monday", "Share this story"]
    assert find_reuse([_article("x", 1, lines), _article("y", 2, lines)]) == []


@pytest.mark.slow
def test_the_example_rewrite_is_found(example_db):
    with Store(example_db) as store:
        view = build_copies(store)
    (link,) = [link for link in view.links if link.directed]
    assert (link.copy_outlet, link.source_outlet) == ("NewsPulse Hub", "Meridian Wire")
    assert view.independent == view.articles - 1
    assert "NewsPulse Hub: 1 article; 1 repeat Meridian Wire" in copies_md(view)


@pytest.mark.slow
def test_the_kept_view_reads_back_as_computed(example_db):
    from dateline.views.copies import COPIES_VIEW, copies_from_store

    with Store(example_db) as store:
        story = store.stories()[0]
        assert store.story_view(story.id, COPIES_VIEW) is not None  # kept when the story was relinked
        assert build_copies(store) == copies_from_store(store, story.id, story.title)
