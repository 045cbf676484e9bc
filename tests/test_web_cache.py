"""The web app's view cache over a real database file: views are reused until another
connection commits, and views built from other views carry their version."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from dateline.store import Store
from dateline.web.cache import ViewCache


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "views.db"
    Store(path).close()
    return path


@pytest.fixture
def cache(db):
    views = ViewCache(db, fresh_wait=5.0)
    yield views
    views.close()


def _commit(db, n: int) -> None:
    """A write from another connection, as `dateline ingest` in another process makes."""
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER)")
        conn.execute("INSERT INTO probe VALUES (?)", (n,))


def _counter():
    calls = []

    def compute(store):
        calls.append(1)
        return len(calls)

    return calls, compute


def test_a_view_is_computed_once_while_the_store_is_unchanged(cache):
    calls, compute = _counter()
    assert [cache.get("k", compute) for _ in range(3)] == [1, 1, 1]
    assert len(calls) == 1


def test_a_commit_from_another_connection_makes_the_view_recomputed(cache, db):
    calls, compute = _counter()
    first_version, first = cache.get_versioned("k", compute)
    _commit(db, 1)
    second_version, second = cache.get_versioned("k", compute)
    assert (first, second) == (1, 2)
    assert second_version != first_version


def test_prefetch_computes_in_the_background_and_get_reuses_it(cache):
    started, release = threading.Event(), threading.Event()
    calls = []

    def slow(store):
        started.set()
        release.wait(5)
        calls.append(1)
        return "ready"

    cache.prefetch("k", slow)
    assert started.wait(5)  # running, and prefetch did not wait for it
    cache.prefetch("k", slow)  # already under way: not started twice
    release.set()
    assert cache.get("k", slow) == "ready"
    assert len(calls) == 1


def test_prefetch_leaves_a_fresh_view_alone(cache):
    calls, compute = _counter()
    cache.get("k", compute)
    cache.prefetch("k", compute)
    assert cache.get("k", compute) == 1 and len(calls) == 1
