"""Main text and metadata from an HTML page (trafilatura + htmldate).

`extract` turns a RawDocument holding HTML into one holding the article's main
text, one paragraph per line, with title, outlet, author and publication date
filled from the page where the source did not already give them. `page_text`
renders all visible text of a page or fragment, one block per line (feed items,
and the plain-text cleaning benchmark). Settings were
chosen on the public Zyte article-extraction benchmark (181 pages, 4-gram F1,
see docs/ingest.md): tables kept, fast mode (no readability fallback, which
was both slower and less accurate there). `dateline.ingest.body` prunes hover
cards before trafilatura and repairs its text after (multi-part bodies, link
lists, promos).

Speed: the page is parsed once and the tree handed to trafilatura's metadata
helpers, htmldate and trafilatura's extractor in turn (each copies it before
pruning); only the metadata dateline stores is extracted (title, site name,
author), not categories, tags, licence or trafilatura's own htmldate call.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import dateutil.parser
import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.utils import load_html

from dateline.errors import IngestError
from dateline.ingest.body import prune, repair
from dateline.model import RawDocument

__all__ = ["extract", "guess_date", "hostname", "page_date", "page_text"]

logger = logging.getLogger(__name__)

_NO_TEXT = "no article text found in HTML"
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
# A timestamp written in the page: date, time to the second or minute, optional offset.
_STAMP = re.compile(
    r"(20\d\d|19\d\d)-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d?))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?(?![\d:])"
)
_PUBLISHED_LABELS = ("datePublished", "article:published_time", "first_publish_date", "firstPubDate")
_LABEL_TO_VALUE = re.compile(r"[\"'\\]*\s*(?:content=|:)\s*[\"'\\]*")
_DATE_VALUE = re.compile(r"[^\"'\\<>]{6,48}")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|\d|,|$)", re.I)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|$|[^\d])")
# UTC hours at which the civil day is the same from UTC-9 to UTC+9 (the Americas to Japan)
_UNAMBIGUOUS_UTC_HOURS = range(9, 15)


@dataclasses.dataclass(frozen=True)
class _Meta:
    """The page metadata dateline stores."""

    title: str | None
    sitename: str | None
    author: str | None


def extract(raw: RawDocument) -> RawDocument:
    """`raw` with its HTML replaced by the page's main text and metadata filled in.

    Raises IngestError when the page holds no article text or cannot be parsed.
    """
    if not raw.html or not raw.html.strip():
        raise IngestError(raw.source, _NO_TEXT)
    tree = _parse(raw)
    # metadata and date first: trafilatura's extractor may change the tree it is given
    meta = _metadata(tree, need_author=not raw.author)
    published = raw.published or page_date(tree, raw.html, raw.url)
    text = repair(tree, _paragraph_lines(_extract_text(raw, prune(tree))), raw.url)
    if not text:
        raise IngestError(raw.source, _NO_TEXT)
    return dataclasses.replace(
        raw,
        html=None,
        text=text,
        title=raw.title or _clean_field(meta.title),
        outlet=raw.outlet or _clean_field(meta.sitename) or hostname(raw.url),
        author=raw.author or _clean_field(meta.author),
        published=published,
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


def _parse(raw: RawDocument) -> HtmlElement:
    try:
        tree = load_html(raw.html)
    # Broken markup can surface as lxml, recursion or value errors.
    except Exception as exc:  # noqa: BLE001
        logger.debug("parsing failed on %s: %r", raw.source, exc)
        raise IngestError(raw.source, f"{_NO_TEXT} (the page could not be parsed: {type(exc).__name__})") from exc
    if tree is None:
        raise IngestError(raw.source, _NO_TEXT)
    return tree


def _metadata(tree: HtmlElement, *, need_author: bool) -> _Meta:
    """Title, site name and author as trafilatura finds them (meta tags, JSON-LD, markup)."""
    try:
        found = examine_meta(tree)
        if found.author and " " not in found.author:  # a handle or a single word, as trafilatura rejects
            found.author = None
        found = extract_meta_json(tree, found)
        title = found.title or extract_title(tree)
        author = found.author or (extract_author(tree) if need_author else None)
        sitename = found.sitename or extract_sitename(tree)
    # Odd JSON-LD or markup must cost the metadata, never the article.
    except Exception as exc:  # noqa: BLE001
        logger.debug("metadata extraction failed: %r", exc)
        return _Meta(None, None, None)
    if isinstance(sitename, list):
        sitename = sitename[0] if sitename else None
    sitename = str(sitename).lstrip("@") if sitename else None
    if sitename and "." not in sitename and not sitename[0].isupper():  # as trafilatura does
        sitename = sitename.title()
    return _Meta(title, sitename, author)


def _extract_text(raw: RawDocument, tree: HtmlElement) -> str:
    try:
        page = trafilatura.bare_extraction(
            tree,
            url=raw.url,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            fast=True,
        )
    # Broken markup can surface as lxml, recursion or value errors from deep inside trafilatura.
    except Exception as exc:  # noqa: BLE001
        logger.debug("trafilatura failed on %s: %r", raw.source, exc)
        raise IngestError(raw.source, f"{_NO_TEXT} (the page could not be parsed: {type(exc).__name__})") from exc
    if page is None:
        raise IngestError(raw.source, _NO_TEXT)
    return page.text or ""


def page_date(tree: HtmlElement, html: str, url: str | None) -> str | None:
    """The publication day the page's markup declares (ISO), or None.

    htmldate's fast search (meta tags, JSON-LD, `<time>`, URL), then two
    corrections for the day boundary: a UTC timestamp also written in local
    time gives the local day, and a URL day contradicted by the page's own
    publication timestamp at an hour no time zone can explain gives way to it.
    When htmldate finds nothing, a labelled publication date in a format it
    does not read ("Tue, Sep 15 2020 10:01:41 EDT") is parsed leniently.
    """
    found = _htmldate(tree, url, extensive=False)
    if not found:
        return _published_value(html)
    return _url_day_checked(found, html, url) or _local_day(found, html) or found


def guess_date(html: str, url: str | None) -> str | None:
    """htmldate's extensive search: also free-text dates anywhere in the page (ISO), or None."""
    return _htmldate(html, url, extensive=True)


def _htmldate(page: str | HtmlElement, url: str | None, *, extensive: bool) -> str | None:
    try:
        return find_date(page, url=url, extensive_search=extensive, original_date=True)
    except Exception as exc:  # noqa: BLE001 - a missing date must not lose the article
        logger.debug("htmldate failed on %s: %r", url, exc)
        return None


def _stamps_on(html: str, day: date) -> list[tuple[datetime, timedelta | None]]:
    """The timestamps written in the page on `day` (str.find first: pages are large, regexes slow)."""
    key, found, at = day.isoformat(), [], html.find(day.isoformat())
    while at >= 0:
        m = _STAMP.match(html, at)
        stamp = _stamp(m) if m else None
        if stamp is not None:
            found.append(stamp)
        at = html.find(key, at + len(key))
    return found


def _stamp(m: re.Match[str]) -> tuple[datetime, timedelta | None] | None:
    year, month, day, hour, minute, second, offset = m.groups()
    try:
        wall = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    if not offset:
        return wall, None
    if offset == "Z":
        return wall, timedelta(0)
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return wall, -delta if offset[0] == "-" else delta


def _published_stamp(html: str) -> tuple[datetime, timedelta | None] | None:
    """The timestamp the page labels as its publication time (meta tag or JSON-LD)."""
    for label in _PUBLISHED_LABELS:
        at = html.find(label)
        link = _LABEL_TO_VALUE.match(html, at + len(label)) if at >= 0 else None
        found = _STAMP.match(html, link.end()) if link else None
        if found and (stamp := _stamp(found)):
            return stamp
    return None


def _published_value(html: str) -> str | None:
    """The day of a labelled publication date in any common format (ISO), or None."""
    for label in _PUBLISHED_LABELS:
        at = html.find(label)
        link = _LABEL_TO_VALUE.match(html, at + len(label)) if at >= 0 else None
        value = _DATE_VALUE.match(html, link.end()) if link else None
        # fuzzy parsing is only safe when the words it skips are not a month name it cannot read
        if not value or not (_YEAR.search(value.group()) and _MONTH_NAME.search(value.group())):
            continue
        try:
            return dateutil.parser.parse(value.group(), fuzzy=True, ignoretz=True).date().isoformat()
        except (ValueError, OverflowError):
            continue
    return None


def _local_day(found: str, html: str) -> str | None:
    """The local day of a UTC publication timestamp that the page also writes in local time.

    "2020-12-05T23:15Z" beside "2020-12-06 00:15" or "2020-12-06T01:15+02:00":
    the same instant, so the outlet's own calendar day is 2020-12-06.
    """
    day = date.fromisoformat(found[:10])
    published = _published_stamp(html)
    utc = [wall for wall, off in [*([published] if published else []), *_stamps_on(html, day)]
           if off == timedelta(0) and wall.date() == day]
    if not utc:
        return None
    for neighbour in (day - timedelta(days=1), day + timedelta(days=1)):
        for wall, off in _stamps_on(html, neighbour):
            if _same_instant(utc[0], wall, off):
                return wall.date().isoformat()
    return None


def _same_instant(utc: datetime, wall: datetime, offset: timedelta | None) -> bool:
    if offset is not None:
        return wall - offset == utc
    # a time without offset: the same instant if it differs by a plausible zone offset
    shift = abs(wall - utc)
    return shift <= timedelta(hours=14) and shift % timedelta(minutes=30) == timedelta(0)


def _url_day_checked(found: str, html: str, url: str | None) -> str | None:
    """The page's publication timestamp when it contradicts a day taken from the URL.

    A URL day is often the day the story's draft was created; a declared
    publication timestamp on another day, at a UTC hour that is that same day
    everywhere from UTC-9 to UTC+9, is then the better evidence.
    """
    m = _URL_DAY.search(urlsplit(url).path) if url else None
    if not m or "-".join(m.groups()) != found[:10]:
        return None
    stamp = _published_stamp(html)
    if stamp is None or stamp[1] is None or stamp[0].date().isoformat() == found[:10]:
        return None
    utc = stamp[0] - stamp[1]
    return stamp[0].date().isoformat() if utc.hour in _UNAMBIGUOUS_UTC_HOURS else None


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
