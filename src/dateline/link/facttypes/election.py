"""Elections: "When is the parliamentary election in Turkmenistan?", "What was the turnout in the parliamentary
election in Turkmenistan?".

Who won an election is `contest.py`'s ("Who won the election?"). Read here, from a sentence naming an
election (`data/facttypes.toml [election] nouns`: an election, a vote, a referendum, a runoff):
- its day: a date written after a scheduling cue that follows the noun ("elections ... scheduled for
  December 15", "plans to hold elections on December 15") or right before the noun ("the December 15
  election"), on or after its article's month; or, told as held ("voters cast ballots Sunday in a
  parliamentary election"), a day on or before the article's;
- its turnout: a percentage written within a few words after "turnout" ("turnout reached 93.87 percent")
  or before it ("a 60 percent turnout"), or a percentage of voters who voted ("90 per cent of eligible
  voters had participated").
A condition, a threshold or a forecast ("valid only with a turnout of more than 50 percent", "turnout is
expected to top 70 percent") and a sentence dated to an earlier year than its article state neither; a vote
put off ("elections due on 28 February will be postponed") states no day, nor does an undated article (a
coming vote or a past one?), nor a sentence longer than a news sentence (a page's furniture run together).

Scope: the election's noun ("election", "referendum"); the question names its kind, from the word before
the noun most often written ("parliamentary election"), and the place its sentences name most often.
Value: the day (a date), or the turnout (a percentage, labelled as written). Relation: a day follows the
general rule (a later date reported later is a postponement); turnout grows through election day and the
count, so a later, larger figure is an update (`base.ordered_relation` of a cumulative figure).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.link.facttypes.base import GeneralRule, OnScale, entities_in, lexicon, sentences, words_pattern
from dateline.link.facttypes.proceeding import history, observed
from dateline.link.observations import Observation, Source, readable_time
from dateline.model import AnnotatedDocument, Quantity, Sentence, TimeExpr

CUE_REACH = 60  # characters between the election's noun and a scheduling cue after it
DAY_REACH = 25  # characters between a cue and its date
TURNOUT_WORDS = 6  # words between "turnout" and its percentage
PLACE_REACH = 80  # characters between an election and the place it is in
LONGEST = 400  # characters of a news sentence: a longer one is a page's furniture run together
_DAY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_ON = re.compile(r"\s+on\s+", re.IGNORECASE)  # "to hold elections on December 15": a bare "on" right after the noun


@dataclass(frozen=True)
class Election:
    """An election as a sentence names it."""

    kind: str  # "parliamentary election", "referendum"
    noun: str  # "election", "referendum": what the fact is keyed by
    start: int  # in the sentence
    end: int


@dataclass(frozen=True)
class ElectionDayType(GeneralRule):
    name: str = "election_day"
    value_kind: str = "date"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for s, text in sentences(annotated):
            if source.published is None or len(text) > LONGEST or history(text, source) or _unreal(text, "postponed"):
                continue  # an undated article cannot tell a coming vote from a past one ("the February 2007 election")
            for named in elections_in(text):
                when = _scheduled(annotated, s, text, named, source) or _held(annotated, s, text, named, source)
                if when is not None:
                    yield observed(annotated, source, s, ask=self.name, topic=named.noun, value=when.value,
                                   label=readable_time(when.value), kind="date",
                                   subject=_place(annotated, s, named.start))
                    break

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"When is the {_asked(key, observations)}?"


@dataclass(frozen=True)
class TurnoutType(OnScale):
    name: str = "turnout"
    value_kind: str = "quantity"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for s, text in sentences(annotated):
            named = elections_in(text)
            if len(text) > LONGEST or history(text, source) or _unreal(text, "threshold") or not (
                    named or "turnout" in text.lower()):
                continue
            q = _turnout(annotated, s, text)
            if q is not None:
                o = observed(annotated, source, s, ask=self.name, topic=named[0].noun if named else "election",
                             value=f"{q.value:g}", label=q.text, kind="quantity",
                             subject=_place(annotated, s, q.start - s.start))
                yield replace(o, cumulative=True, approximate=q.approximate)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What was the turnout in the {_asked(key, observations)}?"


DAY, TURNOUT = ElectionDayType(), TurnoutType()


def elections_in(text: str) -> list[Election]:
    """The elections a sentence names, each with its kind ("parliamentary election"); not an election
    commission, campaign or law ("the Central Election Commission", "the election law")."""
    words = _lexicon()
    found = []
    for m in _nouns().finditer(text):
        if re.match(r"[\s-]+(?:commission|committee|campaign|law|laws|board|official|officials|observers?|"
                    r"monitors?|district|districts|process|system|code|rules)\b", text[m.end():], re.IGNORECASE):
            continue
        noun = words["nouns"][m.group().lower()]
        kind = re.search(rf"\b({'|'.join(words['kinds'])})\s+$", text[max(0, m.start() - 30):m.start()], re.IGNORECASE)
        found.append(Election(f"{kind.group(1).lower()} {noun}" if kind and noun == "election" else noun,
                              noun.split()[-1], m.start(), m.end()))
    return found


def _scheduled(annotated: AnnotatedDocument, s: Sentence, text: str, named: Election,
               source: Source) -> TimeExpr | None:
    """A date after a scheduling cue after the noun ("scheduled for December 15"), or right before it ("the
    December 15 election"), no earlier than the article's month."""
    cue = _cues().search(text, named.end, named.end + CUE_REACH) or _ON.match(text, named.end)
    if cue is not None:
        when = _timex(annotated, s.start + cue.end(), s.start + cue.end() + DAY_REACH)
        if when is not None and _not_before(when, source):
            return when
    before = [t for t in annotated.timexes if _DAY.match(t.value) and s.start <= t.start and t.end <= s.start + named.start
              and re.fullmatch(r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}", text[t.end - s.start:named.start])]
    return before[-1] if before and _not_before(before[-1], source) else None


def _held(annotated: AnnotatedDocument, s: Sentence, text: str, named: Election,
          source: Source) -> TimeExpr | None:
    """A vote told as held in the sentence ("voted Sunday in a parliamentary election"): a day on or before the
    article's."""
    if source.published is None or not words_pattern(_lexicon()["held"]).search(text):
        return None
    days = [t for t in annotated.timexes if s.start <= t.start < s.end and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)
            and t.value <= source.published.isoformat()]
    return days[0] if len(days) == 1 else None  # two days: which one is the vote's?


def _timex(annotated: AnnotatedDocument, start: int, end: int) -> TimeExpr | None:
    return next((t for t in annotated.timexes if start <= t.start < end and _DAY.match(t.value)), None)


def _not_before(when: TimeExpr, source: Source) -> bool:
    return source.published is None or when.value[:7] >= source.published.isoformat()[:7]


def _turnout(annotated: AnnotatedDocument, s: Sentence, text: str) -> Quantity | None:
    """The percentage the sentence gives as the turnout (see the module's docstring), or None."""
    for q in annotated.quantities:
        if q.unit != "%" or not s.start <= q.start < s.end:
            continue
        before = text[max(0, q.start - s.start - 60):q.start - s.start]
        after = text[q.end - s.start:q.end - s.start + 60]
        if (re.search(rf"\bturnout\b(?:\s+[\w'’-]+){{0,{TURNOUT_WORDS}}}?\s*$", before, re.IGNORECASE)
                or re.match(r"\s*turnout\b", after, re.IGNORECASE)
                or re.match(rf"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:eligible\s+|registered\s+)?voters\b"
                            rf"[^.;]{{0,40}}?\b{_voted()}", after, re.IGNORECASE)):
            return q
    return None


def _unreal(text: str, *more: str) -> bool:
    """A condition or a doubt ("if the election is held in May"); with "threshold", also a threshold or a
    forecast ("can only be declared valid with a turnout of more than 50 percent", "turnout is expected to top
    70 percent")."""
    words = [w for key in ("unreal", *more) for w in _lexicon()[key]]
    return bool(words_pattern(words).search(text))


def _place(annotated: AnnotatedDocument, s: Sentence, at: int) -> str | None:
    """The place named nearest to `at` (the election's noun, or the turnout), within `PLACE_REACH` characters.
    It words the question, not its key: one election is reported with its place and without ("turnout reached
    93.87 percent in the election")."""
    places = [e for e in entities_in(annotated, s.start, s.end, ("GPE",))
              if abs(e.start - (s.start + at)) <= PLACE_REACH or abs(e.end - (s.start + at)) <= PLACE_REACH]
    return min(places, key=lambda e: abs(e.start - (s.start + at))).canonical if places else None


def _asked(key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
    """The election as a question names it: the kind its sentences give most often, and the place they name
    most often ("parliamentary election in Turkmenistan")."""
    kinds = Counter(e.kind for o in observations for e in elections_in(o.citation.text) if e.noun == key[1])
    kind = max(kinds, key=lambda k: (kinds[k], k != key[1])) if kinds else key[1]  # a tie: the kind named
    places = Counter(o.subject for o in observations if o.subject)
    return kind + (f" in {places.most_common(1)[0][0]}" if places else "")


@functools.lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    return words_pattern(_lexicon()["nouns"])


@functools.lru_cache(maxsize=1)
def _cues() -> re.Pattern[str]:
    return words_pattern(_lexicon()["scheduled"])


@functools.lru_cache(maxsize=1)
def _voted() -> str:
    return "(?:" + "|".join(re.escape(w) for w in _lexicon()["voted"]) + ")"


def _lexicon() -> dict:
    return lexicon()["election"]
