"""Where the benchmark scripts find their data, said once: the repository, the shared benchmark
archives and their unpacked copies, the Timeline17 articles, the bundled example and the seeds.

The archives in ../shared/benchmarks are unpacked into .cache/benchmarks on first use
(`unpacked`); a script that finds its data absent after that skips its part and says so.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository
SHARED = ROOT.parent / "shared" / "benchmarks"  # the archives and their `unpack` script
CACHE = ROOT / ".cache" / "benchmarks"  # where they are unpacked
T17 = CACHE / "timelines-t17-dev" / "tls" / "llm-tls-copy" / "Dataset" / "T17"  # <topic>/outputwithpub.csv
GOLD = ROOT / "bench" / "gold"
EXAMPLE = ROOT / "examples" / "niger-withdrawal"
SEEDS = ROOT.parent / "shared" / "seeds"

__all__ = ["CACHE", "EXAMPLE", "GOLD", "ROOT", "SEEDS", "SHARED", "T17", "unpacked"]


def unpacked(path: Path) -> Path | None:
    """`path` under the unpacked benchmarks, unpacking the shared archives when it is absent; None when
    it is still absent (no archives here, or none holds it)."""
    if not path.exists() and (SHARED / "unpack").exists():
        subprocess.run(["bash", str(SHARED / "unpack"), str(CACHE)], check=True, capture_output=True)
    return path if path.exists() else None
