"""A killed ingest, run again, ends exactly as a clean one: every table holds the same rows.

The ingest runs as a real process (the `dateline` command) over the bundled example with
small batches, is killed with SIGKILL at points spread over a clean run's duration, and is
then run again to completion.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.store import Store

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "niger-withdrawal"
TABLES = ("documents", "sentences", "entities", "timexes", "quantities", "attributions", "claims", "failures",
          "stories", "facts", "events", "derived", "story_views", "near_duplicates", "pending_stories")


def _command(db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(EXAMPLE), "--db", str(db), "--no-tagger", "--batch-size", "3"]


def _ingest(db: Path) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(_command(db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _complete(db: Path) -> None:
    """Run an ingest to its end; it must succeed (what it printed is shown when it does not)."""
    done = subprocess.run(_command(db), env={**os.environ, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def _partition(db: Path) -> set[frozenset[str]]:
    """Which articles share a story (story ids aside)."""
    with Store(db) as store:
        return {frozenset(story.documents) for story in store.stories()}


def _state(db: Path) -> tuple[int, int] | None:
    """(articles stored, stories waiting to be relinked), read while the ingest writes; None before its schema."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return (conn.execute("SELECT count(*) FROM documents").fetchone()[0],
                    conn.execute("SELECT count(*) FROM pending_stories").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _kill_when(db: Path, reached, timeout: float = 300) -> tuple[int, int]:
    """Start an ingest and SIGKILL it the moment the store reaches a state; returns that state."""
    process = _ingest(db)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        state = _state(db)
        if state is not None and reached(*state):
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            return state
        time.sleep(0.002)
    process.kill()
    pytest.fail(f"the ingest ended before the store reached the state to kill it in (last: {_state(db)})")


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    _complete(db)
    return db


ARTICLES = len([p for p in EXAMPLE.rglob("*") if p.is_file() and p.suffix in (".html", ".txt", ".jsonl")])
POINTS = {
    "after the first batch": lambda stored, pending: 0 < stored,
    "mid-annotation": lambda stored, pending: stored >= 6,
    "while linking stories": lambda stored, pending: pending > 0,
}


@pytest.mark.parametrize("point", list(POINTS), ids=list(POINTS))
def test_a_killed_ingest_rerun_equals_a_clean_one(clean, tmp_path, point):
    db = tmp_path / "killed.db"
    stored, pending = _kill_when(db, POINTS[point])
    assert stored < _counts(clean)["documents"] or pending > 0, "killed after the ingest had finished"
    _complete(db)
    assert _counts(db) == _counts(clean)
    assert _counts(db)["pending_stories"] == 0
    assert _partition(db) == _partition(clean)


def test_a_rerun_of_a_finished_ingest_changes_nothing(clean):
    before = _counts(clean)
    _complete(clean)
    assert _counts(clean) == before
