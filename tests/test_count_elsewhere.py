"""Counts of another time than the story's (link/facttypes/count_elsewhere.py), on hand-built articles whose
sentences were written for these tests: a toll told in the simple past right after a sentence about an earlier
year is that year's, even when a quote in its sentence says "will have"; a toll in the perfect ("has killed")
is today's.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument, Document, PublishedDate, Quantity, Sentence

EARLIER = "Older readers remember the great flu of 1957. "


def tolls(second: str, number: str, value: float) -> list[str]:
    """The values of the counts observed in a two-sentence article: a sentence about 1957, then `second`."""
    text = EARLIER + second
    doc = Document("d1", "d1", text, None, "Outlet d1", None, None, "en",
                   PublishedDate(date(2011, 5, 20), "metadata", 1.0, "test"))
    start = text.index(number)
    q = Quantity(number, value, False, "people", start, start + len(number), verb="kill")
    sentences = (Sentence(0, len(EARLIER) - 1), Sentence(len(EARLIER), len(text)))
    annotated = AnnotatedDocument(doc, sentences=sentences, entities=(), quantities=(q,))
    return [o.value for o in observe(annotated) if o.ask == "count"]


@pytest.mark.parametrize("second, number, value, kept", [
    ('That outbreak killed up to two million people, and "we will have deaths this time too," a doctor said.',
     "up to two million", 2000000, False),
    ("That outbreak killed up to two million people, a doctor said.", "up to two million", 2000000, False),
    ("The new strain has killed 40 people so far, a doctor said.", "40", 40, True),
], ids=["will-have-in-a-quote-is-no-perfect", "simple-past", "perfect-is-today"])
def test_a_toll_told_after_an_earlier_year_is_that_years(second, number, value, kept):
    assert bool(tolls(second, number, value)) is kept
