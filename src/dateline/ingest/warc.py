"""WARC web archives (ISO 28500), read and written with `warcio`.

`warc_pages` yields the successful HTML and plain-text responses of a WARC or
WARC.gz stream (crawls, `wget --warc-file`, Browsertrix, and `dateline fetch`),
each with its URL, media type, declared charset and body bytes; redirects,
errors, images, scripts and request records are skipped. `write_warc` stores
fetched pages the same way so they can be re-ingested and archived.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import IngestError

__all__ = ["WarcPage", "media_type", "warc_pages", "write_warc"]

logger = logging.getLogger(__name__)

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class WarcPage:
    """One archived response: where it came from and its raw body."""

    url: str | None
    media_type: str  # "text/html" or "text/plain"
    charset: str | None  # from the Content-Type header, if declared
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()  # HTTP response headers, when writing


def warc_pages(source: str, stream: BinaryIO, *, max_bytes: int) -> Iterator[WarcPage]:
    """The HTML and text responses in a WARC stream; IngestError when it is not a WARC."""
    records = 0
    try:
        for record in ArchiveIterator(stream):
            if record.format != "warc":  # warcio reads any text as a legacy ARC record
                raise IngestError(source, f"not a readable WARC file (found {record.format or 'no'} records)")
            records += 1
            page = _page(record, max_bytes)
            if page is not None:
                yield page
    except IngestError:
        raise
    # warcio reports truncated or malformed records as many exception types.
    except (ArchiveLoadFailed, Exception) as exc:  # noqa: BLE001
        raise IngestError(source, f"not a readable WARC file ({type(exc).__name__}: {exc})") from None
    if not records:
        raise IngestError(source, "not a readable WARC file (no records)")


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    kind, *params = (content_type or "").split(";")
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in params if p.strip().lower().startswith("charset=")), None)
    return kind.strip().lower(), charset or None


def _page(record, max_bytes: int) -> WarcPage | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        if record.http_headers is None or not str(record.http_headers.get_statuscode()).startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    kind, charset = media_type(content_type)
    if kind not in _TEXT_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        logger.info("WARC record %s is over the size limit; skipped", url)
        return None
    return WarcPage(url, "text/plain" if kind == "text/plain" else "text/html", charset, body)


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
