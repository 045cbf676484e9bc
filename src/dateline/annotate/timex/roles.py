"""What an expression does in its sentence: roles, bounds, ranges, and durations anchored on a date.

Deadline, start and end ("by", "from", "until"), lower and upper bounds ("at least", "at the
latest"), the two ends of a range ("from March to May"), and a duration counted from the date of
its sentence or from the document date ("within 12 months").
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date

from dateline.annotate.timex.dates import _add_days, _duration_amount, _format, _parse_value, shift_value
from dateline.annotate.timex.lexicon import _lex
from dateline.annotate.timex.norm import _Norm
from dateline.annotate.timex.tense import context_tense, sentence_bounds
from dateline.model import TimeExpr


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
    weeks = max(0, -(-(start[0] - end[0]).days // 7))  # whole weeks forward to reach the start
    day = _add_days(end[0], 7 * weeks)
    return replace(second, value=_format(day, "day")) if day else second


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
    for other in reversed(before):  # in text order: stop at the first one before the sentence
        if other.start < s_start:
            return None
        if other.type == "DATE" and _parse_value(other.value) is not None:
            return other.value
    return None
