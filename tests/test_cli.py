"""The command line on the bundled example, checked again through the library."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store
from tests.conftest import EXAMPLE

SCHEMAS = Path(__file__).resolve().parents[1] / "src" / "dateline" / "schemas"
runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


@pytest.mark.parametrize(
    "command",
    [["stories"], ["brief"], ["brief", "--as-of", "2024-06-01"], ["timeline"], ["timeline", "--max-dates", "3"],
     ["facts"], ["events"], ["diff", "--since", "2024-05-01", "--until", "2024-08-01"], ["failures"]],
    ids=lambda c: "-".join(c),
)
def test_read_commands_succeed_as_text_and_json(example_db, command):
    text = run(*command, "--db", str(example_db))
    assert text.exit_code == 0, text.output
    assert text.output.strip()
    as_json = run(*command, "--db", str(example_db), "--json")
    assert as_json.exit_code == 0
    json.loads(as_json.output)


def test_stories_separate_the_unrelated_articles(example_db, answer_key):
    with Store(example_db) as store:
        stories = store.stories()
        sources = {s.id: {store.document(d).source for d in s.documents} for s in stories}
    main = stories[0]
    other = {str(EXAMPLE / p) for p in answer_key["other_story"]}
    assert not other & sources[main.id]
    assert len(main.documents) >= 11


def test_export_json_follows_its_schema(example_db, tmp_path):
    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "--out", str(out), "--db", str(example_db)).exit_code == 0
    data = json.loads(out.read_text())
    jsonschema.validate(data, json.loads((SCHEMAS / "export.schema.json").read_text()))
    assert data["stories"] and data["facts"] and data["timeline"]


@pytest.mark.parametrize("fmt, marker", [("csv", "question"), ("md", "# "), ("html", "<html")], ids=["csv", "md", "html"])
def test_export_other_formats(example_db, tmp_path, fmt, marker):
    out = tmp_path / f"export.{fmt}"
    assert run("export", "--format", fmt, "--out", str(out), "--db", str(example_db)).exit_code == 0
    assert marker in out.read_text()


def test_annotate_writes_schema_valid_jsonl(tmp_path):
    out = tmp_path / "a.jsonl"
    result = run("annotate", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    schema = json.loads((SCHEMAS / "annotate.schema.json").read_text())
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) >= 13
    for record in records:
        jsonschema.validate(record, schema)
        for span in record["sentences"] + record["entities"] + record["timexes"]:
            assert 0 <= span["start"] < span["end"] <= len(record["text"])


def test_no_tagger_switches_the_attribution_tagger_off(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_TAGGER", "1")  # restored after the test
    article = sorted(p for p in EXAMPLE.iterdir() if p.is_file())[0]
    out = tmp_path / "a.jsonl"
    result = run("annotate", str(article), "--out", str(out), "--no-tagger")
    assert result.exit_code == 0, result.output
    assert os.environ["DATELINE_TAGGER"] == "0"  # workers started from here inherit it
    assert len(out.read_text().splitlines()) == 1


def test_show_one_document(example_db):
    with Store(example_db) as store:
        doc_id = store.stories()[0].documents[0]
    result = run("show", doc_id[:10], "--db", str(example_db), "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["id"] == doc_id


@pytest.mark.parametrize(
    "args, message",
    [(["brief", "--as-of", "June 1"], "not a date"), (["show", "no-such-doc"], "matches 0 documents"),
     (["brief", "no such story words"], "matches no story"), (["export", "--format", "xml"], "choose one of")],
    ids=["bad-date", "unknown-doc", "unknown-story", "bad-format"],
)
def test_user_errors_are_one_clear_line(example_db, args, message, capsys):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "dateline", *args, "--db", str(example_db)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr


def test_missing_database_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "dateline", "brief", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "no such database" in done.stderr


def test_every_command_is_documented():
    docs = Path(__file__).resolve().parents[1] / "docs"
    text = "\n".join(p.read_text() for p in docs.glob("*.md"))
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"dateline {name}" in text, f"no page in docs/ documents `dateline {name}`"
        assert "Example:" in (command.callback.__doc__ or ""), f"`{name}` help has no example"


# Commands whose example cannot run here: it downloads (fetch), serves until stopped (serve), or needs a
# cluster's input and output (batch, load: tests/test_scale.py runs them).
NOT_RUN_HERE = {"fetch", "serve", "batch", "load"}


def _documented_examples() -> list[tuple[str, list[str]]]:
    import shlex

    found = []
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        example = re.search(r"Example: (dateline .*)", command.callback.__doc__ or "")
        found.append((name, shlex.split(example.group(1))[1:] if example else []))
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("name", "example"), _documented_examples(), ids=[n for n, _ in _documented_examples()])
def test_every_command_has_help_and_its_documented_example_runs(example_db, tmp_path, monkeypatch, name, example):
    import shutil

    helped = run(name, "--help")
    assert helped.exit_code == 0 and "Example: dateline" in helped.output, helped.output
    if name in NOT_RUN_HERE:
        return
    db = tmp_path / "story.db"
    shutil.copy(example_db, db)
    args = [str(db) if a == "story.db" else str(tmp_path / a) if a in ("report.html", "annotations.jsonl") else a
            for a in example]
    if name in ("ingest", "reannotate", "annotate"):
        args.append("--no-tagger")  # the example's words, without loading the tagger's model again
    if "--db" not in args and name not in ("annotate", "timex"):
        args += ["--db", str(db)]
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    result = run(*args)
    assert result.exit_code == 0, (args, result.output)
    assert result.output.strip()


def test_show_prefers_the_exact_id_to_longer_ids_it_begins(tmp_path):
    """`show t17-mj-4` shows that article, not "matches 11 documents" (t17-mj-40 ... t17-mj-49)."""
    source = tmp_path / "wire.jsonl"
    text = "The port of Velora reopened on Monday after a week of repairs, officials said. Ships waited offshore."
    source.write_text("".join(json.dumps({"id": f"wire-{i}", "published": "2024-03-04", "text": f"{text} Item {i}."}) + "\n"
                              for i in (4, 40, 41)))
    db = tmp_path / "s.db"
    assert run("ingest", str(source), "--no-tagger", "--db", str(db)).exit_code in (0, 1)
    result = run("show", "wire-4", "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == "wire-4"


def test_an_ingest_of_many_copies_counts_them_instead_of_listing_each(tmp_path):
    """An archive full of repeats names the first duplicates and counts the rest, so stderr stays short."""
    import subprocess
    import sys

    text = "The port of Velora reopened on Monday after a week of repairs, officials said. Ships waited offshore."
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps({"id": f"wire-{i}", "published": "2024-03-04", "text": text}) + "\n"
                              for i in range(30)))
    done = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(source), "--no-tagger", "--workers", "1",
                           "--db", str(tmp_path / "s.db")], capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert sum(line.startswith("duplicate: ") for line in lines) == 20
    assert sum(line.startswith("near duplicate: ") for line in lines) <= 20
    assert any(line.startswith("... and ") and "`dateline copies` lists them all" in line for line in lines)
    assert len(lines) < 50
