"""Who repeats whom: articles that reuse earlier articles' sentences.

Two reports of the same facts are independent corroboration only if one did not
copy the other. A sentence is reused when it and one sentence of the other
article share at least `MATCH` of the shorter one's word trigrams: word-for-word copies and light
rewrites ("will finish pulling" -> "will complete pulling") alike. An article
repeats another when it reuses at least `MIN_SHARED` of its sentences; the copy
is the later of the two by publication date, and each copy is linked to one
source: the article it reuses most (the earliest among equals), so a wire story
re-published a hundred times gives a hundred links, not five thousand. Articles
published the same day share wording with no known direction, which is kept as
such. Only sentences of `MIN_WORDS` words or more count: datelines, bylines and
stock phrases are not evidence of copying, and neither is one shared quote (two
outlets at the same press conference).

Matching runs over distinct wordings, not sentences: syndicated stories repeat
the same sentences across many articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

MIN_WORDS = 8
MIN_SHARED = 2
MATCH = 0.6
COMMON = 200  # trigrams in more wordings than this ("the united states") locate nothing
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Article:
    """What copy detection needs of an article: its date and sentences."""

    id: str
    published: date | None
    sentences: tuple[tuple[int, int, str], ...]  # (start, end, text)


@dataclass(frozen=True)
class Reuse:
    """`copy` carries `shared` sentences of `source` (`share` of its own counted sentences).

    `directed` is False when both came out the same day (or undated): then the
    two share wording and neither is known to be the source.
    """

    copy: str
    source: str
    shared: int
    share: float
    directed: bool
    example: tuple[int, int]  # offsets in `copy` of the first shared sentence


def find_reuse(articles: Sequence[Article]) -> list[Reuse]:
    """For each article that reuses at least MIN_SHARED long sentences of another, its source."""
    wordings = _Wordings(articles)
    by_id = {a.id: a for a in articles}
    found = [r for a in articles if (r := _best_source(a, wordings, by_id)) is not None]
    return sorted(found, key=lambda r: (-r.shared, r.copy, r.source))


class _Wordings:
    """The distinct long sentence wordings of a story: who holds each, and which are alike."""

    def __init__(self, articles: Sequence[Article]):
        self.of_article: dict[str, dict[str, tuple[int, int]]] = {}  # article -> wording -> first offsets
        self.holders: dict[str, list[str]] = defaultdict(list)
        for a in articles:
            mine: dict[str, tuple[int, int]] = {}
            for start, end, text in a.sentences:
                words = _WORD.findall(text.lower())
                if len(words) >= MIN_WORDS:
                    mine.setdefault(" ".join(words), (start, end))
            self.of_article[a.id] = mine
            for wording in mine:
                self.holders[wording].append(a.id)
        self.alike = _alike(list(self.holders))


def _alike(wordings: list[str]) -> dict[str, list[str]]:
    """Each wording -> the wordings (itself included) sharing MATCH of the shorter one's trigrams."""
    grams = [_trigrams(w) for w in wordings]
    postings: dict[str, list[int]] = defaultdict(list)
    for n, gs in enumerate(grams):
        for g in gs:
            postings[g].append(n)
    alike: dict[str, list[str]] = {}
    for n, gs in enumerate(grams):
        hits = Counter(m for g in gs if len(postings[g]) <= COMMON for m in postings[g])
        alike[wordings[n]] = [wordings[n]] + [
            wordings[m] for m, count in hits.items()
            if m != n and count >= MATCH * min(len(gs), len(grams[m]))
        ]
    return alike


def _trigrams(wording: str) -> frozenset[str]:
    words = wording.split()
    return frozenset(" ".join(words[k : k + 3]) for k in range(len(words) - 2))


def _best_source(article: Article, wordings: _Wordings, by_id: dict[str, Article]) -> Reuse | None:
    mine = wordings.of_article[article.id]
    reused: dict[str, dict[str, None]] = defaultdict(dict)  # other article -> my wordings it holds
    for wording in mine:
        for similar in wordings.alike[wording]:
            for other in wordings.holders[similar]:
                if other != article.id:
                    reused[other][wording] = None
    candidates = [(other, list(ws)) for other, ws in reused.items()
                  if len(ws) >= MIN_SHARED and _may_copy(article, by_id[other])]
    if not candidates:
        return None
    other, shared = max(candidates, key=lambda c: (len(c[1]), _earliness(by_id[c[0]]), c[0]))
    example = min(mine[w] for w in shared)
    directed = _dated_apart(article, by_id[other])
    return Reuse(article.id, other, len(shared), len(shared) / len(mine), directed, example)


def _may_copy(copy: Article, source: Article) -> bool:
    """Whether `copy` can be the copy of `source`: published later; on the same day (or
    undated) only one of the two is listed, in a stable order."""
    if _dated_apart(copy, source):
        return copy.published > source.published
    return copy.id > source.id


def _dated_apart(a: Article, b: Article) -> bool:
    """Both dated, on different days: then the later one is the copy."""
    return a.published is not None and b.published is not None and a.published != b.published


def _earliness(a: Article) -> tuple[int, int]:
    """Larger for earlier articles, so `max` prefers the earliest source among equals."""
    return (0, 0) if a.published is None else (1, -a.published.toordinal())


class UnionFind:
    """Groups of items joined pairwise; each group is named by its smallest item."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def copy_groups(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each article that repeats or is repeated by another (a copy, a rewrite, a near duplicate, or two
    articles sharing wording the same day) -> the name of its group: one independent source."""
    groups = UnionFind()
    for a, b in pairs:
        groups.join(a, b)
    return {item: groups.root(item) for item in list(groups.parent)}
