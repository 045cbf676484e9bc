"""Tests for dating undated text: a past year the text mentions is not the year it was published.

Every sentence here is written for these tests in the style of news; none is copied from an article.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest.dating import date_document
from dateline.ingest.present_year import names_present_year
from dateline.model import TimeExpr

PAST_YEARS = [
    ("event-noun", "A man was charged on Friday in the 1967 slaying of a teacher.", 1967),
    ("perfect-passive", ("A co-worker has been charged in the 1967 slayings of two women at a shop, but police say "
                         "she is too ill to be jailed."), 1967),
    ("start-of-span", "He has a prior drunken-driving conviction from 1992, records show, and faces charges on Friday.",
     1992),
    ("possessive-year", "Following her breakthrough in 1999's hit comedy, the actress is better known for her parties.",
     1999),
    ("participle", "The singer also has stage experience, winning an award in 2005 for hosting a gala.", 2005),
    ("year-as-adjective", "The 1918 pandemic remains the benchmark for health officials.", 1918),
    ("span-in-present", "Court records show three prior convictions, spanning from 1990 to 1991.", 1990),
    ("clock-time-of-live-blog", "1532 The minister says rescue teams are on their way to the coast.", 1532),
]


@pytest.mark.parametrize(("name", "text", "year"), PAST_YEARS, ids=[c[0] for c in PAST_YEARS])
def test_a_past_year_in_a_present_sentence_is_not_the_publication_year(name, text, year):
    published = date_document(text)
    assert (published.value, published.method) == (None, "unknown"), published
    assert published.reason


def test_a_year_older_than_a_reported_event_is_not_the_present():
    # "in 2005 ... is" reads as the present, but the text reports later events: no year is left to date it by
    text = "Unemployment in 2005 is at a record, the union says. The mill closed in 2009 and the mine in 2010."
    published = date_document(text)
    assert (published.value, published.method) == (None, "unknown"), published


PRESENT_YEARS = [
    ("plain", "Food prices in 2024 are the highest in a decade, the ministry says.", 2024),
    ("with-weekday", ("Tourism in 2023 is recovering, the agency says, and the first cruise ship since 2019 "
                      "docked on Monday."), 2023),
]


@pytest.mark.parametrize(("name", "text", "year"), PRESENT_YEARS, ids=[c[0] for c in PRESENT_YEARS])
def test_a_present_tense_article_that_names_its_year_gets_it(name, text, year):
    published = date_document(text)
    assert published.method == "inferred"
    assert published.value is not None and published.value.year == year, published
    assert "present tense" in published.reason


def test_a_month_alone_fits_every_day_of_it_so_the_date_is_unknown():
    published = date_document("The singer died in June 2009, his family said.")
    assert (published.value, published.method) == (None, "unknown"), published
    assert "fit equally" in published.reason


def test_a_stated_day_still_anchors_the_inference():
    published = date_document("The plant closed on Oct. 11, 2021, the company said on Monday.")
    assert published.value is not None and abs((published.value - date(2021, 10, 11)).days) <= 2


WORDS = [
    ("Prices in 2024 are high.", True),
    ("Prices in 2024, officials say, are high.", True),
    ("It was charged in the 1967 slaying.", False),
    ("Records show a conviction in 1992 elections.", False),
    ("It has three titles, winning one in 2005.", False),
    ("The 1918 pandemic remains the benchmark.", False),
    ("Sales in 2009-10 are down.", False),
]


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[w[0] for w in WORDS])
def test_names_present_year_reads_the_words_around_the_year(text, expected):
    year = next(w for w in text.replace(".", " ").replace(",", " ").split() if w[:4].isdigit())[:4]
    start = text.index(year)
    assert names_present_year(text, TimeExpr(year, "DATE", year, "point", start, start + 4)) is expected


_SENTENCES = [
    "The council met on {weekday} after the flood on {month} {day}.",
    "A man was charged in the {year} slaying of a shop owner.",
    "Prices in {year} are the highest in a decade, the ministry says.",
    "The plant closed on {month} {day}, {year}, the company said.",
    "Repairs must finish by {month} {year}.",
    "The singer died in {month} {year}, his family said on {weekday}.",
    "He has a conviction from {year} and faces charges on {weekday}.",
    "Over the next 12 months the mission will end, no later than {month} {year}.",
]
_MONTHS = ["January", "March", "June", "September", "December"]
_WEEKDAYS = ["Monday", "Wednesday", "Friday", "Sunday"]


@st.composite
def _news_text(draw) -> str:
    """A few sentences of news with years, months, days and weekdays, and sometimes noise between them."""
    parts = []
    for template in draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5)):
        parts.append(template.format(year=draw(st.integers(1000, 2999)), month=draw(st.sampled_from(_MONTHS)),
                                     day=draw(st.integers(1, 28)), weekday=draw(st.sampled_from(_WEEKDAYS))))
        parts.append(draw(st.text(max_size=20)))
    return " ".join(parts)


@settings(max_examples=60, deadline=None)
@given(text=_news_text())
def test_dating_is_total_and_consistent(text):
    published = date_document(text)
    assert published.reason
    assert (published.value is None) == (published.method == "unknown")
    assert 0.0 <= published.confidence <= 0.95
    if published.method == "inferred":
        assert published.confidence <= 0.7
