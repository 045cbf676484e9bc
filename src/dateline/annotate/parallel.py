"""Annotation over several processes: the per-document work is pure, so batches can be
parsed and annotated side by side, one spaCy model loaded per worker.

Workers are started with "spawn", not "fork": the parent may already hold the
model and thinc's threads, which a forked child must not inherit. Results come
back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dateline.errors import AnnotateError
from dateline.model import AnnotatedDocument, Document, Failure


def annotate_in_workers(
    documents: Sequence[Document], *, workers: int, batch_size: int
) -> Iterator[AnnotatedDocument | Failure]:
    """`annotate(documents)` with `workers` processes, in input order."""
    batches = [list(documents[i : i + batch_size]) for i in range(0, len(documents), batch_size)]
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_load_model) as pool:
            for results in pool.map(_annotate_batch, batches, [batch_size] * len(batches)):
                yield from results
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


def _annotate_batch(batch: list[Document], batch_size: int) -> list[AnnotatedDocument | Failure]:
    from dateline.annotate.pipeline import annotate

    return list(annotate(batch, batch_size=batch_size))
