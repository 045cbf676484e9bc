"""The fact ledger against the gold ledgers in tests/gold/: pinned minimum scores.

A change that lowers a score below its floor fails here; raise the floors when
the ledger improves, never lower them silently (docs/ledger.md has the figures).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation import PR, same_value, score_ledger
from dateline.store import Store

GOLD = Path(__file__).resolve().parent / "gold"
FLOORS = {
    "example": {"facts": 0.75, "values": 0.6, "reports": 0.6, "relations": 0.5},
    "seeds": {"facts": 0.95, "values": 0.95, "reports": 0.95, "relations": 0.95},
}


def names(store: Store, short: bool) -> dict[str, str]:
    return {d.id: (n[:3] if short else n) for d in store.documents() for n in [d.source.rsplit("/", 1)[-1]]}


CASES = [(corpus, layer) for corpus, floors in FLOORS.items() for layer in floors]


@pytest.mark.parametrize("corpus, layer", CASES, ids=[f"{c}-{layer}" for c, layer in CASES])
def test_ledger_scores_stay_above_their_floors(request, corpus, layer):
    db = request.getfixturevalue("example_db" if corpus == "example" else "seed_db")
    gold = json.loads((GOLD / f"{corpus}_ledger.json").read_text())
    with Store(db) as store:
        score = getattr(score_ledger(store.facts(), names(store, corpus == "seeds"), gold), layer)
    assert score.f1 >= FLOORS[corpus][layer], score


@pytest.mark.parametrize("a, b, same", [("2024-10", "2024-10-31", True), ("2500", "2450", True),
                                        ("2500", "900", False), (">=2028-09", "2028-09", True),
                                        ("2024-09-15", "2024-10-31", False)])
def test_value_matching(a, b, same):
    assert same_value(a, b) == same


def test_precision_and_recall_arithmetic():
    pr = PR(correct=2, predicted=4, found=3, gold=3)
    assert (pr.precision, pr.recall) == (0.5, 1.0) and round(pr.f1, 3) == 0.667
