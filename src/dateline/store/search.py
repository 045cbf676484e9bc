"""Full-text search over stored documents (SQLite FTS5), and a change counter.

The index is an FTS5 table over `documents.title` and `documents.text`, kept in
step by triggers, so every writer (the CLI's ingest too) updates it in the same
transaction as the document. Migration 0004 creates it and fills it from the
rows already stored.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from dateline.store import Store

# Snippet delimiters no article text contains, so matches can be cut out and
# escaped by the renderer instead of trusting markup from the database.
MATCH_START, MATCH_END = "\x02", "\x03"
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchRow:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    story: str | None
    snippet: str  # matches wrapped in MATCH_START ... MATCH_END


def match_expression(query: str) -> str | None:
    """The user's words as an FTS5 query: every word must occur, the last may be a prefix.

    Words are quoted, so FTS5 operators and punctuation typed by the user are
    searched as text and never parsed as query syntax.
    """
    words = _TOKEN.findall(query)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    return " ".join(quoted) + "*"


def search_documents(store: Store, query: str, *, stories: Collection[str] | None = None,
                     limit: int = 20) -> list[SearchRow]:
    """Documents matching every word of `query`, best first; with `stories`, only those of these
    stories (one story, or every story of a topic), ranked together."""
    expression = match_expression(query)
    if expression is None or (stories is not None and not stories):
        return []
    # the stories go in as one JSON array, so a topic of any size is one parameter
    scoped = "AND d.story_id IN (SELECT value FROM json_each(?))" if stories is not None else ""
    sql = f"""SELECT d.id, d.title, d.outlet, d.published, d.story_id,
                     snippet(documents_fts, 1, '{MATCH_START}', '{MATCH_END}', '…', 16) AS snippet
              FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
              WHERE documents_fts MATCH ? {scoped}
              ORDER BY bm25(documents_fts, 4.0, 1.0), d.id LIMIT ?"""
    args = (expression, json.dumps(sorted(stories)), limit) if stories is not None else (expression, limit)
    rows = store.conn.execute(sql, args).fetchall()
    return [
        SearchRow(r["id"], r["title"], r["outlet"], date.fromisoformat(r["published"]) if r["published"] else None,
                  r["story_id"], r["snippet"] or "")
        for r in rows
    ]


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection commits to the database.

    The web app keeps one connection only for this, to know when views it has
    cached are stale (an ingest running in another process committed).
    """
    return conn.execute("PRAGMA data_version").fetchone()[0]
