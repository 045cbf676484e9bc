"""The story timeline: the key events of the story's own period, each with its sources and
the reason for its date, and the background (what happened before the story) shown apart.

A sentence is placed on a date in one of two ways: it names the date (a time
expression at day or month precision, never later than its article), or it
names none and is in its article's lead, which places it on the publication day.
Site furniture (datelines with a pipe, "last updated" stamps, comment times) and
filler ("In today's fast-changing world ...") are never placed; a lead sentence
that looks back years ("When the base opened in 2019, ...") is not news of its
publication day. Sentences not about the story (a column's or a digest's other
items) are left out (`timeline_relevance.py`).

The story's period starts a little before its first article (`Salience.margin_days`);
dates that end before it go to the `background` part. Dates are ranked by the
independent sources that report them while they are news: an article counts fully
for a date it names within `fresh_days` of it, and `repeat_weight` when it only
recalls it later; articles repeating one another's sentence count once. Each kept
date is summarised by the sentences closest to the centroid of everything placed on
it (TF-IDF over the story's sentences), preferring sentences that name the date;
near-duplicates are merged into the chosen sentence, keeping every citation.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.annotate.timex import context_tense
from dateline.citations import cite
from dateline.jsonable import citation_from_json, parse_day
from dateline.live_blog import stamp_starts
from dateline.model import AnnotatedDocument, Citation, TimeExpr, TimelineEntry
from dateline.views.timeline_relevance import DEFAULT_RELEVANCE, Relevance, on_story

PER_DATE = 1
BACKGROUND_DATES = 12  # the background part keeps its most reported dates
NAMED_BONUS = 0.3  # a sentence that names its date beats one dated only by its article
LEAD_SENTENCES = 5  # undated sentences count only from an article's lead
MIN_WORDS, MAX_WORDS = 6, 60
MERGE_OVERLAP = 0.5
HISTORY_DAYS = 60  # a lead sentence naming a time this long before its article looks back, not at the day's news
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_WORD = re.compile(r"[a-z0-9]+")
_POINT_ROLES = frozenset({"point", "start", "end"})
# Site furniture inside body text: "CAIRO, Egypt | Thu Oct 20, 2011 6:31pm EDT", "Page last updated at 11:24
# GMT", "Posted by ...", "Comments (12)", "3 hours ago", "At 18:40 23rd Mar 2010, jenny wrote:"
_FURNITURE = re.compile(
    r"\||\b(?:last\s+)?(?:updated|published|posted)(?::|\s+(?:at|on))?\s+\d|\bposted\s+by\b|\bcomments?\s*\(\d+\)"
    r"|\b\d+\s+(?:minutes?|hours?)\s+ago\b|\breport\s+abuse\b|\bpermalink\b|\ball\s+rights\s+reserved\b"
    r"|\b\d{1,2}:\d\d\b[^.!?]{0,40}\bwrote:",  # a comment's stamp: "At 01:20 24th Mar 2010, Tanya wrote:"
    re.I)
# Filler that says nothing of the story: "In today's fast-changing world, staying informed has never been more
# important."; calls to subscribe, share or read on.
_FILLER = re.compile(
    r"\bin\s+today['’]s\b|\bfast-(?:changing|paced)\s+world\b|\bnever\s+been\s+more\s+important\b"
    r"|\bstay(?:ing)?\s+informed\b|\bsubscribe\b|\bsign\s+up\b|\bclick\s+here\b|\bnewsletter\b"
    r"|\bfollow\s+us\b|\bread\s+more\b|\bshare\s+this\b", re.I)
# A date stamped with a clock time, with no preposition: "Oct 20, 2011 6:31pm EDT", "11:24 GMT, Tuesday, 27
# September 2011" (prose says "at 4:53 p.m. on Tuesday")
_CLOCK_AFTER = re.compile(r"[\s,]*\d{1,2}(?:[:.]\d\d\b|\s*[ap]\.?m\b)", re.I)
_ZONE_AFTER = re.compile(r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT)\b")
_CLOCK_BEFORE = re.compile(r"(?<!\bat\s)(?<!\bby\s)\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?[\s,]*$",
                           re.I)


@dataclass(frozen=True)
class Salience:
    """How dates are ranked and where the story's period starts (bench/timelines.py chooses them
    leave-one-topic-out on Timeline17)."""

    fresh_days: int = 7  # an article naming a date within this many days after it reports it as news
    repeat_weight: float = 0.25  # what a later recall of a date counts, against a fresh report
    published_weight: float = 0.5  # an article published on a date counts this much of a sentence naming it
    month_weight: float = 0.5  # month-precision mentions are vaguer evidence than days
    margin_days: int = 14  # the story's period starts this many days before its first article


DEFAULT_SALIENCE = Salience()


@dataclass(frozen=True)
class Timeline:
    story: str
    title: str
    as_of: date | None
    entries: tuple[TimelineEntry, ...]  # the story's own period, oldest first
    background: tuple[TimelineEntry, ...] = ()  # dates before the period, oldest first
    period_start: date | None = None  # the first day of the story's period (None: no dated article)


@dataclass(frozen=True)
class Placed:
    """One sentence placed on one date: a timeline candidate, computed once per article."""

    date: str
    citation: Citation
    named: bool  # the sentence names the date (not only its article's date)
    expression: str | None = None  # the time expression as written (None: dated by publication)
    anchor: str | None = None  # what a relative expression was counted from (None: an explicit date)


def build_timeline(
    story: str,
    title: str,
    documents: Sequence[AnnotatedDocument],
    *,
    as_of: date | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    since: date | None = None,
    salience: Salience = DEFAULT_SALIENCE,
    relevance: Relevance = DEFAULT_RELEVANCE,
) -> Timeline:
    """The `max_dates` most salient dates (all when None), `per_date` sentences each.

    Only articles published by `as_of` count, only dates from `since` to
    `as_of` are kept, and only sentences about the story (`timeline_relevance`).
    """
    published = [d for d in documents if _published_by(d, as_of)]
    placed = [p for d in published for p in place_sentences(d)]
    days = [d.document.published.value for d in published]
    return timeline_from_placed(story, title, placed, days, as_of=as_of, max_dates=max_dates,
                                per_date=per_date, since=since, salience=salience, relevance=relevance)


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
    salience: Salience = DEFAULT_SALIENCE,
    relevance: Relevance = DEFAULT_RELEVANCE,
) -> Timeline:
    """The timeline from the placed sentences of the articles published by `as_of`
    (`published`: their publication days), leaving out those not about the story."""
    published = [day for day in published if day]
    start = period_start(published, salience)
    kept = [p for p in on_story(list(placed), relevance) if _within(p.date, since, as_of)]
    by_date: dict[str, list[Placed]] = defaultdict(list)
    for p in kept:
        by_date[p.date].append(p)
    ours = {d: v for d, v in by_date.items() if not _before(d, start) and not _YEAR.match(d)}
    earlier = {d: v for d, v in by_date.items() if _before(d, start)}
    wordings = _Wordings.of(kept)
    k = per_date or PER_DATE
    entries = _entries(ours, published, max_dates, wordings, k, salience)
    background = _entries(earlier, published, BACKGROUND_DATES, wordings, 1, salience)
    return Timeline(story, title, as_of, entries, background, start)


def period_start(published: Sequence[date], salience: Salience = DEFAULT_SALIENCE) -> date | None:
    """The first day of the story's period: a little before its first article."""
    return min(published) - timedelta(days=salience.margin_days) if published else None


def _entries(by_date: dict[str, list[Placed]], published: Sequence[date], limit: int | None,
             wordings: _Wordings, k: int, salience: Salience) -> tuple[TimelineEntry, ...]:
    dates = _rank_dates(by_date, published, limit, salience)
    return tuple(e for d in sorted(dates) for e in _summarise(d, by_date[d], wordings, k))


def _before(value: str, start: date | None) -> bool:
    """Whether a date at its own precision ends before `start` ("2024-02" ends before 2024-03-03)."""
    return start is not None and last_day(value) < start.isoformat()


def last_day(value: str) -> str:
    """The last ISO day of a date at its own precision: "2024" -> "2024-12-31", "2024-09" -> "2024-09-31"."""
    if _YEAR.match(value):
        return value + "-12-31"
    return value + "-31" if _MONTH.match(value) else value


def _published_by(doc: AnnotatedDocument, as_of: date | None) -> bool:
    value = doc.document.published.value
    return as_of is None or (value is not None and value <= as_of)


def _within(day: str, since: date | None, as_of: date | None) -> bool:
    # compare at the date's own precision: "2024-07" is within since=2024-07-15
    if since is not None and day < since.isoformat()[: len(day)]:
        return False
    return as_of is None or day <= as_of.isoformat()[: len(day)]


def place_sentences(ad: AnnotatedDocument) -> list[Placed]:
    """An article's timeline candidates: sentences on the dates they name (years too, for the
    background), and its lead sentences on its publication day. Furniture and filler are skipped."""
    published = ad.document.published.value
    named = _named_dates(ad, published)
    out: list[Placed] = []
    for i, sentence in enumerate(ad.sentences):
        text = ad.document.text[sentence.start : sentence.end]
        if not _fits(text) or _FURNITURE.search(text) or _FILLER.search(text):
            continue
        found = named.get(sentence.start, [])
        dated = [t for t in found if not _YEAR.match(t.value)]
        lead = (published is not None and i < LEAD_SENTENCES and not dated and not _looks_back(found, published)
                and not _names_other_day(ad.document.text, ad.timexes, sentence.start, sentence.end, published))
        if not found and not lead:
            continue
        citation = cite(ad.document, ad.sentences, sentence.start, sentence.end)
        out.extend(Placed(t.value, citation, True, t.text, t.anchor) for t in found)
        if lead:
            out.append(Placed(published.isoformat(), citation, False))
    return out


def _names_other_day(text: str, timexes: Sequence[TimeExpr], start: int, end: int, published: date) -> bool:
    """Whether a sentence states a plan for a day after its article, or for one that could not be placed ("He is
    due back in court in April", "when the leaders meet on Saturday"): not the news of its publication day.

    A past verb makes it the day's news of a plan ("The council approved a budget to rebuild it next spring"),
    and so does a span that ends then ("delayed until next week").
    """
    day = published.isoformat()
    for t in timexes:
        if not (start <= t.start < end and t.type == "DATE" and t.role == "point"):
            continue
        later = t.value > day[: len(t.value)] and t.value[:1].isdigit() or t.value.startswith("XXXX-")
        if later and context_tense(text, t.start, t.end, infinitive=False) != "past":
            return True
    return False


def _looks_back(found: list[TimeExpr], published: date) -> bool:
    """A sentence naming a time long before its article recalls history ("opened ... in 2019")."""
    limit = (published - timedelta(days=HISTORY_DAYS)).isoformat()
    return any(last_day(t.value) < limit for t in found)


def placed_from_json(data: dict) -> Placed:
    return Placed(data["date"], citation_from_json(data["citation"]), data["named"],
                  data.get("expression"), data.get("anchor"))


def _named_dates(ad: AnnotatedDocument, published: date | None) -> dict[int, list[TimeExpr]]:
    """Sentence start -> the time expressions naming a day, month or year that it holds (each value once)."""
    limit = published.isoformat() if published else None
    found: dict[int, list[TimeExpr]] = defaultdict(list)
    stamps = stamp_starts(ad.document.text)
    for t in ad.timexes:
        if t.type != "DATE" or t.role not in _POINT_ROLES or t.start in stamps:
            continue  # a live blog's "1756 UK Foreign Office Minister says ..." is a time, not the year 1756
        if not (_DAY.match(t.value) or _MONTH.match(t.value) or _YEAR.match(t.value)):
            continue
        if limit is not None and t.value > limit[: len(t.value)]:
            continue  # a planned or expected date has not happened yet when reported
        if _stamped(ad.document.text, t):
            continue  # a time stamp of the page, not a date of the story
        sentence = next((s for s in ad.sentences if s.start <= t.start < s.end), None)
        if sentence is not None and t.value not in {x.value for x in found[sentence.start]}:
            found[sentence.start].append(t)
    return found


def _stamped(text: str, t: TimeExpr) -> bool:
    """A page's time stamp: a clock time after or before it, or a time zone after the four digits it ends with
    ("19 January, 1815 GMT": a quarter past six, not the year 1815)."""
    return bool(_CLOCK_AFTER.match(text, t.end) or _CLOCK_BEFORE.search(text[max(0, t.start - 24) : t.start])
                or (re.search(r"\b\d{4}$", t.text) and _ZONE_AFTER.match(text, t.end)))


def _fits(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def _rank_dates(by_date: dict[str, list[Placed]], published: Iterable[date], limit: int | None,
                salience: Salience) -> list[str]:
    articles = Counter(day.isoformat() for day in published)
    score = {}
    for day, placed in by_date.items():
        precision = 1.0 if _DAY.match(day) else salience.month_weight
        reports = sum(max(_report_weight(day, p, salience) for p in source) for source in _sources(placed))
        score[day] = precision * reports + salience.published_weight * articles.get(day, 0)
    ranked = sorted(score, key=lambda d: (-score[d], d))
    return ranked[:limit] if limit else ranked


def _report_weight(day: str, p: Placed, salience: Salience) -> float:
    """A sentence naming the date counts fully while the date is news, `repeat_weight` when recalled later."""
    if not p.named:
        return 0.0
    reported = p.citation.published
    if reported is None:
        return salience.repeat_weight
    fresh = (reported - _first_day(day)).days <= salience.fresh_days + _span(day)
    return 1.0 if fresh else salience.repeat_weight


def _first_day(value: str) -> date:
    if _DAY.match(value):
        return date.fromisoformat(value)
    return date.fromisoformat(value + ("-01" if _MONTH.match(value) else "-01-01"))


def _span(value: str) -> int:
    """Days a date at its precision lasts, less one."""
    return 0 if _DAY.match(value) else 30 if _MONTH.match(value) else 364


def _sources(placed: list[Placed]) -> list[list[Placed]]:
    """The placed sentences grouped by independent source: articles that share a sentence on this
    date word for word (a wire story and its copies) are one source."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_doc: dict[str, str] = {}
    for p in placed:
        doc = p.citation.document
        key = " ".join(_WORD.findall(p.citation.text.lower()))
        other = first_doc.setdefault(key, doc)
        parent[root(doc)] = root(other)
    groups: dict[str, list[Placed]] = defaultdict(list)
    for p in placed:
        groups[root(p.citation.document)].append(p)
    return list(groups.values())


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
    basis = _basis(main)
    return TimelineEntry(day, citations[0].text, documents, tuple(citations), basis, main.expression,
                         date_reason(main), len(_sources([main, *twins])))


def _basis(p: Placed) -> str:
    if not p.named:
        return "published"
    if p.anchor is None:
        return "explicit"
    published = p.citation.published
    return "relative" if published is not None and p.anchor == published.isoformat() else "narrative"


def date_reason(p: Placed) -> str:
    """Why a sentence stands on its date, in words: the expression and what it was read against."""
    basis = _basis(p)
    when = p.citation.published.isoformat() if p.citation.published else "undated"
    if basis == "published":
        return f"names no date: the article's publication date ({when})"
    if basis == "explicit":
        return f'"{p.expression}": an explicit date'
    if basis == "relative":
        return f'"{p.expression}": counted from the article\'s publication date ({when})'
    return f'"{p.expression}": counted from an earlier date in the article ({p.anchor})'


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
    """The timeline of a stored story or topic (the largest topic when `story` is None).

    The whole timeline of a story as of now is computed when the story is relinked
    and read back here; other views, and a topic's (every story's articles), are
    built from the articles.
    """
    from dateline.views.stories import resolve_story, scope_candidates

    found = resolve_story(store, story)
    if found.is_topic:
        return scope_candidates(store, found, as_of).timeline(as_of=as_of, max_dates=max_dates,
                                                              per_date=per_date, since=since)
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
    return Timeline(data["story"], data["title"], parse_day(data["as_of"]), _entries_from_json(data["entries"]),
                    _entries_from_json(data.get("background", [])), parse_day(data.get("period_start")))


def _entries_from_json(items: list[dict]) -> tuple[TimelineEntry, ...]:
    return tuple(
        TimelineEntry(
            e["date"], e["text"], tuple(e["documents"]), tuple(citation_from_json(c) for c in e["citations"]),
            e.get("basis"), e.get("expression"), e.get("reason"), e.get("sources", 0),
        )
        for e in items
    )
