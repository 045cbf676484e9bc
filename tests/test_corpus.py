"""Ingesting a mixed batch: bad files are reported one by one, good ones land,
and nothing already stored is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.corpus import ingest
from dateline.store import Store

GOOD = (
    "Harbour workers in Valdoria ended their strike on Monday after the port authority agreed to a pay rise.\n"
    "The authority said on Tuesday that about 1,200 dock workers would return to work by March 3, 2025.\n"
    "Union leader Maria Ostrova told reporters that the deal was \"a fair result for every family on the docks\".\n"
)
LATER = (
    "The port of Valdoria reopened fully on Wednesday, a week after dock workers ended their strike.\n"
    "About 1,200 dock workers are back at work, the port authority said, and ships are leaving on schedule.\n"
)
GERMAN = (
    "Die Hafenarbeiter in Valdoria haben ihren Streik am Montag beendet, nachdem die Hafenbehörde einer "
    "Lohnerhöhung zugestimmt hatte. Die Gewerkschaft sprach von einem fairen Ergebnis für alle Familien.\n"
)


def write_batch(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "malformed": folder / "broken.html",
        "cp1252": folder / "latin.txt",
        "huge": folder / "huge.txt",
        "german": folder / "german.txt",
        "good": folder / "good.txt",
    }
    files["empty"].write_text("")
    files["binary"].write_bytes(bytes(range(256)) * 40)
    files["malformed"].write_text("<html><body><div><p>unclosed <b>tags <script>var x = 1;" + "<div>" * 5000)
    files["cp1252"].write_bytes(("Café owners near the port said the strike had cost them dearly. " * 5).encode("cp1252"))
    with files["huge"].open("w") as fh:
        fh.write(("x" * 1023 + "\n") * (50 * 1024))
    files["german"].write_text(GERMAN, encoding="utf-8")
    files["good"].write_text("Tuesday, 25 February 2025\n\n" + GOOD, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    first = root / "first.txt"
    first.write_text("Wednesday, 5 March 2025\n\n" + LATER, encoding="utf-8")
    path = root / "store.db"
    with Store(path) as store:
        before = ingest([first], store)
        write_batch(root / "batch")
        report = ingest([root / "batch"], store)
        docs = {d.source.rsplit("/", 1)[-1]: d for d in store.documents()}
    return before, report, docs


def test_every_bad_file_gets_one_clear_message(batch):
    _, report, _ = batch
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt"}, reasons
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "MB" in reasons["huge.txt"]


def test_good_files_in_the_same_batch_still_ingest(batch):
    _, report, docs = batch
    assert {"good.txt", "latin.txt", "german.txt", "first.txt"} <= set(docs)
    assert "Café" in docs["latin.txt"].text
    assert docs["german.txt"].language == "de"
    assert docs["good.txt"].published.value.isoformat() == "2025-02-25"


def test_malformed_html_is_a_failure_or_a_document_never_a_crash(batch):
    _, report, docs = batch
    failed = {Path(f.source).name for f in report.failures}
    assert "broken.html" in failed or "broken.html" in docs


def test_earlier_articles_survive_a_bad_batch(batch):
    before, _, docs = batch
    assert before.added and docs["first.txt"].id == before.added[0]


def test_reingesting_changes_nothing(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Monday, 3 March 2025\n\n" + GOOD, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        first = ingest([article], store)
        again = ingest([article], store)
        assert again.added == () and again.unchanged == first.added
        assert len(store.documents()) == 1


def test_a_lightly_edited_copy_is_linked_as_a_near_duplicate(tmp_path):
    (tmp_path / "wire.txt").write_text("Monday, 3 March 2025\n\n" + GOOD, encoding="utf-8")
    edited = GOOD.replace("on Monday", "on Monday morning") + "Shipping lines welcomed the news.\n"
    (tmp_path / "copy.txt").write_text("Tuesday, 4 March 2025\n\n" + edited, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path / "wire.txt", tmp_path / "copy.txt"], store)
        assert len(report.near_duplicates) == 1
        assert store.near_duplicates() == list(report.near_duplicates)
        assert len(store.documents()) == 2  # linked, never dropped


def test_the_stored_timeline_is_the_one_a_fresh_build_gives_and_follows_new_articles(tmp_path):
    from dateline.views.stories import resolve_story
    from dateline.views.timeline import build_timeline, story_timeline

    (tmp_path / "a.txt").write_text("Monday, 3 March 2025\n\n" + GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Wednesday, 5 March 2025\n\n" + LATER, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path / "a.txt"], store)
        before = story_timeline(store)
        ingest([tmp_path / "b.txt"], store)
        story = resolve_story(store, None)
        kept = story_timeline(store)
        fresh = build_timeline(story.id, story.title, store.annotated_for_story(story.id))
    assert kept == fresh
    assert len(kept.entries) > len(before.entries)


def test_failures_are_recorded_once_per_input_and_stage_and_forgotten_when_fixed(tmp_path):
    from dateline.corpus import ingest
    from dateline.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        for _ in range(3):
            report = ingest([folder], store)
            assert len(report.failures) == 2
        assert sorted((f.stage, f.reason) for f in store.failures()) == sorted((f.stage, f.reason) for f in report.failures)
        (folder / "empty.txt").write_text("The council met on Monday and approved the budget, officials said.\n")
        ingest([folder], store)
        assert [f.source for f in store.failures()] == [str(folder / "broken.jsonl") + ":1"]
