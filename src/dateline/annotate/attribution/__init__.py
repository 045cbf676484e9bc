"""Attribution layer: who said, wrote or believes what, quoted or reported.

Needs the "sentences" and "entities" layers. Three kinds of evidence:
direct quotes (straight or curly marks, the cue before, after or between the
pieces), indirect speech read from the dependency parse (a cue verb from
`data/attribution.toml` whose subject is the source and whose clausal
complement is the content) and "according to X"; also raising verbs ("appears
to"), speech nouns with an owner ("Trump's claim that"), light verbs ("made the
case") and "in the latest poll"; and words outside the lists that the learned
model in `cue_model.py` scores as cues, with content and source read the same
way: verbs ("voted for the bill", "blasted the plan"; such a verb may also
frame a quote), "be" ("were critical of X", "the problem is that ...") and
nouns ("his push for a recount", "plans to ..."); a parenthetical "X, he says,
is ..." and "He said:" before a paragraph. Speech nested in another
attribution's content is kept and marked with `nested_in`. Speakers are then
resolved in text order: an entity in the source gives its canonical name, a pronoun the
nearest compatible earlier speaker, "the official" an earlier anonymous
official, an unnamed description ("a senior U.S. official") stays as written
with `anonymous=True`, and a cue-less quote right after an attributed sentence
continues that speaker.

Modules, one job each: `quotes` (direct quotes), `clauses` (indirect speech
from the parse), `phrases` (fixed phrasings), `tagged` (the span tagger's
items), `speakers` (speaker resolution), `syntax` (parse helpers), `tables`
(word lists) and `items` (the values passed between them).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from dateline.annotate import span_tagger
from dateline.annotate.attribution.clauses import _indirect, learned_candidate
from dateline.annotate.attribution.items import _Found
from dateline.annotate.attribution.phrases import _according_to, _colon_lines, _in_sources, _nominal
from dateline.annotate.attribution.quotes import _colon_paragraphs, _direct, quote_spans
from dateline.annotate.attribution.speakers import _resolve_all, person_genders
from dateline.annotate.attribution.syntax import is_listed_cue
from dateline.annotate.attribution.tables import MIN_QUOTE_WORDS, UNNAMED, cue_lemmas
from dateline.annotate.attribution.tagged import _with_tagged
from dateline.annotate.pipeline import Context
from dateline.model import Attribution, Document

__all__ = [
    "MIN_QUOTE_WORDS",
    "UNNAMED",
    "cue_lemmas",
    "find_attributions",
    "is_listed_cue",
    "learned_candidate",
    "person_genders",
    "prepare",
    "quote_spans",
]

logger = logging.getLogger(__name__)


def prepare(documents: Sequence[Document]) -> None:
    """Tags a batch's texts at once when the span tagger is on (faster than one by one)."""
    if span_tagger.enabled():
        span_tagger.prefetch([d.text for d in documents])


def find_attributions(ctx: Context) -> tuple[Attribution, ...]:
    """Direct and indirect attributions with resolved speakers, in text order.

    Reported speech inside another attribution's content ("X said that Y
    wants Z") is kept with `nested_in` pointing at the innermost attribution
    whose content holds its cue.
    """
    quotes = quote_spans(ctx.document.text)
    direct = _direct(ctx, quotes)
    used = {f.cue_start for f in direct if f.cue_start is not None}
    found = (
        direct
        + _indirect(ctx, quotes, used)
        + _according_to(ctx)
        + _colon_lines(ctx, quotes)
        + _colon_paragraphs(ctx, quotes)
    )
    found += _in_sources(ctx, found) + _nominal(ctx, quotes)
    found = _with_tagged(ctx, found, quotes)
    found.sort(
        key=lambda f: (
            min(f.content_start, f.content_start if f.source_start is None else f.source_start),
            f.content_start,
        )
    )
    nested = [_is_nested(f, found) for f in found]
    return _with_nesting(_resolve_all(ctx, found, nested))


def _is_nested(item: _Found, found: list[_Found]) -> bool:
    """Whether the item is reported speech inside another attribution's content.

    In "X said that Y wants Z" the text asserts only what X said; Y's wish is
    part of X's statement. Quotes and cue-less items are never nested.
    """
    if item.direct or item.tagged or item.cue_start is None:
        return False
    return any(o is not item and o.content_start <= item.cue_start < o.content_end for o in found)


def _with_nesting(resolved: list[tuple[Attribution, bool]]) -> tuple[Attribution, ...]:
    """Sets `nested_in` on nested items; one outside every top-level content is dropped."""
    top = [a for a, nested in resolved if not nested]
    kept = [(a, nested) for a, nested in resolved if not nested or _container(a, top) is not None]
    plain = [a for a, _ in kept]
    return tuple(replace(a, nested_in=_container(a, plain)) if nested else a for a, nested in kept)


def _container(item: Attribution, attributions: Sequence[Attribution]) -> int | None:
    """Index of the innermost other attribution whose content holds the item's cue."""
    holders = [
        (a.content_end - a.content_start, i)
        for i, a in enumerate(attributions)
        if a is not item and item.cue_start is not None and a.content_start <= item.cue_start < a.content_end
    ]
    return min(holders)[1] if holders else None
