"""Members of zip and tar (optionally gzip/bz2/xz-compressed) archives.

`archive_members` walks an archive held in a binary stream and yields each
regular file's name and bytes, or the reason it was not read. The readers decide
what each member is from its name, so an archive can hold any supported file,
including other archives. Nothing is ever written to disk.

Not read, each with its reason: symbolic and hard links, device files and pipes,
names that escape the archive (`..` or an absolute path), encrypted zip members,
and members over the size limit. A member whose header declares more than the
limit is refused without decompressing it; a header that lies is caught on the
bytes actually read (at most the limit plus one). A zip whose entries overlap
(the "overlapping files" zip bomb) is refused whole.
"""

from __future__ import annotations

import bz2
import gzip
import itertools
import logging
import lzma
import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal

from dateline.errors import IngestError
from dateline.ingest.decode import safe_name, short_cause, size_text

__all__ = ["ArchiveKind", "Member", "archive_members"]

logger = logging.getLogger(__name__)

ArchiveKind = Literal["zip", "tar"]
_MAX_MEMBERS = 100_000  # entries of any type, directories included
_MAX_SKIPPED = 1024 * 1024 * 1024  # bytes of oversized members a compressed tar may make us inflate and drop
_UNIX = 3  # zip "create_system" of archives made on Unix, whose external_attr holds a mode
_DRIVE = re.compile(r"^[A-Za-z]:")
_SPECIAL = (
    (stat.S_ISLNK, "symbolic link"), (stat.S_ISCHR, "device file"), (stat.S_ISBLK, "device file"),
    (stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"),
)


@dataclass(frozen=True)
class Member:
    """One file inside an archive: its bytes, or why they were not read."""

    name: str
    data: bytes | None
    problem: str | None = None
    unsafe: bool = False  # a link, device or name escaping the archive: reported whatever its file type


def archive_members(source: str, stream: BinaryIO, kind: ArchiveKind, *, max_bytes: int) -> Iterator[Member]:
    """Every regular, non-hidden file in the archive, in archive order, and every refused one.

    Raises IngestError when the archive itself cannot be opened, or breaks part way.
    """
    if kind == "zip":
        yield from _zip_members(source, stream, max_bytes)
    else:
        yield from _tar_members(source, stream, max_bytes)


def _zip_members(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Member]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise IngestError(source, f"not a readable zip archive ({short_cause(exc)})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > _MAX_MEMBERS:
            raise IngestError(source, f"archive holds more than {_MAX_MEMBERS} entries; split it")
        if _overlapping(infos):
            raise IngestError(source, "zip archive whose entries overlap (a zip bomb); not read")
        for info in infos:
            name = info.filename
            if info.is_dir() or (_hidden(name) and not _escapes(name)):
                continue
            yield _zip_refused(info, max_bytes) or _zip_member(archive, info, max_bytes)


def _zip_refused(info: zipfile.ZipInfo, max_bytes: int) -> Member | None:
    """The entry with the reason it is not read, judged from its header alone; None to read it."""
    name = info.filename
    if _escapes(name):
        return Member(name, None, _ESCAPE_PROBLEM, unsafe=True)
    mode = info.external_attr >> 16 if info.create_system == _UNIX else 0
    special = next((what for test, what in _SPECIAL if mode and test(mode)), None)
    if special:
        return Member(name, None, f"{special} inside the archive; skipped", unsafe=True)
    if info.flag_bits & 0x1:
        return Member(name, None, "encrypted archive member; dateline cannot read it without the password")
    if info.file_size > max_bytes:
        return Member(name, None, _over_limit(max_bytes, info.file_size))
    return None


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> Member:
    try:
        with archive.open(info) as handle:
            data = handle.read(max_bytes + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, ValueError, zlib.error) as exc:
        return Member(info.filename, None, f"unreadable archive member ({short_cause(exc)})")
    return _sized(info.filename, data, max_bytes)


def _overlapping(infos: list[zipfile.ZipInfo]) -> bool:
    """True when an entry's compressed data runs into the next entry's header."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    # 30 bytes of local header at least, plus the name: a lower bound on each entry's extent.
    return any(
        here.header_offset + 30 + len(here.orig_filename) + here.compress_size > after.header_offset
        for here, after in itertools.pairwise(ordered)
    )


def _tar_members(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Member]:
    try:
        archive = tarfile.open(fileobj=stream, mode="r:*")
    except (tarfile.TarError, OSError, EOFError, ValueError, lzma.LZMAError, zlib.error) as exc:
        raise IngestError(source, f"not a readable tar archive ({short_cause(exc)})") from None
    compressed = isinstance(archive.fileobj, (gzip.GzipFile, bz2.BZ2File, lzma.LZMAFile))
    skipped = 0
    with archive:
        try:
            for count, info in enumerate(archive, start=1):
                if count > _MAX_MEMBERS:
                    raise IngestError(source, f"archive holds more than {_MAX_MEMBERS} entries; split it")
                member = _tar_member(archive, info, max_bytes)
                if member is None:
                    continue
                if compressed and member.data is None and info.isfile():
                    skipped += info.size
                    if skipped > _MAX_SKIPPED:
                        yield member
                        raise IngestError(source, "rest of the archive not read: it holds more than "
                                          f"{_MAX_SKIPPED // 1024**3} GB of oversized files to decompress and skip")
                yield member
        except (tarfile.TarError, OSError, EOFError, ValueError, lzma.LZMAError, zlib.error) as exc:
            raise IngestError(source, f"tar archive is truncated or corrupt ({short_cause(exc)})") from None


def _tar_member(archive: tarfile.TarFile, info: tarfile.TarInfo, max_bytes: int) -> Member | None:
    """The member's bytes, its problem, or None for what is skipped silently (folders, hidden files)."""
    name = safe_name(info.name)
    if info.isdir() or (_hidden(name) and not _escapes(name)):
        return None
    if _escapes(name):
        return Member(name, None, _ESCAPE_PROBLEM, unsafe=True)
    if info.issym() or info.islnk():
        link = "symbolic" if info.issym() else "hard"
        return Member(name, None, f"{link} link inside the archive; skipped", unsafe=True)
    if not info.isfile():
        what = "device file" if info.ischr() or info.isblk() else "named pipe" if info.isfifo() else "special file"
        return Member(name, None, f"{what} inside the archive; skipped", unsafe=True)
    if info.size > max_bytes:
        return Member(name, None, _over_limit(max_bytes, info.size))
    handle = archive.extractfile(info)
    return _sized(name, handle.read(max_bytes + 1) if handle else b"", max_bytes)


_ESCAPE_PROBLEM = "name escapes the archive (absolute path or '..'); skipped"


def _escapes(name: str) -> bool:
    """True for absolute names and names with a '..' part, which point outside the archive."""
    normal = name.replace("\\", "/")
    return normal.startswith("/") or bool(_DRIVE.match(normal)) or ".." in normal.split("/")


def _sized(name: str, data: bytes, max_bytes: int) -> Member:
    if len(data) > max_bytes:
        return Member(name, None, _over_limit(max_bytes))
    return Member(name, data)


def _over_limit(max_bytes: int, size: int | None = None) -> str:
    limit = size_text(max_bytes)
    if size is None:
        return f"archive member is over the {limit} limit once decompressed; skipped"
    return f"archive member is {size_text(size)} once decompressed, over the {limit} limit; skipped"


def _hidden(name: str) -> bool:
    """Dot-files and macOS resource forks, which archives often carry along."""
    parts = name.replace("\\", "/").split("/")
    return any(part.startswith(".") or part == "__MACOSX" for part in parts if part)
