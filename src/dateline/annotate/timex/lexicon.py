"""The tagger's word lists (`data/timex.toml`) and the lookups into them.

Month and weekday names, number words, units, tense cue words and the genres whose vague
uses are tagged; the grammar (`grammar`) builds its patterns from the same tables.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal, cast

from dateline.resources import load_table

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


@functools.cache
def _lex() -> dict[str, Any]:
    return load_table("timex")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def check_genre(genre: str) -> Genre:
    """`genre` if it is one of GENRES; ValueError naming the choices otherwise."""
    if genre not in GENRES:
        raise ValueError(f"unknown genre {genre!r}: expected one of {', '.join(GENRES)}")
    return cast(Genre, genre)


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in _lex()["cues"].items()}


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


def _unit_code(unit: str) -> tuple[str, int]:
    word = unit.lower()
    word = "century" if word.startswith("centur") else word.rstrip("s")
    letter, mult = _lex()["units"][word]
    return letter, mult
