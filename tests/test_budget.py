"""Time budgets and failing layers: one pathological document or annotator costs only itself."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from dateline.annotate.budget import BudgetExceeded, time_budget
from dateline.annotate.pipeline import Component, Pipeline, annotate_batch, unannotated_reason
from dateline.annotate.sentences import plain_sentences
from dateline.model import Document, PublishedDate, Sentence


def _spin(seconds: float) -> str:
    try:
        with time_budget(seconds):
            while True:
                pass
    except BudgetExceeded as exc:
        return str(exc)
    return "finished"


def test_a_budget_stops_an_endless_loop_in_the_main_thread():
    assert "time budget" in _spin(0.5)


def test_a_budget_stops_an_endless_loop_in_another_thread():
    found: list[str] = []
    worker = threading.Thread(target=lambda: found.append(_spin(0.5)))
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive() and "time budget" in found[0]


def test_work_inside_its_budget_is_untouched_and_nothing_fires_later():
    with time_budget(0.2):
        total = sum(range(1000))
    import time

    time.sleep(0.4)  # an alarm left armed would raise here
    assert total == 499500


def _document(text: str = "Officials met on Monday.", language: str = "en") -> Document:
    return Document("d", "d.txt", text, None, None, None, None, language, PublishedDate(date(2024, 5, 6), "metadata", 1.0, ""))


def _pipeline(run_second) -> Pipeline:
    return Pipeline((
        Component("sentences", (), lambda ctx: (Sentence(0, len(ctx.document.text)),)),
        Component("timexes", ("sentences",), run_second),
        Component("claims", ("sentences",), lambda ctx: ()),
    ))


def _fails(ctx):
    raise ValueError("year 0 is out of range")


@pytest.mark.parametrize("second", [_fails], ids=["raises"])
def test_a_failing_layer_leaves_the_others_and_says_why(second):
    annotated = _pipeline(second).annotate_one(_document(), parsed=None)
    assert annotated.sentences == (Sentence(0, 24),) and annotated.timexes == ()
    assert annotated.problems == ("timexes: ValueError: year 0 is out of range",)


def test_a_layer_past_its_budget_is_left_empty(monkeypatch):
    from dateline.annotate import pipeline as module

    monkeypatch.setattr(module, "seconds_for", lambda text: 0.3)

    def endless(ctx):
        while True:
            pass

    annotated = _pipeline(endless).annotate_one(_document(), parsed=None)
    assert annotated.timexes == () and annotated.problems[0].startswith("timexes: BudgetExceeded")


@pytest.mark.parametrize(
    ("text", "language", "annotated"),
    [("Officials met on Monday.", "en", True), ("Too short", "und", True),
     ("今天开会。", "zh", False), ("x " * 600_000, "en", False)],
    ids=["english", "undetermined", "chinese", "too-long"],
)
def test_which_documents_the_english_annotators_read(text, language, annotated):
    assert (unannotated_reason(_document(text, language)) is None) is annotated


def test_a_document_in_another_language_keeps_its_sentences_only():
    text = "أعلنت الحكومة خطة جديدة. وقال المسؤولون إنها ستنفذ."
    (result,) = annotate_batch(_pipeline(_fails), [_document(text, "ar")])
    assert [text[s.start:s.end] for s in result.sentences] == ["أعلنت الحكومة خطة جديدة.", "وقال المسؤولون إنها ستنفذ."]
    assert result.entities == () and result.problems == ()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [("他说。我们走吧！", ["他说。", "我们走吧！"]), ("One. Two?\nThree", ["One.", "Two?", "Three"]),
     ("", []), ("   \n  ", []), ("No end", ["No end"])],
    ids=["chinese", "latin-and-lines", "empty", "blank", "no-punctuation"],
)
def test_plain_sentences_split_any_script(text, sentences):
    assert [text[s.start:s.end] for s in plain_sentences(text)] == sentences
