"""The attribution found in the text before its speaker is resolved, and the resolved speaker."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Found:
    """An attribution before its speaker is resolved."""

    content_start: int
    content_end: int
    content: str
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source_head: int | None = None  # token index of the source's head word
    source_start: int | None = None
    source_end: int | None = None
    tagged: bool = False  # found by the span tagger, which reads nesting itself


@dataclass(frozen=True)
class _Speaker:
    name: str
    anonymous: bool
    kind: str  # "person", "institution", "anonymous", "unresolved"
    head: str | None = None  # the head noun of a description: "official"
