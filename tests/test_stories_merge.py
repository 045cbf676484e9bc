"""Stories one topic split into are joined; titles are readable, never ids."""

from datetime import date

from dateline.link.stories import StoryIndex, document_terms, summary_line


def _index_with(stories: dict[str, tuple[str, date | None]]) -> StoryIndex:
    signatures = {sid: document_terms(text, []) for sid, (text, _) in stories.items()}
    spans = {sid: (day, day) for sid, (_, day) in stories.items() if day}
    return StoryIndex(signatures, spans)


FILLER = {f"f{i}": (f"unrelated{i} filler{i} words{i} topic{i}", None) for i in range(5)}
BANKS = "Lehman Brothers bankruptcy shook banks; the Treasury bailout of banks followed"
BAILOUT = "Congress debated the Treasury bailout of banks after the Lehman bankruptcy as markets fell and lawmakers argued"


def test_stories_close_in_time_merge():
    index = _index_with({"a": (BANKS, date(2008, 9, 15)), "b": (BAILOUT, date(2008, 9, 20)), **FILLER})
    assert index.merge_target("b") == "a"


def test_the_same_words_years_apart_stay_apart():
    index = _index_with({"a": (BANKS, date(2008, 9, 15)), "b": (BAILOUT, date(2012, 9, 20)), **FILLER})
    assert index.merge_target("b") is None


def test_absorb_joins_signatures_and_spans():
    index = _index_with({"a": (BANKS, date(2008, 9, 15)), "b": (BAILOUT, date(2008, 10, 1)), **FILLER})
    index.absorb("a", "b", {"a": 3, "b": 1})
    assert "b" not in index.signatures and index.spans["a"] == (date(2008, 9, 15), date(2008, 10, 1))
    assert abs(sum(w * w for w in index.signatures["a"].values()) - 1.0) < 1e-9
    assert index.assign("c", document_terms(BAILOUT, [])).story_id == "a"


def test_few_stories_never_merge():
    index = _index_with({"a": (BANKS, date(2008, 9, 15)), "b": (BAILOUT, date(2008, 9, 20))})
    assert index.merge_target("b") is None


def test_summary_line_cuts_at_a_word_boundary():
    text = "\nA powerful earthquake struck near Port-au-Prince on Tuesday, flattening the presidential palace and " \
           "thousands of homes. Aid began to arrive."
    line = summary_line(text, limit=60)
    assert line.endswith("…") and len(line) <= 61 and line.startswith("A powerful earthquake")
    assert summary_line("Short headline. Then a body.") == "Short headline"
