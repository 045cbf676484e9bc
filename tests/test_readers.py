"""Tests for dateline.ingest.readers: files, directories, JSONL, decoding and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.readers import decode_bytes, read_paths
from dateline.model import Failure, Notice, RawDocument

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
        ("notes.pdf", b"%PDF-1.4", ("unsupported file type '.pdf': dateline reads .html .htm .xhtml .txt .jsonl "
                                    ".ndjson .warc .rss .atom .xml .zip .tar .tgz, and these gzipped (.gz)")),
    ],
    ids=["empty", "whitespace-only", "binary-txt", "binary-html", "unsupported"],
)
def test_bad_files_become_failures(tmp_path, name, data, reason):
    [result] = read_paths([_write(tmp_path, name, data)])
    assert result == Failure(str(tmp_path / name), "read", reason)


def test_missing_path_is_a_failure(tmp_path):
    [result] = read_paths([tmp_path / "nowhere.txt"])
    assert isinstance(result, Failure) and result.reason == "no such file or folder"


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
        if isinstance(result, Notice):
            assert _readable_message(result.message), result
            continue
        file_name = Path(result.source.split("!")[0].split("#")[0].rsplit(":", 1)[0]).name
        by_file.setdefault(file_name, []).append(result)
        if isinstance(result, Failure):
            assert result.reason.strip() and result.stage in ("read", "clean")
            assert result.stage == "clean" or _readable_message(result.reason), result
    assert set(by_file) == {*names, "zz-good.txt"}
    for name in SINGLE_DOCUMENT:
        assert len(by_file[name]) == 1, by_file[name]
    assert [type(r) for r in by_file["zz-good.txt"]] == [Document]
    assert by_file["zz-good.txt"][0].text == GOOD


# --- hostile input: each yields a clear Failure or Notice, never a traceback ----------------


def _readable_message(message: str) -> bool:
    """Short, printable, and free of raw bytes and exception reprs."""
    return 0 < len(message) <= 200 and message.isprintable() and not any(
        mark in message for mark in ("\\x", "b'", 'b"', "Error(", "Traceback"))


def _kinds(results) -> list[str]:
    return [type(r).__name__ for r in results]


FRENCH = "Le président a déclaré à Genève que l’accord était « très proche ». " * 20


@pytest.mark.parametrize(
    ("data", "replaced", "first_byte"),
    [
        (FRENCH.encode() + b"\xff", 1, len(FRENCH.encode())),
        (b"\x92" + FRENCH.encode(), 1, 0),
        (FRENCH.encode()[:100] + b"\xe9\x80\xff" + FRENCH.encode()[100:], 3, 100),
        ("Élysée: déjà vu".encode() + b"\xff", 1, len("Élysée: déjà vu".encode())),
    ],
    ids=["one-byte-at-end", "one-byte-at-start", "three-bytes", "short-text"],
)
def test_stray_bytes_in_utf8_are_replaced_with_a_notice(tmp_path, data, replaced, first_byte):
    path = _write(tmp_path, "stray.txt", data)
    notice, doc = read_paths([path])
    assert isinstance(notice, Notice) and notice.source == str(path) and notice.stage == "decode"
    plural = "byte" if replaced == 1 else "bytes"
    assert notice.message == f"{replaced} {plural} not valid UTF-8 replaced with U+FFFD (first at byte {first_byte})"
    assert "président" in doc.text or "Élysée" in doc.text
    assert "Ã" not in doc.text and "\ufffd" in doc.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Zürich, Málaga et Besançon ont voté".encode("cp1252"), "Zürich, Málaga et Besançon ont voté"),
        (("The minister’s plan " * 50 + "café").encode("cp1252"), "minister’s plan"),
        # Too many bad bytes for UTF-8 (more than 3, and more than 1 in 1,000): a genuine cp1252 file.
        ("Ça coûte très cher, dit-il à l’été".encode("cp1252") + "déjà".encode(), "Ça coûte très cher"),
    ],
    ids=["latin-1-accents", "one-quote-in-english", "cp1252-with-one-utf8-word"],
)
def test_genuine_cp1252_still_decodes_without_a_notice(tmp_path, data, expected):
    [doc] = read_paths([_write(tmp_path, "a.txt", data)])
    assert isinstance(doc, RawDocument) and expected in doc.text


@pytest.mark.parametrize(
    ("name", "encoding", "label"),
    [("le.txt", "utf-16-le", "UTF-16 little-endian"), ("be.txt", "utf-16-be", "UTF-16 big-endian"),
     ("le.html", "utf-16-le", "UTF-16 little-endian")],
    ids=["txt-le", "txt-be", "html-le"],
)
def test_utf16_without_bom_is_decoded_with_a_notice(tmp_path, name, encoding, label):
    text = "<p>Harbour pilots ended their ban on Friday, the port said.</p>" if name.endswith("html") else ACCENTED
    notice, doc = read_paths([_write(tmp_path, name, text.encode(encoding))])
    assert notice == Notice(str(tmp_path / name), "decode",
                            f"no byte order mark; encoding guessed as {label} from its zero bytes")
    assert (doc.html or doc.text) == text


def test_missing_paths_are_reported_first_and_the_rest_read(tmp_path):
    good = _write(tmp_path, "good.txt", b"A real article about the harbour.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    results = list(read_paths([good, tmp_path / "nowhere.txt", tmp_path / "dangling.txt"]))
    assert results[:2] == [
        Failure(str(tmp_path / "nowhere.txt"), "read", "no such file or folder"),
        Failure(str(tmp_path / "dangling.txt"), "read", "broken link: what it points to does not exist (or it loops)"),
    ]
    assert _kinds(results[2:]) == ["RawDocument"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("random.txt", bytes(range(1, 32)) * 20 + b"abc", "binary file (control characters), not text"),
        ("zeros.txt", b"\x00" * 1000, "binary file (NUL bytes), not text"),
        ("utf32.txt", "plain words".encode("utf-32-le"), "binary file (NUL bytes), not text"),
        ("blank16.txt", " \n \n".encode("utf-16"), "empty file"),
        ("crlf.html", b"\r\n\r\n", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("empty.zip", b"", "empty file"),
        ("empty.warc.gz", b"", "empty file"),
        ("empty.rss", b"", "empty file"),
        ("empty.txt.gz", __import__("gzip").compress(b""), "empty file"),
    ],
    ids=["control-chars", "all-nul", "utf32-no-bom", "utf16-whitespace", "blank-html", "empty-jsonl", "empty-zip",
         "empty-warc", "empty-feed", "gzipped-nothing"],
)
def test_empty_and_binary_files(tmp_path, name, data, reason):
    [result] = read_paths([_write(tmp_path, name, data)])
    assert result == Failure(str(tmp_path / name), "read", reason)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([b'{"text": "One."}', b"not json", b'{"text": "Three."}'],
         ["RawDocument", "line 2: invalid JSON: Expecting value at character 0", "RawDocument"]),
        ([b'"just a string"', b"42", b"null"],
         ["line 1: expected a JSON object, got str", "line 2: expected a JSON object, got int",
          "line 3: expected a JSON object, got NoneType"]),
        ([b"[" * 2000 + b"]" * 2000, b'{"text": "After."}'],
         ["line 1: invalid JSON: nested too deeply", "RawDocument"]),
        ([b'{"text": "' + b"x" * 5000 + b'"}', b'{"text": "Small."}'],
         ["line 1: over the 4 kB limit; skipped", "RawDocument"]),
        ([b'{"text": "Line\\u2028separator \xe2\x80\xa8 kept."}'], ["RawDocument"]),
        ([b'{"text": "Old Mac."}\r{"text": "Line endings."}'], ["RawDocument", "RawDocument"]),
    ],
    ids=["bad-json-between-good", "not-objects", "deep-nesting", "line-over-limit", "u2028-inside-string",
         "cr-line-endings"],
)
def test_jsonl_hostile_lines(tmp_path, lines, expected):
    results = list(read_paths([_write(tmp_path, "a.jsonl", b"\n".join(lines))], max_bytes=4096))
    assert [r.reason if isinstance(r, Failure) else type(r).__name__ for r in results] == expected


def test_jsonl_line_with_a_stray_byte_is_read_with_a_notice(tmp_path):
    data = '{"text": "Genève a voté."}\n'.encode() + b'{"text": "Z\xc3\xbcrich \xff"}\n'
    first, notice, second = read_paths([_write(tmp_path, "a.jsonl", data)])
    assert notice.source.endswith("a.jsonl:2") and notice.message.startswith("line 2: 1 byte not valid UTF-8")
    assert (first.text, second.text) == ("Genève a voté.", "Zürich \ufffd")


def test_jsonl_is_streamed_so_the_limit_applies_per_line(tmp_path):
    line = b'{"text": "' + b"word " * 100 + b'"}\n'
    path = _write(tmp_path, "big.jsonl", line * 50)  # 25 kB file, 0.5 kB lines
    results = list(read_paths([path], max_bytes=4096))
    assert _kinds(results) == ["RawDocument"] * 50


def test_utf16_jsonl_is_read(tmp_path):
    data = '{"text": "Première ligne."}\n{"text": "Deuxième."}\n'.encode("utf-16")
    assert [r.text for r in read_paths([_write(tmp_path, "a.jsonl", data)])] == ["Première ligne.", "Deuxième."]


def test_named_pipe_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _write(tmp_path, "z.txt", b"A good article.")
    results = list(read_paths([tmp_path]))
    assert results[0] == Failure(str(fifo), "read", "a named pipe, not a regular file; not read")
    assert _kinds(results[1:]) == ["RawDocument"]


def test_unreadable_file_is_a_failure_and_the_folder_goes_on(tmp_path, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reading: refuse the open instead.
    locked = _write(tmp_path, "a-locked.txt", b"Secret.")
    _write(tmp_path, "b-open.txt", b"A good article.")
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    locked_result, good = read_paths([tmp_path])
    assert locked_result == Failure(str(locked), "read", "cannot read the file (Permission denied)")
    assert good.text == "A good article."


@pytest.mark.parametrize("name", ["two\nlines.txt", "rich [bold]markup[/].txt", "tab\tand ✓.txt"],
                         ids=["newline", "brackets", "tab-unicode"])
def test_odd_file_names_are_carried_unchanged(tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)  # "[/]" makes a folder "...[" holding "].txt"
    path.write_bytes(b"An article with an odd file name.")
    [doc] = read_paths([tmp_path])
    assert doc.source == str(path)


def test_file_name_that_is_not_utf8_is_escaped_with_a_notice(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(b"An article in a badly named file.")
    notice, doc = read_paths([tmp_path])
    assert doc.source == notice.source == f"{tmp_path}/caf\\xe9.txt"
    assert isinstance(notice, Notice) and doc.source.encode("utf-8")


def test_folder_link_loops_are_not_followed_forever(tmp_path):
    top = tmp_path / "news"
    (top / "sub").mkdir(parents=True)
    _write(top, "a.txt", b"First article.")
    _write(top / "sub", "b.txt", b"Second article.")
    (top / "sub" / "up").symlink_to(top)
    (top / "twin").symlink_to(top / "sub")
    (top / "self.txt").symlink_to(top / "self.txt")
    results = list(read_paths([top]))
    assert [(Path(r.source).relative_to(top).as_posix(), type(r).__name__) for r in results] == [
        ("a.txt", "RawDocument"),
        ("self.txt", "Failure"),
        ("sub/b.txt", "RawDocument"),
        ("sub/up", "Notice"),
        ("twin", "Notice"),
    ]
    assert results[1].reason == "cannot read the file (Too many levels of symbolic links)"
    assert results[3].message == "link loops back to a folder above it; not followed"
    assert results[4].message == "link leads to a folder already read; not followed"


def test_linked_folder_is_read(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _write(elsewhere, "story.txt", b"An article kept elsewhere.")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "linked").symlink_to(elsewhere)
    [doc] = read_paths([tmp_path / "news"])
    assert doc.source == str(tmp_path / "news" / "linked" / "story.txt")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (lambda gz: gz.compress(b"First part. ") + gz.compress(b"Second part."), ["First part. Second part."]),
        (lambda gz: gz.compress(" ".join(map(str, range(3000))).encode())[:-200], ["Notice", "0 1 2 3"]),
        (lambda gz: gz.compress(b"Article.") + b"trailing junk", ["Notice", "Article."]),
        (lambda gz: gz.compress(b"Article.") + b"\x00" * 512, ["Article."]),
        (lambda gz: b"\x1f\x8b\x08\x00" + bytes(6) + b"\xff" * 20, ["not a readable gzip file (invalid block type)"]),
        (lambda gz: b"\x1f\x8b\x08\x00garbage", ["not a readable gzip file (it ends before any data)"]),
    ],
    ids=["two-members", "truncated", "trailing-junk", "zero-padding", "corrupt", "cut-in-header"],
)
def test_gzip_single_files(tmp_path, data, expected):
    import gzip

    results = list(read_paths([_write(tmp_path, "story.txt.gz", data(gzip))]))
    got = [r.reason if isinstance(r, Failure) else "Notice" if isinstance(r, Notice) else r.text for r in results]
    assert [g[:len(e)] for g, e in zip(got, expected, strict=True)] == expected
    assert all(_readable_message(r.message) for r in results if isinstance(r, Notice))


@pytest.mark.parametrize("declared", ["idna", "rot13", "base64", "x-user-defined", "utf-16"])
def test_odd_declared_charsets_never_raise(tmp_path, declared):
    data = f'<meta charset="{declared}"><p>Caf\xe9 du port</p>'.encode("latin-1")
    [doc] = read_paths([_write(tmp_path, "page.html", data)])
    assert "du port" in doc.html


# --- property: random bytes under any readable name never raise -------------------------------

RANDOM_NAMES = ("a.txt", "a.html", "a.jsonl", "a.zip", "a.warc.gz", "a.txt.gz", "a.rss", "a.tar.gz")


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=3000), st.binary(max_size=64).map(lambda b: b"PK\x03\x04" + b),
                      st.binary(max_size=64).map(lambda b: b"\x1f\x8b\x08\x00" + b),
                      st.binary(max_size=64).map(lambda b: b"WARC/1.0\r\n" + b)),
       name=st.sampled_from(RANDOM_NAMES))
def test_random_bytes_never_make_the_reader_raise(tmp_path_factory, data, name):
    folder = tmp_path_factory.mktemp("random")
    (folder / name).write_bytes(data)
    results = list(read_paths([folder]))
    assert results and all(isinstance(r, (RawDocument, Failure, Notice)) for r in results)
    for result in results:
        if not isinstance(result, RawDocument):
            assert _readable_message(getattr(result, "reason", None) or result.message), result


def test_jsonl_line_over_the_default_limit_is_skipped_without_stopping_the_file(tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"text": "Before."}\n{"text": "')
        handle.write(b"x" * (21 * 1024 * 1024))
        handle.write(b'"}\n{"text": "After."}\n')
    before, huge, after = read_paths([path])
    assert huge == Failure(f"{path}:2", "read", "line 2: over the 20 MB limit; skipped")
    assert (before.text, after.text) == ("Before.", "After.")
