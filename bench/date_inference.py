"""Publication-date inference for undated text, on the Timeline17 dev articles.

Usage: python bench/date_inference.py [--per-topic N] [--seed S] [--corpus]

Each article (finan, h1n1, haiti, mj: `outputwithpub.csv`, date and text) is
stripped of its date evidence first: the PTB tokenisation is undone, and every
written form of its own publication date with a year ("Mon Mar 2, 2009 4:23 pm
EST", "March 2, 2009", "2 March 2009", "2009-03-02"), with the weekday and
time around it, is removed wherever it appears, so no dateline or metadata is
left. Ingestion (`to_document`: cleaning, then `date_document`) infers the
date from the text alone. Reported: the
share of articles whose inferred date is within 0, 1 and 7 days of the true
one (no date counts as a miss), coverage, and the confidence of hits vs misses.
`--corpus` also runs `refine_undated` over each topic's undated articles.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from datetime import date

from extraction import peak_mb
from paths import T17, unpacked

from dateline.errors import IngestError
from dateline.ingest.dating import refine_undated
from dateline.ingest.prepare import to_document
from dateline.model import Document, PublishedDate, RawDocument

TOPICS = ("finan", "h1n1", "haiti", "mj")
_PTB = (("-LRB-", "("), ("-RRB-", ")"), ("``", '"'), ("''", '"'), (" ,", ","), (" .", "."), (" 's", "'s"),
        (" n't", "n't"), (" :", ":"), (" ;", ";"), ("( ", "("), (" )", ")"), (" ?", "?"), (" !", "!"))
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?)?"


def detokenize(text: str) -> str:
    for token, plain in _PTB:
        text = text.replace(token, plain)
    return text


def strip_own_date(text: str, day: date) -> str:
    """`text` without any written form of `day` that states its year."""
    name = _MONTHS[day.month - 1]
    sept = r"|sept\.?" if day.month == 9 else ""
    month = rf"(?:{name}|{name[:3]}\.?{sept})"
    d, y = rf"0?{day.day}(?:st|nd|rd|th)?", str(day.year)
    forms = [rf"{month}\s+{d},?\s+{y}", rf"{d}\s+(?:of\s+)?{month},?\s+{y}", rf"{y}-0?{day.month}-0?{day.day}",
             rf"0?{day.month}/0?{day.day}/{y}"]
    pattern = re.compile(rf"\b{_WEEKDAY}(?:{'|'.join(forms)}){_TIME}", re.I)
    return pattern.sub(" ", text)


def load(per_topic: int | None, seed: int) -> list[tuple[str, date, str]]:
    csv.field_size_limit(1 << 30)
    rows = []
    for topic in TOPICS:
        with (T17 / topic / "outputwithpub.csv").open(encoding="utf-8") as handle:
            found = [(topic, date.fromisoformat(r["date"]), r["text"]) for r in csv.DictReader(handle)]
        if per_topic and len(found) > per_topic:
            found = random.Random(seed).sample(found, per_topic)
        rows.extend(found)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-topic", type=int, default=150, help="articles sampled per topic (0: all)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--corpus", action="store_true", help="also refine with refine_undated per topic")
    args = parser.parse_args()
    if unpacked(T17) is None:
        print("skipped: timelines-t17-dev benchmark not available")
        return
    rows = load(args.per_topic or None, args.seed)
    start = time.perf_counter()
    docs, crashes, empty = [], 0, 0
    for i, (topic, gold, text) in enumerate(rows):
        plain = strip_own_date(detokenize(text), gold)
        try:
            doc = to_document(RawDocument(source=f"{topic}-{i}", text=plain))
        except IngestError:  # no article text at all (a graphic credit, say): undated, not a crash
            empty += 1
            doc = Document(f"{topic}-{i}", "", plain, None, None, None, None, "en", PublishedDate.unknown("no text"))
        except Exception as exc:  # noqa: BLE001 - counted as undated, and reported
            crashes += 1
            print(f"  {topic}-{i}: {type(exc).__name__}: {exc}", file=sys.stderr)
            doc = Document(f"{topic}-{i}", "", plain, None, None, None, None, "en", PublishedDate.unknown("crash"))
        docs.append((topic, gold, doc))
    seconds = time.perf_counter() - start
    report("single document", [(g, d.published) for _, g, d in docs])
    if args.corpus:
        refined = []
        for topic in TOPICS:
            mine = [(g, d) for t, g, d in docs if t == topic]
            try:
                better = refine_undated([d for _, d in mine])
            except Exception as exc:  # noqa: BLE001 - reported; the topic keeps its single-document dates
                print(f"  refine_undated failed on {topic}: {type(exc).__name__}: {exc}", file=sys.stderr)
                better = [d for _, d in mine]
            refined.extend((g, d.published) for (g, _), d in zip(mine, better))
        report("with refine_undated per topic", refined)
    print(f"\n{crashes} article(s) crashed the dater, {empty} had no article text (both counted as undated)")
    print(f"{len(rows)} articles, {len(rows) / seconds:.1f} articles/s (cleaning + dating), peak memory {peak_mb():.0f} MB")


def report(name: str, results: list) -> None:
    errors = [abs((p.value - g).days) if p.value else None for g, p in results]
    n = len(errors)
    share = lambda k: sum(e is not None and e <= k for e in errors) / n  # noqa: E731
    hits = [p.confidence for (g, p), e in zip(results, errors) if e is not None and e <= 1]
    misses = [p.confidence for (g, p), e in zip(results, errors) if e is None or e > 1]
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    print(f"\n{name}: {n} articles, dated {sum(e is not None for e in errors) / n:.3f}")
    print(f"  within 0 days {share(0):.3f}   within 1 day {share(1):.3f}   within 7 days {share(7):.3f}")
    print(f"  mean confidence: hits (<=1 day) {mean(hits):.2f}, misses {mean(misses):.2f}")


if __name__ == "__main__":
    main()
