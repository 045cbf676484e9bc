"""The temporal tagger is total: any text, any document date, a tuple of spans that hold, never an error or a hang.

Property tests over real sentences (TimeBank and Timeline17 under .cache/benchmarks, skipped when
absent) and hostile strings, with document dates across the whole calendar; then the defects
they were written for, one case each.
"""

from __future__ import annotations

import calendar
import csv
import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.annotate.timex import GENRES, grammar, tag

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / ".cache" / "benchmarks"
TIMEBANK = BENCHMARKS / "timex-tbaq-tweets-wikiwars" / "temporal-qiangning" / "data" / "TempEval3" / "Training"
T17 = BENCHMARKS / "timelines-t17-dev" / "tls" / "llm-tls-copy" / "Dataset" / "T17"

HOSTILE = [
    "The treaty will last for the next 10,000 years.",
    "It happened a year ago.",
    "9999 years later the sun went out.",
    "in the year 1",
    "It was founded in 1 BC and fell in 9999 BC.",
    "10,000 years ago, and 4,000 years earlier, and 3,000 years from now.",
    "The vault opens in 5000 years and stays shut for 99999999999999999999 years.",
    "1" * 400 + " years ago",
    "within " + "9" * 320 + " days",
    "the next 1,000,000,000 weeks, the past 120,000 months, 800000 quarters later",
    "2024-13-45 31/02/2023 2023/02/29 12:99 0400 GMT Q9 2024 H3 2024 FY99 1999-00-00 2016-W60",
    "from February 29 to March 3, 2023; from the 30th to the 31st; May 4 and 35",
    "Tomorrow, next Friday, last week, the following day, the year-ago quarter, that month.",
    "from Monday to Wednesday, the morning of 31 January, 10 p.m. Wednesday",
    "the first week of December, the last week of February, year-end, month-end, the 31st",
    "Easter, Thanksgiving, Christmas Eve, Election Day, the 2090s, the 21st century, 490 BC",
    "#Friday KLPF2013 #720pm 1999-2000 1915-17 499-493 BC",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 years",
]
TOKENS = ["1", "31", "29", "2024", "9999", "0000", "10,000", "99999999", "-", "/", ".", ",", ":", " ", "\n",
          "May", "March", "Friday", "the next", "a year", "years", "days", "ago", "later", "earlier", "BC",
          "Q4", "FY", "th", "p.m.", "GMT", "the 31st", "year-end", "this", "last", "week", "the following"]
EDGE_DAYS = [date(1, 1, 1), date(1, 1, 31), date(1, 12, 31), date(9999, 12, 31), date(9999, 12, 1),
             date(9999, 1, 1), date(2024, 2, 29), date(2011, 3, 1), date(2011, 3, 31), date(2011, 3, 15)]


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


DCTS = st.one_of(st.none(), st.sampled_from(EDGE_DAYS), st.dates(), st.dates().map(lambda d: d.replace(day=1)),
                 st.dates().map(_month_end))
SOUP = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@contextmanager
def _within(seconds: int):
    """Fails the test instead of hanging it (where an alarm can be set: the main thread on Unix)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def hang(signum, frame):
        raise TimeoutError(f"tag() ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check(text: str, dct: date | None, genre: str = "news") -> tuple:
    with _within(10):
        found = tag(text, dct, genre)  # type: ignore[arg-type]
    assert isinstance(found, tuple)
    for expr in found:
        assert 0 <= expr.start < expr.end <= len(text), expr
        assert text[expr.start:expr.end] == expr.text, expr
    return found


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """Up to a few thousand real sentences from TimeBank's texts and Timeline17's articles."""
    from dateline.annotate.timeml import read_timeml

    texts = [read_timeml(path).text for path in sorted(TIMEBANK.rglob("*.tml"))[:120]]
    if T17.exists():
        csv.field_size_limit(1 << 30)
        for path in sorted(T17.glob("*/outputwithpub.csv")):
            with open(path, encoding="utf-8", newline="") as f:
                texts += [row["text"] for _, row in zip(range(40), csv.DictReader(f))]
    found = [s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 20]
    if not found:
        pytest.skip("the benchmark corpora are not unpacked under .cache/benchmarks "
                    "(run ../shared/benchmarks/unpack .cache/benchmarks)")
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.sampled_from(HOSTILE), SOUP, st.text(max_size=80)), dct=DCTS,
       genre=st.sampled_from(GENRES))
def test_hostile_text_any_dct(text, dct, genre):
    _check(text, dct, genre)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), dct=DCTS, genre=st.sampled_from(GENRES))
def test_real_sentences_any_dct(sentences, data, dct, genre):
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(sentences), st.sampled_from(HOSTILE)), min_size=1,
                                max_size=4))
    _check(data.draw(st.sampled_from([" ", "\n", ""])).join(pieces), dct, genre)


@pytest.mark.parametrize("dct", EDGE_DAYS + [None], ids=str)
def test_every_hostile_string_at_the_calendar_edges(dct):
    for text in HOSTILE:
        _check(text, dct)


# (text, dct, expected (text, value) pairs, or None where only totality is checked)
DEFECTS = [
    pytest.param("The treaty will last for the next 10,000 years.", date(2011, 3, 15),
                 [("the next 10,000 years", "P10000Y")], id="next-10000-years-mid-month-no-hang"),
    pytest.param("The treaty will last for the next 10,000 years.", date(2011, 3, 1),
                 [("the next 10,000 years", "P10000Y")], id="next-10000-years-first-of-month-no-error"),
    pytest.param("It happened a year ago today.", None, [("a year ago", "XXXX"), ("today", "XXXX-XX-XX")],
                 id="year-ago-undated"),
    # "10,000 years ago" has no date in the calendar: the span it holds is still a duration
    pytest.param("Prices rose 10,000 years ago.", date(2011, 3, 15), [("10,000 years", "P10000Y")],
                 id="ago-before-year-1-no-value"),
    pytest.param("The vote is tomorrow.", date(9999, 12, 31), [], id="tomorrow-past-year-9999-no-value"),
    pytest.param("It rained yesterday, and last year.", date(1, 1, 1), [("last year", "0000")],
                 id="yesterday-before-year-1-no-value"),
    pytest.param("Talks ran from February 29 to March 3, 2023.", date(2024, 3, 1),
                 [("February 29", "2024-02-29"), ("March 3, 2023", "2023-03-03")], id="range-start-never-feb-29-2023"),
]


@pytest.mark.parametrize(("text", "dct", "expected"), DEFECTS)
def test_defects(text, dct, expected):
    found = _check(text, dct)
    assert [(t.text, t.value) for t in found] == expected


def test_next_10000_years_has_no_end_past_the_calendar():
    (expr,) = _check("The treaty will last for the next 10,000 years.", date(2011, 3, 15))
    assert (expr.anchor, expr.upper) == ("2011-03-15", None)


def test_a_handler_that_raises_costs_only_its_match(monkeypatch):
    def broken(m, resolver):
        raise ValueError("year 0 is out of range")

    rules = tuple(replace(rule, handler=broken) if rule.name == "year" else rule for rule in grammar._rules())
    monkeypatch.setattr(grammar, "_rules", lambda: rules)
    found = _check("The war ended in 1945; talks began last Friday.", date(2024, 9, 27))
    assert [t.text for t in found] == ["last Friday"]
