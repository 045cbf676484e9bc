"""Timeline summarisation on Timeline17, scored with tilse as news-tls does.

Usage: python bench/timelines.py [--topics finan,h1n1,...] [--pipeline light|full] [--rouge original|reimpl]

For each gold timeline of a topic that ships its articles, dateline builds a
timeline with as many dates as the gold and round(mean sentences per gold date)
sentences per date, from the articles published within the gold timeline's
span, keeping only dates in that span. Scores: alignment-based ROUGE-1/2 F1
(tilse `align_date_content_costs_many_to_one`, the AR-1/AR-2 of news-tls) and
Date-F1, averaged over gold timelines. `--rouge original` runs ROUGE-1.5.5
(needs perl's XML::Parser), `reimpl` is tilse's Python approximation.

Pipelines: `light` (default) keeps the articles' given one-sentence-per-line
split and tags time expressions with dateline's tagger; `full` runs dateline's
whole annotation pipeline (spaCy) first. Seconds per topic are printed for the
annotation and the timeline step separately.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dateline.annotate.timex import tag
from dateline.model import AnnotatedDocument, Document, PublishedDate, Sentence
from dateline.views.timeline import build_timeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
CACHE = ROOT / ".cache" / "benchmarks"
TLS = CACHE / "timelines-t17-dev" / "tls"
ARTICLES = TLS / "llm-tls-copy" / "Dataset" / "T17"
GOLD = TLS / "gold-timelines"
DATEWISE = {"AR1-F": 0.120, "Date-F1": 0.544}  # news-tls Table 4, full T17


def ensure_data() -> bool:
    if not ARTICLES.exists() and (SHARED / "unpack").exists():
        subprocess.run(["bash", str(SHARED / "unpack"), str(CACHE)], check=True, capture_output=True)
    return ARTICLES.exists()


def read_gold(path: Path) -> dict[dt.date, list[str]]:
    timeline: dict[dt.date, list[str]] = {}
    day: dt.date | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line.startswith("-----"):
            day = None
        elif day is None and line:
            day = dt.date.fromisoformat(line[:10])
            timeline.setdefault(day, [])
        elif line:
            timeline[day].append(line)
    return timeline


def read_articles(topic: str) -> list[tuple[dt.date, str]]:
    csv.field_size_limit(sys.maxsize)
    with open(ARTICLES / topic / "outputwithpub.csv", encoding="utf-8") as f:
        return [(dt.date.fromisoformat(r["date"][:10]), r["text"]) for r in csv.DictReader(f)]


def annotate_light(topic: str, articles: list[tuple[dt.date, str]]) -> list[AnnotatedDocument]:
    out = []
    for i, (day, text) in enumerate(articles):
        doc = _document(f"{topic}-{i}", text, day)
        out.append(AnnotatedDocument(doc, sentences=_lines(doc.text), timexes=tag(doc.text, day)))
    return out


def annotate_full(topic: str, articles: list[tuple[dt.date, str]]) -> list[AnnotatedDocument]:
    from dateline.annotate.pipeline import annotate

    docs = [_document(f"{topic}-{i}", text, day) for i, (day, text) in enumerate(articles)]
    return [a for a in annotate(docs) if isinstance(a, AnnotatedDocument)]


def _document(doc_id: str, text: str, day: dt.date) -> Document:
    published = PublishedDate(day, "metadata", 1.0, "benchmark field")
    return Document(doc_id, doc_id, text, None, None, None, None, "en", published)


def _lines(text: str) -> tuple[Sentence, ...]:
    out, cursor = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = cursor + line.index(stripped)
            out.append(Sentence(start, start + len(stripped)))
        cursor += len(line) + 1
    return tuple(out)


def predict(docs: list[AnnotatedDocument], gold: dict[dt.date, list[str]]) -> dict[dt.date, list[str]]:
    dates = sorted(gold)
    per_date = round(statistics.mean(len(v) for v in gold.values()))
    window = [d for d in docs if dates[0] <= d.document.published.value <= dates[-1]]
    t = build_timeline("t17", "t17", window, as_of=dates[-1], since=dates[0], max_dates=len(dates),
                       per_date=max(per_date, 1))
    out: dict[dt.date, list[str]] = {}
    for e in t.entries:
        if len(e.date) == 10:
            out.setdefault(dt.date.fromisoformat(e.date), []).append(e.text)
    return out


def score(pred: dict[dt.date, list[str]], gold: dict[dt.date, list[str]], evaluator) -> dict[str, float]:
    from tilse.data.timelines import GroundTruth, Timeline

    truth = GroundTruth([Timeline(gold)])
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(Timeline(pred), truth)
    shared = len(set(pred) & set(gold))
    p, r = shared / (len(pred) or 1), shared / len(gold)
    return {"AR1-F": rouge["rouge_1"]["f_score"], "AR2-F": rouge["rouge_2"]["f_score"],
            "Date-F1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="finan,h1n1,haiti,mj")
    parser.add_argument("--pipeline", choices=["light", "full"], default="light")
    parser.add_argument("--rouge", choices=["original", "reimpl"], default="original")
    args = parser.parse_args()
    if not ensure_data():
        print("skipped: ../shared/benchmarks/timelines-t17-dev.tar.gz not found")
        return 0
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    evaluator = TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation=args.rouge)
    annotate = annotate_light if args.pipeline == "light" else annotate_full
    rows = []
    print(f"pipeline={args.pipeline} rouge={args.rouge}")
    print(f"{'topic/timeline':<58} {'dates':>5} {'k':>2} {'AR1-F':>6} {'AR2-F':>6} {'DateF1':>6} {'annot s':>7} {'tl s':>5}")
    for topic in args.topics.split(","):
        started = time.perf_counter()
        docs = annotate(topic, read_articles(topic))
        annotated = time.perf_counter() - started
        for path in sorted((GOLD / f"tl17-{topic}").glob("*.txt")):
            gold = read_gold(path)
            started = time.perf_counter()
            pred = predict(docs, gold)
            took = time.perf_counter() - started
            s = score(pred, gold, evaluator)
            rows.append((s, annotated, took))
            k = round(statistics.mean(len(v) for v in gold.values()))
            print(f"{topic + '/' + path.stem:<58} {len(gold):>5} {k:>2} {s['AR1-F']:>6.3f} {s['AR2-F']:>6.3f} "
                  f"{s['Date-F1']:>6.3f} {annotated:>7.1f} {took:>5.1f}")
    mean = {m: statistics.mean(r[0][m] for r in rows) for m in ("AR1-F", "AR2-F", "Date-F1")}
    per_topic = (sum({id(r): r[1] for r in rows}.values()) / len(args.topics.split(","))
                 + statistics.mean(r[2] for r in rows))
    print(f"{'mean over ' + str(len(rows)) + ' gold timelines':<67} {mean['AR1-F']:>6.3f} {mean['AR2-F']:>6.3f} "
          f"{mean['Date-F1']:>6.3f}")
    print(f"{'DATEWISE (news-tls, full T17)':<67} {DATEWISE['AR1-F']:>6.3f} {'':>6} "
          f"{DATEWISE['Date-F1']:>6.3f}")
    print(f"seconds per topic (annotation + one timeline): {per_topic:.1f}; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
