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


# --- hostile archives: links, devices, escaping names, nesting, bombs -------------------------


def _readable_message(message: str) -> bool:
    return 0 < len(message) <= 200 and message.isprintable() and "\\x" not in message and "b'" not in message


def _zip_entry(name: str, data: bytes, mode: int | None = None) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.create_system = 3  # Unix: the mode lives in external_attr
        info.external_attr = mode << 16
    return info, data


def _encrypted(data: bytes, name: bytes) -> bytes:
    """The zip with `name` flagged as encrypted (bit 0 of the flags, local and central headers)."""
    patched = bytearray(data)
    for signature, flags_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        for offset in _all(patched, signature):
            if patched[offset + name_at: offset + name_at + len(name)] == name:
                patched[offset + flags_at] |= 0x1
    return bytes(patched)


def _zip_of(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return stream.getvalue()


def _tar_entry(name: str, kind: bytes = tarfile.REGTYPE, data: bytes = b"", link: str = "") -> tuple:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size = kind, link, len(data)
    return info, data


def _tar_of(entries: list[tuple], mode: str = "w") -> bytes:
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode=mode, format=tarfile.GNU_FORMAT) as archive:
        for info, data in entries:
            archive.addfile(info, io.BytesIO(data) if data else None)
    return stream.getvalue()


GOOD_ZIP = _zip_entry("good.txt", STORY)
GOOD_TAR = _tar_entry("good.txt", data=STORY)


@pytest.mark.parametrize(
    ("name", "build", "member", "reason"),
    [
        ("links.zip", lambda: _zip_of([_zip_entry("link.txt", b"/etc/passwd", 0o120777), GOOD_ZIP]),
         "link.txt", "symbolic link inside the archive; skipped"),
        ("dev.zip", lambda: _zip_of([_zip_entry("null.txt", b"", 0o020666), GOOD_ZIP]),
         "null.txt", "device file inside the archive; skipped"),
        ("dotdot.zip", lambda: _zip_of([_zip_entry("../../evil.txt", b"x"), GOOD_ZIP]),
         "../../evil.txt", "name escapes the archive (absolute path or '..'); skipped"),
        ("absolute.zip", lambda: _zip_of([_zip_entry("/etc/evil.txt", b"x"), GOOD_ZIP]),
         "/etc/evil.txt", "name escapes the archive (absolute path or '..'); skipped"),
        ("drive.zip", lambda: _zip_of([_zip_entry("C:/evil.txt", b"x"), GOOD_ZIP]),
         "C:/evil.txt", "name escapes the archive (absolute path or '..'); skipped"),
        ("secret.zip", lambda: _encrypted(_zip_of([_zip_entry("secret.txt", b"x"), GOOD_ZIP]), b"secret.txt"),
         "secret.txt", "encrypted archive member; dateline cannot read it without the password"),
        ("links.tar", lambda: _tar_of([_tar_entry("link.txt", tarfile.SYMTYPE, link="/etc/passwd"), GOOD_TAR]),
         "link.txt", "symbolic link inside the archive; skipped"),
        ("hard.tar", lambda: _tar_of([GOOD_TAR, _tar_entry("hard.txt", tarfile.LNKTYPE, link="good.txt")]),
         "hard.txt", "hard link inside the archive; skipped"),
        ("dev.tar", lambda: _tar_of([_tar_entry("tty.txt", tarfile.CHRTYPE), GOOD_TAR]),
         "tty.txt", "device file inside the archive; skipped"),
        ("fifo.tar", lambda: _tar_of([_tar_entry("pipe.txt", tarfile.FIFOTYPE), GOOD_TAR]),
         "pipe.txt", "named pipe inside the archive; skipped"),
        ("dotdot.tar.gz", lambda: _tar_of([_tar_entry("a/../../evil.txt", data=b"x"), GOOD_TAR], "w:gz"),
         "a/../../evil.txt", "name escapes the archive (absolute path or '..'); skipped"),
        ("link-to-jpg.tar", lambda: _tar_of([_tar_entry("photo.jpg", tarfile.SYMTYPE, link="/dev/zero"), GOOD_TAR]),
         "photo.jpg", "symbolic link inside the archive; skipped"),
    ],
    ids=["zip-symlink", "zip-device", "zip-dotdot", "zip-absolute", "zip-drive-letter", "zip-encrypted",
         "tar-symlink", "tar-hardlink", "tar-device", "tar-fifo", "tgz-dotdot", "tar-symlink-any-type"],
)
def test_unsafe_members_are_skipped_and_the_rest_read(tmp_path, name, build, member, reason):
    path = tmp_path / name
    path.write_bytes(build())
    results = list(read_paths([path]))
    failures = [r for r in results if isinstance(r, Failure)]
    assert failures == [Failure(f"{path}!{member}", "read", reason)]
    assert [r.text for r in results if isinstance(r, RawDocument)] == [STORY.decode()]


NESTED = "archive inside an archive inside an archive; dateline opens archives only one level deep: unpack it first"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"inner.zip": _zip({"story.txt": STORY})}, [("inner.zip!story.txt", "RawDocument")]),
        ({"inner.zip": _zip({"story.txt.gz": gzip.compress(STORY)})}, [("inner.zip!story.txt.gz", "RawDocument")]),
        ({"inner.zip": _zip({"deep.zip": _zip({"story.txt": STORY}), "ok.txt": STORY})},
         [("inner.zip!deep.zip", "Failure"), ("inner.zip!ok.txt", "RawDocument")]),
        ({"inner.tar": _tar({"deep.tar.gz": _tar({"story.txt": STORY})})}, [("inner.tar!deep.tar.gz", "Failure")]),
        ({"double.txt.gz": gzip.compress(gzip.compress(STORY))}, [("double.txt.gz", "Failure")]),
    ],
    ids=["one-level", "gzip-in-inner", "two-levels", "tgz-in-inner", "gzip-in-gzip"],
)
def test_archives_inside_archives_are_read_one_level_deep(tmp_path, files, expected):
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip(files))
    results = list(read_paths([path]))
    assert _sources(results) == expected
    for result in results:
        if isinstance(result, Failure):
            assert result.reason in (NESTED, "gzip file inside a gzip file; unpack it first")


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_decompression_bomb_is_refused_from_its_header(tmp_path, monkeypatch, kind):
    """A 21 MB member (a few kB compressed) over the default 20 MB limit is never decompressed."""
    bomb = b"\0" * (21 * 1024 * 1024)
    path = tmp_path / f"bomb.{kind}"
    path.write_bytes(_zip({"bomb.txt": bomb, "good.txt": STORY}) if kind == "zip"
                     else _tar({"bomb.txt": bomb, "good.txt": STORY}))
    opened: list[str] = []
    real_zip_open, real_extract = zipfile.ZipFile.open, tarfile.TarFile.extractfile
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info, *a, **k: (
        opened.append(getattr(info, "filename", info)), real_zip_open(self, info, *a, **k))[1])
    monkeypatch.setattr(tarfile.TarFile, "extractfile", lambda self, info: (
        opened.append(info.name), real_extract(self, info))[1])
    bomb_result, good = read_paths([path])
    assert bomb_result == Failure(f"{path}!bomb.txt", "read", "archive member is 21 MB once decompressed, "
                                                                "over the 20 MB limit; skipped")
    assert good.text == STORY.decode() and opened == ["good.txt"]


def test_zip_header_that_understates_the_size_is_caught_on_the_bytes_read(tmp_path):
    data = bytearray(_zip({"liar.txt": b"word " * 5000, "good.txt": STORY}))
    for offset in _all(data, b"PK\x01\x02"):  # central directory: uncompressed size at +24
        if data[offset + 46: offset + 54] == b"liar.txt":
            data[offset + 24: offset + 28] = (10).to_bytes(4, "little")
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(data))
    liar, good = read_paths([path], max_bytes=1000)
    assert isinstance(liar, Failure) and good.text == STORY.decode()


def _all(data: bytes, needle: bytes) -> list[int]:
    found, start = [], data.find(needle)
    while start >= 0:
        found.append(start)
        start = data.find(needle, start + 1)
    return found


def test_zip_with_overlapping_entries_is_refused(tmp_path):
    """Two central-directory entries sharing one local file (how "overlapping" zip bombs multiply)."""
    data = _zip({"a.txt": STORY})
    central = data.index(b"PK\x01\x02")
    end = data.index(b"PK\x05\x06")
    entry = data[central:end]
    twin = entry.replace(b"a.txt", b"b.txt")
    directory = entry + twin
    eocd = bytearray(data[end:])
    eocd[8:10] = eocd[10:12] = (2).to_bytes(2, "little")
    eocd[12:16] = len(directory).to_bytes(4, "little")
    path = tmp_path / "overlap.zip"
    path.write_bytes(data[:central] + directory + bytes(eocd))
    [failure] = read_paths([path])
    assert failure == Failure(str(path), "read", "zip archive whose entries overlap (a zip bomb); not read")


def test_too_many_entries_stop_the_archive(tmp_path, monkeypatch):
    monkeypatch.setattr("dateline.ingest.archives._MAX_MEMBERS", 3)
    path = tmp_path / "many.tar"
    path.write_bytes(_tar({f"d{i}/": b"" for i in range(5)} | {"good.txt": STORY}, "w"))
    [failure] = read_paths([path])
    assert failure.reason == "archive holds more than 3 entries; split it"


def test_compressed_tar_stops_after_too_much_oversized_data(tmp_path, monkeypatch):
    monkeypatch.setattr("dateline.ingest.archives._MAX_SKIPPED", 1500)
    path = tmp_path / "big.tar.gz"
    path.write_bytes(_tar({"a.txt": b"a" * 1000, "b.txt": b"b" * 1000, "c.txt": STORY}))
    a, b, stop = read_paths([path], max_bytes=500)
    assert "over the 500 bytes limit" in a.reason and "over the 500 bytes limit" in b.reason
    assert stop == Failure(str(path), "read", "rest of the archive not read: it holds more than 0 GB of "
                                              "oversized files to decompress and skip")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cut.zip", _zip({"a.txt": STORY, "b.txt": STORY})[:-30], "not a readable zip archive"),
        ("cut.tar.gz", _tar({"a.txt": STORY * 50, "b.txt": STORY * 50})[:-40], "tar archive is truncated or corrupt"),
        ("garbage.tar", b"\xff" * 2048, "not a readable tar archive"),
        ("garbage.zip", b"PK\x03\x04" + b"\xff" * 100, "not a readable zip archive"),
    ],
    ids=["truncated-zip", "truncated-tgz", "garbage-tar", "garbage-zip"],
)
def test_broken_archives_say_so_in_a_few_words(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_paths([path]))
    failure = results[-1]
    assert isinstance(failure, Failure) and failure.reason.startswith(reason) and _readable_message(failure.reason)


def test_tar_member_name_that_is_not_utf8_is_escaped(tmp_path):
    path = tmp_path / "names.tar"
    path.write_bytes(_tar_of([_tar_entry("caf\udce9.txt", data=STORY)]))
    [doc] = read_paths([path])
    assert doc.source == f"{path}!caf\\xe9.txt"
