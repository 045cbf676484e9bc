"""Where a story's period starts, and which sentences a clock time dates: hand-built documents (no model).

A day before the first article stays in the story's period when independent sources report it (the event the
first articles follow) or when it is the day just before; a lone earlier day, and a month or year that ends
before the first article, are background. A clock joined to an earlier day ("at 10 p.m. on Wednesday") dates
its sentence; a bare clock, a page's stamp and a clock on the publication day itself do not.
"""

from datetime import date

import pytest

from dateline.model import AnnotatedDocument, Document, PublishedDate, Sentence, TimeExpr
from dateline.views.timeline import build_timeline
from dateline.views.timeline_placing import place_sentences


def _doc(doc_id: str, published: date, lines: list[str], times: dict[int, tuple[str, str, str]] | None = None):
    """An article of `lines`, one sentence each; `times`: line -> (type, value, the words of the expression)."""
    text = "\n".join(lines)
    sentences, timexes, cursor = [], [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(cursor, cursor + len(line)))
        if times and i in times:
            kind, value, words = times[i]
            at = cursor + line.index(words)
            timexes.append(TimeExpr(words, kind, value, "point", at, at + len(words)))
        cursor += len(line) + 1
    document = Document(doc_id, doc_id, text, None, "Outlet " + doc_id, None, None, "en",
                        PublishedDate(published, "metadata", 1.0, "test"))
    return AnnotatedDocument(document, sentences=tuple(sentences), timexes=tuple(timexes))


FIRST = date(2022, 11, 10)  # the day of the story's first article
COLLAPSE = "The roof of the sports hall collapsed under the weight of snow, trapping dozens of players."
RESCUE = "Firefighters worked through the night to free the players trapped under the fallen roof."
OTHER_HALL = "A smaller roof in a town to the north gave way on {} under far less snow, the agency recalled."
REPORT = "An inspectors' report warned in {} that the roof of the sports hall needed urgent repairs."
EVE = "Engineers had checked the hall's snow sensors on {} and found nothing wrong, the council said."


def _story(*extra: AnnotatedDocument) -> list[AnnotatedDocument]:
    return [_doc("a", FIRST, [COLLAPSE, RESCUE]), _doc("b", date(2022, 11, 11), [RESCUE, COLLAPSE]), *extra]


def _parts(docs: list[AnnotatedDocument]) -> tuple[set[str], set[str]]:
    timeline = build_timeline("s", "Roof", docs)
    return {e.date for e in timeline.entries}, {e.date for e in timeline.background}


@pytest.mark.parametrize(
    ("extra", "day", "part"),
    [
        ([_doc("c", date(2022, 11, 11), [OTHER_HALL.format("2 November")], {0: ("DATE", "2022-11-02", "2 November")})],
         "2022-11-02", "background"),
        ([_doc("c", date(2022, 11, 11), [REPORT.format("October")], {0: ("DATE", "2022-10", "October")})],
         "2022-10", "background"),
        ([_doc(d, date(2022, 11, 11), [OTHER_HALL.format("2 November") + w], {0: ("DATE", "2022-11-02", "2 November")})
          for d, w in (("c", " It held."), ("e", " Nobody was hurt."))], "2022-11-02", "entries"),
        ([_doc("c", date(2022, 11, 11), [EVE.format("Wednesday")], {0: ("DATE", "2022-11-09", "Wednesday")})],
         "2022-11-09", "entries"),
        ([_doc("c", date(2022, 11, 11), [REPORT.format("November")], {0: ("DATE", "2022-11", "November")})],
         "2022-11", "entries"),
    ],
    ids=["lone-day-a-week-before", "month-ended-before", "day-two-sources-report", "lone-day-just-before",
         "month-of-the-first-article"],
)
def test_what_before_the_first_article_is_background(extra, day, part):
    entries, background = _parts(_story(*extra))
    assert day in (background if part == "background" else entries)
    assert day not in (entries if part == "background" else background)


def test_period_start_still_allows_the_margin():
    timeline = build_timeline("s", "Roof", _story())
    assert timeline.period_start is not None and timeline.period_start < FIRST


PUBLISHED = date(2021, 10, 22)  # a Friday
LEAD = "The city council met in an emergency session to discuss the flooded underpass."


@pytest.mark.parametrize(
    ("line", "time", "named"),
    [
        ("Police were called to the flooded underpass at 10 p.m. Wednesday, a spokesman said.",
         ("TIME", "2021-10-20T22:00", "10 p.m. Wednesday"), "2021-10-20"),
        ("The water main burst at 1700 BST on 19 October 2021, according to the utility company.",
         ("TIME", "2021-10-19T17:00", "1700 BST on 19 October 2021"), "2021-10-19"),
        ("The water main burst at 1653 local time, close to the busy junction under the railway.",
         ("TIME", "2021-10-22T16:53", "1653"), None),
        ("HARBOURTOWN | Wed Oct 20, 2021 6:31pm EDT Council statement on the flooded underpass",
         ("TIME", "2021-10-20T18:31", "Wed Oct 20, 2021 6:31pm EDT"), None),
        ("Pumps were brought in this morning to clear the water from the flooded underpass.",
         ("TIME", "2021-10-22TMO", "this morning"), None),
    ],
    ids=["clock-with-weekday", "clock-on-explicit-date", "bare-clock", "page-stamp", "publication-morning"],
)
def test_a_clock_dates_its_sentence_only_when_joined_to_an_earlier_day(line, time, named):
    doc = _doc("c", PUBLISHED, [LEAD, LEAD, LEAD, LEAD, LEAD, line], {5: time})
    dates = {p.date for p in place_sentences(doc) if p.named and p.citation.text == line}
    assert dates == ({named} if named else set())
