"""Groups articles into stories, incrementally.

A story keeps a signature: summed, length-normalised term weights of its
articles (entity names weigh more than plain words). A new article joins the
most similar story above a threshold or starts its own, so adding articles never
reclusters what is stored. Dates play no part, so undated articles group too.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

JOIN_THRESHOLD = 0.18
ENTITY_WEIGHT = 3.0
SIGNATURE_TERMS = 300
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


@dataclass(frozen=True)
class Assignment:
    doc_id: str
    story_id: str
    similarity: float
    new_story: bool


def document_terms(text: str, entity_names: Iterable[str]) -> dict[str, float]:
    """Unit-length term weights for one article: content words plus entity names."""
    counts: Counter[str] = Counter(
        w.lower() for w in _WORD.findall(text) if w.lower() not in STOP_WORDS
    )
    weights = {w: 1.0 + math.log(c) for w, c in counts.items()}
    for name in entity_names:
        key = "@" + name.lower()
        weights[key] = weights.get(key, 0.0) + ENTITY_WEIGHT
    return _normalise(weights)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def assign(doc_id: str, terms: dict[str, float], signatures: dict[str, dict[str, float]]) -> Assignment:
    """The story this article belongs to; `signatures` is updated in place."""
    best_id, best = None, 0.0
    for story_id, signature in signatures.items():
        score = cosine(terms, signature)
        if score > best:
            best_id, best = story_id, score
    if best_id is not None and best >= JOIN_THRESHOLD:
        signatures[best_id] = merge(signatures[best_id], terms)
        return Assignment(doc_id, best_id, best, False)
    story_id = "story-" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]
    signatures[story_id] = dict(terms)
    return Assignment(doc_id, story_id, 1.0, True)


def merge(signature: Mapping[str, float], terms: Mapping[str, float]) -> dict[str, float]:
    summed = Counter(signature)
    summed.update(terms)
    top = dict(summed.most_common(SIGNATURE_TERMS))
    return _normalise(top)


def _normalise(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}
