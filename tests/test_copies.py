"""Who repeats whom: light rewrites are found, independent wording and one shared quote are not."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.copies import Article, find_reuse
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


def test_a_light_rewrite_repeats_the_earlier_article(articles):
    (reuse,) = find_reuse(articles)
    assert (reuse.copy, reuse.source, reuse.shared, reuse.directed) == ("farm", "wire", 2, True)
    assert reuse.share == pytest.approx(0.5)
    assert REWRITE[1].startswith("The river authority") and reuse.example[0] == len(REWRITE[0]) + 1


def test_one_shared_quote_and_own_wording_are_independent(articles):
    assert not any("paper" in (r.copy, r.source) for r in find_reuse(articles))


def test_same_day_copies_have_no_direction():
    twins = [_article("b-site", 5, WIRE), _article("a-site", 5, WIRE)]
    (reuse,) = find_reuse(twins)
    assert (reuse.copy, reuse.source, reuse.directed) == ("b-site", "a-site", False)


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
    assert "NewsPulse Hub: 1 article(s); 1 repeat Meridian Wire" in copies_md(view)


@pytest.mark.slow
def test_the_kept_view_reads_back_as_computed(example_db):
    from dateline.views.copies import COPIES_VIEW, copies_from_store

    with Store(example_db) as store:
        story = store.stories()[0]
        assert store.story_view(story.id, COPIES_VIEW) is not None  # kept when the story was relinked
        assert build_copies(store) == copies_from_store(store, story.id, story.title)
