"""Full-text search over stored articles, as a view: hits with their matching words marked.

A snippet is a list of (text, matched) pieces rather than markup, so every
renderer escapes the article text itself and nothing from an article is ever
trusted as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.store import Store
from dateline.store.search import MATCH_END, MATCH_START, search_documents

MAX_HITS = 100


@dataclass(frozen=True)
class SearchHit:
    document: str
    title: str | None
    outlet: str | None
    published: date | None
    story: str | None
    snippet: tuple[tuple[str, bool], ...]  # (text, is a match)


@dataclass(frozen=True)
class SearchResults:
    query: str
    story: str | None
    hits: tuple[SearchHit, ...]


def search(store: Store, query: str, *, story: str | None = None, limit: int = 20) -> SearchResults:
    """Articles containing every word of `query` (the last word may be a prefix), best first."""
    rows = search_documents(store, query, story=story, limit=max(1, min(limit, MAX_HITS)))
    hits = tuple(
        SearchHit(r.id, r.title, r.outlet, r.published, r.story, split_snippet(r.snippet)) for r in rows
    )
    return SearchResults(query, story, hits)


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """'a \\x02b\\x03 c' -> (('a ', False), ('b', True), (' c', False))."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MATCH_START)):
        matched, _, rest = part.partition(MATCH_END) if i else ("", "", part)
        pieces += [(matched, True)] if matched else []
        pieces += [(rest, False)] if rest else []
    return tuple(pieces)
