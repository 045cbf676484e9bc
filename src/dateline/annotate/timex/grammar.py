"""The grammar: one regular expression a rule, each with the handler that normalises its matches.

`_rules()` builds the patterns from the lexicon once; `_windows()` finds the stretches of text
around trigger words, the only places the grammar runs.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.annotate.timex.handlers_dates import (
    _h_bc_decade,
    _h_bc_range_start,
    _h_bc_year,
    _h_century,
    _h_day_of_month,
    _h_decade,
    _h_decade_short,
    _h_fiscal_short,
    _h_holiday,
    _h_iso,
    _h_iso_week,
    _h_month,
    _h_month_day,
    _h_numeric,
    _h_part_of_year,
    _h_period_end,
    _h_quarter_code,
    _h_season,
    _h_spoken_year,
    _h_week_of_month,
    _h_year,
    _h_year_quarter,
    _h_year_range_end,
)
from dateline.annotate.timex.handlers_durations import (
    _h_before_noun,
    _h_duration,
    _h_duration_bare,
    _h_duration_rel,
    _h_half,
    _h_reference,
    _h_set,
    _h_unit_adjective,
)
from dateline.annotate.timex.handlers_relative import (
    _h_ago,
    _h_clock,
    _h_day_rel,
    _h_overnight,
    _h_part_of_day,
    _h_rel_period,
    _h_shift,
    _h_weekday,
    _h_year_ago,
)
from dateline.annotate.timex.lexicon import _alternation, _lex
from dateline.annotate.timex.norm import _Norm
from dateline.annotate.timex.tense import _Resolver

logger = logging.getLogger(__name__)


# "Before Christ": years and centuries before year 1 (TIMEX3 "BC0490"), upper case only
_BC = r"(?P<era>(?-i:BCE?|B\.C\.(?:E\.)?|B\.C))(?!\w)"


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], _Resolver], _Norm | None]


@functools.cache
def _pieces() -> dict[str, str]:
    lex = _lex()
    # lower-case "may", "march" and month abbreviations are ordinary words, so only those stay case-sensitive
    plain = [m for m in lex["months"] if len(m) > 4 and m != "march" or m in ("june", "july")]
    cased = [m.capitalize() for m in lex["months"] if m not in plain and (len(m) > 4 or m == "may")]  # "March", "May"
    short = [m.capitalize() for m in lex["months"] if m not in plain and len(m) <= 4 and m != "may"]  # "Sept."
    # "Jan Kavan", "Dec Reyes": an abbreviation with no period before a capitalised word is a first name
    months = (rf"(?:{_alternation(plain)})\b|(?-i:{_alternation(cased)})\b|"
              rf"(?-i:{_alternation(short)})(?:\.|\b(?!\s+(?-i:[A-Z][a-z])))")
    weekdays = (rf"(?:{_alternation(list(lex['weekdays']))})\b|"
                rf"(?-i:{_alternation(list(lex['weekday_abbreviations']))})\b\.?")
    words = [w for w in lex["numbers"] if w not in ("a", "an")]
    tens = _alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    ones = _alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    vague = _alternation(lex["vague"]["words"])
    thousands = r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])"  # "1,000 days"
    number = rf"{thousands}|\d+(?:\.\d+)?|(?:{tens})[\s-](?:{ones})\b|{_alternation(words)}|{vague}|an?"
    return {
        "month": rf"(?P<month>{months})",
        "weekday": rf"(?P<weekday>{weekdays})",
        "num": rf"(?P<num>{number})",
        "unit": r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?\b",
        "season": rf"(?<!\w)(?P<season>{_alternation(list(lex['seasons']))})\b",
        "prefix": r"(?:(?P<prefix>early|late|mid|the\s+(?:end|beginning|start|middle|close)\s+of|(?:end|start)(?=-))"
                  r"(?:\s+|-))",
        "year": r"(?P<year>(?:1[5-9]|20)\d\d)\b",
        "bc_year": r"(?P<bcy>\d{1,4})\s*(?-i:BCE?|B\.C\.(?:E\.)?|B\.C)(?!\w)",
        "mods": rf"(?:(?P<mod>{_alternation(list(lex['modifiers']))})\s+)",
        "part": rf"(?P<part>{_alternation(list(lex['parts_of_day']))})",
        "holiday": rf"(?P<holiday>{_alternation(list(lex['holidays']))})",
        "tens": tens,
        "ones": ones,
        # a year read out in a broadcast transcript, after a month or season: "January nineteen ninety-seven"
        "spoken": rf"(?P<spoken>(?:nineteen|eighteen)[\s-]+(?:{tens}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                  rf"sixteen|seventeen|eighteen|nineteen)(?:[\s-](?:{ones}))?\b)",
    }


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    p = _pieces()
    specs: list[tuple[str, str, Callable[..., _Norm | None]]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d)"
                r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b", _h_iso),
        ("iso_week", r"\b(?P<y>\d{4})-W(?P<w>[0-5]\d)\b", _h_iso_week),
        ("numeric", r"(?<![\d/.,])(?:(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[5-9]|20)\d\d)|"
                    r"(?P<y2>(?:1[5-9]|20)\d\d)/(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d))\b(?![/.]\d)", _h_numeric),
        ("mdy", rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:{p['weekday']},?\s+)?{p['month']}\s+"
                rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s?,?\s+{p['year']})?",
         _h_month_day),
        ("dmy", rf"(?:{p['weekday']},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{p['month']}"
                rf"(?:\s?,?\s+{p['year']})?", _h_month_day),
        ("month", rf"{p['prefix']}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?{p['month']}"
                  rf"(?:,?\s+(?:of\s+)?(?:{p['year']}|{p['bc_year']}|{p['spoken']})|"
                  rf"\s+(?P<relyear>this|last|next)\s+year)?", _h_month),
        ("year", rf"{p['prefix']}?(?:(?P<fiscal>fiscal(?:\s+year)?\s+|(?-i:FY)\s?))?(?<![\d$€£.,]){p['year']}"
                 rf"(?![\d%,.]\d|-(?!(?:1[5-9]|20)\d\d\b|\d\d\b)\d|\s*%|\s+per\s*cent)",
         _h_year),
        ("fiscal_short", r"\b(?-i:FY)\s?['’]?(?P<yy>\d\d)\b(?![/.,]\d)", _h_fiscal_short),
        ("year_range_end", r"(?<=(?:1[5-9]|20)\d\d[-–])(?P<yy>\d\d)\b(?![-–/.,]\d)", _h_year_range_end),
        ("spoken_year", rf"\b(?:the\s+year\s+)?(?P<hundreds>nineteen|eighteen)[\s-]+(?P<tens>{p['tens']}|ten|"
                        r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                        rf"(?:[\s-](?P<ones>{p['ones']}))?\b|\bthe\s+year\s+two\s+thousand(?:\s+and)?"
                        rf"(?:\s+(?P<ones2>{p['ones']}))?\b", _h_spoken_year),
        ("decade", r"(?:the\s+)?(?P<dprefix>early|mid|late)?-?\s*(?P<dec>(?:1[6-9]|20)\d)0s\b", _h_decade),
        ("decade_short", r"\bthe\s+(?:(?P<dprefix>early|mid|late)[\s-]+)?(?:['’]?(?P<dd>[1-9])0s\b|(?P<word>twenties|"
                         r"thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)", _h_decade_short),
        ("century", rf"(?:the\s+)?(?:(?P<ord>\d{{1,2}})(?:st|nd|rd|th)|"
                    rf"(?P<word>{_alternation(list(_lex()['ordinals']))}))\s+century\b(?:\s*{_BC})?", _h_century),
        ("bc_decade", rf"(?:the\s+)?(?P<dec>\d{{1,3}})0s\s*{_BC}", _h_bc_decade),
        ("bc_year", rf"\b(?P<bc>\d{{1,4}})\s*{_BC}", _h_bc_year),
        ("bc_range_start", rf"(?<![\d.,])(?P<bc>\d{{1,4}})"
                           rf"(?=\s*(?:-|–|to|and|or|until)\s*(?P<later>\d{{1,4}})\s*{_BC})", _h_bc_range_start),
        ("period_end", r"\b(?P<period>year|month)[\s-]end\b(?!\s+(?!(?:of|and|or|to|in|on|at|for|from|when|as|with|"
                       r"than)\b)[a-z])", _h_period_end),
        # "on the 15th," or "on the 15th the troops left", not "on the 15th floor"
        # ("from the 13th to the 19th of October": the range's end names the month, see _day_ranges)
        ("day_of_month", r"\bthe\s+(?P<nth>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
                         r"(?!\s*(?:-|–|to|and|or|until|through)\s+(?:the\s+)?\d)(?=\s*(?:[^\w\s]|$)|\s+(?:the|a|an|"
                         r"and|but|or|when|at|in|on|as|with|he|she|they|it|we|his|her|their|its|to|for|after|before|"
                         r"until|by)\b)", _h_day_of_month),
        ("part_of_year", r"\b(?:the\s+)?(?:(?P<pyear>(?:1[5-9]|20)\d\d)(?:['’]s)?\s+|"
                         r"(?P<relyear>this|last|next)\s+year['’]s\s+)?"
                         r"(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)[\s-]+"
                         r"(?P<kind>quarter|half)\b(?:\s+of\s+(?:(?P<rel>this|last|next|the)\s+year|"
                         rf"{p['year']}))?", _h_part_of_year),
        ("week_of_month", rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+"
                          rf"(?:full\s+)?week\s+of\s+{p['month']}(?:,?\s+{p['year']})?", _h_week_of_month),
        ("year_quarter", r"\b(?:the\s+)?(?:(?P<pyear>(?:1[5-9]|20)\d\d)|(?P<relyear>this|last|next)\s+year['’]s)\s+"
                         r"(?:comparable\s+|fiscal\s+)?(?P<period>quarter|period)\b", _h_year_quarter),
        ("quarter_code", rf"\b(?-i:(?P<kind>[QH]))(?P<q>[1-4])\s+{p['year']}", _h_quarter_code),
        ("season", rf"(?:(?P<the>the)\s+)?(?:(?P<rel>this|last|next|this\s+past|the\s+coming|the\s+past|early|late|"
                   rf"mid)-?\s+)?"
                   rf"{p['season']}(?:\s+(?:of\s+)?(?:{p['year']}|{p['bc_year']}|{p['spoken']}))?", _h_season),
        ("rel_period", r"(?:(?P<prefix>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|"
                       r"close)\s+of)(?P<inthe>\s+in(?=\s+the\s))?(?:\s+|-))?"
                       r"(?P<rel>this\s+(?:past|coming)(?=\s+week)|this|last|next|"
                       r"the\s+next(?=\s+(?:quarter|month|week))|"
                       r"the\s+current|the\s+previous|"
                       r"the\s+following|the\s+coming|the\s+same|the\s+prior|the\s+latest|that|the)\s+"
                       r"(?:(?P<fiscal>full|fiscal)\s+)?"
                       r"(?P<period>year|month|week|weekend|quarter|decade|(?<=latest\s)period)"
                       r"\b(?!-(?:to|over|on)-)(?P<ended>(?<=year)(?=\s+(?:ended|ending)\b))?|"
                       r"(?P<dayrel>the\s+(?:next|following|previous|same)|that(?:\s+same)?)\s+"
                       r"(?P<day>day|morning|afternoon|evening|night)\b", _h_rel_period),
        ("ago", rf"\b(?:{p['mods']}?{p['num']}\s+{p['unit']}|(?P<bare>days|weeks|months|years|decades))"
                rf"(?:\s+or\s+so)?\s+ago\b", _h_ago),
        ("shift", rf"\b(?:{p['num']}\s+{p['unit']}|(?P<bare>hours|minutes|days|weeks|months|years))\s+"
                  r"(?P<dir>earlier|later|afterwards?|previously|from\s+now|hence)\b", _h_shift),
        ("year_ago", r"\b(?:the\s+)?(?:comparable\s+)?year[-\s](?P<dir>earlier|ago)(?:\s+(?:(?P<ord>first|second|"
                     r"third|fourth)\s+)?(?P<period>quarter|period))?\b", _h_year_ago),
        ("period_year_ago", r"\bthe\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?P<period>quarter|period)\s+a\s+"
                            r"year\s+(?P<dir>ago|earlier)\b", _h_year_ago),
        ("day_rel", rf"\b(?P<day>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
                    rf"the\s+day\s+after\s+tomorrow|this|last)(?:\s+{p['part']})?\b", _h_day_rel),
        ("part_of_day", r"\b(?:early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)\b(?:\s+(?P<day>yesterday|today|"
                        r"tomorrow)\b)?", _h_part_of_day),
        ("weekday", rf"(?:(?P<wmod>early|late|the\s+early\s+hours\s+of)\s+)?"
                    rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+previous|"
                    rf"the\s+following)\s+)?\b{p['weekday']}"
                    rf"(?:\s+{p['part']})?", _h_weekday),
        ("holiday", rf"\b{p['holiday']}(?:\s+(?:of\s+)?{p['year']})?(?!\w)", _h_holiday),
        ("clock", r"(?:\b(?P<approx>about|around|approximately|roughly)\s+)?(?:"
                  r"\b(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)|\b(?P<h24>[0-2]\d):"
                  r"(?P<mi24>[0-5]\d)(?::(?P<sec>[0-5]\d))?\b|\b(?P<word>noon|midday|midnight)\b|"
                  # "4 in the morning", "10 o'clock at night"
                  r"\b(?P<hp>1[0-2]|0?[1-9])(?:\s+o'clock)?\s+(?:in\s+the\s+|at\s+)(?P<pd>morning|afternoon|evening|"
                  r"night)\b|"
                  # wire copy's 24-hour clock, told from a year by its zone: "at 1245 GMT", "0400 local time",
                  # "at 1530 hrs", "at 1800 hours" (not "spent 1800 hours": a count)
                  r"\b(?P<mh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?:\s*(?-i:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)\b|"
                  r"(?=\s+local\s+time\b(?!\s+zones?\b))|\s*hrs\b|(?<=\bat\s\d{4})\s+hours\b|"
                  # "at 1653 (2153 GMT)": the same time in another zone, in brackets
                  r"(?=\s*\((?:[01]\d|2[0-3])[0-5]\d\s*(?-i:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)\b)))"
                  # a zone written after the clock belongs to the expression ("7:15 p.m. EST"); the value keeps the
                  # local time, as TimeBank's
                  r"(?:\s+(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|BST|CET|CEST|IST|JST|AEST|AEDT)\b)?",
         _h_clock),
        # "fell overnight", "closed overnight and"; not "overnight rates", "an overnight stay"
        ("overnight", r"(?<!\ban\s)\bovernight\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|but|in|on|at|to|as|when|while|"
                      r"after|before|from|into|with|by|for)\b)", _h_overnight),
        # "a year-long inquiry", "decades-long feud", "a years-old slump", "a multi-decade plan"; an age ("the
        # century-old bridge") is not tagged
        ("unit_adjective", r"\b(?:(?P<multi>multi)-?(?P<munit>year|decade|month|week|day|centur(?:y|ies))s?\b"
                           r"(?:-long)?|"
                           r"(?<!-)(?P<unit>year|decade|month|week|day|century|hour)-long\b|"
                           r"(?<!-)(?P<units>years|decades|months|weeks|days|centuries|hours)-(?:long|old)\b)",
         _h_unit_adjective),
        ("reference", rf"\b(?:{_alternation(list(_lex()['references']))})\b", _h_reference),
        ("before_noun", r"\b(?P<then>then[\s-]+)?(?P<word>current|recent|former)(?=\s+(?P<next>[A-Za-z][\w.-]*))",
         _h_before_noun),
        ("vague_span", r"\b(?:the\s+)?(?:recent|(?:past|last|next|following)\s+(?:few|several)|coming|upcoming|"
                       r"forthcoming|(?<=the\s)following)\s+(?P<units>days|weeks|months|years|decades)\b",
         _h_duration_bare),
        ("set", rf"\b(?:(?P<every>every|each|per)\s+(?:(?P<other>other)\s+)?(?:{p['num']}\s+)?"
                rf"(?:{p['unit']}|{p['weekday']}|{p['month']}|{p['season']})|"
                rf"(?P<times>once|twice|\w+\s+times)\s+(?:a|an|per|every)\s+"
                rf"(?P<unit2>day|week|month|year)\b|(?P<freq>{_alternation(list(_lex()['frequencies']))})\b|"
                rf"(?P<days>{_alternation(list(_lex()['weekdays']))})(?:s|\s+(?P<parts>"
                rf"{_alternation(list(_lex()['parts_of_day']))})s)\b)", _h_set),
        ("duration", rf"\b{p['mods']}?(?:(?P<rel>the\s+(?:next|past|last|coming|previous|first|following)"
                     rf")\s+)?{p['num']}(?P<frac>[\s-]+and[\s-]+a[\s-]+half|\s+1/2|\s*½)?(?:\s+more)?(?:\s+|-)"
                     rf"(?:(?:trading|business|working|additional|extra|further|full)\s+)?{p['unit']}"
                     r"(?P<half>\s+and\s+a\s+half\b)?", _h_duration),
        ("half", rf"\b{p['mods']}?half\s+(?:an?\s+)?{p['unit']}", _h_half),
        ("duration_rel", r"\b(?P<rel>the\s+(?:next|past|last|coming|previous|following))\s+(?P<unit>day|week|"
                         r"month|year|decade|century|fortnight)\b", _h_duration_rel),
        ("ahead", r"\bthe\s+(?P<units>days|weeks|months|years)\s+ahead\b", _h_duration_bare),
        # "for years", "within weeks", "after months of talks", "over decades"; not "after days when ..."
        ("duration_bare", r"\b(?:(?<=for\s)|(?<=within\s)|(?<=after\s)|(?<=over\s))"
                          r"(?P<units>days|weeks|months|years|decades|centuries)\b"
                          r"(?!\s+(?:when|that|which|where|in\s+which)\b)", _h_duration_bare),
    ]
    return tuple(_Rule(name, re.compile(rx, re.I), h) for name, rx, h in specs)


def _matches(text: str, resolver: _Resolver) -> list[tuple[int, int, _Norm]]:
    """Every rule's matches in the windows around trigger words, with what its handler made of each.

    A handler that raises ValueError or OverflowError (a date out of the calendar) gives no
    expression for its match: one expression never costs the document its others.
    """
    found: list[tuple[int, int, _Norm]] = []
    windows = _windows(text)
    for rule in _rules():
        for w_start, w_end in windows:
            for m in rule.pattern.finditer(text, w_start, w_end):
                if _inside_name(text, m.start()) or _names_a_place(text, m.end()) or _names_a_kind(text, m):
                    continue
                try:
                    norm = rule.handler(m, resolver)
                except (ValueError, OverflowError) as error:
                    logger.debug("timex rule %s gave no value for %r: %s", rule.name, m.group(), error)
                    continue
                if norm is not None and m.end() > m.start():
                    found.append((m.start(), m.end(), norm))
    return found


def _inside_name(text: str, start: int) -> bool:
    """ "#Friday", "#olympics2014", "KLPF2013": a hashtag word or a name with a year glued on is a topic, not a date.

    In the Tweets training set 5 of 6 hashtagged time words (the sixth only for the plain "day" after it) and 5 of 5
    years glued to letters are left untagged; a clock time in a hashtag ("#720pm") is tagged (1 of 1), so digits
    after "#" still count.
    """
    before = text[start - 1:start]
    return before == "#" and text[start].isalpha() or before.isalpha() and text[start].isdigit()


# "the 15th of May Bridge", "6th of October City", "the April 6 Youth Movement": a name holding a date
_NAMED_AFTER_DATE = re.compile(r"(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?\s+(?-i:Bridge|Street|Square|Avenue|Road|Highway|"
                               r"Stadium|City|Brigades?|Movement|Youth|Alliance|Coalition|Mosque|University|Hospital|"
                               r"Airport|District)\b")


def _names_a_place(text: str, end: int) -> bool:
    """ "the 15th of May Bridge": a date that is part of a name (a bridge, a square, a movement) is no date."""
    return _NAMED_AFTER_DATE.match(text, end) is not None


# "a Sept. 11-style attack", "a Christmas-like calm": a date made into an adjective names a kind, not a day
_KIND_AFTER = re.compile(r"(?:\s+[0-3]?\d)?-(?:style|like|type)\b", re.I)
# "the BBC's World Today programme", "the Today show": a capitalised "Today" before these names a broadcast
_BROADCAST_AFTER = re.compile(r"\s+(?:program(?:me)?s?|show|presenter|host)\b", re.I)
# "It will be like New Year's Eve": a holiday after "like" is a comparison, not the day
_LIKE_BEFORE = re.compile(r"\blike\s+$", re.I)


def _names_a_kind(text: str, m: re.Match[str]) -> bool:
    """A date in a comparison, an adjective or a broadcast's name: "Sept. 11-style", "World Today programme",
    "like New Year's Eve"."""
    if _KIND_AFTER.match(text, m.end()):
        return True
    if m.group() == "Today" and m.start() > 0 and _BROADCAST_AFTER.match(text, m.end()):
        return True
    holiday = "holiday" in m.re.groupindex and m["holiday"] is not None
    return holiday and _LIKE_BEFORE.search(text[max(0, m.start() - 12):m.start()]) is not None


_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# a digit token triggers when it can be a year, a clock time or an ISO date
_NUMERIC_TRIGGER = re.compile(r"(?:1[5-9]|20)\d\d(?!\d)|\d0s\b|\d{1,2}(?::\d\d|\s*[ap]\.?m\b|st|nd|rd|th\b)|"
                              r"\d{4}\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local|hrs)|\d{1,4}s?\s*(?-i:B\.?C)\b", re.I)
_MARGIN = 60  # longer than any expression the grammar matches, so a window holds every match around its trigger


@functools.cache
def _triggers() -> frozenset[str]:
    """Words one of which every time expression contains (digits aside), lower case."""
    lex = _lex()
    words = {w for table in ("months", "weekdays", "units", "seasons", "parts_of_day", "frequencies", "references")
             for key in lex[table] for w in re.findall(r"[a-z]+", key)}
    words |= {w.lower() for w in lex["weekday_abbreviations"]} | set(lex["triggers"]["words"])
    return frozenset(words - set(lex["triggers"]["exclude"]))


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around trigger words; the grammar runs only there, which makes it several times faster."""
    triggers = _triggers()
    windows: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        token = m.group()
        if (_NUMERIC_TRIGGER.match(text, m.start()) if token[0].isdigit()
                else token.lower() in triggers or token.lower().rstrip("s") in triggers):
            start, end = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows
