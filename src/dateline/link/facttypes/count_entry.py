"""A count's sentence, cut to its own entry when a live blog runs entries together, or at a full stop lost.

A live blog opens each entry with a 24-hour time stamp ("2032 Gen Fraser says ..."). An entry that ends
without a full stop runs into the next one, and the sentence splitter makes one sentence of both: "... 50,000
people had been killed and 250,000 injured 2032 Gen Fraser says around 90 aid flights a day are landing". Read
whole, the next entry's words are taken for the count's ("a day" makes the toll a rate). The count is cited
with its own entry only (`entry_citation`).

A time stamp inside a sentence looks like a year ("the 2004 tsunami", "in 2009 President Obama"), so one is
taken for a stamp only in an article that opens two or more lines or sentences with stamps (a live blog),
only when it follows a word that ends an entry (not "in", "the", a month...) and a capitalised word follows.

Scraped text loses full stops too, after a figure ending a line or a list item: "Canada's confirmed number of
cases rose to 140 Of nine new confirmed cases of swine flu in the UK, ...". Read whole, the next sentence's place
is taken for the count's. A figure followed by a capitalised word that only opens a sentence (an article,
preposition, pronoun or conjunction: "Of", "About", "The") ends its sentence there (`_LOST_STOP`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from dateline.link.facttypes.base import citation
from dateline.model import AnnotatedDocument, Citation

STAMPS_TO_BE_A_BLOG = 2  # stamps opening a line or sentence that make an article a live blog

_OPENING_STAMP = re.compile(r"(?:^|\n|[.!?\"'”’]\s)\s*(?:[01]\d|2[0-3])[0-5]\d\s+[A-Z]")
# a stamp inside a sentence: after a word's end, before a capitalised word
_INNER_STAMP = re.compile(r"(?<=[\w,;)\"'”’%])\s+(?P<stamp>(?:[01]\d|2[0-3])[0-5]\d)\s+(?=[A-Z])")
# words after which a four-digit number is a year, not a stamp ("in 2004", "the 2004 tsunami", "January 2010")
_YEAR_BEFORE = frozenset(["in", "the", "of", "since", "by", "until", "till", "from", "to", "and", "or", "for", "at", "during", "before", "after", "early", "late", "mid", "through", "between", "around", "about", "than", "year", "years", "summer", "winter", "spring", "autumn", "fall", "season", "its", "their", "his", "her", "our", "this", "that", "a", "an", "'s", "s", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])


# a figure, then a word that opens sentences but is never capitalised inside one: a full stop lost between
_LOST_STOP = re.compile(r"(?<=\d)\s+(?=(?:Of|About|The|A|An|In|On|At|For|With|From|After|Before|But|And|As|If|When|"
                        r"While|This|That|These|Those|It|Its|He|She|They|We|There|Meanwhile|However)\s)")


def entry_citation(annotated: AnnotatedDocument, start: int, end: int) -> Citation:
    """The sentence around a span (`base.citation`), cut to the live-blog entry holding the span and to the
    sentence a lost full stop ends (`_LOST_STOP`)."""
    cited = citation(annotated, start, end)
    text = annotated.document.text
    stamps = [m for m in _INNER_STAMP.finditer(text, cited.start, cited.end) if _is_stamp(text, m)]
    if not _is_live_blog(text):
        stamps = []
    cuts = [(m.start(), m.end()) for m in stamps] + [(m.start(), m.end()) for m in
                                                      _LOST_STOP.finditer(text, cited.start, cited.end)]
    if not cuts:
        return cited
    begin = max((after for before, after in cuts if after <= start), default=cited.start)
    finish = min((before for before, after in cuts if before >= end), default=cited.end)
    return replace(cited, start=begin, end=finish, text=text[begin:finish])


def _is_stamp(text: str, found: re.Match[str]) -> bool:
    before = text[max(0, found.start() - 20):found.start()].split()
    return bool(before) and before[-1].lower().strip("'’") not in _YEAR_BEFORE


@functools.lru_cache(maxsize=16)  # asked of every quantity of an article: scan its text once
def _is_live_blog(text: str) -> bool:
    return len(_OPENING_STAMP.findall(text)) >= STAMPS_TO_BE_A_BLOG
