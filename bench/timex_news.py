"""Temporal tagging on news outside TempEval-3: dateline vs HeidelTime on three silver sets.

Held-out checks beside TempEval-3's newswire of 1989-2000, each annotated once by a
language-model annotator session of the development team, by TempEval-3
conventions, blind to every tagger, with no adjudication (a silver standard). The
gold files under bench/gold/ hold offsets, types, values and the SHA-1 of each text,
no text; a document whose text is no longer the one annotated is skipped.

- news2020: 23 English articles (150-800 words) drawn at random (seed 0) from the
  htmldate MediaCloud evaluation pages; the text is what dateline's ingest
  extracts, the publication day (the set's gold) the document creation time.
  Scored first in session 6; the errors it showed were fixed in session 7, so it
  is no longer held out.
- news2020b: the other 19 such pages (the same shuffle continued); annotated in
  session 7 and scored once, after that session's changes.
- wire0811: 20 articles of 2008-2011 from the Timeline17 topics (finan, h1n1,
  haiti, mj), drawn at random (seed 0) among those of 150-800 words; the
  tokenized text is put back together by `detokenize` below. Annotated and
  scored like news2020b.

Scored like bench/timex.py: strict, relaxed and value F1, then a paired bootstrap
over documents of the value-F1 gap.

    .venv/bin/python bench/timex_news.py                    # every set, dateline and HeidelTime (cached)
    .venv/bin/python bench/timex_news.py --sets news2020b    # one set
    .venv/bin/python bench/timex_news.py --errors wire0811   # dateline's errors on a set
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import timex as T
from dates import load as load_pages
from paths import CACHE, GOLD, T17

from dateline.annotate.timeml import TimemlDocument, TimemlTimex
from dateline.errors import IngestError
from dateline.ingest.prepare import to_document
from dateline.model import RawDocument


@dataclass(frozen=True)
class NewsSet:
    name: str
    gold: Path
    texts: Callable[[list[dict]], Iterator[str | None]]  # each gold item's text, None when it cannot be had
    needs: Path  # the unpacked benchmark the texts come from
    heideltime_cache: Path


def _page_texts(items: list[dict]) -> Iterator[str | None]:
    pages = {url: html for url, html, _ in load_pages(None)}
    for item in items:
        try:
            yield to_document(RawDocument(source=item["url"], html=pages[item["url"]], url=item["url"])).text
        except (KeyError, IngestError):
            yield None


def detokenize(text: str) -> str:
    """Timeline17's Penn-Treebank tokens put back into plain text: brackets, quotes, spacing before punctuation."""
    for token, char in (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("``", '"'), ("''", '"')):
        text = text.replace(token, char)
    text = re.sub(r"\( ", "(", text)
    text = re.sub(r" \)", ")", text)
    text = re.sub(r" ([,.;:!?%])", r"\1", text)
    text = re.sub(r" ('s|'re|'ve|'ll|'d|n't|'m)\b", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    text = re.sub(r"\$ (\d)", r"$\1", text)
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _t17_texts(items: list[dict]) -> Iterator[str | None]:
    csv.field_size_limit(1 << 30)
    rows: dict[str, list[dict]] = {}
    for item in items:
        if item["topic"] not in rows:
            with open(T17 / item["topic"] / "outputwithpub.csv", encoding="utf-8", newline="") as f:
                rows[item["topic"]] = list(csv.DictReader(f))
        found = rows[item["topic"]]
        yield detokenize(found[item["row"]]["text"]) if item["row"] < len(found) else None


SETS = {s.name: s for s in (
    NewsSet("news2020", GOLD / "timex_news.json", _page_texts, CACHE / "dates-htmldate-mediacloud",
            T.PEER_CACHE / "heideltime-news2020.json"),
    NewsSet("news2020b", GOLD / "timex_news_b.json", _page_texts, CACHE / "dates-htmldate-mediacloud",
            T.PEER_CACHE / "heideltime-news2020b.json"),
    NewsSet("wire0811", GOLD / "timex_wire_t17.json", _t17_texts, T17, T.PEER_CACHE / "heideltime-wire0811.json"),
)}


def load_docs(news: NewsSet) -> list[tuple[Path, TimemlDocument]]:
    """The gold documents whose text is still the one annotated (same SHA-1)."""
    items = json.loads(news.gold.read_text("utf-8"))["documents"]
    docs, stale = [], []
    for item, text in zip(items, news.texts(items), strict=True):
        if text is None or hashlib.sha1(text.encode()).hexdigest() != item["sha1"]:
            stale.append(item["id"])
            continue
        gold = tuple(TimemlTimex(t["start"], t["end"], text[t["start"]:t["end"]], t["type"], t["value"])
                     for t in item["timexes"])
        docs.append((Path(item["id"]), TimemlDocument("", text, date.fromisoformat(item["dct"]), gold)))
    if stale:
        print(f"{news.name}: skipped {len(stale)} document(s) whose text changed since annotation: {', '.join(stale)}")
    return docs


def heideltime(news: NewsSet, docs: list[tuple[Path, TimemlDocument]]) -> tuple[list[list[TimemlTimex]], float] | None:
    """HeidelTime's output, cached by the texts it was run on."""
    from timex_peers import PeerMissing, run_heideltime

    key = hashlib.sha1("".join(d.text for _, d in docs).encode()).hexdigest()
    if news.heideltime_cache.exists():
        saved = json.loads(news.heideltime_cache.read_text())
        if saved["key"] == key:
            return [[TimemlTimex(**t) for t in doc] for doc in saved["timexes"]], saved["seconds"]
    try:
        run = run_heideltime([d for _, d in docs])
    except PeerMissing as missing:
        print(f"HeidelTime not run: {missing}")
        return None
    news.heideltime_cache.parent.mkdir(parents=True, exist_ok=True)
    news.heideltime_cache.write_text(json.dumps({"key": key, "seconds": run.seconds, "timexes": [
        [t.__dict__ for t in doc] for doc in run.timexes]}))
    return run.timexes, run.seconds


def report(news: NewsSet) -> None:
    docs = load_docs(news)
    ours, seconds, peak = T.run_dateline([d for _, d in docs], "news")
    words = sum(len(d.text.split()) for _, d in docs)
    print(f"\n{news.name}: {len(docs)} articles, {words:,} words, {sum(len(d.timexes) for _, d in docs)} gold timexes")
    print(f"{'set':<22} {'tagger':<12} {'strict':>6} {'relax':>6} {'value':>6} {'type':>6} {'gold':>6} "
          f"{'sys':>6} {'words/s':>10} {'peak MB':>8}")
    print(T.row(news.name, "dateline", T.score(docs, ours), words, seconds, peak))
    theirs = heideltime(news, docs)
    if theirs is not None:
        print(T.row(news.name, "heideltime", T.score(docs, theirs[0]), words, theirs[1], 0.0))
        print(f"value F1, dateline minus HeidelTime: {T.value_gap(docs, ours, theirs[0])}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--errors", metavar="SET", choices=list(SETS), help="print dateline's errors on one set")
    args = parser.parse_args()
    chosen = [args.errors] if args.errors else args.sets.split(",")
    unknown = [name for name in chosen if name not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    if not T.ensure_data():
        print("skipped: ../shared/benchmarks is absent")
        return
    for name in chosen:
        news = SETS[name]
        if not news.needs.exists():
            print(f"{name}: skipped, {news.needs} is not unpacked")
            continue
        if args.errors:
            docs = load_docs(news)
            T.show_errors(docs, T.run_dateline([d for _, d in docs], "news")[0], 500)
            continue
        report(news)


if __name__ == "__main__":
    main()
