"""The self-contained HTML report (`render_report`): complete, inert, and escaped."""

from __future__ import annotations

import re

import pytest

from dateline.errors import QueryError
from dateline.store import Store
from dateline.views.report import render_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hostile_db(example_db, tmp_path_factory):
    from tests.test_web_api import hostile_store

    return hostile_store(example_db, tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def report(hostile_db) -> str:
    with Store(hostile_db) as store:
        return render_report(store, None)


@pytest.mark.parametrize(
    "needed",
    ["<h2>Timeline</h2>", "<h2>Fact ledger</h2>", "<h2>Contradictions</h2>", "<h2>Outlets</h2>",
     'class="timeline-chart"', 'class="history-chart"', "How many US troops"],
    ids=["timeline", "ledger", "contradictions", "outlets", "timeline-chart", "history-chart", "a-fact"],
)
def test_report_holds_every_section(report, needed):
    assert needed in report


@pytest.mark.parametrize(
    "pattern",
    [r"<script", r"<link\b", r"\bsrc=", r"https?://", r"<b onmouseover", r"\son\w+=\"window"],
    ids=["no-script", "no-stylesheet-link", "no-external-resource", "no-remote-url", "escaped-tag", "no-handler"],
)
def test_report_is_self_contained_and_inert(report, pattern):
    assert not re.search(pattern, report, re.I)


def test_report_forbids_scripts_and_escapes_articles(report):
    assert "default-src 'none'" in report
    assert "&lt;b onmouseover=" in report


def test_report_of_a_story_by_title_words(hostile_db):
    with Store(hostile_db) as store:
        assert "Senegal" in render_report(store, "senegal")


def test_unknown_story_is_a_query_error(hostile_db):
    with Store(hostile_db) as store, pytest.raises(QueryError):
        render_report(store, "no-such-story-xyz")
