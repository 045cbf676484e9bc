"""The hostile corpus of bench/hostile.py, small: no input hangs an ingest, prints a traceback or costs the
good article beside it; each input that cannot be stored is recorded as a failure naming it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench" / "hostile.py"


@pytest.fixture(scope="module")
def hostile():
    spec = importlib.util.spec_from_file_location("hostile", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def all_at_once(hostile, tmp_path_factory):
    return hostile.run_all(tmp_path_factory.mktemp("hostile"), small=True, timeout=600)


def test_nothing_hangs_or_prints_a_traceback(all_at_once):
    outcome, _ = all_at_once
    assert outcome.exit_code == 1, outcome  # some inputs cannot be stored, and a script must be able to tell
    assert not outcome.traceback, outcome
    assert outcome.good_stored


def test_each_input_that_cannot_be_stored_is_a_recorded_failure(hostile, all_at_once):
    _, failures = all_at_once
    for case in hostile.CASES:
        named = [line for line in failures.splitlines() if f"/{hostile.folder_name(case)}/" in line]
        assert bool(named) == (case.expect_exit == 1), (case.name, named)


def test_a_missing_path_creates_no_store(hostile, tmp_path):
    outcome, created = hostile.missing_path(tmp_path, timeout=120)
    assert outcome.exit_code == 1 and not created and not outcome.traceback
    assert "no such file or folder" in outcome.message
