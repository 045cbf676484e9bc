"""The scale-out path: `batch` on a real 2-worker Dask cluster, then `load`, builds the store `ingest`
builds; a killed batch resumes; a store exports to Parquet that pyarrow reads back."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import (
    AnnotatedDocument,
    Claim,
    Document,
    Failure,
    Notice,
    PublishedDate,
    Quantity,
    RawDocument,
    Sentence,
)
from dateline.store import Store

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "niger-withdrawal"
SHARD_SIZE = 4  # the example's 15 articles in 5 shards, plus the undated one dated from the batch


@pytest.fixture(scope="module")
def scheduler():
    """A real local cluster, shared by the tests: 2 worker processes of 1 thread, on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def shards_dir(tmp_path_factory, scheduler) -> Path:
    out = tmp_path_factory.mktemp("scale") / "shards"
    done = CliRunner().invoke(app, ["batch", str(EXAMPLE), "--out", str(out), "--scheduler", scheduler,
                                    "--shard-size", str(SHARD_SIZE), "--no-tagger"])
    assert done.exit_code == 0, done.output
    return out


@pytest.fixture(scope="module")
def loaded_db(shards_dir) -> Path:
    db = shards_dir.parent / "loaded.db"
    done = CliRunner().invoke(app, ["load", str(shards_dir), "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert "added 15" in done.output
    return db


@pytest.fixture(scope="module")
def ingested_db(tmp_path_factory) -> Path:
    from dateline.corpus import ingest

    db = tmp_path_factory.mktemp("ingest") / "ingested.db"
    with pytest.MonkeyPatch.context() as patch, Store(db) as store:
        patch.setenv("DATELINE_TAGGER", "0")  # what span_tagger.disable() does, undone after
        ingest([EXAMPLE], store)
    return db


# --- batch, then load, equals ingest --------------------------------------------------


def test_batch_writes_one_file_set_per_shard(shards_dir):
    from dateline.scale.load import shard_names

    names = shard_names(shards_dir)
    assert len([n for n in names if n.startswith("shard-")]) >= 2
    for name in names:
        assert (shards_dir / f"{name}.problems.jsonl").exists()
    assert json.loads((shards_dir / "batch.json").read_text())["complete"] is True


def test_load_builds_the_store_ingest_builds(loaded_db, ingested_db):
    with Store(loaded_db) as loaded, Store(ingested_db) as ingested:
        assert _documents(loaded) == _documents(ingested)
        assert _row_counts(loaded) == _row_counts(ingested)
        assert _partition(loaded) == _partition(ingested)
        assert len(loaded.facts()) == len(ingested.facts()) > 0
        assert len(loaded.events()) == len(ingested.events())


def test_loading_again_changes_nothing(shards_dir, loaded_db, tmp_path):
    from dateline.scale.load import load_shards

    db = tmp_path / "again.db"
    shutil.copy(loaded_db, db)
    with Store(db) as store, Store(loaded_db) as first:
        report = load_shards(shards_dir, store)
        assert report.added == () and len(report.unchanged) == 15
        assert _row_counts(store) == _row_counts(first)


def _documents(store: Store) -> dict[str, tuple]:
    return {d.id: (d.source, d.text, d.published) for d in store.documents()}


def _row_counts(store: Store) -> dict[str, int]:
    return {name: sum(1 for _ in store.table_rows(name)[1]) for name in Store.EXPORTED_TABLES}


def _partition(store: Store) -> set[frozenset[str]]:
    """Which documents share a story, whatever the stories are called."""
    groups: dict[str, set[str]] = defaultdict(set)
    for doc_id, meta in store.document_meta().items():
        groups[meta["story_id"]].add(doc_id)
    return {frozenset(group) for group in groups.values()}


# --- resuming -------------------------------------------------------------------------


def test_a_deleted_shard_alone_is_computed_again(shards_dir, scheduler, tmp_path):
    from dateline.scale.annotated_io import read_annotated
    from dateline.scale.runner import run_batch

    out = tmp_path / "shards"
    shutil.copytree(shards_dir, out)
    before = [a for a in read_annotated(out / "shard-00002.parquet")]
    (out / "shard-00002.parquet").unlink()
    done: list[str] = []
    report = run_batch([EXAMPLE], out, scheduler=scheduler, shard_size=SHARD_SIZE, tagger=False,
                       progress=lambda name, articles: done.append(name))
    assert done == ["shard-00002"]
    assert report.shards == 1 and report.complete
    assert list(read_annotated(out / "shard-00002.parquet")) == before


def test_other_inputs_do_not_resume_a_folder(shards_dir, scheduler, tmp_path):
    from dateline.errors import DatelineError
    from dateline.scale.runner import run_batch

    out = tmp_path / "shards"
    shutil.copytree(shards_dir, out)
    with pytest.raises(DatelineError, match="another run"):
        run_batch([EXAMPLE], out, scheduler=scheduler, shard_size=SHARD_SIZE + 1, tagger=False)


def test_load_refuses_an_unfinished_batch(shards_dir, tmp_path):
    from dateline.errors import DatelineError
    from dateline.scale.load import load_shards

    out = tmp_path / "shards"
    shutil.copytree(shards_dir, out)
    plan = json.loads((out / "batch.json").read_text())
    (out / "batch.json").write_text(json.dumps({**plan, "complete": False}))
    with Store(tmp_path / "x.db") as store, pytest.raises(DatelineError, match="has not finished"):
        load_shards(out, store)


# --- parquet export -------------------------------------------------------------------


def test_export_parquet_reads_back_with_pyarrow(loaded_db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "tables"
    done = CliRunner().invoke(app, ["export", "--format", "parquet", "--out", str(out), "--db", str(loaded_db)])
    assert done.exit_code == 0, done.output
    with Store(loaded_db) as store:
        counts = _row_counts(store)
        ids = sorted(d.id for d in store.documents())
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted(Store.EXPORTED_TABLES)
    for name, count in counts.items():
        assert pq.read_table(out / f"{name}.parquet").num_rows == count, name
    documents = pq.read_table(out / "documents.parquet")
    assert sorted(documents.column("id").to_pylist()) == ids
    assert str(documents.schema.field("published_confidence").type) == "double"
    assert str(pq.read_table(out / "claims.parquet").schema.field("negated").type) == "int64"


def test_table_rows_refuses_other_tables(loaded_db):
    from dateline.errors import StoreError

    with Store(loaded_db) as store, pytest.raises(StoreError, match="not an exported table"):
        store.table_rows("documents_fts")


# --- shards and their files, without a cluster --------------------------------------------


@pytest.mark.parametrize(("lines", "size", "expected"), [(5, 2, [2, 2, 1]), (4, 4, [4]), (3, 10, [3])],
                         ids=["split", "exact", "one"])
def test_a_large_jsonl_file_is_cut_every_shard_size_records(tmp_path, lines, size, expected):
    from dateline.scale.shards import shards

    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"text": f"Article {i}."}) + "\n" for i in range(lines)))
    found = list(shards([path], shard_size=size))
    assert [s.records for s in found] == expected
    assert [s.name for s in found] == [f"shard-{i:05d}" for i in range(len(expected))]
    assert found[-1].items[-1].source == f"{path}:{lines}"


def test_single_article_files_are_grouped_in_input_order(tmp_path):
    from dateline.scale.shards import shards

    for name in ("a.txt", "b.html", "c.txt", "d.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": "In a feed."}) + "\n")
    found = list(shards([tmp_path], shard_size=3))
    sources = [[Path(item.source).name for item in s.items] for s in found]
    assert sources == [["a.txt", "b.html", "c.txt"], ["d.txt"], ["e.jsonl:1"]]


def test_parquet_input_becomes_raw_documents(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dateline.scale.shards import shards

    path = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"text": ["One article.", None], "outlet": ["Wire", None],
                             "published": pa.array([20000, None], type=pa.date32())}), path)
    (shard,) = shards([path], shard_size=10)
    first, second = shard.items
    assert first == RawDocument(source=f"{path}:1", text="One article.", outlet="Wire", published="2024-10-04")
    assert isinstance(second, Failure) and second.source == f"{path}:2"


def test_an_annotated_document_survives_its_shard_file(tmp_path):
    from dateline.scale.annotated_io import read_annotated, shard_table

    text = "About 1,000 troops will leave by September 2024."
    doc = Document("d1", "a.txt", text, "Title", "Wire", None, None, "en",
                   PublishedDate(None, "unknown", 0.0, "no date found"), removed_lines=("Share this",),
                   raw_text=text + "\nShare this")
    count = Quantity("About 1,000", 1000.0, True, "troops", 0, 11)
    claim = Claim(text, "troops", "leave", None, "planned", False, "2024-09", None, 0, len(text), quantity=count)
    annotated = AnnotatedDocument(doc, sentences=(Sentence(0, len(text)),), quantities=(count,), claims=(claim,),
                                  problems=("timexes: ValueError",))
    path = tmp_path / "s.parquet"
    path.write_bytes(shard_table([annotated]))
    assert list(read_annotated(path)) == [annotated]


def test_problems_round_trip(tmp_path):
    from dateline.scale.annotated_io import read_problems, write_problems

    problems = [Failure("a.txt", "read", "empty file"), Notice("b.txt", "decode", "1 byte replaced")]
    write_problems(tmp_path / "p.jsonl", problems)
    assert read_problems(tmp_path / "p.jsonl") == problems


# --- the commands -----------------------------------------------------------------------


@pytest.mark.parametrize(("command", "option"), [("batch", "--scheduler"), ("batch", "--shard-size"),
                                                 ("load", "--db")], ids=["batch", "batch-shards", "load"])
def test_help(command, option):
    done = CliRunner().invoke(app, [command, "--help"])
    assert done.exit_code == 0 and option in done.output and "Example:" in done.output


def test_load_of_a_missing_folder_is_a_clear_error(tmp_path):
    from dateline.errors import DatelineError

    done = CliRunner().invoke(app, ["load", str(tmp_path / "none"), "--db", str(tmp_path / "x.db")])
    assert isinstance(done.exception, DatelineError) and "no such folder" in str(done.exception)
    assert not (tmp_path / "x.db").exists()
