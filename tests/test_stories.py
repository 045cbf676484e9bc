"""Incremental story grouping on hand-written texts."""

from dateline.link.stories import assign, document_terms

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
