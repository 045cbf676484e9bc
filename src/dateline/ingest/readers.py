"""Readers: turn files, directories, archives and standard input into RawDocuments.

Reads HTML pages (`.html`, `.htm`, `.xhtml`), plain-text articles (`.txt`), JSONL
(one article per line), WARC web archives (`.warc`, `.warc.gz`), RSS/Atom feeds
(`.rss`, `.atom`, `.xml`), zip and tar archives of any of these (`.zip`, `.tar`,
`.tar.gz`, `.tgz`), gzipped single files (`.html.gz`, `.jsonl.gz`, ...), and
standard input (the path "-", its kind sniffed from its first bytes). Bytes are
decoded robustly (BOM, declared charset, UTF-8, then a guess). Every unreadable
file, record or line becomes one `Failure` with a human reason; one bad input
never stops the batch.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

import charset_normalizer

from dateline.errors import IngestError
from dateline.ingest.archives import archive_members
from dateline.ingest.feeds import looks_like_feed, read_feed
from dateline.ingest.warc import warc_pages
from dateline.model import Failure, RawDocument

__all__ = ["DEFAULT_MAX_BYTES", "READABLE", "STDIN", "SUPPORTED_SUFFIXES", "decode_bytes", "kind_of", "read_data", "read_paths"]

logger = logging.getLogger(__name__)

Kind = Literal["html", "text", "jsonl", "warc", "feed", "zip", "tar", "gzip"]

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
# Containers are streamed record by record, so the size limit applies to what they hold.
_CONTAINERS = ("warc", "zip", "tar")
_MAX_NESTING = 3  # archives inside archives, at most this deep
_OPTIONAL_FIELDS = ("id", "url", "outlet", "published", "title", "author")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.I | re.S)
# Browsers read these labels as windows-1252 (WHATWG), which defines 0x80-0x9F.
# charset-normalizer often calls short windows-1252 text one of these cousins.
_LATIN_GUESSES = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "mac_roman", "cp1254", "iso8859_9"}
_WESTERN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp1252", "windows-1252"}


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Failure]:
    """Every article in `paths`: files, directories (recursive, sorted), or "-" for stdin."""
    for path in _expand(paths):
        if str(path) == STDIN:
            yield from _guarded(_STDIN_SOURCE, lambda: _read_stdin(max_bytes))
        else:
            yield from _guarded(str(path), lambda path=path: _read_file(path, max_bytes))


def read_data(source: str, data: bytes, kind: Kind | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
              depth: int = 0) -> Iterator[RawDocument | Failure]:
    """The articles in `data` of the given kind (sniffed from the bytes when None)."""
    if not data.strip():
        yield Failure(source, "read", "empty file")
        return
    kind = kind or sniff(data)
    if kind in _CONTAINERS or kind == "gzip":
        yield from _read_container(source, io.BytesIO(data), kind, max_bytes, depth)
    elif kind == "jsonl":
        yield from _read_jsonl(source, data)
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


def _guarded(source: str, read) -> Iterator[RawDocument | Failure]:
    """Run one file's reader; anything it raises becomes that file's single Failure."""
    try:
        yield from read()
    except IngestError as exc:
        yield Failure(exc.source, "read", exc.problem)
    # Malformed input surfaces from parsers as many exception types; none may stop the batch.
    except Exception as exc:  # noqa: BLE001
        logger.debug("reader failed on %s", source, exc_info=True)
        yield Failure(source, "read", f"unreadable file ({type(exc).__name__}: {exc})")


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
            if found.is_file() and not hidden:
                yield found


def _read_stdin(max_bytes: int) -> Iterator[RawDocument | Failure]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(_STDIN_SOURCE, f"standard input is over the {max_bytes / _MB:.3g} MB limit")
    yield from read_data(_STDIN_SOURCE, data, max_bytes=max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | Failure]:
    source = str(path)
    kind = kind_of(path.name)
    problem = _file_problem(path, kind, max_bytes)
    if problem:
        yield Failure(source, "read", problem)
        return
    if kind in _CONTAINERS:
        if path.stat().st_size == 0:
            yield Failure(source, "read", "empty file")
            return
        with path.open("rb") as stream:
            yield from _read_container(source, stream, kind, max_bytes, 0)
        return
    yield from read_data(source, path.read_bytes(), kind, max_bytes=max_bytes)


def _file_problem(path: Path, kind: Kind | None, max_bytes: int) -> str | None:
    """Why `path` cannot be read at all, checked before reading any bytes."""
    if not path.exists():
        return "no such file or directory"
    if kind is None:
        return f"unsupported file type {path.suffix or '(none)'!r}: dateline reads {READABLE}"
    size = path.stat().st_size
    if size > max_bytes and kind not in _CONTAINERS:
        return f"file is {size / _MB:.1f} MB, over the {max_bytes / _MB:.3g} MB limit"
    return None


def _read_container(source: str, stream: BinaryIO, kind: Kind, max_bytes: int,
                    depth: int) -> Iterator[RawDocument | Failure]:
    if depth >= _MAX_NESTING:
        yield Failure(source, "read", f"archives nested more than {_MAX_NESTING} deep")
        return
    if kind == "gzip":
        yield from _read_gzip(source, stream.read(), max_bytes, depth)
    elif kind == "warc":
        yield from _read_warc(source, stream, max_bytes)
    else:
        yield from _read_archive(source, stream, kind, max_bytes, depth)


def _read_archive(source: str, stream: BinaryIO, kind: Kind, max_bytes: int,
                  depth: int) -> Iterator[RawDocument | Failure]:
    found = False
    for member in archive_members(source, stream, kind, max_bytes=max_bytes):
        member_source = f"{source}!{member.name}"
        member_kind = kind_of(member.name)
        if member_kind is None:
            logger.debug("skipping %s: not a file type dateline reads", member_source)
            continue
        found = True
        if member.problem:
            yield Failure(member_source, "read", member.problem)
            continue
        yield from _guarded(member_source, lambda m=member, s=member_source, k=member_kind: read_data(
            s, m.data or b"", k, max_bytes=max_bytes, depth=depth + 1))
    if not found:
        yield Failure(source, "read", f"archive holds no file dateline reads: {READABLE}")


def _read_gzip(source: str, data: bytes, max_bytes: int, depth: int) -> Iterator[RawDocument | Failure]:
    """A gzipped single file; what it holds comes from the name without ".gz", else its bytes."""
    try:
        inflater = zlib.decompressobj(wbits=31)
        plain = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise IngestError(source, f"not a readable gzip file ({exc})") from None
    if len(plain) > max_bytes:
        raise IngestError(source, f"file is over the {max_bytes / _MB:.3g} MB limit once decompressed")
    inner = source[:-3] if source.lower().endswith(".gz") else ""
    kind = kind_of(inner) or sniff(plain)
    if kind in _CONTAINERS:
        yield from _read_container(source, io.BytesIO(plain), kind, max_bytes, depth + 1)
    else:
        yield from read_data(source, plain, kind, max_bytes=max_bytes, depth=depth + 1)


def _read_warc(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawDocument | Failure]:
    found = False
    for page in warc_pages(source, stream, max_bytes=max_bytes):
        found = True
        page_source = f"{source}#{page.url}" if page.url else source
        is_html = page.media_type == "text/html"
        declared = page.charset or (declared_html_charset(page.body) if is_html else None)
        yield from _read_single(page_source, page.body, is_html, declared, url=page.url)
    if not found:
        yield Failure(source, "read", "WARC file holds no successful HTML or text responses")


def _read_single(source: str, data: bytes, is_html: bool, declared: str | None,
                 url: str | None = None) -> Iterator[RawDocument | Failure]:
    if not data.strip():
        yield Failure(source, "read", "empty file")
        return
    text = decode_bytes(data, declared or (declared_html_charset(data) if is_html else None))
    if "\x00" in text:
        yield Failure(source, "read", "binary file (NUL bytes), not text")
    elif is_html:
        yield RawDocument(source=source, html=text, url=url)
    else:
        yield RawDocument(source=source, text=text, url=url)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, then a declared charset, then UTF-8, then a guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf8 = _try_decode(data, "utf-8")
    if declared and declared.lower() in _WESTERN and utf8 is not None:
        # Pages mislabelled as Latin-1 are common; valid UTF-8 by accident is not.
        return utf8
    if declared:
        named = _try_decode(data, "cp1252" if declared.lower() in _WESTERN else declared)
        if named is not None:
            return named
    if utf8 is not None:
        return utf8
    return _guess_decode(data)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").strip(".") if match else None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _guess_decode(data: bytes) -> str:
    """Decode non-UTF-8 bytes; short Western text is most often windows-1252."""
    western = _try_decode(data, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or (western is not None and best.encoding in _LATIN_GUESSES):
        return western if western is not None else data.decode("cp1252", errors="replace")
    return str(best)


def _read_jsonl(source: str, data: bytes) -> Iterator[RawDocument | Failure]:
    text = decode_bytes(data)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            yield _record_to_raw(line_source, line)
        except ValueError as exc:
            yield Failure(line_source, "read", f"line {number}: {exc}")


def _record_to_raw(source: str, line: str) -> RawDocument:
    """One JSONL line as a RawDocument; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
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
