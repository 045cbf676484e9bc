"""Document dating: when was an article published, how sure are we, and why.

In order of trust: a declared date (metadata), an explicit date line among the first lines of the raw text,
or an inference from the article's own time expressions (`dating_clues` reads the evidence in them,
`dating_inference` chooses the day). `refine_undated` (`dating_corpus`) then lets weakly dated documents
borrow a date from a dated one that reports the same event.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from dateline.ingest.dating_clues import _clues
from dateline.ingest.dating_corpus import needs_date, refine_undated, stated
from dateline.ingest.dating_inference import _infer
from dateline.ingest.dating_timexes import _tag
from dateline.model import PublishedDate

logger = logging.getLogger(__name__)

__all__ = ["date_document", "needs_date", "refine_undated", "stated"]

_HEADER_LINES = 6


def date_document(text: str, *, declared: str | None = None, raw_text: str | None = None) -> PublishedDate:
    """The publication date of one document, with method, confidence and reason."""
    if declared:
        parsed = _parse_date(declared)
        if parsed is not None:
            return PublishedDate(parsed, "metadata", 0.95, f"declared date {declared.strip()!r}")
        logger.info("declared date %r could not be parsed", declared)
    found = _date_line(raw_text or text)
    if found is not None:
        day, line = found
        return PublishedDate(day, "dateline", 0.9, f"date line {line!r}")
    return _infer(_clues(text, raw_text))


def _parse_date(value: str) -> date | None:
    for expr in _tag(value):
        if re.match(r"\d{4}-\d{2}-\d{2}", expr.value):
            return date.fromisoformat(expr.value[:10])
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _date_line(raw: str) -> tuple[date, str] | None:
    lines = [line.strip() for line in raw.splitlines() if line.strip()][:_HEADER_LINES]
    for line in lines:
        if len(line) > 100:
            continue
        for expr in _tag(line):
            rest = line[: expr.start] + line[expr.end:]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr.value[:10]) and len(re.findall(r"\w+", rest)) <= 4:
                return date.fromisoformat(expr.value[:10]), line
    return None
