"""Re-annotating a stored corpus: what an older version stored is rebuilt, what was ingested is kept."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.corpus import reannotate
from dateline.jsonable import to_json
from dateline.store import Store


@pytest.fixture()
def old_store(example_db, tmp_path) -> Path:
    """A copy of the example store whose times, derived records and ledger an older version left wrong."""
    path = tmp_path / "old.db"
    with sqlite3.connect(example_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    with Store(path) as store, store.conn:
        store.conn.execute("DELETE FROM timexes")
        store.conn.execute("DELETE FROM derived")
    with Store(path) as store:
        for story in store.stories():
            store.replace_facts(story.id, [])
    return path


def _snapshot(path: Path) -> dict:
    with Store(path) as store:
        ids = sorted(store.document_keys())
        return {
            "keys": store.document_keys(),
            "stories": [(s.id, s.title, sorted(s.documents)) for s in store.stories()],
            "published": {d.id: d.published.value for d in store.documents()},
            "timexes": {i: to_json(store.layer("timexes", i)) for i in ids},
            "facts": to_json(store.facts()),
        }


def test_reannotate_rebuilds_layers_and_ledger_and_keeps_the_rest(example_db, old_store):
    before = _snapshot(example_db)
    broken = _snapshot(old_store)
    assert not any(broken["timexes"].values()) and not broken["facts"]
    with Store(old_store) as store:
        count, failures, stories = reannotate(store, batch_size=4)
    after = _snapshot(old_store)
    assert count == len(before["keys"]) and failures == []
    assert sorted(stories) == sorted(s[0] for s in before["stories"])
    assert after == before


def test_reannotate_keeps_near_duplicate_links(old_store):
    with Store(old_store) as store:
        first, second = sorted(store.document_keys())[:2]
        store.add_near_duplicates([(second, first, 0.9)])
        reannotate(store, batch_size=4)
        assert (second, first, 0.9) in store.near_duplicates()


def test_reannotate_command(old_store):
    result = CliRunner().invoke(app, ["reannotate", "--db", str(old_store)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "annotated again" in result.output
    with Store(old_store) as store:
        assert store.facts() and any(store.layer("timexes", i) for i in store.document_keys())


def test_reannotate_refuses_a_missing_store(tmp_path):
    done = subprocess.run([sys.executable, "-m", "dateline", "reannotate", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "no such database" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "none.db").exists()
