"""The hand-read timeline sample's scorer (bench/timeline_sample.py), on articles written for these tests:
an entry is found again by its hashes once cleaning has moved the stored text, an entry whose sentence
was cleaned away is gone, and a clock joined to its day ("1700 BST on 15 June") dates its sentence by
that day. The gold (bench/gold/timeline_handread.json) keeps the hashes for every entry and no text.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline.annotate.timex import tag
from dateline.model import AnnotatedDocument, Document, PublishedDate, Sentence

BENCH = Path(__file__).resolve().parents[1] / "bench"
if not (BENCH / "timeline_sample.py").exists():
    pytest.skip("bench/timeline_sample.py is absent", allow_module_level=True)
sys.path.insert(0, str(BENCH))
from timeline_sample import HANDREAD, anchor, anchored, current_date

DAY = date(2009, 6, 17)
CREDIT = "(Photo by A. Reporter) "
DATELINE = "GENEVA | Wed Jun 17, 2009 9:10 am EDT "
FIRST = "Ministers met in Geneva this week. "
SECOND = "The talks ended on Monday, an official said."
EXPRESSION = "Monday"


def article(*sentences: str) -> AnnotatedDocument:
    """An article of these sentences, each its own stored sentence, published on DAY."""
    text, spans = "", []
    for s in sentences:
        spans.append(Sentence(len(text), len(text) + len(s.rstrip())))
        text += s
    doc = Document("d1", "d1", text, None, "Outlet", None, None, "en", PublishedDate(DAY, "metadata", 1.0, "test"))
    return AnnotatedDocument(doc, sentences=tuple(spans), timexes=tag(text, DAY))


def recorded(ad: AnnotatedDocument, sentence: str) -> dict:
    """A gold entry for `sentence` of the article as drawn: its offsets, its expression's and its hashes."""
    text = ad.document.text
    start = text.index(sentence)
    expr = text.index(EXPRESSION, start)
    item = {"start": start, "end": start + len(sentence), "expr_start": expr, "expr_end": expr + len(EXPRESSION),
            "published": DAY.isoformat()}
    return item | anchor(text, item["start"], item["end"], item["expr_start"])


def test_an_entry_whose_offsets_still_land_is_taken_as_recorded():
    ad = article(FIRST, SECOND)
    item = recorded(ad, SECOND)
    assert anchored(ad, item) == item


def test_an_entry_is_found_again_after_cleaning_drops_text_before_it():
    item = recorded(article(CREDIT, FIRST, SECOND), SECOND)
    now = article(FIRST, SECOND)
    here = anchored(now, item)
    text = now.document.text
    assert text[here["start"]:here["end"]] == SECOND
    assert text[here["expr_start"]:here["expr_end"]] == EXPRESSION
    assert current_date(now, now.timexes, here) == "2009-06-15"


def test_an_entry_is_found_again_when_cleaning_drops_the_dateline_opening_its_sentence():
    item = recorded(article(FIRST, DATELINE + SECOND), DATELINE + SECOND)
    now = article(FIRST, SECOND)
    here = anchored(now, item)
    text = now.document.text
    assert (here["start"], here["end"]) == (len(FIRST), len(text))
    assert text[here["expr_start"]:here["expr_end"]] == EXPRESSION


def test_an_entry_whose_sentence_was_cleaned_away_is_gone():
    caption = "President Smith waves to reporters, Monday, June 15, 2009, in Geneva. "
    item = recorded(article(FIRST, caption, SECOND), caption.rstrip())
    assert anchored(article(FIRST, SECOND), item) is None


def test_an_entry_without_hashes_keeps_its_recorded_offsets():
    item = {"start": 3, "end": 9, "expr_start": None, "expr_end": None}
    assert anchored(article(FIRST, SECOND), item) is item


def test_a_clock_joined_to_its_day_dates_the_sentence_by_that_day():
    ad = article(FIRST, "The talks ended at 1700 BST on 15 June, an official said.")
    clock = next(t for t in ad.timexes if t.text.startswith("1700"))
    assert clock.type == "TIME"
    item = {"start": len(FIRST), "end": len(ad.document.text), "expr_start": clock.start, "expr_end": clock.end,
            "published": DAY.isoformat()}
    assert current_date(ad, ad.timexes, item) == "2009-06-15"


def test_the_gold_keeps_hashes_and_lengths_for_every_entry_and_no_text():
    gold = json.loads(HANDREAD.read_text())
    digest = re.compile(r"^[0-9a-f]{16}$")
    for items in gold["topics"].values():
        for item in items:
            assert digest.match(item["sentence_hash"]) and item["sentence_len"] == item["end"] - item["start"]
            if item["expr_start"] is None:
                assert "tail_hash" not in item
            else:
                assert digest.match(item["tail_hash"]) and item["tail_len"] == item["end"] - item["expr_start"]
            assert set(item) <= {"part", "rank", "story", "doc", "start", "end", "published", "date", "basis",
                                 "expr_start", "expr_end", "verdict", "right_date", "error", "sentence_hash",
                                 "sentence_len", "tail_hash", "tail_len"}
