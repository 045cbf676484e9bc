"""Incremental story grouping on hand-written texts."""

from datetime import date

import pytest

from dateline.link.stories import (
    StoryIndex,
    assign,
    cosine,
    document_terms,
    merge,
    required_similarity,
    story_spans,
)

IRAQ = "US troops in Iraq will leave the bases as the coalition mission ends, officials in Baghdad said."
IRAQ2 = "The coalition mission in Iraq ends next year and US troops leave Baghdad bases, officials said."
FLOOD = "Heavy rain flooded the river valley, and farmers lost their harvest as the water kept rising."


def test_related_articles_join_and_unrelated_start_a_story():
    signatures: dict = {}
    a = assign("a", document_terms(IRAQ, ["Iraq", "Baghdad"]), signatures)
    b = assign("b", document_terms(IRAQ2, ["Iraq", "Baghdad"]), signatures)
    c = assign("c", document_terms(FLOOD, []), signatures)
    assert a.new_story and not b.new_story and b.story_id == a.story_id
    assert c.new_story and c.story_id != a.story_id


def test_assignment_does_not_recluster_existing_stories():
    signatures: dict = {}
    first = assign("a", document_terms(IRAQ, ["Iraq"]), signatures)
    before = dict(signatures)
    assign("c", document_terms(FLOOD, []), signatures)
    assert signatures[first.story_id] == before[first.story_id]


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ({"x": 1.0}, {"x": 1.0}, 0.99, 1.01),
        ({"x": 1.0}, {"y": 1.0}, -0.01, 0.01),
        ({"x": 0.6, "y": 0.8}, {"x": 1.0}, 0.59, 0.61),
    ],
    ids=["same", "disjoint", "partial"],
)
def test_cosine(a, b, low, high):
    assert low <= cosine(a, b) <= high


def test_merge_keeps_unit_length_and_caps_terms():
    merged = merge({f"w{i}": 1.0 for i in range(400)}, {"new": 5.0})
    assert len(merged) <= 300 and "new" in merged
    assert abs(sum(v * v for v in merged.values()) - 1.0) < 1e-9


QUAKE = "A strong earthquake shook the coastal province, toppling houses and cutting power to thousands."
QUAKE2 = "Aid convoys reached the coastal province days after the earthquake, bringing tents, water and doctors."
TEXTS = [IRAQ, FLOOD, IRAQ2, QUAKE, QUAKE2, FLOOD + " " + QUAKE, IRAQ + " " + FLOOD]


def test_index_chooses_what_a_full_scan_chooses():
    scanned: dict = {}
    index = StoryIndex({})
    for i, text in enumerate(TEXTS):
        terms = document_terms(text, [])
        assert index.assign(f"d{i}", terms) == assign(f"d{i}", terms, scanned)
    assert index.signatures == scanned


def test_index_starts_from_stored_signatures():
    signatures: dict = {}
    first = assign("a", document_terms(IRAQ, ["Iraq"]), signatures)
    index = StoryIndex(signatures)
    assert index.assign("b", document_terms(IRAQ2, ["Iraq"])).story_id == first.story_id
    assert index.assign("c", document_terms(FLOOD, [])).new_story


@pytest.mark.parametrize(
    ("gap", "low", "high"),
    [(None, 0.18, 0.18), (0, 0.18, 0.18), (365, 0.18, 0.18), (730, 0.224, 0.226), (1460, 0.269, 0.271)],
    ids=["undated", "inside", "a-year", "two-years", "four-years"],
)
def test_required_similarity_rises_with_the_gap(gap, low, high):
    assert low <= required_similarity(gap) <= high


@pytest.mark.parametrize(
    ("published", "joins"),
    [(None, True), (date(2020, 6, 1), True), (date(2031, 6, 1), False)],
    ids=["undated", "same-year", "a-decade-later"],
)
def test_time_rule_splits_articles_years_apart(published, joins):
    index = StoryIndex({}, {})
    first = index.assign("a", document_terms(QUAKE, []), date(2020, 5, 1))
    terms = document_terms(QUAKE2, [])
    assert 0.18 < cosine(terms, index.signatures[first.story_id]) < required_similarity(3650)
    assert (index.assign("b", terms, published).story_id == first.story_id) is joins


def test_story_spans():
    pairs = [("s1", date(2020, 3, 1)), ("s1", date(2020, 1, 5)), ("s2", None), (None, date(2020, 1, 1))]
    assert story_spans(pairs) == {"s1": (date(2020, 1, 5), date(2020, 3, 1))}
    index = StoryIndex({"s1": {"x": 1.0}}, story_spans(pairs))
    index.assign("d", {"x": 1.0}, date(2020, 4, 1))
    assert index.spans["s1"] == (date(2020, 1, 5), date(2020, 4, 1))
