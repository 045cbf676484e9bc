"""The one embedded database file: every read and write of dateline's data.

All SQL lives in this package. Writes happen in short transactions so a reader
(the web app) never blocks for long and a crash loses nothing committed.
Records go in and come out as the typed values of `dateline.model`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.jsonable import citation_from_json, parse_day, to_json
from dateline.link.events import Event, mention_from_json
from dateline.link.topics import Topic
from dateline.model import (
    AnnotatedDocument,
    Attribution,
    Claim,
    Document,
    Entity,
    Fact,
    FactValue,
    Failure,
    PublishedDate,
    Quantity,
    Sentence,
    Story,
    TimeExpr,
    role_of_label,
)
from dateline.store.schema import migrate

logger = logging.getLogger(__name__)

# layer name -> (table, record type); columns are the record's field names.
LAYERS: dict[str, tuple[str, type]] = {
    "sentences": ("sentences", Sentence),
    "entities": ("entities", Entity),
    "timexes": ("timexes", TimeExpr),
    "quantities": ("quantities", Quantity),
    "attributions": ("attributions", Attribution),
    "claims": ("claims", Claim),
}


def connect(path: str | Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a dateline database or unreadable ({exc})") from exc
    return conn


class Store:
    """A dateline database file; open it with `Store(path)`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- documents and their layers --------------------------------------

    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def duplicate_of(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ? AND duplicate_of IS NULL LIMIT 1",
            (content_hash,),
        ).fetchone()
        return row["id"] if row else None

    def add_documents(self, items: Iterable[tuple[AnnotatedDocument, str, str | None]]) -> int:
        """Store annotated documents (with content hash and duplicate link) in one transaction.

        Re-adding a document id replaces its layers, so ingesting twice is idempotent.
        """
        return self.add_batch(items, ())

    def add_batch(self, items: Iterable[tuple[AnnotatedDocument, str, str | None]],
                  derived: Iterable[tuple[str, list, list, list]], near: Iterable[tuple[str, str, float]] = (),
                  vectors: Iterable[tuple[str, dict[str, int]]] = ()) -> int:
        """One ingest batch in one transaction: the documents, what was derived from them, their
        near-duplicate links, their term vectors (doc_id, term -> count) and their sources' failures
        (now only the layers that failed, if any)."""
        count = 0
        with self.conn:
            for annotated, content_hash, duplicate in items:
                self._write_document(annotated, content_hash, duplicate)
                self._replace_failures(annotated.document.source, layer_failures(annotated))
                count += 1
            self._write_derived(derived)
            self._write_near_duplicates(near)
            self._write_term_vectors(vectors)
        return count

    def _write_document(self, annotated: AnnotatedDocument, content_hash: str, duplicate: str | None):
        """Insert or update the document row in place (its story and the links that point at it stay),
        then replace its layers."""
        doc = annotated.document
        self.conn.execute(
            """INSERT INTO documents (id, source, url, outlet, title, author, language, text,
               raw_text, removed_lines, published, published_method, published_confidence,
               published_reason, content_hash, duplicate_of, wire)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET source = excluded.source, url = excluded.url,
               outlet = excluded.outlet, title = excluded.title, author = excluded.author,
               language = excluded.language, text = excluded.text, raw_text = excluded.raw_text,
               removed_lines = excluded.removed_lines, published = excluded.published,
               published_method = excluded.published_method, published_confidence = excluded.published_confidence,
               published_reason = excluded.published_reason, content_hash = excluded.content_hash,
               duplicate_of = excluded.duplicate_of, wire = excluded.wire""",
            (
                doc.id, doc.source, doc.url, doc.outlet, doc.title, doc.author, doc.language,
                doc.text, doc.raw_text, json.dumps(list(doc.removed_lines)),
                _iso(doc.published.value), doc.published.method, doc.published.confidence,
                doc.published.reason, content_hash, duplicate, doc.wire,
            ),
        )
        for layer, (table, _cls) in LAYERS.items():
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc.id,))
            self._write_layer(table, doc.id, getattr(annotated, layer))

    def _write_layer(self, table: str, doc_id: str, records: tuple) -> None:
        if not records:
            return
        names = [f.name for f in dataclasses.fields(records[0])]
        columns = ", ".join(["doc_id", "seq", *(f'"{n}"' for n in names)])
        marks = ", ".join("?" * (len(names) + 2))
        rows = [(doc_id, i, *(_to_sql(getattr(r, n)) for n in names)) for i, r in enumerate(records)]
        self.conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def find_documents(self, prefix: str) -> list[str]:
        """Ids of the documents whose id starts with `prefix` or whose source path holds it; an exact id
        alone when there is one ("t17-mj-4" is not also t17-mj-40 to t17-mj-49)."""
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (prefix,)).fetchone():
            return [prefix]
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id LIKE ? OR source LIKE ? ORDER BY id",
            (prefix + "%", "%" + prefix + "%"),
        ).fetchall()
        return [r["id"] for r in rows]

    def documents(self, story: str | None = None, *, as_of: date | None = None) -> list[Document]:
        sql, args = "SELECT * FROM documents WHERE 1=1", []
        if story:
            sql, args = sql + " AND story_id = ?", [story]
        rows = self.conn.execute(sql + " ORDER BY published IS NULL, published, id", args).fetchall()
        docs = [_document(r) for r in rows]
        if as_of is not None:
            docs = [d for d in docs if d.published.value is None or d.published.value <= as_of]
        return docs

    def document_meta(self, story: str | None = None) -> dict[str, dict[str, Any]]:
        """id -> {outlet, published, published_method, published_confidence, story_id, duplicate_of, title,
        source}: fields without the texts."""
        sql, args = ("SELECT id, outlet, published, published_method, published_confidence, story_id, duplicate_of, "
                     "title, source FROM documents"), ()
        if story is not None:
            sql, args = sql + " WHERE story_id = ?", (story,)
        return {r["id"]: dict(r) for r in self.conn.execute(sql, args).fetchall()}

    def document_keys(self) -> dict[str, tuple[str, str | None]]:
        """id -> (content hash, id of the article it duplicates), as stored."""
        rows = self.conn.execute("SELECT id, content_hash, duplicate_of FROM documents")
        return {r["id"]: (r["content_hash"], r["duplicate_of"]) for r in rows}

    def annotated(self, doc_id: str) -> AnnotatedDocument | None:
        doc = self.document(doc_id)
        if doc is None:
            return None
        layers = {name: self.layer(name, doc_id) for name in LAYERS}
        return AnnotatedDocument(document=doc, **layers)

    def layer(self, name: str, doc_id: str) -> tuple:
        table, cls = LAYERS[name]
        rows = self.conn.execute(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY seq", (doc_id,))
        return tuple(_record(cls, row) for row in rows)

    def layer_for_story(self, name: str, story: str, *, duplicates: bool = False) -> list[tuple[str, Any]]:
        """(doc_id, record) for every record of a layer in a story's documents."""
        table, cls = LAYERS[name]
        skip = "" if duplicates else "AND d.duplicate_of IS NULL"
        rows = self.conn.execute(
            f"""SELECT l.* FROM {table} l JOIN documents d ON d.id = l.doc_id
                WHERE d.story_id = ? {skip} ORDER BY l.doc_id, l.seq""",
            (story,),
        )
        return [(row["doc_id"], _record(cls, row)) for row in rows]

    def annotated_for_story(self, story: str, *, duplicates: bool = True) -> list[AnnotatedDocument]:
        """Every annotated document of a story, each layer read in one query."""
        layers: dict[str, dict[str, list]] = {name: defaultdict(list) for name in LAYERS}
        for name in LAYERS:
            for doc_id, record in self.layer_for_story(name, story, duplicates=duplicates):
                layers[name][doc_id].append(record)
        docs = self.documents(story)
        if not duplicates:
            meta = self.document_meta()
            docs = [d for d in docs if not meta[d.id]["duplicate_of"]]
        return [AnnotatedDocument(d, **{n: tuple(layers[n][d.id]) for n in LAYERS}) for d in docs]

    def set_corpus_names(self, names: dict[tuple[str, str], str]) -> None:
        with self.conn:
            self.conn.executemany(
                "UPDATE entities SET corpus_name = ? WHERE doc_id = ? AND canonical = ?",
                [(name, doc_id, canonical) for (doc_id, canonical), name in names.items()],
            )

    def entity_names(self, doc_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """doc_id -> [(corpus name or canonical, label)] for the given documents."""
        out: dict[str, list[tuple[str, str]]] = {}
        for doc_id in doc_ids:
            rows = self.conn.execute(
                "SELECT COALESCE(corpus_name, canonical) AS name, label FROM entities WHERE doc_id = ?",
                (doc_id,),
            ).fetchall()
            out[doc_id] = [(r["name"], r["label"]) for r in rows]
        return out

    def add_near_duplicates(self, pairs: Iterable[tuple[str, str, float]]) -> None:
        """Record (later id, earlier id, similarity) pairs; both documents must be stored."""
        with self.conn:
            self._write_near_duplicates(pairs)

    def _write_near_duplicates(self, pairs: Iterable[tuple[str, str, float]]) -> None:
        self.conn.executemany(
            """INSERT OR REPLACE INTO near_duplicates (doc_id, other_id, similarity)
               SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)
               AND EXISTS (SELECT 1 FROM documents WHERE id = ?)""",
            [(a, b, sim, a, b) for a, b, sim in pairs],
        )

    def near_duplicates(self) -> list[tuple[str, str, float]]:
        rows = self.conn.execute("SELECT doc_id, other_id, similarity FROM near_duplicates ORDER BY doc_id")
        return [(r["doc_id"], r["other_id"], r["similarity"]) for r in rows]

    # --- the duplicate index (migration 0016) ------------------------------------

    def save_fingerprints(self, rows: Iterable[tuple[str, Sequence[int]]]) -> None:
        """(doc_id, one key per MinHash LSH band) of stored documents, in one transaction; a document's
        earlier bands are replaced, and one with no bands (no words) is marked as indexed all the same."""
        with self.conn:
            for doc_id, bands in rows:
                if not self.has_document(doc_id):
                    continue
                self.conn.execute("DELETE FROM minhash_bands WHERE doc_id = ?", (doc_id,))
                self.conn.executemany("INSERT OR IGNORE INTO minhash_bands (band, key, doc_id) VALUES (?, ?, ?)",
                                      [(band, key, doc_id) for band, key in enumerate(bands)])
                self.conn.execute("INSERT OR IGNORE INTO fingerprinted (doc_id) VALUES (?)", (doc_id,))

    def band_matches(self, bands: Sequence[int]) -> list[str]:
        """Stored documents sharing at least one band key with these (`bands[i]` is band i's key)."""
        if not bands:
            return []
        sql = " UNION ".join(["SELECT doc_id FROM minhash_bands WHERE band = ? AND key = ?"] * len(bands))
        return [r[0] for r in self.conn.execute(sql, [x for pair in enumerate(bands) for x in pair])]

    def unfingerprinted_documents(self, limit: int = 200) -> list[str]:
        """Up to `limit` stored documents not in the duplicate index (stored before migration 0016)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM fingerprinted) ORDER BY rowid LIMIT ?",
            (limit,))
        return [r[0] for r in rows]

    def document_text(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    # --- dating donors -------------------------------------------------------------

    def last_rowid(self) -> int:
        """The highest document rowid: documents stored later have higher ones."""
        return self.conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]

    def dating_donors(self, dates: Iterable[str], days: Iterable[str], *, limit: int,
                      since: int | None = None) -> list[Document]:
        """Dated stored documents (without raw texts) an undated one may borrow a date from: all of them
        when `limit` or fewer are dated, else the `limit` whose time expressions state most of these
        `dates` ("2008-10-17", "2008-10") and month-days ("10-17"), the ones dating compares it with.
        Ordered as an ingest saw them: those stored up to rowid `since` by date and id, then the later
        ones in the order they were stored (none later when `since` is None)."""
        since = self.last_rowid() if since is None else since
        columns = ("d.id, d.source, d.text, d.title, d.outlet, d.url, d.author, d.language, d.published, "
                   "d.published_method, d.published_confidence, d.published_reason, d.removed_lines, d.wire, "
                   "NULL AS raw_text")  # a donor's raw text is never read: leave it on disk
        order = ("ORDER BY d.rowid > :since, CASE WHEN d.rowid <= :since THEN d.published END, "
                 "CASE WHEN d.rowid <= :since THEN d.id END, d.rowid")
        args = {"since": since, "limit": limit, "dates": json.dumps(sorted(dates)), "days": json.dumps(sorted(days))}
        dated = self.conn.execute("SELECT count(*) FROM documents WHERE published IS NOT NULL").fetchone()[0]
        where = "d.published IS NOT NULL"
        if dated > limit:
            where += """ AND d.id IN (
                SELECT t.doc_id FROM timexes t JOIN documents d2 ON d2.id = t.doc_id
                WHERE d2.published IS NOT NULL AND (t.value IN (SELECT value FROM json_each(:dates))
                      OR (length(t.value) = 10 AND substr(t.value, 6) IN (SELECT value FROM json_each(:days))))
                GROUP BY t.doc_id ORDER BY count(DISTINCT t.value) DESC, d2.rowid LIMIT :limit)"""
        rows = self.conn.execute(f"SELECT {columns} FROM documents d WHERE {where} {order}", args).fetchall()
        return [_document(r) for r in rows]

    # --- term vectors for story linking -----------------------------------------

    def save_term_vectors(self, rows: Iterable[tuple[str, dict[str, int]]]) -> None:
        """(doc_id, term -> count) for stored documents, in one transaction; the document frequencies
        follow (triggers of migration 0014)."""
        with self.conn:
            self._write_term_vectors(rows)

    def _write_term_vectors(self, rows: Iterable[tuple[str, dict[str, int]]]) -> None:
        self.conn.executemany(
            """INSERT INTO term_vectors (doc_id, terms) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)
               ON CONFLICT(doc_id) DO UPDATE SET terms = excluded.terms""",
            [(doc_id, json.dumps(counts), doc_id) for doc_id, counts in rows],
        )

    def term_vectors(self) -> dict[str, dict[str, int]]:
        """doc_id -> term -> count for every document that has its vector (term strings shared)."""
        rows = self.conn.execute("SELECT doc_id, terms FROM term_vectors ORDER BY rowid")
        return {r["doc_id"]: {sys.intern(t): c for t, c in json.loads(r["terms"]).items()} for r in rows}

    def term_frequencies(self) -> tuple[int, dict[str, int]]:
        """(documents with a term vector, term -> how many of them hold it)."""
        documents = self.conn.execute("SELECT count(*) FROM term_vectors").fetchone()[0]
        rows = self.conn.execute("SELECT term, documents FROM term_frequencies")
        return documents, {sys.intern(r["term"]): r["documents"] for r in rows}

    def unvectored_documents(self) -> list[str]:
        """Stored documents with no term vector (stored before migration 0014, or by a caller that gave none)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM term_vectors) ORDER BY rowid")
        return [r["id"] for r in rows]

    # --- failures ----------------------------------------------------------

    def record_failures(self, failures: Iterable[Failure]) -> None:
        """Record failures as they happen, one row per (source, stage): a re-run updates, never repeats."""
        with self.conn:
            self.conn.executemany(
                """INSERT INTO failures (source, stage, reason) VALUES (?, ?, ?)
                   ON CONFLICT(source, stage) DO UPDATE SET reason = excluded.reason, at = datetime('now')""",
                [(f.source, f.stage, f.reason) for f in failures],
            )

    def _replace_failures(self, source: str, failures: list[Failure]) -> None:
        self.conn.execute("DELETE FROM failures WHERE source = ?", (source,))
        self.conn.executemany("INSERT INTO failures (source, stage, reason) VALUES (?, ?, ?)",
                              [(f.source, f.stage, f.reason) for f in failures])

    def failures(self) -> list[Failure]:
        rows = self.conn.execute("SELECT source, stage, reason FROM failures ORDER BY id").fetchall()
        return [Failure(r["source"], r["stage"], r["reason"]) for r in rows]

    # --- stories -------------------------------------------------------------

    def stories(self) -> list[Story]:
        rows = self.conn.execute(
            """SELECT s.id, s.title, group_concat(d.id) AS docs FROM stories s
               JOIN documents d ON d.story_id = s.id GROUP BY s.id
               ORDER BY count(d.id) DESC, s.id"""
        ).fetchall()
        return [Story(r["id"], r["title"], tuple(sorted(r["docs"].split(",")))) for r in rows]

    def story_title(self, story_id: str) -> str | None:
        row = self.conn.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
        return row["title"] if row else None

    def story_signatures(self) -> dict[str, dict[str, float]]:
        rows = self.conn.execute("SELECT id, signature FROM stories").fetchall()
        return {r["id"]: json.loads(r["signature"]) for r in rows}

    def save_story(self, story_id: str, title: str, signature: dict[str, float]) -> None:
        with self.conn:
            self.conn.execute(
                """INSERT INTO stories (id, title, signature) VALUES (?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET title = excluded.title,
                   signature = excluded.signature""",
                (story_id, title, json.dumps(signature)),
            )

    def assign_story(self, doc_id: str, story_id: str) -> None:
        self.place_documents([(doc_id, story_id)], {})

    def place_documents(self, assignments: Iterable[tuple[str, str]],
                        stories: dict[str, tuple[dict[str, float], Callable[[str], str]]]) -> None:
        """In one transaction: assign documents to stories, mark those stories as waiting to be
        relinked, and save each story's signature with the title `title_of(story_id)` reads once the
        assignments are in (a crash leaves all or none)."""
        with self.conn:
            for doc_id, story_id in assignments:
                self.conn.execute("UPDATE documents SET story_id = ? WHERE id = ?", (story_id, doc_id))
                self.conn.execute("INSERT OR IGNORE INTO pending_stories (story_id) VALUES (?)", (story_id,))
            for story_id, (signature, title_of) in stories.items():
                self.conn.execute(
                    """INSERT INTO stories (id, title, signature) VALUES (?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET title = excluded.title, signature = excluded.signature""",
                    (story_id, title_of(story_id), json.dumps(signature)),
                )

    def unplaced_documents(self) -> list[str]:
        """Stored documents in no story yet (new, or left so by an interrupted ingest), in ingest order."""
        rows = self.conn.execute("SELECT id FROM documents WHERE story_id IS NULL ORDER BY rowid")
        return [r["id"] for r in rows]

    def pending_stories(self) -> list[str]:
        """Stories whose linking has not finished since they last changed."""
        rows = self.conn.execute(
            "SELECT story_id FROM pending_stories WHERE story_id IN (SELECT id FROM stories) ORDER BY story_id")
        return [r["story_id"] for r in rows]

    def mark_pending(self, story_ids: Iterable[str]) -> None:
        with self.conn:
            self.conn.executemany("INSERT OR IGNORE INTO pending_stories (story_id) VALUES (?)",
                                  [(s,) for s in story_ids])

    def linked(self, story_id: str) -> None:
        """The story's linking finished: it waits no more."""
        with self.conn:
            self.conn.execute("DELETE FROM pending_stories WHERE story_id = ?", (story_id,))

    def drop_empty_stories(self) -> None:
        with self.conn:
            self.conn.execute(
                "DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM documents WHERE story_id IS NOT NULL)"
            )

    def unplace_documents(self) -> int:
        """Take every document out of its story and delete the stories (their facts, events and
        views go with them), so articles can be placed again without annotating them again;
        returns how many documents were unplaced."""
        with self.conn:
            count = self.conn.execute("UPDATE documents SET story_id = NULL WHERE story_id IS NOT NULL").rowcount
            self.conn.execute("DELETE FROM stories")
            self.conn.execute("DELETE FROM pending_stories")
        return count

    # --- topics: groups of stories on one subject (link/topics.py) -----------------------

    def story_profiles(self) -> list[tuple[str, dict[str, float], int, str | None, str | None]]:
        """(story id, signature, articles, first and last publication day or None) of every story."""
        rows = self.conn.execute(
            """SELECT s.id, s.signature, count(d.id) AS size, min(d.published) AS first, max(d.published) AS last
               FROM stories s JOIN documents d ON d.story_id = s.id GROUP BY s.id ORDER BY s.id"""
        ).fetchall()
        return [(r["id"], json.loads(r["signature"]), r["size"], r["first"], r["last"]) for r in rows]

    def story_topics(self) -> dict[str, str | None]:
        """story id -> the topic it is in (None: in none yet, as after an ingest that placed it, or in a
        database whose schema has no topics yet)."""
        if not self.has_topics():
            return {r["id"]: None for r in self.conn.execute("SELECT id FROM stories")}
        return {r["id"]: r["topic_id"] for r in self.conn.execute("SELECT id, topic_id FROM stories")}

    def has_topics(self) -> bool:
        """Whether the schema holds topics (migration 0015_topics)."""
        return any(r["name"] == "topic_id" for r in self.conn.execute("PRAGMA table_info(stories)"))

    def save_topics(self, topic_of: dict[str, str], titles: dict[str, str]) -> None:
        """In one transaction: put stories in topics (story id -> topic id), save the topics' titles,
        and delete the topics no story is in any more."""
        if not self.has_topics():
            raise StoreError(f"{self.path}: this database has no topics table yet; open it with a dateline "
                             "that has migration 0015_topics")
        with self.conn:
            self.conn.executemany("UPDATE stories SET topic_id = ? WHERE id = ?",
                                  [(topic, story) for story, topic in topic_of.items()])
            self.conn.executemany(
                "INSERT INTO topics (id, title) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title",
                list(titles.items()))
            self.conn.execute("DELETE FROM topics WHERE id NOT IN (SELECT topic_id FROM stories WHERE topic_id IS NOT NULL)")

    def topics(self) -> list[Topic]:
        """Every topic with its stories, most articles first; a story in no topic yet stands alone as
        a topic of its own (id and title its own)."""
        titles = {r["id"]: r["title"] for r in self.conn.execute("SELECT id, title FROM topics")} if self.has_topics() else {}
        topic_of = self.story_topics()
        members: dict[str, list[Story]] = defaultdict(list)
        for story in self.stories():  # largest first, so each topic lists its largest story first
            topic = topic_of.get(story.id)
            members[topic if topic in titles else story.id].append(story)
        found = [Topic(key, titles.get(key, group[0].title), tuple(group)) for key, group in members.items()]
        return sorted(found, key=lambda t: (-len(t.documents), t.id))

    # --- per-document derived records ---------------------------------------------

    def save_derived(self, rows: Iterable[tuple[str, list, list, list]]) -> None:
        """(doc_id, observations, event mentions, timeline candidates) computed once per
        document, so relinking a story and its views read them instead of every layer."""
        with self.conn:
            self._write_derived(rows)

    def _write_derived(self, rows: Iterable[tuple[str, list, list, list]]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO derived (doc_id, observations, mentions, timeline) VALUES (?, ?, ?, ?)",
            [(d, json.dumps(to_json(o)), json.dumps(to_json(m)), json.dumps(to_json(t))) for d, o, m, t in rows],
        )

    def timeline_candidates(self, story: str, as_of: date | None = None) -> list[tuple[date | None, list[dict]]]:
        """(publication day, placed sentences as JSON data) for each article of a story
        (only those published by `as_of` when given)."""
        dated = "" if as_of is None else "AND d.published <= ?"
        rows = self.conn.execute(
            f"""SELECT d.published, x.timeline FROM derived x JOIN documents d ON d.id = x.doc_id
               WHERE d.story_id = ? {dated} ORDER BY d.published IS NULL, d.published, d.id""",
            (story,) if as_of is None else (story, as_of.isoformat()),
        )
        return [(parse_day(r["published"]), json.loads(r["timeline"] or "[]")) for r in rows]

    def derived_for_story(self, story: str) -> list[tuple[str, list[dict], list[dict]]]:
        """(doc_id, observations, mentions) as JSON data for a story's original articles."""
        rows = self.conn.execute(
            """SELECT x.doc_id, x.observations, x.mentions FROM derived x JOIN documents d ON d.id = x.doc_id
               WHERE d.story_id = ? AND d.duplicate_of IS NULL
               ORDER BY d.published IS NULL, d.published, d.id""",
            (story,),
        )
        return [(r["doc_id"], json.loads(r["observations"]), json.loads(r["mentions"])) for r in rows]

    def underived_documents(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM derived WHERE timeline IS NOT NULL)"
        )
        return [r["id"] for r in rows]

    # --- views computed at relink ---------------------------------------------------

    def save_story_view(self, story_id: str, name: str, data: Any) -> None:
        """A view of the whole story as of now (the timeline), kept so pages need not rebuild it."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO story_views (story_id, name, body) VALUES (?, ?, ?)",
                (story_id, name, json.dumps(to_json(data))),
            )

    def story_view(self, story_id: str, name: str) -> Any | None:
        row = self.conn.execute(
            "SELECT body FROM story_views WHERE story_id = ? AND name = ?", (story_id, name)
        ).fetchone()
        return json.loads(row["body"]) if row else None

    # --- events ----------------------------------------------------------------

    def replace_events(self, story_id: str, events: Iterable[Event]) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM events WHERE story_id = ?", (story_id,))
            self.conn.executemany(
                "INSERT OR REPLACE INTO events (id, story_id, seq, kind, time, body) VALUES (?, ?, ?, ?, ?, ?)",
                [(e.id, story_id, i, e.kind, e.time, json.dumps(to_json(e))) for i, e in enumerate(events)],
            )

    def events(self, story_id: str | None = None) -> list[Event]:
        sql, args = "SELECT body FROM events", ()
        if story_id:
            sql, args = sql + " WHERE story_id = ?", (story_id,)
        rows = self.conn.execute(sql + " ORDER BY story_id, seq", args).fetchall()
        return [_event(json.loads(r["body"])) for r in rows]

    # --- facts -----------------------------------------------------------------

    def replace_facts(self, story_id: str, facts: list[Fact]) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM facts WHERE story_id = ?", (story_id,))
            self.conn.executemany(
                "INSERT INTO facts (id, story_id, seq, question, body) VALUES (?, ?, ?, ?, ?)",
                [(f.id, story_id, i, f.question, json.dumps(to_json(f))) for i, f in enumerate(facts)],
            )

    def facts(self, story_id: str | None = None) -> list[Fact]:
        sql, args = "SELECT body FROM facts", ()
        if story_id:
            sql, args = sql + " WHERE story_id = ?", (story_id,)
        rows = self.conn.execute(sql + " ORDER BY story_id, seq", args).fetchall()
        return [fact_from_json(json.loads(r["body"])) for r in rows]

    # --- whole tables, for exports ---------------------------------------

    EXPORTED_TABLES = ("documents", *(table for table, _ in LAYERS.values()), "stories", "facts", "events",
                       "failures", "near_duplicates")

    def table_rows(self, name: str) -> tuple[list[tuple[str, str]], Iterable[tuple]]:
        """One exported table as it is stored: its (column, declared SQL type) pairs and its rows as
        tuples in primary-key order, read lazily (a Parquet export streams them)."""
        if name not in self.EXPORTED_TABLES:
            raise StoreError(f"{name!r} is not an exported table; choose one of {', '.join(self.EXPORTED_TABLES)}")
        columns = [(r["name"], r["type"].upper()) for r in self.conn.execute(f"PRAGMA table_info({name})")]
        keys = [r["name"] for r in sorted(self.conn.execute(f"PRAGMA table_info({name})"), key=lambda r: r["pk"])
                if r["pk"]]
        order = ", ".join(f'"{k}"' for k in keys) or "rowid"
        cursor = self.conn.execute(f"SELECT * FROM {name} ORDER BY {order}")
        return columns, (tuple(row) for row in cursor)


def layer_failures(annotated: AnnotatedDocument) -> list[Failure]:
    """The document's failed layers as failures of stage "annotate:<layer>"."""
    source = annotated.document.source
    return [Failure(source, "annotate:" + layer, cause.strip())
            for layer, _, cause in (problem.partition(":") for problem in annotated.problems)]


def _event(data: dict[str, Any]) -> Event:
    mentions = tuple(mention_from_json(m) for m in data["mentions"])
    return Event(**{**data, "mentions": mentions, "participants": tuple(data["participants"])})


_PLAIN = frozenset({str, int, float})  # stored as they are; exactly these types (a bool is stored as 0 or 1)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _to_sql(value: Any) -> Any:
    if value is None or type(value) in _PLAIN:  # most fields: no dataclass check (half a million a 370-article ingest)
        return value
    if dataclasses.is_dataclass(value):
        return json.dumps(dataclasses.asdict(value))
    if isinstance(value, bool):
        return int(value)
    return value


@functools.lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """(field, conversion) for each field of a layer record: how a row becomes it."""
    plan = []
    for f in dataclasses.fields(cls):
        kind = "quantity" if f.name == "quantity" else "bool" if f.type in ("bool", bool) else ""
        plan.append((f.name, kind))
    return tuple(plan)


def _record(cls: type, row: sqlite3.Row) -> Any:
    values = []
    for name, kind in _plan(cls):
        value = row[name]
        if value is not None and kind == "quantity":
            value = Quantity(**json.loads(value))
        elif value is not None and kind == "bool":
            value = bool(value)
        values.append(value)
    return cls(*values)


def _document(row: sqlite3.Row) -> Document:
    published = PublishedDate(
        parse_day(row["published"]),
        row["published_method"],
        row["published_confidence"],
        row["published_reason"],
    )
    return Document(
        id=row["id"], source=row["source"], text=row["text"], title=row["title"],
        outlet=row["outlet"], url=row["url"], author=row["author"], language=row["language"],
        published=published, removed_lines=tuple(json.loads(row["removed_lines"])),
        raw_text=row["raw_text"], wire=row["wire"],
    )


def fact_from_json(data: dict[str, Any]) -> Fact:
    values = tuple(_fact_value(v) for v in data["values"])
    return Fact(**{**data, "values": values})


def _fact_value(data: dict[str, Any]) -> FactValue:
    citations = tuple(citation_from_json(c) for c in data["citations"])
    first = parse_day(data["first_reported"])
    tuples = {k: tuple(data.get(k, ())) for k in ("documents", "outlets", "speakers", "contradicts", "source_keys", "strong_documents",
                                         "unhedged_documents")}
    role = data.get("role", role_of_label(data.get("label", "")))
    return FactValue(**{**data, **tuples, "citations": citations, "first_reported": first, "role": role})
