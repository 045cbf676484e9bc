"""Sentence layer: spaCy's sentence boundaries, never crossing a paragraph break.

News text arrives one paragraph per line; the parser occasionally joins a
headline-like line with the next paragraph, so boundaries are also forced at
newlines.
"""

from __future__ import annotations

from dateline.annotate.pipeline import Context
from dateline.model import Sentence


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
