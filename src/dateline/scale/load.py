"""The corpus stage from annotated shards: what `dateline load` runs.

`load_shards(out_dir, store)` reads the shards `dateline batch` wrote, in a fixed
order (shard name, then row: the `shard-` shards in input order, then the undated
ones, as `ingest` annotates them), and hands them to `corpus.store_annotated`,
which stores them a committed batch at a time, finds duplicates, places articles
in stories and relinks. A store built this way equals the one `ingest` builds
from the same input.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from dateline.corpus import IngestReport, Progress, store_annotated
from dateline.errors import DatelineError
from dateline.model import AnnotatedDocument, Failure, Notice
from dateline.scale import annotated_io
from dateline.scale.runner import batch_state
from dateline.store import Store

__all__ = ["check_complete", "load_shards", "shard_names"]

logger = logging.getLogger(__name__)


def load_shards(out_dir: str | Path, store: Store, *, batch_size: int = 32,
                progress: Progress | None = None) -> IngestReport:
    """Store every annotated shard in `out_dir`, then place and relink, as `ingest` does.

    An article already in the store is left as it is (reported unchanged), and one that appears
    twice in the shards is stored once, as `ingest` reads it once.
    """
    out = Path(out_dir)
    check_complete(out)
    reading = _Reading(set(store.document_keys()))
    report = store_annotated(reading.results(out), store, batch_size=batch_size, progress=progress)
    return replace(report, unchanged=tuple(reading.unchanged), notices=(*reading.notices, *report.notices))


def check_complete(out_dir: str | Path) -> None:
    """Raise DatelineError unless `out_dir` holds the shards of a batch that finished."""
    if not batch_state(out_dir).get("complete"):
        raise DatelineError(f"{out_dir}: the batch that writes these shards has not finished; run the same "
                            "`dateline batch` command again to finish it, then load")


def shard_names(out_dir: str | Path) -> list[str]:
    """The shards of `out_dir` in load order: `shard-` ones by name, then `undated-` ones."""
    out = Path(out_dir)
    return [p.name.removesuffix(".parquet") for prefix in ("shard-", "undated-")
            for p in sorted(out.glob(f"{prefix}*.parquet"))]


class _Reading:
    """The shards' results in load order, with what they repeat set aside as `ingest` sets it aside."""

    def __init__(self, stored: set[str]):
        self.stored = stored
        self.seen: dict[str, str] = {}
        self.unchanged: list[str] = []
        self.notices: list[Notice] = []

    def results(self, out: Path) -> Iterator[AnnotatedDocument | Failure]:
        for name in shard_names(out):
            for problem in annotated_io.read_problems(out / f"{name}.problems.jsonl"):
                if isinstance(problem, Failure):
                    yield problem
                else:
                    self.notices.append(problem)
            for annotated in annotated_io.read_annotated(out / f"{name}.parquet"):
                if self._fresh(annotated):
                    yield annotated

    def _fresh(self, annotated: AnnotatedDocument) -> bool:
        doc = annotated.document
        if doc.id in self.seen:
            self.notices.append(Notice(doc.source, "read", f"the same article as {self.seen[doc.id]}: read once"))
            return False
        self.seen[doc.id] = doc.source
        if doc.id in self.stored:
            self.unchanged.append(doc.id)
            return False
        return True
