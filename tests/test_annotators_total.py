"""Every annotator is total: real news sentences, hostile strings, any document date or none, through the
whole English pipeline with errors raised (not isolated), never an exception.

Real sentences come from Timeline17 under .cache/benchmarks (unpacked from ../shared/benchmarks; the
real-sentence test skips when absent); hostile strings are written here.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.annotate.pipeline import default_pipeline
from dateline.model import Document, PublishedDate

pytestmark = pytest.mark.slow

T17 = Path(__file__).resolve().parents[1] / ".cache" / "benchmarks" / "timelines-t17-dev"
HOSTILE = [
    "", " ", "\n\n", "“", "\"\"\"", "said", "He said.", ":", "— —", "'' `` -LRB- -RRB-",
    "The treaty will last for the next 10,000 years, officials said on Tuesday.",
    "A year ago, 1,000,000,000,000,000 people were said to have fled, \"according to\" nobody.",
    "“Unclosed quote, said the minister, and then “another one.",
    "Killed: 5. Injured: 10-12. Missing: half a million. Displaced: tens of thousands.",
    "According to according to according to.",
    "这是一个中文句子。 Then English. ” said ” he “",
    "$" * 50 + " 100% 3/4 1½ ½ -0 +0 1e309 NaN inf",
]


def _sentences() -> list[str]:
    files = sorted(T17.rglob("outputwithpub.csv"))
    if not files:
        return []
    found: list[str] = []
    for path in files:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for i, row in enumerate(csv.reader(fh)):
                if len(row) >= 2 and i % 7 == 0:
                    found.extend(s for s in re.split(r"(?<=[.!?])\s+", row[1]) if 20 < len(s) < 400)
    return found[:3000]


SENTENCES = _sentences()
DATES = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                  st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2011, 3, 1), date(2024, 2, 29)]))


@pytest.fixture(scope="module")
def run():
    from dateline.annotate.span_tagger import disable
    from dateline.nlp import load_nlp

    disable()  # the rules are the part under test; the tagger's model is covered by its own tests
    nlp, pipeline = load_nlp(), default_pipeline()

    def annotate(text: str, dct: date | None):
        published = PublishedDate(dct, "metadata", 1.0, "test") if dct else PublishedDate.unknown()
        document = Document("t", "t.txt", text, None, None, None, None, "en", published)
        return pipeline.annotate_parsed([document], [nlp(text)])[0]

    return annotate


def _holds(annotated) -> None:
    text = annotated.document.text
    for layer in ("sentences", "entities", "timexes", "quantities", "claims"):
        for span in getattr(annotated, layer):
            assert 0 <= span.start <= span.end <= len(text), (layer, span)


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
@pytest.mark.parametrize("dct", [None, date(1, 1, 1), date(9999, 12, 31), date(2011, 3, 1)],
                         ids=["undated", "year-1", "year-9999", "first-of-month"])
def test_hostile_text_any_date(run, text, dct):
    _holds(run(text, dct))


@pytest.mark.skipif(not SENTENCES, reason="Timeline17 is not unpacked under .cache/benchmarks")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picked=st.lists(st.sampled_from(SENTENCES or ["x"]), min_size=1, max_size=4), dct=DATES,
       joiner=st.sampled_from([" ", "\n", "\n\n"]))
def test_real_sentences_any_date(run, picked, dct, joiner):
    _holds(run(joiner.join(picked), dct))
