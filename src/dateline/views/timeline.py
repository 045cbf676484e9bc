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
    wordings = _Wordings.of(kept)
    entries = [e for d in sorted(dates) for e in _summarise(d, by_date[d], wordings, per_date or PER_DATE)]
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


def _summarise(day: str, placed: list[Placed], wordings: _Wordings, k: int) -> list[TimelineEntry]:
    vectors, words = wordings.vectors, wordings.words
    centroid = _centroid([(vectors[t], n) for t, n in Counter(_text(p) for p in placed).items()])
    closeness = {t: _cosine(vectors[t], centroid) for t in {_text(p) for p in placed}}
    order = sorted(
        range(len(placed)),
        key=lambda i: (-closeness[_text(placed[i])] * (1 + NAMED_BONUS * placed[i].named), i),
    )
    chosen: list[int] = []
    for i in order:
        if len(chosen) == k:
            break
        if all(_overlap(words[_text(placed[i])], words[_text(placed[j])]) < MERGE_OVERLAP for j in chosen):
            chosen.append(i)
    return [_entry(day, placed[i], _twins(placed[i], placed, words)) for i in chosen]


def _twins(main: Placed, placed: list[Placed], words: dict[str, frozenset[str]]) -> list[Placed]:
    """Other sentences on the same date that say nearly the same thing."""
    mine = words[_text(main)]
    similar = {t for t in {_text(p) for p in placed} if _overlap(mine, words[t]) >= MERGE_OVERLAP}
    return [p for p in placed if p is not main and _text(p) in similar]


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


@dataclass(frozen=True)
class _Wordings:
    """Each distinct sentence wording of a timeline, tokenised and weighed once: a story
    repeats its sentences across articles and dates."""

    vectors: dict[str, dict[str, float]]  # TF-IDF, unit length
    words: dict[str, frozenset[str]]

    @classmethod
    def of(cls, placed: Sequence[Placed]) -> _Wordings:
        sentences = {(p.citation.document, p.citation.start): _text(p) for p in placed}.values()
        counts = {t: Counter(_WORD.findall(t.lower())) for t in set(sentences)}
        df: Counter[str] = Counter()
        for text in sentences:
            df.update(counts[text].keys())
        n = len(sentences) or 1
        idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        return cls({t: _vector(c, idf) for t, c in counts.items()}, {t: frozenset(c) for t, c in counts.items()})


def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    weights = {w: c * idf[w] for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _centroid(weighted: Sequence[tuple[dict[str, float], int]]) -> dict[str, float]:
    summed: dict[str, float] = defaultdict(float)
    for v, n in weighted:
        for w, x in v.items():
            summed[w] += n * x
    norm = math.sqrt(sum(v * v for v in summed.values())) or 1.0
    return {w: v / norm for w, v in summed.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
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
    return candidates_from_store(store, story, title, as_of).timeline(
        as_of=as_of, max_dates=max_dates, per_date=per_date, since=since)


@dataclass(frozen=True)
class Candidates:
    """A story's timeline candidates as stored at ingest: each article's publication day
    and placed sentences. Read once, they give the timeline as of any date."""

    story: str
    title: str
    articles: tuple[tuple[date | None, tuple[Placed, ...]], ...]

    def timeline(
        self,
        *,
        as_of: date | None = None,
        max_dates: int | None = None,
        per_date: int | None = None,
        since: date | None = None,
    ) -> Timeline:
        rows = [(day, placed) for day, placed in self.articles if as_of is None or (day is not None and day <= as_of)]
        return timeline_from_placed(self.story, self.title, [p for _, placed in rows for p in placed],
                                    [day for day, _ in rows], as_of=as_of, max_dates=max_dates,
                                    per_date=per_date, since=since)


def candidates_from_store(store, story: str, title: str, as_of: date | None = None) -> Candidates:
    """The candidates of the articles published by `as_of` (all when None)."""
    rows = store.timeline_candidates(story, as_of)
    return Candidates(story, title, tuple((day, tuple(placed_from_json(i) for i in items)) for day, items in rows))


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
