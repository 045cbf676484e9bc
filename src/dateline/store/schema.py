"""The database schema as named, ordered migrations.

SQLite, not DuckDB: SQLite in WAL mode lets the web app keep reading while the
CLI writes to the same file, each ingest batch is one transaction (a crash
loses nothing already committed), and it ships with Python. DuckDB allows only
one writing process and locks readers out of it. Parquet exports (a later
issue) let any engine read the same tables.

A migration is appended, never edited: `user_version` records how many ran.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_documents_and_layers",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            title TEXT,
            author TEXT,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            raw_text TEXT,
            removed_lines TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_method TEXT NOT NULL,
            published_confidence REAL NOT NULL,
            published_reason TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            story_id TEXT,
            ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX documents_story ON documents(story_id);
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE TABLE sentences (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE entities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, text TEXT, label TEXT, canonical TEXT,
            start INTEGER, "end" INTEGER, corpus_name TEXT,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE INDEX entities_name ON entities(corpus_name);
        CREATE TABLE timexes (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, text TEXT, type TEXT, value TEXT, role TEXT,
            start INTEGER, "end" INTEGER, lower TEXT, upper TEXT, anchor TEXT, mod TEXT,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE quantities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, text TEXT, value REAL, approximate INTEGER, counts TEXT,
            start INTEGER, "end" INTEGER, "where" TEXT, lower REAL, upper REAL, unit TEXT,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE attributions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, speaker TEXT, source_text TEXT, anonymous INTEGER,
            cue TEXT, content TEXT, content_start INTEGER, content_end INTEGER,
            direct INTEGER, source_start INTEGER, source_end INTEGER,
            cue_start INTEGER, cue_end INTEGER,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE claims (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, text TEXT, subject TEXT, predicate TEXT, object TEXT,
            modality TEXT, negated INTEGER, time TEXT, speaker TEXT,
            start INTEGER, "end" INTEGER, predicate_class TEXT, time_role TEXT,
            time_lower TEXT, time_upper TEXT, place TEXT, hedged INTEGER,
            quantity TEXT, revises TEXT,
            PRIMARY KEY (doc_id, seq)
        );
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """,
    ),
    (
        "0002_stories_and_facts",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            signature TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE facts (
            id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            question TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX facts_story ON facts(story_id);
        """,
    ),
    (
        "0003_quantity_verb",
        """
        ALTER TABLE quantities ADD COLUMN verb TEXT;
        """,
    ),
    (
        "0004_documents_fts",
        """
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        """,
    ),
    (
        "0005_near_duplicates",
        """
        CREATE TABLE near_duplicates (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            other_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            similarity REAL NOT NULL,
            PRIMARY KEY (doc_id, other_id)
        );
        """,
    ),
    (
        "0006_events",
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            time TEXT,
            body TEXT NOT NULL
        );
        CREATE INDEX events_story ON events(story_id);
        """,
    ),
    (
        "0007_derived",
        """
        CREATE TABLE derived (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            observations TEXT NOT NULL,
            mentions TEXT NOT NULL
        );
        """,
    ),
    (
        "0008_story_views",
        """
        CREATE TABLE story_views (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (story_id, name)
        );
        """,
    ),
    (
        "0009_derived_timeline",
        """
        ALTER TABLE derived ADD COLUMN timeline TEXT;
        """,
    ),
    (
        "0010_nested_attributions",
        """
        ALTER TABLE attributions ADD COLUMN nested_in INTEGER;
        """,
    ),
    (
        "0011_quantity_state",
        """
        ALTER TABLE quantities ADD COLUMN state TEXT;
        """,
    ),
    (
        # one row per failing (source, stage), kept current; stories whose linking a crash may have cut short
        "0012_failures_once_and_pending_stories",
        """
        DELETE FROM failures WHERE id NOT IN (SELECT max(id) FROM failures GROUP BY source, stage);
        CREATE UNIQUE INDEX failures_source_stage ON failures(source, stage);
        CREATE TABLE pending_stories (story_id TEXT PRIMARY KEY);
        """,
    ),
    (
        # the wire service a document credits ("(Reuters) -"), apart from its publishing outlet
        "0013_document_wire",
        """
        ALTER TABLE documents ADD COLUMN wire TEXT;
        """,
    ),
    (
        # each article's most frequent terms (JSON term -> count) and, kept by triggers in the same
        # transaction, how many articles hold each term: the story linker's TF-IDF without reading texts.
        # Stores made before this are filled by the next ingest or `dateline restory` (Python tokenises).
        "0014_term_vectors",
        """
        CREATE TABLE term_vectors (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            terms TEXT NOT NULL
        );
        CREATE TABLE term_frequencies (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TRIGGER term_vectors_insert AFTER INSERT ON term_vectors BEGIN
            INSERT INTO term_frequencies (term, documents) SELECT key, 1 FROM json_each(new.terms) WHERE true
            ON CONFLICT(term) DO UPDATE SET documents = documents + 1;
        END;
        CREATE TRIGGER term_vectors_delete AFTER DELETE ON term_vectors BEGIN
            UPDATE term_frequencies SET documents = documents - 1
            WHERE term IN (SELECT key FROM json_each(old.terms));
            DELETE FROM term_frequencies WHERE term IN (SELECT key FROM json_each(old.terms)) AND documents <= 0;
        END;
        CREATE TRIGGER term_vectors_update AFTER UPDATE OF terms ON term_vectors BEGIN
            UPDATE term_frequencies SET documents = documents - 1
            WHERE term IN (SELECT key FROM json_each(old.terms));
            DELETE FROM term_frequencies WHERE term IN (SELECT key FROM json_each(old.terms)) AND documents <= 0;
            INSERT INTO term_frequencies (term, documents) SELECT key, 1 FROM json_each(new.terms) WHERE true
            ON CONFLICT(term) DO UPDATE SET documents = documents + 1;
        END;
        """,
    ),
    (
        # topics: the stories of one developing story followed for months (link/topics.py)
        "0015_topics",
        """
        CREATE TABLE topics (id TEXT PRIMARY KEY, title TEXT NOT NULL);
        ALTER TABLE stories ADD COLUMN topic_id TEXT;
        CREATE INDEX stories_topic ON stories(topic_id);
        """,
    ),
    (
        # the duplicate index kept in the store (ingest/dedupe.py): one row per MinHash LSH band of each
        # article (band number, a 64-bit key of its hash values), so an ingest asks which stored articles
        # share a band with a new one instead of rebuilding the index from every stored text.
        # `fingerprinted` marks the articles indexed (an empty text has no bands). Stores made before this
        # are filled by the next ingest, one stored text at a time.
        "0016_minhash_bands",
        """
        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, doc_id)
        ) WITHOUT ROWID;
        CREATE INDEX minhash_bands_doc ON minhash_bands(doc_id);
        CREATE TABLE fingerprinted (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        """,
    ),
)


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations this database has not seen; returns the schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, (_name, sql) in enumerate(MIGRATIONS, start=1):
        if number <= version:
            continue
        # executescript runs outside Python's implicit transactions, so the
        # explicit BEGIN/COMMIT makes each migration all-or-nothing.
        conn.executescript(f"BEGIN; {sql}; PRAGMA user_version = {number}; COMMIT;")
    return len(MIGRATIONS)
