"""Temporal tagging benchmark: dateline vs HeidelTime, dateparser and Recognizers-Text.

TempEval-3 measures (dateline.annotate.timeml_score.score_timexes) on TimeBank,
AQUAINT, Tweets and WikiWars separately: strict and relaxed span F1, value F1
(relaxed match with an identical value), type accuracy over relaxed matches;
plus words/s (tagging time only, without start-up) and the peak resident
memory of the process running each tagger. Peer outputs are cached under
.cache/bench/timex/ (HeidelTime takes minutes); pass --fresh to rerun them.

The rules were tuned on the "tune" part (TimeBank, Tweets training set,
WikiWars 01-16); the "held-out" rows (AQUAINT, Tweets test set, WikiWars 17-22)
are the check against overfitting. With HeidelTime's output at hand, the run ends with
a paired bootstrap over documents of the value-F1 difference (95% interval), which
says whether a gap between the two is more than the luck of the draw.

    .venv/bin/python bench/timex.py                      # dateline only
    .venv/bin/python bench/timex.py --peers all          # side by side
    .venv/bin/python bench/timex.py --errors TimeBank    # dateline's value errors
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from paths import CACHE, ROOT, unpacked

DATA = CACHE / "timex-tbaq-tweets-wikiwars"
PEER_CACHE = ROOT / ".cache" / "bench" / "timex"
TBAQ = "temporal-qiangning/data/TempEval3/Training/TBAQ-cleaned"
RES = "timex-syntime/syntime/resources"


class Corpus(NamedTuple):
    """One benchmark set: where it lies, how each tagger is told what kind of text it is, what is held out."""

    folder: str
    heideltime_type: str  # HeidelTime's document type
    held_out: Callable[[Path], bool]  # files held out from tuning
    genre: str  # dateline's genre, the same kind of text


SETS = {
    "TimeBank": Corpus(f"{TBAQ}/TimeBank", "news", lambda p: False, "news"),
    "AQUAINT": Corpus(f"{TBAQ}/AQUAINT", "news", lambda p: True, "news"),
    "Tweets": Corpus(f"{RES}/tweets", "colloquial", lambda p: "testset" in p.parts, "colloquial"),
    "WikiWars": Corpus(f"{RES}/wikiwars/whole-tml/tml", "narratives", lambda p: p.name[:2] >= "17", "narrative"),
}
PEERS = ("heideltime", "dateparser", "recognizers")

sys.path.insert(0, str(ROOT / "bench"))


def ensure_data() -> bool:
    return (DATA / "temporal-qiangning").exists() or unpacked(DATA / ".done") is not None


def load(name: str):
    from dateline.annotate.timeml import read_timeml

    folder = DATA / SETS[name].folder
    paths = sorted(folder.rglob("*.tml"))
    return [(p, read_timeml(p)) for p in paths]


def run_dateline(docs, genre: str) -> tuple[list[list], float, float]:
    import resource

    from dateline.annotate.timeml import TimemlTimex
    from dateline.annotate.timex import tag

    tag("warm up the grammar on 1 May 2024.", None)
    started = time.perf_counter()
    outputs = [tag(doc.text, doc.dct, genre) for doc in docs]
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return [[TimemlTimex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in out] for out in outputs], seconds, peak


def run_peer(peer: str, name: str, fresh: bool) -> tuple[list[list], float, float] | None:
    """A peer's output on a set, from its cache or from a fresh run in its own process."""
    from dateline.annotate.timeml import TimemlTimex

    cache = PEER_CACHE / f"{peer}-{name}.json"
    if fresh or not cache.exists():
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "timex_peers.py"), peer, name, str(cache)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"  {peer} on {name}: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return None
    saved = json.loads(cache.read_text())
    return [[TimemlTimex(**t) for t in doc] for doc in saved["timexes"]], saved["seconds"], saved["peak_mb"]


def score(gold_docs, outputs, keep=lambda p: True):
    from dateline.annotate.timeml_score import TimexScore, score_timexes

    total = TimexScore()
    for (path, doc), out in zip(gold_docs, outputs):
        if keep(path):
            total = total + score_timexes(doc.timexes, out)
    return total


def value_gap(gold_docs, ours, theirs, keep=lambda p: True, resamples: int = 2000) -> str:
    """Paired bootstrap over documents of the value-F1 difference: is a gap more than the luck of the draw?"""
    from dateline.annotate.timeml_score import score_timexes

    counts = [(score_timexes(doc.timexes, a), score_timexes(doc.timexes, b))
              for (path, doc), a, b in zip(gold_docs, ours, theirs) if keep(path)]
    rows = [(a.gold, a.system, a.value, b.system, b.value) for a, b in counts]

    def gap(sample) -> float:
        g, s1, v1, s2, v2 = (sum(column) for column in zip(*sample))
        return 100 * (2 * v1 / (g + s1) - 2 * v2 / (g + s2)) if g else 0.0

    draw = random.Random(0)
    gaps = sorted(gap(draw.choices(rows, k=len(rows))) for _ in range(resamples))
    ahead = sum(g > 0 for g in gaps) / resamples
    return (f"{gap(rows):+.2f} (95% interval {gaps[int(0.025 * resamples)]:+.2f} to {gaps[int(0.975 * resamples)]:+.2f};"
            f" ahead in {100 * ahead:.1f}% of {resamples:,} resamples of the {len(rows)} documents)")


def row(label: str, tagger: str, s, words: int, seconds: float, peak: float) -> str:
    speed = f"{words / seconds:>10,.0f}" if seconds else f"{'-':>10}"
    return (f"{label:<22} {tagger:<12} {100 * s.f1(s.strict):6.1f} {100 * s.f1(s.relaxed):6.1f} "
            f"{100 * s.f1(s.value):6.1f} {100 * s.type_accuracy():6.1f} {s.gold:6d} {s.system:6d} {speed} "
            f"{peak:8.0f}")


def show_errors(gold_docs, outputs, limit: int) -> None:
    """Prints dateline's value errors, then their count by class.

    MISS: no system span overlaps the gold one; FP: a system span overlaps no gold one; VAL: the
    spans agree and the value is wrong; EXT: the value is wrong and the extent differs too (a
    modifier or a head word more or less, or two expressions joined or split). Right values with a
    different extent (strict-only errors) are counted as "extent only" and not listed.
    """
    counts = {"MISS": 0, "FP": 0, "VAL": 0, "EXT": 0, "extent only": 0}
    shown = 0
    for (path, doc), out in zip(gold_docs, outputs):
        for g in doc.timexes:
            hit = next((s for s in out if s.start < g.end and g.start < s.end), None)
            if hit is None:
                kind, line = "MISS", f"{path.name} {doc.dct} {g.text!r} {g.type} {g.value}"
            elif hit.value != g.value:
                kind = "VAL" if (hit.start, hit.end) == (g.start, g.end) else "EXT"
                line = f"{path.name} {doc.dct} {g.text!r} {g.value} <- {hit.text!r} {hit.value}"
            else:
                counts["extent only"] += (hit.start, hit.end) != (g.start, g.end)
                continue
            counts[kind] += 1
            if shown < limit:
                print(f"{kind:<4} {line}")
                shown += 1
        golds = [(g.start, g.end) for g in doc.timexes]
        for s in out:
            if not any(s.start < e and b < s.end for b, e in golds):
                counts["FP"] += 1
                if shown < limit:
                    print(f"FP   {path.name} {doc.dct} {s.text!r} {s.type} {s.value}")
                    shown += 1
    print("errors by class: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets")
    parser.add_argument("--peers", default="", help="comma-separated peers, or 'all': " + ", ".join(PEERS))
    parser.add_argument("--fresh", action="store_true", help="rerun peers instead of reading their cache")
    parser.add_argument("--errors", default="", help="print dateline's errors on this set")
    parser.add_argument("--limit", type=int, default=200, help="how many errors to print")
    args = parser.parse_args()
    if not ensure_data():
        print("skipped: ../shared/benchmarks is absent")
        return
    peers = PEERS if args.peers == "all" else tuple(p for p in args.peers.split(",") if p)
    if args.errors:
        docs = load(args.errors)
        outputs, _, _ = run_dateline([d for _, d in docs], SETS[args.errors].genre)
        show_errors(docs, outputs, args.limit)
        return
    print(f"{'set':<22} {'tagger':<12} {'strict':>6} {'relax':>6} {'value':>6} {'type':>6} {'gold':>6} "
          f"{'sys':>6} {'words/s':>10} {'peak MB':>8}")
    gaps: list[str] = []
    for name in args.sets.split(","):
        docs = load(name)
        words = sum(len(d.text.split()) for _, d in docs)
        runs = {"dateline": run_dateline([d for _, d in docs], SETS[name].genre)}
        for peer in peers:
            found = run_peer(peer, name, args.fresh)
            if found is not None:
                runs[peer] = found
        held_out = SETS[name].held_out
        for tagger, (outputs, seconds, peak) in runs.items():
            print(row(name, tagger, score(docs, outputs), words, seconds, peak))
        split = any(held_out(p) for p, _ in docs) and not all(held_out(p) for p, _ in docs)
        if split:
            for tagger, (outputs, _, _) in runs.items():
                print(row(f"{name} held-out", tagger, score(docs, outputs, held_out), 0, 0.0, 0.0))
        if "heideltime" in runs:
            ours, theirs = runs["dateline"][0], runs["heideltime"][0]
            gaps.append(f"{name:<22} {value_gap(docs, ours, theirs)}")
            if split:
                gaps.append(f"{name + ' held-out':<22} {value_gap(docs, ours, theirs, held_out)}")
        sys.stdout.flush()
    if gaps:
        print("\nvalue F1, dateline minus HeidelTime (paired bootstrap over documents):")
        print("\n".join(gaps))


if __name__ == "__main__":
    main()
