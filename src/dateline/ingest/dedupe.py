"""Near-duplicate articles: the same story republished with small edits.

Exact duplicates share `prepare.content_hash`; near duplicates (a wire story
with a new headline, a trimmed paragraph, an added sentence) do not. Each text
becomes the set of its word 5-grams; MinHash signatures and locality-sensitive
hashing (`datasketch`) find candidate pairs without comparing every pair, and
the exact Jaccard similarity of the shingle sets decides. Duplicates are
reported for linking, never dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from datasketch import MinHash, MinHashLSH

__all__ = ["DEFAULT_THRESHOLD", "DuplicateIndex", "near_duplicates", "shingle_set"]

logger = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.6
_SHINGLE_WORDS = 5
_NUM_PERM = 128
_WORD = re.compile(r"\w+")


class Text(Protocol):
    """Anything with an id and a text: Documents, or rows from the store."""

    id: str
    text: str


class DuplicateIndex:
    """Articles seen so far, to which each new one is compared as it arrives (an ingest streams)."""

    def __init__(self, known: Iterable[Text] = (), *, threshold: float = DEFAULT_THRESHOLD):
        self.threshold = threshold
        self._index = MinHashLSH(threshold=threshold, num_perm=_NUM_PERM)
        self._shingles: dict[str, frozenset[str]] = {}
        for doc in known:
            self._add(doc.id, shingle_set(doc.text))

    def add(self, doc: Text) -> list[tuple[str, str, float]]:
        """(doc id, earlier id, Jaccard similarity) for each earlier article at or above the threshold,
        most similar first; then `doc` joins the index. An id already indexed is not compared again."""
        if doc.id in self._shingles:
            return []
        mine = shingle_set(doc.text)
        pairs: list[tuple[str, str, float]] = []
        if mine:
            found = ((doc.id, other, round(_jaccard(mine, self._shingles[other]), 3))
                     for other in self._index.query(_minhash(mine)))
            pairs = sorted((p for p in found if p[2] >= self.threshold), key=lambda p: (-p[2], p[1]))
        self._add(doc.id, mine)
        return pairs

    def _add(self, doc_id: str, mine: frozenset[str]) -> None:
        if mine and doc_id not in self._shingles:
            self._shingles[doc_id] = mine
            self._index.insert(doc_id, _minhash(mine))


def near_duplicates(
    docs: Sequence[Text], *, known: Iterable[Text] = (), threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, str, float]]:
    """(later id, earlier id, Jaccard similarity) for each pair at or above `threshold`.

    `docs` are new articles in ingest order; `known` are ones already stored.
    Each new article is compared with the known ones and the new ones before it,
    so every pair is reported once, in ingest order, most similar first.
    Exact duplicates score 1.0.
    """
    index = DuplicateIndex(known, threshold=threshold)
    return [pair for doc in docs for pair in index.add(doc)]


def shingle_set(text: str) -> frozenset[str]:
    """The word 5-grams of `text`, lowercased; short texts are one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= _SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + _SHINGLE_WORDS]) for i in range(len(words) - _SHINGLE_WORDS + 1))


def _minhash(shingles: frozenset[str]) -> MinHash:
    signature = MinHash(num_perm=_NUM_PERM)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return signature


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)
