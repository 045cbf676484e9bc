"""Direct quotes: quoted spans, the cue that frames each, split quotes joined, "He said:" paragraphs."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from dateline.annotate.attribution.clauses import _has_complement, _is_raising, _learned, _with_cue
from dateline.annotate.attribution.items import _Found
from dateline.annotate.attribution.syntax import _inside_any, _source, _trim, is_listed_cue
from dateline.annotate.attribution.tables import _COMPLEMENTS, _QUOTE, MIN_QUOTE_WORDS, _speech_lemmas
from dateline.annotate.pipeline import Context
from dateline.model import Sentence

logger = logging.getLogger(__name__)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks, in order."""
    spans = [m.span(m.lastindex) for m in _QUOTE.finditer(text)]
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _direct(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    text = ctx.document.text
    found: list[_Found] = []
    for start, end in quotes:
        cue = _quote_cue(ctx, quotes, start, end)
        if cue is not None and _is_partial_quote(cue, start, end):
            continue  # a quoted fragment inside reported speech: the indirect pass has it
        found.append(_quoted(text, start, end, cue))
    merged = _merge_split_quotes(text, found)
    return [f for f in merged if len(f.content.split()) >= MIN_QUOTE_WORDS]


def _quote_cue(ctx: Context, quotes: list[tuple[int, int]], start: int, end: int):
    """The cue verb (listed or learned) nearest the quote, outside any quote, in the sentences it
    touches; else a clause-less cue in a sentence split off right after it ('“...” Trump said.'),
    or "He said:" closing the line before the quote's paragraph."""
    frame = _frame_sentences(ctx.layers["sentences"], start, end)
    if frame is None:
        return None
    candidates = _quote_cues(ctx, quotes, *frame)
    if not candidates:
        candidates = [t for t in _quote_cues(ctx, quotes, *_tag_sentence(ctx, end)) if not _has_complement(t)]
    if not candidates:
        lead = _colon_lead(ctx, start)
        candidates = [lead] if lead is not None else []
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


def _quote_cues(ctx: Context, quotes: list[tuple[int, int]], start: int, end: int) -> list:
    span = ctx.parsed.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    return [t for t in span if not _inside_any(t.idx, quotes) and (_is_listed_quote_cue(t) or _is_learned_quote_cue(t))]


def _tag_sentence(ctx: Context, end: int) -> tuple[int, int]:
    """The parsed sentence opening right after a quote's closing mark, where the
    parser cut '“... missing.” Trump said.' in two; else an empty span."""
    text = ctx.document.text
    after = end + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    span = ctx.parsed.char_span(after, after + 1, alignment_mode="expand") if after < len(text) else None
    if span is None or not len(span) or span[0].idx != after:
        return 0, 0
    sentence = span[0].sent
    return (sentence.start_char, sentence.end_char) if sentence.start_char == after else (0, 0)


def _colon_lead(ctx: Context, start: int):
    """The cue ending the line before a quote's paragraph with a colon: 'He said:' then the quote."""
    text = ctx.document.text
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t“\"'"):
        return None
    last = _skip_space(text, line_start - 1, -1)
    span = ctx.parsed.char_span(last, last + 1, alignment_mode="expand") if last >= 0 and text[last] == ":" else None
    cue = span[0].nbor(-1) if span is not None and len(span) and span[0].i > 0 else None
    return cue if cue is not None and _is_colon_cue(cue) else None


def _is_colon_cue(token) -> bool:
    """A listed speech verb with a speaker, no complement, and a colon right after it."""
    if token.lemma_.lower() not in _speech_lemmas() or _has_complement(token) or token.i + 1 >= len(token.doc):
        return False
    return token.nbor().text == ":" and _source(token) is not None


def _colon_paragraphs(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    """ "He said:" closing a line, with the next paragraph as what was said (when that
    paragraph is not a quotation, which the quote pass attributes)."""
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.text != ":" or token.i == 0 or text[token.idx + 1 : _line_end(text, token.idx)].strip():
            continue
        cue = token.nbor(-1)
        if _inside_any(cue.idx, quotes) or not _is_colon_cue(cue):
            continue
        start = _skip_space(text, token.idx + 1, 1)
        start, end = _trim(text, start, _line_end(text, start))
        if end > start and not _inside_any(start, quotes) and not _inside_any(start + 1, quotes):
            found.append(_with_cue(_Found(start, end, text[start:end], direct=False), cue, _source(cue)))
    return found


def _skip_space(text: str, position: int, step: int) -> int:
    """The first non-space character from `position` walking by `step` (-1 or len(text) past the ends)."""
    while 0 <= position < len(text) and text[position].isspace():
        position += step
    return position


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _is_listed_quote_cue(token) -> bool:
    return is_listed_cue(token) and not _is_raising(token) and _source(token) is not None


def _is_learned_quote_cue(token) -> bool:
    """A verb the model takes as a cue ("“...,” Trump fumed"); nouns and "be" do not frame quotes."""
    if token.pos_ != "VERB":
        return False
    content, source = _learned(token)
    return content is not None and source is not None


def _frame_sentences(sentences: Sequence[Sentence], start: int, end: int) -> tuple[int, int] | None:
    touching = [s for s in sentences if s.start < end + 1 and start - 1 < s.end]
    if not touching:
        return None
    return touching[0].start, touching[-1].end


def _is_partial_quote(cue, start: int, end: int) -> bool:
    """Whether the quote sits inside the cue's complement, which has more words than the quote."""
    for child in cue.children:
        if child.dep_ in _COMPLEMENTS:
            left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            words_outside = [t for t in child.subtree if t.is_alpha and not start <= t.idx < end]
            if left <= end and start <= right and len(words_outside) > 1:
                return True
    return False


def _quoted(text: str, start: int, end: int, cue) -> _Found:
    content_start, content_end = _trim(text, start, end)
    found = _Found(content_start, content_end, text[content_start:content_end], direct=True)
    return _with_cue(found, cue, _source(cue)) if cue is not None else found


def _merge_split_quotes(text: str, found: list[_Found]) -> list[_Found]:
    """Joins “No,” she added, “the US is ...” into one attribution spanning both pieces.

    The content then reads "No, the US is ..."; its offsets cover both pieces
    and the cue between them.
    """
    merged: list[_Found] = []
    for item in found:
        previous = merged[-1] if merged else None
        if previous and item.cue_start is not None and item.cue_start == previous.cue_start:
            merged[-1] = _joined(text, previous, item)
        else:
            merged.append(item)
    return merged


def _joined(text: str, previous: _Found, item: _Found) -> _Found:
    """One attribution over two quotes; the content keeps the first quote's closing punctuation."""
    closings = [i for i in (text.find(m, previous.content_end) for m in ("”", '"', "''")) if i >= 0]
    first = text[previous.content_start : min(closings)].rstrip() if closings else previous.content
    return replace(previous, content=f"{first} {item.content}", content_end=item.content_end)
