"""What an amount of money is for, and whether it is the fact's figure at all (`amount.py`).

The purpose is a word of `[amount.purposes]` written within a few words of the amount ("a $700bn bailout",
"$165m in bonuses", "appealed for $562m"), a rescue whose total it is ("its bailout, which has totaled
$170bn"), a plan written with no purpose word that takes the rescue plan or stimulus its article named
last ("an $825 billion package"), a payment to a firm's own staff (bonuses), or earnings after a verb of
earning. An aside is an amount that is not the fact's figure: a conversion in brackets, a part or an
addition, another era, and for a gift a need, an estimate, a cost or a yearly sum.
"""

from __future__ import annotations

import functools
import re

from dateline.link.facttypes.base import alternation, lexicon, words_pattern
from dateline.link.facttypes.company import TOTALLED
from dateline.link.facttypes.state import plan_named_before
from dateline.model import Quantity, Sentence


def purpose_of(text: str, q: Quantity, sentence: Sentence) -> str | None:
    """The purpose: a verb of raising or appealing just before the amount ("raised more than $57m",
    "an appeal for $562m"), else a purpose word within `window` tokens after it or three words before it,
    in its sentence. "to rescue" is a verb, not a rescue plan."""
    words = lexicon()["amount"]
    before = plain(text, sentence.start, q.start)
    if re.search(r"\b(?:" + "|".join(words["raising"]) + r")\s+(?:\S+\s+){0,2}$", before):
        return "donations"
    if re.search(r"\bappeal(?:ed|ing|s)?\s+for\s+$", before):
        return "appeal"
    pattern = words_pattern(words["purposes"])
    after = " ".join(plain(text, q.end, sentence.end).split()[:words["window"]])
    found = pattern.search(after) or next(
        (m for m in pattern.finditer(" ".join(before.split()[-3:]) + " ") if _names_amount(m)), None) or _totalled(
        pattern, before)
    if found:
        return words["purposes"][found.group().lower()]
    plan = _bare_plan(text, q, sentence, before)
    if plan:
        return plan
    if _paid_to_staff(text, before, after):
        return "bonuses"
    return "earnings" if earning_verb().search(before) else None


def _totalled(pattern: re.Pattern[str], before: str) -> re.Match[str] | None:
    """A purpose word whose total the amount is, written before it: "AIG's bailout, which has totaled more
    than $170 billion"."""
    rest = re.compile(rf"(?:\s+(?:package|plan|program|programme|bill|deal))?{TOTALLED}(?:\S+\s+){{0,2}}", re.IGNORECASE)
    return next((m for m in pattern.finditer(before) if rest.fullmatch(before, m.end())), None)


# a plan written with no word of its purpose, next to its amount: "an $825 billion package", "$819 billion in the
# House version", "a package with a cost of more than $800 billion"; not a package of something else ("an $86
# billion package of credit guarantees")
_BARE_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:(?:in|for)\s+the\s+(?:[A-Z][\w-]*\s+){1,2})?"
                         r"(?:package|plan|bill|legislation|measure|version)\b(?!\s+(?:of|for|to)\b)")
_BARE_BEFORE = re.compile(r"\b(?:package|plan|bill|legislation|measure|version)(?:\s+with\s+a\s+(?:cost|price\s+tag)\s+of"
                          r"|\s+(?:worth|costing|totall?ing)|,\s+which\s+(?:was|is|has\s+totall?ed)|\s+of)\s+(?:\S+\s+){0,2}$",
                          re.IGNORECASE)


def _bare_plan(text: str, q: Quantity, sentence: Sentence, before: str) -> str | None:
    """The purpose of a plan its sentence names with no word of its own ("an $825 billion package"): the rescue
    plan or stimulus its article named last before it, if any."""
    if not (_BARE_AFTER.match(text, q.end) or _BARE_BEFORE.search(before)):
        return None
    purposes = lexicon()["amount"]["purposes"]
    named = plan_named_before(text, sentence.start, _plan_words())
    return purposes[named.lower()] if named else None


@functools.lru_cache(maxsize=1)
def _plan_words() -> re.Pattern[str]:
    return words_pattern(k for k, v in lexicon()["amount"]["purposes"].items() if v in ("rescue plan", "stimulus"))


def _paid_to_staff(text: str, before: str, after: str) -> bool:
    """ "it would pay $165 million by March 15 to employees": a company's payment to its own staff, in an
    article about bonuses, is the bonuses (the article names them; the sentence need not)."""
    words = lexicon()["amount"]
    return bool(re.search(r"\b(?:pay|pays|paid|paying)\s+(?:\S+\s+){0,2}$", before)
                and re.search(r"\bto\s+(?:(?:its|their|the|his|her|top|senior)\s+)?" + alternation(words["staff"]) + r"\b",
                              after, re.IGNORECASE)
                and re.search(r"\bbonus(?:es)?\b", text, re.IGNORECASE))


@functools.lru_cache(maxsize=1)
def earning_verb() -> re.Pattern[str]:
    """A verb of earning right before the amount, or with its beneficiary between ("the royalties had earned
    the Jackson estate $1 billion", "his estate has since made more than $310m")."""
    verbs = alternation(lexicon()["amount"]["earning"])
    return re.compile(rf"\b{verbs}\s+(?:(?:him|her|them|it|the\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+)?$", re.IGNORECASE)


def _names_amount(match: re.Match[str]) -> bool:
    """A purpose word before the amount names it only when joined to it ("debts of $400m", "pledged
    $1m", "a bailout worth $5 billion"): "cut from the stimulus package $900m" does not, nor "to rescue"
    (a verb, not a rescue plan)."""
    if match.group().lower() == "rescue" and match.string[:match.start()].lower().endswith("to "):
        return False
    return bool(re.fullmatch(r"(?:\s+(?:package|plan|program|programme|bill|fund|deal))?"
                             r"\s*(?:(?:of|worth|at|for|totall?ing|valued at|to|some|about|over)\s+)?",
                             match.string[match.end():]))


def aside(text: str, q: Quantity, sentence: Sentence, purpose: str) -> bool:
    """An amount that is not the fact's figure: a conversion in brackets, a part or an addition, another
    era, and for a gift a need, an estimate, a cost or a yearly sum (`[amount] part_*`, `not_given`)."""
    words = lexicon()["amount"]
    start, end = clause_span(text, q, sentence)
    before, after = plain(text, start, q.start), plain(text, q.end, end)
    if re.search(r"[(;:]\s*$", text[sentence.start:q.start]):
        return True  # "420m euros ($604m; ...)": the same money in another currency
    if re.search(r"\b" + alternation(words["part_before"]) + r"\s+(?:(?:the|a|an|its|their|his|her|this)\s+)?$",
                 before, re.IGNORECASE):
        return True
    if re.match(r"\s*(?:\b" + alternation(words["part_after"]) + r"|of\s+(?:the|its|their|this|that)\b)",
                after, re.IGNORECASE):
        return True  # "$115 billion more", "$4 billion of its $13.4 billion bailout"
    clause = f"{before} {after}"
    if words_pattern(words["part_clause"] + words["other_era"]).search(clause):
        return True
    if purpose in words["needs_owner"] and re.match(r"\s*(?:[\w-]+\s+)?" + alternation(words["holdings"]) + r"\b", after,
                                                    re.IGNORECASE):
        return True  # "a $312 billion portfolio of troubled loans": what is held, not what was lent
    if purpose in ("rescue plan", "stimulus") and re.search(r"\b" + alternation(words["plan_of_one"]) + r"\s+$", before,
                                                            re.IGNORECASE):
        return True  # one firm's bailout, not the plan
    if purpose == "earnings":  # a quarter's or a year's figure, money made available, a forecast: no running total
        return bool(words_pattern(words["not_earned"]).search(clause))
    return purpose in words["needs_giver"] and bool(words_pattern(words["not_given"]).search(clause))


def clause_span(text: str, q: Quantity, sentence: Sentence) -> tuple[int, int]:
    """The stretch of the sentence around the amount between commas, semicolons, colons and dashes
    (brackets ignored: "(# 35m)" is an aside)."""
    unbracketed = plain(text, sentence.start, sentence.end)
    at, stop = q.start - sentence.start, q.end - sentence.start
    cuts = [m for m in re.finditer(r"[;:]|,\s|\s[-–—]{1,2}\s", unbracketed)]
    start = max([m.end() for m in cuts if m.end() <= at], default=0)
    end = min([m.start() for m in cuts if m.start() >= stop], default=len(unbracketed))
    return sentence.start + start, sentence.start + end


def plain(text: str, start: int, end: int) -> str:
    """The text with bracketed asides blanked out, offsets kept."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[start:end])
