"""Publication date of web pages on the htmldate MediaCloud evaluation set (200 pages).

Usage: python bench/dates.py [--limit N] [--misses K]

Metric (as in the htmldate evaluation): share of pages whose found date is the
gold day exactly; a page with no date found counts as wrong, and so does a page
dateline's ingest refuses (no article text), which is also counted apart with
the accuracy over the pages ingest accepted. Rows, run in the same process on
the same pages:

- dateline: what ingestion stores (`prepare.to_document(...).published`);
- htmldate fast (extensive_search=False) and extensive (the default), both
  with original_date=True as dateline asks;
- newspaper4k, when installed (bench-only).
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from extraction import peak_mb
from htmldate import find_date
from paths import CACHE, unpacked

from dateline.errors import IngestError
from dateline.ingest.prepare import to_document
from dateline.ingest.readers import declared_html_charset, decode_bytes
from dateline.model import RawDocument

EVAL = CACHE / "dates-htmldate-mediacloud" / "htmldate-eval" / "tests"


def load(limit: int | None) -> list[tuple[str, str, str]]:
    """(url, html, gold ISO day) per page."""
    gold = json.loads((EVAL / "eval_mediacloud_2020.json").read_text("utf-8"))
    rows = []
    for url, item in sorted(gold.items())[:limit]:
        data = (EVAL / "test_set" / item["file"]).read_bytes()
        rows.append((url, decode_bytes(data, declared_html_charset(data)), item["date"]))
    return rows


def _dateline(html: str, url: str) -> str | None:
    """The stored day; IngestError when ingest refuses the page."""
    value = to_document(RawDocument(source=url, html=html, url=url)).published.value
    return value.isoformat() if value else None


def _htmldate(extensive: bool) -> Callable[[str, str], str | None]:
    return lambda html, url: find_date(html, url=url, extensive_search=extensive, original_date=True)


def _newspaper() -> Callable[[str, str], str | None] | None:
    try:
        from newspaper import Article
    except ImportError:
        return None

    def run(html: str, url: str) -> str | None:
        article = Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        found = article.publish_date
        return found.date().isoformat() if found else None

    return run


@dataclass(frozen=True)
class Run:
    """One finder over the pages; pages ingest refused are among the misses."""

    hits: int
    pages: int
    refused: int
    rate: float
    misses: list

    @property
    def accuracy(self) -> float:
        return self.hits / self.pages

    @property
    def accepted_accuracy(self) -> float:
        """Over the pages ingest accepted: no refused page is a hit."""
        accepted = self.pages - self.refused
        return self.hits / accepted if accepted else 0.0


def measure(pages: list[tuple[str, str, str]], finder: Callable[[str, str], str | None]) -> Run:
    hits, refused, misses, start = 0, 0, [], time.perf_counter()
    for url, html, gold in pages:
        try:
            found = finder(html, url)
        except IngestError as exc:  # a refusal, not a crash: still a miss, so the headline stays comparable
            found, refused = f"refused: {exc.problem}", refused + 1
        except Exception as exc:  # noqa: BLE001 - a crash on a page is a miss, as for a peer
            found = f"error {type(exc).__name__}"
        day = (found or "")[:10]
        if day == gold:
            hits += 1
        else:
            misses.append((url, gold, found))
    return Run(hits, len(pages), refused, len(pages) / (time.perf_counter() - start), misses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", type=int, default=0, help="list dateline's first K misses")
    parser.add_argument("--no-peers", action="store_true", help="only dateline")
    args = parser.parse_args()
    if unpacked(EVAL) is None:
        print("skipped: dates-htmldate-mediacloud benchmark not available")
        return
    logging.disable(logging.WARNING)
    pages = load(args.limit)
    finders = {"dateline (ingest)": _dateline, "htmldate fast": _htmldate(False), "htmldate extensive": _htmldate(True)}
    if args.no_peers:
        finders = {"dateline (ingest)": _dateline}
    elif (paper := _newspaper()) is not None:
        finders["newspaper4k"] = paper
    print(f"dates-htmldate-mediacloud: {len(pages)} pages, exact-day accuracy\n")
    print(f"{'finder':<22} {'accuracy':>8} {'pages/s':>8}")
    runs: dict[str, Run] = {}
    for name, finder in finders.items():
        runs[name] = result = measure(pages, finder)
        print(f"{name:<22} {result.accuracy:>8.3f} {result.rate:>8.1f}")
    ours = runs["dateline (ingest)"]
    print(f"\ndateline refused {ours.refused} of {ours.pages} pages (no article text); "
          f"accuracy over the {ours.pages - ours.refused} it accepted {ours.accepted_accuracy:.3f}")
    print(f"peak memory {peak_mb():.0f} MB (today {date.today().isoformat()})")
    for url, gold, found in ours.misses[: args.misses]:
        print(f"  miss: gold {gold} found {found}  {url[:90]}")


if __name__ == "__main__":
    main()
