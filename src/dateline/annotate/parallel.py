"""Annotation over several processes: the per-document work is pure, so batches can be
parsed and annotated side by side, one spaCy model loaded per worker.

Workers are started with "spawn", not "fork": the parent may already hold the
model and thinc's threads, which a forked child must not inherit. Results come
back in input order.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dateline.errors import AnnotateError
from dateline.model import AnnotatedDocument, Document, Failure


def annotate_in_workers(
    batches: Iterable[list[Document]], *, workers: int
) -> Iterator[list[AnnotatedDocument | Failure]]:
    """Each batch's results, in input order, annotated by `workers` processes.

    Batches are read lazily: at most two per worker are in flight, so the caller can
    read and store as the workers annotate, with memory bounded by the batch size.
    """
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_load_model) as pool:
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


def _load_model() -> None:
    from dateline.annotate import span_tagger
    from dateline.nlp import load_nlp

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
