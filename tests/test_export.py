"""`dateline export` with topics: the JSON lists them, and a topic argument exports every story of it."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.corpus import ingest
from dateline.store import Store
from dateline.views.export import corpus_record, render_export

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src" / "dateline" / "schemas" / "export.schema.json")
                    .read_text())
TOPIC = "topic-test0001"


@pytest.fixture()
def topic_db(example_db, tmp_path) -> Path:
    """The example store, copied, with its two stories put in one topic by hand (how stories are grouped is
    tests/test_topics.py's business; here a topic of several stories is what matters)."""
    path = tmp_path / "example.db"
    shutil.copy(example_db, path)
    with Store(path) as store:
        if not store.has_topics():
            pytest.skip("the schema has no migration 0015_topics yet")
        stories = store.stories()
        assert len(stories) >= 2
        store.save_topics({s.id: TOPIC for s in stories}, {TOPIC: "Niger and Senegal"})
    return path


def test_the_json_export_lists_every_topic_with_its_stories(example_db):
    with Store(example_db) as store:
        data = corpus_record(store)
        jsonschema.validate(data, SCHEMA)
        in_topics = [s for t in data["topics"] for s in t["stories"]]
        assert sorted(in_topics) == sorted(s["id"] for s in data["stories"])  # each story in one topic
        assert all(t["title"] and not t["title"].startswith(("topic-", "story-")) for t in data["topics"])


def test_a_topic_argument_exports_every_story_of_the_topic(topic_db):
    with Store(topic_db) as store:
        everything = corpus_record(store)
        data = json.loads(render_export(store, "json", story=TOPIC))
    jsonschema.validate(data, SCHEMA)
    assert [t["id"] for t in data["topics"]] == [TOPIC]
    assert data["topics"][0]["title"] == "Niger and Senegal"
    assert {s["id"] for s in data["stories"]} == set(data["topics"][0]["stories"]) == {
        s["id"] for s in everything["stories"]}
    assert len(data["facts"]) == len(everything["facts"]) > 0
    assert {e["story"] for e in data["timeline"]} == {e["story"] for e in everything["timeline"]}


def test_a_story_argument_exports_that_story_and_names_its_topic(topic_db):
    with Store(topic_db) as store:
        small = store.stories()[-1]
        data = corpus_record(store, small.id)
    assert [s["id"] for s in data["stories"]] == [small.id]
    assert [t["id"] for t in data["topics"]] == [TOPIC]
    assert {f["story"] for f in data["facts"]} <= {small.id}
    assert {e["story"] for e in data["timeline"]} <= {small.id}


def test_csv_and_markdown_of_a_topic_cover_its_stories(topic_db):
    with Store(topic_db) as store:
        with_facts = {f.story for f in store.facts()}
        rows = list(csv.DictReader(io.StringIO(render_export(store, "csv", story=TOPIC))))
        report = render_export(store, "md", story="Niger and Senegal")  # title words name the topic too
    assert {r["story"] for r in rows} == with_facts and with_facts
    assert report.count("Niger and Senegal") >= 1


def test_the_command_exports_a_topic(topic_db, tmp_path):
    out = tmp_path / "topic.json"
    result = CliRunner().invoke(app, ["export", TOPIC, "--format", "json", "--out", str(out), "--db", str(topic_db)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert len(data["stories"]) >= 2 and data["topics"][0]["id"] == TOPIC


def test_states_and_names_follow_the_schema(tmp_path):
    """A story whose ledger holds a person's status (a state) and a club's coach (a name): every value kind a
    fact type gives is one the schema lists (the schema listed quantity, date and statement only)."""
    articles = [
        ("2024-03-04", "Tom Reed was charged with fraud on Monday, prosecutors said. The Leeds Rhinos named Carl "
                       "Rimmer as their new head coach on Monday. Police said 40 people "
                       "were arrested at protests outside the bank."),
        ("2024-03-05", "Tom Reed has been charged with fraud, his lawyer said on Tuesday. The Leeds Rhinos have hired "
                       "Carl Rimmer as head coach, the club said. Police said 40 people were arrested at "
                       "the protests, officials said."),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "date": day, "text": text, "outlet": f"Outlet {i}"}) + "\n"
                            for i, (day, text) in enumerate(articles)))
    with Store(tmp_path / "news.db") as store:
        ingest([path], store)
        data = corpus_record(store)
    jsonschema.validate(data, SCHEMA)
    assert {"state", "name"} <= {v["kind"] for f in data["facts"] for v in f["values"]}
