"""Summarising a timeline's date: the sentences closest to the centroid of everything
placed on it (TF-IDF over the story's sentences), preferring sentences that name the
date; near-duplicates are merged into the chosen sentence, keeping every citation.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.model import Citation, TimelineEntry
from dateline.views.timeline_placing import Placed
from dateline.views.timeline_ranking import _WORD, _sources

NAMED_BONUS = 0.3  # a sentence that names its date beats one dated only by its article
MERGE_OVERLAP = 0.5


def _summarise(day: str, placed: list[Placed], wordings: _Wordings, k: int) -> list[TimelineEntry]:
    vectors, words = wordings.vectors, wordings.words
    centroid = _centroid([(vectors[t], n) for t, n in Counter(_text(p) for p in placed).items()])
    closeness = {t: _cosine(vectors[t], centroid) for t in {_text(p) for p in placed}}
    order = sorted(
        range(len(placed)),
        key=lambda i: (-closeness[_text(placed[i])] * (1 + NAMED_BONUS * placed[i].named), i),
    )
    chosen: list[int] = []
    for i in order:
        if len(chosen) == k:
            break
        if all(_overlap(words[_text(placed[i])], words[_text(placed[j])]) < MERGE_OVERLAP for j in chosen):
            chosen.append(i)
    return [_entry(day, placed[i], _twins(placed[i], placed, words)) for i in chosen]


def _twins(main: Placed, placed: list[Placed], words: dict[str, frozenset[str]]) -> list[Placed]:
    """Other sentences on the same date that say nearly the same thing."""
    mine = words[_text(main)]
    similar = {t for t in {_text(p) for p in placed} if _overlap(mine, words[t]) >= MERGE_OVERLAP}
    return [p for p in placed if p is not main and _text(p) in similar]


def _entry(day: str, main: Placed, twins: list[Placed]) -> TimelineEntry:
    citations: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for p in [main, *twins]:
        key = (p.citation.document, p.citation.start)
        if key not in seen:
            seen.add(key)
            citations.append(p.citation)
    documents = tuple(dict.fromkeys(c.document for c in citations))
    basis = _basis(main)
    return TimelineEntry(day, citations[0].text, documents, tuple(citations), basis, main.expression,
                         date_reason(main), len(_sources([main, *twins])))


def _basis(p: Placed) -> str:
    if not p.named:
        return "published"
    if p.anchor is None:
        return "explicit"
    published = p.citation.published
    return "relative" if published is not None and p.anchor == published.isoformat() else "narrative"


def date_reason(p: Placed) -> str:
    """Why a sentence stands on its date, in words: the expression and what it was read against."""
    basis = _basis(p)
    when = p.citation.published.isoformat() if p.citation.published else "undated"
    if basis == "published":
        return f"names no date: the article's publication date ({when})"
    if basis == "explicit":
        return f'"{p.expression}": an explicit date'
    if basis == "relative":
        return f'"{p.expression}": counted from the article\'s publication date ({when})'
    return f'"{p.expression}": counted from an earlier date in the article ({p.anchor})'


def _text(p: Placed) -> str:
    return p.citation.text


@dataclass(frozen=True)
class _Wordings:
    """Each distinct sentence wording of a timeline, tokenised and weighed once: a story
    repeats its sentences across articles and dates."""

    vectors: dict[str, dict[str, float]]  # TF-IDF, unit length
    words: dict[str, frozenset[str]]

    @classmethod
    def of(cls, placed: Sequence[Placed]) -> _Wordings:
        sentences = {(p.citation.document, p.citation.start): _text(p) for p in placed}.values()
        counts = {t: Counter(_WORD.findall(t.lower())) for t in set(sentences)}
        df: Counter[str] = Counter()
        for text in sentences:
            df.update(counts[text].keys())
        n = len(sentences) or 1
        idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        return cls({t: _vector(c, idf) for t, c in counts.items()}, {t: frozenset(c) for t, c in counts.items()})


def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    weights = {w: c * idf[w] for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _centroid(weighted: Sequence[tuple[dict[str, float], int]]) -> dict[str, float]:
    summed: dict[str, float] = defaultdict(float)
    for v, n in weighted:
        for w, x in v.items():
            summed[w] += n * x
    norm = math.sqrt(sum(v * v for v in summed.values())) or 1.0
    return {w: v / norm for w, v in summed.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / (min(len(x), len(y)) or 1)
