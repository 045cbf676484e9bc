"""Counts the vague uses whose tagging depends on the genre, and checks data/timex.toml [genres] against them.

For each use ("future earnings", "daily", "former president", ...) and each tuning corpus (news:
TimeBank; narrative: WikiWars 01-16; colloquial: Tweets training), how many of its occurrences the
gold tags (a gold TIMEX3 overlaps it). A narrative or colloquial text tags the use when its corpus
tags more than half of at least 2 occurrences; with fewer it keeps the round-8 policy (all three
corpora weighed together). News keeps the round-8 policy throughout (TimeBank's own counts did not
carry to AQUAINT: docs/time.md, round 9); its column is shown for reference. Held-out files are not read.

    .venv/bin/python bench/timex_vague.py
"""

from __future__ import annotations

import re
import sys

import timex as bench

from dateline.annotate.timex import RATE_COUNT
from dateline.resources import load_table

GENRE_OF = {"TimeBank": "news", "WikiWars": "narrative", "Tweets": "colloquial"}
COUNTED = ("narrative", "colloquial")  # the genres whose [genres] entries follow their own counts
_LEX = load_table("timex")
# words after which a vague word ends its phrase instead of modifying a noun: the tagger's own list
_FUNCTION = rf"(?:{'|'.join(_LEX['classifiers']['function_words'])})\b"
_CLASSIFIERS = "|".join(_LEX["classifiers"]["words"])  # "quarterly dividend" is no frequency
_FREQUENCIES = "|".join(w for w in _LEX["frequencies"] if w not in _LEX["classifiers"]["words"])
_TIME_UNIT = r"(?:years?|quarters?|months?|weeks?|days?|periods?|decades?|fiscal|session|term|century)\b"
# each use as the rules see it: the word and what follows it
USES = {
    "future_before_noun": rf"(?<!foreseeable )\bfuture\s+(?!{_FUNCTION})[a-z]+",
    "frequency": rf"\b(?:{_FREQUENCIES})\b|\b(?:{_CLASSIFIERS})\b(?!\s+(?!{_FUNCTION})[a-z])",
    "count_rate": rf"(?<![$£€\d.,])\b{RATE_COUNT}\s+an?\s+(?:day|week|month|year)\b(?!\s+(?:ago|earlier|later))",
    "todays_before_noun": r"\btoday['’]s\s+[a-z]",
    "current_before_noun": rf"\b(?:then\s+)?current\s+(?!{_FUNCTION}|{_TIME_UNIT}|accounts?\b)[a-z]+",
    "recent_before_noun": rf"\brecent\s+(?!{_FUNCTION}|{_TIME_UNIT})[a-z]+",
    "former_before_noun": rf"\bformer\s+(?!{_FUNCTION})[A-Za-z]+",
}


def counts() -> dict[str, dict[str, tuple[int, int]]]:
    """use -> genre -> (tagged, occurrences), over the tuning part of each genre's corpus."""
    found = {use: {genre: (0, 0) for genre in GENRE_OF.values()} for use in USES}
    for name, genre in GENRE_OF.items():
        for path, doc in bench.load(name):
            if bench.SETS[name].held_out(path):
                continue
            for use, pattern in USES.items():
                for m in re.finditer(pattern, doc.text, re.I):
                    tagged = any(g.start < m.end() and m.start() < g.end for g in doc.timexes)
                    n_tagged, n = found[use][genre]
                    found[use][genre] = (n_tagged + tagged, n + 1)
    return found


def main() -> None:
    if not bench.ensure_data():
        sys.exit("the timex benchmark data is not here (../shared/benchmarks)")
    table = _LEX["genres"]
    print(f"{'use':<22} " + " ".join(f"{g:>12}" for g in GENRE_OF.values()) + "  policy from counts / [genres]")
    disagree = 0
    for use, by_genre in counts().items():
        implied = {g for g, (t, n) in by_genre.items() if g in COUNTED and n >= 2 and t / n > 0.5}
        unsure = {g for g, (t, n) in by_genre.items() if g not in COUNTED or n < 2}
        listed = set(table[use])
        ok = implied == listed - unsure
        disagree += not ok
        cells = " ".join(f"{t:>5}/{n:<6}" for t, n in by_genre.values())
        print(f"{use:<22} {cells}  {sorted(implied)} + round 8 for {sorted(unsure) or '-'} / {sorted(listed)}"
              f"{'' if ok else '  DIFFERS'}")
    print("the [genres] table agrees with the counts" if not disagree else f"{disagree} use(s) differ")


if __name__ == "__main__":
    main()
