"""Main text and metadata from an HTML page (trafilatura + htmldate).

`extract` turns a RawDocument holding HTML into one holding the article's main
text, one paragraph per line, with title, outlet, author and publication date
filled from the page where the source did not already give them. `page_text`
renders all visible text of a page or fragment, one block per line (feed items,
and the plain-text cleaning benchmark). Settings were
chosen on the public Zyte article-extraction benchmark (181 pages, 4-gram F1,
see docs/ingest.md): tables kept, fast mode (no readability fallback, which
was both slower and less accurate there).
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree

from dateline.errors import IngestError
from dateline.model import RawDocument

__all__ = ["extract", "guess_date", "hostname", "page_text"]

logger = logging.getLogger(__name__)

_NO_TEXT = "no article text found in HTML"
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)


def extract(raw: RawDocument) -> RawDocument:
    """`raw` with its HTML replaced by the page's main text and metadata filled in.

    Raises IngestError when the page holds no article text or cannot be parsed.
    """
    if not raw.html or not raw.html.strip():
        raise IngestError(raw.source, _NO_TEXT)
    page = _extract_page(raw)
    text = _paragraph_lines(page.text or "")
    if not text:
        raise IngestError(raw.source, _NO_TEXT)
    return dataclasses.replace(
        raw,
        html=None,
        text=text,
        title=raw.title or _clean_field(page.title),
        outlet=raw.outlet or _clean_field(page.sitename) or hostname(raw.url),
        author=raw.author or _clean_field(page.author),
        published=raw.published or _find_date(raw),
    )


def hostname(url: str | None) -> str | None:
    """The host of `url` without a leading "www.", or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _extract_page(raw: RawDocument) -> trafilatura.settings.Document:
    try:
        page = trafilatura.bare_extraction(
            raw.html,
            url=raw.url,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            fast=True,
        )
    # Broken markup can surface as lxml, recursion or value errors from deep inside trafilatura.
    except Exception as exc:  # noqa: BLE001
        logger.debug("trafilatura failed on %s: %r", raw.source, exc)
        raise IngestError(raw.source, f"{_NO_TEXT} (the page could not be parsed: {type(exc).__name__})") from exc
    if page is None:
        raise IngestError(raw.source, _NO_TEXT)
    return page


def _find_date(raw: RawDocument) -> str | None:
    """The date the page's metadata declares (ISO): meta tags, JSON-LD, <time>, URL."""
    return _htmldate(raw.html or "", raw.url, extensive=False)


def guess_date(html: str, url: str | None) -> str | None:
    """htmldate's extensive search: also free-text dates anywhere in the page (ISO), or None."""
    return _htmldate(html, url, extensive=True)


def _htmldate(html: str, url: str | None, *, extensive: bool) -> str | None:
    try:
        return find_date(html, url=url, extensive_search=extensive, original_date=True)
    except Exception as exc:  # noqa: BLE001 - a missing date must not lose the article
        logger.debug("htmldate failed on %s: %r", url, exc)
        return None


def _paragraph_lines(text: str) -> str:
    """One paragraph per line, no blank lines, no stray spaces, no doubled body.

    trafilatura 2.0 returns some small <article>/<main> bodies twice
    (adbar/trafilatura#768, #879). Only that pattern is undone: when most long
    paragraphs occur exactly twice, the second copies go; otherwise only a line
    repeating the line before it is dropped, since lists and tables legitimately
    repeat lines.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    long_lines = [line for line in lines if len(line.split()) >= 5]
    counts = Counter(long_lines)
    doubled = len(long_lines) >= 2 and sum(n == 2 for n in counts.values()) >= 0.8 * len(counts)
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        if (doubled and line in seen) or (kept and line == kept[-1]):
            continue
        if counts.get(line):
            seen.add(line)
        kept.append(line)
    return "\n".join(kept)


def _clean_field(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def page_text(html: str) -> str:
    """All visible text of a page or fragment, one block (paragraph, item, cell) per line."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_INVISIBLE_TAGS, etree.Comment, etree.PI, with_tail=False)
    pieces: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag in _BLOCK_TAGS
        if event == "start":
            if block:
                pieces.append("\n")
            pieces.append(element.text or "")
        else:
            if block:
                pieces.append("\n")
            pieces.append(element.tail or "")
    lines = (" ".join(line.split()) for line in "".join(pieces).splitlines())
    return "\n".join(line for line in lines if line)
