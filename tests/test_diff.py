"""`diff`: what changed in a window, with earlier values shown as they stood when it opened."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.store import Store
from dateline.views import diff as diff_module
from dateline.views.diff import diff

SINCE = date(2024, 6, 1)


@pytest.fixture(scope="module")
def changes(example_db):
    with Store(example_db) as store:
        return diff(store, since=SINCE).changed


def test_the_example_has_changed_values_with_earlier_ones(changes):
    assert changes and all(c.previous for c in changes)


def test_earlier_values_cite_only_reports_published_by_since(changes):
    cited = [c.published for change in changes for v in change.previous for c in v.citations]
    assert cited and all(day is None or day <= SINCE for day in cited)


def test_earlier_values_keep_their_first_citations_but_every_document(example_db, monkeypatch):
    monkeypatch.setattr(diff_module, "PREVIOUS_CITATIONS", 1)
    with Store(example_db) as store:
        previous = [v for c in diff(store, since=SINCE).changed for v in c.previous]
    assert all(len(v.citations) == 1 for v in previous)
    assert any(len(v.documents) > 1 for v in previous)  # the cap dropped citations, not the counts
