"""Attributions in fixed phrasings: "according to X", speech nouns with an owner, "in a poll", "Name: claim" lines."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dateline.annotate.attribution.clauses import _nominal_content
from dateline.annotate.attribution.items import _Found
from dateline.annotate.attribution.syntax import (
    _clip_to_line,
    _entity_at,
    _inside_any,
    _line_opening,
    _subtree_bounds,
    _trim,
)
from dateline.annotate.attribution.tables import MIN_QUOTE_WORDS, _source_nouns
from dateline.annotate.pipeline import Context
from dateline.model import Sentence

logger = logging.getLogger(__name__)


def _according_to(ctx: Context) -> list[_Found]:
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        source = _according_source(token)
        if source is None:
            continue
        left, right = _clip_to_line(text, token.idx, *_subtree_bounds(source))
        start, end = _according_content(ctx.layers["sentences"], text, token.idx, right)
        if end > start:
            cue_end = token.nbor().idx + len(token.nbor())
            found.append(
                _Found(start, end, text[start:end], False, "according to", token.idx, cue_end, source.i, left, right)
            )
    return found


def _nominal(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    """A noun of speech or stance with its content: "Trump's claim that ...", "his support for X".

    The owner ("Trump's", "his") is the source; without one the noun is not
    an attribution, for "support for the bill grew" names no holder.
    """
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.pos_ != "NOUN" or _inside_any(token.idx, quotes):
            continue
        content = _nominal_content(token)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if content is None or owner is None:
            continue
        start, end = _trim(text, *_clip_to_line(text, token.idx, *_subtree_bounds(content)))
        left, right = _subtree_bounds(owner)
        if end > start:
            cue_end = token.idx + len(token)
            found.append(
                _Found(start, end, text[start:end], False, token.text, token.idx, cue_end, owner.i, left, right)
            )
    return found


def _in_sources(ctx: Context, found: list[_Found]) -> list[_Found]:
    """ "In the latest poll, Trump leads by six points": a poll, report or interview as source.

    Only when nothing else in the sentence is a cue: in "In an interview, she
    said ..." the verb carries the attribution.
    """
    text, sentences = ctx.document.text, ctx.layers["sentences"]
    cues = [f.cue_start for f in found if f.cue_start is not None]
    out: list[_Found] = []
    for token in ctx.parsed:
        source = _in_source(token)
        if source is None:
            continue
        sentence = next((s for s in sentences if s.start <= token.idx < s.end), None)
        if sentence is None or any(sentence.start <= c < sentence.end for c in cues):
            continue
        left, right = _clip_to_line(text, token.idx, *_subtree_bounds(source))
        start, end = _according_content(sentences, text, token.idx, right)
        if end > start:
            out.append(
                _Found(
                    start,
                    end,
                    text[start:end],
                    False,
                    token.text,
                    token.idx,
                    token.idx + len(token),
                    source.i,
                    left,
                    right,
                )
            )
    return out


def _in_source(token):
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in _source_nouns("in")]
    return objects[0] if objects else None


def _according_source(token):
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.nbor().lower_ != "to":
        return None
    objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _according_content(sentences: Sequence[Sentence], text: str, start: int, end: int) -> tuple[int, int]:
    """The rest of the sentence around an "according to X" phrase."""
    sentence = next((s for s in sentences if s.start <= start < s.end), Sentence(start, end))
    before = text[sentence.start : start].strip(" ,;:—–-")
    if not before:
        return _trim(text, end, sentence.end)
    if not text[end : sentence.end].strip(" ,.;:!?"):
        return _trim(text, sentence.start, start)
    return _trim(text, sentence.start, sentence.end)


def _colon_lines(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    """A line opening with a name and a colon: "Senator Smith: Tax Plan Will Fail".

    Headlines and quote lines attribute the rest of the line to the name; the
    name must be a person or organisation, so "Update:" or "Iowa:" is not one.
    """
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.text != ":" or _inside_any(token.idx, quotes):
            continue
        source = _colon_source(ctx, token)
        line_end = text.find("\n", token.idx)
        start, end = _trim(text, token.idx + 1, len(text) if line_end == -1 else line_end)
        if source is None or len(text[start:end].split()) < MIN_QUOTE_WORDS:
            continue
        head, source_start = source
        found.append(
            _Found(
                start,
                end,
                text[start:end],
                False,
                ":",
                token.idx,
                token.idx + 1,
                head.i,
                source_start,
                head.idx + len(head),
            )
        )
    return found


def _colon_source(ctx: Context, colon):
    """(head token, start) of a short phrase ending in a person's or organisation's name, opening the line."""
    words = _line_opening(colon, 6)
    if not 0 < len(words) <= 6:
        return None
    if words[-1].pos_ == "NOUN" and words[-1].lemma_.lower() in _source_nouns("in") | _source_nouns("institutional"):
        return words[-1], words[0].idx  # "Poll: ...", "Newspaper: ..."
    if words[-1].pos_ != "PROPN":
        return None
    entity = _entity_at(ctx.layers["entities"], words[-1].idx)
    if entity is None or entity.label not in {"PERSON", "ORG"}:
        return None
    return words[-1], words[0].idx
