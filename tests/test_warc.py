"""Tests for dateline.ingest.warc and the WARC reader: pages in, everything else skipped."""

from __future__ import annotations

import gzip as gzip_module
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


def test_record_over_the_size_limit_is_its_own_problem():
    problems = list(warc_pages("crawl", io.BytesIO(_crawl(True)), max_bytes=100))
    assert [(p.record, p.url, p.problem) for p in problems] == [
        (1, PAGE_URL, "record is over the 100 bytes limit; skipped"),
        (2, "https://cafe.example/", "record is over the 100 bytes limit; skipped"),
    ]


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


# --- hostile WARCs: one Failure per bad file or record, good records still read -----------------


def _readable_message(message: str) -> bool:
    return 0 < len(message) <= 200 and message.isprintable() and not any(
        mark in message for mark in ("\\x", "b'", "Error(", "NoneType", "first line"))


def _pages(*urls: str, gzip: bool = True) -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=gzip)
    for url in urls:
        writer.write_record(_record(writer, url, "200 OK", "text/html", b"<p>Ferry service resumed on Monday.</p>"))
    return stream.getvalue()


def _raw_record(headers: str, body: bytes) -> bytes:
    block = headers.replace("\n", "\r\n").encode() + b"\r\n" + body
    return block + b"\r\n\r\n"


def _without_uri() -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>No address.</p>"
    return _raw_record(f"WARC/1.0\nWARC-Type: response\nContent-Length: {len(http)}\n", http)


def _bad_status() -> bytes:
    body = b"GARBAGE THAT IS NOT HTTP\r\n\r\n<p>x</p>"
    return _raw_record(f"WARC/1.0\nWARC-Type: response\nWARC-Target-URI: https://bad.example/\n"
                       f"Content-Length: {len(body)}\n", body)


A, B = "https://a.example/", "https://b.example/"
BAD_WARCS = [
    # (name, data, [(source suffix, kind, reason prefix)])
    ("garbage.warc", bytes(range(256)) * 8, [("", "Failure", "not a readable WARC file (it does not start with a WARC")]),
    ("text.warc.gz", gzip_module.compress(b"hello, this is no WARC"),
     [("", "Failure", "not a readable WARC file (it does not start with a WARC")]),
    ("header-cut.warc", b"WARC/1.0\r\nWARC-Type: response\r\n", [("", "Failure", "not a readable WARC file")]),
    ("body-cut.warc.gz", _pages(A, B)[:-60],
     [(f"#{A}", "RawDocument", ""), ("", "Failure", ("not a readable WARC file after record 1 (the file ends "
                                                     "inside record 2: truncated); the records before it were read"))]),
    ("body-cut.warc", gzip_module.decompress(_pages(A, B))[:-60],
     [(f"#{A}", "RawDocument", ""), ("", "Failure", "not a readable WARC file after record 1 (the file ends inside")]),
    ("no-uri.warc", _without_uri() + gzip_module.decompress(_pages(A)),
     [("#record-1", "Failure", "WARC record 1: response record has no target URI (WARC-Target-URI); skipped"),
      (f"#{A}", "RawDocument", "")]),
    ("bad-status.warc", _bad_status() + gzip_module.decompress(_pages(A)),
     [("#https://bad.example/", "Failure", "WARC record 1: response record has no readable HTTP status line"),
      (f"#{A}", "RawDocument", "")]),
    ("trailing-garbage.warc.gz", _pages(A) + b"\xff\x00 junk " * 300,
     [(f"#{A}", "RawDocument", ""), ("", "Failure", "not a readable WARC file after record 1 (Invalid WARC record)")]),
    ("one-gzip-stream.warc.gz", gzip_module.compress(gzip_module.decompress(_pages(A, B))),
     [(f"#{A}", "RawDocument", ""), (f"#{B}", "RawDocument", "")]),
    ("no-length.warc", _raw_record("WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: https://c.example/\n", b"x"),
     [("", "Failure", "not a readable WARC file (record 1 has no Content-Length)")]),
    ("wrong-length.warc", _raw_record("WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: https://c.example/\n"
                                      "Content-Type: text/plain\nContent-Length: 3\n", b"Three words here.")
     + gzip_module.decompress(_pages(A)),
     [("#https://c.example/", "RawDocument", ""), (f"#{A}", "RawDocument", ""),
      ("", "Notice", "1 record not followed by a blank line (a wrong Content-Length?)")]),
]


@pytest.mark.parametrize(("name", "data", "expected"), BAD_WARCS, ids=[case[0] for case in BAD_WARCS])
def test_bad_warcs_fail_clearly_and_keep_good_records(tmp_path, capsys, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_paths([path]))
    got = [(r.source[len(str(path)):], type(r).__name__, getattr(r, "reason", None) or getattr(r, "message", ""))
           for r in results]
    assert [(s, k, m[:len(e)]) for (s, k, m), (_, _, e) in zip(got, expected, strict=True)] == expected
    assert all(_readable_message(m) for _, kind, m in got if kind != "RawDocument")
    assert capsys.readouterr().err == ""  # warcio's warnings are counted, not printed

