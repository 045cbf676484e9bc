"""Tests for dateline.ingest.readers: files, directories, JSONL, decoding and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.readers import READABLE, decode_bytes, read_paths
from dateline.model import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ACCENTED = "Le ministre a déclaré à Genève que l’accord était « très proche » – côté français."


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
        ("page.html", b"<html>\x00\x00</html>", "binary file (NUL bytes), not text"),
        ("notes.pdf", b"%PDF-1.4", f"unsupported file type '.pdf': dateline reads {READABLE}"),
    ],
    ids=["empty", "whitespace-only", "binary-txt", "binary-html", "unsupported"],
)
def test_bad_files_become_failures(tmp_path, name, data, reason):
    [result] = read_paths([_write(tmp_path, name, data)])
    assert result == Failure(str(tmp_path / name), "read", reason)


def test_missing_path_is_a_failure(tmp_path):
    [result] = read_paths([tmp_path / "nowhere.txt"])
    assert isinstance(result, Failure) and result.reason == "no such file or directory"


def test_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    path = _write(tmp_path, "big.txt", b"word " * 320_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read an oversized file"))
    [result] = read_paths([path], max_bytes=1024 * 1024)
    assert result == Failure(str(path), "read", "file is 1.5 MB, over the 1 MB limit")


def test_default_size_limit_names_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 21 MB written to disk
        handle.truncate(21 * 1024 * 1024)
    [result] = read_paths([path])
    assert result.reason == "file is 21.0 MB, over the 20 MB limit"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cp1252.txt", ACCENTED.encode("cp1252")),
        ("latin1.txt", "Zürich, Málaga et Besançon ont voté à l'unanimité pour la réforme.".encode("latin-1")),
        ("utf8-bom.txt", "\ufeff".encode() + ACCENTED.encode("utf-8")),
        ("utf16.txt", ACCENTED.encode("utf-16")),
    ],
    ids=["cp1252", "latin-1", "utf-8-bom", "utf-16-bom"],
)
def test_text_encodings_decode_right(tmp_path, name, data):
    [result] = read_paths([_write(tmp_path, name, data)])
    assert isinstance(result, RawDocument)
    expected = "Zürich, Málaga et Besançon" if name == "latin1.txt" else ACCENTED
    assert result.text.lstrip("\ufeff").startswith(expected)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"), "Привет"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>déjà “vu”</p>'.encode("cp1252"), "déjà “vu”"),
        ('<meta charset="iso-8859-1"><p>naïve café</p>'.encode("utf-8"), "naïve café"),
    ],
    ids=["declared-cp1251", "latin1-label-means-cp1252", "mislabelled-utf8"],
)
def test_html_declared_charset(tmp_path, data, expected):
    [result] = read_paths([_write(tmp_path, "page.html", data)])
    assert expected in result.html


def test_decode_bytes_never_fails_on_garbage():
    assert isinstance(decode_bytes(bytes(range(1, 256))), str)


def test_directory_is_read_recursively_sorted_without_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    _write(tmp_path / "b", "two.txt", b"Second article text.")
    _write(tmp_path, "one.txt", b"First article text.")
    _write(tmp_path, ".hidden.txt", b"Hidden.")
    _write(tmp_path / ".cache", "three.txt", b"Cached.")
    results = list(read_paths([tmp_path]))
    assert [r.source for r in results] == [str(tmp_path / "b" / "two.txt"), str(tmp_path / "one.txt")]


def test_jsonl_bad_lines_do_not_stop_good_ones():
    results = list(read_paths([FIXTURES / "batch.jsonl"]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["RawDocument", "Failure", "Failure", "RawDocument"]
    first, bad_json, no_body, html = results
    assert (first.id, first.outlet, first.published) == ("wire-1", "Example Wire", "2024-03-13")
    assert first.source.endswith("batch.jsonl:1")
    assert bad_json.reason.startswith("line 2: invalid JSON: ")
    assert no_body.reason == "line 3: needs a 'text' or 'html' field"
    assert html.id == "3" and html.html and html.text is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "line 1: expected a JSON object, got list"),
        ('{"text": ""}', "line 1: needs a 'text' or 'html' field"),
        ('{"text": 42}', "line 1: needs a 'text' or 'html' field"),
        ("{not json", "line 1: invalid JSON: "),
    ],
    ids=["array", "empty-text", "number-text", "broken"],
)
def test_jsonl_line_reasons(tmp_path, line, reason):
    [result] = read_paths([_write(tmp_path, "a.jsonl", line.encode())])
    assert isinstance(result, Failure) and result.reason.startswith(reason)


def test_jsonl_prefers_text_over_html(tmp_path):
    record = {"text": "Plain body.", "html": "<p>Other body.</p>", "published": 20240301}
    [result] = read_paths([_write(tmp_path, "a.jsonl", json.dumps(record).encode())])
    assert (result.text, result.html, result.published) == ("Plain body.", None, "20240301")


# --- property: malformed input never stops a batch ------------------------------

GOOD = "The harbour board confirmed on Tuesday that the new ferry terminal will open in May after two years of work."
_TAGS = st.sampled_from(["p", "div", "article", "script", "table", "td", "html", "body", "meta", "a", "!--", "![CDATA["])
BROKEN_MARKUP = st.lists(
    st.one_of(_TAGS.map(lambda t: f"<{t}"), _TAGS.map(lambda t: f"</{t}>"), st.text(max_size=40), st.just("\"'=&#x;")),
    max_size=30,
).map("".join).map(lambda s: s.encode("utf-8", "surrogatepass"))
DEEP = st.integers(50, 3000).map(lambda n: (b"<div><span>" * n + b"deep text" + b"</b>" * (n // 2)))
HUGE_ATTRIBUTE = st.integers(1000, 200_000).map(lambda n: b'<p class="' + b"x" * n + b'">Hello.</p>')
MIXED_ENCODINGS = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6).map(
    lambda parts: b"".join(p.encode(enc, "replace") for p, enc in zip(parts, ["utf-8", "latin-1", "utf-16", "cp1252",
                                                                                 "shift_jis", "koi8-r"])))
BAD_PAYLOADS = st.one_of(st.binary(max_size=2000), BROKEN_MARKUP, DEEP, HUGE_ATTRIBUTE, MIXED_ENCODINGS)
SINGLE_DOCUMENT = ("page.html", "story.txt", "story.txt.gz")
CONTAINERS = ("crawl.warc", "crawl.warc.gz", "feed.rss", "news.zip", "news.tar.gz", "batch.jsonl")


def _as_file(name: str, payload: bytes, wrap: bool) -> bytes:
    """The payload as the file itself, or (when `wrap`) inside a well-formed container of that kind."""
    import gzip as gz
    import io
    import tarfile
    import zipfile

    if not wrap:
        return gz.compress(payload) if name == "story.txt.gz" else payload
    stream = io.BytesIO()
    if name == "news.zip":
        with zipfile.ZipFile(stream, "w") as archive:
            archive.writestr("inner.html", payload)
        return stream.getvalue()
    if name == "news.tar.gz":
        with tarfile.open(fileobj=stream, mode="w:gz") as archive:
            info = tarfile.TarInfo("inner.html")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
        return stream.getvalue()
    if name.startswith("crawl.warc"):
        from dateline.ingest.warc import WarcPage, write_warc

        write_warc(stream, [WarcPage("https://bad.example/", "text/html", None, payload)])
        return stream.getvalue() if name.endswith(".gz") else gz.decompress(stream.getvalue())
    if name == "feed.rss":
        return b"<rss><channel><item><title>t</title><description>" + payload + b"</description></item></channel></rss>"
    return b'{"html": ' + json.dumps(payload.decode("utf-8", "replace")).encode() + b"}\n" + payload


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(payload=BAD_PAYLOADS, wrap=st.booleans())
def test_bad_files_never_stop_the_batch(tmp_path_factory, payload, wrap):
    from dateline.ingest.prepare import prepare
    from dateline.model import Document

    folder = tmp_path_factory.mktemp("batch")
    names = (*SINGLE_DOCUMENT, *CONTAINERS)
    for name in names:
        (folder / name).write_bytes(_as_file(name, payload, wrap))
    (folder / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    results = list(prepare(read_paths([folder])))
    by_file: dict[str, list] = {}
    for result in results:
        file_name = Path(result.source.split("!")[0].split("#")[0].rsplit(":", 1)[0]).name
        by_file.setdefault(file_name, []).append(result)
        if isinstance(result, Failure):
            assert result.reason.strip() and result.stage in ("read", "clean")
    assert set(by_file) == {*names, "zz-good.txt"}
    for name in SINGLE_DOCUMENT:
        assert len(by_file[name]) == 1, by_file[name]
    assert [type(r) for r in by_file["zz-good.txt"]] == [Document]
    assert by_file["zz-good.txt"][0].text == GOOD
