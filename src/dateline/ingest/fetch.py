"""Fetching articles over HTTP(S) into a WARC file, for users with network access.

`fetch_to_warc` downloads each URL with `httpx` (a clear user agent, a timeout,
redirects followed, bodies over the size limit abandoned mid-stream) and saves
the HTML and plain-text responses as one gzipped WARC file, so the pages keep
their URLs and headers, can be archived, and are ingested by the WARC reader
like any other input. Every URL that fails becomes a Failure with the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.ingest.readers import DEFAULT_MAX_BYTES
from dateline.ingest.warc import WarcPage, media_type, write_warc
from dateline.model import Failure

if TYPE_CHECKING:  # imported when fetching: every `dateline` command imports this module, few fetch
    import httpx

__all__ = ["DEFAULT_TIMEOUT", "USER_AGENT", "FetchReport", "fetch_pages", "fetch_to_warc"]

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 20.0
_STAGE = "fetch"
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_KEPT_HEADERS = ("content-type", "last-modified", "date", "content-language")


def _user_agent() -> str:
    try:
        release = version("dateline")
    except PackageNotFoundError:
        release = "dev"
    return f"dateline/{release} (news research tool; one request per article URL)"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class FetchReport:
    """Where the fetched pages were saved, and the URLs that could not be fetched."""

    warc: Path | None  # None when no page was fetched
    pages: int
    failures: tuple[Failure, ...]


def fetch_to_warc(
    urls: Iterable[str], folder: Path, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> FetchReport:
    """Fetch `urls` and save the pages as `folder/fetch-<UTC time>.warc.gz`."""
    pages, failures = fetch_pages(urls, timeout=timeout, max_bytes=max_bytes)
    if not pages:
        return FetchReport(None, 0, tuple(failures))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"fetch-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%fZ}.warc.gz"
    with path.open("wb") as stream:
        write_warc(stream, pages)
    return FetchReport(path, len(pages), tuple(failures))


def fetch_pages(
    urls: Iterable[str], *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[WarcPage], list[Failure]]:
    """The fetched HTML and text pages, and a Failure for every URL that gave none."""
    pages: list[WarcPage] = []
    failures: list[Failure] = []
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    with httpx.Client(headers=headers, timeout=timeout, follow_redirects=True, max_redirects=5) as client:
        for url in urls:
            try:
                pages.append(_fetch(client, url, max_bytes))
            except _FetchError as exc:
                failures.append(Failure(url, _STAGE, str(exc)))
    return pages, failures


class _FetchError(Exception):
    """Why one URL gave no page; the message is the Failure's reason."""


def _fetch(client: httpx.Client, url: str, max_bytes: int) -> WarcPage:
    if not url.lower().startswith(("http://", "https://")):
        raise _FetchError("not an http(s) URL")
    import httpx

    try:
        with client.stream("GET", url) as response:
            return _page(response, max_bytes)
    except httpx.TimeoutException:
        raise _FetchError(f"timed out after {client.timeout.read}s; raise --timeout or try later") from None
    except httpx.TooManyRedirects:
        raise _FetchError("too many redirects") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise _FetchError(f"could not connect ({type(exc).__name__}: {exc})") from None


def _page(response: httpx.Response, max_bytes: int) -> WarcPage:
    if response.status_code >= 400:
        raise _FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
    kind, charset = media_type(response.headers.get("content-type"))
    if kind not in _PAGE_TYPES:
        raise _FetchError(f"not an article page (content type {kind or 'missing'!r})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _FetchError(f"page is {int(declared) / 1024 / 1024:.1f} MB, over the {max_bytes / 1024 / 1024:.3g} MB limit")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise _FetchError(f"page is over the {max_bytes / 1024 / 1024:.3g} MB limit")
    kept = tuple((k, v) for k, v in response.headers.items() if k.lower() in _KEPT_HEADERS)
    page_type = "text/plain" if kind == "text/plain" else "text/html"
    return WarcPage(str(response.url), page_type, charset, bytes(body), kept)
