"""Time to relink a story of 1,000 articles after adding 10, and peak memory.

Usage: python bench/relink.py [--articles 1000] [--add 10]

Builds the story from variants of the bundled example's annotated articles
(as bench/web.py does), then adds more variants and times placing them in
stories and relinking what they touch (entities, facts, events).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import _variant, build_store  # noqa: E402

from dateline.corpus import place_in_stories, relink  # noqa: E402
from dateline.ingest.prepare import content_hash  # noqa: E402
from dateline.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--add", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "relink.db"
        started = time.perf_counter()
        story = build_store(path, args.articles)
        print(f"built a {args.articles}-article story in {time.perf_counter() - started:.1f} s")
        with Store(path) as store:
            originals = [store.annotated(d) for d in store.stories()[0].documents[:args.add]]
            batch = [_variant(ad, 100_000 + k, content_hash) for k, ad in enumerate(originals)]
            started = time.perf_counter()
            store.add_documents(batch)
            stored = time.perf_counter() - started
            started = time.perf_counter()
            touched = place_in_stories(store, [ad.document.id for ad, _, _ in batch])
            placed = time.perf_counter() - started
            started = time.perf_counter()
            relink(store, touched)
            relinked = time.perf_counter() - started
            facts = len(store.facts(story))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"added {args.add}: store {stored:.2f} s, stories {placed:.2f} s, relink {relinked:.2f} s "
          f"({len(touched)} story touched, {facts} facts); peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
