"""The rewrite graph on real news: edge precision and recall on Timeline17 pairs judged by reading.

Usage: python bench/copies.py [--stores DIR] [--topics finan,h1n1,haiti,mj] [--example-db FILE]

Gold: bench/gold/copies_t17.json (60 pairs of the four development topics, each judged
'copy' (one is a copy or rewrite of the other) or 'independent'; how they were drawn is in
its header). Stores: DIR/<topic>.db as bench/ledger_t17.py builds them (ingested with rules
only), built when absent.

A gold pair is predicted a copy when an edge of the system joins its two articles (either
way). Precision and recall count gold pairs only. Systems:
- before: the copies rule of commit 1c3306c (two shared sentences of 8+ words, read from git);
- minhash: near duplicates alone (dateline.ingest.dedupe, Jaccard of word 5-grams >= 0.6);
- after: the rewrite graph (dateline.link.copies) with `min_reuse` and `furniture_articles`
  chosen on three topics and scored on the fourth (leave one topic out), then with the
  shipped defaults on all four (chosen on all four: not held out).
Then, for two gold ledger facts per topic (bench/gold/ledger_t17_<topic>.json), how many
independent sources the documents stating the first value come to under each system.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ledger_t17 import topic_store
from paths import EXAMPLE, GOLD, ROOT, T17, unpacked

from dateline.ingest.dedupe import near_duplicates
from dateline.link.copies import DEFAULT_RULES, CopyRules, copy_groups
from dateline.store import Store
from dateline.views.copies import _articles, copies_from_store, store_furniture

BEFORE = "1c3306c"
MIN_REUSE = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
FURNITURE = (3, 4, 6, 10**6)
Edges = set[frozenset[str]]


def old_find_reuse() -> Callable:
    source = subprocess.run(["git", "show", f"{BEFORE}:src/dateline/link/copies.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "copies_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("copies_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["copies_before"] = module
    spec.loader.exec_module(module)
    return module.find_reuse


def before_edges(store: Store, find_reuse: Callable) -> Edges:
    edges: Edges = set()
    for story in store.stories():
        docs = {d.id: d for d in store.documents(story.id)}
        edges |= {frozenset((r.copy, r.source)) for r in find_reuse(_articles(store, story.id, docs))}
    return edges


def minhash_edges(store: Store) -> Edges:
    return {frozenset((a, b)) for story in store.stories() for a, b, _ in near_duplicates(store.documents(story.id))}


def after_edges(store: Store, rules: CopyRules, boilerplate: frozenset[str]) -> Edges:
    return {frozenset((link.copy, link.source)) for story in store.stories()
            for link in copies_from_store(store, story.id, story.title, rules=rules, boilerplate=boilerplate).links}


def counts(pairs: list[dict], edges: Edges) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over gold pairs."""
    said = [(frozenset((p["a"], p["b"])) in edges, p["label"] == "copy") for p in pairs]
    return (sum(s and g for s, g in said), sum(s and not g for s, g in said), sum(g and not s for s, g in said))


def scores(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f} (tp {tp}, fp {fp}, fn {fn})"


def add(*cs: tuple[int, int, int]) -> tuple[int, int, int]:
    return tuple(sum(c[k] for c in cs) for k in range(3))  # type: ignore[return-value]


def f1(c: tuple[int, int, int]) -> float:
    return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0


def independence(topic: str, edges: dict[str, Edges], store: Store, facts: int = 2) -> list[str]:
    gold = json.loads((GOLD / f"ledger_t17_{topic}.json").read_text())
    near = [(a, b) for a, b, _ in store.near_duplicates()]
    lines = []
    for fact in gold["facts"][:facts]:
        value = fact["values"][0]
        docs = value["documents"]
        found = []
        for name, es in edges.items():
            groups = copy_groups([tuple(e) for e in es] + near)
            found.append(f"{name} {len({groups.get(d, d) for d in docs})}")
        lines.append(f"  {topic} {fact['id']} = {value['value']}: {len(docs)} articles -> independent: {', '.join(found)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, default=ROOT / ".cache" / "t17-stores")
    parser.add_argument("--topics", default="finan,h1n1,haiti,mj")
    parser.add_argument("--example-db", type=Path, help="a store of examples/niger-withdrawal (else built in a temp dir)")
    args = parser.parse_args()
    if unpacked(T17) is None:
        sys.exit("Timeline17 is absent: run ../shared/benchmarks/unpack .cache/benchmarks")
    gold = json.loads((GOLD / "copies_t17.json").read_text())
    topics = args.topics.split(",")
    old = old_find_reuse()
    grid = [replace(DEFAULT_RULES, min_reuse=m, furniture_articles=f) for m in MIN_REUSE for f in FURNITURE]
    per: dict[str, dict] = {}
    for topic in topics:
        pairs = [p for p in gold["pairs"] if p["topic"] == topic]
        with Store(topic_store(topic, args.stores)) as store:
            boiler = {f: store_furniture(store, rules=replace(DEFAULT_RULES, furniture_articles=f)) for f in FURNITURE}
            edges = {"before": before_edges(store, old), "minhash": minhash_edges(store)}
            tried = {rules: after_edges(store, rules, boiler[rules.furniture_articles]) for rules in grid}
            edges["after"] = tried[DEFAULT_RULES] if DEFAULT_RULES in tried else after_edges(
                store, DEFAULT_RULES, store_furniture(store))
            per[topic] = {"pairs": pairs, "edges": edges, "grid": {r: counts(pairs, e) for r, e in tried.items()},
                          "ledger": independence(topic, edges, store)}
    print(f"gold: {sum(len(v['pairs']) for v in per.values())} pairs, "
          f"{sum(p['label'] == 'copy' for v in per.values() for p in v['pairs'])} copies")
    for name in ("before", "minhash"):
        total = add(*(counts(v["pairs"], v["edges"][name]) for v in per.values()))
        print(f"{name:>8}: {scores(*total)}")
    held = []
    for topic in per:
        rest = [t for t in per if t != topic]
        best = max(f1(add(*(per[t]["grid"][r] for t in rest))) for r in grid)
        tied = [r for r in grid if f1(add(*(per[t]["grid"][r] for t in rest))) == best]
        chosen = tied[len(tied) // 2]  # the middle of the tied settings, not an end of the grid
        held.append(per[topic]["grid"][chosen])
        print(f"  held out {topic}: chose min_reuse {chosen.min_reuse}, furniture {chosen.furniture_articles}: "
              f"{scores(*per[topic]['grid'][chosen])}")
    print(f"   after: {scores(*add(*held))}  (leave one topic out)")
    total = add(*(counts(v["pairs"], v["edges"]["after"]) for v in per.values()))
    print(f"defaults (min_reuse {DEFAULT_RULES.min_reuse}, furniture {DEFAULT_RULES.furniture_articles}), "
          f"all topics, not held out: {scores(*total)}")
    for topic in per:
        line = ", ".join(f"{n} {scores(*counts(per[topic]['pairs'], e))}" for n, e in per[topic]["edges"].items())
        print(f"  {topic}: {line}")
    print("independent sources of ledger values (articles of one copy group or near duplicates count once):")
    for v in per.values():
        print("\n".join(v["ledger"]))
    example(gold["example"], args.example_db, old)


def example(pairs: list[dict], db: Path | None, old: Callable) -> None:
    from dateline.corpus import ingest

    if db is None:
        db = Path(tempfile.mkdtemp()) / "example.db"
    with Store(db) as store:
        if not store.documents():
            ingest([EXAMPLE], store)
        ids = {d.source: d.id for d in store.documents()}
        named = [p | {"a": ids[p["a"]], "b": ids[p["b"]]} for p in pairs]
        edges = {"before": before_edges(store, old), "minhash": minhash_edges(store),
                 "after": after_edges(store, DEFAULT_RULES, store_furniture(store))}
        for p in named:
            said = ", ".join(f"{n} {'copy' if frozenset((p['a'], p['b'])) in e else 'independent'}" for n, e in edges.items())
            print(f"example ({p['label']}): {p['note']}: {said}")


if __name__ == "__main__":
    main()
