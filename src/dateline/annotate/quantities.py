"""Quantity layer: numbers with their bounds, units, what they count and where.

Reads the spaCy parse and the "entities" layer; writes `Quantity` records.
Numbers are read token by token ("2,500", "five", "a thousand", "1.5 million",
"hundreds of", "several"), then widened by the cues around them: bounds and
approximations ("around", "at least", "up to"), ranges ("between 2,000 and
2,500"), currencies and percentages. The dependency parse says what is counted
("around 2,500 US troops" -> "US troops") and where ("stationed in Syria"):
`quantity_counted`; a number with no noun of its own may take one from its
sentence ("bringing the total to 48", "2,500 troops in Iraq and 900 in Syria"):
`quantity_totals`; victims named rather than counted ("killed a police officer and a
bomb technician": 2 people) are read by `quantity_listed`. Dates, years, times, ordinals, ages, phone numbers and
identifiers are skipped. Every word list lives in `data/quantities.toml`, read by
`quantity_lexicon`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from dateline.annotate.pipeline import Context
from dateline.annotate.quantity_counted import PEOPLE, counted_noun, counts_and_where
from dateline.annotate.quantity_lexicon import Lexicon, lexicon
from dateline.annotate.quantity_listed import listed_victims
from dateline.annotate.quantity_totals import aggregate_of, sentence_counts
from dateline.model import Entity, Quantity

logger = logging.getLogger(__name__)

__all__ = ["find_quantities"]

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]{1,3})?$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[-. ]?\d{3}[-. ]\d{3,4}$|^\d{3}-\d{4}$")
_GLUE_SKIP = re.compile(r"\d[/:]\d|[A-Za-z]-?\d|^\d+-\d+-\d+$")
# Marks that end a glued chunk: quotes, brackets, sentence punctuation, units.
_OPENERS = frozenset("([\"'“‘$€£¥₹")
_CLOSERS = frozenset(")]\"'”’,.;!?%")


@dataclass(frozen=True)
class _Number:
    """A number read from tokens [start, end): value, and whether it is vague."""

    start: int
    end: int
    value: float
    vague: bool = False
    scaled: bool = False


def find_quantities(ctx: Context) -> tuple[Quantity, ...]:
    """Every quantity in the document, in text order, none overlapping."""
    doc = ctx.parsed
    entities = _entities(ctx)
    out: list[Quantity] = []
    i = 0
    while i < len(doc):
        found = _quantity_at(doc, i, entities)
        if found is None:
            i += 1
            continue
        quantity, end = found
        out.append(quantity)
        i = end
    return listed_victims(doc, sentence_counts(doc, tuple(out), entities), entities)


def _entities(ctx: Context) -> tuple[Entity, ...]:
    layer = ctx.layers.get("entities")
    if layer:
        return tuple(layer)
    return tuple(Entity(e.text, e.label_, e.text, e.start_char, e.end_char) for e in ctx.parsed.ents)


def _quantity_at(doc: Any, i: int, entities: tuple[Entity, ...]) -> tuple[Quantity, int] | None:
    number = _read_number(doc, i)
    if number is None or _is_skipped(doc, number):
        return None
    second = _range_end(doc, number)
    start = _range_start(doc, number.start) if second else number.start
    start, unit = _prefix_unit(doc, start)
    end, suffix_unit = _suffix_unit(doc, (second or number).end)
    unit = unit or suffix_unit
    start, kind = _cue_before(doc, start)
    end, after_kind = _cue_after(doc, end)
    value, approximate, lower, upper = _bounds(number, second, kind or after_kind)
    span = doc[start:end]
    last = second or number
    counts, where = counts_and_where(doc, (number.start, number.end), (last.start, last.end), entities, unit)
    state = lexicon().state_nouns.get((counts or "").lower())
    if state:
        counts = PEOPLE  # "45 deaths": 45 people dead
    heads = _head_chain(doc, number)
    quantity = Quantity(
        text=span.text, value=value, approximate=approximate, counts=counts,
        start=span.start_char, end=span.end_char, where=where,
        lower=lower, upper=upper, unit=unit, verb=_governing_verb(heads),
        state=state or (_state(doc, number, heads) if counts else None),
    )
    return quantity, end


def _head_chain(doc: Any, number: _Number) -> list[Any]:
    """The counted noun (or the number's last token) and up to three of its heads."""
    token = counted_noun(doc, number.start, number.end) or doc[number.end - 1]
    chain = [token]
    for _ in range(3):
        if token.head is token:
            break
        token = token.head
        chain.append(token)
    return chain


def _governing_verb(heads: list[Any]) -> str | None:
    """The verb whose subject or object the count is: "which injured [five personnel]"."""
    return next((t.lemma_.lower() for t in heads[1:] if t.pos_ in ("VERB", "AUX")), None)


def _state(doc: Any, number: _Number, heads: list[Any]) -> str | None:
    """The state the counted things are said to be in, written near the number and
    attached to the counted noun or to a verb it hangs from (`heads`, from `_head_chain`):
    "1.5 million people were left homeless", "thousands are feared dead", "1,000 dead people"."""
    lex = lexicon()
    noun = heads[0]
    near = range(max(0, number.start - 3), min(len(doc), number.end + lex.state_window))
    for i in near:
        word = doc[i]
        state = lex.states.get(word.lower_)
        if state and word.sent == noun.sent and (word.head in heads or word in heads or _under(word, heads)):
            return state
    return None


def _under(token: Any, heads: list[Any]) -> bool:
    """Whether `token` hangs from one of `heads` through complements ("feared [to be] dead")."""
    for _ in range(3):
        if token.dep_ not in ("acomp", "oprd", "xcomp", "ccomp", "attr", "amod", "advmod", "conj", "dep"):
            return False
        token = token.head
        if token in heads:
            return True
    return False


def _bounds(number: _Number, second: _Number | None, kind: str | None) -> tuple[float, bool, float | None, float | None]:
    """Value, approximate, lower, upper. A range's value is its midpoint."""
    if second is not None:
        lower, upper = _rescaled(number, second).value, second.value
        return (lower + upper) / 2, True, lower, upper
    value = number.value
    lower = value if (kind == "lower" or number.vague) else None
    upper = value if kind == "upper" else None
    return value, number.vague or kind == "approximate", lower, upper


# --- reading numbers ---------------------------------------------------------


def _token_kind(token: Any, lex: Lexicon) -> tuple[str, float] | None:
    low = token.lower_
    match = _DIGITS.match(low)
    if match:
        return _digits_kind(match, lex)
    if low in lex.words:
        return "word", float(lex.words[low])
    if low in lex.scales and low.isalpha() and len(low) > 2:
        return "scale", float(lex.scales[low])
    return None


def _digits_kind(match: re.Match, lex: Lexicon) -> tuple[str, float] | None:
    whole, fraction, suffix = match.groups()
    value = float(whole.replace(",", "") + (fraction or ""))
    if suffix is None:
        return "digits", value
    if suffix in lex.scales:
        return "scaled", value * lex.scales[suffix]
    return None


def _read_number(doc: Any, i: int) -> _Number | None:
    lex = lexicon()
    vague = _read_vague(doc, i, lex)
    if vague is not None:
        return vague
    fraction = _read_fraction(doc, i, lex)
    if fraction is not None:
        return fraction
    start = i
    if doc[i].lower_ in ("a", "an") and i + 1 < len(doc) and _token_kind(doc[i + 1], lex) == (
        "scale", lex.scales.get(doc[i + 1].lower_)
    ):
        i += 1
    first = _token_kind(doc[i], lex)
    if first is None or first[0] == "scale" and start == i:
        return None
    return _accumulate(doc, start, i, lex)


def _read_fraction(doc: Any, i: int, lex: Lexicon) -> _Number | None:
    """ "half a million", "a quarter of a million", "a half-million", "two and a half million"."""
    j, whole = i, 0.0
    kind = _token_kind(doc[i], lex)
    if kind is not None and kind[0] in ("word", "digits") and _words_at(doc, i + 1, ("and", "a")):
        whole, j = kind[1], i + 3  # "two and a half million"
    elif doc[i].lower_ in ("a", "an"):
        j = i + 1
    fraction = lex.fractions.get(doc[j].lower_) if j < len(doc) else None
    if fraction is None or (whole and doc[j].lower_ != "half"):
        return None
    k = j + 1
    for filler in ("-", "of", "a", "an"):
        if k < len(doc) and doc[k].lower_ == filler:
            k += 1
    scale = doc[k].lower_ if k < len(doc) else ""
    if scale not in lex.scales or not scale.isalpha() or len(scale) < 3:
        return None
    return _Number(i, k + 1, (whole + fraction) * lex.scales[scale], scaled=True)


def _words_at(doc: Any, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and tuple(t.lower_ for t in doc[i:i + len(words)]) == words


def _and_joins(doc: Any, start: int, j: int, lex: Lexicon) -> bool:
    """ "a hundred and fifty-two": "and" after a scale joins a number under a hundred; not in "between a
    hundred and two hundred", nor before another scale."""
    if start > 0 and doc[start - 1].lower_ in ("between", "from"):
        return False
    following = _token_kind(doc[j + 1], lex) if j + 1 < len(doc) else None
    if following is None or following[0] not in ("word", "digits") or following[1] >= 100:
        return False
    after = j + 2
    while after < len(doc) and (doc[after].text == "-" or _token_kind(doc[after], lex) == ("word", lex.words.get(
            doc[after].lower_))):
        after += 1
    return not (after < len(doc) and doc[after].lower_ in lex.scales and doc[after].is_alpha)


def _accumulate(doc: Any, start: int, i: int, lex: Lexicon) -> _Number:
    total, current, previous, scaled = 0.0, 0.0, None, False
    end = i
    j = i
    while j < len(doc):
        token = doc[j]
        if token.text == "-" and previous == "word" and not doc[j - 1].whitespace_:
            j += 1
            continue
        if token.lower_ == "and" and previous == "scale" and _and_joins(doc, start, j, lex):
            previous, j = "and", j + 1
            continue
        kind = _glued_scale(doc, j, previous, lex) or _token_kind(token, lex)
        if kind is None or not _can_follow(previous, kind[0]):
            break
        total, current = _combine(total, current, kind)
        scaled = scaled or kind[0] in ("scale", "scaled")
        previous, end, j = kind[0], j + 1, j + 1
    value = total + current if previous is not None else 1.0
    return _Number(start, end, value, scaled=scaled)


def _glued_scale(doc: Any, j: int, previous: str | None, lex: Lexicon) -> tuple[str, float] | None:
    """A scale abbreviation split off its digits ("1.5" "m")."""
    low = doc[j].lower_
    if previous == "digits" and low in lex.scales and not doc[j - 1].whitespace_:
        return "scale", float(lex.scales[low])
    return None


def _can_follow(previous: str | None, kind: str) -> bool:
    if previous is None:
        return True
    if kind == "scale":
        return previous in ("digits", "word", "scale")
    # "two thousand five hundred", "twenty five", "a hundred and fifty"; never "2,000 2,500"
    return previous in ("scale", "and") or (previous == "word" and kind == "word")


def _combine(total: float, current: float, kind: tuple[str, float]) -> tuple[float, float]:
    name, value = kind
    if name != "scale":
        return total, current + value
    if value < 1000:
        return total, (current or 1.0) * value
    return total + (current or 1.0) * value, 0.0


def _read_vague(doc: Any, i: int, lex: Lexicon) -> _Number | None:
    """ "hundreds of", "tens of thousands of", "several hundred", "a few"."""
    start = i
    if doc[i].lower_ == "a" and i + 1 < len(doc) and doc[i + 1].lower_ in ("few", "handful"):
        i += 1
    low = doc[i].lower_
    if low not in lex.vague or (low in ("few", "handful") and start == i):
        return None
    value = float(lex.vague[low])
    end = i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in lex.vague:
        value *= lex.vague[doc[end + 1].lower_]
        end += 2
    elif end < len(doc) and doc[end].lower_ in lex.scales and doc[end].is_alpha and len(doc[end]) > 2:
        value *= lex.scales[doc[end].lower_]
        end += 1
    return _Number(start, end, value, vague=True, scaled=True)


# --- skipping numbers that are not quantities --------------------------------


def _is_skipped(doc: Any, number: _Number) -> bool:
    lex = lexicon()
    if _in_skipped_entity(doc, number, lex):
        return True
    if number.start > 0 and doc[number.start - 1].lower_ in lex.skip_before:
        return True
    if _is_no_one(doc, number):
        return True
    if _phrase_at(doc, number.end, lex.skip_after) or _is_glued_identifier(doc, number):
        return True
    return _is_year(doc, number) or _is_age_apposition(doc, number) or _is_compound_modifier(doc, number)


def _is_no_one(doc: Any, number: _Number) -> bool:
    """ "no one was injured", "No-one was hurt", "not one person": nobody, not a count of one."""
    if doc[number.start].lower_ != "one":
        return False
    before = number.start - 1
    if before > 0 and doc[before].text == "-" and not doc[before].whitespace_ and not doc[before - 1].whitespace_:
        before -= 1  # "No-one", written as one word
    return before >= 0 and doc[before].lower_ in ("no", "not")


def _is_compound_modifier(doc: Any, number: _Number) -> bool:
    """ "a two-phase plan", "a 12-month review": the number describes the noun, it does
    not count it. "a 2,500-strong force" still counts (the size of the force)."""
    end = number.end
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return False
    follower = doc[end + 1]
    return follower.is_alpha and follower.lower_ not in ("strong", "odd", "plus") and follower.tag_ != "NNS"


def _in_skipped_entity(doc: Any, number: _Number, lex: Lexicon) -> bool:
    """Inside a DATE/TIME/ORDINAL entity, unless it counts a noun outside it.

    The tagger labels "two thousand five hundred people" a DATE, and "48" in "the
    total is 48, officials said"; "three years" and "October 7" stay skipped because
    their head is inside the entity.
    """
    tokens = doc[number.start : number.end]
    labels = {t.ent_type_ for t in tokens if _token_kind(t, lex) or t.lower_ in lex.vague}
    if "ORDINAL" in labels or not labels & lex.skip_labels:
        return "ORDINAL" in labels
    noun = counted_noun(doc, number.start, number.end)
    if noun is None:  # "08454", a phone number's first digits, is no total
        return doc[number.start].text.startswith("0") or aggregate_of(doc[number.start : number.end].root) is None
    return noun.ent_type_ in lex.skip_labels


def _is_glued_identifier(doc: Any, number: _Number) -> bool:
    """Phone numbers, "9/11", "3:30", "F-16", "COVID-19": digits glued to other marks."""
    start, end = number.start, number.end
    while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text not in _OPENERS:
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text not in _CLOSERS:
        end += 1
    glued = doc[start:end].text
    if glued == doc[number.start : number.end].text:
        return False
    return bool(_PHONE.match(glued) or _GLUE_SKIP.search(glued))


def _is_year(doc: Any, number: _Number) -> bool:
    """A bare year or a day of a month ("10 January", "May 5", "in 2014")."""
    months = lexicon().months
    before = doc[number.start - 1].lower_ if number.start > 0 else ""
    after = doc[number.end].lower_ if number.end < len(doc) else ""
    if number.end - number.start == 1 and (before in months or after in months):
        return True
    token = doc[number.start]
    if number.end - number.start != 1 or not re.fullmatch(r"1[6-9]\d\d|20\d\d", token.text):
        return False
    noun = counted_noun(doc, number.start, number.end)
    return noun is None or noun.tag_ != "NNS"


def _is_age_apposition(doc: Any, number: _Number) -> bool:
    """ "John Smith, 45, was hurt": a bare number in commas after a person."""
    token = doc[number.end - 1]
    if number.end - number.start != 1 or token.dep_ not in ("appos", "npadvmod", "amod"):
        return False
    before = doc[number.start - 1] if number.start > 0 else None
    return bool(before is not None and before.text == "," and token.head.ent_type_ == "PERSON")


# --- cues around a number -----------------------------------------------------


def _phrase_at(doc: Any, i: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the first phrase that starts at token i, 0 when none does."""
    for phrase in phrases:
        words = [t.lower_ for t in doc[i : i + len(phrase)]]
        if tuple(words) == phrase:
            return len(phrase)
    return 0


def _phrase_before(doc: Any, i: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the first phrase that ends right before token i, 0 when none does."""
    for phrase in phrases:
        if len(phrase) <= i and tuple(t.lower_ for t in doc[i - len(phrase) : i]) == phrase:
            return len(phrase)
    return 0


def _cue_before(doc: Any, start: int) -> tuple[int, str | None]:
    """The longest cue right before the number: "no more than" beats "more than"."""
    lex = lexicon()
    sizes = {kind: _phrase_before(doc, start, lex.bounds[kind]) for kind in ("approximate", "lower", "upper")}
    kind = max(sizes, key=lambda k: sizes[k])
    return (start - sizes[kind], kind) if sizes[kind] else (start, None)


def _cue_after(doc: Any, end: int) -> tuple[int, str | None]:
    lex = lexicon()
    for kind in ("approximate", "lower", "upper"):
        size = _phrase_at(doc, end, lex.bounds[f"after_{kind}"])
        if size and not (kind == "upper" and doc[end].lower_ == "at"):
            return end + size, kind
    return end, None


def _range_end(doc: Any, number: _Number) -> _Number | None:
    lex = lexicon()
    joiner = doc[number.end] if number.end < len(doc) else None
    if joiner is None or (joiner.lower_,) not in lex.bounds["range_joiners"]:
        return None
    if joiner.lower_ == "and" and (number.start == 0 or doc[number.start - 1].lower_ != "between"):
        return None
    if joiner.lower_ == "to" and _is_change(doc, number):
        return None
    if number.end + 1 >= len(doc) or _read_vague(doc, number.end + 1, lex):
        return None
    second = _read_number(doc, number.end + 1)
    if second is None or _is_skipped(doc, second):
        return None
    return second


def _is_change(doc: Any, number: _Number) -> bool:
    """ "rose from 2,000 to 2,500" is a change of value, not a range."""
    before = doc[number.start - 1] if number.start > 0 else None
    return bool(before is not None and before.lower_ == "from" and before.head.pos_ in ("VERB", "AUX"))


def _range_start(doc: Any, start: int) -> int:
    if start > 0 and (doc[start - 1].lower_,) in lexicon().bounds["range_open"]:
        return start - 1
    return start


def _rescaled(first: _Number, second: _Number) -> _Number:
    """ "2 to 3 million": the first number borrows the second's scale."""
    if first.scaled or not second.scaled or first.value >= second.value:
        return first
    for factor in (1e12, 1e9, 1e6, 1e3, 1e2):
        if second.value >= factor and first.value * factor <= second.value:
            return replace(first, value=first.value * factor)
    return first


def _prefix_unit(doc: Any, start: int) -> tuple[int, str | None]:
    symbols = lexicon().symbols
    if start > 0 and doc[start - 1].lower_ in symbols:
        return start - 1, symbols[doc[start - 1].lower_]
    return start, None


def _suffix_unit(doc: Any, end: int) -> tuple[int, str | None]:
    lex = lexicon()
    size = _phrase_at(doc, end, lex.percent)
    if size:
        return end + size, "%"
    for words, code in sorted(lex.currency_words.items(), key=lambda kv: -len(kv[0])):
        if _phrase_at(doc, end, (words,)):
            return end + len(words), code
    if end < len(doc) and doc[end].lower_ in lex.measures:
        return end + 1, lex.measures[doc[end].lower_]
    return end, None
