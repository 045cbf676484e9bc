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

import re
from dataclasses import replace

from dateline.link.facttypes.base import citation
from dateline.live_blog import inner_stamps
from dateline.model import AnnotatedDocument, Citation

# a figure, then a word that opens sentences but is never capitalised inside one: a full stop lost between
_LOST_STOP = re.compile(r"(?<=\d)\s+(?=(?:Of|About|The|A|An|In|On|At|For|With|From|After|Before|But|And|As|If|When|"
                        r"While|This|That|These|Those|It|Its|He|She|They|We|There|Meanwhile|However)\s)")


def entry_citation(annotated: AnnotatedDocument, start: int, end: int) -> Citation:
    """The sentence around a span (`base.citation`), cut to the live-blog entry holding the span and to the
    sentence a lost full stop ends (`_LOST_STOP`)."""
    cited = citation(annotated, start, end)
    text = annotated.document.text
    stamps = inner_stamps(text, cited.start, cited.end)
    cuts = [(m.start(), m.end()) for m in stamps] + [(m.start(), m.end()) for m in
                                                      _LOST_STOP.finditer(text, cited.start, cited.end)]
    if not cuts:
        return cited
    begin = max((after for before, after in cuts if after <= start), default=cited.start)
    finish = min((before for before, after in cuts if before >= end), default=cited.end)
    return replace(cited, start=begin, end=finish, text=text[begin:finish])
