"""Handlers for calendar expressions: dates, months, years, decades, centuries, quarters, seasons, holidays.

Each `_h_*` takes a match and the resolver and returns a `_Norm`, or None when the match is not a
time expression after all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, timedelta

from dateline.annotate.timex.dates import (
    _add_months,
    _choose_day,
    _holiday_date,
    _month_day_date,
    _month_length,
    _month_year,
    _nth_day,
)
from dateline.annotate.timex.lexicon import (
    _ORDINALS,
    _PREFIX_MOD,
    _REL_DIRECTION,
    _lex,
    _month_num,
    _number,
    _weekday_num,
)
from dateline.annotate.timex.norm import Tense, _Norm
from dateline.annotate.timex.tense import _Resolver, context_tense


def _h_iso(m: re.Match[str], r: _Resolver) -> _Norm | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return _Norm("TIME", f"{day.isoformat()}T{m['hh']}:{m['mi']}")
    return _Norm("DATE", day.isoformat())


def _h_numeric(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "12/03/2024" (month first, as in American English, unless the first number cannot be a month),
    "25/12/2024", "03.12.2024" (day first), "2024/12/03"."""
    if m["y2"]:
        year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
    else:
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        month, day = (b, a) if m["sep"] == "." or a > 12 else (a, b)
    try:
        return _Norm("DATE", date(year, month, day).isoformat())
    except ValueError:
        return None


def _h_fiscal_short(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "FY26": the fiscal year in the century that puts it nearest the document's year (without one, 1951-2050)."""
    near = r.dct.year if r.dct else 2000
    year = near // 100 * 100 + int(m["yy"])
    year += 100 if year < near - 50 else -100 if year > near + 50 else 0
    return _Norm("DATE", f"{year:04d}")


def _h_iso_week(m: re.Match[str], r: _Resolver) -> _Norm | None:
    return _Norm("DATE", f"{m['y']}-W{m['w']}") if 1 <= int(m["w"]) <= 53 else None


def _h_month_day(m: re.Match[str], r: _Resolver) -> _Norm | None:
    month, day = _month_num(m["month"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        try:
            return _Norm("DATE", date(int(m["year"]), month, day).isoformat())
        except ValueError:
            return None
    rebase = functools.partial(_day_in_year, month, day)
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}", rebase=rebase)
    weekday = _weekday_num(m["weekday"]) if m["weekday"] else None
    rel = (m.groupdict().get("rel") or "").lower()
    tense = "past" if rel.endswith(("last", "past")) else "future" if rel else r.tense(m)  # "last Oct. 23"
    if tense == "past" and not rel and r.plan(m):  # "the new working target was Oct. 31": plans look ahead
        tense = "future"
    resolved = _month_day_date(month, day, r.dct, tense, weekday, 366 if rel else r.reach(m))
    return _Norm("DATE", resolved.isoformat(), relative=True, rebase=rebase) if resolved else None


def _h_week_of_month(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "the first week of May": the ISO week holding the month's 4th (as ISO's first week of a year holds Jan 4)."""
    month, word = _month_num(m["month"]), m["ord"].lower()
    nth = -1 if word in ("last", "final") else _ORDINALS[word]

    def week(year: int) -> str:
        last = date(year, month, _month_length(year, month))
        iso = (date(year, month, 4 + 7 * (nth - 1)) if nth > 0 else last - timedelta(days=3)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"

    if m["year"]:
        return _Norm("DATE", week(int(m["year"])))
    def rebase(ref: date, precision: str) -> _Norm:
        return _Norm("DATE", week(ref.year), relative=True)

    if r.dct is None:
        return _Norm("DATE", "XXXX-WXX", rebase=rebase)
    return _Norm("DATE", week(_month_year(month, r.dct, r.tense(m), r.reach(m))), relative=True, rebase=rebase)


def _day_in_year(month: int, day: int, reference: date, precision: str) -> _Norm | None:
    try:
        return _Norm("DATE", date(reference.year, month, day).isoformat(), relative=True)
    except ValueError:
        return None


def _h_month(m: re.Match[str], r: _Resolver) -> _Norm | None:
    month = _month_num(m["month"])
    mod = _prefix_mod(m["prefix"])
    if m["year"] or m["bcy"] or m["spoken"]:
        return _Norm("DATE", f"{_year_text(m)}-{month:02d}", mod) if _year_text(m) else None
    if m["relyear"]:
        step = _REL_DIRECTION[m["relyear"].lower()]
        year = f"{r.dct.year + step:04d}" if r.dct else "XXXX"
        return _Norm("DATE", f"{year}-{month:02d}", mod, relative=r.dct is not None)
    if not (m["prefix"] or m["rel"] or _plain_month(r.text, m) or r.preceded_by(
            m, r"in|by|since|until|till|from|through|during|before|after|of|between|and|or|to|until\s+at\s+least|"
               r"starting|beginning|commencing|ending|as\s+of|effective|"
               r"(?:planned|scheduled|rescheduled|set|slated|due|expected|postponed|delayed|moved)\s+for")):
        return None
    rebase = None if m["rel"] else (lambda ref, _: _Norm("DATE", f"{ref.year:04d}-{month:02d}", mod, relative=True))
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}", mod, rebase=rebase)
    rel = (m["rel"] or "").lower().split()[-1:] or [""]
    tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(rel[0]) or r.tense(m)
    if tense == "past" and not rel[0] and 0 < month - r.dct.month <= 6 and r.plan(m):
        tense = "future"  # "accepted mid-September" said in May: a plan's month looks ahead, up to half a year
    year = r.dct.year if rel[0] == "this" else _month_year(month, r.dct, tense, r.reach(m))
    if month == r.dct.month and rel[0] in _REL_DIRECTION:  # "last July" said in July is a year ago
        year = r.dct.year + _REL_DIRECTION[rel[0]]
    return _Norm("DATE", f"{year:04d}-{month:02d}", mod, relative=True, rebase=rebase)


def _plain_month(text: str, m: re.Match[str]) -> bool:
    """A capitalised month name that is neither a word ("may", "march") nor a first name ("June Carter")."""
    word = m["month"]
    if (word == "March" and _MARCH_BEFORE_NOUN.match(text, m.end())
            and _THE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
        return True
    return (word[0].isupper() and len(word.rstrip(".")) > 3 and word.lower() not in ("may", "march")
            and not re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]))


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "the March accession", "the March deadline"; not "the March on Rome", "the March for Our Lives"
_MARCH_BEFORE_NOUN = re.compile(r"\s+(?!(?:on|to|of|for|against|through|from|in|at|by|and|or|was|is|had|has|"
                                r"will|would|that|which|who|began|went)\b|[a-z]+ed\b)[a-z]")


def _year_text(m: re.Match[str]) -> str | None:
    """The year a rule matched, "1940", "1997" (read out) or "BC0480" (None for the impossible year 0 BC)."""
    if m["year"]:
        return m["year"]
    if m.re.groupindex.get("spoken") and m["spoken"]:
        return f"{_spoken_year(m['spoken']):04d}"
    return f"BC{int(m['bcy']):04d}" if int(m["bcy"]) else None


def _prefix_mod(prefix: str | None) -> str | None:
    if not prefix:
        return None
    prefix = prefix.lower()
    return _PREFIX_MOD.get(prefix.split()[-2] if prefix.startswith("the") else prefix)


def _h_year(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if not m["fiscal"] and _looks_like_count(r.text, m):  # "fiscal 1989 sales" names the year
        return None
    if not m["prefix"] and _reads_as_clock(r.text, m):
        return None
    return _Norm("DATE", m["year"], _prefix_mod(m["prefix"]))


# After four digits, a time zone, "local time", "hrs" or the time in another zone makes them a 24-hour clock:
# "struck at 1653 local time", "at 1653 (2153 GMT)", "at 1530 hrs", "1815 GMT"; "at 1800 hours" too, but "spent
# 1800 hours" counts hours (the duration rule's)
_CLOCK_WORDS_AFTER = re.compile(r"\s*(?:(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST)\b|"
                                r"local\s+time\b(?!\s+zones?\b)|hrs\b|\((?:[01]\d|2[0-3])[0-5]\d\s*(?-i:GMT|UTC)\b)|"
                                r"(?<=\bat\s\d{4})\s*hours\b", re.I)


def _reads_as_clock(text: str, m: re.Match[str]) -> bool:
    """Whether the year's four digits are a clock time, by the word after them: "at 1653 local time"."""
    digits = m["year"]
    return int(digits[2:]) < 60 and _CLOCK_WORDS_AFTER.match(text, m.end()) is not None


def _h_year_range_end(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "1915-17": the second year of a range, in the century of the first."""
    first = int(r.text[m.start() - 5:m.start() - 1])
    year = first // 100 * 100 + int(m["yy"])
    return _Norm("DATE", f"{year:04d}") if year > first else None


# "no later than 2026", "between 2020 and 2022 prices": a year compared with a time, or ending a range of years
_YEAR_NOT_COUNT = re.compile(r"\b(?:sooner|earlier|later)\s+than\s+$|\b(?:pre|post)-$|"
                             r"\b(?:1[5-9]|20)\d\d\s+(?:and|to|or|through|until)\s+$")


def _looks_like_count(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 25):m.start()].lower()
    after = text[m.end():m.end() + 20]
    if _YEAR_NOT_COUNT.search(before):
        return False
    if re.search(r"\b(?:about|some|nearly|around|approximately|almost|than|over|under|up to)\s+$", before):
        return True
    if re.search(r"\b(?:its|their|his|her|our|your|my)\s+$", before):  # "its 2006 highs"
        return False
    noun = re.match(r"\s+([a-z]+)\b", after)
    return bool(noun and noun.group(1).endswith("s") and len(noun.group(1)) > 4
                and not re.search(r"\b(?:in|of|since|by|from|until|to|the|year)\s+$", before))


def _h_decade(m: re.Match[str], r: _Resolver) -> _Norm:
    return _Norm("DATE", m["dec"], _PREFIX_MOD.get((m["dprefix"] or "").lower()))


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def _h_decade_short(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "the nineties", "the '80s": the latest such decade that has begun by dct (the 20th century's without dct)."""
    tens = int(m["dd"]) if m["dd"] else _DECADE_WORDS.index(m["word"].lower()) + 2
    year = r.dct.year if r.dct else 1999
    century = year // 100 - (tens * 10 > year % 100)
    return _Norm("DATE", f"{century:02d}{tens}", _PREFIX_MOD.get((m["dprefix"] or "").lower()))


def _h_century(m: re.Match[str], r: _Resolver) -> _Norm | None:
    n = int(m["ord"]) if m["ord"] else _lex()["ordinals"][re.sub(r"\s+", "-", m["word"].lower())]
    if m["era"]:
        return _Norm("DATE", f"BC{n - 1:02d}") if 1 <= n <= 99 else None
    return _Norm("DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None


def _h_bc_decade(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "the 470s BC": TIMEX3 writes a decade as its first three digits."""
    return _Norm("DATE", f"BC{int(m['dec']):03d}")


def _h_bc_year(m: re.Match[str], r: _Resolver) -> _Norm | None:
    year = int(m["bc"])
    return _Norm("DATE", f"BC{year:04d}") if year else None


def _h_bc_range_start(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "499-493 BC", "from 264 to 241 BC": the era written once covers both years (BC years count down)."""
    year, later = int(m["bc"]), int(m["later"])
    return _Norm("DATE", f"BC{year:04d}") if year > later else None


def _h_part_of_year(m: re.Match[str], r: _Resolver) -> _Norm | None:
    n = _ORDINALS[m["ord"].lower()]
    code = "Q" if m["kind"].lower() == "quarter" else "H"
    if code == "H" and n > 2 and m["ord"].lower() != "last":
        return None
    n = 2 if code == "H" and m["ord"].lower() == "last" else n
    if m["year"] or m["pyear"]:
        return _Norm("DATE", f"{m['year'] or m['pyear']}-{code}{n}")
    if not (m["rel"] or m["relyear"]) and code == "H":  # "the first half" is as often a game's as a year's
        return None
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{code}{n}")
    rel = (m["rel"] or m["relyear"] or "").lower()
    year = r.dct.year + _REL_DIRECTION.get(rel or "this", 0)
    if not rel and code == "Q":
        # a quarter still to come cannot have happened: in the past tense it is last year's (reports
        # talk of the quarter just ended in either tense, so the future does not move it ahead)
        if n > (r.dct.month - 1) // 3 + 1 and r.tense(m) == "past":
            year -= 1
    return _Norm("DATE", f"{year}-{code}{n}", relative=True)


def _h_period_end(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "by year-end" is this year's last day; "since year-end", or a past verb, the last one gone by."""
    if r.dct is None:
        return _Norm("DATE", "XXXX-12-31" if m["period"].lower() == "year" else "XXXX-XX", "END")
    back = r.preceded_by(m, "since") or r.tense(m) == "past"
    if m["period"].lower() == "year":
        return _Norm("DATE", f"{r.dct.year - back}-12-31", relative=True,
                     rebase=lambda ref, precision: _Norm("DATE", f"{ref.year}-12-31", relative=True))
    month = _add_months(r.dct.replace(day=1), -back)
    if month is None:
        return None
    return _Norm("DATE", month.replace(day=_month_length(month.year, month.month)).isoformat(), relative=True)


def _h_day_of_month(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "on the 15th": that day of the month the text is in, the next month's if it looks ahead past it."""
    if not r.preceded_by(m, r"on|by|until|till|since|from|before|after|through|starting|beginning|effective"):
        return None
    nth = int(m["nth"])
    # "On March 3, troops entered ... On the 5th": the month of the day last mentioned
    rebase = functools.partial(_nth_of_reference, nth, r.dct)
    if r.dct is None:
        return _Norm("DATE", f"XXXX-XX-{nth:02d}", anaphoric=True, rebase=rebase)
    tense = r.tense(m)
    step = -1 if tense == "past" and nth > r.dct.day else 1 if tense == "future" and nth < r.dct.day else 0
    month = _add_months(r.dct.replace(day=1), step)
    day = _nth_day(month, nth) if month else None
    if day is None:
        return None
    return _Norm("DATE", day.isoformat(), relative=True, anaphoric=True, rebase=rebase,
                 history=_Norm("DATE", f"XXXX-XX-{nth:02d}", anaphoric=True, rebase=rebase))


def _nth_of_reference(nth: int, dct: date | None, ref: date, precision: str) -> _Norm | None:
    """Day `nth` of the reference's month; none from dct itself, whose month the tense has already chosen."""
    day = _nth_day(ref, nth) if precision in ("day", "month") and ref != dct else None
    return _Norm("DATE", day.isoformat(), relative=True) if day else None


def _h_year_quarter(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "the 1988 quarter", "last year's period": the quarter being reported, in that year (else the year)."""
    if m["pyear"]:
        year, relative = int(m["pyear"]), False
    elif r.dct is not None:
        year, relative = r.dct.year + _REL_DIRECTION[m["relyear"].lower()], True
    else:
        return None

    def rebase(ref: date, precision: str) -> _Norm | None:
        if precision != "quarter":
            return None
        return _Norm("DATE", f"{year:04d}-Q{(ref.month - 1) // 3 + 1}", relative=relative)

    return _Norm("DATE", f"{year:04d}", relative=relative, rebase=rebase, anaphoric=True, backward=True,
                 quarterly=True)


def _h_quarter_code(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "Q3 2024" -> 2024-Q3, "H1 2026" -> 2026-H1."""
    if m["kind"] == "H" and m["q"] not in "12":
        return None
    return _Norm("DATE", f"{m['year']}-{m['kind']}{m['q']}")


def _h_season(m: re.Match[str], r: _Resolver) -> _Norm | None:
    code = _lex()["seasons"][m["season"].lower()]
    rel = (m["rel"] or "").lower().split()
    mod = _PREFIX_MOD.get(rel[0]) if rel else None
    if m["year"] or m["bcy"] or m["spoken"]:
        return _Norm("DATE", f"{_year_text(m)}-{code}", mod) if _year_text(m) else None
    if not rel and not m["the"] and not r.preceded_by(m, r"in|this|during|by|until|since|last|next|over|through") and (
            code == "FA" or _season_is_verb(r.text, m)):
        return None
    if m["season"].lower() == "fall" and _FALL_OF.match(r.text, m.end()):
        return None
    rebase = None if rel else functools.partial(_season_in_year, code, mod)
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{code}", mod, rebase=rebase)
    step = _REL_DIRECTION.get(rel[-1], 0) if rel else _season_step(
        code, r.dct, context_tense(r.text, m.start(), m.end(), infinitive=False))
    if rel == ["this", "past"]:  # the last one over by dct: "this past spring" said in October is this year's
        step = 0 if r.dct.month > _SEASON_END[code] else -1
    # in a history "the next spring" follows the year the story is at, not dct
    story = _Norm("DATE", f"XXXX-{code}", mod, relative=True, anaphoric=True,
                  rebase=functools.partial(_season_after, code, mod, step)) if rel else None
    return _Norm("DATE", f"{r.dct.year + step}-{code}", mod, relative=True, rebase=rebase, history=story)


# "the fall of Atlanta", "the fall of the city": the collapse, not autumn (WikiWars 01-16: 11 of 13 untagged, the
# other 2 inside event-anchored expressions); "the fall of 1944" keeps its year and is matched before this.
_FALL_OF = re.compile(r"\s+of\s+(?!(?:this|last|next|that)\b)(?:the\s+)?[A-Za-z]", re.I)
_SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}  # last month; a winter takes the name of the year it ends in


def _season_step(code: str, dct: date, tense: Tense | None) -> int:
    """Years from dct's to a bare season's: "stepped down in the autumn" said in March is last autumn."""
    if code == "WI" or tense not in ("past", "future"):  # a winter spans two years; no tense, the year of dct
        return 0
    if tense == "past":
        return -1 if _SEASON_END[code] - 2 > dct.month else 0
    return 1 if _SEASON_END[code] < dct.month else 0


def _season_in_year(code: str, mod: str | None, ref: date, precision: str) -> _Norm:
    # the winter after an autumn month runs into the next year, and takes that year's name
    ahead = code == "WI" and precision in ("month", "day") and ref.month >= 9
    return _Norm("DATE", f"{ref.year + ahead:04d}-{code}", mod, relative=True)


def _season_after(code: str, mod: str | None, step: int, ref: date, precision: str) -> _Norm:
    season = _season_in_year(code, mod, ref, precision)
    return replace(season, value=f"{int(season.value[:4]) + step:04d}{season.value[4:]}")


def _season_is_verb(text: str, m: re.Match[str]) -> bool:
    """ "would spring up", "to winter there": a season word used as a verb ("fall" always needs a preposition)."""
    before = text[max(0, m.start() - 12):m.start()].lower()
    after = text[m.end():m.end() + 8].lower()
    return bool(re.search(r"\b(?:to|will|would|can|could|may|might|did|does|not)\s+$", before)
                or re.match(r"\s+(?:up|into|back|forth|out|from|to)\b", after) or re.match(r"[a-z]", after))


def _h_spoken_year(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "nineteen ninety-six", "the year two thousand": years as read out in broadcast transcripts."""
    if m["hundreds"]:
        return _Norm("DATE", f"{_spoken_year(m.group(0)):04d}")
    return _Norm("DATE", f"{2000 + int(_number(m['ones2']) or 0 if m['ones2'] else 0):04d}")


def _spoken_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996: hundreds, then tens and ones."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("the", "year")]
    return int(sum((_number(w) or 0) * (100 if i == 0 else 1) for i, w in enumerate(parts)))


def _h_holiday(m: re.Match[str], r: _Resolver) -> _Norm | None:
    name = re.sub(r"\s+", " ", m["holiday"].lower())
    if name in _lex()["cased_holidays"]["names"] and not m["holiday"][0].isupper():  # "on election day" in any country
        return None
    rule = _lex()["holidays"][name]
    if m["year"]:
        day = _holiday_date(rule, int(m["year"]))
        return _Norm("DATE", day.isoformat()) if day else None
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX",
                     rebase=functools.partial(_holiday_in_year, rule))
    # as for "Dec. 25": a past verb outweighs nearness only for a day more than a month ahead
    day = _choose_day([d for d in (_holiday_date(rule, r.dct.year + k) for k in (-1, 0, 1)) if d], r.dct, r.tense(m),
                      r.reach(m))
    return _Norm("DATE", day.isoformat(), relative=True, rebase=functools.partial(_holiday_in_year, rule))


def _holiday_in_year(rule: str, ref: date, precision: str) -> _Norm | None:
    day = _holiday_date(rule, ref.year)
    return _Norm("DATE", day.isoformat(), relative=True) if day else None
