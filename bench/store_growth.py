"""How an ingest of 20 new articles grows with the store it goes into: time and peak memory.

Usage: python bench/store_growth.py [--sizes 500,1000,2000,4000] [--base /tmp/s2/all.db
       --jsonl /tmp/s2/all.jsonl] [--old-src /tmp/m/old/src] [--work /tmp/m/growth]

The base is a store of the Timeline17 articles ingested with `--no-tagger` (`--jsonl` is
its input). Twenty articles of that input are held out as the new ones: deleted from a copy
of the base and written to a JSONL of their own, two of them without their declared date
(ones whose text alone dates them weakly, so they borrow a date from the stored articles).
A store of N articles is the base cut to its first N, or the base plus COPIES of its
articles under new ids (rows copied at the SQL level, with every layer, term vector and
derived record, in the stories of their originals): the stories grow as N does, but no
copied text is new. Each store is then fingerprinted for the duplicate index once (the
one-time cost of a store made before migration 0016, printed apart), and the same 20
articles are ingested into a fresh copy of it in a child process (rules only, one process),
by this checkout's code and, with `--old-src`, by another checkout's `src` (e.g. a
`git worktree add /tmp/m/old HEAD` of the code before), so before and after run on the same
files. Peak memory is the child's peak resident set (`ru_maxrss`), spaCy model included.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
SRC = HERE.parent.parent / "src"
NEW_ARTICLES = 20
UNDATED = 2
_DOC_COLUMNS = {"doc_id", "other_id"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,4000")
    parser.add_argument("--base", type=Path, default=Path("/tmp/s2/all.db"))
    parser.add_argument("--jsonl", type=Path, default=Path("/tmp/s2/all.jsonl"))
    parser.add_argument("--old-src", type=Path, help="a checkout's src to run as 'before'")
    parser.add_argument("--old-max", type=int, default=4000, help="largest store the old code ingests into")
    parser.add_argument("--work", type=Path, default=Path("/tmp/m/growth"))
    parser.add_argument("--child", nargs=2, metavar=("DB", "JSONL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(Path(args.child[0]), Path(args.child[1]))
    args.work.mkdir(parents=True, exist_ok=True)
    new_jsonl, base = _hold_out(args.base, args.jsonl, args.work)
    print("N | code | ingest s | refine s | place s | relink s | peak MB: before placing / placing / all | "
          "one-time fingerprinting s")
    for size in (int(s) for s in args.sizes.split(",")):
        store = _sized(base, size, args.work / f"n{size}.db")
        fill = _run_child(SRC, store, None, fingerprint_only=True)
        versions = [("after", SRC)] + ([("before", args.old_src)] if args.old_src and size <= args.old_max else [])
        for name, src in versions:
            run = args.work / f"n{size}-{name}.db"
            shutil.copy(store, run)
            r = _run_child(src, run, new_jsonl)
            print(f"{size} | {name} | {r['ingest']:.1f} | {r['refine']:.1f} | {r['place']:.2f} | {r['relink']:.2f} | "
                  f"{r['peak_before_place']:.0f} / {r['peak_before_relink']:.0f} / {r['peak_mb']:.0f} | "
                  f"{fill['seconds']:.1f}", flush=True)
            run.unlink()


def _hold_out(base: Path, jsonl: Path, work: Path) -> tuple[Path, Path]:
    """The 20 new articles' JSONL (two made undated) and a copy of the base without them."""
    from dateline.ingest.dating import date_document, needs_date

    rows = [json.loads(line) for line in jsonl.read_text().splitlines() if line.strip()]
    conn = sqlite3.connect(base)
    stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
    conn.close()
    picked = [r for r in random.Random(17).sample(rows, len(rows)) if r["id"] in stored][:NEW_ARTICLES]
    weak = [r for r in picked if needs_date(date_document(r["text"]))][:UNDATED]
    for row in weak:
        row.pop("published", None)
    path = work / "new.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in picked))
    print(f"{len(picked)} new articles, {len(weak)} of them undated ({', '.join(r['id'] for r in weak)})")
    target = work / "base.db"
    shutil.copy(base, target)
    conn = _open(target)
    conn.executemany("DELETE FROM documents WHERE id = ?", [(r["id"],) for r in picked])
    conn.commit()
    conn.close()
    _vectorise(target)
    return path, target


def _vectorise(path: Path) -> None:
    """Store the term vector of every article without one (a store made before migration 0014): else the
    first placement computes them all, once, and the benchmark would time that instead of placing."""
    from dateline.corpus import _term_vector
    from dateline.store import Store

    with Store(path) as store:
        missing = store.unvectored_documents()
        store.save_term_vectors(_term_vector(ad) for ad in map(store.annotated, missing) if ad)
        print(f"term vectors stored for {len(missing)} articles of the base")


def _sized(base: Path, size: int, target: Path) -> Path:
    """A copy of `base` with exactly `size` articles: its first ones, or it and copies of it."""
    shutil.copy(base, target)
    conn = _open(target)
    have = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if size < have:
        conn.execute("DELETE FROM documents WHERE rowid IN (SELECT rowid FROM documents ORDER BY rowid LIMIT -1 "
                     "OFFSET ?)", (size,))
    copy = 1
    while (count := conn.execute("SELECT count(*) FROM documents").fetchone()[0]) < size:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE id NOT LIKE '%~copy%' ORDER BY rowid "
                                          "LIMIT ?", (min(have, size - count),))]
        _copy_articles(conn, ids, f"~copy{copy}")
        copy += 1
    conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM documents WHERE story_id IS NOT NULL)")
    conn.commit()
    conn.close()
    return target


def _copy_articles(conn: sqlite3.Connection, ids: list[str], suffix: str) -> None:
    """Copies of these articles and every row keyed by them, under the id + `suffix`."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS picked (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM picked")
    conn.executemany("INSERT INTO picked VALUES (?)", [(i,) for i in ids])
    _copy_rows(conn, "documents", "id", suffix, {"duplicate_of": "NULL"})
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if "doc_id" in columns and table not in ("minhash_bands", "fingerprinted"):
            _copy_rows(conn, table, "doc_id", suffix, {})


def _copy_rows(conn: sqlite3.Connection, table: str, key: str, suffix: str, fixed: dict[str, str]) -> None:
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    values = [fixed.get(c) or (f'"{c}" || ?' if c in _DOC_COLUMNS | {key} else f'"{c}"') for c in columns]
    args = [suffix for c in columns if c not in fixed and c in _DOC_COLUMNS | {key}]
    where = f'"{key}" IN (SELECT id FROM picked)'
    if "other_id" in columns:
        where += " AND other_id IN (SELECT id FROM picked)"
    names = ", ".join(f'"{c}"' for c in columns)
    conn.execute(f"INSERT INTO {table} ({names}) SELECT {', '.join(values)} FROM {table} WHERE {where}", args)


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _run_child(src: Path, db: Path, jsonl: Path | None, fingerprint_only: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "DATELINE_TAGGER": "0", "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, str(HERE), "--child", str(db), str(jsonl or "-")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(db: Path, jsonl: Path) -> None:
    """In a fresh process: ingest `jsonl` into `db` (or, with "-", only fingerprint the store) and print
    the stage times and the peak memory as one JSON line."""
    from dateline import corpus
    from dateline.store import Store

    if str(jsonl) == "-":
        started = time.perf_counter()
        with Store(db) as store:
            if hasattr(corpus, "_stored_index"):
                corpus._stored_index(store)
        print(json.dumps({"seconds": time.perf_counter() - started}))
        return
    times = {"refine": 0.0, "place": 0.0, "relink": 0.0}
    for name, attr in (("refine", "refine_undated"), ("place", "place_in_stories"), ("relink", "relink")):
        setattr(corpus, attr, _timed(getattr(corpus, attr), times, name))
    started = time.perf_counter()
    with Store(db) as store:
        report = corpus.ingest([jsonl], store, workers=1)
    times["ingest"] = time.perf_counter() - started
    times["peak_mb"] = _peak_mb()
    times["added"] = len(report.added)
    print(json.dumps(times))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(function, times: dict[str, float], name: str):
    """`function`, adding the seconds it runs to times[name] (for a generator: the time to exhaust it)."""
    def wrapper(*args, **kwargs):
        times.setdefault(f"peak_before_{name}", _peak_mb())  # the peak of the stages before this one
        started = time.perf_counter()
        result = function(*args, **kwargs)
        if isinstance(result, list) or result is None:
            times[name] += time.perf_counter() - started
        return result
    return wrapper


if __name__ == "__main__":
    main()
