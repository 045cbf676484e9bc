"""From RawDocument to Document: extract, clean, date, identify, name.

`prepare` is the ingest stage's one entry point for a batch: readers' output
in, Documents and Failures out, in order. A document's id is stable: the given
id, else a hash of its normalised clean text, so ingesting the same article
twice gives the same id (and `content_hash` finds exact duplicates).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date

from dateline.errors import IngestError
from dateline.ingest.clean import clean_text
from dateline.ingest.dating import date_document
from dateline.ingest.html import extract, guess_date
from dateline.ingest.language import detect_language
from dateline.ingest.outlets import name_outlet
from dateline.model import Document, Failure, Notice, PublishedDate, RawDocument

__all__ = ["content_hash", "document_id", "each_once", "prepare", "to_document"]

logger = logging.getLogger(__name__)

_STAGE = "clean"
_WHITESPACE = re.compile(r"\s+")


def prepare(raws: Iterable[RawDocument | Failure | Notice], *, strict: bool = False
            ) -> Iterator[Document | Failure | Notice]:
    """A Document or a Failure for each input, in order; earlier Failures and Notices pass through.

    With `strict`, an unexpected error (a bug, not bad input) is raised instead
    of being recorded as a Failure.
    """
    for raw in raws:
        if isinstance(raw, (Failure, Notice)):
            yield raw
            continue
        try:
            yield to_document(raw)
        except IngestError as exc:
            yield Failure(raw.source, _STAGE, exc.problem)
        except Exception as exc:
            if strict:
                raise
            logger.info("unexpected error preparing %s", raw.source, exc_info=True)
            yield Failure(raw.source, _STAGE, f"unexpected error: {type(exc).__name__}: {exc}")


def each_once(items: Iterable[Document | Failure | Notice]) -> Iterator[Document | Failure | Notice]:
    """`items` with a document whose id was already seen replaced by a Notice that says so."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            if item.id in seen:
                item = Notice(item.source, "read", f"the same article as {seen[item.id]}: read once")
            else:
                seen[item.id] = item.source
        yield item


def to_document(raw: RawDocument) -> Document:
    """The clean, dated Document for one raw article; IngestError when there is none."""
    html = raw.html
    if html is not None:
        raw = extract(raw)
    original = raw.text or ""
    # Extracted HTML is already free of page chrome, so only the marker rules apply.
    clean = clean_text(original, light=html is not None, title=raw.title)
    if not clean.text.strip():
        raise IngestError(raw.source, "no article text left after removing site furniture")
    published = date_document(clean.text, declared=raw.published or clean.dateline, raw_text=original)
    if html is not None and published.method in ("inferred", "unknown"):
        published = _page_date(html, raw.url) or published
    named = name_outlet(original, declared=raw.outlet, url=raw.url, masthead=clean.outlet)
    return Document(
        id=raw.id or document_id(clean.text),
        source=raw.source,
        text=clean.text,
        title=raw.title or clean.title,
        outlet=named.outlet,
        url=raw.url,
        author=raw.author or clean.byline,
        language=detect_language(clean.text),
        published=published,
        removed_lines=clean.removed,
        raw_text=original,
        wire=named.wire,
    )


def _page_date(html: str, url: str | None) -> PublishedDate | None:
    """A date written anywhere on the page, when neither metadata nor a date line gave one."""
    found = guess_date(html, url)
    if not found:
        return None
    day = date.fromisoformat(found[:10])
    return PublishedDate(day, "metadata", 0.6, f"date {found!r} found in the page text by htmldate's extensive search")


def content_hash(text: str) -> str:
    """SHA-1 hex of `text` lowercased with whitespace collapsed: equal for exact duplicates."""
    normal = _WHITESPACE.sub(" ", text.lower()).strip()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """The stable id of a document without a given one: "doc-" + 12 hex of its content hash."""
    return "doc-" + content_hash(text)[:12]
