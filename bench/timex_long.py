"""Long texts: the temporal tagger's time and memory per megabyte, from 0.1 MB to 20 MB of real news.

Builds texts of each size by repeating real articles (the Timeline17 articles of
../shared/benchmarks, else the bundled example corpus in examples/), runs `tag()` once on each,
and prints seconds, seconds per MB and the process's peak resident memory after the call (the sizes
grow, so each peak is that call's, text included). The tagger is linear when seconds per MB stay
flat as the text grows.

    .venv/bin/python bench/timex_long.py                  # 0.1, 0.5, 1, 2, 5, 10, 20 MB
    .venv/bin/python bench/timex_long.py --sizes 0.1,1    # a quick check
"""

from __future__ import annotations

import argparse
import csv
import resource
import time
from datetime import date

from paths import EXAMPLE, T17, unpacked

SIZES = (0.1, 0.5, 1, 2, 5, 10, 20)
MB = 1_000_000


def articles() -> tuple[str, list[str]]:
    """Where the articles come from, and their texts."""
    if unpacked(T17):
        csv.field_size_limit(1 << 30)
        texts = []
        for path in sorted(T17.glob("*/outputwithpub.csv")):
            with open(path, encoding="utf-8", newline="") as f:
                texts += [row["text"] for row in csv.DictReader(f)]
        return "Timeline17 articles", texts
    return "the example corpus", [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.rglob("*.txt"))]


def build(texts: list[str], size: float) -> str:
    """Articles one after another, repeated as needed, cut at a paragraph near `size` MB."""
    wanted, parts, length = int(size * MB), [], 0
    while length < wanted:
        for text in texts:
            parts.append(text)
            length += len(text) + 2
            if length >= wanted:
                break
    return "\n\n".join(parts)[:wanted]


def measure(text: str, dct: date) -> tuple[float, int, float]:
    """Seconds, expressions found and the process's peak resident MB after one `tag()` call."""
    from dateline.annotate.timex import tag

    started = time.perf_counter()
    found = tag(text, dct)
    seconds = time.perf_counter() - started
    return seconds, len(found), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated sizes in MB")
    args = parser.parse_args()
    source, texts = articles()
    from dateline.annotate.timex import tag

    tag("warm up the grammar on 1 May 2024.", None)
    print(f"tag() on texts built from {source}")
    print(f"{'MB':>6} {'chars':>11} {'timexes':>8} {'seconds':>8} {'s/MB':>6} {'peak MB':>8}")
    for size in (float(s) for s in args.sizes.split(",")):
        text = build(texts, size)
        seconds, found, peak = measure(text, date(2010, 1, 15))
        print(f"{size:>6g} {len(text):>11,} {found:>8,} {seconds:>8.2f} {seconds / (len(text) / MB):>6.2f} "
              f"{peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
