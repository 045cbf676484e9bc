"""Timeline building on hand-made annotated documents (no model needed)."""

from datetime import date

import pytest

from dateline.model import AnnotatedDocument, Document, PublishedDate, Sentence, TimeExpr
from dateline.views.timeline import build_timeline


def _doc(doc_id: str, published: date | None, lines: list[str], dates: dict[int, str] | None = None):
    text = "\n".join(lines)
    sentences, timexes, cursor = [], [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(cursor, cursor + len(line)))
        if dates and i in dates:
            timexes.append(TimeExpr("that day", "DATE", dates[i], "point", cursor, cursor + 4))
        cursor += len(line) + 1
    when = PublishedDate(published, "metadata", 1.0, "test") if published else PublishedDate.unknown()
    document = Document(doc_id, doc_id, text, None, "Outlet " + doc_id, None, None, "en", when)
    return AnnotatedDocument(document, sentences=tuple(sentences), timexes=tuple(timexes))


FLOOD_DAY = "The river burst its banks and flooded the lower town overnight."
FLOOD_AGAIN = "The river burst its banks and flooded the lower town, residents said."
RESCUE = "Army boats rescued two hundred stranded residents from rooftops in the lower town."
BUDGET = "The council approved an emergency budget to rebuild the damaged bridge next spring."
BRIDGE = "Engineers inspected the old bridge and found deep cracks in two of its pillars."

DOCS = [
    _doc("a", date(2021, 3, 2), [FLOOD_DAY, RESCUE], {0: "2021-03-01"}),
    _doc("b", date(2021, 3, 3), [FLOOD_AGAIN, RESCUE], {0: "2021-03-01", 1: "2021-03-02"}),
    _doc("c", date(2021, 3, 9), [BUDGET, BRIDGE]),
    _doc("d", None, [RESCUE]),
]


@pytest.mark.parametrize(
    ("options", "dates"),
    [
        ({}, ["2021-03-01", "2021-03-02", "2021-03-09"]),
        ({"max_dates": 1}, ["2021-03-01"]),
        ({"max_dates": 2}, ["2021-03-01", "2021-03-02"]),
        ({"as_of": date(2021, 3, 2)}, ["2021-03-01", "2021-03-02"]),
        ({"since": date(2021, 3, 3)}, ["2021-03-09"]),
    ],
    ids=["all", "most-salient", "two-dates", "as-of", "since"],
)
def test_dates_kept(options, dates):
    timeline = build_timeline("s", "Flood", DOCS, **options)
    assert sorted({e.date for e in timeline.entries}) == dates


def test_duplicates_merge_keeping_every_citation():
    timeline = build_timeline("s", "Flood", DOCS, max_dates=1)
    [entry] = timeline.entries
    assert "flooded the lower town" in entry.text
    assert set(entry.documents) == {"a", "b"}
    assert len(entry.citations) == 2


@pytest.mark.parametrize(("per_date", "count"), [(1, 1), (2, 2), (5, 2)], ids=["one", "two", "capped"])
def test_per_date_limits_sentences(per_date, count):
    timeline = build_timeline("s", "Flood", DOCS, since=date(2021, 3, 9), per_date=per_date)
    assert len(timeline.entries) == count


def test_sentences_naming_a_date_are_not_also_placed_on_publication_day():
    timeline = build_timeline("s", "Flood", DOCS)
    assert "2021-03-03" not in {e.date for e in timeline.entries}


def test_planned_dates_after_publication_are_not_events():
    doc = _doc("p", date(2021, 3, 2), [BUDGET], {0: "2021-05-01"})
    timeline = build_timeline("s", "Flood", [doc])
    assert [e.date for e in timeline.entries] == ["2021-03-02"]


def test_undated_articles_contribute_only_dates_they_name():
    doc = _doc("u", None, [FLOOD_DAY, RESCUE], {0: "2021-03-01"})
    timeline = build_timeline("s", "Flood", [doc])
    assert [e.date for e in timeline.entries] == ["2021-03-01"]


def test_dates_before_the_story_go_to_the_background():
    built = "The old bridge over the river was first built by the town in spring."
    history = _doc("h", date(2021, 3, 2), [FLOOD_DAY, built], {0: "2021-03-01", 1: "1953-04"})
    timeline = build_timeline("s", "Flood", [history, *DOCS[1:]])
    assert "1953-04" not in {e.date for e in timeline.entries}
    assert [e.date for e in timeline.background] == ["1953-04"]
    assert timeline.period_start < date(2021, 3, 1)


@pytest.mark.parametrize(
    "line",
    [
        "CAIRO, Egypt | Thu Oct 20, 2011 6:31pm EDT and more words here",
        "In today's fast-changing world, staying informed has never been more important.",
        "Page last updated at 11:24 GMT, Tuesday, 27 September 2011 12:24 UK",
        "Posted by a reader on the site in the comments below the story",
    ],
    ids=["dateline-stub", "filler", "updated-stamp", "comment"],
)
def test_furniture_and_filler_never_become_entries(line):
    timeline = build_timeline("s", "Flood", [_doc("f", date(2021, 3, 2), [line])])
    assert timeline.entries == ()


def test_every_entry_says_why_it_has_its_date():
    timeline = build_timeline("s", "Flood", DOCS)
    by_date = {e.date: e for e in timeline.entries}
    assert by_date["2021-03-01"].basis == "explicit" and "explicit date" in by_date["2021-03-01"].reason
    assert by_date["2021-03-09"].basis == "published" and "publication date" in by_date["2021-03-09"].reason


def test_fresh_reports_by_independent_sources_outrank_later_recalls():
    recall = [_doc(f"r{i}", date(2021, 6, 1), [f"Looking back, the dam {w} cracked on that spring day."],
                   {0: "2021-03-05"}) for i, w in enumerate(["first", "already", "badly"])]
    news = [_doc(f"n{i}", date(2021, 3, 3), [f"Rescuers {w} reached the flooded lower town on Monday."],
                 {0: "2021-03-01"}) for i, w in enumerate(["finally", "slowly"])]
    timeline = build_timeline("s", "Flood", recall + news, max_dates=1)
    assert [e.date for e in timeline.entries] == ["2021-03-01"]
    assert timeline.entries[0].sources == 2


def test_copies_count_as_one_source():
    copies = [_doc(c, date(2021, 3, 2), [FLOOD_DAY], {0: "2021-03-01"}) for c in "xyz"]
    [entry] = build_timeline("s", "Flood", copies).entries
    assert entry.sources == 1 and len(entry.documents) == 3


def test_timeline_round_trips_through_json_with_background():
    from dateline.jsonable import to_json
    from dateline.views.timeline import timeline_from_json

    history = _doc("h", date(2021, 3, 2), [FLOOD_DAY, BRIDGE], {0: "2021-03-01", 1: "1953-04"})
    timeline = build_timeline("s", "Flood", [history])
    assert timeline_from_json(to_json(timeline)) == timeline


def test_markdown_shows_reasons_and_background_after_the_entries():
    from dateline.views.markdown import timeline_md

    history = _doc("h", date(2021, 3, 2), [FLOOD_DAY, BRIDGE], {0: "2021-03-01", 1: "1953-04"})
    text = timeline_md(build_timeline("s", "Flood", [history]))
    assert text.index("2021-03-01") < text.index("### Background") < text.index("1953-04")
    assert "_date: " in text
