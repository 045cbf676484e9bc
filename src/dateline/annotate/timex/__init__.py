"""Temporal tagger: finds time expressions and normalises them to TIMEX3.

Pure Python (regular expressions over a small grammar read from
`data/timex.toml`), so it needs no parse and runs fast. `tag(text, dct)` returns
non-overlapping `TimeExpr` spans (longest match wins) with TimeML `type`,
`value` and `mod`; relative expressions are resolved against the document
creation time `dct`, choosing past or future from tense cues around them, and
stay underspecified ("XXXX-10-07", "XXXX-WXX-5") when `dct` is None.
Expressions that lean on the narrative ("a year earlier", "the following
year", "that quarter") are anchored on the last date the text mentioned, and
so are bare months, days and clock times in a text that reads as a history
(its register: most explicit years lie two or more years before `dct`, and it
seldom reports speech), once it is at a date before the publication year. In a
history, words that point at the day of writing ("tomorrow", "on Friday") are
left underspecified, and a few phrases read differently ("in the past year" is
last year in news, a year's span in a history). Roles
(deadline, start, end), bounds ("at least", "no later than") and durations
anchored on a date or on `dct` are added afterwards.

Pipeline component: `find_timexes(ctx)` reads `ctx.document`; assigns "timexes".

`tag` is total: any text and any dct (None, or any day of years 1 to 9999) gives a tuple, in
time linear in the text's length. The modules, in the order `tag` uses them: `grammar` (the
rules and where to run them; its handlers in `handlers_dates`, `handlers_relative` and
`handlers_durations`, reading context through `tense`, computing with `dates`, looking words up
in `lexicon`), `choose` (which matches to keep, read together) and `roles` (what each does in
its sentence).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateline.annotate.timex.choose import (
    _day_ranges,
    _longest_non_overlapping,
    _merge_clock_and_day,
    _narrative,
    _part_of_day_of,
    _range_years,
)
from dateline.annotate.timex.dates import shift_value
from dateline.annotate.timex.grammar import _matches
from dateline.annotate.timex.handlers_durations import RATE_COUNT
from dateline.annotate.timex.lexicon import GENRES, Genre, check_genre
from dateline.annotate.timex.norm import Tense
from dateline.annotate.timex.roles import _compose, _ranges, _to_timex
from dateline.annotate.timex.tense import _Resolver, context_tense, sentence_bounds
from dateline.model import TimeExpr

__all__ = ["GENRES", "RATE_COUNT", "Genre", "Tense", "check_genre", "context_tense", "find_timexes", "sentence_bounds",
           "shift_value", "tag"]


def tag(text: str, dct: date | None, genre: Genre = "news") -> tuple[TimeExpr, ...]:
    """Temporal expressions in `text`, normalised relative to the document date `dct`."""
    found = _matches(text, _Resolver(text, dct, check_genre(genre)))
    chosen = _merge_clock_and_day(text, _narrative(_longest_non_overlapping(found), dct, text))
    chosen = _day_ranges(text, _part_of_day_of(text, _range_years(text, chosen)))
    exprs = _ranges(text, [_to_timex(text, start, end, norm, dct) for start, end, norm in chosen])
    return tuple(_compose(text, exprs, dct))


def find_timexes(ctx: Any) -> tuple[TimeExpr, ...]:
    """Pipeline component: the document's time expressions, relative to its publication date."""
    return tag(ctx.document.text, ctx.document.published.value)
