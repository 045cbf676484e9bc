"""The speaker view: who said what in a story, over time, with counts per outlet.

Built from the stored "attributions" and "entities" layers of a story's
articles (duplicates left out, so a copied quote counts once). A named speaker
is shown under its corpus-wide name (`dateline.link.entities`), so "Singh" in
one article and "Sabrina Singh" in another are one speaker; anonymous
descriptions ("senior U.S. official") are kept apart, as written, and flagged.
A named speaker that is no person or organisation ("the statement", "both
sides", a dateline) is left out (`is_named_source`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateline.link.entities import link_entities
from dateline.model import AnnotatedDocument, Attribution, Citation, Entity
from dateline.store import Store
from dateline.views.stories import resolve_story

__all__ = ["Statement", "Speaker", "Speakers", "build_speakers", "is_named_source", "speakers_from_documents", "speakers_md"]


@dataclass(frozen=True)
class Statement:
    """One attribution: what was said, how, where and when it was reported."""

    cue: str
    content: str
    direct: bool
    citation: Citation  # the attribution's own span in its article


@dataclass(frozen=True)
class Speaker:
    name: str
    anonymous: bool
    outlets: tuple[tuple[str, int], ...]  # (outlet, statements), most first
    statements: tuple[Statement, ...]  # oldest first, undated last


@dataclass(frozen=True)
class Speakers:
    story: str
    title: str
    speakers: tuple[Speaker, ...]  # most statements first


def build_speakers(store: Store, story: str | None = None) -> Speakers:
    """The speaker view of a story (id, prefix or title words; the largest when None)."""
    found = resolve_story(store, story)
    return speakers_from_documents(found.id, found.title, store.annotated_for_story(found.id, duplicates=False))


def speakers_from_documents(story: str, title: str, documents: Sequence[AnnotatedDocument]) -> Speakers:
    names = link_entities((d.document.id, d.entities) for d in documents)
    grouped: dict[tuple[str, bool], list[Statement]] = defaultdict(list)
    for doc in documents:
        for attribution in (a for a in doc.attributions if a.nested_in is None):  # top-level statements only
            if not attribution.anonymous and not is_named_source(attribution.speaker, doc.entities):
                continue
            name = attribution.speaker if attribution.anonymous else names.get((doc.document.id, attribution.speaker), attribution.speaker)
            grouped[(name, attribution.anonymous)].append(_statement(doc, attribution))
    speakers = [_speaker(name, anonymous, statements) for (name, anonymous), statements in grouped.items()]
    speakers.sort(key=lambda s: (-len(s.statements), s.anonymous, s.name))
    return Speakers(story, title, tuple(speakers))


_SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_INSTITUTIONS = frozenset(
    "council ministry government army military police agency office department court parliament embassy "
    "television radio media committee commission authority authorities command forces junta party union".split()
)


def is_named_source(speaker: str, entities: Sequence[Entity]) -> bool:
    """Whether a named speaker is a person or an organisation: a person's or organisation's name, a place
    standing for its government ("Washington said"), or an institution of a place ("Niger's ruling
    council"). Not a pronoun or a common noun ("the statement", "both sides", "one of them"), a
    nationality ("Nigerien"), or a dateline in capitals ("NIAMEY")."""
    if not speaker or not speaker[0].isupper() or (speaker.isupper() and " " not in speaker and len(speaker) > 4):
        return False
    inside = [e for e in entities if e.text in speaker or e.canonical == speaker]
    if any(e.label in ("PERSON", "ORG") for e in inside):
        return True
    whole = any(e.label in _SOURCE_LABELS - {"NORP"} and speaker in (e.text, e.canonical) for e in inside)
    return whole or (bool(inside) and bool(_INSTITUTIONS & set(speaker.lower().split())))


def speakers_md(view: Speakers, *, per_speaker: int = 5, limit: int = 50) -> str:
    """Markdown: a table of the `limit` speakers with most statements (0: all), then each one's latest statements."""
    shown = view.speakers[:limit] if limit else view.speakers
    lines = [f"## Speakers: {view.title}", "", "| speaker | statements | outlets |", "|---|---|---|"]
    for s in shown:
        outlets = ", ".join(f"{o} ({n})" for o, n in s.outlets)
        lines.append(f"| {_label(s)} | {len(s.statements)} | {outlets} |")
    if len(shown) < len(view.speakers):
        lines += ["", f"_{len(view.speakers) - len(shown)} more speakers: `dateline speakers --limit 0`_"]
    for s in shown:
        lines += ["", f"### {_label(s)}", ""]
        lines += [_statement_md(st) for st in s.statements[-per_speaker:]]
    return "\n".join(lines if view.speakers else lines[:2] + ["_no attributed statements yet_"])


def _statement(doc: AnnotatedDocument, attribution: Attribution) -> Statement:
    start = min(attribution.content_start, attribution.source_start if attribution.source_start is not None else attribution.content_start)
    end = max(attribution.content_end, attribution.source_end or 0, attribution.cue_end or 0)
    document = doc.document
    citation = Citation(document.id, start, end, document.text[start:end], document.outlet, document.published.value)
    return Statement(attribution.cue, attribution.content, attribution.direct, citation)


def _speaker(name: str, anonymous: bool, statements: list[Statement]) -> Speaker:
    statements.sort(key=lambda s: (s.citation.published or date.max, s.citation.document, s.citation.start))
    outlets = Counter(s.citation.outlet or "unknown outlet" for s in statements)
    return Speaker(name, anonymous, tuple(sorted(outlets.items(), key=lambda o: (-o[1], o[0]))), tuple(statements))


def _label(speaker: Speaker) -> str:
    return f"{speaker.name} (anonymous)" if speaker.anonymous else speaker.name


def _statement_md(statement: Statement) -> str:
    c = statement.citation
    when = c.published.isoformat() if c.published else "undated"
    text = " ".join(statement.content.split())
    text = text if len(text) <= 200 else text[:199] + "…"
    shown = f"“{text}”" if statement.direct else text
    return f"- {when}, {c.outlet or 'unknown outlet'}, `{c.document}` ({statement.cue or 'no cue'}): {shown}"
