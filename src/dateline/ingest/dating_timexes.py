"""The time expressions dating reads: those of the start of a text, tagged once and never raising."""

from __future__ import annotations

import functools
import logging
from dataclasses import replace

from dateline.annotate.timex import tag
from dateline.model import TimeExpr

logger = logging.getLogger(__name__)

CLUE_CHARS = 100_000  # dating reads the start of a text: a date's clues are there, and a huge text stays fast


def _tag(text: str) -> tuple[TimeExpr, ...]:
    """The time expressions of the start of `text` (dating reads the first CLUE_CHARS characters)."""
    return _tag_cached(text[:CLUE_CHARS])


@functools.lru_cache(maxsize=256)
def _tag_cached(text: str) -> tuple[TimeExpr, ...]:
    """`tag(text, None)`, never raising: a line the tagger fails on is skipped, the rest kept.

    Cached because dating and refinement look at the same texts several times.
    """
    try:
        return tuple(tag(text, None))
    except Exception as exc:  # noqa: BLE001 - one bad expression must not lose the article
        logger.info("time tagger failed on a text (%r); tagging it line by line", exc)
    found: list[TimeExpr] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        try:
            found.extend(replace(e, start=e.start + offset, end=e.end + offset) for e in tag(line, None))
        except Exception as exc:  # noqa: BLE001
            logger.info("time tagger failed on line %r: %r", line[:80], exc)
        offset += len(line)
    return tuple(found)
