"""The SVG charts' date axis: ticks labelled in days, weeks, months or years for the span shown."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.web.svg import MAX_TICKS, tick_days, timeline_svg

TICKS = [
    ("days", "2024-07-01", "2024-07-05", ["1 Jul 2024", "2 Jul", "3 Jul", "4 Jul", "5 Jul"]),
    ("weeks", "2024-05-01", "2024-06-20", ["6 May 2024", "13 May", "20 May", "27 May", "3 Jun", "10 Jun", "17 Jun"]),
    ("months", "2024-03-14", "2024-08-09", ["Apr 2024", "May", "Jun", "Jul", "Aug"]),
    ("months-across-years", "2023-06-28", "2024-08-09", ["Jul 2023", "Sep", "Nov", "Jan 2024", "Mar", "May", "Jul"]),
    ("years", "2015-03-01", "2024-08-09", [str(y) for y in range(2016, 2025)]),
    ("decades", "1950-01-01", "2024-08-09", ["1950", "1960", "1970", "1980", "1990", "2000", "2010", "2020"]),
]


@pytest.mark.parametrize("lo, hi, labels", [(a, b, t) for _, a, b, t in TICKS], ids=[n for n, _, _, _ in TICKS])
def test_ticks_suit_the_span(lo, hi, labels):
    ticks = tick_days(date.fromisoformat(lo).toordinal(), date.fromisoformat(hi).toordinal())
    assert [label for _, label in ticks] == labels
    assert 1 < len(ticks) <= MAX_TICKS
    assert all(date.fromisoformat(lo).toordinal() <= day <= date.fromisoformat(hi).toordinal() for day, _ in ticks)


def test_timeline_chart_labels_more_than_one_tick():
    from dateline.model import TimelineEntry

    entries = [TimelineEntry("2023-07", "deployed", ("a",)), TimelineEntry("2024-08-05", "left", ("b",))]
    svg = timeline_svg(entries)
    assert svg.count('<g class="tick"') > 1
    assert ">Jan 2024<" in svg
