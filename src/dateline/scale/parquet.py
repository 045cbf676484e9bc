"""A store's tables as Parquet files, one a table, for DuckDB, Spark, pandas or any engine.

Columns are the stored columns with their SQL types (TEXT -> string, INTEGER ->
int64, REAL -> double); JSON bodies (facts, events, story signatures, a claim's
quantity) stay JSON text. Rows stream from the store in batches, so memory holds
one batch, not a table.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dateline.annotate.pipeline import batched
from dateline.store import Store

__all__ = ["export_parquet"]

logger = logging.getLogger(__name__)

_ROWS_PER_BATCH = 5_000


def export_parquet(store: Store, out_dir: str | Path) -> list[Path]:
    """Write every exported table of `store` to `out_dir/<table>.parquet`; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return [_export_table(store, name, out / f"{name}.parquet") for name in store.EXPORTED_TABLES]


def _export_table(store: Store, name: str, path: Path) -> Path:
    """One table, written under a temporary name and renamed: a reader never sees half a file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, rows = store.table_rows(name)
    schema = pa.schema([(column, _arrow_type(sql_type)) for column, sql_type in columns])
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with pq.ParquetWriter(temporary, schema, compression="zstd") as writer:
        for batch in batched(rows, _ROWS_PER_BATCH):
            arrays = [_column([row[i] for row in batch], field.type) for i, field in enumerate(schema)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
    os.replace(temporary, path)
    return path


def _arrow_type(sql_type: str):
    import pyarrow as pa

    if "INT" in sql_type:
        return pa.int64()
    if sql_type in ("REAL", "FLOAT", "DOUBLE"):
        return pa.float64()
    return pa.string()


def _column(values: list, arrow_type):
    """One column of a batch; SQLite's loose typing (a number in a TEXT column) made strict."""
    import pyarrow as pa

    if arrow_type == pa.string():
        values = [v if v is None or isinstance(v, str) else str(v) for v in values]
    elif arrow_type == pa.float64():
        values = [None if v is None else float(v) for v in values]
    return pa.array(values, type=arrow_type)
