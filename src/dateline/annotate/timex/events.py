"""Weekdays read through the event they date: a possessive ("Sunday's final") and a counterfactual ("would have
arrived on Saturday").

The clause's verb does not always govern a weekday. In "organisers of Sunday's awards have pledged $100,000" the
perfect dates the pledge, not the awards: only the words right around the event noun phrase do. And in "we'd have
arrived on Saturday" the arrival never happened, so the weekday names no day of the story.
"""

from __future__ import annotations

import re

from dateline.annotate.timex.lexicon import _cues
from dateline.annotate.timex.norm import Tense
from dateline.annotate.timex.tense import _cue_words, _tense_of, _without_infinitives, sentence_bounds

_POSSESSIVE = re.compile(r"['’]s\s+[A-Za-z]")
_NOUN_PHRASE_END = re.compile(r"[,;:()\"“”]")
_EVENT_WORDS = 4  # words from the possessive on read for the verb of the event ("Tuesday's vote was ...")
_GOVERNOR_WORDS = 4  # words before the weekday, in its clause, read for a verb governing the event ("scored twice in
# Sunday's final")
# a weekday later in the week of the article, up to this many days ahead, is the coming one ("Sunday's final"
# said on a Friday); further ahead, the one just gone ("Friday's trading" said on a Monday: TimeBank's wire copy
# reads 3 of 3 such Monday possessives as the week before)
_AHEAD_IN_WEEK = 2


def is_possessive(text: str, end: int) -> bool:
    """Whether the weekday ending at `end` is a possessive before a noun: "Sunday's final"."""
    return _POSSESSIVE.match(text, end) is not None


def event_tense(text: str, start: int, end: int) -> Tense | None:
    """Past or future from the verbs right around a possessive weekday's noun phrase: "won Sunday's final" (past),
    "will attend Tuesday's vote" (future), "Tuesday's vote was marred" (past); None when no such verb is there."""
    s_start, s_end = sentence_bounds(text, start, end)
    before = text[s_start:start]
    cuts = [m.end() for m in _NOUN_PHRASE_END.finditer(before)]
    left = _cue_words(before[cuts[-1] if cuts else 0:])[-_GOVERNOR_WORDS:]
    cues = _cues()
    for word in reversed(left[-2:]):  # "survivors of Tuesday's quake", "ahead of Saturday's concert"
        if word in cues["event_past"] or word in cues["event_future"]:
            return "past" if word in cues["event_past"] else "future"
    after = text[end:s_end]
    cut = _NOUN_PHRASE_END.search(after)
    right = _cue_words(after[: cut.start() if cut else len(after)])[:_EVENT_WORDS]
    right.append("(more)")  # a word follows the last one read: "set" before it is no bare "set" ("set for May")
    # "appeal to help victims of Tuesday's quake", "after Tuesday's quake to rescue his wife": an infinitive
    # governs someone else's act, not the event
    tense = _tense_of(_without_infinitives(left), _without_infinitives(right))
    return tense if tense in ("past", "future") else None


def coming_in_week(weekday: int, dct_weekday: int) -> bool:
    """Whether a possessive weekday with no verb to date it is the coming one: later in the article's ISO week and
    near ("Sunday's final" said on a Friday), not the one just gone."""
    return 0 < weekday - dct_weekday <= _AHEAD_IN_WEEK


# "would have arrived", "we'd have left", "would've met"; not an anniversary that came round anyway ("would have
# turned 51 on Saturday", "would have been his birthday")
_COUNTERFACTUAL = re.compile(r"\b(?:would|\w+['’]d)\s+(?:not\s+|never\s+)?have\s+|\bwould['’]ve\s+", re.I)
_ANNIVERSARY = re.compile(r"(?:turned|celebrated|marked|been\s+(?:\w+\s+){1,2}(?:birthday|anniversary))\b", re.I)
_CLAUSE_END = re.compile(r"[,;:()]")


def is_counterfactual(text: str, start: int) -> bool:
    """Whether the date starting at `start` is governed by an unreal past ("that would have meant we'd have arrived
    on Saturday"): no day of the story. The modal must be in the date's own clause (no comma between)."""
    s_start, _ = sentence_bounds(text, start, start)
    clause = text[s_start:start]
    ends = [m.end() for m in _CLAUSE_END.finditer(clause)]
    clause = clause[ends[-1] if ends else 0:]
    found = [m for m in _COUNTERFACTUAL.finditer(clause)]
    return bool(found) and not _ANNIVERSARY.match(clause, found[-1].end())
