"""The timeline leaves out sentences not about its story (`views/timeline_relevance.py`): a regional
digest that mentions the story in its lead must not put its other items on the story's timeline,
while the story's own background and its sentences that name no core term stay; and a live blog's time
stamps (`live_blog.py`) are not the years they look like."""

from dataclasses import replace
from datetime import date

import pytest

from dateline.model import TimeExpr
from dateline.views.timeline import build_timeline, place_sentences
from dateline.views.timeline_relevance import Relevance, core_terms, on_story, words
from tests.test_timeline import _doc

VOLUNTEERS = "Volunteers handed out blankets and bottled water at the community hall on Tuesday."
BACKGROUND = "The same valley burned in a smaller wildfire in August 2019, when two barns were lost."
ORCHESTRA = "The city orchestra named a new principal conductor at a gala concert on 2 June."
GOALKEEPER = "The town's football club signed a veteran goalkeeper on 5 July after a long search."
FIRE = [
    _doc("a", date(2023, 7, 10), [
        "A wildfire swept through the Harlow valley overnight, forcing hundreds of families to leave their homes.",
        "Firefighters from three counties worked through the night to protect the primary school."],
        {0: "2023-07-09"}),
    _doc("b", date(2023, 7, 11), [
        "Firefighters said the wildfire in the Harlow valley had burned more than four thousand acres by Tuesday.",
        VOLUNTEERS], {0: "2023-07-11", 1: "2023-07-11"}),
    _doc("c", date(2023, 7, 12), [
        "Crews contained the northern edge of the wildfire on Wednesday, the regional fire chief said."],
        {0: "2023-07-12"}),
    _doc("d", date(2023, 7, 13), [
        "Rain on Thursday helped firefighters slow the wildfire at the southern end of the valley."],
        {0: "2023-07-13"}),
    _doc("e", date(2023, 7, 14), [
        "Evacuated families began returning to the Harlow valley on Friday as the smoke cleared.", BACKGROUND],
        {0: "2023-07-14", 1: "2019-08"}),
]
DIGEST = _doc("digest", date(2023, 7, 14), [
    "Around the region this week: the Harlow valley wildfire is finally under control.",
    "Here is what else happened in arts, sports and business.",
    ORCHESTRA,
    GOALKEEPER,
    "A bakery on Mill Street won a national award for its sourdough loaf."],
    {2: "2023-06-02", 3: "2023-07-05"})


def _texts(timeline) -> set[str]:
    return {e.text for e in (*timeline.entries, *timeline.background)}


def test_a_digest_item_is_left_out_and_the_story_background_kept():
    timeline = build_timeline("s", "Wildfire", [*FIRE, DIGEST])
    assert ORCHESTRA not in _texts(timeline)  # dated before the story, off it
    assert GOALKEEPER not in _texts(timeline)  # dated within the story's period, off it
    assert "2023-07-05" not in {e.date for e in timeline.entries}
    assert BACKGROUND in {e.text for e in timeline.background}
    assert "Harlow valley" in " ".join(e.text for e in timeline.entries if e.date == "2023-07-14")


def test_without_the_relevance_test_the_digest_items_would_be_entries():
    """The test above can fail: the same articles with every candidate kept show the digest's items."""
    timeline = build_timeline("s", "Wildfire", [*FIRE, DIGEST], relevance=Relevance(min_articles=100))
    assert {ORCHESTRA, GOALKEEPER} <= _texts(timeline)


def test_a_sentence_next_to_one_on_the_story_stays():
    kept = on_story([p for d in [*FIRE, DIGEST] for p in place_sentences(d)])
    texts = {p.citation.text for p in kept}
    assert VOLUNTEERS in texts  # names no core term, but follows one that does
    assert "Here is what else happened in arts, sports and business." in texts  # right after the digest's lead
    assert "A bakery on Mill Street won a national award for its sourdough loaf." not in texts


def test_a_small_story_keeps_every_candidate():
    placed = [p for d in [FIRE[0], FIRE[1], DIGEST] for p in place_sentences(d)]
    assert on_story(placed) == placed


def test_core_terms_are_the_story_words_not_the_calendar():
    core = core_terms([p for d in [*FIRE, DIGEST] for p in place_sentences(d)])
    assert {"wildfire", "valley", "harlow", "firefighters"} <= core
    assert not core & {"tuesday", "said", "week", "orchestra", "goalkeeper"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Haiti's president said on Monday", {"haiti", "president"}),
     ("The quake’s toll rose", {"quake", "toll", "rose"}),
     ("", set())],
    ids=["possessive-and-calendar", "curly-apostrophe", "empty"],
)
def test_words_drop_possessives_stop_words_and_calendar(text, expected):
    assert words(text) == expected



def test_a_live_blogs_time_stamps_are_no_years():
    """A live blog opens its entries with 24-hour stamps: "1630 Navy ships ..." is half past four, not 1630; the
    same page's "19 January, 1815 GMT" is a time too. An article that is no live blog keeps its years."""
    blog = _doc("b", date(2010, 1, 13), [
        "1525 Aid workers in the capital say the main hospital has collapsed.",
        "1630 Navy ships on the east coast are preparing to sail for the island, officials say.",
        "1733 The aid agency says it is committed to a significant effort on the island."],
        dates={0: "1525", 1: "1630", 2: "1733"})
    history = _doc("h", date(2010, 1, 13), ["The island was struck by a similar quake in 1946, historians note."],
                   dates={0: "1946"})
    zoned = _doc("z", date(2010, 1, 19), ["19 January, 1815 GMT: the first relief flights land at the airport."])
    zoned = replace(zoned, timexes=(TimeExpr("19 January, 1815", "DATE", "1815-01-19", "point", 0, 16),))
    placed = {p.date for d in (blog, history, zoned) for p in place_sentences(d)}
    assert not placed & {"1525", "1630", "1733", "1815-01-19"}
    assert "1946" in placed
