"""Readers: turn files, directories, archives and standard input into RawDocuments.

Reads HTML pages (`.html`, `.htm`, `.xhtml`), plain-text articles (`.txt`), JSONL
(one article per line), WARC web archives (`.warc`, `.warc.gz`), RSS/Atom feeds
(`.rss`, `.atom`, `.xml`), zip and tar archives of any of these (`.zip`, `.tar`,
`.tar.gz`, `.tgz`), gzipped single files (`.html.gz`, `.jsonl.gz`, ...), and
standard input (the path "-", its kind sniffed from its first bytes). Bytes are
decoded robustly (`ingest.decode`). Every unreadable file, record or line becomes
one `Failure` with a human reason; one bad input never stops the batch. What was
repaired or guessed without losing the document (stray bytes replaced, an
encoding guessed, a truncated gzip read up to the cut) is a `Notice` beside it.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from dateline.errors import IngestError
from dateline.ingest.archives import archive_members
from dateline.ingest.decode import binary_problem, decode_text, looks_utf16, safe_name, short_cause, size_text
from dateline.ingest.feeds import looks_like_feed, read_feed
from dateline.ingest.warc import WarcProblem, warc_pages
from dateline.model import Failure, Notice, RawDocument

__all__ = ["DEFAULT_MAX_BYTES", "READABLE", "STDIN", "SUPPORTED_SUFFIXES", "decode_bytes", "kind_of", "read_data", "read_paths"]

logger = logging.getLogger(__name__)

Kind = Literal["html", "text", "jsonl", "warc", "feed", "zip", "tar", "gzip"]
Item = RawDocument | Failure | Notice

_MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * _MB
STDIN = "-"
_STDIN_SOURCE = "<stdin>"
# Longest suffixes first: ".warc.gz" is a WARC, ".html.gz" a gzipped page.
_SUFFIX_KINDS: tuple[tuple[str, Kind], ...] = (
    (".warc.gz", "warc"), (".tar.gz", "tar"), (".tar.bz2", "tar"), (".tar.xz", "tar"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".txt", "text"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".warc", "warc"), (".rss", "feed"),
    (".atom", "feed"), (".xml", "feed"), (".zip", "zip"), (".tar", "tar"), (".tgz", "tar"), (".gz", "gzip"),
)
SUPPORTED_SUFFIXES = tuple(suffix for suffix, _ in _SUFFIX_KINDS)
READABLE = (
    "HTML (.html .htm .xhtml), text (.txt), JSONL (.jsonl .ndjson), WARC (.warc .warc.gz), "
    "feeds (.rss .atom .xml), archives (.zip .tar .tar.gz .tgz) and any of these gzipped (.gz)"
)
_SHORT_READABLE = ".html .htm .xhtml .txt .jsonl .ndjson .warc .rss .atom .xml .zip .tar .tgz, and these gzipped (.gz)"
_CONTAINERS = ("warc", "zip", "tar")
# Streamed record by record or line by line, so the size limit applies to what they hold.
_STREAMED = (*_CONTAINERS, "jsonl")
# An archive inside an archive is opened; one inside that is a Failure. Gzip is no level.
_MAX_NESTING = 2
_NESTED = "archive inside an archive inside an archive; dateline opens archives only one level deep: unpack it first"
_SKIP_CHUNK = 1024 * 1024
_OPTIONAL_FIELDS = ("id", "url", "outlet", "published", "title", "author")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.I | re.S)
_FILE_TYPES = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
               (stat.S_ISBLK, "a device"))


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article in `paths`: files, directories (recursive, sorted), or "-" for stdin.

    Paths that do not exist are reported first, before anything is read.
    """
    given = [str(path) for path in paths]
    present = []
    for name in given:
        problem = None if name == STDIN else _missing(Path(name))
        if problem:
            yield Failure(safe_name(name), "read", problem)
        else:
            present.append(name)
    for name in present:
        if name == STDIN:
            yield from _guarded(_STDIN_SOURCE, lambda: _read_stdin(max_bytes))
        elif _is_dir(Path(name)):
            yield from _read_folder(Path(name), max_bytes)
        else:
            yield from _read_path(Path(name), max_bytes)


def count_articles(paths: Iterable[str | Path], *, max_bytes: int = 200_000_000) -> int | None:
    """About how many articles `paths` hold, cheaply, for a progress bar: one a page or text file, one a
    line of JSONL; None when a container (archive, WARC, feed, gzip, standard input) or more than
    `max_bytes` of JSONL makes it unknown."""
    total, jsonl_bytes = 0, 0
    for name in map(str, paths):
        path = Path(name)
        if name == STDIN:
            return None
        files = [f for f in _walk(path) if isinstance(f, Path) and kind_of(f.name)] if _is_dir(path) else [path]
        for file in files:
            kind = kind_of(file.name)
            if kind in ("html", "text"):
                total += 1
            elif kind == "jsonl":
                try:
                    jsonl_bytes += file.stat().st_size
                    if jsonl_bytes > max_bytes:
                        return None
                    total += sum(1 for line in file.open("rb") if line.strip())
                except OSError:
                    total += 1
            elif kind is None:
                total += 1  # read as one failure: "unsupported file type"
            else:
                return None
    return total


def read_data(source: str, data: bytes, kind: Kind | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
              depth: int = 0) -> Iterator[Item]:
    """The articles in `data` of the given kind (sniffed from the bytes when None)."""
    if not data.strip():
        yield Failure(source, "read", "empty file")
        return
    kind = kind or sniff(data)
    if kind == "gzip":
        yield from _read_gzip(source, data, max_bytes, depth)
    elif kind in _CONTAINERS:
        yield from _read_container(source, io.BytesIO(data), kind, max_bytes, depth)
    elif kind == "jsonl":
        yield from _read_jsonl(source, io.BytesIO(data), max_bytes)
    elif kind == "feed":
        yield from read_feed(source, data)
    else:
        yield from _read_single(source, data, kind == "html", None)


def kind_of(name: str) -> Kind | None:
    """What a file holds, from its name; None when dateline does not read it."""
    lower = name.lower()
    return next((kind for suffix, kind in _SUFFIX_KINDS if lower.endswith(suffix)), None)


def sniff(data: bytes) -> Kind:
    """What unnamed bytes (standard input) hold, from their first bytes."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if head[257:262] == b"ustar":
        return "tar"
    if looks_like_feed(head):
        return "feed"
    if _HTML_START.match(head.lstrip(codecs.BOM_UTF8)):
        return "html"
    first = next((line for line in head.splitlines() if line.strip()), b"")
    return "jsonl" if first.lstrip(codecs.BOM_UTF8).strip().startswith(b"{") else "text"


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes (see `ingest.decode.decode_text`, which also says what it repaired)."""
    return decode_text(data, declared).text


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").strip(".")
    # A <meta> readable as ASCII cannot be in UTF-16 or UTF-32: browsers then read UTF-8 (WHATWG).
    return "utf-8" if label.lower().replace("_", "-").startswith(("utf-16", "utf-32")) else label


def _guarded(source: str, read) -> Iterator[Item]:
    """Run one file's reader; anything it raises becomes that file's single Failure."""
    try:
        yield from read()
    except IngestError as exc:
        yield Failure(exc.source, "read", exc.problem)
    except OSError as exc:
        yield Failure(source, "read", f"cannot read the file ({short_cause(exc)})")
    except RecursionError:
        yield Failure(source, "read", "structure nested too deeply to read")
    # Malformed input surfaces from parsers as many exception types; none may stop the batch.
    except Exception as exc:  # noqa: BLE001
        logger.debug("reader failed on %s", source, exc_info=True)
        yield Failure(source, "read", f"unreadable file ({type(exc).__name__}: {short_cause(exc)})")


def _missing(path: Path) -> str | None:
    """Why a path given by the user cannot be found, or None when it is there."""
    try:
        if path.exists():
            return None
        if path.is_symlink():
            return "broken link: what it points to does not exist (or it loops)"
    except OSError as exc:
        return f"cannot reach it ({short_cause(exc)})"
    return "no such file or folder"


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Item]:
    """Every article under `folder`. A file of a kind dateline does not read (a README, an image, a
    database) is skipped with a Notice: a folder holds such files; named on its own, it is a Failure."""
    for found in _walk(folder):
        if not isinstance(found, Path):
            yield found
        elif kind_of(found.name) is None:
            yield Notice(safe_name(str(found)), "read", "not an article format dateline reads; skipped")
        else:
            yield from _read_path(found, max_bytes)


def _walk(folder: Path) -> Iterator[Path | Failure | Notice]:
    """Files under `folder` in sorted order, hidden ones skipped.

    Links to folders are followed once: a link back to a folder above it (a loop)
    or to a folder already read is a Notice, not a second reading.
    """
    real = Path(os.path.realpath(folder))
    seen = {real}
    stack: list[tuple[Path, tuple[Path, ...]]] = [(folder, (real,))]
    while stack:
        path, ancestors = stack.pop()
        if path is not folder and not _is_dir(path):
            yield path
            continue
        if path is not folder:
            real = Path(os.path.realpath(path))
            if real in seen:
                why = "loops back to a folder above it" if real in ancestors else "leads to a folder already read"
                yield Notice(safe_name(str(path)), "read", f"link {why}; not followed")
                continue
            seen.add(real)
            ancestors = (*ancestors, real)
        try:
            names = sorted(entry.name for entry in os.scandir(path))
        except OSError as exc:
            yield Failure(safe_name(str(path)), "read", f"cannot open the folder ({short_cause(exc)})")
            continue
        stack.extend((path / name, ancestors) for name in reversed(names) if not name.startswith("."))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # unreachable: reported when read as a file
        return False


def _read_path(path: Path, max_bytes: int) -> Iterator[Item]:
    source = safe_name(str(path))
    if source != str(path):
        yield Notice(source, "read", "file name is not valid UTF-8; its bad bytes are shown escaped")
    yield from _guarded(source, lambda: _read_file(path, source, max_bytes))


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(_STDIN_SOURCE, f"standard input is over the {size_text(max_bytes)} limit")
    yield from read_data(_STDIN_SOURCE, data, max_bytes=max_bytes)


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    kind = kind_of(path.name)
    problem = _file_problem(path, kind, max_bytes)
    if problem:
        yield Failure(source, "read", problem)
        return
    with path.open("rb") as stream:
        if kind in _STREAMED:
            reader = _read_jsonl(source, stream, max_bytes) if kind == "jsonl" else _read_container(
                source, stream, kind, max_bytes, 0)
            yield from reader
            return
        data = stream.read(max_bytes + 1)  # the file may have grown since it was measured
    if len(data) > max_bytes:
        yield Failure(source, "read", f"file is over the {size_text(max_bytes)} limit")
        return
    yield from read_data(source, data, kind, max_bytes=max_bytes)


def _file_problem(path: Path, kind: Kind | None, max_bytes: int) -> str | None:
    """Why `path` cannot be read at all, checked before reading any bytes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "broken link: what it points to does not exist" if path.is_symlink() else "no such file or folder"
    except OSError as exc:
        return f"cannot read the file ({short_cause(exc)})"
    if kind is None:
        return f"unsupported file type {_suffix(path.name)}: dateline reads {_SHORT_READABLE}"
    if not stat.S_ISREG(info.st_mode):
        what = next((name for test, name in _FILE_TYPES if test(info.st_mode)), "not a regular file")
        return f"{what}, not a regular file; not read"
    if info.st_size > max_bytes and kind not in _STREAMED:
        return f"file is {info.st_size / _MB:.1f} MB, over the {size_text(max_bytes)} limit"
    if info.st_size == 0 and kind in _STREAMED:
        return "empty file"
    return None


def _suffix(name: str) -> str:
    """The file's suffix, quoted and printable, for a message: '.pdf', or (none)."""
    suffix = Path(name).suffix
    return repr(suffix[:12]) if suffix and suffix.isprintable() else "(none)"


def _read_container(source: str, stream: BinaryIO, kind: Kind, max_bytes: int, depth: int) -> Iterator[Item]:
    if depth >= _MAX_NESTING:
        yield Failure(source, "read", _NESTED)
        return
    if kind == "warc":
        yield from _read_warc(source, stream, max_bytes)
    else:
        yield from _read_archive(source, stream, kind, max_bytes, depth)


def _read_archive(source: str, stream: BinaryIO, kind: Kind, max_bytes: int, depth: int) -> Iterator[Item]:
    found = False
    for member in archive_members(source, stream, kind, max_bytes=max_bytes):
        member_source = f"{source}!{member.name}"
        member_kind = kind_of(member.name)
        if member_kind is None and not member.unsafe:
            logger.debug("skipping %s: not a file type dateline reads", member_source)
            continue
        found = True
        if member.problem:
            yield Failure(member_source, "read", member.problem)
            continue
        yield from _guarded(member_source, lambda m=member, s=member_source, k=member_kind: read_data(
            s, m.data or b"", k, max_bytes=max_bytes, depth=depth + 1))
    if not found:
        yield Failure(source, "read", f"archive holds no file dateline reads ({_SHORT_READABLE})")


def _read_gzip(source: str, data: bytes, max_bytes: int, depth: int) -> Iterator[Item]:
    """A gzipped single file; what it holds comes from the name without ".gz", else its bytes.

    Gzip is a wrapper, not an archive level: a gzipped tar is a tar at the same depth.
    """
    plain, notice = _gunzip(source, data, max_bytes)
    inner = source[:-3] if source.lower().endswith(".gz") else ""
    kind = kind_of(inner) or sniff(plain)
    if plain.startswith(b"\x1f\x8b"):
        raise IngestError(source, "gzip file inside a gzip file; unpack it first")
    if notice:
        yield Notice(source, "read", notice)
    yield from read_data(source, plain, kind, max_bytes=max_bytes, depth=depth)


def _gunzip(source: str, data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Every gzip member of `data`, decompressed no further than the limit; and what was wrong."""
    plain = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            plain += inflater.decompress(rest, max_bytes + 1 - len(plain))
        except zlib.error as exc:
            if not plain:
                raise IngestError(source, f"not a readable gzip file ({short_cause(exc)})") from None
            return bytes(plain), f"bytes after the gzip data are not gzip ({short_cause(exc)}); ignored"
        if len(plain) > max_bytes:
            raise IngestError(source, f"file is over the {size_text(max_bytes)} limit once decompressed")
        if not inflater.eof:
            if not plain:
                raise IngestError(source, "not a readable gzip file (it ends before any data)")
            return bytes(plain), "gzip file is cut short (truncated); the text before the cut was read"
        rest = inflater.unused_data
        if rest.strip(b"\x00") and not rest.startswith(b"\x1f\x8b"):
            return bytes(plain), f"{len(rest)} bytes of non-gzip data after the end of the file ignored"
        if not rest.strip(b"\x00"):  # zero padding, as tape and some tools add
            break
    return bytes(plain), None


def _read_warc(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Item]:
    found = False
    for item in warc_pages(source, stream, max_bytes=max_bytes):
        found = found or not (isinstance(item, WarcProblem) and item.repaired)
        if isinstance(item, WarcProblem):
            yield _warc_problem(source, item)
            continue
        page_source = f"{source}#{item.url}" if item.url else source
        is_html = item.media_type == "text/html"
        declared = item.charset or (declared_html_charset(item.body) if is_html else None)
        yield from _read_single(page_source, item.body, is_html, declared, url=item.url)
    if not found:
        yield Failure(source, "read", "WARC file holds no successful HTML or text responses")


def _warc_problem(source: str, item: WarcProblem) -> Failure | Notice:
    if item.repaired:
        return Notice(source, "read", item.problem)
    where = f"#{item.url}" if item.url else f"#record-{item.record}"
    return Failure(f"{source}{where}", "read", f"WARC record {item.record}: {item.problem}")


def _read_single(source: str, data: bytes, is_html: bool, declared: str | None,
                 url: str | None = None) -> Iterator[Item]:
    if not data.strip():
        yield Failure(source, "read", "empty file")
        return
    decoded = decode_text(data, declared or (declared_html_charset(data) if is_html else None))
    problem = binary_problem(decoded.text) if decoded.text.strip() else "empty file"
    if problem:
        yield Failure(source, "read", problem)
        return
    if decoded.notice:
        yield Notice(source, "decode", decoded.notice)
    if is_html:
        yield RawDocument(source=source, html=decoded.text, url=url)
    else:
        yield RawDocument(source=source, text=decoded.text, url=url)


def _read_jsonl(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Item]:
    """One article per line, read line by line; the size limit applies to each line."""
    head = stream.read(4096)
    stream.seek(0)
    if looks_utf16(head):  # its newlines are two bytes: decode the whole file first
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(source, f"UTF-16 JSONL file is over the {size_text(max_bytes)} limit")
        decoded = decode_text(data)
        if decoded.notice:
            yield Notice(source, "decode", decoded.notice)
        lines = [(n, line) for n, line in enumerate(decoded.text.split("\n"), start=1) if line.strip()]
        yield from (_jsonl_record(f"{source}:{n}", n, line) for n, line in lines)
        if not lines:
            yield Failure(source, "read", "empty file")
        return
    guessed: str | None = None  # a non-UTF-8 encoding found on an earlier line, tried first on later ones
    blank = True
    for number, line in _lines(stream, max_bytes):
        line_source = f"{source}:{number}"
        if line is None:
            blank = False
            yield Failure(line_source, "read", f"line {number}: over the {size_text(max_bytes)} limit; skipped")
            continue
        if not line.strip():
            continue
        blank = False
        decoded = decode_text(line, guessed)
        if decoded.encoding not in ("utf-8", "utf-8-sig"):
            guessed = decoded.encoding
        if decoded.notice:
            yield Notice(line_source, "decode", f"line {number}: {decoded.notice}")
        yield _jsonl_record(line_source, number, decoded.text)
    if blank:  # a file of blank lines holds no record to fail: say so, as for any empty file
        yield Failure(source, "read", "empty file")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) of each line; None for a line over the limit, which is skipped unread.

    Lines end at LF, CRLF or a lone CR (which JSON never holds unescaped).
    """
    number = 0
    while line := stream.readline(max_bytes + 1):
        if len(line.rstrip(b"\r\n")) > max_bytes:
            while line and not line.endswith(b"\n"):
                line = stream.readline(_SKIP_CHUNK)
            number += 1
            yield number, None
            continue
        for part in line.rstrip(b"\r\n").split(b"\r"):
            number += 1
            yield number, part


def _jsonl_record(source: str, number: int, line: str) -> RawDocument | Failure:
    try:
        return _record_to_raw(source, line)
    except ValueError as exc:
        return Failure(source, "read", f"line {number}: {exc}")


def _record_to_raw(source: str, line: str) -> RawDocument:
    """One JSONL line as a RawDocument; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} at character {exc.pos}") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    body = {key: record.get(key) for key in ("text", "html")}
    body = {key: value for key, value in body.items() if isinstance(value, str) and value.strip()}
    if not body:
        raise ValueError("needs a 'text' or 'html' field")
    if "\x00" in next(iter(body.values())):
        raise ValueError("binary content (NUL characters), not text")
    # A given plain text is already the article; prefer it over re-extracting HTML.
    content = {"text": body["text"]} if "text" in body else {"html": body["html"]}
    fields = {key: _as_text(record.get(key)) for key in _OPTIONAL_FIELDS}
    return RawDocument(source=source, **content, **fields)


def _as_text(value: object) -> str | None:
    """A metadata value as a non-empty string, or None (JSON numbers become text)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
