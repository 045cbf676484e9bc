"""Live blogs: articles whose entries open with a 24-hour time stamp ("2032 Gen Fraser says ...").

A time stamp looks like a year ("the 2004 tsunami", "in 2009 President Obama"), so a four-digit number is
taken for a stamp only in an article that opens two or more lines or sentences with stamps (a live blog):
at the opening of a line or a sentence, or inside a sentence when it follows a word that ends an entry (not
"in", "the", a month...) and a capitalised word follows. The count citations (`link/facttypes/count_entry.py`)
cut a sentence at its entry's stamp; the timeline (`views/timeline.py`) does not read a stamp as a year.
"""

from __future__ import annotations

import functools
import re

STAMPS_TO_BE_A_BLOG = 2  # stamps opening a line or sentence that make an article a live blog

_OPENING_STAMP = re.compile(r"(?:^|\n|[.!?\"'”’]\s)\s*(?P<stamp>(?:[01]\d|2[0-3])[0-5]\d)\s+[A-Z]")
# a stamp inside a sentence: after a word's end, before a capitalised word
_INNER_STAMP = re.compile(r"(?<=[\w,;)\"'”’%])\s+(?P<stamp>(?:[01]\d|2[0-3])[0-5]\d)\s+(?=[A-Z])")
# words after which a four-digit number is a year, not a stamp ("in 2004", "the 2004 tsunami", "January 2010")
_YEAR_BEFORE = frozenset(["in", "the", "of", "since", "by", "until", "till", "from", "to", "and", "or", "for", "at", "during", "before", "after", "early", "late", "mid", "through", "between", "around", "about", "than", "year", "years", "summer", "winter", "spring", "autumn", "fall", "season", "its", "their", "his", "her", "our", "this", "that", "a", "an", "'s", "s", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])


def inner_stamps(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The stamps inside `text[start:end]` of a live blog (none in any other article), each match spanning the
    stamp and the spaces around it."""
    if not is_live_blog(text):
        return []
    return [m for m in _INNER_STAMP.finditer(text, start, end) if _is_stamp(text, m)]


def stamp_starts(text: str) -> frozenset[int]:
    """Where the stamps of a live blog start, at the openings of its lines and sentences or inside them (none in
    any other article)."""
    if not is_live_blog(text):
        return frozenset()
    opening = {m.start("stamp") for m in _OPENING_STAMP.finditer(text)}
    return frozenset(opening | {m.start("stamp") for m in inner_stamps(text, 0, len(text))})


def _is_stamp(text: str, found: re.Match[str]) -> bool:
    before = text[max(0, found.start() - 20):found.start()].split()
    return bool(before) and before[-1].lower().strip("'’") not in _YEAR_BEFORE


@functools.lru_cache(maxsize=16)  # asked of every quantity of an article: scan its text once
def is_live_blog(text: str) -> bool:
    return len(_OPENING_STAMP.findall(text)) >= STAMPS_TO_BE_A_BLOG
