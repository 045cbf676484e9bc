"""Turns claims and quantities into observations: one reported value for one question.

An observation says "document D (outlet O, published P) gives value V to the
question Q, in this sentence". Two kinds of question exist for now:
- counts: "How many US troops are in Iraq?" from quantities with what they count;
- times: "When will the coalition mission in Iraq end?" from claims whose time is
  a deadline, an end or a start.
The key of an observation is what makes two of them the same question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.model import Citation, Claim, Quantity

TIME_CLASSES = {"end": "end", "start": "begin", "continue": "continue", "delay": "end"}
TIME_ROLES = {"deadline", "end", "start"}
PHASE_WORDS = ("remaining", "rest of", "last", "final", "first", "initial", "second")


@dataclass(frozen=True)
class Source:
    """Who published a document, and when."""

    doc_id: str
    outlet: str | None
    published: date | None


@dataclass(frozen=True)
class Observation:
    key: tuple[str, ...]
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
    revises: str | None = None
    denies: bool = False


def from_quantity(q: Quantity, source: Source, citation: Citation) -> Observation | None:
    """A count observation, when the quantity says what it counts and where."""
    if not q.counts or q.unit or not q.where:
        return None
    value = f"{q.value:g}"
    return Observation(
        key=("count", q.counts.lower(), q.where.lower()),
        kind="quantity",
        value=value,
        label=_quantity_label(q),
        source=source,
        citation=citation,
        subject=f"{q.counts} in {q.where}",
        approximate=q.approximate,
    )


def from_claim(c: Claim, source: Source, citation: Citation, anonymous: bool) -> Observation | None:
    """A time observation, when the claim dates an ending, start or continuation."""
    klass = TIME_CLASSES.get(c.predicate_class or "")
    if klass is None:
        return None
    denies = c.modality == "denied" or (c.negated and c.predicate_class == "delay")
    value = _time_value(c)
    if value is None and not denies:
        return None
    if c.time_role not in TIME_ROLES and not c.revises and not denies:
        return None
    return Observation(
        key=("when", klass, (c.place or "").lower(), _phase(c.subject)),
        kind="date",
        value=value or "",
        label=_time_label(c, value),
        source=source,
        citation=citation,
        subject=c.subject,
        speaker=c.speaker,
        anonymous=anonymous,
        modality=c.modality,
        hedged=c.hedged,
        revises=c.revises,
        denies=denies,
    )


def _time_value(c: Claim) -> str | None:
    if c.time_lower and c.time_lower != c.time:
        return ">=" + c.time_lower
    return c.time


def _phase(subject: str | None) -> str:
    lowered = (subject or "").lower()
    return next((w for w in PHASE_WORDS if w in lowered.split() or lowered.startswith(w)), "")


def _quantity_label(q: Quantity) -> str:
    number = f"{q.value:,.0f}" if q.value == int(q.value) else f"{q.value:,}"
    if q.lower is not None and q.upper is None and q.lower == q.value:
        number = "at least " + number
    elif q.upper is not None and q.lower is None and q.upper == q.value:
        number = "at most " + number
    return ("about " if q.approximate else "") + number


MONTHS = (
    "January February March April May June July August September October November December"
).split()


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
    prefix = {"deadline": "by ", "end": "until ", "start": "from "}.get(c.time_role or "", "")
    text = readable_time(value)
    return text if text.startswith("not before") else prefix + text
