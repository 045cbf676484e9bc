"""Tests for dating undated text: the year of a date must be named by the words, not by the newest background date.

Every sentence here is written for these tests in the style of news; none is copied from an article.
"""

from __future__ import annotations

from datetime import date

from dateline.annotate.timex import tag
from dateline.ingest.dating import date_document
from dateline.ingest.present_year import present_from_age

OBITUARY = ("The singer, who topped the charts in the spring of 1962, died on Friday, March 6, at age 80. "
            "She was born in Dayton, Ohio, on May 2, 1939. Her 1962 album sold a million copies.")


def test_an_old_background_date_does_not_set_the_year():
    # "the January 1961 tour" is the newest dated event; "Friday, December 11" had put the text in 1961 or 1962
    text = ("The band played its last show on Friday, December 11, a club spokesman said. "
            "Its members first met on the January 1961 tour of the north.")
    published = date_document(text)
    assert (published.value, published.method) == (None, "unknown"), published
    assert "no words name the year" in published.reason


def test_an_age_and_a_birth_date_name_the_year():
    published = date_document(OBITUARY)
    assert published.value == date(2020, 3, 6), published
    assert "age" in published.reason


def test_a_recent_dated_event_still_dates_the_text():
    text = "The bridge closed on March 2, 2021, and officials said on Wednesday that it would stay shut."
    published = date_document(text)
    assert published.value is not None and published.value.year == 2021, published


def test_a_date_after_since_is_only_a_lower_bound():
    text = "The champion, who has held the belt since April 2006, won again on Saturday night."
    published = date_document(text)
    assert (published.value, published.method) == (None, "unknown"), published


def test_age_span_from_a_full_birth_date():
    text = "He died at the age of 70. He was born on June 1, 1950 in Leeds."
    assert present_from_age(text, tag(text, None)) == (date(2020, 6, 1), date(2021, 5, 31))


def test_born_again_and_two_ages_say_nothing():
    again = "She became born again in 1980 and died at age 85."
    assert present_from_age(again, tag(again, None)) is None
    two = "The 32-year-old beat the 36-year-old, who was born in 1972."
    assert present_from_age(two, tag(two, None)) is None


def test_an_age_older_than_a_reported_year_is_dropped():
    # "retired at age 60" dates a past event: 1999 + 60 is before the 2005 the text reports
    text = "Born in 1939, he retired at age 60 and sold the farm in 2005. The family moved in June 2005."
    published = date_document(text)
    assert published.value is None or published.value.year >= 2005, published
