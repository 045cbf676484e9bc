"""Handlers for spans and vague times: durations, sets, "now", "the future", "former", "for years".
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from dateline.annotate.timex.dates import _duration_value, _period_value
from dateline.annotate.timex.handlers_relative import _period_from_reference
from dateline.annotate.timex.lexicon import _lex, _month_num, _number, _unit_code, _weekday_num
from dateline.annotate.timex.norm import _Norm
from dateline.annotate.timex.tense import _Resolver


def _h_unit_adjective(m: re.Match[str], r: _Resolver) -> _Norm:
    """A span of time used as an adjective: one unit ("year-long": P1Y), or an unknown number ("decades-long")."""
    if m["unit"]:
        return _Norm("DURATION", _duration_value(1, _unit_code(m["unit"])))
    return _Norm("DURATION", _duration_value(None, _unit_code(m["units"] or m["munit"])))


# "Now, he says ...": "now" opening a sentence before a comma turns the argument, it does not date anything
# (0 of 2 tagged in the tuning sets, against 42 of 56 other uses of "now" in TimeBank)
_DISCOURSE_NOW = re.compile(r"(?:^|[.!?]['\"”’]?\s+|['\"“‘]\s*)$")
# "the foreseeable future" is open-ended, not a reference to the future (0 of 2 tagged)
_FORESEEABLE = re.compile(r"foreseeable\s+$", re.I)


def _h_reference(m: re.Match[str], r: _Resolver) -> _Norm | None:
    word = m.group(0).lower()
    if word == "now" and r.text.startswith(",", m.end()) and _DISCOURSE_NOW.search(r.text, max(0, m.start() - 4),
                                                                                    m.start()):
        return None
    if word == "future" and _FORESEEABLE.search(r.text, max(0, m.start() - 20), m.start()):
        return None
    if word == "future" and _before_noun(r.text, m.end()) and not r.tags("future_before_noun"):
        return None
    return _Norm("DATE", _lex()["references"][re.sub(r"\s+", " ", word)])


def _before_noun(text: str, end: int) -> bool:
    """Whether the word ending at `end` modifies the next one ("future earnings"), not ends its phrase."""
    nxt = re.match(r"\s+([a-z]+)\b", text[end:end + 30])
    return nxt is not None and nxt[1] not in _lex()["classifiers"]["function_words"]


def _h_before_noun(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "current market conditions", "the recent sale", "former president": the word alone is the expression."""
    word = m["word"].lower()
    term = f"{word} {m['next'].lower()}"
    if not r.tags(f"{word}_before_noun") or not _before_noun(r.text, m.end()) or term in _lex()["genres"]["terms"]:
        return None
    return _Norm("DATE", "PRESENT_REF" if word == "current" and not m["then"] else "PAST_REF")


def _h_set(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["freq"]:
        if _classifies_noun(r.text, m) or not r.tags("frequency"):
            return None
        return _Norm("SET", _lex()["frequencies"][m["freq"].lower()])
    if m["weekday"]:
        return _Norm("SET", f"XXXX-WXX-{_weekday_num(m['weekday'])}")
    if m["days"]:  # "on Mondays", "Tuesday nights": the plural recurs
        part = _lex()["parts_of_day"][m["parts"].lower()] if m["parts"] else None
        return _Norm("SET", f"XXXX-WXX-{_weekday_num(m['days'])}" + (f"T{part}" if part else ""))
    if m["month"]:  # "each July": the month in every year
        return _Norm("SET", f"XXXX-{_month_num(m['month']):02d}")
    if m["season"]:
        return _Norm("SET", f"XXXX-{_lex()['seasons'][m['season'].lower()]}")
    if m["times"]:
        letter, _ = _unit_code(m["unit2"])
        return _Norm("SET", f"P1{letter}")
    n = _number(m["num"]) if m["num"] else 1.0
    if n is None:
        return None
    n = n * 2 if m["other"] else n
    return _Norm("SET", _duration_value(n, _unit_code(m["unit"])))


def _classifies_noun(text: str, m: re.Match[str]) -> bool:
    """ "quarterly dividend", "quarterly results": the word names a kind of report, not when it recurs."""
    return m["freq"].lower() in _lex()["classifiers"]["words"] and _before_noun(text, m.end())


_FRACTIONS = ("a", "one", "two", "three")
_FRACTION_OF = re.compile(r"\s+of\s+(?!an?\s+(?:hour|day|week|month|year|decade|century)\b|\d)", re.I)

# "a second attack", "a Second Assembly": before a word that is not a time word, "second" is the ordinal
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:of|or|and|to|later|ago|earlier|before|after|in|on|for|longer|more|"
                             r"too|the|that|when|while|as|than)\b)[A-Za-z]", re.I)
# "Mr. Smith, 52 years old," "employees 55 years old": an age that describes a noun is no time expression in
# the tuning sets (0 of 4 tagged); an age stated after "be" ("who were 18 years old", "she's 16 days old") is
# (4 of 4). An age written as one word ("the 6-year-old boy", "a 50-year-old alliance") is not tagged in 35 of
# the tuning sets' 37 uses.
_AGE = re.compile(r"\s+old\b", re.I)
_AGE_COMPOUND = re.compile(r"-old\b", re.I)
# "$2 million a year" is a rate of money, tagged in 2 of 5 uses (weighted share 0.36; docs/time.md, round 8)
_MONEY = r"[$£€]\s?[\d.,]+(?:\s+(?:million|billion|trillion))?"
_BE = r"is|are|was|were|be|been|being|am|(?<=['’])(?:s|re|m)"
# "358,000 a month", "700 seats a week": a rate of things, not of time ("five days a week" is left alone);
# public so that bench/timex_vague.py counts the uses with the tagger's own pattern
RATE_COUNT = r"\d[\d,.]*(?:\s+(?!(?:hours?|days?|weeks?|months?|years?|minutes?|times)\b)[a-z]+)?"


def _h_duration(m: re.Match[str], r: _Resolver) -> _Norm | None:
    # "three-quarters of its food", "a quarter of the market" are fractions; "a quarter of a century" is time
    if (m["unit"].lower().startswith("quarter") and not m["rel"] and m["num"].lower() in _FRACTIONS
            and _FRACTION_OF.match(r.text, m.end())):
        return None
    unit = _unit_code(m["unit"])
    n = _number(m["num"])
    mod = _lex()["modifiers"].get(re.sub(r"\s+", " ", m["mod"].lower())) if m["mod"] else None
    if m["num"].lower() in ("a", "an") and m["unit"].lower().endswith("s"):
        return None
    if m["unit"].lower() == "second" and _ORDINAL_SECOND.match(r.text, m.end()):
        return None
    if _AGE.match(r.text, m.end()) and not r.preceded_by(m, _BE) or _AGE_COMPOUND.match(r.text, m.end()):
        return None
    if m["num"].lower() in ("a", "an") and (r.preceded_by(m, _MONEY) or r.preceded_by(m, RATE_COUNT)
                                            and not r.tags("count_rate")):
        return None
    if n is not None and (m["frac"] or m["half"]):  # "2 1/2 years", "a minute and a half"
        n += 0.5
    return _Norm("DURATION", _duration_value(n, unit), mod)


def _h_half(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["unit"].lower().endswith("s"):
        return None
    mod = _lex()["modifiers"].get(re.sub(r"\s+", " ", m["mod"].lower())) if m["mod"] else None
    return _Norm("DURATION", _duration_value(0.5, _unit_code(m["unit"])), mod)


def _h_duration_rel(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "the next month" is a month's span; "in the past year" is last year in news, a year's span in a history."""
    duration = _Norm("DURATION", _duration_value(1.0, _unit_code(m["unit"])))
    unit, rel = m["unit"].lower(), m["rel"].split()[-1].lower()
    if r.dct is None or r.preceded_by(m, "for"):
        return duration
    if rel == "next" and unit in ("year", "month"):
        # a history moves on: "The next year, Necker was recalled" is the year after the one it is at
        following = _Norm("DATE", _period_value(r.dct, unit, 1), relative=True, anaphoric=True,
                          rebase=functools.partial(_period_from_reference, unit, 1, None))
        return replace(duration, history=following)
    if unit not in ("year", "decade") or rel not in ("past", "last"):
        return duration
    value = f"{r.dct.year - 1:04d}" if unit == "year" else f"{r.dct.year // 10 - 1:03d}"
    return _Norm("DATE", value, relative=True, history=duration)


def _h_duration_bare(m: re.Match[str], r: _Resolver) -> _Norm:
    return _Norm("DURATION", _duration_value(None, _unit_code(m["units"])))
