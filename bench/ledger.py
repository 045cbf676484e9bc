"""Precision and recall of the fact ledger against the gold ledgers in tests/gold/.

Usage: python bench/ledger.py

Ingests the bundled example and, when present, ../shared/seeds into temporary
stores, then scores facts, values, value-document reports and relations (see
dateline.evaluation for the matching rules). Also times relinking a story.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from paths import EXAMPLE, ROOT, SEEDS

from dateline.corpus import ingest
from dateline.evaluation import score_ledger
from dateline.store import Store

CORPORA = {
    "example": (EXAMPLE, ROOT / "tests" / "gold" / "example_ledger.json"),
    "seeds": (SEEDS, ROOT / "tests" / "gold" / "seeds_ledger.json"),
}


def document_names(store: Store, short: bool) -> dict[str, str]:
    """doc id -> the name a gold ledger uses: file name (file.jsonl:N), or its 3-digit prefix."""
    names = {}
    for doc in store.documents():
        name = doc.source.rsplit("/", 1)[-1]
        names[doc.id] = name[:3] if short else name
    return names


def measure(name: str, corpus: Path, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text())
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "ledger.db") as store:
        started = time.perf_counter()
        ingest([corpus], store)
        seconds = time.perf_counter() - started
        score = score_ledger(store.facts(), document_names(store, name == "seeds"), gold)
    print(f"\n{name}: {corpus} ({seconds:.1f} s to ingest)")
    print(f"{'layer':<10} {'precision':>9} {'recall':>7} {'F1':>6}   correct/predicted  found/gold")
    for layer in ("facts", "values", "reports", "relations"):
        pr = getattr(score, layer)
        print(f"{layer:<10} {pr.precision:>9.3f} {pr.recall:>7.3f} {pr.f1:>6.3f}   "
              f"{pr.correct}/{pr.predicted:<9} {pr.found}/{pr.gold}")


def main() -> None:
    for name, (corpus, gold) in CORPORA.items():
        if corpus.exists():
            measure(name, corpus, gold)
        else:
            print(f"\n{name}: {corpus} absent, skipped")


if __name__ == "__main__":
    main()
