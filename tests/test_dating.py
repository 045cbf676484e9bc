"""Tests for document dating: declared dates, date lines, inference and corpus refinement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.ingest.dating import date_document, refine_undated
from dateline.model import Document, PublishedDate

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

DECLARED = [
    ("Tuesday, July 23, 2024", date(2024, 7, 23)),
    ("10 January 2025", date(2025, 1, 10)),
    ("2024-07-23T10:00:00Z", date(2024, 7, 23)),
    ("2024-07-23", date(2024, 7, 23)),
    ("Sept. 3, 2023 14:05", date(2023, 9, 3)),
]


@pytest.mark.parametrize(("declared", "expected"), DECLARED, ids=[d[0] for d in DECLARED])
def test_declared_dates_are_metadata(declared, expected):
    published = date_document("Some text.", declared=declared)
    assert (published.value, published.method) == (expected, "metadata")
    assert published.confidence >= 0.9


DATELINES = [
    ("• Friday, 10 January 2025\nlogo\nA headline here\nBody text follows.", date(2025, 1, 10)),
    ("Menu\nGulan Media January 10, 2025 News\nThe body starts here.", date(2025, 1, 10)),
    ("Tuesday, July 23, 2024\n\nIraq weighs a pull-out, officials say\n", date(2024, 7, 23)),
]


@pytest.mark.parametrize(("raw", "expected"), DATELINES, ids=["weekday-dmy", "outlet-mdy", "weekday-mdy"])
def test_date_line_in_raw_text(raw, expected):
    published = date_document("The body.", raw_text=raw)
    assert (published.value, published.method) == (expected, "dateline")


def test_unparseable_declared_date_falls_back_to_date_line():
    published = date_document("Body.", declared="sometime soon", raw_text="March 3, 2025\nBody.")
    assert (published.value, published.method) == (date(2025, 3, 3), "dateline")


def test_headline_with_a_date_is_not_a_date_line():
    raw = "Leaders agree to hold the summit on March 3, 2025 in the capital city\nBody."
    assert date_document("Body.", raw_text=raw).method != "dateline"


INFERRED = [
    (
        "The defence ministry said on Thursday that the handover was put off. A rocket attack on August 5 "
        "wounded four soldiers. The first units are to leave by September, and the rest by September 2025.",
        date(2024, 8, 8),
    ),
    (
        "The agreement, published on Friday, says the mission will wind down over the next 12 months, "
        "ending no later than September 2025. Patrols will continue until at least September 2026.",
        date(2024, 9, 27),
    ),
    (
        "Parliament voted on Monday to extend the mandate. The previous mandate expired on March 31, 2023, "
        "and the new one runs until March 2024, the speaker said.",
        date(2023, 4, 3),
    ),
]


@pytest.mark.parametrize(("text", "expected"), INFERRED, ids=["attack-thursday", "next-12-months", "expired"])
def test_inferred_dates_are_close(text, expected):
    published = date_document(text)
    assert published.method == "inferred"
    assert published.value is not None and abs((published.value - expected).days) <= 3
    assert 0.0 <= published.confidence <= 0.7
    assert published.reason


def test_raw_only_caption_counts_as_evidence():
    text = "The statement was issued on Friday. The mission will end by September 2025."
    raw = text + "\nFile photo: a convoy near the border, Sept. 23, 2024."
    published = date_document(text, raw_text=raw)
    assert published.value == date(2024, 9, 27)
    assert "Sept. 23, 2024" in published.reason


def test_nothing_to_go_on_is_unknown():
    published = date_document("The weather was pleasant and the market was busy.")
    assert (published.value, published.method) == (None, "unknown")
    assert published.reason


def _doc(doc_id: str, text: str, published: PublishedDate) -> Document:
    return Document(doc_id, doc_id, text, None, None, None, None, "en", published)


DONOR_TEXT = ("In a joint statement on Friday, the defence ministers agreed to close the northern airbase "
              "by June 2026.")
RECEIVER_TEXT = ("The defence ministers' joint statement on Friday said the northern airbase would close "
                 "by June 2026.")


def test_refine_borrows_the_date_of_the_same_event():
    donor = _doc("a", DONOR_TEXT, PublishedDate(date(2025, 3, 15), "metadata", 0.95, "declared"))
    receiver = _doc("b", RECEIVER_TEXT, PublishedDate.unknown())
    refined = refine_undated([receiver], known=[donor])
    assert refined[0].published.value == date(2025, 3, 14)  # the Friday before the donor's Saturday
    assert refined[0].published.method == "corpus"
    assert "a" in refined[0].published.reason


REFINE_UNCHANGED = [
    ("confident", PublishedDate(date(2025, 1, 1), "dateline", 0.9, "date line"), RECEIVER_TEXT),
    ("other-event", PublishedDate.unknown(), "Farmers protested on Friday about grain prices in June 2026."),
]


@pytest.mark.parametrize(("name", "published", "text"), REFINE_UNCHANGED, ids=[c[0] for c in REFINE_UNCHANGED])
def test_refine_leaves_other_documents_alone(name, published, text):
    donor = _doc("a", DONOR_TEXT, PublishedDate(date(2025, 3, 15), "metadata", 0.95, "declared"))
    receiver = _doc("b", text, published)
    assert refine_undated([receiver], known=[donor])[0] == receiver


SEED_DATES = {"000": date(2025, 1, 10), "001": date(2024, 7, 23), "002": date(2024, 9, 27),
              "003": date(2024, 8, 8), "004": date(2024, 9, 27)}


def _seed_documents() -> list[Document]:
    try:
        from dateline.ingest.clean import clean_text
    except ImportError:
        clean_text = None
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        text = clean_text(raw).text if clean_text else raw
        published = date_document(text, raw_text=raw)
        docs.append(Document(path.name[:3], str(path), text, None, None, None, None, "en", published, raw_text=raw))
    return docs


@pytest.mark.seeds
def test_seed_documents_are_dated():
    if not SEEDS.is_dir():
        pytest.skip("seed articles not present")
    docs = {d.id: d for d in refine_undated(_seed_documents())}
    assert docs["000"].published.value == SEED_DATES["000"]
    assert docs["001"].published.value == SEED_DATES["001"]
    for doc_id in ("002", "003", "004"):
        published = docs[doc_id].published
        assert published.value is not None, doc_id
        assert abs((published.value - SEED_DATES[doc_id]).days) <= 3, (doc_id, published)
        assert published.reason


def test_refine_uses_the_period_of_related_dated_documents():
    text = "The council met on Monday after the flood on May 2. Repairs must finish by December 2026."
    alone = date_document(text)
    receiver = _doc("b", text, alone)
    donor = _doc("a", "Engineers say the dam repairs must finish by December 2026.",
                 PublishedDate(date(2024, 5, 10), "metadata", 0.95, "declared"))
    refined = refine_undated([receiver], known=[donor])[0].published
    assert alone.value != date(2024, 5, 6)
    assert (refined.value, refined.method) == (date(2024, 5, 6), "corpus")
    assert "(a)" in refined.reason


NO_YEAR = [
    ("weekdays-only", "The minister resigned on Tuesday. Talks resume on Friday, aides said."),
    ("month-day-only", "The storm reached the coast on March 3 and the clean-up began on March 5."),
    ("bare-past-year", "The bridge, built in 1968, was closed on Monday after cracks were found."),
    ("bare-year-and-month-day", "The last flood was in 1998. Rain began on 4 May and the river rose on Thursday."),
]


@pytest.mark.parametrize(("name", "text"), NO_YEAR, ids=[c[0] for c in NO_YEAR])
def test_no_stated_year_is_unknown(name, text):
    published = date_document(text)
    assert (published.value, published.method) == (None, "unknown")
    assert "year" in published.reason


ANCHORED = [
    # the newest stated event, then the weekday named after it
    ("caption-date", "Rescue teams search the rubble in Lorton, March 2, 2022. The quake struck on Wednesday, "
     "and aftershocks continued on Thursday.", date(2022, 3, 3)),
    ("stated-year-in-current-year", "The plant closed on Oct. 11, 2021, the company said on Monday.",
     date(2021, 10, 11)),
]


@pytest.mark.parametrize(("name", "text", "expected"), ANCHORED, ids=[c[0] for c in ANCHORED])
def test_newest_stated_date_anchors_the_inference(name, text, expected):
    published = date_document(text)
    assert published.value is not None and abs((published.value - expected).days) <= 2, published


def test_tagger_failure_loses_only_the_failing_line(monkeypatch):
    from dateline.ingest import dating_timexes as dating

    real_tag = dating.tag

    def flaky(text, dct):
        if "cursed" in text:
            raise ValueError("year 0 is out of range")
        return real_tag(text, dct)

    monkeypatch.setattr(dating, "tag", flaky)
    dating._tag_cached.cache_clear()
    text = "A cursed phrase that breaks the tagger.\nThe mandate expired on March 31, 2023, officials said on Monday."
    published = date_document(text)
    dating._tag_cached.cache_clear()
    assert published.value is not None and abs((published.value - date(2023, 4, 3)).days) <= 3


def test_weekend_mentions_do_not_break_refinement():
    receiver = _doc("b", "Crowds gathered over the weekend and again on Friday near the northern airbase.",
                    PublishedDate.unknown())
    donor = _doc("a", DONOR_TEXT, PublishedDate(date(2025, 3, 15), "metadata", 0.95, "declared"))
    assert refine_undated([receiver], known=[donor])[0].published.method in ("unknown", "corpus")


LENT_YEARS = [("4 May", "1998-05-04", "XXXX-05-04"), ("4 May 2001", "2001-05-04", "2001-05-04"),
              ("May '01", "2001-05", "2001-05"), ("1998", "1998", "1998")]


@pytest.mark.parametrize(("text", "value", "expected"), LENT_YEARS, ids=[c[0] for c in LENT_YEARS])
def test_only_written_years_count(text, value, expected):
    from dateline.ingest.dating_clues import _as_written
    from dateline.model import TimeExpr

    assert _as_written(TimeExpr(text, "DATE", value, "point", 0, len(text))) == expected
