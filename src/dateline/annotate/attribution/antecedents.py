"""Antecedents of pronoun speakers: the previous subject that agrees, nearby.

"Al-Sudani met Pezeshkian and Khamenei, during which he outlined ...": "he" is
al-Sudani, the subject, not Khamenei, the nearest name. A person pronoun ("he",
"she") stands for the nearest earlier PERSON entity that is the subject of a
clause, or the speaker of an earlier attribution, of an agreeing gender, within
the pronoun's paragraph or the two sentences before its own; when none is, the
nearest agreeing person named in that window; else it stays unresolved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.annotate.attribution.items import _Found, _Speaker
from dateline.annotate.attribution.syntax import _sentence_index
from dateline.annotate.pipeline import Context

logger = logging.getLogger(__name__)

WINDOW_SENTENCES = 2  # sentences before the pronoun's own that the antecedent may lie in
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_THROUGH = frozenset({"appos", "conj", "compound"})  # "the minister, X, said"; "X and Y said"


@dataclass(frozen=True)
class People:
    """A document's PERSON mentions as (start, canonical name), and which of them are subjects."""

    mentions: tuple[tuple[int, str], ...]
    subjects: tuple[tuple[int, str], ...]


def people_of(ctx: Context) -> People:
    persons = sorted((e for e in ctx.layers["entities"] if e.label == "PERSON"), key=lambda e: e.start)
    mentions = tuple((e.start, e.canonical) for e in persons)
    subjects = [(e.start, e.canonical) for e in persons if _is_subject(ctx, e.start, e.end)]
    return People(mentions, tuple(sorted(subjects + _untagged_subjects(ctx, persons))))


def _untagged_subjects(ctx: Context, persons: Sequence) -> list[tuple[int, str]]:
    """Subjects the entity tagger missed that are a tagged person's surname: "Ham made it clear ..." after
    "Norman Ham" (a surname two people share, or one that opens another name, is left out)."""
    surnames: dict[str, set[str]] = {}
    for e in persons:
        surnames.setdefault(e.canonical.split()[-1], set()).add(e.canonical)
    for e in persons:  # "Katherine" ends "Michael Katherine" but opens "Katherine Jackson": a first name too
        if len(e.canonical.split()) > 1:
            surnames.pop(e.canonical.split()[0], None)
    tagged = {position for e in persons for position in range(e.start, e.end)}
    return [
        (t.idx, next(iter(surnames[t.text])))
        for t in ctx.parsed
        if t.dep_ in _SUBJECTS and t.pos_ == "PROPN" and len(surnames.get(t.text, ())) == 1 and t.idx not in tagged
    ]


def person_antecedent(
    ctx: Context,
    position: int,
    people: People,
    history: Sequence[tuple[_Found, _Speaker]],
    agrees: Callable[[str], bool],
) -> _Speaker | None:
    """The person a "he" or "she" at `position` stands for, or None."""
    start = window_start(ctx, position)
    spoken = [(f.source_start, s.name) for f, s in history if s.kind == "person" and f.source_start is not None]
    for pool in (list(people.subjects) + spoken, people.mentions):
        fits = [(at, name) for at, name in pool if start <= at < position and agrees(name)]
        if fits:
            return _Speaker(max(fits)[1], False, "person")
    return None


def window_start(ctx: Context, position: int) -> int:
    """Where an antecedent may start: the paragraph's start or two sentences back, whichever is earlier."""
    paragraph = ctx.document.text.rfind("\n", 0, position) + 1
    sentences = ctx.layers["sentences"]
    index = _sentence_index(sentences, position)
    if index is None:
        return paragraph
    return min(paragraph, sentences[max(0, index - WINDOW_SENTENCES)].start)


def _is_subject(ctx: Context, start: int, end: int) -> bool:
    span = ctx.parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span.root
    for _ in range(3):
        if word.dep_ not in _THROUGH or word.head is word:
            break
        word = word.head
    return word.dep_ in _SUBJECTS
