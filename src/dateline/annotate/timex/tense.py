"""Past, future or present from the cue words around an expression, and the sentence it stands in.

`context_tense` and `sentence_bounds` are public (document dating uses them too); `_Resolver`
hands the handlers the document date and the tense of a match. Sentence ends are found once
per text (`_SentenceEnds`), so a long text costs what its sentences do, not their square.
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date
from typing import Literal

from dateline.annotate.timex.dates import _YEARLESS_REACH
from dateline.annotate.timex.lexicon import Genre, _cues, _lex
from dateline.annotate.timex.norm import Tense

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


def context_tense(text: str, start: int, end: int, infinitive: bool = True, far: bool = True) -> Tense | None:
    """Past, future or present, from the cue words nearest the span within its sentence.

    With `infinitive` False, "to" + verb is no cue, so the tensed verb governing the clause decides.
    A plan stated in the past ("was due to", "had been set to") is past: the plan's day has gone by.
    With no cue near the span, and `far`, the verb further back in a long clause decides, unless a
    reporting verb comes first: "told oil companies of a cutback in September" says when it was told.
    """
    s_start, s_end = sentence_bounds(text, start, end)
    left = _without_passives(_cue_words(text[s_start:start]))
    right = _words_after(text, end, s_end, _FAR_LEFT)
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


def _words_after(text: str, end: int, s_end: int, count: int) -> list[str]:
    """The cue words of text[end:s_end] without passives: all of them, or at least the first `count`.

    Read in growing pieces, so a sentence of megabytes (a text with no full stops) costs what its first words do.
    """
    size = 512
    while True:
        stop = min(s_end, end + size)
        words = _cue_words(text[end:stop])
        if stop == s_end:
            return _without_passives(words)
        # the piece's last two words may be cut, or read as "May" the modal where the whole reads a date
        kept = _without_passives(words[:-2])
        if len(kept) >= count:
            return kept
        size *= 4


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
        if found == "past" and word in _PAST_ADJECTIVES and side == "left":
            # "would meet former Presidents Bush and Clinton on Saturday": an adjective, not the clause's verb
            weak = weak or "past"
            continue
        if found in ("past", "future"):
            return found
        present = present or found
    return weak or present


_PROGRESSIVE_REACH = 3  # words between a present progressive and the date it looks ahead to
# Past cues that are adjectives before a noun: they say the clause is past only when no verb says otherwise
_PAST_ADJECTIVES = frozenset({"former", "recent"})


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
    # an arrangement in the present progressive: "we're meeting on Saturday", "the minister is flying to Paris on
    # Monday"; not "were meeting" (past) nor after a possessive ("the president's meeting on Saturday")
    if (side == "left" and between <= _PROGRESSIVE_REACH and word.endswith("ing")
            and (prev in ("is", "are", "am") or prev.endswith(("'re", "’re", "'m", "’m")))):
        return "future"
    if word in cues["named_deadlines"] and side == "right" and between == 0:
        return "weak"
    if word == "until" and side == "left" and between == 0 and not prev:
        return "weak"  # "Until Thursday, they had not called him a suspect": the main clause dates it
    return _cue(word, nxt)


def _without_infinitives(words: list[str]) -> list[str]:
    """Masks "to" before a verb, except after "be" ("is to resume Tuesday" is a plan) and after readiness ("had
    a plane standing by to fly there on Saturday", "troops poised to move in on Monday": what is readied is ahead)."""
    return [w if w != "to" or i and (words[i - 1] in _KEEPS_INFINITIVE or words[max(0, i - 2):i] == ["standing", "by"])
            else "(to)" for i, w in enumerate(words)]


_KEEPS_INFINITIVE = frozenset({"is", "are", "am", "was", "were", "ready", "poised", "waiting"})


def _without_passives(words: list[str]) -> list[str]:
    """Drops participles that are not past tense.

    After "be" ("would be completed by", "will be paid on" are future; "is heard in May" is present) and used as
    adjectives: after a determiner ("the increased dividend") or negated with
    "un-" ("a still unspecified date"). A participle that names a plan stays ("the slated visit").
    """
    cues = _cues()

    def passive(i: int, w: str) -> bool:
        prev = words[i - 1] if i else ""
        # an adverb may stand between the verb "be" and its participle: "will be officially released Monday"
        be = prev if not prev.endswith("ly") or i < 2 else words[i - 2]
        return w not in cues["future"] and (
            be in ("be", "been", "being", "is", "are", "am") and (w.endswith("ed") or w in cues["past"])
            or w.endswith("ed") and (w.startswith("un") or prev in cues["determiners"]))

    return [w for i, w in enumerate(words) if not passive(i, w)]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence (or line) around text[start:end]."""
    s_start = max(0, start - 400)
    for m in _BOUNDARY.finditer(text, s_start, start + 1):
        s_start = m.end() if m.end() <= start and _ends_sentence(text, m) else s_start
    return s_start, _sentence_ends(text).after(end)


# where _BOUNDARY matches when tried at a position (also inside another match: the "\n" of ".\n")
_BOUNDARY_AT = re.compile(r"(?=[.!?]\s+[A-Z\"“‘'(]|\n)")


class _SentenceEnds:
    """The ends of one text's sentences, looked up by bisection so that a long text is read once, not per span."""

    def __init__(self, text: str):
        self.text = text
        self.boundaries = [m.start() for m in _BOUNDARY_AT.finditer(text)]
        self.ends: dict[int, int] = {}  # boundary index -> end of the sentence a search from there finds

    def after(self, pos: int) -> int:
        """The end of the sentence running on at `pos`: just past the first boundary from `pos` that ends one."""
        index, passed = bisect.bisect_left(self.boundaries, pos), []
        end = len(self.text)
        while index < len(self.boundaries):
            if index in self.ends:
                end = self.ends[index]
                break
            passed.append(index)
            boundary = _BOUNDARY.match(self.text, self.boundaries[index])
            assert boundary is not None  # _BOUNDARY_AT found exactly the places where it matches
            if _ends_sentence(self.text, boundary):
                end = boundary.start() + 1
                break
            index = bisect.bisect_left(self.boundaries, boundary.end())
        for index in passed:
            self.ends[index] = end
        return end


@functools.lru_cache(maxsize=2)
def _sentence_ends(text: str) -> _SentenceEnds:
    return _SentenceEnds(text)


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group() == "\n":
        return True
    period = boundary.start() + 1
    starts = range(max(0, period - 12), period)
    return not any((m := _ABBREVIATION.match(text, i)) and m.end() == period for i in starts)


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

    def plan(self, m: re.Match[str]) -> bool:
        """Whether the expression names a plan's or a deadline's date, which looks ahead even in a past clause."""
        return plan_context(self.text, m.start(), m.end())

    def preceded_by(self, m: re.Match[str], pattern: str) -> bool:
        return re.search(rf"(?:^|\W)(?:{pattern})\s+$", self.text[max(0, m.start() - 30):m.start()], re.I) is not None


_FIRM_REACH = 8  # words before a date searched for a firm plan


# Nouns of a timetable: a date right after one of them, or right before, is the plan's ("the new working target
# was Oct. 31", "the September 15 deadline", "pushed for an earlier date but accepted mid-September")
_PLAN_NOUNS = frozenset({"deadline", "target", "timetable", "date", "schedule"})
_PLAN_REACH = 4  # words before an expression searched for a plan noun
# Prepositions that make a date a limit still ahead: "beyond 15 September", "no later than", "by mid-September"
# and a timetable's verbs: "a hearing has been set for 5 April", "scheduled for 23 August"
_LIMITS = (("beyond",), ("by",), ("until",), ("till",), ("no", "later", "than"), ("not", "later", "than"),
           ("set", "for"), ("scheduled", "for"), ("rescheduled", "for"), ("slated", "for"), ("planned", "for"),
           ("adjourned", "until"), ("postponed", "until"))
_NOT_THE_PLAN = frozenset({"in", "on", "at", "since", "from", "of", "during", "last", "ago"})


def plan_context(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a plan or deadline: after a limit ("beyond", "no later than"), after
    a timetable noun in the same clause ("the target was"), or right before one ("the September 15 deadline").

    A date introduced by "in", "on" or "since" dates something else ("set the deadline on May 19").
    """
    s_start, s_end = sentence_bounds(text, start, end)
    left = _cue_words(text[s_start:start])
    right = _cue_words(text[end:min(s_end, end + 40)])
    if right[:1] and right[0] in _PLAN_NOUNS - {"date", "schedule"}:
        return True
    if len(left) > 2 and left[-1] in ("or", "and", "to"):  # "by Thursday or Friday": the limit governs both
        left = left[:-2]
    if any(tuple(left[-len(limit):]) == limit for limit in _LIMITS):
        return True
    return bool(left) and left[-1] not in _NOT_THE_PLAN and bool(_PLAN_NOUNS & set(left[-_PLAN_REACH:]))
