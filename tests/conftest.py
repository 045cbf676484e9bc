"""Shared fixtures: the spaCy pipeline, the bundled example and the seed articles, each loaded once per session."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "niger-withdrawal"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def answer_key() -> dict:
    """The example corpus's ground truth, from the TOML block of examples/README.md."""
    text = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", text, re.S)
    assert block, "examples/README.md lost its answer key"
    return tomllib.loads(block.group(1))


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy pipeline, loaded once per session (tests marked slow use it)."""
    from dateline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    from dateline.corpus import ingest
    from dateline.store import Store

    path = tmp_path_factory.mktemp("example") / "example.db"
    with Store(path) as store:
        ingest([EXAMPLE], store)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return SEEDS


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, seeds_dir) -> Path:
    from dateline.corpus import ingest
    from dateline.store import Store

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(path) as store:
        ingest([seeds_dir], store)
    return path
