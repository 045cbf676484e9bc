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
