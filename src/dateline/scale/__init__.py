"""The scale-out path: the per-document stage on a Dask cluster, the corpus stage from its output.

`runner.run_batch` annotates input shards on a cluster into Parquet files,
`load.load_shards` stores them as `ingest` would, and `parquet.export_parquet`
writes a store's tables as Parquet for any engine (DuckDB, Spark, pandas).
"""
