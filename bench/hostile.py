"""A hostile corpus, ingested case by case: no input may hang dateline, print a traceback,
or cost the good files beside it.

Usage: python bench/hostile.py [--small] [--timeout SECONDS] [--case NAME ...]

Each case is a folder holding one hostile input and one good article (our own
writing), ingested by the real `dateline ingest --no-tagger` in its own process.
For each case the script prints wall time, peak memory (the child's maximum
resident set), the exit code, the first line dateline printed about the hostile
input, and whether the good article was stored. `--small` keeps the huge cases
small enough for CI (2 MB instead of 19 MB).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD_NAME = "good-article.txt"
GOOD_MARK = "dockworkers"  # words only the good article has (its variants replace them)
GOOD = """Harbor Ledger
Port workers end strike after pay deal
The dockworkers' union said on Tuesday that its members had voted to accept a new contract and would return
to work on Wednesday, ending a nine-day strike that had left 40 ships waiting outside the harbor.
"The deal gives our members a fair raise," union president Dana Reyes told reporters. The port authority said
it expected the backlog to clear by the end of the month.
"""
LONG_PARAGRAPH = ("The council met again on Monday to discuss the budget for the next 10,000 years, and a year ago "
                  "the same plan was rejected by 52 votes to 48, officials said. ")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path, bool], None]  # (folder, small) -> writes the hostile input into folder
    expect_exit: int = 0  # 1 when the hostile input cannot be stored (a failed input)
    good_stored: bool = True


def _variant(word: str) -> str:
    """The good article about another workplace: a different text, so a different document."""
    return GOOD.replace("Port workers", f"{word.title()} workers").replace("dockworkers'", f"{word} workers'").replace(
        "40 ships waiting outside the harbor", f"the {word} closed")


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def _zip(folder: Path, name: str, members: dict[str, bytes], symlink: str | None = None) -> None:
    with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
        if symlink:
            info = zipfile.ZipInfo("link.txt")
            info.external_attr = (0o120777 << 16)  # a symlink entry: its data is the target path
            archive.writestr(info, symlink)


def _tar_escape(folder: Path) -> None:
    with tarfile.open(folder / "escape.tar.gz", "w:gz") as archive:
        data = _variant("rail").encode()
        info = tarfile.TarInfo("../../outside.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))


def _nested_zip(folder: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("inner.txt", _variant("airport"))
    _zip(folder, "outer.zip", {"inner.zip": inner.getvalue()})


def _zip_bomb(folder: Path, small: bool) -> None:
    size = (25 if small else 200) * 1024 * 1024  # zeros compress about 1000:1
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("bomb.txt", "w") as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)


def _huge_text(folder: Path, small: bool) -> None:
    megabytes = 2 if small else 19
    lines = (LONG_PARAGRAPH * 4 + "\n") * (megabytes * 1024 * 1024 // (len(LONG_PARAGRAPH) * 4 + 1))
    _write(folder, "huge.txt", "Archive dump\n" + lines)


CASES: tuple[Case, ...] = (
    Case("timex: 10,000 years ahead", lambda f, s: _write(f, "treaty.jsonl", json.dumps(
        {"id": "treaty", "published": "2011-03-15",
         "text": "The treaty will last for the next 10,000 years, the ministers said on Tuesday."}) + "\n")),
    Case("timex: 'a year ago', undated", lambda f, s: _write(f, "ago.txt",
         "A year ago the talks collapsed, and the envoys have not met since, a spokesman said.\n")),
    Case("timex: dct on the 1st, far shift", lambda f, s: _write(f, "first.jsonl", json.dumps(
        {"id": "first", "published": "2011-03-01", "text": "Officials expect 9,999 years of peace after the deal."}
    ) + "\n")),
    Case("huge plain text", _huge_text),
    Case("Chinese article", lambda f, s: _write(f, "zh.txt", "今天，市政府宣布新的交通计划。官员说，计划将于明年实施。\n")),
    Case("Arabic article", lambda f, s: _write(f, "ar.txt",
         "أعلنت الحكومة اليوم عن خطة جديدة للنقل. وقال المسؤولون إن الخطة ستنفذ العام المقبل.\n")),
    Case("mixed languages", lambda f, s: _write(f, "mixed.txt",
         "The mayor spoke on Monday. 市长周一发表讲话。 Then she left for Paris, aides said.\n")),
    Case("markup in a file name", lambda f, s: _write(f, "odd [bold]name[red].txt", _variant("ferry"))),
    Case("markup in a JSONL id", lambda f, s: _write(f, "ids.jsonl", json.dumps(
        {"id": "[/]", "text": _variant("canal")}) + "\n")),
    Case("newline and RTL mark in a name", lambda f, s: _write(f, "line\nbreak\u202ename.txt", _variant("bus"))),
    Case("a stray byte in UTF-8", lambda f, s: _write(f, "stray.txt",
         "Le président a parlé mardi; the president spoke on Tuesday.\n".encode() + b"\xff ok\n")),
    Case("UTF-16 without a BOM", lambda f, s: _write(f, "utf16.txt", _variant("mine").encode("utf-16-le"))),
    Case("identical files", lambda f, s: _write(f, "copy-of-good.txt", GOOD)),
    Case("binary with a .txt name", lambda f, s: _write(f, "binary.txt", bytes(range(256)) * 64), expect_exit=1),
    Case("empty file", lambda f, s: _write(f, "empty.txt", b""), expect_exit=1),
    Case("malformed JSONL line", lambda f, s: _write(f, "bad.jsonl", "{not json\n"), expect_exit=1),
    Case("garbage WARC", lambda f, s: _write(f, "bad.warc.gz", gzip.compress(b"this is not a WARC record\r\n" * 20)),
         expect_exit=1),
    Case("truncated gzip", lambda f, s: _write(f, "cut.txt.gz", gzip.compress(GOOD.encode())[:30]), expect_exit=1),
    Case("zip with a symlink", lambda f, s: _zip(f, "links.zip", {}, symlink="/etc/passwd"), expect_exit=1),
    Case("tar entry escaping its folder", lambda f, s: _tar_escape(f), expect_exit=1),
    Case("nested zip", lambda f, s: _nested_zip(f)),  # read one level deep
    Case("zip bomb", _zip_bomb, expect_exit=1),
)


@dataclass(frozen=True)
class Outcome:
    case: str
    seconds: float
    peak_mb: float
    exit_code: int | None  # None: killed at the timeout
    message: str
    good_stored: bool
    traceback: bool


def folder_name(case: Case) -> str:
    return case.name.replace(" ", "-").replace("/", "-").replace(":", "").replace(",", "").replace("'", "")


def run_case(case: Case, root: Path, small: bool, timeout: float) -> Outcome:
    folder = root / folder_name(case)
    folder.mkdir(parents=True)
    _write(folder, GOOD_NAME, GOOD)
    case.build(folder, small)
    db = root / (folder.name + ".db")
    return _measure(case.name, [str(folder)], db, timeout)


def run_all(root: Path, small: bool, timeout: float) -> tuple[Outcome, str]:
    """Every case in one folder, ingested at once (one batch holds them all); the outcome and all it printed."""
    corpus = root / "all"
    for case in CASES:
        (corpus / folder_name(case)).mkdir(parents=True)
        case.build(corpus / folder_name(case), small)
    _write(corpus, GOOD_NAME, GOOD)
    db = root / "all.db"
    outcome = _measure("all cases at once", [str(corpus)], db, timeout)
    return outcome, outcome_output(db)


def outcome_output(db: Path) -> str:
    """The failures the store recorded, one "source (stage): reason" per line."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return "\n".join(f"{r[0]} ({r[1]}): {r[2]}" for r in conn.execute("SELECT source, stage, reason FROM failures"))
    finally:
        conn.close()


def _measure(name: str, inputs: list[str], db: Path, timeout: float) -> Outcome:
    """One ingest in a child process: wall time, its peak memory, exit code, what it said."""
    script = ("import resource, subprocess, sys\n"
              "try:\n"
              "    code = subprocess.run(sys.argv[2:], timeout=float(sys.argv[1])).returncode\n"
              "except subprocess.TimeoutExpired:\n"
              "    code = -999\n"
              "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n")
    command = [sys.executable, "-c", script, str(timeout), sys.executable, "-m", "dateline", "ingest", *inputs,
               "--db", str(db), "--no-tagger"]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    seconds = time.monotonic() - started
    lines = done.stderr.strip().splitlines()
    code, peak_kb = (int(x) for x in lines[-1].split())
    said = [line for line in lines[:-1] if line.strip()] + done.stdout.strip().splitlines()
    message = next((line for line in said if not line.startswith(("added ", "near duplicate", "annotated "))),
                   said[-1] if said else "")
    return Outcome(name, round(seconds, 1), round(peak_kb / 1024, 1), None if code == -999 else code,
                   message[:160], _stored(db, GOOD_MARK), "Traceback" in done.stderr)


def _stored(db: Path, name: str) -> bool:
    if not db.exists():
        return False
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        # by its words, not its file name: an identical copy read first holds it under the copy's name
        return conn.execute("SELECT count(*) FROM documents WHERE text LIKE ?", (f"%{name}%",)).fetchone()[0] > 0
    finally:
        conn.close()


def missing_path(root: Path, timeout: float) -> tuple[Outcome, bool]:
    """A path that does not exist: exit 1, and no database file left behind."""
    db = root / "missing.db"
    outcome = _measure("nonexistent path", [str(root / "no-such-folder")], db, timeout)
    return outcome, db.exists()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small huge cases, for CI")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a case counts as a hang")
    parser.add_argument("--case", action="append", help="run only cases whose name contains this")
    args = parser.parse_args()
    cases = [c for c in CASES if not args.case or any(w in c.name for w in args.case)]
    print(f"{'case':34} {'s':>6} {'peak MB':>8} {'exit':>4} {'want':>4} good  tb  message")
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            o = run_case(case, Path(tmp), args.small, args.timeout)
            print(f"{o.case:34} {o.seconds:6.1f} {o.peak_mb:8.0f} {o.exit_code!s:>4} {case.expect_exit:>4} "
                  f"{'yes' if o.good_stored else 'NO':4} {'YES' if o.traceback else 'no':3} {o.message}")
        o, created = missing_path(Path(tmp), args.timeout)
        print(f"{o.case:34} {o.seconds:6.1f} {o.peak_mb:8.0f} {o.exit_code!s:>4} {1:>4} "
              f"{'store created' if created else 'no store':4} {'YES' if o.traceback else 'no':3} {o.message}")


if __name__ == "__main__":
    main()
