"""Storage: one embedded SQLite database file; all SQL lives in this package."""

from dateline.store.db import Store

__all__ = ["Store"]
