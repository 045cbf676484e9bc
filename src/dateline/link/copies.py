"""Who repeats whom: the rewrite graph of a story.

Two reports of the same facts are independent corroboration only if one did not
copy the other. An edge of the graph goes from the earliest source to each copy
or rewrite of it (verbatim, padded with filler, lightly reworded). Evidence of
copying is a sentence of the copy's own wording found in the source:

- the quoted material of a sentence is left out first (two outlets at the same
  press conference carry the same quote and are still independent), and only
  sentences with `min_words` words outside quotation marks count;
- sentences found in many articles of the store are furniture ("Views expressed
  in the comments...", a repeated related-story headline, a stock background
  line), never evidence (`furniture`);
- a sentence is found in the other article when the two share at least `match`
  of the shorter one's word trigrams: word-for-word copies and light rewrites
  ("will finish pulling" -> "will complete pulling") alike.

An article is a copy of an earlier one when it carries at least `min_shared`
evidence sentences of it and those make up at least `min_reuse` of its own text
(furniture and quotations aside), or when it carries at least `min_carried` of
the source's own text (a padded rewrite, a page that embeds the story). The
copy is the later of the two by publication date; among the articles it
repeats, the edge comes from the earliest of those it reuses nearly as much as
the most, so a wire story re-published a hundred times gives a hundred edges,
not five thousand. Articles published the same day share wording with no
known direction, which is kept as such.

Matching runs over distinct wordings, not sentences: syndicated stories repeat
the same sentences across many articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

__all__ = ["Article", "CopyRules", "Reuse", "UnionFind", "copy_groups", "find_reuse", "furniture"]

COMMON = 200  # trigrams in more wordings than this ("the united states") locate nothing
NEARLY = 0.8  # a source reused this much of the most reused one is as good; the earliest wins
_WORD = re.compile(r"\w+")
_PTB_QUOTE = re.compile(r"`+[^`'\n]*'+")  # `` quoted '' and ` quoted ', as tokenized text has them
_OPEN, _CLOSE, _EITHER = "“«„", "”»", '"'
_CARRY = 3  # a quotation left open runs on into at most this many sentences


@dataclass(frozen=True)
class CopyRules:
    """What counts as copying (thresholds chosen on Timeline17 topics: bench/copies.py)."""

    min_words: int = 8  # words outside quotation marks for a sentence to be evidence
    min_shared: int = 2  # evidence sentences
    match: float = 0.6  # trigram share for two sentences to be one wording
    min_reuse: float = 0.15  # share of the copy's own text that is reused
    min_carried: float = 0.5  # or share of the source's own text that the copy carries (a padded rewrite)
    furniture_articles: int = 3  # a wording in this many articles of the store may be furniture


DEFAULT_RULES = CopyRules()


@dataclass(frozen=True)
class Article:
    """What copy detection needs of an article: its date and sentences."""

    id: str
    published: date | None
    sentences: tuple[tuple[int, int, str], ...]  # (start, end, text)


@dataclass(frozen=True)
class Reuse:
    """`copy` carries `shared` sentences of `source` (`share` of its own evidence sentences).

    `directed` is False when both came out the same day (or undated): then the
    two share wording and neither is known to be the source. `reused` is the
    share of the copy's own words (furniture and quotations aside) in sentences
    taken from the source, `added` the share in sentences of its own.
    """

    copy: str
    source: str
    shared: int
    share: float
    directed: bool
    example: tuple[int, int]  # offsets in `copy` of the first shared sentence
    reused: float = 0.0
    added: float = 0.0


def find_reuse(articles: Sequence[Article], *, furniture: Iterable[str] = (),
               rules: CopyRules = DEFAULT_RULES) -> list[Reuse]:
    """The rewrite graph: each copy or rewrite with its earliest source. `furniture`: wordings
    (`wording`) that are no evidence, usually `furniture(every article of the store)`."""
    wordings = _Wordings(articles, frozenset(furniture), rules)
    by_id = {a.id: a for a in articles}
    found = [r for a in articles if (r := _best_source(a, wordings, by_id, rules)) is not None]
    return sorted(found, key=lambda r: (-r.shared, r.copy, r.source))


def wording(text: str) -> str:
    """A sentence as compared: its words, lowercased."""
    return " ".join(_WORD.findall(text.lower()))


def furniture(articles: Iterable[Article], *, groups: Mapping[str, str] | None = None,
              rules: CopyRules = DEFAULT_RULES) -> frozenset[str]:
    """Wordings of boilerplate: in `furniture_articles` or more articles, and in at least twice
    as many as the other sentences of those articles typically are (a wire story re-published
    five times repeats all its sentences, a comment-policy line is repeated alone).
    `groups`: article -> group (near duplicates), counted once."""
    holders: dict[str, set[str]] = defaultdict(set)
    of_article: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        unit = (groups or {}).get(a.id, a.id)
        for _, _, text in a.sentences:
            if len((w := wording(text)).split()) >= 4:
                holders[w].add(unit)
                of_article[unit].add(w)
    count = {w: len(units) for w, units in holders.items()}
    typical = {unit: median(count[w] for w in ws) for unit, ws in of_article.items()}
    return frozenset(w for w, units in holders.items() if count[w] >= rules.furniture_articles
                     and count[w] >= 2 * median(typical[u] for u in units))


def _unquoted(texts: Iterable[str]) -> list[str]:
    """Each sentence without its quoted material; a quotation left open runs on into the next
    sentences (a quote of several sentences) until a sentence opens one again."""
    out, inside, carried = [], False, 0
    for text in texts:
        text = _PTB_QUOTE.sub(" ", text)
        if inside and (carried >= _CARRY or text.lstrip()[:1] in _OPEN + _EITHER):
            inside = False
        kept = []
        for ch in text:
            if ch in _EITHER:
                inside = not inside
            elif ch in _OPEN or ch in _CLOSE:
                inside = ch in _OPEN
            elif not inside:
                kept.append(ch)
        carried = carried + 1 if inside else 0
        out.append("".join(kept))
    return out


class _Wordings:
    """The distinct evidence wordings of a story: who holds each, and which are alike."""

    def __init__(self, articles: Sequence[Article], furniture: frozenset[str], rules: CopyRules):
        self.of_article: dict[str, dict[str, tuple[int, int]]] = {}  # article -> wording -> first offsets
        self.words: dict[str, int] = {}  # article -> its own words (furniture and quotations aside)
        self.holders: dict[str, list[str]] = defaultdict(list)
        for a in articles:
            mine: dict[str, tuple[int, int]] = {}
            own = 0
            for (start, end, text), bare in zip(a.sentences, _unquoted(t for _, _, t in a.sentences)):
                if wording(text) in furniture:
                    continue
                words = wording(bare)
                own += len(words.split()) if words else 0
                if len(words.split()) >= rules.min_words:
                    mine.setdefault(words, (start, end))
            self.of_article[a.id] = mine
            self.words[a.id] = own
            for w in mine:
                self.holders[w].append(a.id)
        self.alike = _alike(list(self.holders), rules.match)


def _alike(wordings: list[str], match: float) -> dict[str, list[str]]:
    """Each wording -> the wordings (itself included) sharing `match` of the shorter one's trigrams."""
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
            if m != n and count >= match * min(len(gs), len(grams[m]))
        ]
    return alike


def _trigrams(wording: str) -> frozenset[str]:
    words = wording.split()
    return frozenset(" ".join(words[k : k + 3]) for k in range(len(words) - 2))


def _best_source(article: Article, wordings: _Wordings, by_id: dict[str, Article],
                 rules: CopyRules) -> Reuse | None:
    mine = wordings.of_article[article.id]
    reused: dict[str, dict[str, None]] = defaultdict(dict)  # other article -> my wordings it holds
    carried: dict[str, dict[str, None]] = defaultdict(dict)  # other article -> its wordings I hold
    for w in mine:
        for similar in wordings.alike[w]:
            for other in wordings.holders[similar]:
                if other != article.id:
                    reused[other][w] = None
                    carried[other][similar] = None
    scored = []
    for other, ws in reused.items():
        if len(ws) < rules.min_shared or not _may_copy(article, by_id[other]):
            continue
        mine_share = _share(ws, wordings.words[article.id])
        theirs_share = _share(carried[other], wordings.words[other])
        if mine_share >= rules.min_reuse or theirs_share >= rules.min_carried:
            scored.append((other, list(ws), mine_share, max(mine_share, theirs_share)))
    if not scored:
        return None
    best = max(s[3] for s in scored)
    other, shared, share, _ = max((s for s in scored if s[3] >= NEARLY * best),
                                  key=lambda s: (_earliness(by_id[s[0]]), len(s[1]), s[0]))
    return Reuse(article.id, other, len(shared), len(shared) / len(mine), _dated_apart(article, by_id[other]),
                 min(mine[w] for w in shared), round(share, 3), round(1 - share, 3))


def _share(ws: Iterable[str], total: int) -> float:
    return min(1.0, sum(len(w.split()) for w in ws) / total) if total else 0.0


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
