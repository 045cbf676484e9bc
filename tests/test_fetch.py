"""Tests for dateline.ingest.fetch and `dateline fetch`, against a local HTTP server (never the internet)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest.fetch import USER_AGENT, fetch_pages, fetch_to_warc
from dateline.ingest.readers import read_paths
from dateline.model import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "furniture_page.html").read_bytes()
PLAIN = "Résumé of the council meeting: the budget passed by nine votes to four on Monday.".encode("latin-1")
SEEN_AGENTS: list[str] = []
# path -> (status, content type, body, seconds to wait before answering)
ROUTES = {
    "/article": (200, "text/html; charset=utf-8", ARTICLE, 0),
    "/plain": (200, "text/plain; charset=iso-8859-1", PLAIN, 0),
    "/big": (200, "text/html", b"<p>" + b"word " * 50_000 + b"</p>", 0),
    "/slow": (200, "text/html", b"<p>late</p>", 2),
    "/image": (200, "image/png", b"\x89PNG\r\n", 0),
    "/missing": (404, "text/html", b"<p>gone</p>", 0),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, kind, body, delay = ROUTES.get(self.path, ROUTES["/missing"])
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size limit), as intended

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/image", "not an article page (content type 'image/png')"),
        ("/big", "page is 0.2 MB, over the 0.0954 MB limit"),
        ("/slow", "timed out after 0.5s; raise --timeout or try later"),
    ],
)
def test_failures_say_why(server, path, reason):
    pages, [failure] = fetch_pages([server + path], timeout=0.5, max_bytes=100_000)
    assert pages == [] and failure == Failure(server + path, "fetch", reason)


@pytest.mark.parametrize(
    ("url", "start"), [("ftp://example.com/x", "not an http(s) URL"), ("http://127.0.0.1:9/", "could not connect")]
)
def test_bad_urls(url, start):
    _, [failure] = fetch_pages([url], timeout=1)
    assert failure.reason.startswith(start)


def test_pages_keep_final_url_type_and_charset(server):
    pages, failures = fetch_pages([server + "/moved", server + "/plain"], timeout=5)
    assert failures == []
    assert [(p.url, p.media_type, p.charset) for p in pages] == [
        (server + "/article", "text/html", "utf-8"), (server + "/plain", "text/plain", "iso-8859-1")]
    assert pages[0].body == ARTICLE
    assert SEEN_AGENTS[-1] == USER_AGENT and USER_AGENT.startswith("dateline/")


def test_saved_warc_reads_back_as_articles(server, tmp_path):
    report = fetch_to_warc([server + "/article", server + "/plain", server + "/missing"], tmp_path, timeout=5)
    assert report.pages == 2 and len(report.failures) == 1 and report.warc.name.endswith(".warc.gz")
    page, plain = read_paths([report.warc])
    assert isinstance(page, RawDocument) and page.url == server + "/article" and "Dock workers" in page.html
    assert plain.text.startswith("Résumé of the council meeting")


def test_nothing_fetched_writes_no_file(server, tmp_path):
    report = fetch_to_warc([server + "/missing"], tmp_path / "out", timeout=5)
    assert report.warc is None and not (tmp_path / "out").exists()


def test_command_reports_failure_when_nothing_fetched(server, tmp_path):
    from dateline.errors import DatelineError

    with pytest.raises(DatelineError, match="no page could be fetched"):
        CliRunner().invoke(app, ["fetch", server + "/missing", "--db", str(tmp_path / "x.db")],
                           catch_exceptions=False)


@pytest.mark.slow
def test_command_fetches_and_ingests(server, tmp_path):
    from dateline.store import Store

    db = tmp_path / "story.db"
    result = CliRunner().invoke(app, ["fetch", server + "/article", server + "/image", "--db", str(db), "--timeout", "5"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "fetched 1 page" in result.output and "added 1" in result.output
    assert list((tmp_path / "fetched").glob("fetch-*.warc.gz"))
    with Store(db) as store:
        [doc] = store.documents()
    assert (doc.url, doc.published.value.isoformat()) == (server + "/article", "2024-03-14")


def test_httpx_is_imported_only_when_fetching():
    """Every `dateline` command (and each ingest worker) imports this module; only `fetch` needs httpx."""
    import subprocess
    import sys

    code = "import sys, dateline.cli, dateline.ingest.fetch; print('httpx' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
