"""Main-text extraction and plain-text cleaning on the Zyte article-extraction benchmark.

Usage: python bench/extraction.py [--limit N] [--worst K] [--no-peers]

Metric (as in scrapinghub/article-extraction-benchmark): the extracted body and
the gold `articleBody` are cut into word 4-gram shingles (multisets of
`\\w+` tokens); per page precision = tp / (tp + fp) and recall = tp / (tp + fn);
both are averaged over pages and F1 is taken of the averages. Rows:

- dateline html.extract: the HTML extractor alone;
- dateline ingest: what ingestion stores (extract, then light cleaning);
- dateline clean_text(full text): the page rendered to plain text
  (`page_text`, every visible block), then `clean_text`, as for text input;
- full text (no cleaning): the rendered text itself, the floor for cleaning;
- the 31 peers' outputs shipped in the archive, scored by the same code.

Rules are developed on the even-indexed pages (ids sorted) and checked on the
odd-indexed ones: the script also prints F1 on each half for dateline's rows
and the best peers.

Also prints pages/s and peak memory for extraction plus dating.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable

from paths import CACHE, unpacked

from dateline.ingest.clean import clean_text
from dateline.ingest.dating import date_document
from dateline.ingest.html import extract, page_text
from dateline.ingest.prepare import to_document
from dateline.model import RawDocument

AEB = CACHE / "extraction-zyte-aeb" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_scores(gold: str, predicted: str) -> tuple[float, float]:
    """Shingle precision and recall of one page."""
    truth, guess = shingles(gold), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def score(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    pairs = [page_scores(gold[key], predicted.get(key) or "") for key in gold]
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(limit: int | None) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Gold bodies, URLs and HTML by page id."""
    truth = json.loads((AEB / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    gold = {k: truth[k]["articleBody"] for k in keys}
    urls = {k: truth[k].get("url") for k in keys}
    html = {k: gzip.decompress((AEB / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace") for k in keys}
    return gold, urls, html


def peer_outputs() -> dict[str, dict[str, str]]:
    peers = {}
    for path in sorted((AEB / "output").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        rows = data.get("output", data) if isinstance(data, dict) else {}
        peers[path.stem] = {k: (v or {}).get("articleBody") or "" for k, v in rows.items()}
    return peers


def run(name: str, pages: dict[str, str], urls: dict[str, str], fn: Callable[[str, str | None], str]) -> dict[str, str]:
    out = {}
    for key, html in pages.items():
        try:
            out[key] = fn(html, urls.get(key))
        except Exception as exc:  # noqa: BLE001 - a failed page scores zero, as for the peers
            print(f"  {name}: {key[:12]} failed: {exc}", file=sys.stderr)
            out[key] = ""
    return out


def _extract(html: str, url: str | None) -> str:
    return extract(RawDocument(source="bench", html=html, url=url)).text or ""


def _ingest(html: str, url: str | None) -> str:
    return to_document(RawDocument(source="bench", html=html, url=url)).text


def _clean_full(html: str, url: str | None) -> str:
    return clean_text(page_text(html)).text


def _full(html: str, url: str | None) -> str:
    return page_text(html)


def throughput(pages: dict[str, str], urls: dict[str, str]) -> tuple[float, float, float]:
    """Pages/s (wall clock and CPU time of this process) and words/s of extraction plus dating.

    CPU time is what one core would take: on a shared machine the wall clock
    also counts the time other jobs hold the cores.
    """
    start, cpu, words = time.perf_counter(), time.process_time(), 0
    for key, html in pages.items():
        try:
            raw = extract(RawDocument(source="bench", html=html, url=urls.get(key)))
        except Exception:  # noqa: BLE001
            continue
        date_document(raw.text or "", declared=raw.published)
        words += len((raw.text or "").split())
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    return len(pages) / seconds, len(pages) / cpu_seconds, words / seconds


def halves(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """F1 on the even-indexed pages (development) and on the odd-indexed ones (held out)."""
    keys = sorted(gold)
    return tuple(score({k: gold[k] for k in part}, predicted)[2] for part in (keys[0::2], keys[1::2]))


def worst(gold: dict[str, str], predicted: dict[str, str], k: int) -> None:
    rows = sorted((2 * p * r / (p + r) if p + r else 0.0, p, r, key)
                  for key in gold for p, r in [page_scores(gold[key], predicted.get(key, ""))])
    for f1, p, r, key in rows[:k]:
        print(f"  {key[:16]}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (by id)")
    parser.add_argument("--worst", type=int, default=0, help="list the K worst pages of dateline ingest")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    if unpacked(AEB) is None:
        print("skipped: extraction-zyte-aeb benchmark not available")
        return
    gold, urls, pages = load_pages(args.limit)
    throughput(pages, urls)  # warm-up: imports, caches and lazy tables load once
    pages_s, cpu_pages_s, words_s = throughput(pages, urls)
    ours = {
        "dateline ingest": run("ingest", pages, urls, _ingest),
        "dateline html.extract": run("extract", pages, urls, _extract),
        "dateline clean_text(full text)": run("clean", pages, urls, _clean_full),
        "full text (no cleaning)": run("full", pages, urls, _full),
    }
    rows = [(name, *score(gold, out)) for name, out in ours.items()]
    if not args.no_peers:
        rows += [(name, *score(gold, out)) for name, out in peer_outputs().items()]
    print(f"extraction-zyte-aeb: {len(gold)} pages, shingle (4-gram) scores averaged over pages\n")
    print(f"{'extractor':<34} {'precision':>9} {'recall':>7} {'F1':>7}")
    for name, p, r, f in sorted(rows, key=lambda row: -row[3]):
        print(f"{name:<34} {p:>9.3f} {r:>7.3f} {f:>7.3f}")
    outputs = {**ours, **({} if args.no_peers else peer_outputs())}
    print(f"\nby half (ids sorted; even = development, odd = held out):\n{'extractor':<34} {'even F1':>9} {'odd F1':>7}")
    for name, *_ in sorted(rows, key=lambda row: -row[3])[:8]:
        even, odd = halves(gold, outputs[name])
        print(f"{name:<34} {even:>9.3f} {odd:>7.3f}")
    print(f"\nextraction + dating: {pages_s:.1f} pages/s wall clock ({cpu_pages_s:.1f} pages/s of CPU time on one core), "
          f"{words_s:.0f} words/s, peak memory {peak_mb():.0f} MB, load average {os.getloadavg()[0]:.1f}")
    if args.worst:
        print(f"\nworst {args.worst} pages (dateline ingest):")
        worst(gold, ours["dateline ingest"], args.worst)


if __name__ == "__main__":
    main()
