"""The per-document stage on a Dask cluster: shards in, annotated Parquet shards out.

`run_batch(paths, out_dir)` reads the input in shards (`scale.shards`), sends each
to a worker that prepares and annotates it with the same functions `dateline ingest`
uses, and writes what comes back into `out_dir` (`scale.annotated_io`). A
`LocalCluster` (one single-threaded worker process per core) runs it by default;
`scheduler="tcp://host:8786"` runs it on any Dask cluster whose workers have dateline
installed. The workers never touch the input or output files: the driver reads and
writes, so no shared file system is needed.

Undated articles borrow a date from the dated ones that report the same events, as
in `ingest`; they wait in each shard's `.undated.jsonl` until every shard is done, are
dated against the whole batch, and are annotated last as `undated-NNNNN` shards.

A shard whose Parquet file exists is skipped, so a killed run, run again, finishes.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.errors import DatelineError
from dateline.model import AnnotatedDocument, Document, Failure, Notice
from dateline.scale import annotated_io
from dateline.scale.shards import Shard, shards

__all__ = ["BatchReport", "ShardOutput", "annotate_documents", "annotate_shard", "batch_state", "run_batch"]

logger = logging.getLogger(__name__)

PLAN_FILE = "batch.json"
DEFAULT_SHARD_SIZE = 200
_ANNOTATE_BATCH = 32  # documents parsed together inside a task, as `ingest` batches them
Progress = Callable[[str, int], None]  # (shard name, articles annotated in it), as each shard is written


@dataclass(frozen=True)
class ShardOutput:
    """What a worker sends back for one shard; the driver writes it to files."""

    name: str
    table: bytes  # the Parquet file of the annotated documents
    problems: tuple[Failure | Notice, ...]
    undated: tuple[Document, ...]  # prepared, waiting for a date from the whole batch
    articles: int


@dataclass(frozen=True)
class BatchReport:
    shards: int  # shards written by this run
    skipped: int  # shards already written by an earlier run
    articles: int  # articles annotated by this run
    failures: int  # inputs that failed (read, clean or annotate) in the shards written by this run
    undated: int  # articles dated from the whole batch and annotated last
    failed_shards: tuple[str, ...] = ()  # tasks that raised: run again to retry them
    complete: bool = True  # every shard is written: `dateline load` may read the folder


def run_batch(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    tagger: bool = True,
    progress: Progress | None = None,
) -> BatchReport:
    """Annotate `paths` on a cluster into Parquet shards in `out_dir`, skipping shards already there.

    `scheduler` is a Dask scheduler address; without it a local cluster of `workers` processes
    (default: one per core) runs the work. `tagger=False` runs attribution with rules only.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _check_plan(out, [str(p) for p in paths], shard_size)
    with _client(scheduler, workers) as client:
        first = _run(client, _shard_tasks(shards(paths, shard_size=shard_size), tagger), out, progress)
        if first.failed_shards:
            return replace(first, complete=False)  # the undated wait for every shard: a re-run finishes
        second = _run(client, _undated_tasks(out, shard_size, tagger), out, progress)
    report = BatchReport(
        shards=first.shards + second.shards, skipped=first.skipped + second.skipped,
        articles=first.articles + second.articles, failures=first.failures + second.failures,
        undated=second.articles, failed_shards=second.failed_shards,
        complete=not second.failed_shards,
    )
    if report.complete:
        _write_plan(out, [str(p) for p in paths], shard_size, complete=True)
    return report


def batch_state(out_dir: str | Path) -> dict:
    """What `run_batch` recorded in `out_dir`: inputs, shard size, and whether it finished."""
    path = Path(out_dir) / PLAN_FILE
    if not path.exists():
        raise DatelineError(f"{out_dir}: no {PLAN_FILE}; make annotated shards with `dateline batch INPUT --out {out_dir}`")
    return json.loads(path.read_text(encoding="utf-8"))


# --- the tasks (run on the workers) -------------------------------------------


def annotate_shard(shard: Shard, tagger: bool) -> ShardOutput:
    """Prepare and annotate one shard's raw records; undated documents are kept aside, not annotated."""
    from dateline.ingest.dating import needs_date
    from dateline.ingest.prepare import each_once, prepare

    problems: list[Failure | Notice] = []
    dated: list[Document] = []
    undated: list[Document] = []
    for item in each_once(prepare(shard.items)):
        if isinstance(item, (Failure, Notice)):
            problems.append(item)
        else:
            (undated if needs_date(item.published) else dated).append(item)
    return _annotated(shard.name, dated, problems, undated, tagger)


def annotate_documents(documents: Sequence[Document], name: str, tagger: bool) -> ShardOutput:
    """Annotate prepared documents (the undated ones, once dated from the whole batch)."""
    return _annotated(name, documents, [], [], tagger)


def _annotated(name: str, documents: Sequence[Document], problems: list[Failure | Notice],
               undated: Sequence[Document], tagger: bool) -> ShardOutput:
    from dateline.annotate.pipeline import annotate_batch, batched

    _configure(tagger)
    annotated: list[AnnotatedDocument] = []
    for batch in batched(documents, _ANNOTATE_BATCH):
        for result in annotate_batch(_pipeline(), batch):
            (problems if isinstance(result, Failure) else annotated).append(result)
    return ShardOutput(name, annotated_io.shard_table(annotated), tuple(problems), tuple(undated), len(annotated))


def _configure(tagger: bool) -> None:
    """This worker process follows the run's tagger choice (a remote worker outlives one run)."""
    from dateline.annotate import span_tagger

    os.environ["DATELINE_TAGGER"] = "1" if tagger else "0"
    if span_tagger.enabled():
        span_tagger.single_threaded()  # one worker a core: torch's own threads would fight over it


@functools.cache
def _pipeline():
    """The annotation pipeline, built (and the spaCy model loaded) once per worker process."""
    from dateline.annotate.pipeline import default_pipeline
    from dateline.nlp import load_nlp

    load_nlp()
    return default_pipeline()


# --- the driver --------------------------------------------------------------------

# (shard name, function, its first argument (the shard's data, sent to a worker apart from the task), the others)
Task = tuple[str, Callable[..., ShardOutput], object, tuple]


def _shard_tasks(found: Iterable[Shard], tagger: bool) -> Iterator[Task]:
    for shard in found:
        yield shard.name, annotate_shard, shard, (tagger,)


def _undated_tasks(out: Path, shard_size: int, tagger: bool) -> Iterator[Task]:
    """The undated documents of every shard, dated against every dated one, in shards of their own."""
    from dateline.annotate.pipeline import batched
    from dateline.ingest.dating import refine_undated

    names = _shard_names(out, "shard-")
    undated = [d for name in names for d in annotated_io.read_documents(out / f"{name}.undated.jsonl")]
    chunks = [f"undated-{n:05d}" for n in range((len(undated) + shard_size - 1) // shard_size)]
    if all((out / f"{name}.parquet").exists() for name in chunks):
        yield from ((name, annotate_documents, None, ()) for name in chunks)  # all written: `_run` skips them
        return
    donors = [_donor(a.document) for name in names for a in annotated_io.read_annotated(out / f"{name}.parquet")]
    refined = refine_undated(undated, known=donors)
    for name, documents in zip(chunks, batched(refined, shard_size)):
        yield name, annotate_documents, documents, (name, tagger)


def _donor(document: Document) -> Document:
    return replace(document, raw_text=None)


def _run(client, tasks: Iterable[Task], out: Path, progress: Progress | None) -> BatchReport:
    """Submit the tasks whose output is missing, a few per worker at a time, and write each result."""
    from distributed import as_completed

    window = 2 * max(1, sum(client.nthreads().values()))
    pending = as_completed()
    counts = {"shards": 0, "skipped": 0, "articles": 0, "failures": 0}
    failed: list[str] = []
    names: dict = {}
    for name, function, data, args in tasks:
        if (out / f"{name}.parquet").exists():
            counts["skipped"] += 1
            continue
        (scattered,) = client.scatter([data], hash=False)  # megabytes of text travel as data, not in the graph
        future = client.submit(function, scattered, *args, key=f"dateline-{name}-{uuid.uuid4().hex[:8]}", retries=1)
        names[future.key] = name
        pending.add(future)
        while pending.count() >= window:
            _collect(next(pending), names, out, counts, failed, progress)
    for future in pending:
        _collect(future, names, out, counts, failed, progress)
    return BatchReport(counts["shards"], counts["skipped"], counts["articles"], counts["failures"], 0, tuple(failed))


def _collect(future, names: dict, out: Path, counts: dict, failed: list[str], progress: Progress | None) -> None:
    name = names.pop(future.key)
    try:
        result: ShardOutput = future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died or the task broke: the shard stays missing,
        # and a re-run retries it
        logger.warning("shard %s failed on the cluster: %s", name, exc)
        failed.append(name)
        return
    finally:
        future.release()
    _write(out, result)
    counts["shards"] += 1
    counts["articles"] += result.articles
    counts["failures"] += sum(isinstance(p, Failure) for p in result.problems)
    if progress:
        progress(name, result.articles)


def _write(out: Path, result: ShardOutput) -> None:
    """The shard's side files first, its Parquet file last: the Parquet file marks the shard done."""
    annotated_io.write_problems(out / f"{result.name}.problems.jsonl", result.problems)
    annotated_io.write_documents(out / f"{result.name}.undated.jsonl", result.undated)
    annotated_io.write_atomic(out / f"{result.name}.parquet", result.table)


def _shard_names(out: Path, prefix: str) -> list[str]:
    return sorted(p.name.removesuffix(".parquet") for p in out.glob(f"{prefix}*.parquet"))


def _check_plan(out: Path, inputs: list[str], shard_size: int) -> None:
    """A folder holds the shards of one set of inputs cut one way; resuming with others would mix them."""
    path = out / PLAN_FILE
    if path.exists():
        plan = json.loads(path.read_text(encoding="utf-8"))
        if plan["inputs"] != inputs or plan["shard_size"] != shard_size:
            raise DatelineError(
                f"{out} holds the shards of another run (inputs {plan['inputs']}, --shard-size {plan['shard_size']}); "
                "run again with the same inputs and shard size to resume it, or choose another --out"
            )
    _write_plan(out, inputs, shard_size, complete=False)  # complete again only when this run ends well


def _write_plan(out: Path, inputs: list[str], shard_size: int, *, complete: bool) -> None:
    plan = {"format": annotated_io.FORMAT, "inputs": inputs, "shard_size": shard_size, "complete": complete}
    annotated_io.write_atomic(out / PLAN_FILE, (json.dumps(plan, indent=2) + "\n").encode("utf-8"))


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator:
    """A Dask client of the scheduler at `scheduler`, or of a local cluster of single-threaded worker
    processes bound to 127.0.0.1 (its status page too, on a free port)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise DatelineError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start it with "
                                "`dask scheduler` and check the address") from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        yield client
