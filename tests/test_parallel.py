"""Annotation in worker processes gives exactly what one process gives, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.annotate.pipeline import annotate
from dateline.corpus import prepare_paths
from dateline.jsonable import to_json

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "niger-withdrawal"


def test_two_workers_match_one_process():
    documents, _ = prepare_paths([EXAMPLE])
    alone = [to_json(a) for a in annotate(documents, batch_size=4)]
    shared = [to_json(a) for a in annotate(documents, batch_size=4, workers=2)]
    assert len(documents) > 4  # more than one batch, so the pool really splits the work
    assert shared == alone


def test_workers_replaced_after_their_batches_give_the_same_results(monkeypatch):
    """A worker ends after `BATCHES_PER_WORKER` batches (memory stays bounded on long runs) and a fresh one
    takes the rest: the same results, in order."""
    from dateline.annotate import parallel

    documents, _ = prepare_paths([EXAMPLE])
    alone = [to_json(a) for a in annotate(documents[:6], batch_size=2)]
    monkeypatch.setattr(parallel, "BATCHES_PER_WORKER", 1)
    replaced = [to_json(a) for a in annotate(documents[:6], batch_size=2, workers=2)]
    assert replaced == alone


def test_auto_workers_take_the_usable_cores_only_for_enough_documents(monkeypatch):
    from dateline.annotate import parallel, pipeline

    started = []
    monkeypatch.setattr(pipeline, "usable_cores", lambda: 3)
    monkeypatch.setattr(pipeline, "AUTO_MIN_DOCUMENTS", 8)
    monkeypatch.setattr(parallel, "annotate_in_workers", lambda batches, workers: started.append(workers) or [])
    documents, _ = prepare_paths([EXAMPLE])
    assert list(annotate(documents, batch_size=4, workers=pipeline.AUTO_WORKERS)) == []
    assert started == [3]
    assert len(list(annotate(documents[:7], batch_size=4, workers=pipeline.AUTO_WORKERS))) == 7
    assert started == [3]  # fewer than AUTO_MIN_DOCUMENTS are annotated here, without starting workers


def test_workers_start_with_the_spacy_pipeline_loaded():
    """The fork server loads the pipeline once (`preload`), so a worker's own load is a cache hit, not 0.4 s
    of loading again."""
    from concurrent.futures import ProcessPoolExecutor

    from dateline.annotate import parallel

    assert parallel.PRELOAD[-1] == "dateline.annotate.preload"
    with ProcessPoolExecutor(max_workers=1, mp_context=parallel._context(), initializer=parallel._load_model,
                             initargs=({},)) as pool:
        misses, hits = pool.submit(_pipeline_loads).result()
    if parallel._context().get_start_method() == "forkserver":
        assert (misses, hits) == (1, 1)  # loaded by the server before the fork; the worker's own load is a hit
    else:
        assert (misses, hits) == (1, 0)  # a spawned worker loads it itself


def _pipeline_loads() -> tuple[int, int]:
    from dateline.nlp import load_nlp

    info = load_nlp.cache_info()
    return info.misses, info.hits
