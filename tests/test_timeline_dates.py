"""The dates a timeline needs: plans and deadlines look ahead, explicit years stand, names holding a date are
no dates. Sentences written for these tests; rows from real texts read them from ../shared (skipped when absent)."""

import csv
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline.annotate.sentences import plain_sentences
from dateline.annotate.timex import tag
from dateline.model import AnnotatedDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
T17 = ROOT / ".cache" / "benchmarks" / "timelines-t17-dev" / "tls" / "llm-tls-copy" / "Dataset" / "T17"
EXAMPLE = ROOT / "examples" / "niger-withdrawal"


def _value(text: str, dct: date, expression: str) -> str | None:
    return next((t.value for t in tag(text, dct) if expression in text[t.start : t.end]), None)


@pytest.mark.parametrize(
    ("text", "dct", "expression", "value"),
    [
        ("An official said the capital had pushed for an earlier date but accepted mid-September for the exit.",
         date(2024, 5, 19), "mid-September", "2024-09"),
        ("There was never any question of extending the stay beyond 15 September, the colonel told the press.",
         date(2024, 8, 5), "15 September", "2024-09-15"),
        ("A defence official said the new working target was Oct. 31, after a meeting of the working group.",
         date(2024, 7, 18), "Oct. 31", "2024-10-31"),
        ("The ministry denied the report, saying the departure remained on track to be completed by mid-September.",
         date(2024, 7, 19), "mid-September", "2024-09"),
        ("The two countries set the September 15 deadline in a joint statement after talks in the capital.",
         date(2024, 8, 5), "September 15", "2024-09-15"),
        ("A hearing has been set for 5 April in the county court, the prosecutors said.",
         date(2010, 2, 11), "5 April", "2010-04-05"),
        ("A preliminary hearing has been scheduled for 23 August, lawyers for the doctor said.",
         date(2010, 6, 14), "23 August", "2010-08-23"),
        ("The colonel seized power in a bloodless coup on September 1 , 1969 , while the king was abroad .",
         date(2011, 3, 25), "September 1", "1969-09-01"),
        ("Since the 1953 revolution the square was quiet . On March 22 , 2011 , troops fired on the crowd .",
         date(2011, 3, 25), "March 22", "2011-03-22"),
        ("In September the company reported a loss, the chairman recalled.", date(2024, 5, 19), "September", "2023-09"),
        ("Sales had already fallen sharply in December, the company said.", date(1990, 2, 1), "December", "1989-12"),
    ],
    ids=["accepted-mid-september", "beyond-15-september", "target-was-oct-31", "completed-by-mid-september",
         "the-september-15-deadline", "hearing-set-for", "hearing-scheduled-for", "tokenised-explicit-year-1969",
         "tokenised-explicit-year-2011", "past-report-stays-past", "past-in-december-stays-past"],
)
def test_timeline_dates(text, dct, expression, value):
    assert _value(text, dct, expression) == value


@pytest.mark.parametrize(
    "text",
    ["Traffic was diverted across the 15th of May Bridge after the protest.",
     "Protesters gathered near the 6th of October Bridge on the way to the square.",
     "Members of the April 6 Youth Movement joined the march."],
    ids=["15th-of-may-bridge", "6th-of-october-bridge", "april-6-youth-movement"],
)
def test_names_holding_a_date_are_not_dates(text):
    assert not [t for t in tag(text, date(2011, 5, 20)) if t.type == "DATE"]


def _t17_article(topic: str, published: str, needle: str) -> str:
    path = T17 / topic / "outputwithpub.csv"
    if not path.exists():
        pytest.skip("Timeline17 articles not unpacked (python bench/timelines.py unpacks them from ../shared)")
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8") as f:
        found = [r["text"] for r in csv.DictReader(f) if r["date"].startswith(published) and needle in r["text"]]
    if not found:
        pytest.skip(f"no {topic} article of {published} says {needle!r}")
    return found[0]


def _seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip("seed articles not found in ../shared/seeds")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "dct", "expression", "value"),
    [
        (("t17", "mj", "2010-02-11", "hearing has been set for 5 April"), date(2010, 2, 11), "5 April", "2010-04-05"),
        (("t17", "mj", "2010-06-14", "scheduled for 23 August"), date(2010, 6, 14), "23 August", "2010-08-23"),
        (("seed", "000_261070aff5c51850.txt"), date(2025, 1, 10), "September 2025", "2025-09"),
    ],
    ids=["mj-hearing-set-for-april", "mj-hearing-scheduled-for-august", "seed-explicit-september-2025"],
)
def test_real_topic_dates(source, dct, expression, value):
    text = _t17_article(*source[1:]) if source[0] == "t17" else _seed(source[1])
    at = text.index(source[3]) if source[0] == "t17" else 0
    found = [t for t in tag(text, dct) if t.start >= at and expression in text[t.start : t.end]]
    assert found and found[0].value == value


def _example_documents():
    from dateline.corpus import prepare_paths

    documents, _ = prepare_paths([EXAMPLE])
    return [d for d in documents if d.published.value]


_DEADLINE_MONTH = re.compile(r"September|Sept?\.|October|Oct\.", re.I)


def test_example_dates_every_deadline_in_2024():
    months = [(d.id, d.text[t.start : t.end], t.value) for d in _example_documents()
              for t in tag(d.text, d.published.value) if _DEADLINE_MONTH.search(d.text[t.start : t.end])]
    assert months, "the example names its September and October deadlines"
    assert [m for m in months if not m[2].startswith("2024")] == []


def test_example_timeline_has_no_entry_a_year_early():
    from dateline.views.timeline import build_timeline

    docs = [AnnotatedDocument(d, sentences=plain_sentences(d.text), timexes=tag(d.text, d.published.value))
            for d in _example_documents()]
    timeline = build_timeline("niger", "Niger", docs)
    early = [e.date for e in (*timeline.entries, *timeline.background) if "2023-08" <= e.date[:7] <= "2023-12"]
    assert early == []
    assert timeline.entries[0].date >= "2024-03"
