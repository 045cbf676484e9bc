"""Members of zip and tar (optionally gzip/bz2/xz-compressed) archives.

`archive_members` walks an archive held in a binary stream and yields each
regular file's name and bytes, or the reason it was not read (over the size
limit). The readers decide what each member is from its name, so an archive can
hold any supported file, including other archives. Sizes are checked on the
bytes actually read, not on what the archive header claims.
"""

from __future__ import annotations

import logging
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal

from dateline.errors import IngestError

__all__ = ["ArchiveKind", "Member", "archive_members"]

logger = logging.getLogger(__name__)

ArchiveKind = Literal["zip", "tar"]
_MAX_MEMBERS = 100_000


@dataclass(frozen=True)
class Member:
    """One file inside an archive: its bytes, or why they were not read."""

    name: str
    data: bytes | None
    problem: str | None = None


def archive_members(source: str, stream: BinaryIO, kind: ArchiveKind, *, max_bytes: int) -> Iterator[Member]:
    """Every regular, non-hidden file in the archive, in archive order.

    Raises IngestError when the archive itself cannot be opened.
    """
    members = _zip_members(source, stream, max_bytes) if kind == "zip" else _tar_members(source, stream, max_bytes)
    for count, member in enumerate(members, start=1):
        if count > _MAX_MEMBERS:
            raise IngestError(source, f"archive holds more than {_MAX_MEMBERS} files; split it")
        yield member


def _zip_members(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Member]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(source, f"not a readable zip archive ({exc})") from None
    with archive:
        for info in archive.infolist():
            if info.is_dir() or _hidden(info.filename):
                continue
            try:
                with archive.open(info) as handle:
                    data = handle.read(max_bytes + 1)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
                yield Member(info.filename, None, f"unreadable archive member ({exc})")
                continue
            yield _sized(info.filename, data, max_bytes)


def _tar_members(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Member]:
    try:
        archive = tarfile.open(fileobj=stream, mode="r:*")
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise IngestError(source, f"not a readable tar archive ({exc})") from None
    with archive:
        try:
            for info in archive:
                if not info.isfile() or _hidden(info.name):
                    continue
                handle = archive.extractfile(info)
                yield _sized(info.name, handle.read(max_bytes + 1) if handle else b"", max_bytes)
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            raise IngestError(source, f"tar archive is truncated or corrupt ({exc})") from None


def _sized(name: str, data: bytes, max_bytes: int) -> Member:
    if len(data) > max_bytes:
        return Member(name, None, f"archive member is over the {max_bytes / 1024 / 1024:.3g} MB limit")
    return Member(name, data)


def _hidden(name: str) -> bool:
    """Dot-files and macOS resource forks, which archives often carry along."""
    parts = name.replace("\\", "/").split("/")
    return any(part.startswith(".") or part == "__MACOSX" for part in parts if part)
