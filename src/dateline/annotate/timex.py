"""Temporal tagger: finds time expressions and normalises them to TIMEX3.

Pure Python (regular expressions over a small grammar read from
`data/timex.toml`), so it needs no parse and runs fast. `tag(text, dct)` returns
non-overlapping `TimeExpr` spans (longest match wins) with TimeML `type`,
`value` and `mod`; relative expressions are resolved against the document
creation time `dct`, choosing past or future from tense cues around them, and
stay underspecified ("XXXX-10-07", "XXXX-WXX-5") when `dct` is None. Roles
(deadline, start, end), bounds ("at least", "no later than") and durations
anchored on a date or on `dct` are added afterwards.

Pipeline component: `find_timexes(ctx)` reads `ctx.document`; assigns "timexes".
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

from dateline.model import TimeExpr
from dateline.resources import load_table

logger = logging.getLogger(__name__)

__all__ = ["tag", "find_timexes", "context_tense", "sentence_bounds", "shift_value", "Tense"]

Tense = Literal["past", "future", "present"]

_REL_DIRECTION = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "same": 0,
                  "next": 1, "coming": 1, "following": 1}
_PREFIX_MOD = {"early": "START", "beginning": "START", "start": "START", "mid": "MID",
               "middle": "MID", "late": "END", "end": "END", "close": "END"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 4}
_BOUNDARY = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(])|\n")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class _Norm:
    """What a grammar rule found: TIMEX3 type, value and mod, and whether dct was used."""

    type: str
    value: str
    mod: str | None = None
    relative: bool = False


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
    full = [m.capitalize() for m in lex["months"] if len(m) > 4 or m in ("may", "june", "july")]
    short = [m.capitalize() for m in lex["months"] if m.capitalize() not in full]
    months = rf"(?:{_alternation(full)})\b|(?:{_alternation(short)})\b\.?"
    weekdays = _alternation([w.capitalize() for w in lex["weekdays"]])
    words = [w for w in lex["numbers"] if w not in ("a", "an")]
    tens = _alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    ones = _alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    vague = _alternation(lex["vague"]["words"])
    number = rf"\d+(?:\.\d+)?|(?:{tens})-(?:{ones})|{_alternation(words)}|{vague}|an?"
    return {
        "month": rf"(?P<month>{months})",
        "weekday": rf"(?P<weekday>{weekdays})\b",
        "num": rf"(?P<num>{number})",
        "unit": r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?\b",
        "season": rf"(?P<season>{_alternation(list(lex['seasons']))})\b",
        "prefix": r"(?:(?P<prefix>early|late|mid|the\s+(?:end|beginning|start|middle|close)\s+of)(?:\s+|-))",
        "year": r"(?P<year>(?:19|20)\d\d)\b",
        "mods": rf"(?:(?P<mod>{_alternation(list(lex['modifiers']))})\s+)",
        "part": rf"(?P<part>{_alternation(list(lex['parts_of_day']))})",
    }


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    p = _pieces()
    specs: list[tuple[str, str, Callable[..., _Norm | None]]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d)"
                r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b", _h_iso),
        ("iso_week", r"\b(?P<y>\d{4})-W(?P<w>[0-5]\d)\b", _h_iso_week),
        ("mdy", rf"(?:{p['weekday']},?\s+)?{p['month']}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{p['year']})?",
         _h_month_day),
        ("dmy", rf"(?:{p['weekday']},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{p['month']}"
                rf"(?:,?\s+{p['year']})?", _h_month_day),
        ("month", rf"{p['prefix']}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?{p['month']}"
                  rf"(?:,?\s+(?:of\s+)?{p['year']})?", _h_month),
        ("year", rf"{p['prefix']}?(?<![\d$€£.,]){p['year']}(?![\d%,.]\d|-\d|\s*%|\s+per\s*cent)", _h_year),
        ("decade", rf"(?:the\s+)?(?P<dprefix>early|mid|late)?-?\s*(?P<dec>(?:1[6-9]|20)\d)0s\b", _h_decade),
        ("century", r"the\s+(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century\b", _h_century),
        ("part_of_year", r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)[\s-]+"
                         r"(?P<kind>quarter|half)\b(?:\s+of\s+(?:(?P<rel>this|last|next|the)\s+year|"
                         rf"{p['year']}))?", _h_part_of_year),
        ("quarter_code", rf"\bQ(?P<q>[1-4])\s+{p['year']}", _h_quarter_code),
        ("season", rf"(?:(?P<rel>this|last|next|this\s+past|the\s+coming|the\s+past|early|late|mid)-?\s+)?"
                   rf"{p['season']}(?:\s+(?:of\s+)?{p['year']})?", _h_season),
        ("rel_period", rf"(?:(?P<prefix>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|"
                       r"close)\s+of)(?:\s+|-))?(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+"
                       r"following|the\s+coming|the\s+same|the)\s+(?P<period>year|month|week|weekend|quarter)\b",
         _h_rel_period),
        ("ago", rf"\b{p['num']}\s+{p['unit']}\s+ago\b", _h_ago),
        ("day_rel", rf"\b(?P<day>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
                    rf"the\s+day\s+after\s+tomorrow|this|last)(?:\s+{p['part']})?\b", _h_day_rel),
        ("weekday", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?{p['weekday']}"
                    rf"(?:\s+{p['part']})?", _h_weekday),
        ("clock", r"\b(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)|\b(?P<h24>[0-2]\d):"
                  r"(?P<mi24>[0-5]\d)\b|\b(?P<word>noon|midnight)\b", _h_clock),
        ("reference", rf"\b(?:{_alternation(list(_lex()['references']))})\b", _h_reference),
        ("vague_ref", r"\b(?:the\s+)?(?P<which>recent|past\s+few|last\s+few|coming|next\s+few|upcoming|"
                      r"forthcoming|following\s+few)\s+(?P<units>days|weeks|months|years|decades)\b", _h_vague_ref),
        ("set", rf"\b(?:(?P<every>every|each|per)\s+(?:(?P<other>other)\s+)?(?:{p['num']}\s+)?"
                rf"(?:{p['unit']}|{p['weekday']})|(?P<times>once|twice|\w+\s+times)\s+(?:a|an|per|every)\s+"
                rf"(?P<unit2>day|week|month|year)\b|(?P<freq>{_alternation(list(_lex()['frequencies']))})\b)",
         _h_set),
        ("duration", rf"\b{p['mods']}?(?:(?P<rel>the\s+(?:next|past|last|coming|previous|first|following)"
                     rf")\s+)?{p['num']}(?:\s+|-){p['unit']}", _h_duration),
        ("duration_rel", r"\b(?P<rel>the\s+(?:next|past|last|coming|previous|following))\s+(?P<unit>day|week|"
                         r"month|year|decade|century|fortnight)\b", _h_duration_rel),
        ("duration_bare", r"\b(?<=for\s)(?P<units>days|weeks|months|years|decades|centuries)\b", _h_duration_bare),
    ]
    return tuple(_Rule(name, re.compile(rx), h) for name, rx, h in specs)


# --- the public surface -----------------------------------------------------


def tag(text: str, dct: date | None) -> tuple[TimeExpr, ...]:
    """Temporal expressions in `text`, normalised relative to the document date `dct`."""
    resolver = _Resolver(text, dct)
    found: list[tuple[int, int, _Norm]] = []
    for rule in _rules():
        for m in rule.pattern.finditer(text):
            norm = rule.handler(m, resolver)
            if norm is not None and m.end() > m.start():
                found.append((m.start(), m.end(), norm))
    chosen = _longest_non_overlapping(found)
    exprs = [_to_timex(text, start, end, norm, dct) for start, end, norm in chosen]
    return tuple(_compose(text, exprs, dct))


def find_timexes(ctx: Any) -> tuple[TimeExpr, ...]:
    """Pipeline component: the document's time expressions, relative to its publication date."""
    return tag(ctx.document.text, ctx.document.published.value)


def context_tense(text: str, start: int, end: int) -> Tense | None:
    """Past, future or present, from the cue words nearest the span within its sentence."""
    s_start, s_end = sentence_bounds(text, start, end)
    left = _WORD.findall(text[s_start:start].lower())[-12:]
    right = _WORD.findall(text[end:s_end].lower())[:8]
    # each word with the one after it; "" stands for the expression itself
    ordered = list(zip(reversed(left), reversed(left[1:] + [""]))) + list(zip(right, right[1:] + [""]))
    present: Tense | None = None
    for word, nxt in ordered:
        found = _cue(word, nxt)
        if found in ("past", "future"):
            return found
        present = present or found
    return present


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


# --- choosing spans ---------------------------------------------------------


def _longest_non_overlapping(found: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    taken: list[tuple[int, int, _Norm]] = []
    for start, end, norm in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, norm))
    return sorted(taken, key=lambda f: f[0])


def _to_timex(text: str, start: int, end: int, norm: _Norm, dct: date | None) -> TimeExpr:
    anchor = dct.isoformat() if norm.relative and dct is not None else None
    expr = TimeExpr(text[start:end], norm.type, norm.value, "point", start, end, anchor=anchor, mod=norm.mod)
    if norm.type == "DURATION":
        return replace(expr, role="duration")
    return _with_role(text, expr)


def _with_role(text: str, expr: TimeExpr) -> TimeExpr:
    roles = _lex()["roles"]
    left = text[max(0, expr.start - 60):expr.start].lower()
    lower_phrase = _ends_with(left, roles["lower_bound"])
    if lower_phrase:
        left = left[: len(left.rstrip()) - len(lower_phrase)]
        expr = replace(expr, lower=expr.value, mod=expr.mod or "EQUAL_OR_MORE")
    upper = _ends_with(left, roles["upper_bound"]) is not None
    for role in ("deadline", "start", "end"):
        if _ends_with(left, roles[role]) is not None:
            return replace(expr, role=role, upper=expr.value if upper else expr.upper)
    if _ends_with(left, ["before"]) and context_tense(text, expr.start, expr.end) == "future":
        return replace(expr, role="deadline", upper=expr.value)
    if _deadline_noun_before(text, expr.start, roles["deadline_nouns"]):
        return replace(expr, role="deadline", upper=expr.value)
    return expr


def _ends_with(left: str, phrases: list[str]) -> str | None:
    stripped = left.rstrip()
    if stripped == left:  # the phrase must be a separate word before the span
        return None
    for phrase in sorted(phrases, key=len, reverse=True):
        if re.search(rf"(?:^|[^\w]){re.escape(phrase)}$", stripped):
            return phrase
    return None


def _deadline_noun_before(text: str, start: int, nouns: list[str]) -> bool:
    s_start, _ = sentence_bounds(text, start, start)
    left = text[max(s_start, start - 40):start].lower()
    if not re.search(r"\b(?:for|of|at|on|to|is|as)\s+$", left):
        return False
    return any(re.search(rf"\b{re.escape(n)}\b", left) for n in nouns)


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
    if dct is not None and re.match(r"the\s+(?:next|coming|following)\b", lowered):
        return replace(expr, anchor=dct.isoformat(), upper=shift_value(dct.isoformat(), n, unit))
    if dct is not None and re.match(r"the\s+(?:past|last|previous)\b", lowered):
        return replace(expr, anchor=dct.isoformat(), lower=shift_value(dct.isoformat(), -n, unit))
    return expr


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
        s_start = m.end() if m.end() <= start else s_start
    nxt = _BOUNDARY.search(text, end)
    return s_start, nxt.start() + 1 if nxt else len(text)


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in _lex()["cues"].items()}


def _cue(word: str, nxt: str) -> Tense | None:
    cues = _cues()
    if word in cues["future"]:
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

    def __init__(self, text: str, dct: date | None):
        self.text = text
        self.dct = dct

    def tense(self, m: re.Match[str]) -> Tense | None:
        return context_tense(self.text, m.start(), m.end())

    def preceded_by(self, m: re.Match[str], pattern: str) -> bool:
        return re.search(rf"(?:^|\W)(?:{pattern})\s+$", self.text[max(0, m.start() - 30):m.start()], re.I) is not None


def _month_num(name: str) -> int:
    return _lex()["months"][name.rstrip(".").lower()]


def _weekday_num(name: str) -> int:
    return _lex()["weekdays"][name.lower()]


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    numbers = _lex()["numbers"]
    if "-" in word:
        tens, ones = word.split("-", 1)
        return float(numbers[tens] + numbers[ones])
    return float(numbers[word]) if word in numbers else None


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
    if precision == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return day.isoformat()


def _parse_value(value: str) -> tuple[date, str] | None:
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), "year"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return date(int(value[:4]), int(value[5:7]), 1), "month"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value), "day"
    return None


def _month_day_date(month: int, day: int, dct: date, tense: Tense | None) -> date | None:
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if tense == "future":
        return min((d for d in options if d >= dct), default=options[-1])
    if tense == "past" or tense is None:
        return max((d for d in options if d <= dct), default=options[0])
    return min(options, key=lambda d: abs((d - dct).days))


def _month_year(month: int, dct: date, tense: Tense | None) -> int:
    if tense == "past" and month > dct.month:
        return dct.year - 1
    if tense == "future" and month < dct.month:
        return dct.year + 1
    return dct.year


def _weekday_date(weekday: int, dct: date, rel: str | None, tense: Tense | None) -> date:
    offset = weekday - dct.isoweekday()
    if rel == "this":
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
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}")
    resolved = _month_day_date(month, day, r.dct, r.tense(m))
    return _Norm("DATE", resolved.isoformat(), relative=True) if resolved else None


def _h_month(m: re.Match[str], r: _Resolver) -> _Norm | None:
    month = _month_num(m["month"])
    mod = _prefix_mod(m["prefix"])
    if m["year"]:
        return _Norm("DATE", f"{m['year']}-{month:02d}", mod)
    if not (m["prefix"] or m["rel"] or r.preceded_by(m, r"in|by|since|until|till|from|through|during|before|"
                                                         r"after|of|between|and|or|to|until\s+at\s+least|starting|beginning|"
                                                         r"commencing|ending|as\s+of|effective")):
        return None
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}", mod)
    rel = (m["rel"] or "").split()[-1:] or [""]
    tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(rel[0]) or r.tense(m)
    year = r.dct.year if rel[0] == "this" else _month_year(month, r.dct, tense)
    return _Norm("DATE", f"{year:04d}-{month:02d}", mod, relative=True)


def _prefix_mod(prefix: str | None) -> str | None:
    if not prefix:
        return None
    return _PREFIX_MOD.get(prefix.split()[-2] if prefix.startswith("the") else prefix.lower())


def _h_year(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if _looks_like_count(r.text, m):
        return None
    return _Norm("DATE", m["year"], _prefix_mod(m["prefix"]))


def _looks_like_count(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 25):m.start()].lower()
    after = text[m.end():m.end() + 20]
    if re.search(r"\b(?:about|some|nearly|around|approximately|almost|than|over|under|up to)\s+$", before):
        return True
    noun = re.match(r"\s+([a-z]+)\b", after)
    return bool(noun and noun.group(1).endswith("s") and len(noun.group(1)) > 4
                and not re.search(r"\b(?:in|of|since|by|from|until|to|the|year)\s+$", before))


def _h_decade(m: re.Match[str], r: _Resolver) -> _Norm:
    return _Norm("DATE", m["dec"], _PREFIX_MOD.get((m["dprefix"] or "").lower()))


def _h_century(m: re.Match[str], r: _Resolver) -> _Norm | None:
    n = int(m["ord"])
    return _Norm("DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None


def _h_part_of_year(m: re.Match[str], r: _Resolver) -> _Norm | None:
    n = _ORDINALS[m["ord"].lower()]
    code = "Q" if m["kind"].lower() == "quarter" else "H"
    if code == "H" and n > 2 and m["ord"].lower() != "last":
        return None
    n = 2 if code == "H" and m["ord"].lower() == "last" else n
    if m["year"]:
        return _Norm("DATE", f"{m['year']}-{code}{n}")
    if not m["rel"] and code == "H":  # "the first half" is as often a game's as a year's
        return None
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{code}{n}")
    year = r.dct.year + _REL_DIRECTION.get((m["rel"] or "this").lower(), 0)
    return _Norm("DATE", f"{year}-{code}{n}", relative=True)


def _h_quarter_code(m: re.Match[str], r: _Resolver) -> _Norm:
    return _Norm("DATE", f"{m['year']}-Q{m['q']}")


def _h_season(m: re.Match[str], r: _Resolver) -> _Norm | None:
    code = _lex()["seasons"][m["season"].lower()]
    rel = (m["rel"] or "").lower().split()
    mod = _PREFIX_MOD.get(rel[0]) if rel else None
    if m["year"]:
        return _Norm("DATE", f"{m['year']}-{code}", mod)
    if not rel and not r.preceded_by(m, r"in|this|during|by|until|since|the|last|next|over|through"):
        return None
    if r.dct is None:
        return _Norm("DATE", f"XXXX-{code}", mod)
    step = _REL_DIRECTION.get(rel[-1] if rel else "", 0)
    return _Norm("DATE", f"{r.dct.year + step}-{code}", mod, relative=True)


def _h_rel_period(m: re.Match[str], r: _Resolver) -> _Norm | None:
    rel = m["rel"].lower().split()[-1]
    prefix = (m["prefix"] or "").lower()
    if rel == "the" and not prefix.startswith("the"):
        return None
    period = m["period"].lower()
    mod = None if prefix in ("earlier", "later") else _prefix_mod(prefix or None)
    if r.dct is None:
        return _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(period, "XXXX-WXX"), mod)
    return _Norm("DATE", _period_value(r.dct, period, _REL_DIRECTION.get(rel, 0)), mod, relative=True)


def _period_value(dct: date, period: str, step: int) -> str:
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
    n = _number(m["num"])
    unit = _unit_code(m["unit"])
    if n is None or n != int(n) or unit[0].startswith("T"):
        return None
    letter, mult = unit
    precision = {"Y": "year", "M": "month", "Q": "month"}.get(letter, "day")
    if r.dct is None:
        return _Norm("DATE", {"year": "XXXX", "month": "XXXX-XX"}.get(precision, "XXXX-XX-XX"))
    value = shift_value(r.dct.isoformat(), -int(n) * mult, letter)
    return _Norm("DATE", _trim(value, precision), relative=True) if value else None


def _trim(value: str, precision: str) -> str:
    return value[: {"year": 4, "month": 7}.get(precision, 10)]


def _h_day_rel(m: re.Match[str], r: _Resolver) -> _Norm | None:
    word = re.sub(r"\s+", " ", m["day"].lower())
    part = _lex()["parts_of_day"].get((m["part"] or "").lower())
    if word in ("this", "last") and not part:
        return None
    offsets = {"today": 0, "this": 0, "tonight": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    part = part or ("NI" if word in ("tonight",) else None)
    if r.dct is None:
        return _Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    day = (r.dct + timedelta(days=offsets[word])).isoformat()
    return _Norm("TIME", f"{day}T{part}", relative=True) if part else _Norm("DATE", day, relative=True)


def _h_weekday(m: re.Match[str], r: _Resolver) -> _Norm:
    k = _weekday_num(m["weekday"])
    part = _lex()["parts_of_day"].get((m["part"] or "").lower())
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if r.dct is None:
        return _Norm(kind, f"XXXX-WXX-{k}{suffix}")
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    day = _weekday_date(k, r.dct, rel, None if rel else r.tense(m))
    return _Norm(kind, f"{day.isoformat()}{suffix}", relative=True)


def _h_clock(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["word"]:
        hour, minute = (12 if m["word"].lower() == "noon" else 24), 0
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["mi24"])
    else:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"][0].lower() == "p" else 0), int(m["mi"] or 0)
    if hour > 24:
        return None
    day = r.dct.isoformat() if r.dct else "XXXX-XX-XX"
    return _Norm("TIME", f"{day}T{hour:02d}:{minute:02d}", relative=r.dct is not None)


def _h_reference(m: re.Match[str], r: _Resolver) -> _Norm:
    return _Norm("DATE", _lex()["references"][re.sub(r"\s+", " ", m.group(0).lower())])


def _h_vague_ref(m: re.Match[str], r: _Resolver) -> _Norm:
    past = m["which"].lower().split()[0] in ("recent", "past", "last")
    return _Norm("DATE", "PAST_REF" if past else "FUTURE_REF")


def _h_set(m: re.Match[str], r: _Resolver) -> _Norm | None:
    if m["freq"]:
        return _Norm("SET", _lex()["frequencies"][m["freq"].lower()])
    if m["weekday"]:
        return _Norm("SET", f"XXXX-WXX-{_weekday_num(m['weekday'])}")
    if m["times"]:
        letter, _ = _unit_code(m["unit2"])
        return _Norm("SET", f"P1{letter}")
    n = _number(m["num"]) if m["num"] else 1.0
    if n is None:
        return None
    n = n * 2 if m["other"] else n
    return _Norm("SET", _duration_value(n, _unit_code(m["unit"])))


def _h_duration(m: re.Match[str], r: _Resolver) -> _Norm | None:
    unit = _unit_code(m["unit"])
    n = _number(m["num"])
    mod = _lex()["modifiers"].get(re.sub(r"\s+", " ", m["mod"].lower())) if m["mod"] else None
    if m["num"].lower() in ("a", "an") and m["unit"].lower().endswith("s"):
        return None
    return _Norm("DURATION", _duration_value(n, unit), mod)


def _h_duration_rel(m: re.Match[str], r: _Resolver) -> _Norm:
    return _Norm("DURATION", _duration_value(1.0, _unit_code(m["unit"])))


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
    amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"PT{amount}{letter[1]}" if letter.startswith("T") else f"P{amount}{letter}"
