"""Temporal tagging on modern news pages: dateline vs HeidelTime on 23 MediaCloud articles from 2020.

A held-out check beside TempEval-3's newswire of 1989-2000. 24 English articles
(150-800 words) were drawn at random (seed 0) from the htmldate MediaCloud
evaluation pages; their text is what dateline's ingest extracts, and their
publication day (the set's gold) is the document creation time. Two
language-model annotator sessions of the development team tagged TIMEX3 by
TempEval-3 conventions, each document once, blind to every tagger, with no
adjudication; one article, mostly in Tagalog, was left out. The gold
(bench/gold/timex_news.json) holds offsets, types and values, no text. No rule
was tuned on these articles. Scored like bench/timex.py: strict, relaxed and
value F1, then a paired bootstrap over documents of the value-F1 gap.

    .venv/bin/python bench/timex_news.py             # dateline and HeidelTime (cached after the first run)
    .venv/bin/python bench/timex_news.py --errors    # dateline's errors
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import timex as T
from dates import load as load_pages

from dateline.annotate.timeml import TimemlDocument, TimemlTimex
from dateline.errors import IngestError
from dateline.ingest.prepare import to_document
from dateline.model import RawDocument

GOLD = T.ROOT / "bench" / "gold" / "timex_news.json"
HEIDELTIME_CACHE = T.PEER_CACHE / "heideltime-news2020.json"


def load_docs() -> list[tuple[Path, TimemlDocument]]:
    """The gold documents whose extracted text is still the one annotated (same SHA-1)."""
    pages = {url: html for url, html, _ in load_pages(None)}
    docs, stale = [], []
    for item in json.loads(GOLD.read_text("utf-8"))["documents"]:
        try:
            text = to_document(RawDocument(source=item["url"], html=pages[item["url"]], url=item["url"])).text
        except (KeyError, IngestError):
            stale.append(item["id"])
            continue
        if hashlib.sha1(text.encode()).hexdigest() != item["sha1"]:
            stale.append(item["id"])
            continue
        gold = tuple(TimemlTimex(t["start"], t["end"], text[t["start"]:t["end"]], t["type"], t["value"])
                     for t in item["timexes"])
        docs.append((Path(item["id"]), TimemlDocument("", text, date.fromisoformat(item["dct"]), gold)))
    if stale:
        print(f"skipped {len(stale)} document(s) whose extracted text changed since annotation: {', '.join(stale)}")
    return docs


def heideltime(docs: list[tuple[Path, TimemlDocument]]) -> tuple[list[list[TimemlTimex]], float] | None:
    """HeidelTime's output, cached by the texts it was run on."""
    from timex_peers import PeerMissing, run_heideltime

    key = hashlib.sha1("".join(d.text for _, d in docs).encode()).hexdigest()
    if HEIDELTIME_CACHE.exists():
        saved = json.loads(HEIDELTIME_CACHE.read_text())
        if saved["key"] == key:
            return [[TimemlTimex(**t) for t in doc] for doc in saved["timexes"]], saved["seconds"]
    try:
        run = run_heideltime([d for _, d in docs])
    except PeerMissing as missing:
        print(f"HeidelTime not run: {missing}")
        return None
    HEIDELTIME_CACHE.parent.mkdir(parents=True, exist_ok=True)
    HEIDELTIME_CACHE.write_text(json.dumps({"key": key, "seconds": run.seconds, "timexes": [
        [t.__dict__ for t in doc] for doc in run.timexes]}))
    return run.timexes, run.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print dateline's errors")
    args = parser.parse_args()
    if not T.ensure_data() or not (T.DATA.parent / "dates-htmldate-mediacloud").exists():
        print("skipped: ../shared/benchmarks is absent")
        return
    docs = load_docs()
    ours, seconds, peak = T.run_dateline([d for _, d in docs], "news")
    if args.errors:
        T.show_errors(docs, ours, 500)
        return
    words = sum(len(d.text.split()) for _, d in docs)
    print(f"{len(docs)} articles, {words:,} words, {sum(len(d.timexes) for _, d in docs)} gold timexes\n")
    print(f"{'set':<22} {'tagger':<12} {'strict':>6} {'relax':>6} {'value':>6} {'type':>6} {'gold':>6} "
          f"{'sys':>6} {'words/s':>10} {'peak MB':>8}")
    print(T.row("news 2020", "dateline", T.score(docs, ours), words, seconds, peak))
    theirs = heideltime(docs)
    if theirs is not None:
        print(T.row("news 2020", "heideltime", T.score(docs, theirs[0]), words, theirs[1], 0.0))
        print(f"\nvalue F1, dateline minus HeidelTime: {T.value_gap(docs, ours, theirs[0])}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
