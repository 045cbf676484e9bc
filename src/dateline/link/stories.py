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
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

JOIN_THRESHOLD = 0.18
ENTITY_WEIGHT = 3.0
SIGNATURE_TERMS = 300
TIME_GRACE_DAYS = 365  # long stories (a trial, a pandemic) run for months: only years apart costs
TIME_SLOPE = 0.25  # extra share of the threshold per doubling of the gap beyond the grace
MERGE_CLOSE = 0.2  # stories overlapping in time: one topic followed for months
MERGE_FAR = 0.6  # undated or apart in time: only near-identical signatures
MERGE_GRACE_DAYS = 30
MERGE_MIN_STORIES = 5  # story frequencies mean nothing over fewer stories
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


@dataclass(frozen=True)
class Assignment:
    doc_id: str
    story_id: str
    similarity: float
    new_story: bool


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # imported on first use: spaCy (and through thinc, torch) is slow to import
    # and the read-only views that import this module never cluster
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def document_terms(text: str, entity_names: Iterable[str]) -> dict[str, float]:
    """Unit-length term weights for one article: content words plus entity names."""
    counts: Counter[str] = Counter(
        w.lower() for w in _WORD.findall(text) if w.lower() not in _stop_words()
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
    """The story this article belongs to, by scanning every story (no dates);
    `signatures` is updated in place. `StoryIndex.assign` is the fast way."""
    scores = {story_id: cosine(terms, signature) for story_id, signature in signatures.items()}
    return _settle(doc_id, terms, signatures, _best(scores, {}))


def required_similarity(gap_days: int | None) -> float:
    """The cosine an article needs to join a story it lies `gap_days` outside of
    (None: undated): the threshold, raised by a quarter per doubling of the gap
    beyond the grace period: 0.18 up to a year, 0.225 at two years, 0.27 at four."""
    if gap_days is None or gap_days <= TIME_GRACE_DAYS:
        return JOIN_THRESHOLD
    return JOIN_THRESHOLD * (1.0 + TIME_SLOPE * math.log2(gap_days / TIME_GRACE_DAYS))


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
        near = sorted(self._near(terms), key=self._rank.__getitem__)
        # Rescored with `cosine` itself, in story order, so the choice is the one a full scan makes.
        scores = {s: cosine(terms, self.signatures[s]) for s in near}
        needed = {s: required_similarity(_gap(published, self.spans.get(s))) for s in near}
        choice = _best(scores, needed)
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
            gap = _span_gap(span, self.spans.get(other))
            needed = MERGE_CLOSE if gap is not None and gap <= MERGE_GRACE_DAYS else MERGE_FAR
            if score >= needed and score > best:
                best_id, best = other, score
        return best_id

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

    def _near(self, terms: Mapping[str, float]) -> list[str]:
        """Stories whose cosine with `terms`, summed over shared terms, may reach the threshold."""
        scores: dict[str, float] = defaultdict(float)
        postings = self._postings
        for term, weight in terms.items():
            for story_id, held in postings.get(term, {}).items():
                scores[story_id] += weight * held
        # The margin absorbs rounding: a story at the threshold is rescored exactly.
        return [s for s, score in scores.items() if score >= JOIN_THRESHOLD - 1e-9]

    def _repost(self, story_id: str, old: Mapping[str, float], new: Mapping[str, float]) -> None:
        for term in old.keys() - new.keys():
            stories = self._postings[term]
            del stories[story_id]
            if not stories:
                del self._postings[term]
        for term, weight in new.items():
            self._postings[term][story_id] = weight


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
