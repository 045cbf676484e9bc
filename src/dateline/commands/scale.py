"""CLI commands for the scale-out path (registered on dateline.cli.app): `batch` annotates on a
Dask cluster into Parquet shards, `load` stores those shards as `ingest` would. See docs/scale.md."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import DbOption, TaggerOption, _open, _progress, app, console, err, print_ingest_report, safe
from dateline.errors import DatelineError


@app.command()
def batch(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders: sharded JSONL, WARC, Parquet (a 'text' column), or anything ingest reads.")],
    out: Annotated[Path, typer.Option("--out", help="Folder of annotated Parquet shards (made if missing; a killed run resumes in it).")],
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster).")] = None,
    workers: Annotated[int | None, typer.Option(min=1, max=512, help="Worker processes of the local cluster (default: one per core).")] = None,
    shard_size: Annotated[int, typer.Option(min=1, help="Records per shard: one task, one output file.")] = 200,
    tagger: TaggerOption = True,
) -> None:
    """Annotate articles on a Dask cluster into Parquet shards, for `dateline load`.

    Example: dateline batch archive/ --out shards/ --workers 4 --no-tagger
    """
    from dateline.scale.runner import run_batch

    _quiet_dask()
    if all(str(p) != "-" and not p.exists() and not p.is_symlink() for p in inputs):
        raise DatelineError(f"{', '.join(safe(p) for p in inputs)}: no such file or folder; nothing was read")

    def shard_done(name: str, articles: int) -> None:
        err.print(f"{name}: {articles} articles annotated", highlight=False)

    report = run_batch(inputs, out, scheduler=scheduler, workers=workers, shard_size=shard_size, tagger=tagger,
                       progress=shard_done)
    console.print(f"annotated {report.articles} articles in {report.shards} shards ({report.skipped} already done, "
                  f"{report.undated} dated from the batch), failed {report.failures} -> {safe(out)}", highlight=False,
                  soft_wrap=True)
    if not report.complete:
        err.print(f"[yellow]unfinished:[/] shards {', '.join(report.failed_shards)} failed on the cluster; "
                  "run the same command again to retry them", highlight=False)
        raise typer.Exit(1)


def _quiet_dask() -> None:
    """Dask's own loggers say INFO about every worker start and stop; show them only as verbose as
    dateline's log level ($DATELINE_LOG, WARNING by default)."""
    import distributed  # noqa: F401 - importing it sets its loggers' levels, which are then overridden here

    level = logging.getLogger().getEffectiveLevel()
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))


@app.command()
def load(
    shards: Annotated[Path, typer.Argument(help="Folder written by `dateline batch --out`.")],
    db: DbOption = Path("dateline.db"),
    batch_size: Annotated[int, typer.Option(help="Documents stored per committed batch.")] = 32,
) -> None:
    """Store annotated shards, find duplicates, place articles in stories and relink, as ingest does.

    Example: dateline load shards/ --db story.db
    """
    from dateline.scale.load import check_complete, load_shards

    if not shards.is_dir():
        raise DatelineError(f"{safe(shards)}: no such folder; make it with `dateline batch INPUT --out {safe(shards)}`")
    check_complete(shards)  # before a store is created
    with _open(db, must_exist=False) as store, _progress("stored") as progress:
        report = load_shards(shards, store, batch_size=batch_size, progress=progress)
    print_ingest_report(report, db)
