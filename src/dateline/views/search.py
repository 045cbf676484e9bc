"""Full-text search over stored articles, as a view: hits with their matching words marked.

A snippet is a list of (text, matched) pieces rather than markup, so every
renderer escapes the article text itself and nothing from an article is ever
trusted as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.link.titles import article_title
from dateline.store import Store
from dateline.store.search import MATCH_END, MATCH_START, search_documents
from dateline.views.stories import resolve_story

MAX_HITS = 100


@dataclass(frozen=True)
class SearchHit:
    document: str
    title: str | None
    outlet: str | None
    published: date | None
    story: str | None
    snippet: tuple[tuple[str, bool], ...]  # (text, is a match)
    name: str | None = None  # what the hit is called: its title, else its headline or lead sentence


@dataclass(frozen=True)
class SearchResults:
    query: str
    story: str | None  # the story or topic searched (None: every article)
    hits: tuple[SearchHit, ...]
    story_title: str | None = None


def search(store: Store, query: str, *, story: str | None = None, limit: int = 20) -> SearchResults:
    """Articles containing every word of `query` (the last word may be a prefix), best first; with
    `story` (a story or topic, as `resolve_story` reads it), only those of that story or of every
    story of that topic."""
    limit = max(1, min(limit, MAX_HITS))
    scope = resolve_story(store, story) if story else None
    rows = search_documents(store, query, stories=scope.stories if scope else None, limit=limit)
    hits = tuple(SearchHit(r.id, r.title, r.outlet, r.published, r.story, split_snippet(r.snippet),
                           r.title or _name(store, r.id)) for r in rows)
    return SearchResults(query, scope.id if scope else None, hits, scope.title if scope else None)


def _name(store: Store, doc_id: str) -> str | None:
    doc = store.document(doc_id)
    return article_title(doc.text) if doc else None


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """'a \\x02b\\x03 c' -> (('a ', False), ('b', True), (' c', False))."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MATCH_START)):
        matched, _, rest = part.partition(MATCH_END) if i else ("", "", part)
        pieces += [(matched, True)] if matched else []
        pieces += [(rest, False)] if rest else []
    return tuple(pieces)
