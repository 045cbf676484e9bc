"""Typed records passed between dateline's stages.

Raw input -> RawDocument -> Document (clean text + dated) -> AnnotatedDocument
(layers of character-offset spans) -> stored rows -> corpus records (Story, Fact,
TimelineEntry). Every record is frozen: a stage returns new values, it never
mutates what it was given. Offsets always index into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol

DateMethod = Literal[
    "metadata",  # from the reader: JSONL field, HTML meta tags (htmldate)
    "dateline",  # an explicit date line in the text ("Tuesday, July 23, 2024")
    "inferred",  # from the dates and weekday references the text contains
    "corpus",  # borrowed from a dated article reporting the same event
    "unknown",
]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexRole = Literal["point", "deadline", "start", "end", "duration"]
Modality = Literal["happened", "planned", "expected", "possible", "denied"]
Relation = Literal["first", "agree", "contradict", "update", "elaborate", "deny"]


@dataclass(frozen=True)
class PublishedDate:
    """When a document was published, with where that knowledge came from."""

    value: date | None
    method: DateMethod
    confidence: float  # 0..1
    reason: str

    @classmethod
    def unknown(cls, reason: str = "no date found") -> PublishedDate:
        return cls(None, "unknown", 0.0, reason)


@dataclass(frozen=True)
class RawDocument:
    """One input article as a reader found it, before cleaning.

    Exactly one of `html` or `text` is set. `published` is whatever the source
    declared (a JSONL field), parsed later by dating.
    """

    source: str  # file path, "path:line" for JSONL, or URL
    html: str | None = None
    text: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned, dated article: the unit every annotator reads."""

    id: str  # stable: given id, or a hash of the clean text
    source: str
    text: str  # clean main text; all offsets index into it
    title: str | None
    outlet: str | None
    url: str | None
    author: str | None
    language: str  # ISO 639-1 code, "und" when unknown
    published: PublishedDate
    removed_lines: tuple[str, ...] = ()  # site furniture dropped by cleaning
    raw_text: str | None = None  # text before cleaning, for dating evidence
    wire: str | None = None  # the wire service the text credits ("(Reuters) -"); may equal the outlet


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, ...
    canonical: str  # the fullest name for this referent in the document
    start: int
    end: int


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression normalised to TIMEX3 notation.

    `value` is a TIMEX3 value ("2025-09", "P12M", "PAST_REF", "XXXX-08-05" when
    no anchor could fix the year). `lower`/`upper` carry bounds the text states
    ("delayed by at least three years" from 2025-09 -> lower "2028-09").
    """

    text: str
    type: TimexType
    value: str
    role: TimexRole
    start: int
    end: int
    lower: str | None = None
    upper: str | None = None
    anchor: str | None = None  # the value this expression was computed from
    mod: str | None = None  # TIMEX3 mod: APPROX, START, END, EQUAL_OR_MORE, ...


@dataclass(frozen=True)
class Quantity:
    text: str
    value: float
    approximate: bool
    counts: str | None  # what is counted, normalised: "US troops"
    start: int
    end: int
    where: str | None = None  # canonical place the count applies to: "Iraq"
    lower: float | None = None
    upper: float | None = None
    unit: str | None = None  # "USD", "%", None for plain counts
    verb: str | None = None  # lemma of the verb governing the count: "injure", "remain"
    state: str | None = None  # the state the counted things are in: "dead", "homeless", "missing"


@dataclass(frozen=True)
class Attribution:
    speaker: str  # canonical name, or the description for anonymous sources
    source_text: str
    anonymous: bool
    cue: str
    content: str
    content_start: int
    content_end: int
    direct: bool
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # Index (in the document's attributions) of the innermost attribution whose
    # content holds this one's cue: "Y wants Z" in "X said that Y wants Z".
    nested_in: int | None = None


@dataclass(frozen=True)
class Claim:
    """An atomic statement: who did/will do what, when, how surely, said by whom.

    `time` is the TIMEX3 value the claim refers to (not when it was reported);
    `time_role` says how (a "by September 2025" deadline, a start, a point).
    `predicate_class` groups verbs that answer the same question ("end",
    "withdraw", "conclude" -> "end").
    """

    text: str
    subject: str | None
    predicate: str
    object: str | None
    modality: Modality
    negated: bool
    time: str | None
    speaker: str | None
    start: int
    end: int
    predicate_class: str | None = None
    time_role: TimexRole | None = None
    time_lower: str | None = None  # bound: "not before"
    time_upper: str | None = None
    place: str | None = None
    hedged: bool = False
    quantity: Quantity | None = None
    revises: str | None = None  # the earlier value this claim says it changes


@dataclass(frozen=True)
class AnnotatedDocument:
    document: Document
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    # "layer: cause" for each layer that failed on this document and was left empty; the others stand
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A document that a stage could not process; recorded, never fatal."""

    source: str
    stage: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something a stage repaired or skipped without losing the document: a stray byte
    replaced while decoding, an identical file read twice. Reported, never fatal."""

    source: str
    stage: str
    message: str


# --- corpus-level records -------------------------------------------------


@dataclass(frozen=True)
class Citation:
    document: str
    start: int
    end: int
    text: str
    outlet: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    documents: tuple[str, ...]


DONE = "done"  # FactValue.role: a plan reported done, or a level reported none (all troops left)
ADDED = "added"  # FactValue.role: troops added to a deployment, a part of its newer total, never a rival
DONE_MARK = "done: "  # how a done plan's label starts: "done: left on 5 August 2024"
NONE_MARK = "none: all left"  # the label of a level reported none
ADDED_MARK = " more"  # how an addition's label ends: "4,000 more"


class HasRole(Protocol):
    role: str


def is_done(value: HasRole) -> bool:
    """A plan reported done or a level reported none (an observation or a fact's value), not a plan or a
    figure."""
    return value.role == DONE


def role_of_label(label: str) -> str:
    """A value's role read from its label's marks: stores linked before values carried a role (0.3) have
    only the marks."""
    if label.startswith(DONE_MARK) or label == NONE_MARK:
        return DONE
    return ADDED if label.endswith(ADDED_MARK) else ""


@dataclass(frozen=True)
class FactValue:
    value: str  # normalised value: "2500", "2025-09", ">=2028-09"
    kind: str  # "quantity", "date", "statement"
    documents: tuple[str, ...]
    outlets: tuple[str, ...]
    first_reported: date | None
    relation: Relation
    label: str = ""  # human form: "about 2,500", "by September 2025"
    citations: tuple[Citation, ...] = ()
    speakers: tuple[str, ...] = ()
    modality: str | None = None
    hedged: bool = False
    contradicts: tuple[str, ...] = ()  # earlier standing values this one conflicts with
    # one per document: the independent source it belongs to (its outlet, or the article it copies)
    source_keys: tuple[str, ...] = ()
    rank: int | None = None  # a state's step on its scale (charged 3 < convicted 4); None for other values
    bound: str = ""  # ">=" for "at least", "<=" for "at most"
    strong: bool = False  # some report gives it as official or confirmed, or a named source without hedging
    role: str = ""  # DONE (a plan done, a level none), ADDED (troops added to a deployment), "" for a plain value
    # the reports that give it strong (official, confirmed, a named source) and those that state it unhedged: a
    # value known on a day is strong or hedged by the reports out by then (`link/current._as_known`), not later ones
    strong_documents: tuple[str, ...] = ()
    unhedged_documents: tuple[str, ...] = ()

    @property
    def independent(self) -> int:
        """Independent sources: a copy or a rewrite of another report, or a second article of the same
        outlet, adds none. (A store linked before this was counted has no keys: outlets stand in.)"""
        return len(set(self.source_keys)) if self.source_keys else len(self.outlets)

    @property
    def named_outlets(self) -> tuple[str, ...]:
        """The outlets by name; an article of unknown outlet stands in `outlets` under its id."""
        return tuple(o for o in self.outlets if o not in self.documents)


@dataclass(frozen=True)
class Fact:
    id: str
    story: str
    question: str
    values: tuple[FactValue, ...]  # oldest first
    current: str | None  # the value judged current, see views/brief
    current_reason: str = ""
    disputed: bool = False
    type: str = ""  # the fact type's ask (link/facttypes): count, when, status, level, measure, bill, holder, amount
    cumulative: bool = False  # a count that only grows: the newest figure is current


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # ISO date or TIMEX3 value at its precision
    text: str
    documents: tuple[str, ...]
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    basis: str | None = None  # why this date: "explicit", "relative" (to the publication date), "narrative"
    # (to an earlier date in the text) or "published" (the article's own date; the sentence names none)
    expression: str | None = None  # the time expression as written, None when dated by publication
    reason: str | None = None  # the date's reason in words: the expression and what it was read against
    sources: int = 0  # independent sources (articles not repeating one another's wording) reporting it
