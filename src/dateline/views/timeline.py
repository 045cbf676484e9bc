"""The story timeline: the most reported dates, each summarised by cited sentences.

A sentence is placed on a date in one of two ways: it names the date (a time
expression at day or month precision, never later than its article), or it
names none and its article was published that day. Dates are ranked by
salience across sources: how many sentences name them, plus how many articles
appeared on them. Each kept date is summarised by the sentences closest to
the centroid of everything placed on it (TF-IDF over the story's sentences),
preferring sentences that name the date; near-duplicates are merged into the
chosen sentence, keeping every citation.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.citations import cite
from dateline.jsonable import citation_from_json, parse_day
from dateline.model import AnnotatedDocument, Citation, TimelineEntry

PER_DATE = 1
PUBLISHED_WEIGHT = 0.5  # an article published on a date counts half a sentence naming it
MONTH_WEIGHT = 0.5  # month-precision mentions are vaguer evidence than days
NAMED_BONUS = 0.3  # a sentence that names its date beats one dated only by its article
LEAD_SENTENCES = 5  # undated sentences count only from an article's lead
MIN_WORDS, MAX_WORDS = 6, 60
MERGE_OVERLAP = 0.5
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_WORD = re.compile(r"[a-z0-9]+")
_POINT_ROLES = frozenset({"point", "start", "end"})


@dataclass(frozen=True)
class Timeline:
    story: str
    title: str
    as_of: date | None
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class Placed:
    """One sentence placed on one date: a timeline candidate, computed once per article."""

    date: str
    citation: Citation
    named: bool  # the sentence names the date (not only its article's date)


def build_timeline(
    story: str,
    title: str,
    documents: Sequence[AnnotatedDocument],
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
) -> Timeline:
    """The `max_dates` most salient dates (all when None), `per_date` sentences each.

    Only articles published by `as_of` count, and only dates from `since` to
    `as_of` are kept.
    """
    published = [d for d in documents if _published_by(d, as_of)]
    placed = [p for d in published for p in place_sentences(d)]
    days = [d.document.published.value for d in published]
    return timeline_from_placed(story, title, placed, days, as_of=as_of, max_dates=max_dates,
                                per_date=per_date, since=since)


def timeline_from_placed(
    story: str,
    title: str,
    placed: Iterable[Placed],
    published: Iterable[date | None],
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
) -> Timeline:
    """The timeline from the placed sentences of the articles published by `as_of`
    (`published`: their publication days)."""
    kept = [p for p in placed if _within(p.date, since, as_of)]
    by_date: dict[str, list[Placed]] = defaultdict(list)
    for p in kept:
        by_date[p.date].append(p)
    dates = _rank_dates(by_date, published, max_dates)
    idf = _idf(kept)
    entries = [e for d in sorted(dates) for e in _summarise(d, by_date[d], idf, per_date or PER_DATE)]
    return Timeline(story, title, as_of, tuple(entries))


def _published_by(doc: AnnotatedDocument, as_of: date | None) -> bool:
    value = doc.document.published.value
    return as_of is None or (value is not None and value <= as_of)


def _within(day: str, since: date | None, as_of: date | None) -> bool:
    # compare at the date's own precision: "2024-07" is within since=2024-07-15
    if since is not None and day < since.isoformat()[: len(day)]:
        return False
    return as_of is None or day <= as_of.isoformat()[: len(day)]


def place_sentences(ad: AnnotatedDocument) -> list[Placed]:
    """An article's timeline candidates: sentences on the dates they name, and its lead
    sentences on its publication day."""
    published = ad.document.published.value
    named = _named_dates(ad, published)
    out: list[Placed] = []
    for i, sentence in enumerate(ad.sentences):
        if not _fits(ad.document.text[sentence.start : sentence.end]):
            continue
        days = named.get(sentence.start)
        citation = cite(ad.document, ad.sentences, sentence.start, sentence.end) if days or i < LEAD_SENTENCES else None
        if days:
            out.extend(Placed(d, citation, True) for d in days)
        elif published is not None and i < LEAD_SENTENCES:
            out.append(Placed(published.isoformat(), citation, False))
    return out


def placed_from_json(data: dict) -> Placed:
    return Placed(data["date"], citation_from_json(data["citation"]), data["named"])


def _named_dates(ad: AnnotatedDocument, published: date | None) -> dict[int, list[str]]:
    """Sentence start -> the day/month dates its time expressions name."""
    limit = published.isoformat() if published else None
    found: dict[int, list[str]] = defaultdict(list)
    for t in ad.timexes:
        if t.type != "DATE" or t.role not in _POINT_ROLES:
            continue
        if not (_DAY.match(t.value) or _MONTH.match(t.value)):
            continue
        if limit is not None and t.value > limit[: len(t.value)]:
            continue  # a planned or expected date has not happened yet when reported
        sentence = next((s for s in ad.sentences if s.start <= t.start < s.end), None)
        if sentence is not None and t.value not in found[sentence.start]:
            found[sentence.start].append(t.value)
    return found


def _fits(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def _rank_dates(by_date: dict[str, list[Placed]], published: Iterable[date | None], limit: int | None) -> list[str]:
    articles = Counter(day.isoformat() for day in published if day)
    score = {}
    for day, placed in by_date.items():
        mentions = sum(1 for p in placed if p.named) * (1.0 if _DAY.match(day) else MONTH_WEIGHT)
        score[day] = mentions + PUBLISHED_WEIGHT * articles.get(day, 0)
    ranked = sorted(score, key=lambda d: (-score[d], d))
    return ranked[:limit] if limit else ranked


def _summarise(day: str, placed: list[Placed], idf: dict[str, float], k: int) -> list[TimelineEntry]:
    vectors = [_vector(_text(p), idf) for p in placed]
    centroid = _centroid(vectors)
    order = sorted(
        range(len(placed)),
        key=lambda i: (-_cosine(vectors[i], centroid) * (1 + NAMED_BONUS * placed[i].named), i),
    )
    chosen: list[int] = []
    for i in order:
        if len(chosen) == k:
            break
        if all(_overlap(_text(placed[i]), _text(placed[j])) < MERGE_OVERLAP for j in chosen):
            chosen.append(i)
    return [_entry(day, placed[i], _twins(placed[i], placed)) for i in chosen]


def _twins(main: Placed, placed: list[Placed]) -> list[Placed]:
    """Other sentences on the same date that say nearly the same thing."""
    text = _text(main)
    return [p for p in placed if p is not main and _overlap(text, _text(p)) >= MERGE_OVERLAP]


def _entry(day: str, main: Placed, twins: list[Placed]) -> TimelineEntry:
    citations: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for p in [main, *twins]:
        key = (p.citation.document, p.citation.start)
        if key not in seen:
            seen.add(key)
            citations.append(p.citation)
    documents = tuple(dict.fromkeys(c.document for c in citations))
    return TimelineEntry(day, citations[0].text, documents, tuple(citations))


def _text(p: Placed) -> str:
    return p.citation.text


def _idf(placed: Sequence[Placed]) -> dict[str, float]:
    seen = {(p.citation.document, p.citation.start): _text(p) for p in placed}
    df: Counter[str] = Counter()
    for text in seen.values():
        df.update(set(_WORD.findall(text.lower())))
    n = len(seen) or 1
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def _vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(_WORD.findall(text.lower()))
    weights = {w: c * idf.get(w, 1.0) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _centroid(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    summed: Counter[str] = Counter()
    for v in vectors:
        summed.update(v)
    norm = math.sqrt(sum(v * v for v in summed.values())) or 1.0
    return {w: v / norm for w, v in summed.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _overlap(a: str, b: str) -> float:
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / (min(len(x), len(y)) or 1)


def story_timeline(
    store,
    story: str | None = None,
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
) -> Timeline:
    """The timeline of a stored story (the largest when `story` is None).

    The whole timeline as of now is computed when the story is relinked and
    read back here; other views are built from the story's articles.
    """
    from dateline.views.stories import resolve_story

    found = resolve_story(store, story)
    if as_of is None and max_dates is None and per_date is None and since is None:
        kept = store.story_view(found.id, TIMELINE_VIEW)
        if kept is not None:
            return timeline_from_json(kept)
    return timeline_from_store(store, found.id, found.title, as_of=as_of, max_dates=max_dates,
                               per_date=per_date, since=since)


def timeline_from_store(
    store,
    story: str,
    title: str,
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
) -> Timeline:
    """A story's timeline built from the placed sentences each article stored at ingest."""
    rows = [(day, items) for day, items in store.timeline_candidates(story)
            if as_of is None or (day is not None and day <= as_of)]
    placed = [placed_from_json(item) for _, items in rows for item in items]
    return timeline_from_placed(story, title, placed, [day for day, _ in rows], as_of=as_of,
                                max_dates=max_dates, per_date=per_date, since=since)


TIMELINE_VIEW = "timeline"


def timeline_from_json(data: dict) -> Timeline:
    entries = tuple(
        TimelineEntry(
            e["date"], e["text"], tuple(e["documents"]),
            tuple(citation_from_json(c) for c in e["citations"]),
        )
        for e in data["entries"]
    )
    return Timeline(data["story"], data["title"], parse_day(data["as_of"]), entries)
