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

__all__ = ["DEFAULT_THRESHOLD", "near_duplicates", "shingle_set"]

logger = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.6
_SHINGLE_WORDS = 5
_NUM_PERM = 128
_WORD = re.compile(r"\w+")


class Text(Protocol):
    """Anything with an id and a text: Documents, or rows from the store."""

    id: str
    text: str


def near_duplicates(
    docs: Sequence[Text], *, known: Iterable[Text] = (), threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, str, float]]:
    """(later id, earlier id, Jaccard similarity) for each pair at or above `threshold`.

    `docs` are new articles in ingest order; `known` are ones already stored.
    Each new article is compared with the known ones and the new ones before it,
    so every pair is reported once, in ingest order, most similar first.
    Exact duplicates score 1.0.
    """
    index = MinHashLSH(threshold=threshold, num_perm=_NUM_PERM)
    shingles: dict[str, frozenset[str]] = {}
    for doc in known:
        _add(index, shingles, doc)
    pairs: list[tuple[str, str, float]] = []
    for doc in docs:
        if doc.id in shingles:
            continue
        mine = shingle_set(doc.text)
        if mine:
            found = ((doc.id, other, round(_jaccard(mine, shingles[other]), 3)) for other in index.query(_minhash(mine)))
            pairs.extend(sorted((p for p in found if p[2] >= threshold), key=lambda p: (-p[2], p[1])))
        _add(index, shingles, doc, mine)
    return pairs


def shingle_set(text: str) -> frozenset[str]:
    """The word 5-grams of `text`, lowercased; short texts are one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= _SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + _SHINGLE_WORDS]) for i in range(len(words) - _SHINGLE_WORDS + 1))


def _add(index: MinHashLSH, shingles: dict[str, frozenset[str]], doc: Text,
         mine: frozenset[str] | None = None) -> None:
    mine = shingle_set(doc.text) if mine is None else mine
    if not mine or doc.id in shingles:
        return
    shingles[doc.id] = mine
    index.insert(doc.id, _minhash(mine))


def _minhash(shingles: frozenset[str]) -> MinHash:
    signature = MinHash(num_perm=_NUM_PERM)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return signature


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)
