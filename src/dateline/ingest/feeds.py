"""RSS and Atom feed files, parsed with `feedparser`.

Each feed item with a body (full `content`, else its `summary`) becomes one
RawDocument: the body as text (HTML fragments rendered one block per line), the
item's title, link, author and publication date, and the feed's title as the
outlet. An item without a body is a Failure of its own; a file that is not a
feed at all is one Failure. A feed that is not well-formed XML but still yields
items (feedparser falls back to a lenient parser) is read, with a Notice.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any
from xml.sax import SAXParseException

import feedparser

from dateline.ingest.decode import short_cause
from dateline.ingest.html import page_text
from dateline.model import Failure, Notice, RawDocument

__all__ = ["looks_like_feed", "read_feed"]

logger = logging.getLogger(__name__)

_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    """True when the first kilobytes hold an RSS, Atom or RDF root element."""
    head = data[:2048].lower()
    return any(root in head for root in _FEED_ROOTS)


def read_feed(source: str, data: bytes) -> Iterator[RawDocument | Failure | Notice]:
    """One RawDocument per feed item with a body, a Failure per item without one."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = _xml_problem(parsed)
    if not parsed.entries:
        detail = f" ({problem})" if problem else ""
        yield Failure(source, "read", f"not an RSS or Atom feed, or a feed with no items{detail}")
        return
    if problem:
        yield Notice(source, "read", f"feed is not well-formed ({problem}); its items were read leniently")
    outlet = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        item_source = f"{source}#item-{number}"
        body = _body(entry)
        if not body:
            yield Failure(item_source, "read", f"feed item {number} has no content or summary")
            continue
        yield RawDocument(
            source=item_source,
            text=body,
            url=_text(entry.get("link")),
            outlet=outlet,
            title=_text(entry.get("title")),
            published=_published(entry),
            author=_text(entry.get("author")),
        )


def _xml_problem(parsed: Any) -> str | None:
    """What was wrong with the feed's XML, in a few words, or None when it was well-formed."""
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if exc is None:
        return None
    if isinstance(exc, SAXParseException):
        return f"XML error: {exc.getMessage()}"  # its line numbers count a line feedparser may add
    return short_cause(exc)


def _body(entry: Any) -> str | None:
    """The item's fullest body as plain text: the longest content part, else the summary."""
    parts = [*entry.get("content", []), entry.get("summary_detail") or {}]
    texts = [_as_text(part) for part in parts if part.get("value")]
    texts = [text for text in texts if text]
    return max(texts, key=len) if texts else None


def _as_text(part: dict[str, Any]) -> str:
    value = part.get("value") or ""
    if "html" in (part.get("type") or "text/html"):
        return page_text(f"<div>{value}</div>")
    return "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())


def _published(entry: Any) -> str | None:
    """ISO date-time (UTC) of publication, else of the last update."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        try:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()
        except (OverflowError, ValueError, OSError):
            logger.debug("unusable feed date %r", parsed)
    return _text(entry.get("published") or entry.get("updated"))


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if isinstance(value, str) else ""
    return text or None
