"""Tests for dateline.ingest.dedupe: near-duplicate articles found, unrelated ones not."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dateline.ingest.dedupe import near_duplicates, shingle_set

WIRE = (
    "Negotiators from the two provinces agreed late on Tuesday to share the river's water through a new "
    "joint commission, ending a dispute that had closed three irrigation canals since the spring. The "
    "commission will meet every month and publish its allocation figures, according to the signed text. "
    "Farmers' groups on both sides welcomed the deal but said they would watch whether the canals really "
    "reopen before the planting season begins in March. A mediator who attended the talks said the final "
    "obstacle had been a disagreement over who pays for repairs to the main sluice gate."
)
REWRITE = WIRE.replace("late on Tuesday", "on Tuesday night").replace(
    "Farmers' groups", "Farmer associations") + " The provincial governors are expected to sign the deal next week."
UNRELATED = (
    "The city's oldest cinema will close at the end of the year after its owners failed to find a buyer, "
    "ending almost a century of screenings on the high street. Staff were told of the decision on Friday."
)


@dataclass(frozen=True)
class Doc:
    id: str
    text: str


def test_rewrite_is_found_with_its_similarity():
    [(later, earlier, similarity)] = near_duplicates([Doc("wire", WIRE), Doc("copy", REWRITE), Doc("x", UNRELATED)])
    assert (later, earlier) == ("copy", "wire")
    assert 0.6 <= similarity < 1.0


def test_exact_duplicate_scores_one():
    assert near_duplicates([Doc("a", WIRE), Doc("b", WIRE.upper())]) == [("b", "a", 1.0)]


def test_known_documents_are_compared_but_not_paired_with_each_other():
    known = [Doc("old", WIRE), Doc("old-copy", WIRE)]
    assert near_duplicates([Doc("new", REWRITE)], known=known) == [
        ("new", "old", near_duplicates([Doc("old", WIRE), Doc("new", REWRITE)])[0][2]),
        ("new", "old-copy", near_duplicates([Doc("old", WIRE), Doc("new", REWRITE)])[0][2]),
    ]


@pytest.mark.parametrize(
    ("threshold", "found"), [(0.95, 0), (0.5, 1)], ids=["strict", "loose"],
)
def test_threshold_decides(threshold, found):
    assert len(near_duplicates([Doc("a", WIRE), Doc("b", REWRITE)], threshold=threshold)) == found


@pytest.mark.parametrize(
    "docs",
    [[], [Doc("a", "")], [Doc("a", WIRE)], [Doc("a", "short text"), Doc("b", "another short text")],
     [Doc("a", WIRE), Doc("a", WIRE)]],
    ids=["none", "empty-text", "single", "short-different", "same-id-twice"],
)
def test_no_pairs(docs):
    assert near_duplicates(docs) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", frozenset()), ("One two", frozenset({"one two"})),
     ("A b c d e f", frozenset({"a b c d e", "b c d e f"}))],
)
def test_shingle_set(text, expected):
    assert shingle_set(text) == expected
