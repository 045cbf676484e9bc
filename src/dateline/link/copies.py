"""Who repeats whom: articles that reuse earlier articles' sentences.

Two reports of the same facts are independent corroboration only if one did not
copy the other. A sentence is reused when at least `MATCH` of its word trigrams
appear in one sentence of the other article: word-for-word copies and light
rewrites ("will finish pulling" -> "will complete pulling") alike. An article
repeats another when it reuses at least `MIN_SHARED` of its sentences; the copy
is the later of the two by publication date. Articles published the same day
share wording with no known direction, which is kept as such. Only sentences of
`MIN_WORDS` words or more count: datelines, bylines and stock phrases are not
evidence of copying, and neither is one shared quote (two outlets at the same
press conference).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MIN_WORDS = 8
MIN_SHARED = 2
MATCH = 0.6
COMMON = 200  # trigrams in more sentences than this ("the united states") locate nothing
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Article:
    """What copy detection needs of an article: its date, outlet and sentences."""

    id: str
    outlet: str | None
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
    """Every pair of articles reusing at least MIN_SHARED long sentences, copy -> source."""
    sentences = [(a.id, i, _trigrams(text)) for a in articles for i, (_, _, text) in enumerate(a.sentences)]
    sentences = [s for s in sentences if s[2]]
    postings: dict[str, list[int]] = defaultdict(list)
    for n, (_, _, grams) in enumerate(sentences):
        for g in grams:
            postings[g].append(n)
    matched: dict[tuple[str, str], dict[tuple[int, int], None]] = defaultdict(dict)  # pair -> (x sentence, y sentence)
    for doc, i, grams in sentences:
        hits = Counter(m for g in grams if len(postings[g]) <= COMMON for m in postings[g] if sentences[m][0] != doc)
        for m, count in hits.items():
            other, j, other_grams = sentences[m]
            if doc < other and count >= MATCH * min(len(grams), len(other_grams)):
                matched[(doc, other)][(i, j)] = None
    by_id = {a.id: a for a in articles}
    found = [_reuse(by_id[x], by_id[y], list(pairs)) for (x, y), pairs in matched.items()
             if len({i for i, _ in pairs}) >= MIN_SHARED and len({j for _, j in pairs}) >= MIN_SHARED]
    return sorted(found, key=lambda r: (-r.shared, r.copy, r.source))


def _trigrams(text: str) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return frozenset()
    return frozenset(" ".join(words[k : k + 3]) for k in range(len(words) - 2))


def _reuse(x: Article, y: Article, pairs: list[tuple[int, int]]) -> Reuse:
    """`pairs`: (sentence of x, sentence of y) reused between the two."""
    directed = x.published is not None and y.published is not None and x.published != y.published
    if directed:
        copy_is_x = y.published < x.published
    else:  # no direction known: a stable order, so the same pair reads the same way every time
        copy_is_x = x.id > y.id
    copy = x if copy_is_x else y
    mine = sorted({i if copy_is_x else j for i, j in pairs})
    counted = sum(1 for _, _, text in copy.sentences if _trigrams(text))
    start, end, _ = copy.sentences[mine[0]]
    return Reuse(copy.id, (y if copy_is_x else x).id, len(mine), len(mine) / counted, directed, (start, end))
