"""Placing sentences on dates: each article's timeline candidates.

A sentence is placed on a date in one of two ways: it names the date (a time
expression at day or month precision, never later than its article; a clock joined to
an earlier day, "at 10 p.m. on Wednesday", names that day), or it
names none and is in its article's lead, which places it on the publication day.
Site furniture (datelines with a pipe, "last updated" stamps, comment times) and
filler ("In today's fast-changing world ...") are never placed; a lead sentence
that looks back years ("When the base opened in 2019, ...") is not news of its
publication day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateline.annotate.timex import context_tense
from dateline.citations import cite
from dateline.jsonable import citation_from_json
from dateline.live_blog import stamp_starts
from dateline.model import AnnotatedDocument, Citation, TimeExpr
from dateline.views.timeline_dates import _DAY, _MONTH, _YEAR, last_day

LEAD_SENTENCES = 5  # undated sentences count only from an article's lead
MIN_WORDS, MAX_WORDS = 6, 60
HISTORY_DAYS = 60  # a lead sentence naming a time this long before its article looks back, not at the day's news
_POINT_ROLES = frozenset({"point", "start", "end"})
# Site furniture inside body text: "CAIRO, Egypt | Thu Oct 20, 2011 6:31pm EDT", "Page last updated at 11:24
# GMT", "Posted by ...", "Comments (12)", "3 hours ago", "At 18:40 23rd Mar 2010, jenny wrote:"
_FURNITURE = re.compile(
    r"\||\b(?:last\s+)?(?:updated|published|posted)(?::|\s+(?:at|on))?\s+\d|\bposted\s+by\b|\bcomments?\s*\(\d+\)"
    r"|\b\d+\s+(?:minutes?|hours?)\s+ago\b|\breport\s+abuse\b|\bpermalink\b|\ball\s+rights\s+reserved\b"
    r"|\b\d{1,2}:\d\d\b[^.!?]{0,40}\bwrote:",  # a comment's stamp: "At 01:20 24th Mar 2010, Tanya wrote:"
    re.IGNORECASE)
# Filler that says nothing of the story: "In today's fast-changing world, staying informed has never been more
# important."; calls to subscribe, share or read on.
_FILLER = re.compile(
    r"\bin\s+today['’]s\b|\bfast-(?:changing|paced)\s+world\b|\bnever\s+been\s+more\s+important\b"
    r"|\bstay(?:ing)?\s+informed\b|\bsubscribe\b|\bsign\s+up\b|\bclick\s+here\b|\bnewsletter\b"
    r"|\bfollow\s+us\b|\bread\s+more\b|\bshare\s+this\b", re.IGNORECASE)
# A date stamped with a clock time, with no preposition: "Oct 20, 2011 6:31pm EDT", "11:24 GMT, Tuesday, 27
# September 2011" (prose says "at 4:53 p.m. on Tuesday")
_CLOCK_AFTER = re.compile(r"[\s,]*\d{1,2}(?:[:.]\d\d\b|\s*[ap]\.?m\b)", re.IGNORECASE)
_ZONE_AFTER = re.compile(r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT)\b")
# A clock time expression names its day when it says which: a weekday, a month, today or last night, a numeric
# date ("10 p.m. Wednesday", "1700 BST on 15 June 2009", "this morning"); a bare clock ("at 1653 local time") is
# given the publication day by default, and names none.
_DAY_WORD = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)\b|\d{1,2}/\d{1,2}|\d{4}-\d\d-\d\d",
    re.IGNORECASE)
_CLOCK_FIGURE = re.compile(r"\d:\d\d\b|\d\s*[ap]\.?m\b|\b\d{4}\s*(?:hrs?\b|(?-i:[A-Z]{2,4})\b)", re.IGNORECASE)
# Prose puts a preposition before a clock with its day ("at 10 p.m. Wednesday"); a page's stamp has none
# ("| Thu Oct 20, 2011 6:31pm EDT", "11:24 GMT, Tuesday, 27 September 2011").
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|by|around|about|until|till|from|after|before|since|to|between|and)\s+$",
                                 re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"(?<!\bat\s)(?<!\bby\s)\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?[\s,]*$",
                           re.IGNORECASE)


@dataclass(frozen=True)
class Placed:
    """One sentence placed on one date: a timeline candidate, computed once per article."""

    date: str
    citation: Citation
    named: bool  # the sentence names the date (not only its article's date)
    expression: str | None = None  # the time expression as written (None: dated by publication)
    anchor: str | None = None  # what a relative expression was counted from (None: an explicit date)


def place_sentences(ad: AnnotatedDocument) -> list[Placed]:
    """An article's timeline candidates: sentences on the dates they name (years too, for the
    background), and its lead sentences on its publication day. Furniture and filler are skipped."""
    published = ad.document.published.value
    named = _named_dates(ad, published)
    out: list[Placed] = []
    for i, sentence in enumerate(ad.sentences):
        text = ad.document.text[sentence.start : sentence.end]
        if not _fits(text) or _FURNITURE.search(text) or _FILLER.search(text):
            continue
        found = named.get(sentence.start, [])
        dated = [t for t in found if not _YEAR.match(t.value)]
        lead = (published is not None and i < LEAD_SENTENCES and not dated and not _looks_back(found, published)
                and not _names_other_day(ad.document.text, ad.timexes, sentence.start, sentence.end, published))
        if not found and not lead:
            continue
        citation = cite(ad.document, ad.sentences, sentence.start, sentence.end)
        out.extend(Placed(t.value, citation, True, t.text, t.anchor) for t in found)
        if lead:
            out.append(Placed(published.isoformat(), citation, False))
    return out


def _names_other_day(text: str, timexes: Sequence[TimeExpr], start: int, end: int, published: date) -> bool:
    """Whether a sentence states a plan for a day after its article, or for one that could not be placed ("He is
    due back in court in April", "when the leaders meet on Saturday"): not the news of its publication day.

    A past verb makes it the day's news of a plan ("The council approved a budget to rebuild it next spring"),
    and so does a span that ends then ("delayed until next week").
    """
    day = published.isoformat()
    for t in (_as_day(t, published) for t in timexes):
        if not (start <= t.start < end and t.type == "DATE" and t.role == "point"):
            continue
        later = t.value > day[: len(t.value)] and t.value[:1].isdigit() or t.value.startswith("XXXX-")
        if later and context_tense(text, t.start, t.end, infinitive=False) != "past":
            return True
    return False


def _looks_back(found: list[TimeExpr], published: date) -> bool:
    """A sentence naming a time long before its article recalls history ("opened ... in 2019")."""
    limit = (published - timedelta(days=HISTORY_DAYS)).isoformat()
    return any(last_day(t.value) < limit for t in found)


def placed_from_json(data: dict) -> Placed:
    return Placed(data["date"], citation_from_json(data["citation"]), data["named"],
                  data.get("expression"), data.get("anchor"))


def _named_dates(ad: AnnotatedDocument, published: date | None) -> dict[int, list[TimeExpr]]:
    """Sentence start -> the time expressions naming a day, month or year that it holds (each value once)."""
    limit = published.isoformat() if published else None
    found: dict[int, list[TimeExpr]] = defaultdict(list)
    stamps = stamp_starts(ad.document.text)
    for t in (_as_day(t, published) for t in ad.timexes):
        if t.type != "DATE" or t.role not in _POINT_ROLES or t.start in stamps:
            continue  # a live blog's "1756 UK Foreign Office Minister says ..." is a time, not the year 1756
        if not (_DAY.match(t.value) or _MONTH.match(t.value) or _YEAR.match(t.value)):
            continue
        if limit is not None and t.value > limit[: len(t.value)]:
            continue  # a planned or expected date has not happened yet when reported
        if _stamped(ad.document.text, t):
            continue  # a time stamp of the page, not a date of the story
        sentence = next((s for s in ad.sentences if s.start <= t.start < s.end), None)
        if sentence is not None and t.value not in {x.value for x in found[sentence.start]}:
            found[sentence.start].append(t)
    return found


def _as_day(t: TimeExpr, published: date | None) -> TimeExpr:
    """A clock time that names a day other than its article's, as that day ("10 p.m. Wednesday" in a Friday's
    article: 2011-10-19T22:00 -> the DATE 2011-10-19; a later day is then a plan, as a DATE's is); other
    expressions unchanged.

    A clock time naming no day stays a TIME, and so does one on the publication day itself ("this morning",
    "tonight"): it adds no date the article's lead does not have, and a sentence deep in the article that names
    it would outrank the lead as the day's summary (Timeline17: ROUGE-2 down when it did).
    """
    if t.type != "TIME" or not _DAY.match(t.value[:10]) or not _DAY_WORD.search(t.text):
        return t
    if published is not None and t.value[:10] == published.isoformat():
        return t
    return replace(t, type="DATE", value=t.value[:10])


def _stamped(text: str, t: TimeExpr) -> bool:
    """A page's time stamp: a clock time after or before it, or a time zone after the four digits it ends with
    ("19 January, 1815 GMT": a quarter past six, not the year 1815)."""
    return bool(_CLOCK_AFTER.match(text, t.end) or _CLOCK_BEFORE.search(text[max(0, t.start - 24) : t.start])
                or (re.search(r"\b\d{4}$", t.text) and _ZONE_AFTER.match(text, t.end)) or _stamp_time(text, t))


def _stamp_time(text: str, t: TimeExpr) -> bool:
    """A page's stamp written as one clock-and-day expression ("Thu Oct 20, 2011 6:31pm EDT"): a clock figure
    joined to its day with no "on", and no preposition before it ("at 1700 BST on 15 June" is prose)."""
    if not _CLOCK_FIGURE.search(t.text) or re.search(r"\bon\b", t.text, re.IGNORECASE):
        return False
    return not _PREPOSITION_BEFORE.search(text[max(0, t.start - 12) : t.start])


def _fits(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS
