"""Timeline summarisation on Timeline17, scored with tilse as news-tls does.

Usage: python bench/timelines.py [--topics finan,h1n1,...] [--pipeline light|full] [--rouge original|reimpl]

For each gold timeline of a topic that ships its articles, dateline builds a
timeline with as many dates as the gold and round(mean sentences per gold date)
sentences per date, from the articles published within the gold timeline's
span, keeping only dates in that span. Scores: alignment-based ROUGE-1/2 F1
(tilse `align_date_content_costs_many_to_one`, the AR-1/AR-2 of news-tls) and
Date-F1, averaged over gold timelines. `--rouge reimpl` (the default) is tilse's
Python approximation; `--rouge original` runs ROUGE-1.5.5 (needs tilse's pyrouge
fork, not on PyPI, and perl's XML::Parser).

Parameters (`Salience`: fresh_days, repeat_weight, margin_days) are chosen
leave-one-topic-out on Date-F1: each topic is scored with the values best on
the other topics ("held-out"), beside the values best on all topics ("tuned").
A DATEWISE-style baseline runs on the same candidates: a logistic regression
over date features (articles published on the date and the day before and
after, sentences naming it, those from articles published within a week after
it, articles naming it), trained leave-one-topic-out on whether a date is in
the gold timeline, the top dates summarised as dateline does. "product" rows
build the timeline as the product does, with no `since`: dates before the
story's period go to the background part and are not scored. Last, on each
topic's whole article set, the share of background among the first 30 entries
of the product timeline (dated before the period, or recalling a year before it).

Pipelines: `light` (default) keeps the articles' given one-sentence-per-line
split and tags time expressions with dateline's tagger; `full` runs dateline's
whole annotation pipeline (spaCy) first. Seconds per topic are printed for the
annotation and the timeline step separately.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import itertools
import math
import re
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from paths import CACHE, T17, unpacked

from dateline.annotate.timex import tag
from dateline.model import AnnotatedDocument, Document, PublishedDate, Sentence
from dateline.views.timeline import (
    DEFAULT_SALIENCE,
    Placed,
    Salience,
    build_timeline,
    place_sentences,
)
from dateline.views.timeline_summary import _summarise, _Wordings

TLS = CACHE / "timelines-t17-dev" / "tls"
ARTICLES = T17
GOLD = TLS / "gold-timelines"
DATEWISE = {"AR1-F": 0.120, "Date-F1": 0.544}  # news-tls Table 4, full T17


def ensure_data() -> bool:
    return unpacked(ARTICLES) is not None


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


GRID = [Salience(fresh_days=f, repeat_weight=w, margin_days=m)
        for f, w, m in itertools.product((3, 7, 30), (0.1, 0.25, 0.5, 1.0), (7, 14, 30))]


def predict(docs: list[AnnotatedDocument], gold: dict[dt.date, list[str]], salience: Salience = DEFAULT_SALIENCE,
            product: bool = False) -> dict[dt.date, list[str]]:
    dates = sorted(gold)
    per_date = round(statistics.mean(len(v) for v in gold.values()))
    window = [d for d in docs if dates[0] <= d.document.published.value <= dates[-1]]
    t = build_timeline("t17", "t17", window, as_of=dates[-1], since=None if product else dates[0],
                       max_dates=len(dates), per_date=max(per_date, 1), salience=salience)
    out: dict[dt.date, list[str]] = {}
    for e in t.entries:
        if len(e.date) == 10:
            out.setdefault(dt.date.fromisoformat(e.date), []).append(e.text)
    return out


def date_f1(pred, gold) -> float:
    shared = len(set(pred) & set(gold))
    p, r = shared / (len(pred) or 1), shared / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


# --- DATEWISE-style baseline: a date classifier trained on the other topics ---------------------------------

def date_features(docs: list[AnnotatedDocument], since: dt.date, until: dt.date):
    """Candidate days in [since, until] -> feature vector, and the placed sentences of each day."""
    published = Counter(d.document.published.value for d in docs)
    placed: dict[dt.date, list[Placed]] = {}
    naming: dict[dt.date, set[str]] = {}
    fresh: Counter[dt.date] = Counter()
    for d in docs:
        for p in place_sentences(d):
            if len(p.date) != 10:
                continue
            day = dt.date.fromisoformat(p.date)
            if not since <= day <= until:
                continue
            placed.setdefault(day, []).append(p)
            if p.named:
                naming.setdefault(day, set()).add(p.citation.document)
                fresh[day] += (d.document.published.value - day).days <= 7
    features = {}
    for day in placed:
        one = dt.timedelta(days=1)
        raw = [published[day], published[day - one] + published[day + one], len(naming.get(day, ())),
               sum(p.named for p in placed[day]), fresh[day]]
        features[day] = [math.log1p(x) for x in raw]
    return features, placed


def datewise(topics_docs: dict[str, list[AnnotatedDocument]], golds: dict[str, list[dict]]) -> dict[str, list]:
    """Per topic, the predictions of a classifier trained on the other topics (leave-one-topic-out)."""
    from sklearn.linear_model import LogisticRegression

    table = {}
    for topic, docs in topics_docs.items():
        for gold in golds[topic]:
            dates = sorted(gold)
            window = [d for d in docs if dates[0] <= d.document.published.value <= dates[-1]]
            table[(topic, id(gold))] = (gold, window, *date_features(window, dates[0], dates[-1]))
    out: dict[str, list] = {}
    for topic in topics_docs:
        xs, ys = [], []
        for (other, _), (gold, _, features, _) in table.items():
            if other != topic:
                xs += list(features.values())
                ys += [day in gold for day in features]
        model = LogisticRegression(max_iter=1000).fit(xs, ys)
        for (this, _), (gold, window, features, placed) in table.items():
            if this != topic:
                continue
            days = list(features)
            prob = model.predict_proba([features[d] for d in days])[:, 1]
            chosen = [d for _, d in sorted(zip(-prob, days))][: len(gold)]
            k = max(round(statistics.mean(len(v) for v in gold.values())), 1)
            wordings = _Wordings.of([p for d in chosen for p in placed[d]])
            pred = {d: [e.text for e in _summarise(d.isoformat(), placed[d], wordings, k)] for d in chosen}
            out.setdefault(topic, []).append((gold, pred))
    return out


# --- background among the first entries of the product timeline --------------------------------------------

_YEAR_WORD = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def background_share(docs: list[AnnotatedDocument], first: int = 30) -> tuple[float, float]:
    """Among the first `first` entries of the story's whole timeline: the share dated before its period,
    and the share whose sentence recalls a year before the period's year."""
    t = build_timeline("t17", "t17", docs)
    head = t.entries[:first]
    start = t.period_start.isoformat() if t.period_start else "0000"
    before = sum(e.date < start[: len(e.date)] for e in head)
    recalls = sum(any(y < start[:4] for y in _YEAR_WORD.findall(e.text)) for e in head)
    return before / (len(head) or 1), recalls / (len(head) or 1)


def _params(s: Salience) -> str:
    return ", ".join(f"{k}={v}" for k, v in dataclasses.asdict(s).items() if k in ("fresh_days", "repeat_weight",
                                                                                     "margin_days"))


def score(pred: dict[dt.date, list[str]], gold: dict[dt.date, list[str]], evaluator) -> dict[str, float]:
    from tilse.data.timelines import GroundTruth, Timeline

    truth = GroundTruth([Timeline(gold)])
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(Timeline(pred), truth)
    shared = len(set(pred) & set(gold))
    p, r = shared / (len(pred) or 1), shared / len(gold)
    return {"AR1-F": rouge["rouge_1"]["f_score"], "AR2-F": rouge["rouge_2"]["f_score"],
            "Date-F1": 2 * p * r / (p + r) if p + r else 0.0}


def _has_rouge155() -> bool:
    try:
        from pyrouge import Rouge155  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="finan,h1n1,haiti,mj")
    parser.add_argument("--pipeline", choices=["light", "full"], default="light")
    parser.add_argument("--rouge", choices=["original", "reimpl"], default="reimpl")
    args = parser.parse_args()
    if args.rouge == "original" and not _has_rouge155():
        print("--rouge original needs tilse's pyrouge fork (Rouge155), which is not installed: use --rouge reimpl")
        return 2
    if not ensure_data():
        print("skipped: ../shared/benchmarks/timelines-t17-dev.tar.gz not found")
        return 0
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    evaluator = TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation=args.rouge)
    annotate = annotate_light if args.pipeline == "light" else annotate_full
    topics = args.topics.split(",")
    started = time.perf_counter()
    docs = {t: annotate(t, read_articles(t)) for t in topics}
    annotated = (time.perf_counter() - started) / len(topics)
    golds = {t: [read_gold(p) for p in sorted((GOLD / f"tl17-{t}").glob("*.txt"))] for t in topics}
    names = {t: [p.stem for p in sorted((GOLD / f"tl17-{t}").glob("*.txt"))] for t in topics}
    print(f"pipeline={args.pipeline} rouge={args.rouge}; annotation {annotated:.1f} s per topic")
    f1 = {(t, s): statistics.mean(date_f1(predict(docs[t], g, s), g) for g in golds[t]) for t in topics for s in GRID}
    best_all = max(GRID, key=lambda s: statistics.mean(f1[(t, s)] for t in topics))
    held = {t: max(GRID, key=lambda s: statistics.mean(f1[(o, s)] for o in topics if o != t)) for t in topics}
    print(f"tuned on all topics: {_params(best_all)}")
    for t in topics:
        print(f"held out {t}: {_params(held[t])}")
    baseline = datewise(docs, golds)
    runs = {"default": lambda t: DEFAULT_SALIENCE, "tuned": lambda t: best_all, "held-out": lambda t: held[t]}
    print(f"{'topic/timeline':<44} {'run':<18} {'dates':>5} {'k':>2} {'AR1-F':>6} {'AR2-F':>6} {'DateF1':>6}")
    means: dict[str, list[dict]] = {}
    for t in topics:
        for i, gold in enumerate(golds[t]):
            k = round(statistics.mean(len(v) for v in gold.values()))
            preds = {name: predict(docs[t], gold, pick(t)) for name, pick in runs.items()}
            preds["held-out product"] = predict(docs[t], gold, held[t], product=True)
            preds["DATEWISE-style"] = baseline[t][i][1]
            for name, pred in preds.items():
                s = score(pred, gold, evaluator)
                means.setdefault(name, []).append(s)
                print(f"{t + '/' + names[t][i][:38]:<44} {name:<18} {len(gold):>5} {k:>2} {s['AR1-F']:>6.3f} "
                      f"{s['AR2-F']:>6.3f} {s['Date-F1']:>6.3f}")
    for name, rows in means.items():
        m = {k: statistics.mean(r[k] for r in rows) for k in ("AR1-F", "AR2-F", "Date-F1")}
        print(f"{'mean over ' + str(len(rows)) + ' gold timelines':<44} {name:<18} {'':>8} {m['AR1-F']:>6.3f} "
              f"{m['AR2-F']:>6.3f} {m['Date-F1']:>6.3f}")
    print(f"{'DATEWISE (news-tls, full T17)':<44} {'published':<18} {'':>8} {DATEWISE['AR1-F']:>6.3f} {'':>6} "
          f"{DATEWISE['Date-F1']:>6.3f}")
    for t in topics:
        before, recalls = background_share(docs[t])
        print(f"{t}: first 30 entries of the whole timeline: {before:.0%} dated before the period, "
              f"{recalls:.0%} recall a year before it")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
