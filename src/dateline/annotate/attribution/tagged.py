"""Attributions read by the contextual span tagger (`dateline.annotate.span_tagger`)."""

from __future__ import annotations

import logging
from dataclasses import replace

from dateline.annotate import span_tagger
from dateline.annotate.attribution.clauses import _content_of, _describes_looks
from dateline.annotate.attribution.items import _Found
from dateline.annotate.attribution.syntax import _inside_any, _is_passive, _sentence_index, _source, _trim
from dateline.annotate.pipeline import Context

logger = logging.getLogger(__name__)


def _with_tagged(ctx: Context, found: list[_Found], quotes: list[tuple[int, int]]) -> list[_Found]:
    """The span tagger's confident attributions, then the rules' items they do not overlap.

    The tagger (`span_tagger`, when enabled) reads the long tail of cues the
    rules miss and splits statements as news annotators do; where its content
    overlaps a rule's item, its own reading wins (PolNeAR train, held-out
    slice: content overlap F1 84.3 this way, 83.0 adding only what the rules
    miss, 83.4 keeping the rules' quotes; docs/who.md).
    """
    if not span_tagger.enabled():
        return found
    text = ctx.document.text
    spans = span_tagger.tagged(text)
    tagged = [_tagged_item(ctx, a, quotes) for a in span_tagger.attributions(text, spans, span_tagger.THRESHOLD)]
    kept = [t for t in tagged if t is not None]
    return kept + [f for f in found if not any(_overlap_items(f, t) for t in kept)]


def _near_content(ctx: Context, cue: int, start: int, end: int) -> bool:
    """A cue in the sentence where the content starts or ends, or in the one after it ('“...” X said.')."""
    sentences = ctx.layers["sentences"]
    first, last, here = (_sentence_index(sentences, p) for p in (start, max(start, end - 1), cue))
    if here is None or first is None:
        return False
    return first <= here <= (last if last is not None else first) + 1


def _overlap_items(a: _Found, b: _Found) -> bool:
    return a.content_start < b.content_end and b.content_start < a.content_end


def _tagged_item(ctx: Context, item, quotes: list[tuple[int, int]]) -> _Found | None:
    """A tagged attribution as the rules' record (its cue's verb, its source's head word), or None
    without a cue; a content that opens inside quotation marks is a direct quote."""
    text = ctx.document.text
    cue = None if item.cue is None else _head_token(ctx, item.cue.start, item.cue.end, verb=True)
    start, end = _trim(text, item.content.start, item.content.end)
    if cue is None or end <= start or not _near_content(ctx, item.cue.start, start, end):
        return None
    if _describes_looks(cue, _content_of(cue)):
        return None  # "looked sombre": how someone looked, not what they said
    parsed = _source(cue)
    head = None if item.source is None else _source_head(ctx, item.source, parsed)
    if head is not None and head.dep_ == "expl" or (head is not None and head.lower_ == "it" and _is_passive(cue)):
        head = None  # "It was announced that ...": nobody is named
    source = (head, item.source.start, item.source.end) if head is not None else parsed
    holes = [(s.start, s.end) for s in (item.source, item.cue) if s is not None and start < s.end and s.start < end]
    found = _Found(
        start,
        end,
        _words_between(text, start, end, holes),
        cue=text[item.cue.start : item.cue.end],
        cue_start=item.cue.start,
        cue_end=item.cue.end,
        tagged=True,
        direct=_inside_any(start, quotes),
    )
    if source is None:
        return found
    return replace(found, source_head=source[0].i, source_start=source[1], source_end=source[2])


_MARKS = '“”"‘’'


def _words_between(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> str:
    """The content's words with its own source and cue cut out: '“No,” she added, “the army ...'
    reads 'No, the army ...'."""
    pieces, position = [], start
    for low, high in sorted(holes):
        pieces.append(text[position : max(low, position)])
        position = max(position, high)
    pieces.append(text[position:end])
    kept: list[str] = []
    for piece in pieces:
        left = piece.lstrip(" ,;:" + _MARKS) if kept else piece
        if kept and left.startswith(".") and kept[-1].endswith(","):
            kept[-1] = kept[-1][:-1] + "."  # '“Over,” she said. “Nobody ...' -> 'Over. Nobody ...'
        if any(c.isalnum() for c in left):
            kept.append(left.lstrip(". ").rstrip(" " + _MARKS))
    words = " ".join(" ".join(kept).split())
    if any(words.count(a) != words.count(b) for a, b in ("“”", "‘’")) or words.count('"') % 2:
        words = words.translate({ord(c): None for c in '“”"'})  # a quote the cut left open
    return words


def _source_head(ctx: Context, span, parsed):
    """The tagged source's head word: the cue's parsed subject when it lies inside the span
    ("Pentagon press secretary Maj. Gen. Thomas Hadley" -> Hadley), else the span's root."""
    if parsed is not None and span.start <= parsed[0].idx < span.end:
        return parsed[0]
    return _head_token(ctx, span.start, span.end)


def _head_token(ctx: Context, start: int, end: int, verb: bool = False):
    """The span's syntactic head (its first verb, for a cue), or None when no token aligns."""
    span = ctx.parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if verb:
        return next((t for t in span if t.pos_ == "VERB"), None) or next(
            (t for t in span if t.pos_ == "AUX"), span.root
        )
    return span.root
