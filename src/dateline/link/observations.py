"""Turns claims and quantities into observations: one reported value for one question.

An observation says "document D (outlet O, published P) gives value V to the
question Q, in this sentence". Two kinds of question exist for now:
- counts: "How many US troops are in Iraq?" from quantities with what they count;
- times: "When will the coalition mission in Iraq end?" from claims whose time is
  a deadline, an end or a start.
The key of an observation is what makes two of them the same question.
Typed facts (person status, levels and states, office holders, money amounts)
are observed by the modules of `link/facttypes/`, which use these two as their
count and plan types.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from dateline.jsonable import citation_from_json, parse_day
from dateline.model import Citation, Claim, Quantity, role_of_label
from dateline.resources import load_table

TIME_CLASSES = {"end": "end", "start": "begin", "continue": "continue", "delay": "end"}
TIME_ROLES = {"deadline", "end", "start"}
MIN_COUNT = 10
CASUALTIES = ("attack", "killed", "injured")
PHASE_WORDS = ("remaining", "rest of", "last", "final", "first", "initial", "second")


@dataclass(frozen=True)
class Source:
    """Who published a document, and when."""

    doc_id: str
    outlet: str | None
    published: date | None


@dataclass(frozen=True)
class Observation:
    """One reported value. The question it answers is (ask, topic, place, qualifier):
    ("count", "us troops", "Iraq", "") or ("when", "end", "Iraq", "remaining")."""

    ask: str  # "count" | "when"
    topic: str  # what is counted, or the class of event dated
    place: str | None  # as stated; None lets the story's usual place fill in
    qualifier: str  # a count's event ("attack") or a date's phase ("remaining")
    kind: str  # "quantity" | "date"
    value: str
    label: str
    source: Source
    citation: Citation
    subject: str | None = None
    speaker: str | None = None
    anonymous: bool = False
    modality: str | None = None
    hedged: bool = False
    approximate: bool = False
    revises: str | None = None  # the value this one replaces; "*" for whatever stood
    denies: bool = False
    shift: str | None = None  # a postponement by a duration ("P6W") of the standing value
    predicate: str | None = None  # the claim's verb or event noun ("withdraw", "withdrawal")
    bound: str = ""  # ">=" for "at least", "<=" for "at most" (a count or an amount)
    cumulative: bool = False  # a count that only grows (the dead, cases): a later, larger figure updates
    rank: int | None = None  # a state's step on its scale (charged 3 < convicted 4): a higher step updates
    strong: bool = False  # an official or confirmed figure, or one a named source gives without hedging
    role: str = ""  # model.DONE (a plan done, a level none), model.ADDED (troops added), "" for a plain value


_SHORT_CVC = re.compile(r"[^aeiou]*[aeiou][bdgklmnprt]")  # one syllable ending consonant-vowel-consonant
CALENDAR = re.compile(r"^(>=)?\d{4}(-\d{2}(-\d{2})?)?$")


# Counts of an event, not of a standing number: "five personnel were injured",
# "hundreds of troops may depart". Each asks its own question; so does a count
# whose verb is not in the lexicon and states no level ("were rescued"), worded
# with that verb (`count_wording`).
EVENT_COUNTS = {"attack": "were killed or hurt in", "killed": "were killed in", "injured": "were injured in", "end": "will leave",
                "start": "will arrive in", "deploy": "will be sent to"}


def observation_from_json(data: dict) -> Observation:
    """An Observation back from its stored JSON form."""
    source = data["source"]
    citation = data["citation"]
    return Observation(**{
        **data,
        "role": data.get("role", role_of_label(data["label"])),
        "source": Source(source["doc_id"], source["outlet"], parse_day(source["published"])),
        "citation": citation_from_json(citation),
    })


def count_event(q: Quantity, claim: Claim | None, verb_classes: dict[str, str]) -> str:
    """The event a count belongs to, or "" when it states how many there are.

    A state written with the count makes its question ("1.5 million left
    homeless"; the dead and hurt count as casualties). Casualty verbs always make
    an event ("injured five", "200 died"); leaving, arriving and deploying do when
    planned or expected ("hundreds may depart"), since a count that already
    happened ("leaving 2,500 behind") states a level; a verb outside the lexicon
    makes its own event ("affected", "rescued") unless it states a level ("have",
    "live", "number").
    """
    klass = verb_classes.get(q.verb or "")
    counts = _counts()
    if q.state == "dead" or q.verb in counts["killed"]:
        return "killed"
    if q.state == "injured" or q.verb in counts["injured"]:
        return "injured"
    if klass == "attack" or q.verb in counts["casualty"]:
        return "attack"
    if q.state:
        return q.state
    if klass in EVENT_COUNTS and claim is not None and claim.modality != "happened":
        return klass
    if klass is None and q.verb and q.verb.isalpha() and q.verb not in counts["level"]:
        return q.verb
    return ""


def count_wording(qualifier: str) -> str:
    """How a count question words its event: "were killed or hurt in", "were affected in"."""
    if qualifier in EVENT_COUNTS:
        return EVENT_COUNTS[qualifier]
    if qualifier in _states():
        return f"are {qualifier} in"
    return f"were {participle(qualifier)} in" if qualifier else "are in"


def participle(lemma: str) -> str:
    irregular = _counts()["participles"]
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if _SHORT_CVC.fullmatch(lemma):
        return lemma + lemma[-1] + "ed"  # "drop" -> "dropped", "plan" -> "planned"
    return lemma + "ed"


@functools.lru_cache(maxsize=1)
def _counts() -> dict:
    return load_table("claims")["counts"]


@functools.lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    return frozenset(k for k, v in load_table("quantities")["states"].items() if isinstance(v, list))


def from_quantity(q: Quantity, source: Source, citation: Citation, event: str = "", *, min_count: float = MIN_COUNT
                  ) -> Observation | None:
    """A count observation, when the quantity says what it counts. `min_count` is the smallest value worth
    asking of a count that is no casualty count: a caller that knows the count's kind may lower it."""
    if not q.counts or q.unit or not _worth_asking(q, event, min_count):
        return None
    bound = ">=" if q.lower is not None and q.upper is None and q.lower == q.value else (
        "<=" if q.upper is not None and q.lower is None and q.upper == q.value else "")
    value = f"{q.value:g}"
    return Observation(
        ask="count",
        topic=q.counts.lower(),
        place=q.where,
        qualifier=event,
        kind="quantity",
        value=value,
        label=_quantity_label(q),
        source=source,
        citation=citation,
        subject=q.counts,
        approximate=q.approximate,
        bound=bound,
    )


def from_claim(c: Claim, source: Source, citation: Citation, anonymous: bool) -> Observation | None:
    """A time observation, when the claim dates an ending, start or continuation.

    A denied postponement ("the Pentagon denied the deadline had slipped")
    becomes a denial of the newest value of the same question.
    """
    if _denies_a_delay(c):
        return _observation(c, "end", "", source, citation, anonymous, denies=True)
    klass = TIME_CLASSES.get(c.predicate_class or "")
    if klass is None:
        return None
    denies = c.predicate_class == "delay" and (c.modality == "denied" or c.negated)
    if c.predicate_class == "delay" and not denies and not c.revises and _is_duration(c.time):
        # "pushed the deadline back by six weeks": shifts whatever the deadline was
        return _observation(c, klass, "", source, citation, anonymous, shift=c.time)
    value = _time_value(c)
    if not denies and (value is None or not CALENDAR.match(value)):
        return None
    if not denies and c.time_role not in TIME_ROLES and not c.revises and not _bounded_duration(c):
        return None
    return _observation(c, klass, "" if denies else value or "", source, citation, anonymous, denies=denies)


def _observation(
    c: Claim, klass: str, value: str, source: Source, citation: Citation, anonymous: bool,
    *, denies: bool = False, shift: str | None = None,
) -> Observation:
    return Observation(
        ask="when",
        topic=klass,
        place=c.place,
        qualifier=_phase(c.subject),
        kind="date",
        value=value,
        label=_time_label(c, value or None) if not shift else f"pushed back {shift}",
        source=source,
        citation=citation,
        subject=c.object if c.object and not c.revises else c.subject,
        speaker=c.speaker or (c.subject if denies else None),  # "The Pentagon denied ...": the denier
        anonymous=anonymous,
        modality=c.modality,
        hedged=c.hedged,
        revises=c.revises or ("*" if shift else None),
        denies=denies,
        shift=shift,
        predicate=c.predicate,
    )


DELAY_WORDS = re.compile(r"\b(delay|postpone|push(ed|ing)? back|put off|defer|extend)", re.IGNORECASE)


def _denies_a_delay(c: Claim) -> bool:
    """ "The Pentagon denied a report that the deadline had been pushed back"."""
    return c.predicate_class == "deny" and bool(DELAY_WORDS.search(c.text))


def _is_duration(value: str | None) -> bool:
    return bool(value and re.fullmatch(r"P\d+(\.\d+)?[DWMY]", value))


def _worth_asking(q: Quantity, event: str, min_count: float) -> bool:
    """Small counts of ordinary things ("two countries", "three diplomats") are
    wording, not open questions; casualty counts always matter. A count of
    "people" with no event or state says nothing worth asking."""
    if not event and (q.counts or "").lower() in _counts()["generic"]:
        return False
    return event in CASUALTIES or q.value >= min_count


def _time_value(c: Claim) -> str | None:
    if c.time_lower and not _exact(c):
        return ">=" + c.time_lower
    if c.time_upper and (_bounded_duration(c) or _is_duration(c.time)):
        # "over the next 12 months", "within a year": by the end of them; "in six months", "by three years": then
        return c.time_upper
    return c.time


def _exact(c: Claim) -> bool:
    """Both bounds the same day: an exact shift ("in six months", "delayed by three years"), not a bound."""
    return c.time_lower is not None and c.time_lower == c.time_upper


def _bounded_duration(c: Claim) -> bool:
    return c.time_role == "duration" and bool(c.time_upper) and c.modality in ("planned", "expected")


def _phase(subject: str | None) -> str:
    lowered = (subject or "").lower()
    return next((w for w in PHASE_WORDS if w in lowered.split() or lowered.startswith(w)), "")


def _quantity_label(q: Quantity) -> str:
    number = f"{q.value:,.0f}" if q.value == int(q.value) else f"{q.value:,}"
    if q.lower is not None and q.upper is None and q.lower == q.value:
        return "at least " + number
    if q.upper is not None and q.lower is None and q.upper == q.value:
        return "at most " + number
    return ("about " if q.approximate else "") + number


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def readable_time(value: str) -> str:
    """'2025-09' -> 'September 2025'; '>=2028-09' -> 'not before September 2028'."""
    if value.startswith(">="):
        return "not before " + readable_time(value[2:])
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return value
        month = MONTHS[int(parts[1]) - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
    except (ValueError, IndexError):
        return value


def _time_label(c: Claim, value: str | None) -> str:
    if value is None:
        return "denied"
    role = c.time_role or ""
    if _bounded_duration(c):  # "over the next 12 months" is a deadline; "in six months" (both bounds the same) a day
        role = "" if _exact(c) else "deadline"
    prefix = {"deadline": "by ", "end": "until ", "start": "from "}.get(role, "")
    text = readable_time(value)
    if text.startswith("not before"):
        return text
    part = re.search(rf"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|mid-?)\s*{re.escape(text)}\b",
                     c.text, re.IGNORECASE)
    return prefix + (part.group(0) if part else text)  # "by the end of 2026", not "by 2026"
