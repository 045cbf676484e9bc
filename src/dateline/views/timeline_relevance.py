"""Which timeline candidates are about their story, so a column or a blog digest that mentions the
story once does not open its timeline with its other items.

A story's core terms are the words that at least `core_share` of its articles use in their
timeline candidates (words any news story uses, such as month names and "said", never count). A
candidate sentence is about the story when it holds a core term, or when its neighbourhood does:
the nearest candidate before or after it in the same article, within `near_chars`, holds one, or most of its article's
candidates (`article_share`) do. So "He rode five miles on Sunday to raise money for the appeal",
between two sentences on the earthquake, stays; "Canada's defence minister demanded an apology",
an item of a digest whose lead alone mentions the flu, goes. Stories of fewer than `min_articles`
articles keep every candidate: their vocabulary is too small to say what is core.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.link.stories import stop_words

if TYPE_CHECKING:
    from dateline.views.timeline_placing import Placed

_TOKEN = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]")
# Words any news story uses: the calendar, reporting verbs, and the commonest nouns of news prose. A
# story's articles share them whatever the story, so they say nothing of which story a sentence is on.
_GENERIC = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow tonight morning evening night "
    "week weeks month months year years day days time times ago earlier later last first next "
    "said says say saying told tell reported reports report added according asked "
    "new people world news".split())


@dataclass(frozen=True)
class Relevance:
    """When a timeline candidate counts as about its story."""

    core_share: float = 0.25  # a word used by this share of the story's articles is a core term
    article_share: float = 0.6  # an article this much of whose candidates hold core terms is on the story
    min_articles: int = 5  # smaller stories keep every candidate
    near_chars: int = 300  # a sentence this close to one holding a core term is in its passage


DEFAULT_RELEVANCE = Relevance()


def words(text: str) -> frozenset[str]:
    """The content words of a sentence, lowercased, possessives cut ("Haiti's" -> "haiti")."""
    found = (w.replace("’", "'").removesuffix("'s") for w in _TOKEN.findall(text.lower()))
    return frozenset(w for w in found if w not in _GENERIC and w not in stop_words())


def core_terms(placed: Sequence[Placed], relevance: Relevance = DEFAULT_RELEVANCE) -> frozenset[str]:
    """The words at least `core_share` of the articles behind `placed` use in their candidates."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for p in placed:
        by_article[p.citation.document] |= words(p.citation.text)
    counts = Counter(w for found in by_article.values() for w in found)
    floor = relevance.core_share * len(by_article)
    return frozenset(w for w, n in counts.items() if n >= floor)


def on_story(placed: Sequence[Placed], relevance: Relevance = DEFAULT_RELEVANCE) -> list[Placed]:
    """The candidates about their story (all of them for a story under `min_articles` articles)."""
    if len({p.citation.document for p in placed}) < relevance.min_articles:
        return list(placed)
    core = core_terms(placed, relevance)
    kept = {(doc, start) for doc, sentences in _by_article(placed).items()
            for start in _relevant_starts(sentences, core, relevance)}
    return [p for p in placed if (p.citation.document, p.citation.start) in kept]


def _by_article(placed: Sequence[Placed]) -> dict[str, list[tuple[int, int, str]]]:
    """Each article's distinct candidate sentences, (start, end, text) in reading order."""
    found: dict[str, dict[int, tuple[int, int, str]]] = defaultdict(dict)
    for p in placed:
        c = p.citation
        found[c.document][c.start] = (c.start, c.end, c.text)
    return {doc: sorted(sentences.values()) for doc, sentences in found.items()}


def _relevant_starts(sentences: list[tuple[int, int, str]], core: frozenset[str],
                     relevance: Relevance) -> list[int]:
    """The starts of an article's candidates that are about the story: those holding a core term or
    close after or before one that does, or all of them when most do."""
    hits = [bool(words(text) & core) for _, _, text in sentences]
    if sum(hits) >= relevance.article_share * len(hits):
        return [start for start, _, _ in sentences]
    return [start for i, (start, _, _) in enumerate(sentences)
            if hits[i] or any(hits[j] and _close(sentences[min(i, j)], sentences[max(i, j)], relevance)
                              for j in (i - 1, i + 1) if 0 <= j < len(hits))]


def _close(first: tuple[int, int, str], second: tuple[int, int, str], relevance: Relevance) -> bool:
    """Whether two sentences of an article are in one passage: at most `near_chars` apart."""
    return second[0] - first[1] <= relevance.near_chars
