"""The records the web pages show beyond the core views: outlets, contradictions,
one fact's history, document lists and an article cut into highlighted segments.

Each is a frozen dataclass built from library calls only, so a page and its
JSON twin under /api/ show the same data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateline.errors import QueryError
from dateline.jsonable import parse_day
from dateline.link.current import with_current
from dateline.link.titles import article_title
from dateline.link.topics import Topic
from dateline.model import AnnotatedDocument, Citation, Document, Fact, Story
from dateline.store import Store
from dateline.views.brief import Briefing, brief
from dateline.views.diff import Diff, diff
from dateline.views.stories import Scope, resolve_story, scope_candidates, scope_facts, scope_meta, scope_topic
from dateline.views.timeline import (
    Candidates,
    Timeline,
    candidates_from_store,
    story_timeline,
)

# Highlight kinds in the order their classes are listed on a segment.
KINDS = ("entity", "timex", "quantity", "speaker", "cue", "quote", "claim")
# The story page's "what changed": the reporting of this many days up to the newest article.
RECENT_DAYS = 30


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    published_method: str
    source: str
    name: str | None = None  # what lists call it: its title, else its headline or lead sentence


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str
    articles: int


@dataclass(frozen=True)
class TopicSummary:
    """A topic with its stories, largest first, for the story page and the list of stories."""

    id: str
    title: str
    articles: int
    stories: tuple[StorySummary, ...]


@dataclass(frozen=True)
class DocumentList:
    story: str | None
    title: str | None  # the story's title
    total: int
    offset: int
    documents: tuple[DocumentSummary, ...]


@dataclass(frozen=True)
class Statement:
    fact: str
    question: str
    value: str
    relation: str
    citation: Citation  # the first article worded this way
    articles: int = 1  # how many of the outlet's articles carry the same wording


@dataclass(frozen=True)
class OutletReport:
    outlet: str
    documents: tuple[DocumentSummary, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Outlets:
    story: str
    title: str
    outlets: tuple[OutletReport, ...]


@dataclass(frozen=True)
class Contradictions:
    story: str
    title: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Ledger:
    story: Story
    as_of: date | None
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class StoryPage:
    brief: Briefing
    timeline: Timeline
    changes: Diff | None = None  # the RECENT_DAYS up to the newest article published by `as_of`
    topic: TopicSummary | None = None  # the topic of several stories the page covers or is part of


@dataclass(frozen=True)
class Mark:
    kind: str
    note: str


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]
    entity: str | None = None  # canonical name, for a search link


def summary(doc: Document) -> DocumentSummary:
    return DocumentSummary(doc.id, doc.title, doc.outlet, doc.published.value, doc.published.method, doc.source,
                           article_name(doc))


def article_name(doc: Document) -> str | None:
    """An article's name for lists and headings: its title, else its headline or lead sentence."""
    return doc.title or article_title(doc.text)


def topic_summary(topic: Topic) -> TopicSummary:
    stories = tuple(StorySummary(s.id, s.title, len(s.documents)) for s in topic.stories)
    return TopicSummary(topic.id, topic.title, len(topic.documents), stories)


def topic_list(store: Store) -> tuple[TopicSummary, ...]:
    """Every topic with its stories, most articles first (a story in no topic of several stands alone)."""
    return tuple(topic_summary(t) for t in store.topics())


def story_page(
    store: Store, story: str | None, *, as_of: date | None = None, candidates: Candidates | None = None
) -> StoryPage:
    """The briefing and the timeline as of a date, the timeline built once for both
    (from `candidates`, the story's timeline candidates, when the caller has them read)."""
    found = resolve_story(store, story)
    if candidates is not None and as_of is not None:
        timeline = candidates.timeline(as_of=as_of)
    else:
        timeline = story_timeline(store, found.id, as_of=as_of)
    topic = scope_topic(store, found)
    return StoryPage(brief(store, found.id, as_of=as_of, timeline=timeline), timeline,
                     recent_changes(store, found.id, as_of=as_of), topic_summary(topic) if topic else None)


def recent_changes(store: Store, story_id: str, *, as_of: date | None = None) -> Diff | None:
    """What changed in the RECENT_DAYS up to the newest article published by `as_of`
    (None when nothing was published by then)."""
    every = publication_dates(store, story_id)
    days = [d for d in every if as_of is None or d <= as_of]
    if not days:
        return None
    # a date after every article bounds nothing: unbounded, the diff reads the story's stored timeline
    until = as_of if as_of is not None and as_of < every[-1] else None
    return diff(store, since=days[-1] - timedelta(days=RECENT_DAYS), until=until, story=story_id)


def timeline_candidates(store: Store, story: str | None) -> Candidates:
    found = resolve_story(store, story)
    if not found.is_topic:
        return candidates_from_store(store, found.id, found.title)
    return scope_candidates(store, found)


def _documents(store: Store, found: Scope) -> list[Document]:
    """The scope's articles: every story's, for a topic, in publication order."""
    docs = [d for s in found.stories or (found.id,) for d in store.documents(s)]
    return sorted(docs, key=lambda d: (d.published.value is None, d.published.value or date.min, d.id))


def document_list(store: Store, story: str | None, *, offset: int = 0, limit: int = 50) -> DocumentList:
    found = resolve_story(store, story) if story else None
    docs = _documents(store, found) if found else store.documents()
    page = tuple(summary(d) for d in docs[offset : offset + limit])
    return DocumentList(found.id if found else None, found.title if found else None, len(docs), offset, page)


def fact(store: Store, story: str | None, fact_id: str, *, as_of: date | None = None) -> Fact:
    found = resolve_story(store, story)
    match = next((f for f in scope_facts(store, found) if f.id == fact_id), None)
    if match is None:
        raise QueryError(f"{fact_id!r}: no such fact in story {found.id}")
    return with_current(match, as_of)


def ledger(store: Store, story: str | None, as_of: date | None = None) -> Ledger:
    """The fact ledger as known on `as_of`: facts with no value reported by then are left out."""
    found = resolve_story(store, story)
    facts = (with_current(f, as_of) for f in scope_facts(store, found))
    return Ledger(found, as_of, tuple(f for f in facts if f.values))


def ledger_facts(store: Store, story: str | None, as_of: date | None = None) -> tuple[Fact, ...]:
    return ledger(store, story, as_of).facts


def publication_dates(store: Store, story: str | None) -> tuple[date, ...]:
    """The days the story's articles came out, for the as-of picker."""
    found = resolve_story(store, story)
    days = (parse_day(d["published"]) for d in scope_meta(store, found).values())
    return tuple(sorted({day for day in days if day}))


def contradictions(store: Store, story: str | None) -> Contradictions:
    """Facts whose values conflict: disputed, contradicted or denied."""
    found = resolve_story(store, story)
    facts = (with_current(f, None) for f in scope_facts(store, found))
    conflicting = tuple(
        f for f in facts
        if f.disputed or any(v.relation in ("contradict", "deny") or v.contradicts for v in f.values)
    )
    return Contradictions(found.id, found.title, conflicting)


def outlets(store: Store, story: str | None) -> Outlets:
    """What each outlet published and how it worded each fact's values."""
    found = resolve_story(store, story)
    docs: dict[str, list[DocumentSummary]] = defaultdict(list)
    for d in _documents(store, found):
        docs[d.outlet or "unknown outlet"].append(summary(d))
    said: dict[str, dict[tuple, Statement]] = defaultdict(dict)
    for f in scope_facts(store, found):
        for v in f.values:
            for c in v.citations:
                wording = said[c.outlet or "unknown outlet"]
                key = (f.id, v.value, " ".join(c.text.split()))
                seen = wording.get(key)
                wording[key] = replace(seen, articles=seen.articles + 1) if seen else Statement(
                    f.id, f.question, v.label or v.value, v.relation, c)
    names = sorted(set(docs) | set(said), key=lambda o: (-len(docs.get(o, ())), o))
    reports = tuple(OutletReport(o, tuple(docs.get(o, ())), tuple(said[o].values())) for o in names)
    return Outlets(found.id, found.title, reports)


@dataclass(frozen=True)
class Layer:
    """A layer the article page can highlight; the page shows its marks under the class show-<name>."""
    name: str
    title: str
    samples: tuple[tuple[str, str], ...]  # (mark kind, words) drawn in the legend in the layer's style
    help: str
    count: int
    shown: bool  # highlighted when the page opens


# name, title, legend samples, what they mark, highlighted when the page opens
LAYERS = (
    ("entity", "entities", (("entity", "Niamey"),), "people, places and organisations; click one to search for it", True),
    ("timex", "times", (("timex", "last Monday"),), "dates, times and durations; hover for the date meant", True),
    ("quantity", "quantities", (("quantity", "about 1,000"),), "numbers and what they count", True),
    ("attribution", "attributions", (("speaker", "the ministry"), ("cue", "said"), ("quote", "the words")),
     "who said what: the source, the reporting verb, what was said", False),
    ("claim", "claims", (("claim", "troops left"),), "statements of fact; hover for subject, predicate and object", False),
)


def layers(ad: AnnotatedDocument) -> tuple[Layer, ...]:
    counts = {"entity": len(ad.entities), "timex": len(ad.timexes), "quantity": len(ad.quantities),
              "attribution": len(ad.attributions), "claim": len(ad.claims)}
    return tuple(Layer(name, title, samples, help, counts[name], shown) for name, title, samples, help, shown in LAYERS)


def segments(ad: AnnotatedDocument) -> tuple[Segment, ...]:
    """The article text cut at every annotation boundary, each piece with the marks covering it."""
    spans = _spans(ad)
    text = ad.document.text
    cuts = sorted({0, len(text), *(p for s in spans for p in s[:2] if 0 <= p <= len(text))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s[0] <= a and s[1] >= b]
        marks = tuple(Mark(kind, note) for _, _, kind, note in sorted(covering, key=lambda s: KINDS.index(s[2])))
        entity = next((note.rsplit(" (", 1)[0] for _, _, kind, note in covering if kind == "entity"), None)
        out.append(Segment(text[a:b], marks, entity))
    return tuple(out)


def _spans(ad: AnnotatedDocument) -> list[tuple[int, int, str, str]]:
    spans = [(e.start, e.end, "entity", f"{e.canonical} ({e.label})") for e in ad.entities]
    spans += [(t.start, t.end, "timex", f"{t.type} {t.value} ({t.role})") for t in ad.timexes]
    spans += [(q.start, q.end, "quantity", f"{q.value:g} {q.counts or ''}".strip()) for q in ad.quantities]
    for a in ad.attributions:
        who = f"{a.speaker}{' (anonymous)' if a.anonymous else ''}"
        spans.append((a.content_start, a.content_end, "quote", f"{'said' if a.direct else 'reported'} by {who}"))
        if a.source_start is not None and a.source_end is not None:
            spans.append((a.source_start, a.source_end, "speaker", who))
        if a.cue_start is not None and a.cue_end is not None:
            spans.append((a.cue_start, a.cue_end, "cue", a.cue))
    spans += [(c.start, c.end, "claim", _claim_note(c)) for c in ad.claims]
    return [s for s in spans if s[0] < s[1]]


def _claim_note(c) -> str:
    flags = [c.modality] + (["negated"] if c.negated else []) + (["hedged"] if c.hedged else [])
    return f"claim ({', '.join(flags)}): {c.subject or '?'} / {c.predicate} / {c.object or '?'}" + (
        f" @ {c.time}" if c.time else ""
    )


def document_story(store: Store, doc_id: str) -> Story | None:
    """The story an article belongs to, for its page's heading and twin."""
    return next((s for s in store.stories() if doc_id in s.documents), None)


def annotated(store: Store, doc_id: str) -> AnnotatedDocument:
    found = store.annotated(doc_id)
    if found is None:
        raise QueryError(f"{doc_id!r}: no such document")
    return found
