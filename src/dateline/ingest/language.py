"""Language identification without a model download.

Texts in their own script (Arabic, Cyrillic, Chinese, Japanese, Korean, Greek,
Hebrew) are named by script; Latin-script texts by which stopword profile from
`data/languages.toml` covers most of their words. dateline's annotators are
English-only: other languages are stored and flagged, never altered.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import unicodedata
from collections import Counter

from dateline.resources import load_table

__all__ = ["UNDETERMINED", "detect_language"]

logger = logging.getLogger(__name__)

UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000
_MIN_WORDS = 4
_MIN_COVERAGE = 0.12  # share of words that must be stopwords of the winner
_MIN_MARGIN = 1.25  # the winner must beat the runner-up by this factor
# Unicode name prefixes of letters that identify a language by themselves.
_SCRIPTS = (
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("ARABIC", "ar"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text`'s language, or "und" when unsure."""
    sample = text[:_SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    return _stopword_language(_WORD.findall(sample.lower()))


def _script_language(text: str) -> str | None:
    """The language a non-Latin script names, when most letters are in it."""
    letters = Counter(itertools.islice(filter(str.isalpha, text), 5000))
    if not letters:
        return None
    scripts: Counter[str] = Counter()
    for ch, count in letters.items():  # each distinct letter named once (in order of first use, as ties break)
        scripts[_script_of(ch)] += count
    if scripts["ja"]:
        scripts["ja"] += scripts.pop("zh", 0)  # Japanese mixes kana with kanji
    script, count = scripts.most_common(1)[0]
    return script if script != "latin" and count / sum(scripts.values()) >= 0.5 else None


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return next((code for prefix, code in _SCRIPTS if name.startswith(prefix)), "latin")


def _stopword_language(words: list[str]) -> str:
    if len(words) < _MIN_WORDS:
        return UNDETERMINED
    counts = Counter(words)  # each distinct word looked up once per profile, not each occurrence
    scores = sorted(((_coverage(counts, len(words), stops), code) for code, stops in _profiles().items()),
                    reverse=True)
    (best, code), (second, _) = scores[0], scores[1]
    if best < _MIN_COVERAGE or best < second * _MIN_MARGIN:
        logger.debug("language undetermined: best %s %.2f, runner-up %.2f", code, best, second)
        return UNDETERMINED
    return code


def _coverage(counts: Counter[str], total: int, stops: frozenset[str]) -> float:
    """The share of the `total` words (counted in `counts`) that are in `stops`."""
    return sum(n for word, n in counts.items() if word in stops) / total


@functools.lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    return {code: frozenset(words) for code, words in load_table("languages")["stopwords"].items()}
