"""Quantity layer: numbers with their bounds, units, what they count and where.

Reads the spaCy parse and the "entities" layer; writes `Quantity` records.
Numbers are read token by token ("2,500", "five", "a thousand", "1.5 million",
"hundreds of", "several"), then widened by the cues around them: bounds and
approximations ("around", "at least", "up to"), ranges ("between 2,000 and
2,500"), currencies and percentages. The dependency parse says what is counted
("around 2,500 US troops" -> "US troops") and where ("stationed in Syria").
Dates, years, times, ordinals, ages, phone numbers and identifiers are skipped.
Every word list lives in `data/quantities.toml`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from dateline.annotate.pipeline import Context
from dateline.model import Entity, Quantity
from dateline.resources import load_table

logger = logging.getLogger(__name__)

__all__ = ["find_quantities"]

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]{1,3})?$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[-. ]?\d{3}[-. ]\d{3,4}$|^\d{3}-\d{4}$")
_GLUE_SKIP = re.compile(r"\d[/:]\d|[A-Za-z]-?\d|^\d+-\d+-\d+$")
# Marks that end a glued chunk: quotes, brackets, sentence punctuation, units.
_OPENERS = frozenset("([\"'“‘$€£¥₹")
_CLOSERS = frozenset(")]\"'”’,.;!?%")


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    fractions: dict[str, float]
    bounds: dict[str, tuple[tuple[str, ...], ...]]
    percent: tuple[tuple[str, ...], ...]
    symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    measures: dict[str, str]
    counted: dict[str, str]
    from_subject: frozenset[str]
    affiliations: dict[str, str]
    hosting: frozenset[str]
    states: dict[str, str]
    state_nouns: dict[str, str]
    state_window: int
    place_preps: frozenset[str]
    place_labels: frozenset[str]
    affiliation_labels: frozenset[str]
    skip_labels: frozenset[str]
    skip_before: frozenset[str]
    skip_after: tuple[tuple[str, ...], ...]
    strength: frozenset[str]
    months: frozenset[str]


@dataclass(frozen=True)
class _Number:
    """A number read from tokens [start, end): value, and whether it is vague."""

    start: int
    end: int
    value: float
    vague: bool = False
    scaled: bool = False


def _phrases(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    split = {tuple(_tokens_of(w)) for w in words}
    return tuple(sorted(split, key=len, reverse=True))


def _tokens_of(phrase: str) -> list[str]:
    return re.findall(r"\w+(?:\.\w*)*\.?|[^\w\s]", phrase.lower()) or [phrase.lower()]


def _inverse(groups: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): key for key, words in groups.items() for word in words}


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    t = load_table("quantities")
    bounds = {k: _phrases(t["bounds"][k]) for k in t["bounds"]}
    return _Lexicon(
        words=t["numbers"]["words"],
        scales=t["numbers"]["scales"],
        vague=t["numbers"]["vague"],
        fractions=t["numbers"]["fractions"],
        bounds=bounds,
        percent=_phrases(t["units"]["percent"]),
        symbols=t["units"]["currency_symbols"],
        currency_words={tuple(_tokens_of(k)): v for k, v in t["units"]["currency_words"].items()},
        measures=t["units"]["measures"],
        counted=_inverse(t["counted"]),
        from_subject=frozenset(t["subject_affiliation"]["groups"]),
        affiliations=_inverse(t["affiliations"]),
        hosting=frozenset(t["verbs"]["hosting"]),
        states=_inverse({k: v for k, v in t["states"].items() if k != "window"}),
        state_window=t["states"]["window"],
        state_nouns=t["state_nouns"],
        place_preps=frozenset(t["places"]["prepositions"]),
        place_labels=frozenset(t["places"]["labels"]),
        affiliation_labels=frozenset(t["places"]["affiliation_labels"]),
        skip_labels=frozenset(t["skip"]["entity_labels"]),
        skip_before=frozenset(t["skip"]["before"]),
        skip_after=_phrases(t["skip"]["after"]),
        strength=frozenset(t["strength"]["adjectives"]),
        months=frozenset(t["skip"]["months"]),
    )


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
    return _inherit_counts(doc, tuple(out))


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
    counts, where = _counts_and_where(doc, number, second, entities, unit)
    state = _lexicon().state_nouns.get((counts or "").lower())
    if state:
        counts = "people"  # "45 deaths": 45 people dead
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
    token = _counted_noun(doc, number) or doc[number.end - 1]
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
    lex = _lexicon()
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


def _token_kind(token: Any, lex: _Lexicon) -> tuple[str, float] | None:
    low = token.lower_
    match = _DIGITS.match(low)
    if match:
        return _digits_kind(match, lex)
    if low in lex.words:
        return "word", float(lex.words[low])
    if low in lex.scales and low.isalpha() and len(low) > 2:
        return "scale", float(lex.scales[low])
    return None


def _digits_kind(match: re.Match, lex: _Lexicon) -> tuple[str, float] | None:
    whole, fraction, suffix = match.groups()
    value = float(whole.replace(",", "") + (fraction or ""))
    if suffix is None:
        return "digits", value
    if suffix in lex.scales:
        return "scaled", value * lex.scales[suffix]
    return None


def _read_number(doc: Any, i: int) -> _Number | None:
    lex = _lexicon()
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


def _read_fraction(doc: Any, i: int, lex: _Lexicon) -> _Number | None:
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


def _and_joins(doc: Any, start: int, j: int, lex: _Lexicon) -> bool:
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


def _accumulate(doc: Any, start: int, i: int, lex: _Lexicon) -> _Number:
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


def _glued_scale(doc: Any, j: int, previous: str | None, lex: _Lexicon) -> tuple[str, float] | None:
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


def _read_vague(doc: Any, i: int, lex: _Lexicon) -> _Number | None:
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
    lex = _lexicon()
    if _in_skipped_entity(doc, number, lex):
        return True
    if number.start > 0 and doc[number.start - 1].lower_ in lex.skip_before:
        return True
    if _phrase_at(doc, number.end, lex.skip_after) or _is_glued_identifier(doc, number):
        return True
    return _is_year(doc, number) or _is_age_apposition(doc, number) or _is_compound_modifier(doc, number)


def _is_compound_modifier(doc: Any, number: _Number) -> bool:
    """ "a two-phase plan", "a 12-month review": the number describes the noun, it does
    not count it. "a 2,500-strong force" still counts (the size of the force)."""
    end = number.end
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return False
    follower = doc[end + 1]
    return follower.is_alpha and follower.lower_ not in ("strong", "odd", "plus") and follower.tag_ != "NNS"


def _in_skipped_entity(doc: Any, number: _Number, lex: _Lexicon) -> bool:
    """Inside a DATE/TIME/ORDINAL entity, unless it counts a noun outside it.

    The tagger labels "two thousand five hundred people" a DATE; "three years"
    and "October 7" stay skipped because their head is inside the entity.
    """
    tokens = doc[number.start : number.end]
    labels = {t.ent_type_ for t in tokens if _token_kind(t, lex) or t.lower_ in lex.vague}
    if "ORDINAL" in labels or not labels & lex.skip_labels:
        return "ORDINAL" in labels
    noun = _counted_noun(doc, number)
    return noun is None or noun.ent_type_ in lex.skip_labels


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
    months = _lexicon().months
    before = doc[number.start - 1].lower_ if number.start > 0 else ""
    after = doc[number.end].lower_ if number.end < len(doc) else ""
    if number.end - number.start == 1 and (before in months or after in months):
        return True
    token = doc[number.start]
    if number.end - number.start != 1 or not re.fullmatch(r"1[6-9]\d\d|20\d\d", token.text):
        return False
    noun = _counted_noun(doc, number)
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
    lex = _lexicon()
    sizes = {kind: _phrase_before(doc, start, lex.bounds[kind]) for kind in ("approximate", "lower", "upper")}
    kind = max(sizes, key=lambda k: sizes[k])
    return (start - sizes[kind], kind) if sizes[kind] else (start, None)


def _cue_after(doc: Any, end: int) -> tuple[int, str | None]:
    lex = _lexicon()
    for kind in ("approximate", "lower", "upper"):
        size = _phrase_at(doc, end, lex.bounds[f"after_{kind}"])
        if size and not (kind == "upper" and doc[end].lower_ == "at"):
            return end + size, kind
    return end, None


def _range_end(doc: Any, number: _Number) -> _Number | None:
    lex = _lexicon()
    joiner = doc[number.end] if number.end < len(doc) else None
    if joiner is None or tuple([joiner.lower_]) not in lex.bounds["range_joiners"]:
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
    if start > 0 and tuple([doc[start - 1].lower_]) in _lexicon().bounds["range_open"]:
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
    symbols = _lexicon().symbols
    if start > 0 and doc[start - 1].lower_ in symbols:
        return start - 1, symbols[doc[start - 1].lower_]
    return start, None


def _suffix_unit(doc: Any, end: int) -> tuple[int, str | None]:
    lex = _lexicon()
    size = _phrase_at(doc, end, lex.percent)
    if size:
        return end + size, "%"
    for words, code in sorted(lex.currency_words.items(), key=lambda kv: -len(kv[0])):
        if _phrase_at(doc, end, (words,)):
            return end + len(words), code
    if end < len(doc) and doc[end].lower_ in lex.measures:
        return end + 1, lex.measures[doc[end].lower_]
    return end, None


# --- what is counted, and where -------------------------------------------------


def _counts_and_where(
    doc: Any, number: _Number, second: _Number | None, entities: tuple[Entity, ...], unit: str | None
) -> tuple[str | None, str | None]:
    last = second or number
    noun = _counted_noun(doc, last) or _counted_noun(doc, number)
    anchor = noun if noun is not None else doc[last.end - 1]
    where = _where(anchor, entities)
    if unit is not None or noun is None:
        return None, where
    lex = _lexicon()
    label = _noun_label(noun, lex)
    affiliation = _affiliation(noun, entities, lex)
    subject = _clause_subject(noun)
    subject_place = _entity_of(subject, entities, lex.place_labels) if subject is not None else None
    if subject_place is not None and noun.head.lemma_.lower() in lex.hosting:
        where = where or subject_place.canonical
    elif affiliation is None and label in lex.from_subject and subject is not None:
        affiliation = _affiliation_of_token(subject, entities, lex, subject=True)
    return (f"{affiliation} {label}" if affiliation else label), where


def _counted_noun(doc: Any, number: _Number) -> Any | None:
    """The noun a number modifies ("2,500 troops"), or the object of its "of"."""
    for token in reversed(doc[number.start : number.end]):
        head = token
        while head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.head.pos_ in ("NUM", "SYM"):
            head = head.head
        if head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.head.pos_ in ("NOUN", "PROPN"):
            if head.head.i >= number.end:
                return head.head
        if head.dep_ in ("npadvmod", "advmod") and head.head.lower_ in _lexicon().strength and head.head.dep_ == "amod":
            return head.head.head
        of_object = _of_object(head)
        if of_object is not None:
            return of_object
    follower = doc[number.end] if number.end < len(doc) else None
    # The parser sometimes misattaches "1.5m barrels"; a plural noun right after still counts.
    return follower if follower is not None and follower.tag_ == "NNS" else None


def _of_object(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0]
    return None


def _noun_label(noun: Any, lex: _Lexicon) -> str:
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.ent_type_ == "" and c.lower_ not in lex.affiliations]
    words = [c.text for c in compounds] + [noun.text]
    phrase = " ".join(words).lower()
    for key in (phrase, noun.lower_, noun.lemma_.lower()):
        if key in lex.counted:
            return lex.counted[key]
    return " ".join(words) if noun.pos_ == "PROPN" else phrase


def _affiliation(noun: Any, entities: tuple[Entity, ...], lex: _Lexicon) -> str | None:
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            label = _affiliation_of_token(child, entities, lex)
            if label is not None:
                return label
    return None


def _affiliation_of_token(token: Any, entities: tuple[Entity, ...], lex: _Lexicon, *, subject: bool = False) -> str | None:
    """A listed affiliation, else the entity's name; a subject organisation
    ("the ministry keeps 900 troops") is an owner only when listed."""
    entity = _entity_of(token, entities, lex.affiliation_labels)
    for key in (token.lower_, entity.text.lower() if entity else None, entity.canonical.lower() if entity else None):
        if key in lex.affiliations:
            return lex.affiliations[key]
    if entity is None or (subject and entity.label == "ORG"):
        return None
    return entity.canonical


def _entity_of(token: Any, entities: tuple[Entity, ...], labels: frozenset[str]) -> Entity | None:
    for entity in entities:
        if entity.start <= token.idx < entity.end and entity.label in labels:
            return entity
    return None


def _clause_subject(noun: Any) -> Any | None:
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in ("dobj", "pobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


def _where(anchor: Any, entities: tuple[Entity, ...]) -> str | None:
    """The place named by "in/across/at X" on the noun, its clause, or its verb."""
    lex = _lexicon()
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        anchor = anchor.head.head
    chain = [anchor, *[c for c in anchor.children if c.dep_ in ("acl", "relcl")]]
    if anchor.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") or anchor.dep_ == "conj":
        chain.append(anchor.head.head if anchor.dep_ == "pobj" else anchor.head)
    for token in chain:
        place = _place_under(token, entities, lex, depth=2) or _relative_where(token, entities, lex)
        if place is not None:
            return place
    return None


def _relative_where(verb: Any, entities: tuple[Entity, ...], lex: _Lexicon) -> str | None:
    """ "Syria, where around 900 troops are stationed": the place the clause hangs on."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    place = _entity_of(verb.head, entities, lex.place_labels)
    return place.canonical if place is not None else None


def _place_under(token: Any, entities: tuple[Entity, ...], lex: _Lexicon, depth: int) -> str | None:
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            place = _entity_of(obj, entities, lex.place_labels)
            if place is not None and prep.lower_ in lex.place_preps:
                return place.canonical
            if depth > 1 and place is None:
                nested = _place_under(obj, entities, lex, depth - 1)
                if nested is not None:
                    return nested
    return None


def _inherit_counts(doc: Any, quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """Later counts in a sentence borrow from the one before them.

    "2,500 US troops in Iraq and 900 in Syria": a bare conjunct counts the
    same; "... with another 900 troops in Syria": the same group keeps its
    affiliation.
    """
    out: list[Quantity] = []
    for quantity in quantities:
        previous = out[-1] if out else None
        if previous is not None and previous.counts and quantity.unit is None and _same_sentence(doc, previous, quantity):
            quantity = replace(quantity, counts=_borrowed_counts(doc, previous.counts, quantity))
        out.append(quantity)
    return tuple(out)


def _borrowed_counts(doc: Any, earlier: str, quantity: Quantity) -> str | None:
    if quantity.counts is None:
        return earlier if _is_conjunct(doc, quantity) else None
    if earlier.endswith(f" {quantity.counts}"):
        return earlier
    return quantity.counts


def _same_sentence(doc: Any, first: Quantity, second: Quantity) -> bool:
    span = doc.char_span(first.start, second.end, alignment_mode="expand")
    return span is not None and span[0].sent == span[-1].sent


def _is_conjunct(doc: Any, quantity: Quantity) -> bool:
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "conj" for t in span)
