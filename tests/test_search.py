"""Full-text search over a story or a topic: one query over every story of the scope, ranked together,
through the store, the view and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store
from dateline.store.search import search_documents
from dateline.views.search import search

TOPIC = "topic-search01"
runner = CliRunner()


@pytest.fixture(scope="module")
def topic_db(example_db, tmp_path_factory) -> Path:
    """The example store with its two stories put in one topic by hand (grouping is tests/test_topics.py's)."""
    path = tmp_path_factory.mktemp("search") / "topic.db"
    shutil.copy(example_db, path)
    with Store(path) as store:
        store.save_topics({s.id: TOPIC for s in store.stories()}, {TOPIC: "Sahel troops and elections"})
    return path


def _ids(rows) -> list[str]:
    return [r.id for r in rows]


@pytest.mark.slow
def test_a_topic_is_searched_as_one_ranking(topic_db):
    with Store(topic_db) as store:
        stories = [s.id for s in store.stories()]
        everywhere = search_documents(store, "military", limit=100)
        topic = search_documents(store, "military", stories=stories, limit=100)
        assert _ids(topic) == _ids(everywhere)  # every article is in the topic: the same order
        assert {r.story for r in topic} == set(stories)


@pytest.mark.slow
@pytest.mark.parametrize("which", [0, 1], ids=["largest", "smaller"])
def test_one_story_is_a_topic_of_one(topic_db, which):
    with Store(topic_db) as store:
        story = store.stories()[which].id
        everywhere = search_documents(store, "military", limit=100)
        found = search_documents(store, "military", stories=[story], limit=100)
    assert found and {r.story for r in found} == {story}
    assert _ids(found) == [r.id for r in everywhere if r.story == story]  # ranked as in the whole store


@pytest.mark.slow
def test_no_stories_find_nothing(topic_db):
    with Store(topic_db) as store:
        assert search_documents(store, "military", stories=[]) == []
        assert search_documents(store, "military", stories=["story-none"]) == []


@pytest.mark.slow
def test_the_view_reads_a_topic_name_and_caps_hits(topic_db):
    with Store(topic_db) as store:
        found = search(store, "niger", story="Sahel troops", limit=3)
    assert (found.story, found.story_title) == (TOPIC, "Sahel troops and elections")
    assert len(found.hits) == 3 and all(h.name and not h.name.startswith("doc-") for h in found.hits)


@pytest.mark.slow
def test_the_cli_searches_a_topic(topic_db):
    result = runner.invoke(app, ["search", "military", "--story", TOPIC, "--db", str(topic_db), "--json",
                                 "--limit", "100"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    with Store(topic_db) as store:
        stories = {s.id for s in store.stories()}
    assert body["story"] == TOPIC and {h["story"] for h in body["hits"]} == stories
