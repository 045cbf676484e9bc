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


# Errors found reading 50 timeline entries per Timeline17 topic (bench/gold/timeline_handread.json), each class in
# sentences written for it. 2010-01-13 is a Wednesday, 2010-01-15 a Friday, 2010-01-21 a Thursday.
@pytest.mark.parametrize(
    ("text", "dct", "expression", "value"),
    [
        ("The president said he would meet former leaders on Saturday to discuss the relief effort.",
         date(2010, 1, 15), "Saturday", "2010-01-16"),
        ("The governor said he would see recent arrivals at the camp on Monday.",
         date(2010, 1, 15), "Monday", "2010-01-18"),
        ("The agency added that it then hoped to get food into the port by Thursday or Friday.",
         date(2010, 1, 13), "Friday", "2010-01-15"),
        ("The charges will be formally released Monday, the prosecutor's office said.",
         date(2010, 2, 5), "Monday", "2010-02-08"),
        ("Thousands died in last Tuesday's storm, officials said.", date(2010, 1, 21), "last Tuesday", "2010-01-12"),
        ("The count rose after last Tuesday's storm.", date(2010, 1, 20), "last Tuesday", "2010-01-12"),
        ("The singer collapsed last Thursday at his home.", date(2009, 6, 28), "last Thursday", "2009-06-25"),
        ("The raids were carried out last Wednesday after a warrant was issued.",
         date(2009, 7, 29), "last Wednesday", "2009-07-22"),
        ("The city was flattened nearly two weeks ago, the team said.", date(2010, 1, 24), "nearly two weeks ago",
         "2010-W01"),
        ("The city was flattened two weeks ago, the team said.", date(2010, 1, 24), "two weeks ago", "2010-01-10"),
        ("We must update the rules to meet the realities of today's global financial system.",
         date(2008, 9, 19), "today", "PRESENT_REF"),
        ("Today's meeting ended without a deal.", date(2008, 9, 19), "Today", "2008-09-19"),
        ("\"I have called the other families and we're meeting on Saturday,\" she said.", date(2010, 1, 14),
         "Saturday", "2010-01-16"),
        ("The envoys were meeting on Saturday when the news came.", date(2010, 1, 14), "Saturday", "2010-01-09"),
        ("The airline said it had a cargo plane standing by to fly aid to the island on Saturday.",
         date(2010, 1, 15), "Saturday", "2010-01-16"),
        ("On Sept. 16, 2001, the president spoke to the nation. Seven years later, he spoke to it again.",
         date(2008, 10, 5), "Seven years later", "2008"),
    ],
    ids=["would-meet-on-saturday", "former-is-no-verb", "by-thursday-or-friday", "will-be-released-monday",
         "last-tuesday-said-thursday", "last-tuesday-said-wednesday", "last-thursday-said-sunday",
         "last-wednesday-said-wednesday", "nearly-two-weeks-ago-is-a-week", "two-weeks-ago-stays-a-day",
         "todays-world-is-nowadays", "todays-meeting-is-today", "re-meeting-on-saturday-is-ahead",
         "were-meeting-on-saturday-is-past", "standing-by-to-fly-on-saturday", "years-later-is-a-year"],
)
def test_hand_read_errors(text, dct, expression, value):
    assert _value(text, dct, expression) == value


@pytest.mark.parametrize(
    "text",
    ["\"It will be like New Year's Eve on the phone lines,\" the engineer said.",
     "Officials doubt he could mount another Sept. 11-style attack.",
     "His sister told the BBC's World Today programme that she was relieved."],
    ids=["like-new-years-eve", "sept-11-style", "world-today-programme"],
)
def test_comparisons_and_names_are_not_dates(text):
    assert not [t for t in tag(text, date(2010, 1, 15)) if t.type == "DATE" and t.value[:1].isdigit()]


def _placed(text: str, published: date) -> list[tuple[str, str]]:
    from dateline.model import Document, PublishedDate
    from dateline.views.timeline import place_sentences

    doc = Document("d", "d", text, None, None, None, None, "en", PublishedDate(published, "metadata", 1.0, "test"))
    ad = AnnotatedDocument(doc, sentences=plain_sentences(text), timexes=tag(text, published))
    return [(p.date, p.citation.text) for p in place_sentences(ad)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The doctor was freed on bail by a judge in the city court. He is due back in court in April.", 1),
        ("Finance ministers agreed on a plan to shore up the banks. When the leaders meet on Saturday, they must "
         "build on that outcome.", 1),
        ("The release of the report has been delayed until next week, the coroner's office has said.", 1),
        ("At 01:20 24th Mar 2010, Jenny wrote: Happy birthday to the host (for yesterday).", 0),
    ],
    ids=["due-in-april-is-a-plan", "meet-on-saturday-is-a-plan", "delayed-until-next-week-is-news",
         "comment-stamp-is-furniture"],
)
def test_lead_sentences_on_publication_day(text, kept):
    placed = _placed(text, date(2010, 3, 23) if "2010" in text else date(2008, 11, 12))
    assert len(placed) == kept
    assert all(day in ("2008-11-12", "2010-03-23") for day, _ in placed)


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
        (("t17", "haiti", "2010-01-15", "would meet former Presidents"), date(2010, 1, 15), "Saturday", "2010-01-16"),
        (("t17", "haiti", "2010-01-13", "by Thursday or Friday"), date(2010, 1, 13), "Friday", "2010-01-15"),
        (("t17", "haiti", "2010-01-21", "died in last Tuesday"), date(2010, 1, 21), "last Tuesday", "2010-01-12"),
        (("t17", "mj", "2010-02-05", "officially released Monday"), date(2010, 2, 5), "Monday", "2010-02-08"),
    ],
    ids=["mj-hearing-set-for-april", "mj-hearing-scheduled-for-august", "seed-explicit-september-2025",
         "haiti-would-meet-on-saturday", "haiti-by-thursday-or-friday", "haiti-last-tuesday-said-thursday",
         "mj-charges-released-monday"],
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
