"""Sentence layer: spaCy's sentence boundaries, never crossing a paragraph break.

News text arrives one paragraph per line; the parser occasionally joins a
headline-like line with the next paragraph, so boundaries are also forced at
newlines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.model import Sentence

if TYPE_CHECKING:
    from dateline.annotate.pipeline import Context

# the end of a sentence in any script: . ! ? and their full-width and Arabic forms, then space or a CJK letter
_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])[\"'”’)\]]*(?:\s+|(?=[\u3000-\u9fff]))")


def find_sentences(ctx: Context) -> tuple[Sentence, ...]:
    text = ctx.document.text
    out: list[Sentence] = []
    for sent in ctx.parsed.sents:
        out.extend(_split_at_newlines(text, sent.start_char, sent.end_char))
    return tuple(out)


def _split_at_newlines(text: str, start: int, end: int) -> list[Sentence]:
    pieces: list[Sentence] = []
    cursor = start
    while cursor < end:
        stop = text.find("\n", cursor, end)
        stop = end if stop == -1 else stop
        piece = _strip(text, cursor, stop)
        if piece:
            pieces.append(piece)
        cursor = stop + 1
    return pieces


def _strip(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end) if end > start else None


def plain_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences without a parse, for text the English model must not read: every line, cut after
    sentence-final punctuation of any script."""
    out: list[Sentence] = []
    for line in _split_at_newlines(text, 0, len(text)):
        cursor = line.start
        for end in _SENTENCE_END.finditer(text, line.start, line.end):
            piece = _strip(text, cursor, end.start())
            if piece:
                out.append(piece)
            cursor = end.end()
        piece = _strip(text, cursor, line.end)
        if piece:
            out.append(piece)
    return tuple(out)
