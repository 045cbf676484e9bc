"""Incremental story grouping on hand-written texts."""

import pytest

from dateline.link.stories import assign, cosine, document_terms, merge

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
