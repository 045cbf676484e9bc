"""Tests for dateline.ingest.prepare: RawDocument -> Document, ids, failures, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.prepare import content_hash, document_id, prepare, to_document
from dateline.ingest.readers import read_paths
from dateline.model import Document, Failure, Notice, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TEXT = (
    "Ferry Services Resume After Storm\n\n"
    "Tuesday, 5 March 2024\n\n"
    "Ferry services across the strait resumed on Tuesday after two days of cancellations.\n\n"
    "Share on Facebook\n\n"
    "The operator said all sailings would run to the normal timetable from Wednesday.\n\n"
    "Related stories\n\nHigh winds close coastal road"
)


def test_text_document_is_cleaned_dated_and_named():
    doc = to_document(RawDocument(source="ferry.txt", text=TEXT))
    assert doc.text.splitlines() == [
        "Ferry services across the strait resumed on Tuesday after two days of cancellations.",
        "The operator said all sailings would run to the normal timetable from Wednesday.",
    ]
    assert (doc.title, doc.language, doc.raw_text) == ("Ferry Services Resume After Storm", "en", TEXT)
    assert doc.published.value is not None and doc.published.value.isoformat() == "2024-03-05"
    assert "Share on Facebook" in doc.removed_lines
    assert doc.id == document_id(doc.text) and doc.id.startswith("doc-") and len(doc.id) == 16


def test_same_article_gets_the_same_id_whatever_the_spacing_and_case():
    first = to_document(RawDocument(source="a.txt", text=TEXT))
    second = to_document(RawDocument(source="b.txt", text=TEXT.upper().replace(" ", "  ")))
    assert first.id == second.id
    assert to_document(RawDocument(source="c.txt", text=TEXT, id="given-7")).id == "given-7"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Troops  Leave\nIraq", "troops leave iraq", True), ("Troops leave Iraq", "Troops leave Syria", False)],
    ids=["normalised", "different"],
)
def test_content_hash(a, b, same):
    assert (content_hash(a) == content_hash(b)) is same
    assert len(content_hash(a)) == 40


def test_html_article_keeps_body_only():
    [doc] = prepare(read_paths([FIXTURES / "furniture_page.html"]))
    assert isinstance(doc, Document)
    assert doc.outlet == "The Harbour Courier" and doc.author == "Mara Lindqvist"
    assert doc.published.value.isoformat() == "2024-03-14"
    assert "cookie" not in doc.text.lower() and "Related" not in doc.text and "Leave a Reply" not in doc.text
    assert len(doc.text.splitlines()) == 4


def test_german_article_is_flagged_and_intact():
    [doc] = prepare(read_paths([FIXTURES / "article_de.txt"]))
    assert doc.language == "de"
    source = (FIXTURES / "article_de.txt").read_text("utf-8")
    for line in doc.text.splitlines():
        assert line in source
    assert "„Das ist ein fairer Abschluss“, sagte" in doc.text
    assert len(doc.text.splitlines()) == 4


def test_french_article_is_flagged_and_intact():
    text = ("Les ferries ont repris la traversée mardi après deux jours d’annulations.\n"
            "L’opérateur a précisé que toutes les rotations suivraient l’horaire normal dès mercredi.")
    doc = to_document(RawDocument(source="fr.txt", text=text))
    assert (doc.language, doc.text) == ("fr", text)


def test_jsonl_batch_keeps_good_lines_and_records_bad_ones():
    results = list(prepare(read_paths([FIXTURES / "batch.jsonl"])))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Failure", "Document"]
    assert results[0].id == "wire-1" and results[0].published.method == "metadata"
    assert results[3].text.count("new budget") == 1


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (RawDocument(source="x.txt", text="Home | News\n\nShare on Facebook\n\nBack to top"),
         "no article text left after removing site furniture"),
        (RawDocument(source="x.html", html="<html><body><script>var x = 1;</script></body></html>"),
         "no article text found in HTML"),
    ],
    ids=["only-furniture", "empty-page"],
)
def test_failures_are_recorded_with_reason(raw, reason):
    [result] = prepare([raw])
    assert result == Failure(raw.source, "clean", reason)


def test_reader_failures_pass_through():
    failure = Failure("x.txt", "read", "empty file")
    assert list(prepare([failure])) == [failure]


def test_unexpected_errors_are_recorded_unless_strict(monkeypatch):
    def boom(text, **options):
        raise RuntimeError("bug")

    monkeypatch.setattr("dateline.ingest.prepare.clean_text", boom)
    raw = RawDocument(source="x.txt", text="Some text.")
    assert list(prepare([raw])) == [Failure("x.txt", "clean", "unexpected error: RuntimeError: bug")]
    with pytest.raises(RuntimeError):
        list(prepare([raw], strict=True))


_MARKUP = st.lists(
    st.sampled_from(["<p>", "</p>", "<div class='a", "<<", ">", "<!--", "<script>", "&amp;", "&#xD800;",
                     "<meta charset=x-bogus>", "\x00", "Read more", "Related Articles", "The council met on Monday. ",
                     "\n", "\n\n", "é", "\ud7ff", "<html>", "</body>", "<article>"]),
    max_size=40,
).map("".join)


@pytest.mark.parametrize("suffix", [".html", ".txt", ".jsonl"])
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), _MARKUP.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_random_input_yields_documents_failures_or_notices(tmp_path, suffix, data):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for result in prepare(read_paths([path]), strict=True):
        assert isinstance(result, (Document, Failure, Notice))
