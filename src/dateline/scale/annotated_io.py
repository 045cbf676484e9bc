"""The files `dateline batch` writes and `dateline load` reads back, one set per shard.

- `NAME.parquet`: one row per annotated document, columns `id`, `source` and `record`:
  the `dateline annotate` JSON record (`views.export.annotation_record`) plus the two
  fields the store keeps beside it, `removed_lines` and `raw_text`. Written last: its
  presence means the shard is done.
- `NAME.problems.jsonl`: the shard's failures and notices, one JSON object a line
  with `kind` ("failure" or "notice"), `source`, `stage` and `reason` or `message`.
- `NAME.undated.jsonl`: prepared documents that wait for a date borrowed from the
  whole corpus (`ingest.dating.refine_undated`); batch annotates them at the end.

Every file is written under a temporary name and renamed into place, so a killed
run leaves whole files or none.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.jsonable import parse_day, to_json
from dateline.model import (
    AnnotatedDocument,
    Attribution,
    Claim,
    Document,
    Entity,
    Failure,
    Notice,
    PublishedDate,
    Quantity,
    Sentence,
    TimeExpr,
)
from dateline.views.export import annotation_record

__all__ = [
    "FORMAT",
    "annotated_from_record",
    "document_from_record",
    "read_annotated",
    "read_documents",
    "read_problems",
    "shard_record",
    "shard_table",
    "write_atomic",
    "write_documents",
    "write_problems",
]

FORMAT = "dateline-annotated-shard/1"  # in each shard's Parquet metadata
_LAYERS: dict[str, type] = {
    "sentences": Sentence, "entities": Entity, "timexes": TimeExpr,
    "quantities": Quantity, "attributions": Attribution, "claims": Claim,
}
_DOCUMENT_FIELDS = ("id", "source", "text", "title", "outlet", "url", "author", "language", "wire")


def shard_record(annotated: AnnotatedDocument) -> dict[str, Any]:
    """The `record` of one row: the annotate record plus what the store keeps that it leaves out."""
    doc = annotated.document
    return {**annotation_record(annotated), "removed_lines": list(doc.removed_lines), "raw_text": doc.raw_text}


def shard_table(annotated: Sequence[AnnotatedDocument]) -> bytes:
    """The Parquet file of a shard's annotated documents, as bytes (a worker returns them)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("id", pa.string()), ("source", pa.string()), ("record", pa.string())],
                       metadata={"format": FORMAT})
    table = pa.table({
        "id": [a.document.id for a in annotated],
        "source": [a.document.source for a in annotated],
        "record": [json.dumps(shard_record(a), ensure_ascii=False) for a in annotated],
    }, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def read_annotated(path: Path) -> Iterator[AnnotatedDocument]:
    """The annotated documents of one shard's Parquet file, in row order."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=64, columns=["record"]):
        for text in batch.column(0).to_pylist():
            yield annotated_from_record(json.loads(text))


def annotated_from_record(record: dict[str, Any]) -> AnnotatedDocument:
    """The AnnotatedDocument a `shard_record` (or an annotate record) was made from."""
    layers = {name: tuple(_layer_record(cls, item) for item in record.get(name, ())) for name, cls in _LAYERS.items()}
    return AnnotatedDocument(document=document_from_record(record), **layers, problems=tuple(record["problems"]))


def document_from_record(record: dict[str, Any]) -> Document:
    """A Document from its JSON form (`to_json(document)`, or an annotate record without raw text)."""
    published = record["published"]
    return Document(
        **{name: record.get(name) for name in _DOCUMENT_FIELDS},
        published=PublishedDate(parse_day(published["value"]), published["method"], published["confidence"],
                                published["reason"]),
        removed_lines=tuple(record.get("removed_lines", ())),
        raw_text=record.get("raw_text"),
    )


def _layer_record(cls: type, data: dict[str, Any]) -> Any:
    if cls is Claim and data.get("quantity") is not None:
        data = {**data, "quantity": Quantity(**data["quantity"])}
    return cls(**data)


def write_problems(path: Path, problems: Iterable[Failure | Notice]) -> None:
    lines = [{"kind": "failure" if isinstance(p, Failure) else "notice", **to_json(p)} for p in problems]
    write_atomic(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8"))


def read_problems(path: Path) -> list[Failure | Notice]:
    if not path.exists():
        return []
    problems: list[Failure | Notice] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        kind = data.pop("kind")
        problems.append(Failure(**data) if kind == "failure" else Notice(**data))
    return problems


def write_documents(path: Path, documents: Iterable[Document]) -> None:
    lines = (json.dumps(to_json(d), ensure_ascii=False) + "\n" for d in documents)
    write_atomic(path, "".join(lines).encode("utf-8"))


def read_documents(path: Path) -> list[Document]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [document_from_record(json.loads(line)) for line in lines if line]


def write_atomic(path: Path, data: bytes) -> None:
    """`data` at `path`, written under a temporary name and renamed: whole or absent, never cut short."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)
