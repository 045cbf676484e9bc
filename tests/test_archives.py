"""Tests for archives (zip, tar, tar.gz), gzipped files and standard input through the readers."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from dateline.errors import IngestError
from dateline.ingest.archives import Member, archive_members
from dateline.ingest.readers import read_data, read_paths, sniff
from dateline.model import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
STORY = b"The council approved the new cycle lanes on Thursday after a two-hour debate.\n"
PAGE = b"<html><body><p>Harbour pilots ended their overtime ban on Friday, the port said.</p></body></html>"
FILES = {
    "a/story.txt": STORY,
    "a/page.html": PAGE,
    "b/batch.jsonl": b'{"text": "Snow closed the mountain pass on Sunday night."}\nnot json\n',
    "b/feed.rss": (FIXTURES / "feed.rss").read_bytes(),
    "b/photo.jpg": b"\xff\xd8\xff",
    ".hidden/skip.txt": b"should never be read",
    "__MACOSX/a/._story.txt": b"resource fork",
}


def _zip(files: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return stream.getvalue()


def _tar(files: dict[str, bytes], mode: str = "w:gz") -> bytes:
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode=mode) as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return stream.getvalue()


def _sources(results) -> list[tuple[str, str]]:
    return [(r.source.split("!", 1)[1], type(r).__name__) for r in results]


EXPECTED = [
    ("a/story.txt", "RawDocument"),
    ("a/page.html", "RawDocument"),
    ("b/batch.jsonl:1", "RawDocument"),
    ("b/batch.jsonl:2", "Failure"),
    ("b/feed.rss#item-1", "RawDocument"),
    ("b/feed.rss#item-2", "RawDocument"),
    ("b/feed.rss#item-3", "Failure"),
]


@pytest.mark.parametrize(
    ("name", "build"),
    [("news.zip", lambda: _zip(FILES)), ("news.tar.gz", lambda: _tar(FILES)), ("news.tgz", lambda: _tar(FILES)),
     ("news.tar", lambda: _tar(FILES, "w"))],
)
def test_archive_members_read_like_files(tmp_path, name, build):
    path = tmp_path / name
    path.write_bytes(build())
    results = list(read_paths([path]))
    assert _sources(results) == EXPECTED
    assert all(r.source.startswith(f"{path}!") for r in results)


def test_archive_inside_archive(tmp_path):
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip({"inner.tar.gz": _tar({"story.txt": STORY})}))
    [doc] = read_paths([path])
    assert doc.source == f"{path}!inner.tar.gz!story.txt" and doc.text == STORY.decode()


def test_member_over_the_limit_is_its_own_failure(tmp_path):
    path = tmp_path / "big.zip"
    path.write_bytes(_zip({"big.txt": b"word " * 1000, "small.txt": STORY}))
    big, small = read_paths([path], max_bytes=1000)
    assert isinstance(big, Failure) and "over the" in big.reason and isinstance(small, RawDocument)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [("broken.zip", b"PK\x03\x04 not really a zip", "not a readable zip archive"),
     ("broken.tar.gz", b"\x1f\x8b\x08 truncated", "not a readable tar archive"),
     ("photos.zip", None, "archive holds no file dateline reads")],
)
def test_bad_archive_is_one_failure(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data if data is not None else _zip({"a.jpg": b"\xff\xd8"}))
    [failure] = read_paths([path])
    assert isinstance(failure, Failure) and failure.reason.startswith(reason)


@pytest.mark.parametrize(("name", "inner"), [("story.txt.gz", STORY), ("page.html.gz", PAGE)])
def test_gzipped_single_file(tmp_path, name, inner):
    path = tmp_path / name
    path.write_bytes(gzip.compress(inner))
    [doc] = read_paths([path])
    assert (doc.text or doc.html).encode() == inner


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    [failure] = read_paths([path], max_bytes=100_000)
    assert failure.reason.endswith("once decompressed")


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PAGE, "html"), (b"  <!DOCTYPE html><p>x</p>", "html"), (STORY, "text"), (b'{"text": "x"}\n', "jsonl"),
     (b"<?xml version='1.0'?><rss>", "feed"), (b"WARC/1.1\r\n", "warc"), (_zip({"a.txt": STORY}), "zip"),
     (gzip.compress(STORY), "gzip"), (_tar({"a.txt": STORY}, "w"), "tar")],
)
def test_sniff(data, kind):
    assert sniff(data) == kind


@pytest.mark.parametrize(
    ("data", "expected"),
    [(STORY, [("<stdin>", "RawDocument")]),
     (_zip({"x.txt": STORY}), [("<stdin>!x.txt", "RawDocument")]),
     (gzip.compress(PAGE), [("<stdin>", "RawDocument")]),
     (b"", [("<stdin>", "Failure")])],
    ids=["text", "zip", "gzipped-html", "empty"],
)
def test_standard_input(monkeypatch, data, expected):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [(r.source, type(r).__name__) for r in read_paths(["-"])] == expected


def test_read_data_names_nothing_on_disk():
    [doc] = read_data("memory", PAGE)
    assert doc.html and doc.source == "memory"


def test_archive_members_skips_hidden_files():
    members = list(archive_members("z", io.BytesIO(_zip(FILES)), "zip", max_bytes=10_000))
    assert [m.name for m in members] == [n for n in FILES if not n.startswith((".", "__"))]
    assert members[0] == Member("a/story.txt", STORY)


def test_unreadable_archive_raises():
    with pytest.raises(IngestError):
        list(archive_members("z", io.BytesIO(b"nope"), "tar", max_bytes=10))
