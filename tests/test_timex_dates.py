"""Tests for the tagger's date arithmetic: every result stays in years 1 to 9999 or is None."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.timex.dates import _add_months, _parse_value, shift_value

ADD_MONTHS = [
    pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="clipped-to-leap-february"),
    pytest.param(date(2023, 1, 31), 1, date(2023, 2, 28), id="clipped-to-february"),
    pytest.param(date(2024, 3, 31), -1, date(2024, 2, 29), id="back-to-february"),
    pytest.param(date(2024, 5, 31), 1, date(2024, 6, 30), id="clipped-to-30"),
    pytest.param(date(2024, 3, 15), 12, date(2025, 3, 15), id="a-year"),
    pytest.param(date(9999, 12, 1), 1, None, id="past-9999"),
    pytest.param(date(1, 1, 1), -1, None, id="before-year-1"),
    pytest.param(date(2011, 3, 15), 120_000, None, id="10000-years-mid-month"),
    pytest.param(date(2011, 3, 1), 120_000, None, id="10000-years-first-of-month"),
    pytest.param(date(2011, 3, 31), -10**12, None, id="far-back"),
]


@pytest.mark.parametrize(("day", "months", "expected"), ADD_MONTHS)
def test_add_months(day, months, expected):
    assert _add_months(day, months) == expected


SHIFTS = [
    pytest.param("2024-01-31", 1, "M", "2024-02", id="month-of-a-day"),
    pytest.param("2024-09-27", 12, "M", "2025-09", id="a-year-of-months"),
    pytest.param("2024-Q4", 1, "Q", "2025-Q1", id="quarter"),
    pytest.param("2024-09-27", -2, "W", "2024-09-13", id="weeks"),
    pytest.param("2011-03-15", 10_000, "Y", None, id="10000-years"),
    pytest.param("2011-03-01", 10_000, "Y", None, id="10000-years-first-of-month"),
    pytest.param("0001", -1, "Y", None, id="before-year-1"),
    pytest.param("9999-12-31", 1, "D", None, id="past-the-last-day"),
    pytest.param("2024-09-27", 1e300, "D", None, id="huge-days"),
    pytest.param("2024-09-27", 1e300, "Y", None, id="huge-years"),
    pytest.param("2024-09-27", 1.5, "D", None, id="not-whole"),
    pytest.param("XXXX-09", 1, "M", None, id="not-calendar"),
]


@pytest.mark.parametrize(("value", "amount", "unit", "expected"), SHIFTS)
def test_shift_value(value, amount, unit, expected):
    assert shift_value(value, amount, unit) == expected


PARSED = [
    pytest.param("2024-02-29", (date(2024, 2, 29), "day"), id="leap-day"),
    pytest.param("2023-02-29", None, id="no-such-day"),
    pytest.param("0000", None, id="year-0"),
    pytest.param("2024-13", None, id="month-13"),
    pytest.param("BC0490", (date(7511, 1, 1), "year"), id="bc-proxy"),
    pytest.param("2024-Q3", (date(2024, 7, 1), "quarter"), id="quarter"),
]


@pytest.mark.parametrize(("value", "expected"), PARSED)
def test_parse_value(value, expected):
    assert _parse_value(value) == expected


@settings(max_examples=300, deadline=None)
@given(day=st.dates(), months=st.integers(-150_000, 150_000))
def test_add_months_is_total(day, months):
    moved = _add_months(day, months)
    index = day.year * 12 + day.month - 1 + months
    if moved is None:
        assert not 1 <= index // 12 <= 9999
    else:
        assert moved.year * 12 + moved.month - 1 == index
        assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])


@settings(max_examples=300, deadline=None)
@given(day=st.dates(), amount=st.integers(-10**7, 10**7), unit=st.sampled_from("YQMWD"),
       precision=st.sampled_from([4, 7, 10]))
def test_shift_value_is_total(day, amount, unit, precision):
    moved = shift_value(day.isoformat()[:precision], amount, unit)
    assert moved is None or _parse_value(moved) is not None
