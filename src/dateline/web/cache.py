"""A cache of computed views, valid until the database changes.

Building a story's briefing and timeline reads every article of the story, which
takes seconds for a thousand articles; pages must load in well under a second.
Views are cached under their arguments and dropped when SQLite's
`data_version` says another connection committed (an ingest, in any process).
A stale view is recomputed in a worker thread; if that takes longer than
`FRESH_WAIT` seconds the stale view is served meanwhile, so a page never waits
on a long recompute while an ingest keeps changing the store.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from dateline.store import Store
from dateline.store.search import data_version

logger = logging.getLogger(__name__)

FRESH_WAIT = 0.25
SIZE = 256

Compute = Callable[[Store], Any]


class ViewCache:
    """Views of one database file, keyed by hashable arguments."""

    def __init__(self, db: Path, *, size: int = SIZE, fresh_wait: float = FRESH_WAIT):
        self._db = db
        self._size = size
        self._fresh_wait = fresh_wait
        self._watch: Store | None = None  # opened lazily, used only to read data_version
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._pending: dict[Hashable, Future] = {}
        self._workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dateline-view")

    def version(self) -> int:
        with self._lock:
            if self._watch is None:
                self._watch = Store(self._db)
            return data_version(self._watch.conn)

    def get(self, key: Hashable, compute: Compute) -> Any:
        """The view for `key`: cached if the store is unchanged, else recomputed (see module doc)."""
        return self.get_versioned(key, compute)[1]

    def get_versioned(self, key: Hashable, compute: Compute) -> tuple[int, Any]:
        """(the store version the view was computed at, the view): views built from this
        one can carry the version in their keys."""
        version = self.version()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                if entry[0] == version:
                    return entry
            future = self._pending.get(key) or self._submit(key, version, compute)
        if entry is None:
            return future.result()
        try:
            return future.result(timeout=self._fresh_wait)
        except FutureTimeout:
            logger.info("serving a stale view of %r while it is recomputed", key)
            return entry

    def prefetch(self, key: Hashable, compute: Compute) -> None:
        """Start computing the view for `key` in the background unless it is fresh or under way."""
        version = self.version()
        with self._lock:
            entry = self._entries.get(key)
            if (entry is None or entry[0] != version) and key not in self._pending:
                self._submit(key, version, compute)

    def _submit(self, key: Hashable, version: int, compute: Compute) -> Future:
        future = self._workers.submit(self._compute, key, version, compute)
        self._pending[key] = future
        return future

    def _compute(self, key: Hashable, version: int, compute: Compute) -> tuple[int, Any]:
        try:
            with Store(self._db) as store:
                value = compute(store)
            with self._lock:
                self._entries[key] = (version, value)
                self._entries.move_to_end(key)
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
            return version, value
        finally:
            with self._lock:
                self._pending.pop(key, None)

    def close(self) -> None:
        self._workers.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._watch is not None:
                self._watch.close()
