"""Tests for dateline.ingest.warc and the WARC reader: pages in, everything else skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import IngestError
from dateline.ingest.prepare import prepare
from dateline.ingest.readers import read_paths
from dateline.ingest.warc import WarcPage, media_type, warc_pages, write_warc
from dateline.model import Document, Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE_URL = "https://www.harbour-courier.example/port-strike"
LATIN = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\xe9 owners in the old town said trade had doubled.</p></body></html>"


def _record(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes, kind: str = "response"):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=http)


def _crawl(gzip: bool) -> bytes:
    """A small crawl: an article, a Latin-1 page, a redirect, a 404, an image and a request."""
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=gzip)
    page = (FIXTURES / "furniture_page.html").read_bytes()
    records = [
        _record(writer, PAGE_URL, "200 OK", "text/html; charset=utf-8", page),
        _record(writer, "https://cafe.example/", "200 OK", "text/html", LATIN.encode("latin-1")),
        _record(writer, "https://short.example/x", "301 Moved Permanently", "text/html", b"<a href='/y'>moved</a>"),
        _record(writer, "https://gone.example/", "404 Not Found", "text/html", b"<p>Not found</p>"),
        _record(writer, "https://cdn.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
        writer.create_warc_record("https://cafe.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")),
    ]
    for record in records:
        writer.write_record(record)
    return stream.getvalue()


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_only_successful_html_responses_are_pages(gzip):
    pages = list(warc_pages("crawl", io.BytesIO(_crawl(gzip)), max_bytes=1_000_000))
    assert [(p.url, p.media_type, p.charset) for p in pages] == [
        (PAGE_URL, "text/html", "utf-8"), ("https://cafe.example/", "text/html", None)]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_reader_gives_url_and_decodes_declared_charset(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(_crawl(gzip=name.endswith(".gz")))
    first, second = read_paths([path])
    assert isinstance(first, RawDocument) and first.url == PAGE_URL and first.source == f"{path}#{PAGE_URL}"
    assert "Café owners" in second.html


def test_record_over_the_size_limit_is_skipped():
    assert list(warc_pages("crawl", io.BytesIO(_crawl(True)), max_bytes=100)) == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"this is not a warc file at all", "not a readable WARC file"),
     (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated", "not a readable WARC file")],
    ids=["text", "truncated"],
)
def test_broken_warc_is_one_failure(tmp_path, data, reason):
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    [failure] = read_paths([path])
    assert isinstance(failure, Failure) and failure.reason.startswith(reason) and failure.source == str(path)


def test_warc_without_pages_says_so(tmp_path):
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    writer.write_record(_record(writer, "https://cdn.example/a.png", "200 OK", "image/png", b"\x89PNG"))
    path = tmp_path / "images.warc.gz"
    path.write_bytes(stream.getvalue())
    [failure] = read_paths([path])
    assert failure.reason == "WARC file holds no successful HTML or text responses"


def test_written_warc_reads_back():
    stream = io.BytesIO()
    page = WarcPage("https://a.example/story", "text/plain", "utf-8", "Zoë arrived on Monday.".encode())
    assert write_warc(stream, [page]) == 1
    stream.seek(0)
    assert list(warc_pages("w", stream, max_bytes=10_000)) == [page]


@pytest.mark.parametrize(
    ("header", "expected"),
    [("text/html; charset=UTF-8", ("text/html", "UTF-8")), ("TEXT/PLAIN", ("text/plain", None)),
     ('text/html; charset="iso-8859-1"', ("text/html", "iso-8859-1")), (None, ("", None))],
)
def test_media_type(header, expected):
    assert media_type(header) == expected


def test_warc_ingests_end_to_end(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_crawl(gzip=True))
    docs = [r for r in prepare(read_paths([path])) if isinstance(r, Document)]
    strike = docs[0]
    assert (strike.url, strike.outlet, strike.published.value.isoformat()) == (
        PAGE_URL, "The Harbour Courier", "2024-03-14")
    assert strike.text.startswith("Dock workers at the northern container port")


def test_not_a_warc_raises_ingest_error():
    with pytest.raises(IngestError):
        list(warc_pages("x", io.BytesIO(b""), max_bytes=10))
