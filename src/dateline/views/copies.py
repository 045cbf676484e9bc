"""The copies view: which articles of a story repeat earlier ones, and which outlets
report independently.

Built from the stored texts and sentence layer of a story's articles
(`dateline.link.copies` decides what counts as copying); the furniture (lines
found in many articles) is counted over every article of the store. Exact
duplicates are included: a re-published wire story is the plainest copy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from dateline.jsonable import citation_from_json, parse_day
from dateline.link.copies import DEFAULT_RULES, Article, CopyRules, Reuse, copy_groups, find_reuse, furniture
from dateline.link.titles import article_title
from dateline.model import Citation, Document
from dateline.store import Store
from dateline.views.stories import resolve_story
from dateline.wording import plural

__all__ = [
    "COPIES_VIEW",
    "Copies",
    "CopyLink",
    "OutletReuse",
    "build_copies",
    "copies_from_store",
    "copies_md",
    "store_furniture",
]


@dataclass(frozen=True)
class CopyLink:
    """An article that carries sentences of another: a copy or rewrite, and its earliest source."""

    copy: str
    copy_outlet: str | None
    copy_published: date | None
    source: str
    source_outlet: str | None
    source_published: date | None
    shared: int  # sentences
    share: float  # of the copy's long sentences
    directed: bool  # False: same day or undated, so neither is known to be the source
    example: Citation  # the first shared sentence, in the copy
    reused: float = 0.0  # share of the copy's own words (furniture and quotations aside) taken from the source
    added: float = 0.0  # share of the copy's own words in sentences of its own
    copy_title: str | None = None  # what a reader calls the copy: its headline, else its lead sentence
    source_title: str | None = None


@dataclass(frozen=True)
class OutletReuse:
    outlet: str
    articles: int
    repeating: int  # articles that carry an earlier article of another outlet
    sources: tuple[str, ...]  # the outlets they repeat


@dataclass(frozen=True)
class Copies:
    story: str
    title: str
    articles: int
    independent: int  # articles that repeat no earlier article
    links: tuple[CopyLink, ...]  # most shared sentences first
    outlets: tuple[OutletReuse, ...]  # most articles first


COPIES_VIEW = "copies"


def build_copies(store: Store, story: str | None = None) -> Copies:
    """Who repeats whom in a story (id, prefix or title words; the largest when None):
    kept in the store when the story is relinked, else computed now."""
    found = resolve_story(store, story)
    if found.is_topic:  # copies are found within a story: a topic shows its largest story's
        found = resolve_story(store, found.stories[0])
    kept = store.story_view(found.id, COPIES_VIEW)
    if kept is not None:
        return _named(store, copies_from_json(kept))
    return copies_from_store(store, found.id, found.title)


def copies_from_store(store: Store, story_id: str, title: str, *, rules: CopyRules = DEFAULT_RULES,
                      boilerplate: frozenset[str] | None = None) -> Copies:
    """Who repeats whom, computed from the story's stored texts and sentences. `boilerplate`:
    `store_furniture(store)`, computed here when None (pass it when building many stories)."""
    documents = {d.id: d for d in store.documents(story_id)}
    articles = _articles(store, story_id, documents)
    if boilerplate is None:
        boilerplate = store_furniture(store, rules=rules)
    links = tuple(_link(r, documents) for r in find_reuse(articles, furniture=boilerplate, rules=rules))
    return Copies(story_id, title, len(articles), _independent(articles, links), links, _outlets(documents, links))


def store_furniture(store: Store, *, rules: CopyRules = DEFAULT_RULES) -> frozenset[str]:
    """The boilerplate of the whole store: lines repeated in many articles that share little else
    (near and exact duplicates count once)."""
    groups = copy_groups([(a, b) for a, b, _ in store.near_duplicates()]
                         + [(i, m["duplicate_of"]) for i, m in store.document_meta().items() if m["duplicate_of"]])
    articles = [a for story in store.stories()
                for a in _articles(store, story.id, {d.id: d for d in store.documents(story.id)})]
    return furniture(articles, groups=groups, rules=rules)


def _articles(store: Store, story_id: str, documents: dict[str, Document]) -> list[Article]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, sentence in store.layer_for_story("sentences", story_id, duplicates=True):
        spans[doc_id].append((sentence.start, sentence.end))
    return [_article(d, spans.get(d.id, [])) for d in documents.values()]


def copies_from_json(data: dict) -> Copies:
    links = tuple(
        CopyLink(**{**link, "copy_published": parse_day(link["copy_published"]),
                    "source_published": parse_day(link["source_published"]),
                    "example": citation_from_json(link["example"])})
        for link in data["links"]
    )
    outlets = tuple(OutletReuse(o["outlet"], o["articles"], o["repeating"], tuple(o["sources"])) for o in data["outlets"])
    return Copies(data["story"], data["title"], data["articles"], data["independent"], links, outlets)


def _named(store: Store, view: Copies) -> Copies:
    """A view kept before links carried titles, with them: read from the articles."""
    if all(link.copy_title and link.source_title for link in view.links):
        return view
    names: dict[str, str | None] = {}

    def name(doc_id: str, kept: str | None) -> str | None:
        if kept is None and doc_id not in names:
            doc = store.document(doc_id)
            names[doc_id] = _title(doc) if doc else None
        return kept or names[doc_id]

    links = tuple(replace(link, copy_title=name(link.copy, link.copy_title),
                          source_title=name(link.source, link.source_title)) for link in view.links)
    return replace(view, links=links)


def _title(doc: Document) -> str | None:
    """What a reader calls an article: its headline, else its lead sentence, cut for a list."""
    return article_title(doc.text, doc.title)


def _article(doc: Document, spans: list[tuple[int, int]]) -> Article:
    return Article(doc.id, doc.published.value, tuple((s, e, doc.text[s:e]) for s, e in spans))


def _link(r: Reuse, documents: dict[str, Document]) -> CopyLink:
    copy, source = documents[r.copy], documents[r.source]
    start, end = r.example
    example = Citation(copy.id, start, end, copy.text[start:end], copy.outlet, copy.published.value)
    return CopyLink(copy.id, copy.outlet, copy.published.value, source.id, source.outlet, source.published.value,
                    r.shared, round(r.share, 3), r.directed, example, r.reused, r.added,
                    _title(copy), _title(source))


def _independent(articles: list[Article], links: tuple[CopyLink, ...]) -> int:
    repeating = {link.copy for link in links if link.directed}
    return sum(1 for a in articles if a.id not in repeating)


def _outlets(documents: dict[str, Document], links: tuple[CopyLink, ...]) -> tuple[OutletReuse, ...]:
    articles: dict[str, int] = defaultdict(int)
    for d in documents.values():
        articles[d.outlet or "unknown outlet"] += 1
    repeating: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, dict[str, None]] = defaultdict(dict)
    for link in links:
        mine, theirs = link.copy_outlet or "unknown outlet", link.source_outlet or "unknown outlet"
        if link.directed and mine != theirs:
            repeating[mine].add(link.copy)
            sources[mine][theirs] = None
    order = sorted(articles, key=lambda o: (-articles[o], o))
    return tuple(OutletReuse(o, articles[o], len(repeating[o]), tuple(sources[o])) for o in order)


def copies_md(view: Copies) -> str:
    lines = [f"# {view.title}", "",
             f"{view.independent} of {plural(view.articles, 'article')} repeat no earlier article.", "",
             "## Outlets", ""]
    for o in view.outlets:
        repeats = f"; {o.repeating} repeat {', '.join(o.sources)}" if o.repeating else ""
        lines.append(f"- {o.outlet}: {plural(o.articles, 'article')}{repeats}")
    lines += ["", "## Articles that repeat others", ""]
    for link in view.links:
        lines += _link_md(link)
    if not view.links:
        lines.append("_none: every article is worded independently_")
    return "\n".join(lines)


def _link_md(link: CopyLink) -> list[str]:
    """One link as a reader names the articles (outlet, date, headline), the ids last, for `dateline show`."""
    arrow = "repeats" if link.directed else "shares wording with (same day)"
    example = " ".join(link.example.text.split())
    amount = f"{plural(link.shared, 'sentence')}, {link.reused:.0%} of its text reused, {link.added:.0%} added"
    return [
        f"- {_named_article(link.copy_outlet, link.copy_published, link.copy_title)}",
        f"  {arrow} {_named_article(link.source_outlet, link.source_published, link.source_title)}:",
        f"  {amount}; e.g. \"{example}\" (`{link.copy}`, `{link.source}`)",
    ]


def _named_article(outlet: str | None, published: date | None, title: str | None) -> str:
    """ 'Meridian Wire, 2024-05-19, "US troops to leave Niger by September"' """
    return f"{outlet or 'unknown outlet'}, {_day(published)}, {f'“{title}”' if title else 'untitled article'}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else "undated"
