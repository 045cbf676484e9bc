"""The story timeline: what happened when, each entry cited.

Entries come from two places: claims that something happened at a stated time
(at day or month precision), and each dated article's lead sentence on its
publication day (what was reported then). Entries on the same date that say
nearly the same thing are merged, keeping every citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from dateline.corpus import cite
from dateline.model import AnnotatedDocument, Citation, TimelineEntry

MERGE_OVERLAP = 0.5
_DAY_OR_MONTH = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Timeline:
    story: str
    title: str
    as_of: date | None
    entries: tuple[TimelineEntry, ...]


def build_timeline(
    story: str,
    title: str,
    documents: Sequence[AnnotatedDocument],
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
) -> Timeline:
    published = [d for d in documents if _published_by(d, as_of)]
    candidates = [*_event_entries(published), *_lead_entries(published)]
    entries = _merge(c for c in candidates if as_of is None or c.date <= as_of.isoformat())
    if max_dates:
        entries = _most_cited_dates(entries, max_dates)
    return Timeline(story, title, as_of, tuple(entries))


def _published_by(doc: AnnotatedDocument, as_of: date | None) -> bool:
    value = doc.document.published.value
    return as_of is None or (value is not None and value <= as_of)


def _event_entries(documents: Iterable[AnnotatedDocument]) -> Iterable[TimelineEntry]:
    for ad in documents:
        published = ad.document.published.value
        for claim in ad.claims:
            if claim.modality != "happened" or not claim.time or not _DAY_OR_MONTH.match(claim.time):
                continue
            if published and claim.time > published.isoformat():
                continue
            citation = cite(ad.document, ad.sentences, claim.start, claim.end)
            yield TimelineEntry(claim.time, citation.text, (ad.document.id,), (citation,))


def _lead_entries(documents: Iterable[AnnotatedDocument]) -> Iterable[TimelineEntry]:
    for ad in documents:
        published = ad.document.published.value
        if published is None or not ad.sentences:
            continue
        lead = next((s for s in ad.sentences if len(ad.document.text[s.start : s.end].split()) >= 8), None)
        if lead is None:
            continue
        citation = cite(ad.document, ad.sentences, lead.start, lead.end)
        yield TimelineEntry(published.isoformat(), citation.text, (ad.document.id,), (citation,))


def _merge(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    merged: list[TimelineEntry] = []
    for entry in sorted(entries, key=lambda e: (e.date, e.documents)):
        twin = next((m for m in merged if m.date == entry.date and _overlap(m.text, entry.text) >= MERGE_OVERLAP), None)
        if twin is None:
            merged.append(entry)
            continue
        merged[merged.index(twin)] = _combine(twin, entry)
    return merged


def _combine(a: TimelineEntry, b: TimelineEntry) -> TimelineEntry:
    documents = tuple(dict.fromkeys(a.documents + b.documents))
    citations: tuple[Citation, ...] = a.citations + b.citations
    return replace(a, documents=documents, citations=citations)


def _overlap(a: str, b: str) -> float:
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / (min(len(x), len(y)) or 1)


def _most_cited_dates(entries: list[TimelineEntry], max_dates: int) -> list[TimelineEntry]:
    weight: dict[str, int] = {}
    for e in entries:
        weight[e.date] = weight.get(e.date, 0) + len(e.documents)
    keep = set(sorted(weight, key=lambda d: (-weight[d], d))[:max_dates])
    return [e for e in entries if e.date in keep]


def story_timeline(store, story: str | None = None, *, as_of: date | None = None, max_dates: int | None = None) -> Timeline:
    """The timeline of a stored story (the largest when `story` is None)."""
    from dateline.views.stories import resolve_story, story_documents

    found = resolve_story(store, story)
    return build_timeline(found.id, found.title, story_documents(store, found), as_of=as_of, max_dates=max_dates)
