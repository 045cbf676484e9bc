"""Throughput and peak memory of each pipeline stage, and of the whole.

Usage: python bench/pipeline.py [--t17 N] [--workers W]

Corpora: the bundled example (examples/niger-withdrawal), and N Timeline17
articles from ../shared/benchmarks when present (unpacked into
.cache/benchmarks). Prints articles/s and words/s per stage; peak memory is
the process's peak resident set size after the stage (it only grows). With
--workers W, parsing + annotation is also timed end to end in one process and
in W worker processes (`annotate(..., workers=W)`, model loading included).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from throughput import t17_articles  # the same sample of articles the throughput bench reads

from dateline.annotate.pipeline import Pipeline, annotate, default_pipeline
from dateline.corpus import derive, place_in_stories, prepare_paths, relink
from dateline.ingest.prepare import content_hash
from dateline.nlp import load_nlp
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Row:
    stage: str
    articles: int
    words: int
    seconds: float

    def line(self) -> str:
        rate = lambda n: n / self.seconds if self.seconds else float("inf")  # noqa: E731
        return (f"{self.stage:<28} {self.articles:>6} {rate(self.articles):>10.1f} "
                f"{rate(self.words):>11.0f} {self.seconds:>8.2f} {peak_mb():>8.0f}")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_pipeline(totals: dict[str, float]) -> Pipeline:
    def timed(name, call):
        def run(arg):
            t = time.perf_counter()
            out = call(arg)
            totals[name] += time.perf_counter() - t
            return out
        return run

    def wrap(component):
        prepare = component.prepare and timed(component.name, component.prepare)
        return replace(component, run=timed(component.name, component.run), prepare=prepare)
    return Pipeline(tuple(wrap(c) for c in default_pipeline().components))


def bench(name: str, paths: list[Path]) -> list[Row]:
    t = time.perf_counter()
    docs, failures = prepare_paths(paths)
    rows = [Row("read+clean+date", len(docs), 0, time.perf_counter() - t)]
    words = sum(len(d.text.split()) for d in docs)
    rows[0] = replace(rows[0], words=words)
    nlp = load_nlp()
    t = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
    rows.append(Row("spacy parse", len(docs), words, time.perf_counter() - t))
    totals: dict[str, float] = defaultdict(float)
    pipeline = timed_pipeline(totals)
    annotated = pipeline.annotate_parsed(docs, parsed)
    rows += [Row(f"  {stage}", len(docs), words, secs) for stage, secs in totals.items()]
    claims = sum(len(a.claims) for a in annotated)
    claims_note = f"{claims} claims, {claims / totals['claims']:.0f} claims/s" if totals["claims"] else ""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        t = time.perf_counter()
        store.add_documents([(a, content_hash(a.document.text), None) for a in annotated])
        store.save_derived(derive(a) for a in annotated)
        rows.append(Row("store (+ derived records)", len(docs), words, time.perf_counter() - t))
        t = time.perf_counter()
        relink(store, place_in_stories(store, [a.document.id for a in annotated]))
        rows.append(Row("stories+entities+facts", len(docs), words, time.perf_counter() - t))
    total = sum(r.seconds for r in rows if not r.stage.startswith("  ")) + sum(totals.values())
    rows.append(Row("whole pipeline", len(docs), words, total))
    print(f"\n{name}: {len(docs)} articles, {words} words, {len(failures)} failed; {claims_note}")
    print(f"{'stage':<28} {'docs':>6} {'articles/s':>10} {'words/s':>11} {'seconds':>8} {'peak MB':>8}")
    for r in rows:
        print(r.line())
    return rows


def bench_workers(paths: list[Path], workers: int) -> None:
    """Parse + annotate end to end, one process against `workers` processes."""
    docs, _ = prepare_paths(paths)
    words = sum(len(d.text.split()) for d in docs)
    print(f"\nparse + annotate, {len(docs)} articles (worker start-up and model loading included)")
    for n in (1, workers):
        t = time.perf_counter()
        done = sum(1 for _ in annotate(docs, workers=n))
        print(Row(f"{n} process(es)", done, words, time.perf_counter() - t).line())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--t17", type=int, default=200, help="Timeline17 articles to use (0: none)")
    parser.add_argument("--workers", type=int, default=0, help="Also time annotation in W processes (0: no)")
    args = parser.parse_args()
    load_nlp()  # model loading is start-up, not throughput
    bench("example corpus", [ROOT / "examples" / "niger-withdrawal"])
    t17 = t17_articles(args.t17, Path(tempfile.mkdtemp())) if args.t17 else None
    if t17 is None:
        print("\nTimeline17 not found under ../shared/benchmarks: skipped", file=sys.stderr)
    else:
        bench(f"Timeline17 ({args.t17} articles)", [t17])
    if args.workers > 1:
        bench_workers([t17 or ROOT / "examples" / "niger-withdrawal"], args.workers)


if __name__ == "__main__":
    main()
