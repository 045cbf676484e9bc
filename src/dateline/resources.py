"""Lexicons and tables shipped with the package as TOML data files.

Word lists (cue verbs, alias groups, furniture patterns, predicate classes) are
data, not code: they live in `dateline/data/<name>.toml`, are read once, and a
user file can extend them (see `load_table`).
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=None)
def load_table(name: str) -> dict[str, Any]:
    """The parsed contents of the packaged data file `data/<name>.toml`."""
    text = resources.files("dateline.data").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)
