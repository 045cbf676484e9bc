"""The speaker view: who said what in a story, over time, with counts per outlet.

Built from the stored "attributions" and "entities" layers of a story's
articles (duplicates left out, so a copied quote counts once). A named speaker
is shown under its corpus-wide name (`dateline.link.entities`), so "Singh" in
one article and "Sabrina Singh" in another are one speaker; anonymous
descriptions ("senior U.S. official") are kept apart, as written, and flagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateline.link.entities import link_entities
from dateline.model import AnnotatedDocument, Attribution, Citation
from dateline.store import Store
from dateline.views.stories import resolve_story

__all__ = ["Statement", "Speaker", "Speakers", "build_speakers", "speakers_from_documents", "speakers_md"]


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
            name = attribution.speaker if attribution.anonymous else names.get((doc.document.id, attribution.speaker), attribution.speaker)
            grouped[(name, attribution.anonymous)].append(_statement(doc, attribution))
    speakers = [_speaker(name, anonymous, statements) for (name, anonymous), statements in grouped.items()]
    speakers.sort(key=lambda s: (-len(s.statements), s.anonymous, s.name))
    return Speakers(story, title, tuple(speakers))


def speakers_md(view: Speakers, *, per_speaker: int = 5) -> str:
    """Markdown: a table of speakers, then each speaker's latest statements."""
    lines = [f"## Speakers: {view.title}", "", "| speaker | statements | outlets |", "|---|---|---|"]
    for s in view.speakers:
        outlets = ", ".join(f"{o} ({n})" for o, n in s.outlets)
        lines.append(f"| {_label(s)} | {len(s.statements)} | {outlets} |")
    for s in view.speakers:
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
