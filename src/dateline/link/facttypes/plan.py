"""Plans and deadlines: "When will the coalition mission in Iraq end?".

Value: a date at its precision, or a bound (">=2028-09"). Scope: the event class
(end, begin, continue), the place, and the phase ("remaining forces"). Observed
from claims of the end, start, continue and delay classes with a deadline, end or
start time; postponements revise or shift the standing value (see
`link/observations.py: from_claim`). Relation: the general rule.

What the question is about is the claim's actor or thing, trimmed to its head and
modifiers (`subject_phrase`): "all U.S. forces" -> "U.S. forces", "the coalition
forces' occupation of the oil-rich areas of neighboring Syria" -> "the coalition
forces' occupation of Syria". A verb of leaving takes its subject ("troops may
depart Iraq": the troops, not Iraq); an event noun its object ("the withdrawal of
the coalition forces"). The verb comes from the plan's class, not from the
article's wording: an actor (troops, a country) leaves, begins to withdraw, stays;
a thing (a mission, a programme) ends, begins, continues. Left out, as no plan: a
date before the year before the article's ("from 2004", "1800" in a 2008 story),
and a subject no reader can place (a pronoun, "any chance", `[plan] vague`); a claim
told as done with no future, modal or plan wording in its own clause ("the first
flights left Air Base 101 on Thursday", `_done`); a denial that says nothing of
timing ("a delay in vaccine is not a real cause for concern"). A
month-precise plan whose exact day is written in a nearby sentence ("to the end of
October" ... "the new working target was Oct. 31") takes that day.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.link.facttypes.base import GeneralRule, citation, entities_in, lexicon, words_pattern
from dateline.link.observations import Observation, Source, from_claim, participle, readable_time
from dateline.model import AnnotatedDocument, Claim

_WORD = re.compile(r"[a-z]{3,}")
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "he", "she", "we", "which", "who", "them",
                       "i", "you", "one", "some", "others", "all", "both", "each", "any"})
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_LEADING = frozenset({"a", "an", "the", "all", "some", "any", "many", "most", "several", "both", "each", "every",
                      "about", "around", "roughly", "nearly", "almost", "more", "than", "fewer", "less",
                      "hundreds", "thousands", "dozens", "tens", "scores", "of", "remaining", "rest", "last", "final",
                      "first", "initial", "second", "certain", "other", "further", "additional"})
_CUT = re.compile(r"^(of|in|at|for|from|to|on|with|by|into|out|over|under|near|after|before|during|since|that|"
                  r"which|who|whose|where|when|as|than|and|or|but|[a-z]+ing|[,;:(\"“])$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\d,.]+$|^(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)$",
                     re.IGNORECASE)
_YEAR = re.compile(r"(\d{4})")
_EXACT_CUES = re.compile(r"\b(target|deadline|date|due|by|until|no later than)\b", re.IGNORECASE)
_NEARBY = 4  # sentences after the claim's where an exact day of its month may be written


@dataclass(frozen=True)
class PlanType(GeneralRule):
    name: str = "when"
    value_kind: str = "date"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        anonymous = {a.speaker for a in annotated.attributions if a.anonymous}
        for c in annotated.claims:
            obs = from_claim(c, source, citation(annotated, c.start, c.end), c.speaker in anonymous)
            if obs is None or not _in_window(obs.value, source) or (
                    not (obs.denies or obs.revises or obs.shift) and _done(annotated, c)):
                continue  # a denial or a revision of a plan is told as done and stays
            if obs.denies and not _timing_words().search(obs.citation.text):
                continue  # "a delay in vaccine is not a real cause for concern" denies no plan's date
            subject = subject_phrase(annotated, c)
            yield _exact_day(annotated, c, replace(obs, subject=subject or obs.subject))

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, qualifier = key
        subject = _usual_subject(observations)
        if qualifier and qualifier not in subject.lower():
            subject = f"the {qualifier} {subject.removeprefix('the ')}" if subject.startswith("the ") else subject
        verb = _verb(observations, topic, subject)
        if place and place not in subject and verb.split()[-1] in _PLACE_AFTER:
            verb += _PLACE_AFTER[verb.split()[-1]] + _named(place)  # "leave Niger", "withdraw from Iraq"
        if verb.startswith("stay ") or verb in ("continue", "stay"):
            return f"Until when will {subject} {verb}?"
        return f"When will {subject} {verb}?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A plan no reader can place is no question: "When will it end?", "When will the any chance end?"."""
        subject = _usual_subject(observations).lower().removeprefix("the ")
        words = subject.split()
        vague = set(lexicon()["plan"]["vague"])
        return bool(words) and words[0] not in _PRONOUNS | _POSSESSIVES | {"any", "no"} and words[-1] not in vague


TYPE = PlanType()
_PLACE_AFTER = {"leave": " ", "withdraw": " from ", "arrive": " in ", "stay": " in "}


def _named(place: str) -> str:
    """A place as a sentence names it: "the United States", "Niger"."""
    return f"the {place}" if place.startswith(("United ", "Republic ", "Democratic Republic")) else place


def _in_window(value: str, source: Source) -> bool:
    """A plan's date is not long before its article: "from 2004" or "1800" in a 2008 story is history, not a plan."""
    year = _YEAR.match(value.removeprefix(">=").removeprefix("<="))
    if year is None or source.published is None:
        return True
    return int(year.group(1)) >= source.published.year - 1


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s--\s")


def _done(annotated: AnnotatedDocument, c: Claim) -> bool:
    """A claim told as done, with no plan wording in its own clause (from after its subject to the first
    clause break): "The first flights left Air Base 101 on Thursday, officials said, the first step in a
    withdrawal due by mid-September" reports a departure, not a plan of one; the deadline is another
    clause's. "Schools have been closed until 6 May" keeps its plan ("until")."""
    if c.modality != "happened":
        return False
    text = annotated.document.text
    start = c.start
    if c.subject:
        at = text.find(c.subject, c.start, c.end)
        start = at + len(c.subject) if at >= 0 else c.start
    brk = _CLAUSE_BREAK.search(text, start, c.end)
    own = text[start:brk.start() if brk else c.end]
    return not _plan_words().search(own)


@functools.lru_cache(maxsize=1)
def _plan_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["plan"]["plan_words"])


@functools.lru_cache(maxsize=1)
def _timing_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["plan"]["timing_words"])


def subject_phrase(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """What the plan is about, as a question names it: the claim's actor or thing, trimmed to its head.

    A verb of leaving ("depart Iraq", "left Air Base 101") has a place for object: its subject is what
    leaves. Otherwise the object of an event noun or verb ("the withdrawal of troops", "conclude the
    mission"), else the subject.
    """
    words = lexicon()["plan"]
    leaving = (c.predicate or "").lower() in words["leaving_verbs"]
    phrase = c.subject if leaving or not c.object or c.revises else c.object
    if not phrase:
        return None
    return _trim(annotated, c, phrase)


def _trim(annotated: AnnotatedDocument, c: Claim, phrase: str) -> str | None:
    """The phrase's head and its modifiers, with a place after it kept ("the mission in Iraq")."""
    words = phrase.split()
    while words and (words[0].lower() in _LEADING or _NUMBER.match(words[0])):
        words = words[1:]
    possessive = bool(words) and words[0].lower() in _POSSESSIVES
    if possessive:
        words = words[1:]  # "its moratorium": whose is not said; "the moratorium"
    cut = next((i for i, w in enumerate(words) if i >= 1 and _CUT.match(w.strip(",;:"))), len(words))
    if cut < len(words) and words[cut - 1][-1:] in ",;:":
        words[cut - 1] = words[cut - 1].rstrip(",;:")
    head, rest = words[:cut], " ".join(words[cut:])
    if not head:
        return None
    place = _place_in(annotated, c, phrase, rest)
    if place and rest.split()[0].lower() in ("of", "in", "from"):
        head = [*head, rest.split()[0].lower(), place]
    text = " ".join(head).strip(",;:\"“”' ")
    return text if _proper(annotated, c, text) else "the " + text


def _place_in(annotated: AnnotatedDocument, c: Claim, phrase: str, rest: str) -> str | None:
    """The country or place named in the trimmed-off part of the phrase ("of neighboring Syria" -> Syria)."""
    if not rest:
        return None
    text = annotated.document.text
    at = text.find(phrase, c.start, c.end)
    if at < 0:
        return None
    tail = at + len(phrase) - len(rest)
    places = entities_in(annotated, tail, at + len(phrase), ("GPE",))
    return places[-1].text if places else None


def _proper(annotated: AnnotatedDocument, c: Claim, text: str) -> bool:
    """A name that takes no article: a person or a country written as the whole phrase ("Baghdad", "Washington")."""
    if text.lower().startswith("the ") or not text[:1].isupper():
        return text.lower().startswith("the ")
    names = [e for e in entities_in(annotated, c.start, c.end, ("PERSON", "GPE", "ORG", "NORP"))
             if e.text == text]
    return any(not e.text.startswith("United") for e in names)


def _exact_day(annotated: AnnotatedDocument, c: Claim, obs: Observation) -> Observation:
    """A month-precise plan takes the day written for it in a nearby sentence of the same month as the target or
    deadline ("to the end of October" ... "the new working target was Oct. 31")."""
    if not re.fullmatch(r"\d{4}-\d{2}", obs.value):
        return obs
    after = [s for s in annotated.sentences if s.end > c.end][:_NEARBY + 1]
    if not after:
        return obs
    text = annotated.document.text
    for t in annotated.timexes:
        if (after[0].start <= t.start < after[-1].end and t.value.startswith(obs.value + "-")
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)
                and _EXACT_CUES.search(text[max(after[0].start, t.start - 40):t.start])):
            return replace(obs, value=t.value, label=obs.label.replace(readable_time(obs.value), readable_time(t.value)))
    return obs


def _usual_subject(observations: Sequence[Observation]) -> str:
    """The phrase most like all the others: what the reports agree the question is about."""
    subjects = [o.subject for o in observations if o.subject and not o.revises]
    subjects = subjects or [o.subject for o in observations if o.subject] or ["it"]
    bags = [set(_WORD.findall(s.lower())) for s in subjects]
    best = max(
        range(len(subjects)),
        key=lambda i: (sum(len(bags[i] & other) for other in bags), -len(subjects[i])),
    )
    phrase = subjects[best]
    return phrase[:1].lower() + phrase[1:] if phrase.startswith("The ") else phrase


def _verb(observations: Sequence[Observation], topic: str, subject: str) -> str:
    """The verb of the plan's class: an actor leaves (or withdraws), begins to withdraw, stays; a thing ends,
    begins, continues. A plan that lasts until a date ("schools closed until 6 May") stays in its state."""
    words = lexicon()["plan"]
    predicates = Counter(o.predicate for o in observations if o.predicate and not o.revises)
    usual = predicates.most_common(1)[0][0].lower() if predicates else ""
    if usual in words["lasting_verbs"] and all(o.label.startswith("until ") for o in observations
                                               if o.label and not o.denies):
        return "stay " + participle(usual)
    if not _actor(subject):
        return {"end": "end", "begin": "begin", "continue": "continue"}.get(topic, topic)
    action = words["event_verbs"].get(usual, usual if usual in words["leaving_verbs"] else "")
    if topic == "begin":
        return f"begin to {action}" if action in ("withdraw", "leave", "pull out", "draw down") else "arrive"
    if topic == "continue":
        return "stay"
    return "withdraw" if action == "withdraw" else "leave"


def _actor(subject: str) -> bool:
    """Who can leave: people, forces, a country or organisation (a name), not a mission or a programme."""
    words = re.sub(r"\s+(of|in|from)\s+.*$", "", subject.removeprefix("the ")).split()  # "the mission in Iraq"
    if not words:
        return False
    head = words[-1].lower().replace("’", "'")
    actors = set(lexicon()["plan"]["actors"])
    if head in actors or head.rstrip("s") in actors:
        return True
    return words[-1][:1].isupper() and head not in set(lexicon()["plan"]["things"])
