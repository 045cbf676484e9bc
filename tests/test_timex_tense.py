"""Tests for sentence bounds and cue words: found once per text, as the per-span searches found them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.timex.tense import (
    _BOUNDARY,
    _cue_words,
    _ends_sentence,
    _SentenceEnds,
    _without_passives,
    _words_after,
    sentence_bounds,
)

PIECES = [". ", ".\n", "\n", "? ", "! ", ".  \n ", " ", "  ", "The ", "the ", "A ", "we ", "Mr. ", "Dr. Slepian ",
          "James C. Kopp ", "U.S. The ", "U.S. Immigration ", "9 a.m. EST ", "a.m. Tuesday ", '"', "(", "said ",
          "was ", "is ", "increased ", "will ", "to ", "May ", "May 5 ", "5 ", "month ", "been ", "x"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


def _searched_end(text: str, end: int) -> int:
    """The end of the sentence as first written: a search from `end`, again after each abbreviation."""
    nxt = _BOUNDARY.search(text, end)
    while nxt and not _ends_sentence(text, nxt):
        nxt = _BOUNDARY.search(text, nxt.end())
    return nxt.start() + 1 if nxt else len(text)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_sentence_ends_as_searched(text, data):
    ends = _SentenceEnds(text)
    positions = data.draw(st.lists(st.integers(0, len(text)), max_size=20))
    for pos in positions + list(range(0, len(text) + 1, 7)):
        assert ends.after(pos) == _searched_end(text, pos), pos


def test_sentence_bounds():
    text = "Dr. Slepian left on Friday. He came back in May.\nThen he went."
    assert sentence_bounds(text, 20, 26) == (0, 27)
    assert sentence_bounds(text, 44, 47) == (28, 48)
    assert sentence_bounds(text, 55, 59) == (49, len(text))


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), min_size=50, max_size=600).map("".join), data=st.data())
def test_words_after_as_the_whole_sentence(text, data):
    end = data.draw(st.integers(0, len(text)))
    s_end = data.draw(st.integers(end, len(text)))
    whole = _without_passives(_cue_words(text[end:s_end]))
    assert _words_after(text, end, s_end, 30)[:30] == whole[:30]
