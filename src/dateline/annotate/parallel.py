"""Annotation over several processes: the per-document work is pure, so batches can be
parsed and annotated side by side, one spaCy model loaded per worker.

Workers are forked from a "forkserver" on Linux, else started with "spawn"; never forked
from the parent, which may already hold the model and thinc's threads that a forked child
must not inherit. The fork server is a fresh process that imports spaCy, torch and the
annotators once and loads the spaCy pipeline (`PRELOAD`), so each worker starts with them: on 2 cores
two workers were ready 3.9 s after the pool started, against 7 s when each imported them itself.
Results come back in input order.
"""

from __future__ import annotations

import atexit
import functools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dateline.errors import AnnotateError
from dateline.model import AnnotatedDocument, Document, Failure

# What the fork server imports before forking workers (a module that is not installed is skipped).
# A worker runs the parent's script again when it starts: for the `dateline` command that imports
# `dateline.cli` and every command module (0.4 s a worker), done once here.
PRELOAD = (
    "dateline.cli", "spacy", "torch", "tokenizers", "safetensors", "dateline.nlp", "dateline.annotate.pipeline",
    "dateline.annotate.parallel", "dateline.annotate.sentences", "dateline.annotate.entities",
    "dateline.annotate.timex", "dateline.annotate.quantities", "dateline.annotate.attribution",
    "dateline.annotate.claims", "dateline.annotate.span_tagger", "dateline.annotate.minilm",
    "dateline.annotate.preload",  # last: the spaCy pipeline itself, loaded once for every worker
)


# A worker is replaced by a fresh one after this many batches (3,200 articles at the default 32): its resident
# memory crept from 1.6 to 2.3 GB over 14,000 articles of a 20,000-article ingest, and a new worker, forked
# from the fork server, is ready in a few seconds (docs/performance.md).
BATCHES_PER_WORKER = 100


def annotate_in_workers(
    batches: Iterable[list[Document]], *, workers: int
) -> Iterator[list[AnnotatedDocument | Failure]]:
    """Each batch's results, in input order, annotated by `workers` processes.

    Batches are read lazily: at most two per worker are in flight, so the caller can
    read and store as the workers annotate, with memory bounded by the batch size.
    """
    settings = {k: v for k, v in os.environ.items() if k.startswith("DATELINE_")}
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_load_model,
                               initargs=(settings,), max_tasks_per_child=BATCHES_PER_WORKER)
    try:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(pool.submit(_annotate_batch, batch))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as exc:
        # batches already yielded are stored; say what happened instead of a traceback
        raise AnnotateError(
            f"a worker process stopped ({exc}); articles already stored are kept, and running the same "
            "command again adds the rest. Use fewer --workers if memory is short (each loads its own model)."
        ) from exc
    finally:
        # Every result is in (or no longer wanted): the caller goes on to store and link while the
        # workers end, instead of waiting about a second for them.
        pool.shutdown(wait=False, cancel_futures=True)


def start_early() -> None:
    """Starts the fork server now (where workers are forked from one), so that it imports spaCy, torch
    and the annotators while this process reads the first batches: the first worker waited 3.5 s for it
    on 2 cores, with this process idle."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context():
    # Linux only: on macOS a process forked after numpy or torch load Apple's frameworks may crash,
    # which is why Python spawns there by default.
    if not sys.platform.startswith("linux") or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))  # read when the server starts, once per process
    return context


def _load_model(settings: dict[str, str]) -> None:
    """Loads a worker's models, with the parent's `DATELINE_*` settings (`--no-tagger`, the encoder's
    number type) as they are now: a forked worker inherits the fork server's environment, which is
    the parent's when the server started."""
    from dateline.annotate import span_tagger
    from dateline.nlp import load_nlp

    for key in [k for k in os.environ if k.startswith("DATELINE_") and k not in settings]:
        del os.environ[key]
    os.environ.update(settings)

    # A worker's results are all sent (synchronously) before it is told to stop, and it holds no file or
    # store: ending at once skips the interpreter's shutdown, 2 s of garbage collection over spaCy's and
    # torch's objects for which the parent waits before it can place and relink (docs/performance.md).
    # A worker forked by the fork server already ends so; a spawned one needs this.
    atexit.register(os._exit, 0)
    load_nlp()
    if span_tagger.enabled():
        span_tagger.single_threaded()  # the workers share the cores; torch's own threads would fight over them


def _annotate_batch(batch: list[Document]) -> list[AnnotatedDocument | Failure]:
    from dateline.annotate.pipeline import annotate_batch

    return annotate_batch(_pipeline(), batch)


@functools.cache
def _pipeline():
    from dateline.annotate.pipeline import default_pipeline

    return default_pipeline()
