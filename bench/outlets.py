"""Outlet and wire naming, against the hand-made gold of bench/gold/outlets.json.

Usage: python bench/outlets.py [--corpus]

For each gold set (Timeline17 development and held-out articles, the seeds, the
example corpus) it prints precision and recall of the outlet and of the wire for
dateline (`to_document`: metadata, URL, credit lines, bylines, copyright, masthead)
beside the baseline, what ingest did before: the reader's metadata (JSONL field,
site name, else URL host) or the cleaner's masthead, and never a wire. A
prediction counts when it names the gold outlet (case and a leading "The"
ignored); precision is over the documents given a name, recall over those whose
gold has one. `--corpus` also counts the outlets named over all 1,025 Timeline17
articles, for which there is no gold.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from paths import EXAMPLE, SEEDS, T17, unpacked

from dateline.errors import IngestError
from dateline.ingest.clean import clean_text
from dateline.ingest.html import extract
from dateline.ingest.outlets import name_outlet
from dateline.ingest.prepare import to_document
from dateline.ingest.readers import read_paths
from dateline.model import RawDocument

GOLD = Path(__file__).parent / "gold" / "outlets.json"
TOPICS = ("finan", "h1n1", "haiti", "mj")


def t17_texts() -> dict[str, str]:
    """"topic:row" -> text of every Timeline17 development article."""
    csv.field_size_limit(1 << 30)
    texts = {}
    for topic in TOPICS:
        with (T17 / topic / "outputwithpub.csv").open(encoding="utf-8", newline="") as handle:
            texts.update({f"{topic}:{row}": r["text"] for row, r in enumerate(csv.DictReader(handle))})
    return texts


def raw_documents(name: str, items: list[dict]) -> dict[str, RawDocument] | None:
    """The gold set's documents as readers give them, by gold id; None when the data is absent."""
    if name.startswith("t17"):
        if unpacked(T17) is None:
            return None
        texts = t17_texts()
        return {item["id"]: RawDocument(source=f"t17:{item['id']}", text=texts[item["id"]]) for item in items}
    folder = SEEDS if name == "seeds" else EXAMPLE
    if not folder.is_dir():
        return None
    raws = [r for r in read_paths([folder]) if isinstance(r, RawDocument)]
    return {str(Path(r.source).relative_to(folder)): r for r in raws}


def baseline(raw: RawDocument) -> tuple[str | None, str | None]:
    """What ingest named before: the reader's outlet (site name or host for HTML), else the masthead."""
    if dateline(raw) == (None, None):  # no document at all (nothing left after cleaning), or nothing named
        return None, None
    if raw.html is not None:
        raw = extract(raw)
        return raw.outlet or clean_text(raw.text or "", light=True, title=raw.title).outlet, None
    return raw.outlet or clean_text(raw.text or "").outlet, None


@functools.cache
def dateline(raw: RawDocument) -> tuple[str | None, str | None]:
    """Outlet and wire of the ingested document; none when ingest keeps no document."""
    try:
        doc = to_document(raw)
    except IngestError:
        return None, None
    return doc.outlet, doc.wire


def same(a: str | None, b: str | None) -> bool:
    """Both name the same outlet, ignoring case and a leading "The"."""
    return a is not None and b is not None and _key(a) == _key(b)


def _key(name: str) -> str:
    return name.lower().removeprefix("the ").strip()


def precision_recall(pairs: Iterable[tuple[str | None, str | None]]) -> tuple[float | None, float | None, str]:
    """(precision, recall, "correct/predicted/gold") of (gold, predicted) name pairs."""
    pairs = list(pairs)
    correct = sum(same(g, p) for g, p in pairs)
    predicted = sum(p is not None for _, p in pairs)
    gold = sum(g is not None for g, _ in pairs)
    return (correct / predicted if predicted else None, correct / gold if gold else None,
            f"{correct}/{predicted}/{gold}")


def score_set(name: str, items: list[dict], raws: dict[str, RawDocument]) -> list[str]:
    rows = []
    for label, system in (("baseline", baseline), ("dateline", dateline)):
        found = {item["id"]: system(raws[item["id"]]) for item in items}
        for field, index in (("outlet", 0), ("wire", 1)):
            p, r, counts = precision_recall((item[field], found[item["id"]][index]) for item in items)
            rows.append(f"| {name} ({len(items)}) | {field} | {label} | {_pct(p)} | {_pct(r)} | {counts} |")
        if label == "dateline":
            misses = [f"{i['id']}: gold {i['outlet']}/{i['wire']}, got {found[i['id']][0]}/{found[i['id']][1]}"
                      for i in items if not _agrees(i, found[i["id"]])]
            for miss in misses:
                print(f"  {name} differs: {miss}", file=sys.stderr)
    return rows


def _agrees(item: dict, found: tuple[str | None, str | None]) -> bool:
    return all(same(g, p) or (g is None and p is None) for g, p in zip((item["outlet"], item["wire"]), found))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def corpus_counts() -> None:
    """Outlets and wires named over all Timeline17 articles (no gold: coverage only)."""
    texts = t17_texts()
    found = [name_outlet(t, masthead=clean_text(t).outlet) for t in texts.values()]
    named = sum(f.outlet is not None for f in found)
    print(f"\nTimeline17, all {len(texts)} articles: outlet named for {named} ({100 * named / len(texts):.1f}%; "
          f"baseline 0), wire for {sum(f.wire is not None for f in found)}")
    print("outlets:", ", ".join(f"{o} {n}" for o, n in Counter(f.outlet for f in found if f.outlet).most_common()))
    print("found by:", ", ".join(f"{m} {n}" for m, n in Counter(f.outlet_from.method for f in found
                                                                  if f.outlet_from).most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also count outlets over all Timeline17 articles")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    start = time.perf_counter()
    print("| set (documents) | field | system | precision | recall | correct/predicted/gold |")
    print("|---|---|---|---|---|---|")
    for name, items in gold["sets"].items():
        raws = raw_documents(name, items)
        if raws is None:
            print(f"| {name} | data absent | | | | |")
            continue
        print("\n".join(score_set(name, items, raws)))
    print(f"\n({time.perf_counter() - start:.1f}s)")
    if args.corpus and unpacked(T17) is not None:
        corpus_counts()


if __name__ == "__main__":
    main()
