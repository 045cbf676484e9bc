"""Groups articles into stories, incrementally.

A story keeps a signature: summed, length-normalised term weights of its
articles (entity names weigh more than plain words). A new article joins the
most similar story above a threshold or starts its own, so adding articles never
reclusters what is stored.

`StoryIndex` does the same over many articles without scanning every story: an
inverted index (term -> stories whose signature holds it) scores only the
stories an article shares a term with, which are the only ones with a cosine
above zero, so its choices are the ones a full scan makes. It also weighs time:
an article dated more than `TIME_GRACE_DAYS` outside a story's span of
publication days needs more similarity to join it (`required_similarity`).
Undated articles and stories with no dated article are judged on words alone.

A story followed for months drifts in its words (a crisis moves from banks to
car makers), so its articles start new stories the linker then joins:
`StoryIndex.merge_target` finds a story close enough to absorb another, and
`StoryIndex.absorb` merges them. Story signatures are compared with each term
weighted by how few stories hold it (common news words count for little); two
stories published within `MERGE_GRACE_DAYS` of each other merge at cosine
`MERGE_CLOSE`, any others (undated, or apart in time, as the same kind of event
in two different years is) only at `MERGE_FAR`.

Which story a new article joins is decided by its nearest articles, not by the
story signatures: `ArticleIndex` keeps each placed article's term counts
(`term_counts`, stored per article so no text is read again) and the corpus's
document frequencies, and finds an article's `NEAREST` most similar earlier
articles by TF-IDF cosine. `StoryLinker` puts the article in the story those of
them that clear `NEAR_THRESHOLD` (raised by the time rule for an article years
apart) vote for. When none does, the story signatures decide as before (long
articles on a broad topic rarely have one close article, yet match the
story's summed terms), else the article starts a story. Story signatures are
also what joins split stories and picks titles. The frequencies are those of the
articles placed before it (and itself), so placing articles in one run or in
several ends with the same stories.

An incremental linker never moves what it placed, so the first article of a new event whose
nearest article reports an earlier event of the same kind (another earthquake, another
takeover) joins that story, and the new event's later articles follow it. After placing,
`StoryLinker.consolidate` splits the stories it touched where their articles fall into groups
apart: single link over each article's `SPLIT_NEAREST` nearest articles of the same story at
cosine `SPLIT_THRESHOLD`; a group of `SPLIT_LEAST` or more articles leaves, unless published
within `MERGE_GRACE_DAYS` of the rest of the story (a subject followed for months keeps its
strands) or close enough to it for the merge rule to join it back. Splitting over several
ingests can end with other stories than one ingest of the same articles.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import importlib.util
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.store import Store

JOIN_THRESHOLD = 0.18
ENTITY_WEIGHT = 3.0
SIGNATURE_TERMS = 300
PROFILE_DOCS = 100  # the articles a split-off piece's or the rest's signature is summed from (`_profile`)
TIME_GRACE_DAYS = 365  # long stories (a trial, a pandemic) run for months: only years apart costs
TIME_SLOPE = 0.25  # extra share of the threshold per doubling of the gap beyond the grace
MERGE_CLOSE = 0.2  # stories overlapping in time: one topic followed for months
MERGE_FAR = 0.6  # undated or apart in time: only near-identical signatures
MERGE_GRACE_DAYS = 30
MERGE_MIN_STORIES = 5  # story frequencies mean nothing over fewer stories
# The nearest-article linker; NEAR_THRESHOLD and NEAREST tuned on ECB+ topics 1-35 (held out,
# 32 of 33 topics pick the same; `bench/stories.py --part docs,baselines`).
NEAR_THRESHOLD = 0.26
NEAREST = 1
TERMS_KEPT = 100  # an article's most frequent words kept in its vector (all its names are kept too)
SEARCH_TERMS = 12  # its most distinctive terms find the candidates ...
RESCORED = 10  # ... and this many best candidates are scored exactly
# Splitting a story whose articles fall into groups apart (`StoryLinker.consolidate`), chosen on ECB+
# topics 1-35 leave-one-topic-out (`bench/stories.py --part baselines`).
SPLIT_THRESHOLD = 0.3
SPLIT_NEAREST = 3
SPLIT_LEAST = 3  # the fewest articles a group needs to leave its story
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


@dataclass(frozen=True)
class Assignment:
    doc_id: str
    story_id: str
    similarity: float
    new_story: bool


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their module without importing spaCy: the import (thinc,
    torch) takes seconds, and an ingest's main process, which places articles, never parses."""
    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"  # type: ignore[union-attr, arg-type]
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102 (a data module)
    return frozenset(namespace["STOP_WORDS"])  # type: ignore[arg-type]


def _content_words(text: str) -> Counter[str]:
    stop = stop_words()
    return Counter(w for w in _WORD.findall(text.lower()) if w not in stop)


def document_terms(text: str, entity_names: Iterable[str]) -> dict[str, float]:
    """Unit-length term weights for one article: content words plus entity names."""
    counts = _content_words(text)
    weights = {w: 1.0 + math.log(c) for w, c in counts.items()}
    for name in entity_names:
        key = "@" + name.lower()
        weights[key] = weights.get(key, 0.0) + ENTITY_WEIGHT
    return _normalise(weights)


def term_counts(text: str, entity_names: Iterable[str]) -> dict[str, int]:
    """What is kept of an article for linking: its `TERMS_KEPT` most frequent content words and
    every entity name ("@" + name, one per mention), with their counts."""
    words = _content_words(text)
    counts = dict(words.most_common(TERMS_KEPT))
    for name in entity_names:
        key = "@" + name.lower()
        counts[key] = counts.get(key, 0) + 1
    return counts


def signature_terms(counts: Mapping[str, int]) -> dict[str, float]:
    """Unit-length term weights of an article from its term counts, weighted as `document_terms`."""
    return _normalise({t: ENTITY_WEIGHT * c if t.startswith("@") else 1.0 + math.log(c)
                       for t, c in counts.items()})


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def assign(doc_id: str, terms: dict[str, float], signatures: dict[str, dict[str, float]]) -> Assignment:
    """The story this article belongs to, by scanning every story (no dates);
    `signatures` is updated in place. `StoryIndex.assign` is the fast way."""
    scores = {story_id: cosine(terms, signature) for story_id, signature in signatures.items()}
    return _settle(doc_id, terms, signatures, _best(scores, {}))


def required_similarity(gap_days: int | None, threshold: float = JOIN_THRESHOLD) -> float:
    """The cosine an article needs to join a story (or an article) it lies `gap_days` outside of
    (None: undated): the threshold, raised by a quarter per doubling of the gap
    beyond the grace period: 0.18 up to a year, 0.225 at two years, 0.27 at four."""
    if gap_days is None or gap_days <= TIME_GRACE_DAYS:
        return threshold
    return threshold * (1.0 + TIME_SLOPE * math.log2(gap_days / TIME_GRACE_DAYS))


def story_spans(dated: Iterable[tuple[str | None, date | None]]) -> dict[str, tuple[date, date]]:
    """story id -> (first, last) publication day, from (story id, published) pairs."""
    spans: dict[str, tuple[date, date]] = {}
    for story_id, day in dated:
        if story_id is not None and day is not None:
            spans[story_id] = _widen(spans.get(story_id), day)
    return spans


class StoryIndex:
    """Story signatures with an inverted index over their terms, and their date spans.

    `signatures` is kept and updated in place, as `assign` does, so the caller
    can save the stories an assignment touched straight from it.
    """

    def __init__(
        self,
        signatures: dict[str, dict[str, float]],
        spans: Mapping[str, tuple[date, date]] | None = None,
    ) -> None:
        self.signatures = signatures
        self.spans: dict[str, tuple[date, date]] = dict(spans or {})
        self._postings: dict[str, dict[str, float]] = defaultdict(dict)  # term -> story -> weight
        self._rank = {story_id: i for i, story_id in enumerate(signatures)}  # a full scan's order, for ties
        for story_id, signature in signatures.items():
            self._repost(story_id, {}, signature)

    def assign(self, doc_id: str, terms: dict[str, float], published: date | None = None) -> Assignment:
        """The story this article belongs to; the index and spans are updated."""
        return self.add(doc_id, terms, self.choose(terms, published), published)

    def choose(self, terms: dict[str, float], published: date | None = None,
               threshold: float = JOIN_THRESHOLD) -> tuple[str | None, float]:
        """(the most similar story whose bar the article clears, similarity); (None, 0.0) when none does."""
        near = sorted(self._near(terms, threshold), key=self._rank.__getitem__)
        # Rescored with `cosine` itself, in story order, so the choice is the one a full scan makes.
        scores = {s: cosine(terms, self.signatures[s]) for s in near}
        needed = {s: required_similarity(_gap(published, self.spans.get(s)), threshold) for s in near}
        return _best(scores, needed)

    def add(self, doc_id: str, terms: dict[str, float], choice: tuple[str | None, float],
            published: date | None = None) -> Assignment:
        """Put the article in story `choice[0]` at similarity `choice[1]` (None: a story of its own);
        the story's signature, the index and the story's span are updated."""
        old = self.signatures.get(choice[0] or _new_story_id(doc_id), {})
        result = _settle(doc_id, terms, self.signatures, choice)
        self._rank.setdefault(result.story_id, len(self._rank))
        self._repost(result.story_id, old, self.signatures[result.story_id])
        if published is not None:
            self.spans[result.story_id] = _widen(self.spans.get(result.story_id), published)
        return result

    def merge_target(self, story_id: str) -> str | None:
        """The story that should absorb `story_id` (or be absorbed by it), if any."""
        if len(self.signatures) < MERGE_MIN_STORIES:
            return None
        signature = self.signatures[story_id]
        weighted = self._rarity_weighted(signature)
        span = self.spans.get(story_id)
        candidates = {o for term in signature for o in self._postings.get(term, {})} - {story_id}
        best_id, best = None, 0.0
        for other in sorted(candidates, key=self._rank.__getitem__):
            score = cosine(weighted, self._rarity_weighted(self.signatures[other]))
            if score >= _merge_bar(span, self.spans.get(other)) and score > best:
                best_id, best = other, score
        return best_id

    def would_merge(self, a: tuple[Mapping[str, float], tuple[date, date] | None],
                    b: tuple[Mapping[str, float], tuple[date, date] | None]) -> bool:
        """Whether two (signature, span) pairs, stored or not, are close enough for `merge_target` to join."""
        if len(self.signatures) < MERGE_MIN_STORIES:
            return False
        score = cosine(self._rarity_weighted(a[0]), self._rarity_weighted(b[0]))
        return score >= _merge_bar(a[1], b[1])

    def put(self, story_id: str, signature: dict[str, float], span: tuple[date, date] | None) -> None:
        """Set a story's signature and span (a story split in two: both pieces are put)."""
        old = self.signatures.get(story_id, {})
        self.signatures[story_id] = signature
        self._rank.setdefault(story_id, len(self._rank))
        self._repost(story_id, old, signature)
        if span is None:
            self.spans.pop(story_id, None)
        else:
            self.spans[story_id] = span

    def absorb(self, keep: str, gone: str, sizes: Mapping[str, int]) -> None:
        """Merge story `gone` into `keep`: signatures summed by article counts `sizes`, spans joined."""
        old, dropped = self.signatures[keep], self.signatures.pop(gone)
        summed = Counter({t: w * sizes.get(keep, 1) for t, w in old.items()})
        summed.update({t: w * sizes.get(gone, 1) for t, w in dropped.items()})
        self.signatures[keep] = _normalise(dict(summed.most_common(SIGNATURE_TERMS)))
        self._repost(gone, dropped, {})
        self._repost(keep, old, self.signatures[keep])
        if gone in self.spans:
            first, last = self.spans.pop(gone)
            self.spans[keep] = _widen(_widen(self.spans.get(keep), first), last)

    def _rarity_weighted(self, signature: Mapping[str, float]) -> dict[str, float]:
        n = len(self.signatures)
        return _normalise({t: w * math.log((n + 1) / (len(self._postings.get(t, ())) + 0.5))
                           for t, w in signature.items()})

    def _near(self, terms: Mapping[str, float], threshold: float = JOIN_THRESHOLD) -> list[str]:
        """Stories whose cosine with `terms`, summed over shared terms, may reach the threshold."""
        scores: dict[str, float] = defaultdict(float)
        postings = self._postings
        for term, weight in terms.items():
            for story_id, held in postings.get(term, {}).items():
                scores[story_id] += weight * held
        # The margin absorbs rounding: a story at the threshold is rescored exactly.
        return [s for s, score in scores.items() if score >= threshold - 1e-9]

    def _repost(self, story_id: str, old: Mapping[str, float], new: Mapping[str, float]) -> None:
        for term in old.keys() - new.keys():
            stories = self._postings[term]
            del stories[story_id]
            if not stories:
                del self._postings[term]
        for term, weight in new.items():
            self._postings[term][story_id] = weight


@dataclass(frozen=True)
class Neighbour:
    doc_id: str
    similarity: float  # TF-IDF cosine, with the document frequencies of the moment


class ArticleIndex:
    """Placed articles' term counts, an inverted index over them, and document frequencies.

    `frequencies` (term -> articles holding it) and `documents` count the articles
    already placed; `add` posts an article counted there, `place` counts a new one
    and finds its nearest placed articles. Only articles sharing one of the new
    article's `SEARCH_TERMS` most distinctive terms are candidates, and the
    `RESCORED` best of them (by those terms) are scored exactly with the current
    frequencies, so the cost per article stays small as the store grows.
    """

    def __init__(self, frequencies: Mapping[str, int], documents: int, *,
                 search_terms: int = SEARCH_TERMS, rescored: int = RESCORED) -> None:
        self._search_terms, self._rescored = search_terms, rescored
        self._df: dict[str, int] = dict(frequencies)
        self._n = documents
        self._log_df = {t: math.log(1 + c) for t, c in self._df.items()}  # kept with _df: read per term scored
        # compact, since every placed article is held while placing: a vector is its terms (interned strings
        # shared with the store's) and an array of their weights, a posting list the articles and an array
        # of theirs; 16 bytes a term instead of about 90 in tuples and dicts of Python floats
        self._vectors: dict[str, tuple[tuple[str, ...], array[float]]] = {}  # doc -> (terms, 1 + log count)
        self._inverse_lengths: dict[str, float] = {}  # doc -> 1 / length of that vector (no IDF): ranks candidates
        self._postings: dict[str, tuple[list[str], array[float]]] = {}  # term -> (docs, 1 + log count in each)
        self._days: dict[str, date | None] = {}

    def __len__(self) -> int:
        return len(self._vectors)

    def add(self, doc_id: str, counts: Mapping[str, int], published: date | None = None) -> None:
        """Index an article whose terms the frequencies already count (again: its earlier terms are replaced)."""
        if doc_id in self._vectors:
            self._unpost(doc_id)
        terms, weights = tuple(counts), array("d", (1.0 + math.log(c) for c in counts.values()))
        self._vectors[doc_id] = (terms, weights)
        self._inverse_lengths[doc_id] = 1.0 / (math.sqrt(sum(w * w for w in weights)) or 1.0)
        self._days[doc_id] = published
        for term, weight in zip(terms, weights, strict=True):
            docs, held = self._postings.get(term) or self._postings.setdefault(term, ([], array("d")))
            docs.append(doc_id)
            held.append(weight)

    def place(self, doc_id: str, counts: Mapping[str, int], published: date | None = None,
              k: int = NEAREST) -> list[Neighbour]:
        """Count a new article, return its `k` nearest placed articles (most similar first), then index it."""
        for term in counts:
            held = self._df[term] = self._df.get(term, 0) + 1
            self._log_df[term] = math.log(1 + held)
        self._n += 1
        found = self.nearest(counts, k)
        self.add(doc_id, counts, published)
        return found

    def nearest(self, counts: Mapping[str, int], k: int = NEAREST, among: Container[str] | None = None,
                skip: str | None = None) -> list[Neighbour]:
        """The `k` placed articles most similar to these counts (no side effects); only articles in
        `among` when given, never `skip` (the article itself, when it is placed)."""
        top = math.log(1 + self._n) + 1.0
        idf = {t: top - self._log_df.get(t, 0.0) for t in counts}
        query = _normalise({t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items()})
        partial: dict[str, float] = defaultdict(float)
        for term in heapq.nlargest(self._search_terms, query, key=query.__getitem__):
            weight = query[term] * idf[term]
            docs, held = self._postings.get(term, ((), ()))
            for doc, own in zip(docs, held, strict=True):
                partial[doc] += weight * own
        inverse = self._inverse_lengths
        ranked = ((score * inverse[d], d) for d, score in partial.items()
                  if d != skip and (among is None or d in among))
        candidates = heapq.nlargest(self._rescored, ranked)
        scored = sorted(((self._cosine(query, d, top), d) for _, d in candidates), key=lambda x: -x[0])
        return [Neighbour(d, score) for score, d in scored[:k]]

    def day(self, doc_id: str) -> date | None:
        return self._days.get(doc_id)

    def counts(self, doc_id: str) -> dict[str, int]:
        """A placed article's term counts, as given to `add` (its weights are 1 + log count)."""
        terms, weights = self._vectors[doc_id]
        return {t: round(math.exp(w - 1.0)) for t, w in zip(terms, weights, strict=True)}

    def _cosine(self, query: Mapping[str, float], doc: str, top: float) -> float:
        log_df, dot, length = self._log_df, 0.0, 0.0
        terms, weights = self._vectors[doc]
        for term, weight in zip(terms, weights, strict=True):
            weighted = weight * (top - log_df[term])
            length += weighted * weighted
            shared = query.get(term)
            if shared is not None:
                dot += shared * weighted
        return dot / math.sqrt(length) if length else 0.0

    def _unpost(self, doc_id: str) -> None:
        """Take an article out of the posting lists of its terms (before it is indexed again)."""
        for term in self._vectors[doc_id][0]:
            docs, held = self._postings[term]
            at = docs.index(doc_id)
            del docs[at], held[at]
            if not docs:
                del self._postings[term]


class StoryLinker:
    """Places articles in stories by their nearest articles; keeps the story signatures up to date.

    `story_of` (doc id -> story id) is kept and updated in place, as are the signatures of
    `stories`, so the caller saves what changed straight from them and can join split
    stories through `stories.merge_target` / `stories.absorb`.
    """

    def __init__(self, stories: StoryIndex, articles: ArticleIndex, story_of: dict[str, str], *,
                 threshold: float = NEAR_THRESHOLD, nearest: int = NEAREST,
                 fallback: float | None = JOIN_THRESHOLD, split: float | None = SPLIT_THRESHOLD) -> None:
        self.fallback = fallback
        self.split = split
        self.stories = stories
        self.articles = articles
        self.story_of = story_of
        self.threshold = threshold
        self.nearest = nearest

    @classmethod
    def resume(cls, signatures: dict[str, dict[str, float]], story_of: dict[str, str],
               days: Mapping[str, date | None], vectors: Mapping[str, Mapping[str, int]],
               frequencies: tuple[int, Mapping[str, int]], **options: float | None) -> StoryLinker:
        """The linker as a store left it: `signatures` and `story_of` of the placed articles,
        every stored article's publication day and term counts, and the stored document
        frequencies (`(documents, term -> documents)`, unplaced articles included: taken out here,
        so each is counted when it is placed)."""
        documents, df = frequencies
        df = dict(df)
        for doc_id, counts in vectors.items():
            if doc_id not in story_of:
                documents -= 1
                for term in counts:
                    df[term] = df.get(term, 1) - 1
        articles = ArticleIndex(df, documents)
        for doc_id, counts in vectors.items():
            if doc_id in story_of:
                articles.add(doc_id, counts, days.get(doc_id))
        spans = story_spans((story, days.get(doc_id)) for doc_id, story in story_of.items())
        return cls(StoryIndex(signatures, spans), articles, story_of, **options)

    def assign(self, doc_id: str, counts: Mapping[str, int], published: date | None = None) -> Assignment:
        """The story its nearest articles vote for: each of the `nearest` that clears its bar (the
        threshold, raised for an article years apart) gives its story its similarity, and the highest
        sum wins (ties: the story of the more similar article). With no vote, the most similar story
        signature above its bar (`fallback`, the signature threshold; None: none), else a new story."""
        votes: dict[str, float] = {}
        best: dict[str, float] = {}
        for near in self.articles.place(doc_id, counts, published, self.nearest):
            gap = _gap(published, _day_span(self.articles.day(near.doc_id)))
            story = self.story_of.get(near.doc_id)
            if story is not None and near.similarity >= required_similarity(gap, self.threshold):
                votes[story] = votes.get(story, 0.0) + near.similarity
                best.setdefault(story, near.similarity)
        winner = max(votes, key=votes.__getitem__, default=None)
        terms = signature_terms(counts)
        choice = (winner, best[winner]) if winner is not None else (None, 0.0)
        if winner is None and self.fallback is not None:
            choice = self.stories.choose(terms, published, self.fallback)
        result = self.stories.add(doc_id, terms, choice, published)
        self.story_of[doc_id] = result.story_id
        return result


    def consolidate(self, story_ids: Iterable[str]) -> set[str]:
        """Split each of these stories whose articles fall into groups apart (`pieces`): the largest
        group keeps the story, each other becomes a story of its own, and signatures, spans and
        `story_of` follow. Returns the stories split and made (empty when none split)."""
        wanted = set(story_ids)
        members: dict[str, list[str]] = defaultdict(list)
        for doc_id, story in self.story_of.items():  # in placing order, which signatures are summed in
            if story in wanted:
                members[story].append(doc_id)
        changed: set[str] = set()
        for story_id in sorted(members):
            pieces = self.pieces(members[story_id])
            if len(pieces) > 1:
                changed |= self._split(story_id, pieces)
        return changed

    def pieces(self, docs: Sequence[str]) -> list[list[str]]:
        """One story's articles (placing order) in groups, largest first: articles are joined by single
        link when one is among the other's `SPLIT_NEAREST` nearest articles of the story at cosine
        `split` or more. A group of fewer than `SPLIT_LEAST` articles stays with the group of its most
        similar article, and a group the merge rule (`StoryIndex.would_merge`) would join back to the
        rest of the story stays in it (`_belongs`), so what is split off is not merged again."""
        if self.split is None or len(docs) < 2 * SPLIT_LEAST:
            return [list(docs)]
        links = self._story_links(docs)
        groups = _components(docs, [(a, n.doc_id) for a, near in links.items() for n in near
                                    if n.similarity >= self.split])
        big = sorted((g for g in groups if len(g) >= SPLIT_LEAST), key=len, reverse=True)
        if len(big) < 2:
            return [list(docs)]
        piece_of = {d: i for i, g in enumerate(big) for d in g}
        for group in (g for g in groups if len(g) < SPLIT_LEAST):
            near = [n for d in group for n in links[d] if n.doc_id in piece_of]
            big[piece_of[max(near, key=lambda n: n.similarity).doc_id] if near else 0].extend(group)
        kept = [big[0]]
        for piece in big[1:]:
            inside = set(piece)
            if self._belongs(self._profile(piece), self._profile([d for d in docs if d not in inside])):
                kept[0].extend(piece)
            else:
                kept.append(piece)
        if len(kept) < 2:
            return [list(docs)]
        order = {d: i for i, d in enumerate(docs)}
        return sorted((sorted(p, key=order.__getitem__) for p in kept), key=lambda p: (-len(p), order[p[0]]))

    def _belongs(self, piece: tuple[dict[str, float], tuple[date, date] | None],
                 rest: tuple[dict[str, float], tuple[date, date] | None]) -> bool:
        """Whether a group stays in its story: published within `MERGE_GRACE_DAYS` of the story's other
        articles (a subject followed for months keeps its strands; the same kind of event in another
        year leaves), or close enough to them for the merge rule to join it back."""
        gap = _span_gap(piece[1], rest[1])
        return (gap is not None and gap <= MERGE_GRACE_DAYS) or self.stories.would_merge(piece, rest)

    def _story_links(self, docs: Sequence[str]) -> dict[str, list[Neighbour]]:
        within = set(docs)
        return {d: self.articles.nearest(self.articles.counts(d), SPLIT_NEAREST, among=within, skip=d)
                for d in docs}

    def _profile(self, docs: Sequence[str]) -> tuple[dict[str, float], tuple[date, date] | None]:
        """(signature, span) a story of these articles (placing order) would have. The signature is summed
        from the last `PROFILE_DOCS` articles only: each merge renormalises, so an article's weight shrinks
        by about 0.7 or less per article merged after it, and those before them no longer count (below
        1e-15); summing every article made splitting a story of thousands quadratic in its size."""
        signature: dict[str, float] = {}
        span: tuple[date, date] | None = None
        for doc_id in docs[-PROFILE_DOCS:]:
            terms = signature_terms(self.articles.counts(doc_id))
            signature = merge(signature, terms) if signature else dict(terms)
        for doc_id in docs:
            if (day := self.articles.day(doc_id)) is not None:
                span = _widen(span, day)
        return signature, span

    def _split(self, story_id: str, pieces: list[list[str]]) -> set[str]:
        ids = [story_id]
        for piece in pieces[1:]:
            ids.append(_free_story_id(piece[0], set(self.stories.signatures) | set(ids)))
        for piece_id, piece in zip(ids, pieces, strict=True):
            self.stories.put(piece_id, *self._profile(piece))
            for doc_id in piece:
                self.story_of[doc_id] = piece_id
        return set(ids)


def split_stored_stories(store: Store, story_ids: Iterable[str]) -> list[str]:
    """Split stored stories whose articles fall into groups apart (`StoryLinker.consolidate`), reading
    only term vectors, frequencies and metadata; the moved articles and every story split or made
    (signature and title) are saved in one transaction and wait to be relinked. Returns those stories."""
    from dateline.link.titles import story_title  # titles reads this module's term weights: imported late

    meta = store.document_meta()
    days = {d: date.fromisoformat(m["published"]) if m["published"] else None for d, m in meta.items()}
    vectors = store.term_vectors()
    placed = {d: m["story_id"] for d, m in meta.items() if m["story_id"] and d in vectors}
    linker = StoryLinker.resume(store.story_signatures(), placed, days, vectors, store.term_frequencies())
    changed = linker.consolidate(story_ids)
    if not changed:
        return []

    def title_of(story_id: str) -> str:
        return story_title(store, story_id, vectors)

    store.place_documents([(d, s) for d, s in linker.story_of.items() if s in changed],
                          {s: (linker.stories.signatures[s], title_of) for s in changed})
    return sorted(changed)


def _components(nodes: Sequence[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of `nodes` under `links`, each in the order of `nodes`."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    return list(groups.values())


def _free_story_id(doc_id: str, taken: set[str]) -> str:
    """A new story's id from its first article, unless a story has it (a split-off piece led by the
    article that founded the story it leaves)."""
    story_id, n = _new_story_id(doc_id), 0
    while story_id in taken:
        n += 1
        story_id = _new_story_id(f"{doc_id}#{n}")
    return story_id


def merge(signature: Mapping[str, float], terms: Mapping[str, float]) -> dict[str, float]:
    summed = Counter(signature)
    summed.update(terms)
    top = dict(summed.most_common(SIGNATURE_TERMS))
    return _normalise(top)


def _best(scores: Mapping[str, float], needed: Mapping[str, float]) -> tuple[str | None, float]:
    """The highest-scoring story that clears its own bar (the first one on ties)."""
    best_id, best = None, 0.0
    for story_id, score in scores.items():
        if score > best and score >= needed.get(story_id, JOIN_THRESHOLD):
            best_id, best = story_id, score
    return best_id, best


def _settle(
    doc_id: str, terms: dict[str, float], signatures: dict[str, dict[str, float]], choice: tuple[str | None, float]
) -> Assignment:
    best_id, best = choice
    if best_id is not None:
        signatures[best_id] = merge(signatures[best_id], terms)
        return Assignment(doc_id, best_id, best, False)
    story_id = _new_story_id(doc_id)
    signatures[story_id] = dict(terms)
    return Assignment(doc_id, story_id, 1.0, True)


def _new_story_id(doc_id: str) -> str:
    return "story-" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]


def _gap(day: date | None, span: tuple[date, date] | None) -> int | None:
    if day is None or span is None:
        return None
    first, last = span
    return max((first - day).days, (day - last).days, 0)


def _day_span(day: date | None) -> tuple[date, date] | None:
    return None if day is None else (day, day)


def _merge_bar(a: tuple[date, date] | None, b: tuple[date, date] | None) -> float:
    """The rarity-weighted cosine two stories with these spans need to merge."""
    gap = _span_gap(a, b)
    return MERGE_CLOSE if gap is not None and gap <= MERGE_GRACE_DAYS else MERGE_FAR


def _span_gap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int | None:
    """Days between two spans (0 when they overlap); None when either is unknown."""
    if a is None or b is None:
        return None
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def _widen(span: tuple[date, date] | None, day: date) -> tuple[date, date]:
    return (day, day) if span is None else (min(span[0], day), max(span[1], day))


def _normalise(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def summary_line(text: str, limit: int = 90) -> str:
    """A title for an article with none: its first sentence, cut at a word boundary within `limit`."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", first, maxsplit=1)[0].rstrip(" .")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"
