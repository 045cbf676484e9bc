"""End-to-end throughput and peak memory of `dateline ingest` (default, `--workers 1`, `--no-tagger`),
of `dateline batch` + `dateline load` on a local Dask cluster, and of the spaCy parse alone (the
floor: 1 and W processes), on the same input in one run.

Usage: python bench/throughput.py [--t17 N] [--workers W] [--shard-size S] [--no-batch]
                                  [--input FILE --quick]

Corpora: the bundled example (examples/niger-withdrawal), and N Timeline17 articles
(their `outputwithpub.csv` files) from ../shared/benchmarks when present (unpacked into
.cache/benchmarks; the sample is written to a temporary folder, never into the repo).
Every run is a fresh process, so times include start-up and model loading. Peak memory
is the largest sum of resident memory over the command's whole process tree (driver,
workers, scheduler), sampled every 0.1 s. Other work on the machine slows every row:
compare a row with the parse floor of the same run, and read the load average printed.
`--input FILE` measures one JSONL file (or folder) instead of the example and the Timeline17
sample; `--quick` runs only the W-process parse floor, the default ingest and `--no-tagger`
(a quick check on a machine others share).

"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "niger-withdrawal"
SHARED = ROOT.parent / "shared" / "benchmarks"
CACHE = ROOT / ".cache" / "benchmarks"
T17 = CACHE / "timelines-t17-dev" / "tls" / "llm-tls-copy" / "Dataset" / "T17"


@dataclass(frozen=True)
class Row:
    corpus: str
    run: str
    articles: int
    seconds: float
    peak_mb: float

    words: int = 0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else float("inf")
        words = self.words / self.seconds if self.seconds else float("inf")
        return (f"| {self.corpus} | {self.run} | {self.articles} | {self.seconds:.1f} | {rate:.2f} | {words:,.0f} "
                f"| {self.peak_mb:.0f} |")


def t17_articles(n: int, folder: Path) -> Path | None:
    """N Timeline17 articles spread over every topic, as one JSONL file in `folder`."""
    if not T17.exists() and (SHARED / "unpack").exists():
        subprocess.run(["bash", str(SHARED / "unpack"), str(CACHE)], check=True, capture_output=True)
    if not T17.exists():
        return None
    rows = []
    for topic in sorted(T17.iterdir()):
        path = topic / "outputwithpub.csv"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                rows += [(topic.name, r) for r in csv.DictReader(fh)]
    step = max(1, len(rows) // n)
    out = folder / "t17.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for i, (topic, r) in enumerate(rows[::step][:n]):
            fh.write(json.dumps({"id": f"t17-{topic}-{i}", "published": r["date"], "text": r["text"]}) + "\n")
    return out


def measured(args: list[str], module: str = "dateline") -> tuple[float, float]:
    """(seconds, peak MB of the process tree) of one dateline command (or `python -m module args`)."""
    path = os.pathsep.join(filter(None, [str(ROOT / "bench"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": path}
    started = time.monotonic()
    # stderr to a file, not a pipe nobody reads while it runs: a long ingest report filled the pipe and
    # blocked the command (2,000 articles)
    with tempfile.TemporaryFile() as errors:
        process = psutil.Popen([sys.executable, "-m", module, *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(0.1)
        seconds = time.monotonic() - started
        if process.returncode not in (0, 1):  # 1: ran to the end, but some input could not be stored
            errors.seek(0)
            raise SystemExit(f"dateline {' '.join(args)} failed:\n{errors.read().decode()[-2000:]}")
    return seconds, peak / 1e6


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def texts(source: Path) -> list[str]:
    """The article texts of a JSONL file or a folder, as dateline reads them (for the parse floor)."""
    from dateline.corpus import prepare_paths

    documents, _ = prepare_paths([source])
    return [d.text for d in documents]


def words_in(source: Path) -> int:
    return sum(len(t.split()) for t in texts(source))


def parse_floor(texts_file: str, processes: str) -> None:
    """`python -m throughput floor FILE N`: spaCy `nlp.pipe` over the texts in N processes, nothing else."""
    from dateline.nlp import load_nlp

    nlp = load_nlp()
    for _ in nlp.pipe(json.loads(Path(texts_file).read_text(encoding="utf-8")), batch_size=32,
                      n_process=int(processes)):
        pass


INGESTS = (("ingest (default)", []), ("ingest --workers 1", ["--workers", "1"]), ("ingest --no-tagger", ["--no-tagger"]),
           ("ingest --no-tagger --workers 1", ["--no-tagger", "--workers", "1"]))
QUICK = ("ingest (default)", "ingest --no-tagger")


def runs(corpus: str, source: Path, articles: int, work: Path, workers: int, shard_size: int,
         batch: bool, quick: bool = False) -> list[Row]:
    rows = []
    words = words_in(source)
    floor_input = work / f"{corpus}-texts.json"
    floor_input.write_text(json.dumps(texts(source)), encoding="utf-8")
    for n in (workers,) if quick else (1, workers):
        seconds, peak = measured(["floor", str(floor_input), str(n)], module="throughput")
        rows.append(Row(corpus, f"spaCy parse floor, {n} process{'es' if n > 1 else ''}", articles, seconds, peak, words))
    ingests = [*INGESTS, (f"ingest --workers {workers}", ["--workers", str(workers)])]
    for run, extra in ingests:
        if quick and run not in QUICK:
            continue
        seconds, peak = measured(["ingest", str(source), "--db", str(work / f"{corpus}-{len(rows)}.db"), *extra])
        rows.append(Row(corpus, run, articles, seconds, peak, words))
    if not batch or quick:
        return rows
    shards = work / f"{corpus}-shards"
    batch_s, batch_mb = measured(["batch", str(source), "--out", str(shards), "--workers", str(workers),
                                  "--shard-size", str(shard_size), "--no-tagger"])
    rows.append(Row(corpus, f"batch --no-tagger ({workers} Dask workers, shards of {shard_size})", articles,
                    batch_s, batch_mb, words))
    load_s, load_mb = measured(["load", str(shards), "--db", str(work / f"{corpus}-loaded.db")])
    rows.append(Row(corpus, "load", articles, load_s, load_mb, words))
    rows.append(Row(corpus, "batch + load", articles, batch_s + load_s, max(batch_mb, load_mb), words))
    return rows


def main() -> None:
    if sys.argv[1:2] == ["floor"]:
        parse_floor(*sys.argv[2:4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--t17", type=int, default=200, help="Timeline17 articles (0 to skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=25, help="records per shard of the T17 file")
    parser.add_argument("--no-batch", action="store_true", help="skip `dateline batch` + `dateline load`")
    parser.add_argument("--input", type=Path, help="measure this JSONL file or folder only")
    parser.add_argument("--quick", action="store_true", help="only the parse floor, default and --no-tagger ingest")
    options = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if options.input:
            count = len(texts(options.input))
            rows = runs(options.input.stem, options.input.resolve(), count, work, options.workers,
                        options.shard_size, not options.no_batch, options.quick)
            sample = None
        else:
            rows = runs("example", EXAMPLE, 15, work, options.workers, 4, not options.no_batch, options.quick)
            sample = t17_articles(options.t17, work) if options.t17 else None
        if sample:
            rows += runs(f"T17 ({options.t17})", sample, options.t17, work, options.workers, options.shard_size,
                         not options.no_batch, options.quick)
        elif not options.input:
            print("Timeline17 not found: ../shared/benchmarks is absent", file=sys.stderr)
    print(f"cores: {os.cpu_count()}, usable: {len(os.sched_getaffinity(0))}; "
          f"load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    print("| corpus | run | articles | seconds | articles/s | words/s | peak MB |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(row.line())


if __name__ == "__main__":
    main()
