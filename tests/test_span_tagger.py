"""The contextual attribution span tagger on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.annotate import span_tagger

needs_model = pytest.mark.skipif(not span_tagger.available(), reason="embeddings extra or tagger weights missing")
TaggedSpan = span_tagger.TaggedSpan

CASES = [
    ("The mayor said the bridge would reopen in May.", "said", "the bridge would reopen in May"),
    ("Critics blasted the plan.", "blasted", "the plan"),
    ("The ferry company told passengers that all crossings were cancelled.", "told", "all crossings were cancelled"),
    ("The bridge collapsed on Tuesday after two days of heavy rain.", None, None),
    ("Firefighters pulled three people from the river before dawn.", None, None),
]


@pytest.fixture(scope="module")
def tagged():
    return dict(zip((text for text, _, _ in CASES), span_tagger.tag([text for text, _, _ in CASES])))


def _found(text: str, spans, role: str, words: str | None) -> bool:
    hits = [text[s.start : s.end] for s in spans if s.role == role]
    return any(words in hit for hit in hits) if words else not hits


@needs_model
@pytest.mark.parametrize(("text", "cue", "content"), CASES, ids=[c[0][:24] for c in CASES])
def test_cue_and_content(tagged, text, cue, content):
    spans = tagged[text]
    assert _found(text, spans, "cue", cue), spans
    assert _found(text, spans, "content", content), spans


@needs_model
def test_offsets_and_scores_fit_each_text():
    texts = ["A first line with no speech.\n\u200b\nThe minister said on Monday that taxes would rise.", ""]
    first, empty = span_tagger.tag(texts)
    assert empty == ()
    assert all(0 <= s.start < s.end <= len(texts[0]) and 0.0 < s.score <= 1.0 for s in first)
    assert any(s.role == "content" and "taxes would rise" in texts[0][s.start : s.end] for s in first)


@pytest.mark.parametrize(("n", "windows"), [(0, []), (254, [(0, 254)]), (300, [(0, 254), (190, 300)])])
def test_long_paragraphs_are_read_in_overlapping_windows(n, windows):
    assert span_tagger._windows(n) == windows


@needs_model
def test_no_texts():
    assert span_tagger.tag([]) == []


TEXT = "Ana Ruiz said rents will rise.\nThe council, a spokesman added, meets on Friday."
SPANS = (
    TaggedSpan("source", 0, 8, 0.9),
    TaggedSpan("cue", 9, 13, 0.9),
    TaggedSpan("content", 14, 29, 0.9),
    TaggedSpan("content", 31, 78, 0.6),
    TaggedSpan("source", 44, 55, 0.9),
    TaggedSpan("cue", 56, 61, 0.9),
)


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (0.0, [("rents will rise", "said", "Ana Ruiz"), ("The council, a spokesman added, meets on Friday", "added", "a spokesman")]),
        (0.7, [("rents will rise", "said", "Ana Ruiz")]),
    ],
    ids=["all", "confident"],
)
def test_attributions_take_the_nearest_cue_and_source_of_the_paragraph(threshold, expected):
    found = span_tagger.attributions(TEXT, SPANS, threshold)
    words = [tuple(TEXT[s.start : s.end] for s in (a.content, a.cue, a.source)) for a in found]
    assert words == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 10, []),
        ("short\nlines", 100, [(0, "short\nlines")]),
        ("aaaa\nbbbb\ncccc", 11, [(0, "aaaa\nbbbb\n"), (10, "cccc")]),
        ("x" * 25, 10, [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]),
    ],
    ids=["empty", "one-piece", "paragraph-boundary", "one-long-paragraph"],
)
def test_long_texts_are_read_in_pieces_of_whole_paragraphs(monkeypatch, text, limit, expected):
    monkeypatch.setattr(span_tagger, "_GROUP_CHARS", limit)
    assert list(span_tagger._pieces(text)) == expected


@needs_model
def test_pieces_keep_offsets_into_the_whole_text(monkeypatch):
    text = "The weather was calm on the coast.\n" * 3 + "The mayor said the bridge would reopen in May."
    whole = span_tagger.tag([text])[0]
    monkeypatch.setattr(span_tagger, "_GROUP_CHARS", 60)  # each paragraph fits; groups split between them
    pieces = span_tagger.tag([text])[0]
    assert [(s.role, s.start, s.end) for s in pieces] == [(s.role, s.start, s.end) for s in whole]
    assert [round(s.score, 2) for s in pieces] == [round(s.score, 2) for s in whole]  # batches pad differently


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        ("“We will not leave,” the colonel told reporters.", True),
        ('A "temporary" measure.', True),
        ("Turnout was high, according to the commission.", True),
        ("Residents lamented the delay.", True),  # a cue only the learned cue model knows
        ("The opposition insisted on a recount.", True),
        ("Officials slammed the decision.", True),
        ("The bridge collapsed on Tuesday after two days of heavy rain.", False),
        ("Firefighters pulled three people from the river before dawn.", False),
    ],
    ids=["quote", "straight-quote", "according-to", "learned-cue", "inflected", "doubled-consonant", "event", "rescue"],
)
def test_only_paragraphs_that_may_hold_an_attribution_are_read(paragraph, kept):
    assert span_tagger.may_attribute(paragraph) is kept


@needs_model
def test_a_paragraph_without_a_cue_is_not_encoded():
    text = "The bridge collapsed on Tuesday.\nThe minister said taxes would rise."
    (units,) = span_tagger.encode([text])
    assert [int(u.offsets[0, 0]) for u in units] == [text.index("The minister")]
