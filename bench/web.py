"""Page-load times of the web app for a story of 1,000 articles.

The store is synthesised from the bundled example: its articles are ingested
once, then copied into variants (a distinct closing line, the publication date
moved by up to a month) until the main story holds 1,000 articles, which are
placed in stories and relinked with the same library calls `dateline ingest`
uses. Annotation is skipped for the copies only because it is a pure function
of the text and would give the same layers.

A real uvicorn server runs in a thread; every page and its /api/ twin is
fetched once cold (right after the store changed) and then REPEAT times warm.

Usage: HF_HUB_OFFLINE=1 .venv/bin/python bench/web.py [--articles 1000] [--repeat 5] [--db FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import socket
import statistics
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

from paths import EXAMPLE

BUDGET_MS = 300.0
LATE = "2024-12-31"  # an as-of date after every article: the costliest dated view


def build_store(path: Path, articles: int) -> str:
    """Ingest the example, then add variants of its main story until it has `articles` articles."""
    from dateline.corpus import ingest, place_in_stories, relink
    from dateline.ingest.prepare import content_hash
    from dateline.store import Store

    with Store(path) as store:
        ingest([EXAMPLE], store)
        main = store.stories()[0]
        originals = [store.annotated(d) for d in main.documents]
        batch, k = [], 0
        while len(main.documents) + len(batch) < articles:
            source = originals[k % len(originals)]
            batch.append(_variant(source, k, content_hash))
            k += 1
        store.add_documents(batch)
        ids = [ad.document.id for ad, _, _ in batch]
        relink(store, place_in_stories(store, ids))
        return store.stories()[0].id


def _variant(ad, k: int, content_hash):
    from dateline.model import PublishedDate

    doc = ad.document
    text = f"{doc.text}\n\nFiled by correspondent {k} for the regional desk."
    published = doc.published
    if published.value:
        published = dataclasses.replace(published, value=published.value + timedelta(days=k % 31))
    copy = dataclasses.replace(doc, id=f"{doc.id}-v{k}", text=text, published=published,
                               source=f"{doc.source}#variant-{k}")
    assert isinstance(published, PublishedDate)
    return dataclasses.replace(ad, document=copy), content_hash(text), None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[str, object]:
    import uvicorn

    from dateline.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def fetch_ms(url: str) -> float:
    start = time.perf_counter()
    with urlopen(url, timeout=60) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - start) * 1000


def pages(base: str, story: str) -> list[str]:
    import json

    with urlopen(f"{base}/api/stories/{story}/facts") as r:
        fact = json.load(r)[0]["id"]
    with urlopen(f"{base}/api/documents?story={story}&limit=1") as r:
        doc = json.load(r)["documents"][0]["id"]
    paths = ["/", f"/stories/{story}", f"/stories/{story}?as_of=2024-06-01", f"/stories/{story}?as_of={LATE}",
             f"/stories/{story}/facts",
             f"/stories/{story}/facts/{fact}", f"/stories/{story}/contradictions", f"/stories/{story}/outlets", f"/stories/{story}/copies",
             f"/stories/{story}/diff?since=2024-06-01", f"/documents?story={story}", f"/documents/{quote(doc)}",
             "/search?q=agadez+handover"]
    return [p for path in paths for p in (path, "/api" + (path if path != "/" else "/stories"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="Reuse (or create) this store instead of a temporary one.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        from dateline.store import Store

        if db.exists():
            with Store(db) as store:
                story = store.stories()[0].id
        else:
            story = build_store(db, args.articles)
        with Store(db) as store:
            size = len(store.stories()[0].documents)
        print(f"store: {size} articles in story {story} ({time.perf_counter() - t0:.1f}s to prepare)")
        base, server = start_server(db)
        report(base, pages(base, story), args.repeat)
        server.should_exit = True
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (bench + server process): {peak:.0f} MB")


def report(base: str, paths: list[str], repeat: int) -> None:
    print(f"{'page':58} {'cold ms':>8} {'warm p50':>9} {'warm max':>9}")
    worst, total, t0 = 0.0, 0, time.perf_counter()
    for path in paths:
        cold = fetch_ms(base + path)
        warm = [fetch_ms(base + path) for _ in range(repeat)]
        total += 1 + repeat
        worst = max(worst, *warm)
        flag = "" if max(warm) <= BUDGET_MS else "  OVER BUDGET"
        print(f"{path[:58]:58} {cold:8.1f} {statistics.median(warm):9.1f} {max(warm):9.1f}{flag}")
    elapsed = time.perf_counter() - t0
    print(f"{total} requests in {elapsed:.1f}s ({total / elapsed:.1f} pages/s); worst warm load {worst:.0f} ms "
          f"(budget {BUDGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
