"""Tests for choosing spans: the linear passes give what the quadratic ones they replaced gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.timex.choose import _longest_non_overlapping, _next_known, _straddled
from dateline.annotate.timex.norm import _Norm

NORM = _Norm("DATE", "2024")
SPANS = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)).map(lambda s: (s[0], s[0] + s[1], NORM)),
                 max_size=80)


def _quadratic_longest(found):
    """The choice as first written: each span against every span kept before it."""
    taken = []
    for start, end, norm in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, norm))
    return sorted(taken, key=lambda f: f[0])


@settings(max_examples=300, deadline=None)
@given(found=SPANS)
def test_longest_non_overlapping_as_the_quadratic_one(found):
    assert _longest_non_overlapping(found) == _quadratic_longest(found)


def test_longest_wins_then_earliest():
    found = [(0, 5, NORM), (3, 12, NORM), (10, 15, NORM), (20, 25, NORM), (22, 27, NORM)]
    assert [(s, e) for s, e, _ in _longest_non_overlapping(found)] == [(3, 12), (20, 25)]


@settings(max_examples=300, deadline=None)
@given(years=st.lists(st.one_of(st.none(), st.integers(-500, 2100)), max_size=40))
def test_next_known_is_the_first_year_after(years):
    expected = [next((y for y in years[i + 1:] if y is not None), None) for i in range(len(years))]
    assert _next_known(years) == expected


@settings(max_examples=300, deadline=None)
@given(found=SPANS, at=st.integers(0, 350))
def test_straddled_as_a_scan_of_all_spans(found, at):
    spans = _longest_non_overlapping(found)  # in order and apart, as the pass that asks
    assert _straddled(spans, at) == any(e > at and s < at for s, e, _ in spans)
