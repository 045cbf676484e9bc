"""Plain-text cleaning on real pages: Zyte article bodies and Timeline17 articles.

Usage: python bench/cleaning.py [--save FILE] [--compare FILE] [--sample N] [--seed S]

1. extraction-zyte-aeb, 181 pages: each page rendered to plain text with
   `page_text` (every visible block), then `clean_text`, scored against the gold
   `articleBody` with the shingle scorer of bench/extraction.py (precision,
   recall, F1; even/odd halves of the ids).
2. Timeline17 dev (finan, h1n1, haiti, mj `outputwithpub.csv`, sentence-split
   and Penn-Treebank tokenized): lines matching each furniture kind, counted by
   patterns independent of the cleaner, in the raw text and in the cleaned text;
   the cleaner's removals by kind; a seeded sample of removed lines to read.

`--save FILE` writes the cleaned texts (JSON, ids -> text) so a later run with
`--compare FILE` adds a "before" column: the counts in those earlier texts.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter
from pathlib import Path

from extraction import AEB, halves, load_pages, score
from paths import T17, unpacked

from dateline.ingest.clean import clean_text
from dateline.ingest.html import page_text

TOPICS = ("finan", "h1n1", "haiti", "mj")
_DATE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2} ?, \d{4}"
# Telltales of each kind, for counting only (the cleaner's rules are in clean.py and furniture.toml).
KINDS = {
    "comments": re.compile(r"report abuse|views expressed in the comments|your comments may be published|"
                           r"may edit your comments|we welcome comments|comments to this entry are closed", re.IGNORECASE),
    "stub": re.compile(rf"\| (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]* )?{_DATE}", re.IGNORECASE),
    "caption": re.compile(r"reuters/|ap photo|^\(?photos? ?:|file photo\W*$|^\(photo", re.IGNORECASE),
    "filler": re.compile(r"fast-changing world|javascript must be turned on|not available in your territory|"
                         r"can ?not play media|ultra-low latency|visit bbc webwise", re.IGNORECASE),
    "ptb tokens": re.compile(r"-[LR][RSC]B-|``|\w n't\b|\w 's\b"),
    "teaser": re.compile(r"Full Article|^only a flight away", re.IGNORECASE),
}


def zyte() -> dict[str, str]:
    gold, _, pages = load_pages(None)
    full = {key: page_text(html) for key, html in pages.items()}
    cleaned = {key: clean_text(text).text for key, text in full.items()}
    print(f"extraction-zyte-aeb: {len(gold)} pages, plain text of the whole page\n")
    print(f"{'text':<26} {'precision':>9} {'recall':>7} {'F1':>7} {'even F1':>8} {'odd F1':>7}")
    for name, out in (("full text (no cleaning)", full), ("clean_text(full text)", cleaned)):
        p, r, f = score(gold, out)
        even, odd = halves(gold, out)
        print(f"{name:<26} {p:>9.3f} {r:>7.3f} {f:>7.3f} {even:>8.3f} {odd:>7.3f}")
    return {f"zyte-{key}": text for key, text in cleaned.items()}


def t17_texts() -> dict[str, str]:
    csv.field_size_limit(1 << 30)
    texts = {}
    for topic in TOPICS:
        with (T17 / topic / "outputwithpub.csv").open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                texts[f"t17-{topic}-{i}"] = row["text"]
    return texts


def kind_counts(texts: dict[str, str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts.values():
        for line in text.splitlines():
            line = line.strip()
            counts.update(kind for kind, pattern in KINDS.items() if pattern.search(line))
    return counts


def timeline17(sample: int, seed: int, before: dict[str, str] | None) -> dict[str, str]:
    raw = t17_texts()
    results = {key: clean_text(text) for key, text in raw.items()}
    cleaned = {key: result.text for key, result in results.items()}
    columns = [("raw", kind_counts(raw))]
    if before:
        columns.append(("before", kind_counts({k: v for k, v in before.items() if k in raw})))
    columns.append(("after", kind_counts(cleaned)))
    print(f"\nTimeline17 dev: {len(raw)} articles; lines matching each furniture kind\n")
    print(f"{'kind':<12}" + "".join(f"{name:>9}" for name, _ in columns))
    for kind in KINDS:
        print(f"{kind:<12}" + "".join(f"{counts[kind]:>9}" for _, counts in columns))
    removed = [(key, text, kind) for key, result in results.items()
               for text, kind in zip(result.removed, result.removed_kinds)]
    print(f"\nremoved by the cleaner: {len(removed)} lines or cut parts")
    for kind, n in Counter(kind for *_, kind in removed).most_common():
        print(f"  {kind:<16} {n:>6}")
    new_kinds = {"comments", "comment_marker", "stub", "caption", "filler", "teaser"}
    pool = [row for row in removed if row[2] in new_kinds]
    print(f"\nsample of {sample} removals of the kinds above (seed {seed}), to read:")
    for key, text, kind in random.Random(seed).sample(pool, min(sample, len(pool))):
        print(f"  [{kind}] {key}: {text[:200]}")
    return {key: text for key, text in cleaned.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the cleaned texts to this JSON file")
    parser.add_argument("--compare", type=Path, help="cleaned texts of an earlier run, for a 'before' column")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    before = json.loads(args.compare.read_text("utf-8")) if args.compare else None
    saved = {}
    if unpacked(AEB) is not None:
        saved.update(zyte())
    else:
        print("skipped: extraction-zyte-aeb benchmark not available")
    if unpacked(T17) is not None:
        saved.update(timeline17(args.sample, args.seed, before))
    else:
        print("skipped: timelines-t17-dev benchmark not available")
    if args.save:
        args.save.write_text(json.dumps(saved), "utf-8")


if __name__ == "__main__":
    main()
