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
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal, cast

from dateline.model import TimeExpr
from dateline.resources import load_table

logger = logging.getLogger(__name__)

__all__ = ["tag", "check_genre", "find_timexes", "context_tense", "sentence_bounds", "shift_value", "Tense", "Genre",
           "GENRES", "RATE_COUNT"]

Tense = Literal["past", "future", "present"]
# The kind of text, as HeidelTime's document types: it decides only which vague uses are tagged
# ("former president" and "current talks" in a narrative; data/timex.toml [genres]). dateline reads news.
Genre = Literal["news", "narrative", "colloquial"]
GENRES: tuple[Genre, ...] = ("news", "narrative", "colloquial")

_REL_DIRECTION = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "same": 0,
                  "next": 1, "coming": 1, "following": 1}
_PREFIX_MOD = {"early": "START", "beginning": "START", "start": "START", "mid": "MID",
               "middle": "MID", "late": "END", "end": "END", "close": "END"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 4}
# "Before Christ": years and centuries before year 1 (TIMEX3 "BC0490"), upper case only
_BC = r"(?P<era>(?-i:BCE?|B\.C\.(?:E\.)?|B\.C))(?!\w)"
_FAR_LEFT = 30  # words before an expression searched for a tense when none is near
_BOUNDARY = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(])|\n")
# A period that ends an abbreviation, not the sentence, though a capital follows: a title ("Dr. Slepian"), an
# initial ("James C. Kopp"), "a.m." before a zone or a day ("9 a.m. EST Tuesday"), "U.S." before a name ("the
# U.S. Immigration Service"); not before a word that opens sentences ("... with the U.S. The talks", "Plan B. It")
_OPENER = (r"(?=\s+(?!(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That|There|His|Her|Their|Its|Our|"
           r"As|If|When|After|Before|Some|Many)\b))")
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|St|Jr|Sr|Mt|Ft|No|vs)\."
    rf"|\b[A-Z][a-z]+\s[A-Z]\.{_OPENER}|\b[A-Z]\.[A-Z]\.{_OPENER}"
    r"|\b[ap]\.m\.(?=\s+(?:[A-Z]{2,4}\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class _Norm:
    """What a grammar rule found: TIMEX3 type, value and mod, and whether dct was used.

    `rebase` recomputes the value from a narrative reference date (the last date
    mentioned, with its precision); `anaphoric` expressions always take it
    (`backward` ones, "a year earlier", only compare and leave the narrative where it was), and
    `quarterly` ones take the last quarter mentioned instead, when there is one.
    `history` is the reading in a history, where the value above (read as news, from dct)
    does not hold: "tomorrow" in a history is some day of the story, not the day after dct.
    """

    type: str
    value: str
    mod: str | None = None
    relative: bool = False
    rebase: Callable[[date, str], _Norm | None] | None = field(default=None, compare=False)
    anaphoric: bool = False
    backward: bool = False
    quarterly: bool = False
    history: _Norm | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], _Resolver], _Norm | None]


# --- lexicon and grammar ---------------------------------------------------


@functools.cache
def _lex() -> dict[str, Any]:
    return load_table("timex")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


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
    weekdays = rf"(?:{_alternation(list(lex['weekdays']))})\b|(?-i:{_alternation(list(lex['weekday_abbreviations']))})\b\.?"
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
                rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{p['year']})?",
         _h_month_day),
        ("dmy", rf"(?:{p['weekday']},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{p['month']}"
                rf"(?:,?\s+{p['year']})?", _h_month_day),
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
        ("century", rf"(?:the\s+)?(?:(?P<ord>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{_alternation(list(_lex()['ordinals']))}))"
                    rf"\s+century\b(?:\s*{_BC})?", _h_century),
        ("bc_decade", rf"(?:the\s+)?(?P<dec>\d{{1,3}})0s\s*{_BC}", _h_bc_decade),
        ("bc_year", rf"\b(?P<bc>\d{{1,4}})\s*{_BC}", _h_bc_year),
        ("bc_range_start", rf"(?<![\d.,])(?P<bc>\d{{1,4}})(?=\s*(?:-|–|to|and|or|until)\s*(?P<later>\d{{1,4}})\s*{_BC})",
         _h_bc_range_start),
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
                  # wire copy's 24-hour clock, told from a year by its zone: "at 1245 GMT", "0400 local time"
                  r"\b(?P<mh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?:\s*(?-i:GMT|UTC)\b|(?=\s+local\s+time\b)))"
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


# --- the public surface -----------------------------------------------------


def check_genre(genre: str) -> Genre:
    """`genre` if it is one of GENRES; ValueError naming the choices otherwise."""
    if genre not in GENRES:
        raise ValueError(f"unknown genre {genre!r}: expected one of {', '.join(GENRES)}")
    return cast(Genre, genre)


def tag(text: str, dct: date | None, genre: Genre = "news") -> tuple[TimeExpr, ...]:
    """Temporal expressions in `text`, normalised relative to the document date `dct`."""
    resolver = _Resolver(text, dct, check_genre(genre))
    found: list[tuple[int, int, _Norm]] = []
    windows = _windows(text)
    for rule in _rules():
        for w_start, w_end in windows:
            for m in rule.pattern.finditer(text, w_start, w_end):
                if _inside_name(text, m.start()):
                    continue
                norm = rule.handler(m, resolver)
                if norm is not None and m.end() > m.start():
                    found.append((m.start(), m.end(), norm))
    chosen = _merge_clock_and_day(text, _narrative(_longest_non_overlapping(found), dct, text))
    chosen = _day_ranges(text, _part_of_day_of(text, _range_years(text, chosen)))
    exprs = _ranges(text, [_to_timex(text, start, end, norm, dct) for start, end, norm in chosen])
    return tuple(_compose(text, exprs, dct))


def _inside_name(text: str, start: int) -> bool:
    """ "#Friday", "#olympics2014", "KLPF2013": a hashtag word or a name with a year glued on is a topic, not a date.

    In the Tweets training set 5 of 6 hashtagged time words (the sixth only for the plain "day" after it) and 5 of 5
    years glued to letters are left untagged; a clock time in a hashtag ("#720pm") is tagged (1 of 1), so digits
    after "#" still count.
    """
    before = text[start - 1:start]
    return before == "#" and text[start].isalpha() or before.isalpha() and text[start].isdigit()


def find_timexes(ctx: Any) -> tuple[TimeExpr, ...]:
    """Pipeline component: the document's time expressions, relative to its publication date."""
    return tag(ctx.document.text, ctx.document.published.value)


def context_tense(text: str, start: int, end: int, infinitive: bool = True, far: bool = True) -> Tense | None:
    """Past, future or present, from the cue words nearest the span within its sentence.

    With `infinitive` False, "to" + verb is no cue, so the tensed verb governing the clause decides.
    A plan stated in the past ("was due to", "had been set to") is past: the plan's day has gone by.
    With no cue near the span, and `far`, the verb further back in a long clause decides, unless a
    reporting verb comes first: "told oil companies of a cutback in September" says when it was told.
    """
    s_start, s_end = sentence_bounds(text, start, end)
    left = _without_passives(_cue_words(text[s_start:start]))
    right = _without_passives(_cue_words(text[end:s_end]))
    if not infinitive:
        left, right = _without_infinitives(left), _without_infinitives(right)
    near = _tense_of(left[-12:], right[:8])
    if near or not far:
        return near
    if len(left) <= 2:  # a date opening the sentence: "On Tuesday, the women's rights league plans to ..."
        return _tense_of([], [""] * 8 + right[8:_FAR_LEFT])
    # "Stocks rose, pushing ..., leaving the index within 70 points of its record high set on Aug. 6"
    return _tense_of(left[-_FAR_LEFT:-12], [], stop=_cues()["reporting"], gap=12)


# the month, not the modal verb: "between March and May", "since May 5" (a sentence may open with either)
_MONTH_MAY = re.compile(r"(?<=[\w,;:]\s)May\b|\bMay(?=\s+\d)")


def _cue_words(segment: str) -> list[str]:
    return _WORD.findall(_MONTH_MAY.sub("month", segment).lower())


def _tense_of(left: list[str], right: list[str], stop: frozenset[str] = frozenset(), gap: int = 0) -> Tense | None:
    """The tense of the first cue met going outward from the expression; `gap` words lie between `left` and it."""
    # each word with the one after it, the one before it, and how many words lie between it and the expression
    ordered = list(zip(reversed(left), reversed(left[1:] + [""]), reversed([""] + left[:-1]),
                       range(gap, gap + len(left)), ["left"] * len(left))) + list(
        zip(right, right[1:] + [""], [""] + right[:-1], range(len(right)), ["right"] * len(right)))
    present: Tense | None = None
    weak: Tense | None = None
    # the verb right after the expression, when the expression ends the subject of a clause ("... June 30 would")
    head = _cue(right[0], right[1] if len(right) > 1 else "") if right else None
    for word, nxt, prev, between, side in ordered:
        if word in stop:
            return None
        if word in _cues()["reporting"]:
            # "said it is calling for the redemption on Dec. 7": the reported clause keeps its own tense
            if present:
                return present
            # "said earnings for the quarter ending June 30 would fall"; but "said Tuesday" dates the saying
            if side == "left" and between >= 2 and head in ("past", "future"):
                return head
        found = _placed_cue(word, nxt, prev, between, side)
        if found == "weak":  # "by the Tuesday deadline": the noun names a deadline; the clause's verb dates it
            weak = weak or "future"
            continue
        # "had been due to expire Friday"; but "were planning to drive there on Monday" is still ahead
        if found == "future" and (prev in ("been", "had") or prev in ("was", "were") and not word.endswith("ing")):
            return "past"
        if found == "future" and nxt == "have" and word != "will":  # "may have been responsible for"
            return "past"
        if found in ("past", "future"):
            return found
        present = present or found
    return weak or present


def _placed_cue(word: str, nxt: str, prev: str, between: int, side: str) -> Tense | Literal["weak"] | None:
    """A cue word read with where it stands: some words say past or future only next to the expression."""
    cues = _cues()
    if word in cues["commitments"]:
        # "In March the government promised to ...", "pledged on Monday to ...": the date is the promise's;
        # "promised elections in March": the date is what was promised
        return "past" if side == "right" or between <= 1 else "future"
    if word in cues["scheduled"]:
        # news states a timetable in the present: "the two leaders meet Monday", "the deadline is Friday"
        # not after "to" ("had been due to expire Friday": the verb governing the infinitive decides)
        as_verb = not (prev in ("not", "never", "did", "to", "(to)") or prev.endswith("n't")
                       or prev in cues["determiners"])
        if side == "left" and between <= 1 and as_verb:
            return "future"
    if word in cues["named_deadlines"] and side == "right" and between == 0:
        return "weak"
    if word == "until" and side == "left" and between == 0 and not prev:
        return "weak"  # "Until Thursday, they had not called him a suspect": the main clause dates it
    return _cue(word, nxt)


def _without_infinitives(words: list[str]) -> list[str]:
    """Masks "to" before a verb, except after "be" ("is to resume Tuesday" is a plan)."""
    return [w if w != "to" or i and words[i - 1] in ("is", "are", "am", "was", "were") else "(to)"
            for i, w in enumerate(words)]


def _without_passives(words: list[str]) -> list[str]:
    """Drops participles that are not past tense.

    After "be" ("would be completed by", "will be paid on" are future; "is heard in May" is present) and used as
    adjectives: after a determiner ("the increased dividend") or negated with
    "un-" ("a still unspecified date"). A participle that names a plan stays ("the slated visit").
    """
    cues = _cues()

    def passive(i: int, w: str) -> bool:
        prev = words[i - 1] if i else ""
        return w not in cues["future"] and (
            prev in ("be", "been", "being", "is", "are", "am") and (w.endswith("ed") or w in cues["past"])
            or w.endswith("ed") and (w.startswith("un") or prev in cues["determiners"]))

    return [w for i, w in enumerate(words) if not passive(i, w)]


def shift_value(value: str, amount: float, unit: str) -> str | None:
    """A TIMEX3 calendar value moved by `amount` units (Y, Q, M, W, D); None if not calendar."""
    parsed = _parse_value(value)
    if parsed is None or amount != int(amount):
        return None
    day, precision = parsed
    n = int(amount)
    if unit in ("W", "D"):
        return _format(day + timedelta(days=n * (7 if unit == "W" else 1)), precision)
    moved = _add_months(day, n * {"Y": 12, "Q": 3, "M": 1}[unit])
    # a month-scale shift of a day is only as precise as its unit
    return _format(moved, "month" if precision == "day" else precision)


def _shift_reference(day: date, precision: str, amount: int, unit: str) -> str | None:
    """The reference moved by `amount` units, at the reference's precision (None if the unit is finer)."""
    finest = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}[precision]
    if "YQMWD".index(unit) > "YQMWD".index(finest) and not (precision == "week" and unit == "D"):
        return None
    if unit in ("W", "D"):
        return _format(day + timedelta(days=amount * (7 if unit == "W" else 1)), precision)
    return _format(_add_months(day, amount * {"Y": 12, "Q": 3, "M": 1}[unit]), precision)


# --- where to look ---------------------------------------------------------------

_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# a digit token triggers when it can be a year, a clock time or an ISO date
_NUMERIC_TRIGGER = re.compile(r"(?:1[5-9]|20)\d\d(?!\d)|\d0s\b|\d{1,2}(?::\d\d|\s*[ap]\.?m\b|st|nd|rd|th\b)|"
                              r"\d{4}\s+(?:GMT|UTC|local)|\d{1,4}s?\s*(?-i:B\.?C)\b", re.I)
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


# --- choosing spans ---------------------------------------------------------


def _longest_non_overlapping(found: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    taken: list[tuple[int, int, _Norm]] = []
    for start, end, norm in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, norm))
    return sorted(taken, key=lambda f: f[0])


def _narrative(chosen: list[tuple[int, int, _Norm]], dct: date | None, text: str) -> list[tuple[int, int, _Norm]]:
    """Re-anchor expressions on the last date mentioned where the narrative, not dct, is the reference."""
    out: list[tuple[int, int, _Norm]] = []
    reference: tuple[date, str] | None = None
    quarter: tuple[date, str] | None = None  # quarterly reports refer back to the quarter, not the last day
    narrative = _register(chosen, dct, text) == "history"
    years = [_value_year(n.value) if n.type == "DATE" and not n.relative else None for _, _, n in chosen]
    for index, (start, end, norm) in enumerate(chosen):
        if narrative and norm.history is not None:
            norm = norm.history
        anchor = reference or ((dct, "day") if dct is not None and not narrative else None)
        if norm.quarterly and quarter is not None:
            anchor = quarter
        anaphoric, backward = norm.anaphoric, norm.backward  # the rebased value does not carry the flags
        if norm.rebase is not None and anchor is not None and (
                anaphoric or narrative and reference is not None and _year_of(reference[0]) < dct.year):
            norm = _from_proxy(norm.rebase(*anchor) or _unplaced(norm, reference, narrative and anaphoric))
        elif narrative and anaphoric and norm.relative:
            norm = _unplaced(norm, None, True)
        parsed = _parse_value(norm.value) if norm.type == "DATE" else None
        # looking back ("a year earlier") compares, and "that month" only restates: neither moves the narrative
        aside = parsed is not None and reference is not None and _is_aside(years, index, _year_of(reference[0]))
        if parsed and not backward and not aside and not (anaphoric and reference and _contains(parsed, reference[0])):
            reference = parsed
        if parsed and parsed[1] == "quarter" and not backward and not _forecast(text, start, end, parsed, dct):
            quarter = parsed
        out.append((start, end, norm))
    return out


def _forecast(text: str, start: int, end: int, period: tuple[date, str], dct: date | None) -> bool:
    """ "expects fourth-quarter profit to rise": a quarter still running, spoken of ahead, is not the one reported."""
    return (dct is not None and _add_months(period[0], 3) > dct
            and context_tense(text, start, end, infinitive=False) == "future")


def _unplaced(norm: _Norm, reference: tuple[date, str] | None, history: bool) -> _Norm:
    """An anaphoric expression the narrative cannot place, in a history: as much as the reference gives.

    "Four days later" after "in 1915" is some day of 1915 ("1915-XX-XX"); with no reference at
    all it is an unknown day. In news the reading from dct stands.
    """
    if not history or norm.type != "DATE":
        return norm
    shape = re.sub(r"\d", "X", norm.value)
    if reference is not None and reference[1] in ("year", "month"):
        known = _format(*reference)
        if re.sub(r"\d", "X", known) == shape[:len(known)]:
            shape = known + shape[len(known):]
    return _Norm("DATE", shape, norm.mod)


_ASIDE_YEARS = 3  # a jump this far from the narrative's year may be an aside


def _is_aside(years: list[int | None], index: int, current: int) -> bool:
    """Whether the explicit date at `index` is an aside the narrative returns from.

    "In March 1951 ... (a 1979 study found ...) ... in late November ... in 1952": the next
    explicit year lies nearer the narrative's year than the jump, so the jump does not anchor
    "late November".
    """
    jump = years[index]
    if jump is None or abs(jump - current) < _ASIDE_YEARS:
        return False
    following = next((y for y in years[index + 1:] if y is not None), None)
    return following is not None and abs(following - current) < abs(following - jump)


# Python dates have no year 0 or before, so a BC year n rides through the date arithmetic as
# year _BC_PROXY + 1 - n (BC 490 -> 7511): later years stay larger, and "14 years later" or
# "the following year" after a BC date are ordinary date shifts. Years past _BC_PROXY are AD.
_BC_PROXY = 8000
_PROXY_YEAR = re.compile(r"^(?:[5-9]\d{3})(?=$|-)")


def _year_of(day: date) -> int:
    """The year of a (possibly proxy) date, BC years as negative numbers (astronomical, BC 1 = 0)."""
    return day.year - _BC_PROXY if day.year > _BC_PROXY - 3000 else day.year


def _from_proxy(norm: _Norm) -> _Norm:
    """A rebased value back from the proxy years to TIMEX3's "BC0490" or an AD year."""
    found = _PROXY_YEAR.match(norm.value)
    if not found:
        return norm
    year = int(found.group()) - _BC_PROXY
    era = f"BC{1 - year:04d}" if year <= 0 else f"{year:04d}"
    return replace(norm, value=era + norm.value[4:])


def _contains(period: tuple[date, str], day: date) -> bool:
    return _format(period[0], period[1]) == _format(day, period[1])


_Register = Literal["news", "history"]


def _register(chosen: list[tuple[int, int, _Norm]], dct: date | None, text: str) -> _Register | None:
    """Whether a text reads as news of its day or as a history; None without a dct.

    A history looks back: most explicit years lie two or more years from dct, most of those
    before it, and it seldom reports speech ("said", "told"), which news does every few
    sentences. The readings that differ ("tomorrow", "four days later" with no day to count
    from) follow the register.
    """
    if dct is None:
        return None
    years = [_value_year(n.value) for _, _, n in chosen if n.type == "DATE" and not n.relative]
    years = [y for y in years if y is not None]
    far = [y for y in years if abs(y - dct.year) >= 2]
    if len(years) < 3 or len(far) < 0.6 * len(years) or sum(y < dct.year for y in far) < _HISTORY_PAST * len(far):
        return "news"
    words = _WORD.findall(text.lower())
    reports = sum(w in _cues()["reporting"] for w in words)
    return "news" if reports >= _NEWS_REPORTS * len(words) else "history"


_HISTORY_PAST = 2 / 3  # share of a history's far years that lie before dct (forecasts look ahead)
_NEWS_REPORTS = 0.007  # reporting verbs per word from which a text reads as news (histories: under 0.006)


def _value_year(value: str) -> int | None:
    if value[:4].isdigit():
        return int(value[:4])
    return 1 - int(value[2:6]) if re.match(r"BC\d{4}", value) else None


_CLOCK_DAY_GAP = re.compile(r"\s*(?:[A-Z]{2,4}\s*)?,?\s*(?:on\s+)?$")


def _merge_clock_and_day(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """ "10 p.m. Wednesday", "Nov. 9, 5 p.m." -> one TIME on that day."""
    out: list[tuple[int, int, _Norm]] = []
    for start, end, norm in chosen:
        if out and _CLOCK_DAY_GAP.match(text[out[-1][1]:start]) and "\n" not in text[out[-1][1]:start]:
            merged = _clock_on_day(out[-1][2], norm) or _clock_on_day(norm, out[-1][2])
            if merged is not None:
                out[-1] = (out[-1][0], end, merged)
                continue
        out.append((start, end, norm))
    return out


_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def _range_years(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """ "from March to May 2019": a yearless start takes the year its range ends in (the one before if later)."""
    out = list(chosen)
    for i in range(len(out) - 1):
        (start, end, first), (nxt, _, last) = out[i], out[i + 1]
        if (first.relative and not last.relative and first.type == last.type == "DATE"
                and _MONTH_VALUE.fullmatch(first.value) and _MONTH_VALUE.fullmatch(last.value)
                and any(joiner.fullmatch(text, end, nxt) for joiner in _RANGE_JOINER.values())):
            year = int(last.value[:4]) - (first.value[4:] > last.value[4:len(first.value)])
            out[i] = (start, end, replace(first, value=f"{year:04d}{first.value[4:]}", relative=False))
    return out


# "the 6-7 January", "22 to 25 April", "May 4 and 5", "April 13-15": the other day of a range
_RANGE_LEFT = re.compile(r"(?<![\d,.])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and|or|until|through)\s*(?:the\s+)?$",
                         re.I)
_RANGE_RIGHT = re.compile(r"\s*(?:-|–|to|and|or|until|through)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
                          r"(?=\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:and|in|at|on|to|when|were|was|as|but|with|after|before|"
                          r"during|while|the)\b)")
_DAY_FIRST = re.compile(r"(?:the\s+)?\d", re.I)  # a date written day first: "19 October", "the 19th of October"
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-(\d\d)")


def _day_ranges(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """Adds the bare day number at the other end of a range of days, dated in the named day's month."""
    out = list(chosen)
    for start, end, norm in chosen:
        day = _DAY_VALUE.fullmatch(norm.value) if norm.type == "DATE" else None
        if day is None:
            continue
        left = _RANGE_LEFT.search(text, max(0, start - 16), start) if _DAY_FIRST.match(text, start) else None
        right = _RANGE_RIGHT.match(text, end) if text[end - 1:end].isdigit() else None
        for m, earlier in ((left, True), (right, False)):
            if m is None or not 1 <= int(m["d"]) <= 31 or (int(m["d"]) < int(day.group(1))) != earlier:
                continue
            span = (m.start("d"), m.end("d"))
            if all(span[1] <= s or span[0] >= e for s, e, _ in out):
                out.append((*span, replace(norm, value=f"{norm.value[:8]}{int(m['d']):02d}", rebase=None)))
    return sorted(out, key=lambda f: f[0])


_PART_OF = re.compile(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]?)?(?P<part>morning|afternoon|evening|night)"
                      r"(?:\s+hours)?\s+of\s+$", re.I)


def _part_of_day_of(text: str, chosen: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """ "the morning of 31 January 1965", "the early morning hours of 30 April" -> one TIME: that day's morning."""
    out: list[tuple[int, int, _Norm]] = []
    for start, end, norm in chosen:
        m = _PART_OF.search(text, max(0, start - 40), start)
        if m and norm.type == "DATE" and _DAY_VALUE.fullmatch(norm.value) and not any(
                e > m.start() and s < m.start() for s, e, _ in out):
            out = [item for item in out if item[1] <= m.start()]  # "early morning" alone joins the day it names
            part = _lex()["parts_of_day"][m["part"].lower()]
            out.append((m.start(), end, replace(norm, type="TIME", value=f"{norm.value}T{part}", rebase=None)))
            continue
        out.append((start, end, norm))
    return out


def _clock_on_day(clock: _Norm, day: _Norm) -> _Norm | None:
    if clock.type != "TIME" or day.type != "DATE" or not re.fullmatch(r"(?:\d{4}|XXXX)-[\dX]{2}-[\dX]{2}|XXXX-WXX-\d",
                                                                       day.value):
        return None
    hour = clock.value.split("T", 1)[1] if "T" in clock.value else ""
    if not re.fullmatch(r"\d\d:\d\d(?::\d\d)?", hour):
        return None
    return _Norm("TIME", f"{day.value}T{hour}", clock.mod, relative=day.relative)


def _to_timex(text: str, start: int, end: int, norm: _Norm, dct: date | None) -> TimeExpr:
    anchor = dct.isoformat() if norm.relative and dct is not None else None
    expr = TimeExpr(text[start:end], norm.type, norm.value, "point", start, end, anchor=anchor, mod=norm.mod)
    if norm.type == "DURATION":
        return replace(expr, role="duration")
    return _with_role(text, expr)


def _with_role(text: str, expr: TimeExpr) -> TimeExpr:
    return _bound_after(text, _role_before(text, expr))


def _role_before(text: str, expr: TimeExpr) -> TimeExpr:
    roles = _lex()["roles"]
    left = text[max(0, expr.start - 60):expr.start].lower()
    lower_phrase = _ends_with(left, roles["lower_bound"])
    if lower_phrase:
        left = _before_phrase(left, lower_phrase)
        expr = replace(expr, lower=expr.value, mod=expr.mod or "ON_OR_AFTER")
    upper = _ends_with(left, roles["upper_bound"]) is not None
    for role in ("deadline", "start", "end"):
        phrase = _ends_with(left, roles[role])
        if phrase is None:
            continue
        if role == "end" and _NEGATED_UNTIL.search(_before_phrase(left, phrase)):
            # "not until 2027", "will not leave until 2027": it happens in 2027 or later, no span ends then
            return replace(expr, lower=expr.value, mod=expr.mod or "ON_OR_AFTER")
        return replace(expr, role=role, upper=expr.value if upper else expr.upper)
    if _ends_with(left, ["before"]) and context_tense(text, expr.start, expr.end) == "future":
        return replace(expr, role="deadline", upper=expr.value)
    if _deadline_noun_before(text, expr.start, roles["deadline_nouns"]):
        return replace(expr, role="deadline", upper=expr.value)
    return expr


_NEGATED_UNTIL = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno)(?:\s+[a-z]+){0,5}\s+$")


def _bound_after(text: str, expr: TimeExpr) -> TimeExpr:
    """ "in 2027 at the earliest", "2030 or later" (a lower bound); "by 2026 at the latest" (an upper bound)."""
    roles = _lex()["roles"]
    right = text[expr.end:expr.end + 24].lower()
    if _phrase_at_start(tuple(roles["lower_bound_after"])).match(right):
        return replace(expr, lower=expr.value, mod=expr.mod or "ON_OR_AFTER")
    if _phrase_at_start(tuple(roles["upper_bound_after"])).match(right):
        role = "deadline" if expr.role == "point" else expr.role
        return replace(expr, role=role, upper=expr.value, mod=expr.mod or "ON_OR_BEFORE")
    return expr


@functools.cache
def _phrase_at_start(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf",?\s+(?:{_literal_alternation(phrases)})\b")


def _ends_with(left: str, phrases: list[str]) -> str | None:
    stripped = left.rstrip()
    if stripped == left:  # the phrase must be a separate word before the span
        return None
    m = _phrase_at_end(tuple(phrases)).search(stripped)
    return m.group(1) if m else None


def _before_phrase(left: str, phrase: str) -> str:
    """`left` without the phrase (and the spaces after it) that `_ends_with` found at its end."""
    return left[: len(left.rstrip()) - len(phrase)]


@functools.cache
def _phrase_at_end(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:^|[^\w])({_literal_alternation(phrases)})$")


def _literal_alternation(phrases: tuple[str, ...]) -> str:
    # unlike _alternation, a space matches one space: role phrases are read from text already cut to a window
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _deadline_noun_before(text: str, start: int, nouns: list[str]) -> bool:
    s_start, _ = sentence_bounds(text, start, start)
    left = text[max(s_start, start - 40):start].lower()
    if not re.search(r"\b(?:for|of|at|on|to|is|as)\s+$", left):
        return False
    return any(re.search(rf"\b{re.escape(n)}\b", left) for n in nouns)


# --- ranges: "from 2019 to 2021", "between March and May" -----------------

_RANGE_OPENER = re.compile(r"\b(?P<opener>from|between)\s+$", re.I)
_RANGE_JOINER = {"from": re.compile(r"\s*(?:to|until|till|through|-|–)\s*", re.I),
                 "between": re.compile(r"\s*(?:and|-|–)\s*", re.I)}


def _ranges(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """The first date of a range starts it and the second ends it, no earlier than the first."""
    out = list(exprs)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        opener = _RANGE_OPENER.search(text, max(0, first.start - 10), first.start)
        if (opener is None or first.type not in ("DATE", "TIME") or second.type != first.type
                or not _RANGE_JOINER[opener["opener"].lower()].fullmatch(text, first.end, second.start)):
            continue
        out[i] = replace(first, role="start") if first.role == "point" else first
        out[i + 1] = _not_before(first, replace(second, role="end") if second.role == "point" else second)
    return out


def _not_before(first: TimeExpr, second: TimeExpr) -> TimeExpr:
    """ "from Monday to Wednesday": a weekday ending a range is the first one after its start.

    Only weekdays: for "from October to March" it is as likely the start's year that is wrong.
    """
    start, end = _parse_value(first.value), _parse_value(second.value)
    if (second.anchor is None or start is None or end is None or (start[1], end[1]) != ("day", "day")
            or not re.search(r"day\b", second.text, re.I)):
        return second
    day = end[0]
    while day < start[0]:
        day += timedelta(weeks=1)
    return replace(second, value=_format(day, "day"))


# --- composition: durations anchored on a date or on dct ------------------


def _compose(text: str, exprs: list[TimeExpr], dct: date | None) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    for expr in exprs:
        if expr.type == "DURATION":
            expr = _anchor_duration(text, expr, out, dct)
        out.append(expr)
    return out


def _anchor_duration(text: str, expr: TimeExpr, before: list[TimeExpr], dct: date | None) -> TimeExpr:
    amount = _duration_amount(expr.value)
    if amount is None:
        return expr
    n, unit = amount
    lowered = expr.text.lower()
    if re.search(r"\bby\s+$", text[max(0, expr.start - 10):expr.start]):
        anchor = _date_in_sentence(text, expr, before)
        if anchor is None:
            return expr
        return _bounded(expr, anchor, shift_value(anchor, n, unit))
    if dct is None:
        return expr
    now = dct.isoformat()
    preposition = re.search(r"\b(within|in)\s+$", text[max(0, expr.start - 10):expr.start], re.I)
    within = preposition is not None and preposition[1].lower() == "within"
    if preposition and _from_now(text, expr, before):
        if within:  # "will close within 12 months": by dct + 12 months
            return replace(expr, role="deadline", anchor=now, upper=shift_value(now, n, unit))
        return _bounded(expr, now, shift_value(now, n, unit))  # "will leave in six months"
    if re.match(r"the\s+(?:next|coming|following)\b", lowered):
        role = "deadline" if within else expr.role  # "within the next 12 months"
        return replace(expr, role=role, anchor=now, upper=shift_value(now, n, unit))
    if re.match(r"the\s+(?:past|last|previous)\b", lowered):
        return replace(expr, anchor=now, lower=shift_value(now, -n, unit))
    return expr


_COUNTED_FROM = re.compile(r"\s+(?:of|after|from|before)\b", re.I)


def _from_now(text: str, expr: TimeExpr, before: list[TimeExpr]) -> bool:
    """Whether a duration after "in" or "within" counts from the publication day: the clause looks ahead, has no
    date of its own to count from ("promised in March to leave within a year") and names no event to count from
    ("within 30 days of the ruling")."""
    if re.match(r"the\s", expr.text, re.I) or _COUNTED_FROM.match(text, expr.end):
        return False
    return _date_in_sentence(text, expr, before) is None and context_tense(text, expr.start, expr.end) == "future"


def _bounded(expr: TimeExpr, anchor: str, shifted: str | None) -> TimeExpr:
    if expr.mod in ("EQUAL_OR_MORE", "MORE_THAN"):
        return replace(expr, anchor=anchor, lower=shifted)
    if expr.mod in ("EQUAL_OR_LESS", "LESS_THAN"):
        return replace(expr, anchor=anchor, upper=shifted)
    return replace(expr, anchor=anchor, lower=shifted, upper=shifted)


def _date_in_sentence(text: str, expr: TimeExpr, before: list[TimeExpr]) -> str | None:
    s_start, _ = sentence_bounds(text, expr.start, expr.end)
    for other in reversed(before):
        if other.start >= s_start and other.type == "DATE" and _parse_value(other.value) is not None:
            return other.value
    return None


def _duration_amount(value: str) -> tuple[float, str] | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([YQMWD])", value)
    return (float(m.group(1)), m.group(2)) if m else None


# --- context ------------------------------------------------------------------


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence (or line) around text[start:end]."""
    s_start = max(0, start - 400)
    for m in _BOUNDARY.finditer(text, s_start, start + 1):
        s_start = m.end() if m.end() <= start and _ends_sentence(text, m) else s_start
    nxt = _BOUNDARY.search(text, end)
    while nxt and not _ends_sentence(text, nxt):
        nxt = _BOUNDARY.search(text, nxt.end())
    return s_start, nxt.start() + 1 if nxt else len(text)


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group() == "\n":
        return True
    period = boundary.start() + 1
    starts = range(max(0, period - 12), period)
    return not any((m := _ABBREVIATION.match(text, i)) and m.end() == period for i in starts)


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in _lex()["cues"].items()}


def _cue(word: str, nxt: str) -> Tense | None:
    cues = _cues()
    if word == "next" and nxt in ("to", "(to)"):  # "a building next to the embassy"
        return None
    if word in cues["future"]:
        return "future"
    # "set for May", "set to expire"; not "a record set on Aug. 6"
    if word == "set" and nxt in ("to", "(to)", "for", ""):
        return "future"
    if word == "to" and nxt and nxt not in cues["determiners"] and not nxt[0].isdigit() and not nxt.endswith("s"):
        return "future"
    if word in cues["past"]:
        return "past"
    if word.endswith("ed") and len(word) > 4 and word not in cues["not_past"]:
        return "past"
    return "present" if word in cues["present"] else None


# --- resolution against dct ---------------------------------------------------


class _Resolver:
    """Resolves relative dates against dct, choosing direction from context lazily."""

    def __init__(self, text: str, dct: date | None, genre: Genre = "news"):
        self.text = text
        self.dct = dct
        self.genre = genre

    def tags(self, use: str) -> bool:
        """Whether texts of this genre tag a vague use ("future_before_noun": data/timex.toml [genres])."""
        return self.genre in _lex()["genres"][use]

    def tense(self, m: re.Match[str]) -> Tense | None:
        return context_tense(self.text, m.start(), m.end())

    def verb_tense(self, m: re.Match[str]) -> Tense | None:
        """The tensed verb's, near or further back, before an infinitive's: "extended their offers to acquire it
        Friday", "staged celebrations to mark its entry into NATO on Friday" say when by the tensed verb."""
        return context_tense(self.text, m.start(), m.end(), infinitive=False) or self.tense(m)

    def reach(self, m: re.Match[str]) -> int:
        """Days ahead a future cue may place a yearless date: a year when a firm plan ("will", "plans to")
        governs a date introduced by a preposition ("will happen on November 3"), half a year otherwise
        ("will appeal the October 20 ruling" may name a past day)."""
        s_start, _ = sentence_bounds(self.text, m.start(), m.end())
        left = _cue_words(self.text[s_start:m.start()])
        if left and left[-1] in _cues()["date_prepositions"] and _cues()["firm_future"] & set(left[-_FIRM_REACH:]):
            return 366
        return _YEARLESS_REACH

    def preceded_by(self, m: re.Match[str], pattern: str) -> bool:
        return re.search(rf"(?:^|\W)(?:{pattern})\s+$", self.text[max(0, m.start() - 30):m.start()], re.I) is not None


def _month_num(name: str) -> int:
    return _lex()["months"][name.rstrip(".").lower()]


def _weekday_num(name: str) -> int:
    key = name.rstrip(".").lower()
    lex = _lex()
    return lex["weekdays"][key] if key in lex["weekdays"] else lex["weekday_abbreviations"][key.capitalize()]


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", word):
        return float(word.replace(",", ""))
    numbers = _lex()["numbers"]
    if word in numbers:
        return float(numbers[word])
    parts = re.split(r"[\s-]", word)  # "twenty-four", "twenty four"
    if len(parts) == 2 and all(part in numbers for part in parts):
        return float(numbers[parts[0]] + numbers[parts[1]])
    return None


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, 1) if day.day == 1 else _clip_day(year, month + 1, day.day)


def _clip_day(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def _format(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return day.isoformat()


def _parse_value(value: str) -> tuple[date, str] | None:
    bc = re.fullmatch(r"BC(\d{4})(-\d\d)?", value)
    if bc and 0 < int(bc[1]) < 3000:
        year = _BC_PROXY + 1 - int(bc[1])
        return (date(year, int(bc[2][1:]), 1), "month") if bc[2] else (date(year, 1, 1), "year")
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), "year"
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return date(int(value[:4]), int(value[6]) * 3 - 2, 1), "quarter"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return date(int(value[:4]), int(value[5:7]), 1), "month"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value), "day"
    return None


_YEARLESS_REACH = 183  # days
_FIRM_REACH = 8  # words before a date searched for a firm plan


def _month_day_date(month: int, day: int, dct: date, tense: Tense | None, weekday: int | None = None,
                    reach: int = _YEARLESS_REACH) -> date | None:
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    # "Saturday, April 25": the year in which that day is a Saturday
    options = [d for d in options if d.isoweekday() == weekday] or options if weekday else options
    return _choose_day(options, dct, tense, reach) if options else None


def _choose_day(options: list[date], dct: date, tense: Tense | None, reach: int = _YEARLESS_REACH) -> date:
    """The candidate day (one a year) that the tense and nearness to dct point to."""
    nearest = min(options, key=lambda d: abs((d - dct).days))
    # A future cue looks ahead only `reach` days, half a year unless a firm plan
    # governs the date: "set the deadline in a joint statement on May 19" is last May, not next year's.
    if tense == "future":
        ahead = min((d for d in options if d >= dct), default=options[-1])
        return ahead if (ahead - dct).days <= reach else nearest
    if tense == "past" and (nearest - dct).days > 31:  # a past verb outweighs nearness beyond a month ahead
        return max((d for d in options if d <= dct), default=options[0])
    return nearest


def _month_year(month: int, dct: date, tense: Tense | None, reach: int = _YEARLESS_REACH) -> int:
    if tense == "past" and month > dct.month:
        return dct.year - 1
    if tense == "future" and month < dct.month:
        # a future cue looks ahead only as far as for a day ("in September" said in October is past)
        return dct.year + 1 if (month + 12 - dct.month) * 30.5 <= reach else dct.year
    if tense is None or tense == "present":  # with no tense to go by, the nearest such month (as for a day)
        return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(12 * (y - dct.year) + month - dct.month))
    return dct.year


def _weekday_date(weekday: int, dct: date, rel: str | None, tense: Tense | None) -> date:
    offset = weekday - dct.isoweekday()
    if rel == "this" or (rel is None and offset == 0):  # a bare weekday that is the dct's own day means that day
        return dct + timedelta(days=offset)
    if rel in ("next", "coming", "this coming") or (rel is None and tense == "future"):
        return dct + timedelta(days=offset % 7 or 7)
    if rel in ("last", "past", "this past"):
        return dct - timedelta(days=(-offset) % 7 or 7)
    return dct - timedelta(days=(-offset) % 7)


# --- rule handlers --------------------------------------------------------------


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
    resolved = _month_day_date(month, day, r.dct, tense, weekday, 366 if rel else r.reach(m))
    return _Norm("DATE", resolved.isoformat(), relative=True, rebase=rebase) if resolved else None


def _h_week_of_month(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "the first week of May": the ISO week holding the month's 4th (as ISO's first week of a year holds Jan 4)."""
    month, word = _month_num(m["month"]), m["ord"].lower()
    nth = -1 if word in ("last", "final") else _ORDINALS[word]

    def week(year: int) -> str:
        last = _add_months(date(year, month, 1), 1) - timedelta(days=1)
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
    return _Norm("DATE", m["year"], _prefix_mod(m["prefix"]))


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
    first = _add_months(r.dct.replace(day=1), 1 - back)
    return _Norm("DATE", (first - timedelta(days=1)).isoformat(), relative=True)


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
    day = _nth_day(_add_months(r.dct.replace(day=1), step), nth)
    if day is None:
        return None
    return _Norm("DATE", day.isoformat(), relative=True, anaphoric=True, rebase=rebase,
                 history=_Norm("DATE", f"XXXX-XX-{nth:02d}", anaphoric=True, rebase=rebase))


def _nth_of_reference(nth: int, dct: date | None, ref: date, precision: str) -> _Norm | None:
    """Day `nth` of the reference's month; none from dct itself, whose month the tense has already chosen."""
    day = _nth_day(ref, nth) if precision in ("day", "month") and ref != dct else None
    return _Norm("DATE", day.isoformat(), relative=True) if day else None


def _nth_day(month: date, nth: int) -> date | None:
    """Day `nth` of `month`'s month; None past its end ("the 31st" of a 30-day month)."""
    return month.replace(day=nth) if nth <= calendar.monthrange(month.year, month.month)[1] else None


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


# "the following year", "that quarter": steps from the last date mentioned, not from dct
_ANAPHORIC_STEP = {"previous": -1, "prior": -1, "following": 1, "same": 0, "that": 0, "latest": 0, "the": 0}


def _h_rel_period(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["day"]:
        return _day_after_reference(m, r)
    rel = m["rel"].lower().split()[-1]
    prefix = (m["prefix"] or "").lower()
    period = m["period"].lower().replace("period", "quarter")  # "the latest period" of a quarterly report
    if m["ended"] is not None and not prefix:  # "the year ended March 31": a twelve-month span
        return _Norm("DURATION", "P1Y")
    prefix = prefix.split()[0] if m["inthe"] else prefix  # "later in the year" reads as "later that year"
    rel = "that" if m["inthe"] else rel
    if rel == "the" and not prefix.startswith("the") and period not in ("quarter", "weekend") and not (
            period == "year" and (m["fiscal"] or r.preceded_by(m, "for"))):
        return None
    mod = None if prefix in ("earlier", "later") else _prefix_mod(prefix or None)
    if rel == "the" and period == "weekend":
        return _nearest_weekend(r, m)
    # "the next month" counts from the last date mentioned, as "the following month"; "next month" from dct
    step = _ANAPHORIC_STEP.get("following" if rel == "next" and m["rel"].lower().startswith("the") else rel)
    rebase = None
    if step is not None and period != "weekend":
        rebase = functools.partial(_period_from_reference, period, step, mod, completed=rel == "latest")
    if r.dct is None:
        vague = {"year": "XXXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "decade": "XXX"}.get(period, "XXXX-WXX")
        return _Norm("DATE", vague, mod, rebase=rebase, anaphoric=rebase is not None, backward=(step or 0) < 0)
    # with nothing mentioned yet, "the latest quarter" is the last one completed before dct
    first_step = -1 if rel == "latest" else step
    value = _period_value(r.dct, period, first_step if first_step is not None else _REL_DIRECTION.get(rel, 0))
    return _Norm("DATE", value, mod, relative=True, rebase=rebase, anaphoric=rebase is not None, backward=(step or 0) < 0,
                 quarterly=period == "quarter")


def _day_after_reference(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "the next day", "that night": a day, or a part of it, counted from the last day mentioned."""
    step = {"next": 1, "following": 1, "previous": -1}.get(m["dayrel"].lower().split()[-1], 0)
    part = _lex()["parts_of_day"].get(m["day"].lower())
    kind, suffix = ("TIME", f"T{part}") if part else ("DATE", "")

    def rebase(ref: date, precision: str) -> _Norm | None:
        return _Norm(kind, f"{ref + timedelta(days=step)}{suffix}", relative=True) if precision == "day" else None

    value = f"{r.dct + timedelta(days=step)}{suffix}" if r.dct else f"XXXX-XX-XX{suffix}"
    return _Norm(kind, value, relative=r.dct is not None, rebase=rebase, anaphoric=True, backward=step < 0)


def _period_from_reference(period: str, step: int, mod: str | None, ref: date, precision: str,
                           completed: bool = False) -> _Norm | None:
    coarse = {"decade": "year", "year": "year", "quarter": "quarter", "month": "month", "week": "week"}[period]
    finer = "year quarter month week day".split()
    if finer.index(precision) < finer.index(coarse):
        return None  # "that month" after a bare year: the year does not say which month
    if period == "decade" and ref.year > _BC_PROXY // 2:  # a year before Christ: its decades count down
        bc = 1 - (ref.year - _BC_PROXY)
        return _Norm("DATE", f"BC{bc // 10 - step:03d}", mod, relative=True) if bc > 0 else None
    if completed and finer.index(precision) > finer.index(coarse):
        step = -1  # "the latest quarter" after a day: the last quarter reported by then, not the one running
    return _Norm("DATE", _period_value(ref, period, step), mod, relative=True)


def _nearest_weekend(r: _Resolver, m: re.Match[str]) -> _Norm:
    if r.dct is None:
        return _Norm("DATE", "XXXX-WXX-WE")
    ahead = r.tense(m) == "future"
    offset = (6 - r.dct.isoweekday()) % 7 if ahead else -((r.dct.isoweekday() - 6) % 7)
    return _Norm("DATE", _format(r.dct + timedelta(days=offset), "week") + "-WE", relative=True)


def _period_value(dct: date, period: str, step: int) -> str:
    if period == "decade":  # "this decade" -> 202, "next decade" -> 203
        return f"{dct.year // 10 + step:03d}"
    if period == "year":
        return f"{dct.year + step:04d}"
    if period == "month":
        return _format(_add_months(dct.replace(day=1), step), "month")
    if period == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    week = _format(dct + timedelta(weeks=step), "week")
    return f"{week}-WE" if period == "weekend" else week


def _h_ago(m: re.Match[str], r: _Resolver) -> _Norm | None:
    n = _number(m["num"]) if m["num"] else None  # "months ago"
    unit = _unit_code(m["unit"] or m["bare"])
    if unit[0].startswith("T"):  # "12 minutes ago": a moment of dct's day, whose clock time dct does not give
        return _same_day(r, anaphoric=False)
    if n is None:  # "several years ago"
        return _Norm("DATE", "PAST_REF")
    if n != int(n):
        return None
    letter, mult = unit
    precision = {"Y": "year", "M": "month", "Q": "month"}.get(letter, "day")
    if r.dct is None:
        return _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"))
    value = shift_value(r.dct.isoformat(), -int(n) * mult, letter)
    if not value:
        return None
    # in a quarterly report "a year ago" is the same quarter a year before (TimeML practice)
    rebase = functools.partial(_quarter_before, int(n) * mult) if letter == "Y" else None
    unknown = _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"))
    return _Norm("DATE", _trim(value, precision), relative=True, rebase=rebase, anaphoric=rebase is not None,
                 backward=True, quarterly=True, history=unknown)


def _quarter_before(years: int, ref: date, precision: str) -> _Norm | None:
    if precision != "quarter":
        return None
    return _Norm("DATE", _format(_add_months(ref, -12 * years), "quarter"), relative=True)


def _h_shift(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "a year earlier", "two weeks later": from the last date mentioned; "a year from now": from dct."""
    n = _number(m["num"]) if m["num"] else None
    letter, mult = _unit_code(m["unit"] or m["bare"])
    direction = -1 if m["dir"].lower() in ("earlier", "previously") else 1
    anaphoric = not m["dir"].lower().startswith(("from", "hence"))
    if letter.startswith("T"):  # "two hours later": a moment of the day last mentioned (WikiWars: "1950-06-25TXX")
        return _same_day(r, anaphoric)
    if n is None:  # "a few days later"
        return _Norm("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if n != int(n):
        return None
    amount = direction * int(n) * mult
    precision = {"Y": "year", "Q": "quarter", "M": "month", "W": "week"}.get(letter, "day")
    rebase = functools.partial(_shifted_reference, amount, letter)
    if r.dct is None:
        return _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"), rebase=rebase,
                     anaphoric=True, backward=direction < 0)
    value = _shift_reference(r.dct, precision, amount, letter)
    return _Norm("DATE", value or "", relative=True, rebase=rebase if anaphoric else None, anaphoric=anaphoric,
                 backward=anaphoric and direction < 0)


def _same_day(r: _Resolver, anaphoric: bool) -> _Norm:
    """A TIME on the day the narrative stands at (dct's, or the day last mentioned), its clock time unknown."""
    return _Norm("TIME", r.dct.isoformat() if r.dct else "XXXX-XX-XX", relative=r.dct is not None,
                 rebase=functools.partial(_on_reference_day, "") if anaphoric else None, anaphoric=anaphoric)


def _shifted_reference(amount: int, unit: str, ref: date, precision: str) -> _Norm | None:
    value = _shift_reference(ref, precision, amount, unit)
    return _Norm("DATE", value, relative=True) if value else None


def _h_year_ago(m: re.Match[str], r: _Resolver) -> _Norm | None:
    """ "the year-earlier quarter", "year-ago": the period a year before the last date mentioned."""
    quarter = _ORDINALS[m["ord"].lower()] if m["ord"] else None

    def rebase(ref: date, precision: str) -> _Norm | None:
        if quarter:
            return _Norm("DATE", f"{ref.year - 1:04d}-Q{quarter}", relative=True)
        if period and precision in ("month", "week", "day"):
            precision = "quarter"  # "the year-ago period" of a quarterly report
        value = _shift_reference(ref, precision, -1, "Y")
        return _Norm("DATE", value, relative=True) if value else None

    period = m["period"]
    base = r.dct or date(1, 1, 1)
    first = rebase(base, "quarter" if m["period"] and m["period"].lower() == "quarter" else "year")
    value = first.value if r.dct and first else "XXXX"
    return _Norm("DATE", value, relative=r.dct is not None, rebase=rebase, anaphoric=True, backward=True,
                 quarterly=True)


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


def _holiday_date(rule: str, year: int) -> date | None:
    """The day of a holiday rule: "12-25" (fixed), "easter-2" (from Easter), "11/4/4" (4th Thursday of Nov)."""
    if rule.startswith("easter"):
        return _easter(year) + timedelta(days=int(rule[6:] or 0))
    if "/" in rule:
        rule, _, after = rule.partition("+")
        month, weekday, nth = (int(x) for x in rule.split("/"))
        return _nth_weekday(year, month, weekday, nth) + timedelta(days=int(after or 0))
    try:
        return date(year, int(rule[:2]), int(rule[3:]))
    except ValueError:
        return None


def _easter(year: int) -> date:
    # the anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = _add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _trim(value: str, precision: str) -> str:
    return value[: {"year": 4, "month": 7}.get(precision, 10)]


def _h_day_rel(m: re.Match[str], r: _Resolver) -> _Norm | None:
    word = re.sub(r"\s+", " ", m["day"].lower())
    part = _lex()["parts_of_day"].get((m["part"] or "").lower())
    if word in ("this", "last") and not part:
        return None
    if word == "today" and _POSSESSIVE.match(r.text, m.end()) and not r.tags("todays_before_noun"):
        return None
    offsets = {"today": 0, "this": 0, "tonight": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    part = part or ("NI" if word in ("tonight",) else None)
    if r.dct is None:
        return _Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    day = (r.dct + timedelta(days=offsets[word])).isoformat()
    # in a history "tomorrow" is said by someone in the story, on a day the text does not give
    history = _Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    if part:
        return _Norm("TIME", f"{day}T{part}", relative=True, history=history)
    return _Norm("DATE", day, relative=True, history=history)


def _h_part_of_day(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "by mid-afternoon", "late morning yesterday": a part of dct's day (or of the day named)."""
    part = "T" + _lex()["parts_of_day"][m["part"].lower()]
    if r.dct is None:
        return _Norm("TIME", "XXXX-XX-XX" + part)
    offset = {"yesterday": -1, "tomorrow": 1}.get((m["day"] or "").lower(), 0)
    day = (r.dct + timedelta(days=offset)).isoformat()
    return _Norm("TIME", day + part, relative=True, history=_Norm("TIME", "XXXX-XX-XX" + part),
                 rebase=None if m["day"] else functools.partial(_part_on_reference, part))


def _part_on_reference(part: str, ref: date, precision: str) -> _Norm | None:
    """In a history, a part of the day falls on the day the text is at."""
    return _Norm("TIME", f"{ref.isoformat()}{part}", relative=True) if precision == "day" else None


def _h_weekday(m: re.Match[str], r: _Resolver) -> _Norm:
    k = _weekday_num(m["weekday"])
    part = _lex()["parts_of_day"].get((m["part"] or "").lower())
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    mod = "END" if (m["wmod"] or "").lower() == "late" else "START" if m["wmod"] else None
    if r.dct is None:
        return _Norm(kind, f"XXXX-WXX-{k}{suffix}", mod)
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    if rel in ("the previous", "the following"):  # counted from the last day mentioned
        step = -1 if rel == "the previous" else 1
        day = _weekday_date(k, r.dct, "last" if step < 0 else "next", None)
        return _Norm(kind, f"{day.isoformat()}{suffix}", mod, relative=True, anaphoric=True, backward=step < 0,
                     rebase=functools.partial(_weekday_from_reference, k, step, suffix))
    tense = None if rel else r.verb_tense(m)
    day = _weekday_date(k, r.dct, rel, tense)
    return _Norm(kind, f"{day.isoformat()}{suffix}", mod, relative=True,
                 history=_Norm(kind, f"XXXX-WXX-{k}{suffix}", mod))


def _weekday_from_reference(weekday: int, step: int, suffix: str, ref: date, precision: str) -> _Norm | None:
    """ "the previous Friday": the one before (or after) the day the text is at."""
    if precision != "day":
        return None
    day = _weekday_date(weekday, ref, "last" if step < 0 else "next", None)
    return _Norm("TIME" if suffix else "DATE", f"{day.isoformat()}{suffix}", relative=True)


def _h_clock(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["word"]:
        hour, minute = (24 if m["word"].lower() == "midnight" else 12), 0
    elif m["hp"]:  # "4 in the morning", "10 at night"; "2 at night" is the small hours
        hour, part = int(m["hp"]), m["pd"].lower()
        late = part in ("afternoon", "evening") or part == "night" and hour >= 6
        hour, minute = hour % 12 + (12 if late else 0), 0
    elif m["h24"] or m["mh"]:
        hour, minute = int(m["h24"] or m["mh"]), int(m["mi24"] or m["mm"])
    else:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"][0].lower() == "p" else 0), int(m["mi"] or 0)
    if hour > 24:
        return None
    day = r.dct.isoformat() if r.dct else "XXXX-XX-XX"
    clock = f"{hour:02d}:{minute:02d}" + (f":{m['sec']}" if m["sec"] else "")
    return _Norm("TIME", f"{day}T{clock}", "APPROX" if m["approx"] else None, relative=r.dct is not None,
                 rebase=functools.partial(_on_reference_day, f"T{clock}"))


def _h_overnight(m: re.Match[str], r: _Resolver) -> _Norm:
    """ "Stocks fell overnight": the night before dct, or dct's own night ahead; in a story, the night of its day."""
    rebase = functools.partial(_on_reference_day, "TNI")
    if r.dct is None:
        return _Norm("TIME", "XXXX-XX-XXTNI", rebase=rebase)
    night = r.dct if r.tense(m) == "future" else r.dct - timedelta(days=1)
    return _Norm("TIME", f"{night}TNI", relative=True, rebase=rebase)


def _h_unit_adjective(m: re.Match[str], r: _Resolver) -> _Norm:
    """A span of time used as an adjective: one unit ("year-long": P1Y), or an unknown number ("decades-long")."""
    if m["unit"]:
        return _Norm("DURATION", _duration_value(1, _unit_code(m["unit"])))
    return _Norm("DURATION", _duration_value(None, _unit_code(m["units"] or m["munit"])))


def _on_reference_day(time_of_day: str, ref: date, precision: str) -> _Norm | None:
    """A TIME on the day the text is at: a clock time ("T14:30"), a part of the day ("TNI") or none ("")."""
    return _Norm("TIME", f"{ref.isoformat()}{time_of_day}", relative=True) if precision == "day" else None


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


_POSSESSIVE = re.compile(r"['’]s\s+[a-z]")


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


def _unit_code(unit: str) -> tuple[str, int]:
    word = unit.lower()
    word = "century" if word.startswith("centur") else word.rstrip("s")
    letter, mult = _lex()["units"][word]
    return letter, mult


def _duration_value(n: float | None, unit: tuple[str, int]) -> str:
    letter, mult = unit
    if n is None:
        vague = {10: "DE", 100: "CE"}.get(mult, letter.lstrip("T"))
        return f"PTX{vague}" if letter.startswith("T") else f"PX{vague}"
    total = n * mult
    if total != int(total) and letter in _FINER:  # "2 1/2 years" -> P2Y6M, "an hour and a half" -> PT1H30M
        finer, per = _FINER[letter]
        rest = round((total - int(total)) * per, 6)
        if rest == int(rest):
            whole = f"{int(total)}{letter.lstrip('T')}" if int(total) else ""
            time = "T" if letter.startswith("T") or finer.startswith("T") else ""
            if letter.startswith("T"):
                return f"PT{whole}{int(rest)}{finer[1]}"
            return f"P{whole}{time}{int(rest)}{finer.lstrip('T')}"
    amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"PT{amount}{letter[1]}" if letter.startswith("T") else f"P{amount}{letter}"


# the next finer unit and how many of it make one: fractions of a unit are written in it
_FINER = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}
