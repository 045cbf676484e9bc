"""Input split into shards: the unit of work `dateline batch` hands to one cluster task.

A shard is a run of raw records in input order: up to `shard_size` records of one
large file (JSONL, WARC, Parquet, an archive, a feed), or up to `shard_size`
single-article files (HTML, text) side by side in a folder. Shards are read here,
in the driver, where reading is cheap; the workers do the costly part (cleaning,
dating, annotating), so they need no access to the input files. Names follow input
order (`shard-00000`, `shard-00001`, ...): the same inputs and shard size give the
same shards, which is what lets a killed run resume.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dateline.ingest.decode import safe_name, short_cause
from dateline.ingest.readers import STDIN, kind_of, read_paths
from dateline.model import Failure, Notice, RawDocument

__all__ = ["PARQUET_FIELDS", "Shard", "read_parquet", "shards"]

logger = logging.getLogger(__name__)

Item = RawDocument | Failure | Notice
PARQUET_FIELDS = ("id", "url", "outlet", "title", "published", "author")  # optional columns beside text/html
_SINGLE_ARTICLE = ("html", "text")  # kinds holding one article a file: grouped, never split
_PARQUET_BATCH = 256


@dataclass(frozen=True)
class Shard:
    name: str  # "shard-00012": also the name of its output files
    items: tuple[Item, ...]  # raw records in input order, with the read failures and notices among them

    @property
    def records(self) -> int:
        return sum(not isinstance(item, Notice) for item in self.items)


def shards(paths: Iterable[str | Path], *, shard_size: int) -> Iterator[Shard]:
    """The shards of `paths` (files, folders, or "-"), in input order; a large file is read as it is
    cut, so memory holds one shard, not the file."""
    if shard_size < 1:
        raise ValueError(f"shard_size must be at least 1, got {shard_size}")
    names = (f"shard-{number:05d}" for number in itertools.count())
    group: list[Item] = []  # single-article files waiting to fill a shard
    for single, items in _units(paths):
        if single:
            group.extend(items)
            if _records(group) >= shard_size:
                yield Shard(next(names), tuple(group))
                group = []
            continue
        if group:
            yield Shard(next(names), tuple(group))
            group = []
        for chunk in _split(items, shard_size):
            yield Shard(next(names), tuple(chunk))
    if group:
        yield Shard(next(names), tuple(group))


def read_parquet(path: Path) -> Iterator[Item]:
    """Articles from a Parquet table with a `text` (or `html`) column and optional id, url, outlet,
    title, published, author columns; each row's source is "path:row" (from 1), like JSONL's lines."""
    import pyarrow.parquet as pq

    source = safe_name(str(path))
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is one Failure
        yield Failure(source, "read", f"not a readable Parquet file ({short_cause(exc)})")
        return
    names = set(table.schema_arrow.names)
    if not names & {"text", "html"}:
        yield Failure(source, "read", f"a Parquet table needs a 'text' or 'html' column; it has {sorted(names)}")
        return
    columns = [c for c in ("text", "html", *PARQUET_FIELDS) if c in names]
    row = 0
    for batch in table.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield _parquet_row(f"{source}:{row}", record)


def _parquet_row(source: str, record: dict) -> RawDocument | Failure:
    body = {key: record.get(key) for key in ("text", "html")}
    body = {key: value for key, value in body.items() if isinstance(value, str) and value.strip()}
    if not body:
        return Failure(source, "read", "the row has no 'text' or 'html' value")
    content = {"text": body["text"]} if "text" in body else {"html": body["html"]}
    return RawDocument(source=source, **content, **{key: _as_text(record.get(key)) for key in PARQUET_FIELDS})


def _as_text(value: object) -> str | None:
    """A metadata cell as a non-empty string (dates and timestamps in ISO form), or None."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def _units(paths: Iterable[str | Path]) -> Iterator[tuple[bool, Iterable[Item]]]:
    """(single article?, items) for each file under `paths`, in the order `ingest` reads them; a
    folder's read problems count as single items, so they do not break a group of files."""
    for given in paths:
        path = Path(given)
        if str(given) == STDIN:
            yield False, read_paths([given])
        elif path.is_dir():
            for found in _walk(path):
                yield (True, [found]) if isinstance(found, (Failure, Notice)) else _unit(found)
        else:
            yield _unit(path)


def _unit(path: Path) -> tuple[bool, Iterable[Item]]:
    if path.name.lower().endswith(".parquet"):
        return False, read_parquet(path)
    if kind_of(path.name) in _SINGLE_ARTICLE:
        return True, list(read_paths([path]))
    return False, read_paths([path])


def _walk(folder: Path) -> Iterator[Path | Failure | Notice]:
    """Files under `folder` in sorted order, hidden ones skipped, each folder read once (as ingest)."""
    seen: set[str] = set()

    def visit(path: Path) -> Iterator[Path | Failure | Notice]:
        real = os.path.realpath(path)
        if real in seen:
            yield Notice(safe_name(str(path)), "read", "link leads to a folder already read; not followed")
            return
        seen.add(real)
        try:
            names = sorted(entry.name for entry in os.scandir(path))
        except OSError as exc:
            yield Failure(safe_name(str(path)), "read", f"cannot open the folder ({short_cause(exc)})")
            return
        for name in names:
            if not name.startswith("."):
                child = path / name
                yield from visit(child) if child.is_dir() else (child,)

    yield from visit(folder)


def _split(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """`items` cut after every `size` records; a notice stays with the record it precedes."""
    chunk: list[Item] = []
    count = 0
    for item in items:
        is_record = not isinstance(item, Notice)
        if is_record and count == size:
            yield chunk
            chunk, count = [], 0
        chunk.append(item)
        count += is_record
    if chunk:
        yield chunk


def _records(items: list[Item]) -> int:
    return sum(not isinstance(item, Notice) for item in items)
