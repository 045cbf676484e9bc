"""WARC web archives (ISO 28500), read and written with `warcio`.

`warc_pages` yields the successful HTML and plain-text responses of a WARC or
WARC.gz stream (crawls, `wget --warc-file`, Browsertrix, and `dateline fetch`),
each with its URL, media type, declared charset and body bytes; redirects,
errors, images, scripts, request records and non-HTTP responses are skipped.
A record that should have been a page but cannot be read (no target URI, no
HTTP status line, over the size limit, cut short) is a `WarcProblem` of its
own; a file that is not a WARC, or that breaks part way, raises IngestError
after the pages before the break. `write_warc` stores fetched pages the same
way so they can be re-ingested and archived.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser, StatusAndHeadersParserException
from warcio.warcwriter import WARCWriter

from dateline.errors import IngestError
from dateline.ingest.decode import short_cause, size_text

__all__ = ["WarcPage", "WarcProblem", "media_type", "warc_pages", "write_warc"]

logger = logging.getLogger(__name__)

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_HTTP = StatusAndHeadersParser(["HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/2", "HTTP/3", "HTTP/0.9"], verify=True)
_NOT_WARC = "not a readable WARC file (it does not start with a WARC/1.0 or WARC/1.1 record header)"
_DRAIN = 65536


@dataclass(frozen=True)
class WarcPage:
    """One archived response: where it came from and its raw body."""

    url: str | None
    media_type: str  # "text/html" or "text/plain"
    charset: str | None  # from the Content-Type header, if declared
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()  # HTTP response headers, when writing


@dataclass(frozen=True)
class WarcProblem:
    """One record that would have been a page but cannot be read; the rest of the file still is.

    With `repaired`, nothing was lost: the problem was worked around (a Notice, not a Failure).
    """

    record: int  # 1-based position of the record in the file; 0 for the file as a whole
    url: str | None
    problem: str
    repaired: bool = False


class _QuietIterator(ArchiveIterator):
    """warcio's iterator, counting in `err_count` (not printing to stderr) records followed by
    something other than the blank lines the WARC format puts after each record."""

    def _consume_blanklines(self):  # warcio 1.8.1's, less its sys.stderr.write
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if not line.rstrip() or first_line:
                empty_size += len(line)
                if line.rstrip():
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


def warc_pages(source: str, stream: BinaryIO, *, max_bytes: int) -> Iterator[WarcPage | WarcProblem]:
    """The HTML and text responses in a WARC stream, and a WarcProblem per bad record.

    Raises IngestError when the stream is not a WARC, or (after the pages before
    the break) when it breaks part way: garbage between records, a truncated file.
    A WARC gzipped as one stream (`gzip crawl.warc`) rather than record by record
    is read all the same.
    """
    if not _starts_like_warc(stream):
        raise IngestError(source, _NOT_WARC)
    start = stream.tell()
    try:
        yield from _pages(source, stream, max_bytes, skip=0)
    except _OneGzipStream as whole:
        stream.seek(start)
        yield from _pages(source, gzip.GzipFile(fileobj=stream), max_bytes, skip=whole.records)


class _OneGzipStream(Exception):
    """warcio met a WARC gzipped whole; `records` were read before it noticed."""

    def __init__(self, records: int):
        super().__init__(records)
        self.records = records


def _pages(source: str, stream: BinaryIO, max_bytes: int, *, skip: int) -> Iterator[WarcPage | WarcProblem]:
    iterator = _QuietIterator(stream, no_record_parse=True)  # HTTP headers parsed per record, below
    records = 0
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            break
        # warcio reports malformed record headers as many exception types.
        except Exception as exc:  # noqa: BLE001
            if isinstance(exc, ArchiveLoadFailed) and "non-chunked gzip" in str(exc) and not skip:
                raise _OneGzipStream(records) from None
            raise IngestError(source, _broken(records, _cause(exc))) from None
        if record.format != "warc":  # warcio reads any text as a legacy ARC record
            raise IngestError(source, _broken(records, "a record that is not WARC") if records else _NOT_WARC)
        records += 1
        if record.length is None and record.rec_type is not None:  # its end cannot be found
            raise IngestError(source, _broken(records - 1, f"record {records} has no Content-Length"))
        item = _record_item(record, records, max_bytes) if records > skip else None
        if _cut_short(record):
            raise IngestError(source, _broken(records - 1, f"the file ends inside record {records}: truncated"))
        if item is not None:
            yield item
    if skip and records <= skip:
        raise IngestError(source, _broken(skip, "the gzip stream is cut short: truncated"))
    if not records:
        raise IngestError(source, "not a readable WARC file (no records)")
    if iterator.err_count:
        count = f"{iterator.err_count} record{'s' if iterator.err_count > 1 else ''}"
        yield WarcProblem(0, None, f"{count} not followed by a blank line (a wrong Content-Length?); "
                          "reading resumed at the next record header", repaired=True)
    if _unread_tail(stream, iterator):
        raise IngestError(source, _broken(records, "the file ends inside a record: truncated"))


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    kind, *params = (content_type or "").split(";")
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in params if p.strip().lower().startswith("charset=")), None)
    return kind.strip().lower(), charset or None


def _starts_like_warc(stream: BinaryIO) -> bool:
    """True when the first bytes (decompressed, for gzip) are a WARC header; the stream is rewound."""
    start = stream.tell()
    head = stream.read(4096)
    stream.seek(start)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def _broken(records: int, cause: str) -> str:
    if not records:
        return f"not a readable WARC file ({cause})"
    return f"not a readable WARC file after record {records} ({cause}); the records before it were read"


def _cause(exc: Exception) -> str:
    if isinstance(exc, ArchiveLoadFailed):
        return short_cause(exc)
    if isinstance(exc, EOFError):
        return "the file ends inside a record: truncated"
    return "malformed record header"


def _unread_tail(stream: BinaryIO, iterator: ArchiveIterator) -> bool:
    """True when warcio stopped before the end of the stream (a gzip member cut short)."""
    try:
        size = stream.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return False
    return iterator.offset < size


def _record_item(record, number: int, max_bytes: int) -> WarcPage | WarcProblem | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return _page(record, number, url, max_bytes)
    except StatusAndHeadersParserException:
        return WarcProblem(number, url, "response record has no readable HTTP status line; skipped")
    except EOFError:
        return WarcProblem(number, url, "response record is empty (no HTTP headers); skipped")
    # Bodies are decoded (chunked, gzip, brotli) by warcio; bad ones raise many exception types.
    except Exception as exc:
        logger.debug("WARC record %d unreadable", number, exc_info=True)
        return WarcProblem(number, url, f"unreadable WARC record ({short_cause(exc)}); skipped")


def _page(record, number: int, url: str | None, max_bytes: int) -> WarcPage | WarcProblem | None:
    if record.rec_type is None:
        rest = record.raw_stream.read(_DRAIN)
        return WarcProblem(number, url, "record has no WARC-Type; skipped") if rest.strip() else None
    if record.rec_type not in ("response", "resource"):
        return None
    if not url:
        return WarcProblem(number, None, f"{record.rec_type} record has no target URI (WARC-Target-URI); skipped")
    if record.rec_type == "response":
        if not url.lower().startswith(("http:", "https:")):
            return None  # dns: and other non-HTTP responses
        record.http_headers = _HTTP.parse(record.raw_stream)
        if not str(record.http_headers.get_statuscode()).startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    kind, charset = media_type(content_type)
    if kind not in _TEXT_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return WarcProblem(number, url, f"record is over the {size_text(max_bytes)} limit; skipped")
    return WarcPage(url, "text/plain" if kind == "text/plain" else "text/html", charset, body)


def _cut_short(record) -> bool:
    """True when the record's declared length runs past the end of the file (read to its end)."""
    while record.raw_stream.read(_DRAIN):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0


def write_warc(stream: BinaryIO, pages: Iterable[WarcPage]) -> int:
    """Write `pages` as gzipped WARC response records; returns how many were written."""
    writer = WARCWriter(stream, gzip=True)
    count = 0
    for page in pages:
        headers = page.headers or (("Content-Type", f"{page.media_type}; charset={page.charset or 'utf-8'}"),)
        http = StatusAndHeaders("200 OK", list(headers), protocol="HTTP/1.1")
        record = writer.create_warc_record(page.url or "", "response", payload=io.BytesIO(page.body), http_headers=http)
        writer.write_record(record)
        count += 1
    return count
