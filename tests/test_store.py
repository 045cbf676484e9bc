"""The SQLite store: round trips, idempotence, migrations, failures, concurrent reading."""

import sqlite3
from datetime import date

import pytest

from dateline.errors import StoreError
from dateline.model import (
    AnnotatedDocument,
    Attribution,
    Claim,
    Document,
    Entity,
    Failure,
    PublishedDate,
    Quantity,
    Sentence,
    TimeExpr,
)
from dateline.store import Store
from dateline.store.schema import MIGRATIONS

TEXT = "About 1,000 US troops will leave Niger by September 15, a spokesperson said."


def annotated(doc_id="doc-1", text=TEXT):
    doc = Document(doc_id, "a.txt", text, "Title", "Wire", None, None, "en",
                   PublishedDate(date(2024, 5, 20), "metadata", 0.95, "declared"), ("Share this",), text)
    q = Quantity("About 1,000 US troops", 1000.0, True, "US troops", 0, 21, "Niger")
    return AnnotatedDocument(
        doc,
        sentences=(Sentence(0, len(text)),),
        entities=(Entity("Niger", "GPE", "Niger", 33, 38),),
        timexes=(TimeExpr("September 15", "DATE", "2024-09-15", "deadline", 42, 54),),
        quantities=(q,),
        attributions=(Attribution("spokesperson", "a spokesperson", True, "said", text[:54], 0, 54, False),),
        claims=(Claim(text[:54], "US troops", "leave", "Niger", "planned", False, "2024-09-15", "spokesperson",
                      0, 54, "end", "deadline", quantity=q, hedged=True),),
    )


def test_round_trip_keeps_every_layer(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.add_documents([(annotated(), "hash", None)])
        back = store.annotated("doc-1")
    assert back == annotated()


def test_adding_the_same_document_twice_is_idempotent(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.add_documents([(annotated(), "hash", None)])
        store.assign_story("doc-1", "story-x")
        store.add_documents([(annotated(), "hash", None)])
        assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
        assert store.document_meta()["doc-1"]["story_id"] == "story-x"


def test_a_failed_batch_leaves_earlier_commits_intact(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.add_documents([(annotated(), "hash", None)])
        broken = annotated("doc-2")
        bad = AnnotatedDocument(broken.document, sentences=(object(),))  # not a dataclass record: writing it fails
        with pytest.raises(TypeError, match="dataclass"):
            store.add_documents([(annotated("doc-3"), "h3", None), (bad, "h2", None)])
        assert store.has_document("doc-1")
        assert not store.has_document("doc-3")


def test_migrations_are_recorded_and_rerun_safely(tmp_path):
    path = tmp_path / "t.db"
    Store(path).close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(path)


def test_failures_are_recorded(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.record_failures([Failure("x.bin", "read", "binary file")])
        assert store.failures() == [Failure("x.bin", "read", "binary file")]


def test_a_reader_sees_committed_data_while_a_writer_holds_a_transaction(tmp_path):
    path = tmp_path / "t.db"
    with Store(path) as writer:
        writer.add_documents([(annotated(), "hash", None)])
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("DELETE FROM claims")
        reader = sqlite3.connect(path, timeout=1)
        assert reader.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
        reader.close()
        writer.conn.rollback()


@pytest.mark.parametrize(
    ("value", "stored"),
    [("Lagos", "Lagos"), (3, 3), (2.5, 2.5), (None, None), (True, 1), (False, 0), ((1, 2), (1, 2))],
    ids=["str", "int", "float", "none", "true", "false", "other"],
)
def test_layer_values_are_stored_as_sqlite_takes_them(value, stored):
    from dateline.store.db import _to_sql

    found = _to_sql(value)
    assert found == stored and type(found) is type(stored)


def test_a_record_inside_a_layer_value_is_stored_as_json():
    import json
    from dataclasses import dataclass

    from dateline.store.db import _to_sql

    @dataclass(frozen=True)
    class Amount:
        value: float
        unit: str

    assert json.loads(_to_sql(Amount(4.5, "km"))) == {"value": 4.5, "unit": "km"}
