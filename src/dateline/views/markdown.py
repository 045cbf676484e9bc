"""Markdown renderings of the views; the terminal shows the same text through rich.

One renderer per view record. Citations are short: outlet, date and document id,
with the sentence quoted where a reader needs it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from dateline.link.current import carried_by
from dateline.link.events import Event
from dateline.link.titles import article_title
from dateline.model import (
    AnnotatedDocument,
    Citation,
    Document,
    Fact,
    FactValue,
    Story,
    TimelineEntry,
)
from dateline.views.brief import SHOWN_FACTS, Briefing
from dateline.views.diff import Diff
from dateline.views.search import SearchResults
from dateline.views.timeline import Timeline
from dateline.wording import plural


def cite_short(c: Citation) -> str:
    when = c.published.isoformat() if c.published else "undated"
    return f"{c.outlet or 'unknown outlet'}, {when}, `{c.document}`"


def _quote(c: Citation, limit: int = 220, focus: str | None = None) -> str:
    """The cited sentence, cut to `limit` characters around `focus` (the figure it supports) when it is long."""
    text = " ".join(c.text.split())
    if len(text) <= limit:
        return text
    at = text.find(focus) if focus else -1
    if at < 0 or at + len(focus) <= limit - 1:
        return text[: limit - 1] + "…"
    start = max(0, min(at - limit // 2, len(text) - limit + 2))
    start = text.find(" ", start) + 1 if start else 0  # from a word's start
    window = text[start : start + limit - 2]
    return "…" + window + ("…" if start + limit - 2 < len(text) else "")


def _focus(v: FactValue) -> str | None:
    """What a value's quote must show: its number ("1,000" of "about 1,000") or its last word."""
    found = re.findall(r"\d[\d,.]*\d|\d", v.label or v.value)
    return found[0] if found else (v.label or v.value).split()[-1] if (v.label or v.value).split() else None


def stories_md(stories: Sequence[Story]) -> str:
    """Stories in order; a topic of several stories (`ListedStory.topic`) heads its stories, which are indented."""
    rows = ["| topic / story | articles | title |", "|---|---|---|"]
    members: dict[str, list[Story]] = {}
    for s in stories:
        members.setdefault(getattr(s, "topic", None) or s.id, []).append(s)
    for key, group in members.items():
        if len(group) > 1:
            total = sum(len(s.documents) for s in group)
            rows.append(f"| **`{key}`** | {total} | **{getattr(group[0], 'topic_title', None) or group[0].title}** "
                        f"({len(group)} stories) |")
        indent = "↳ " if len(group) > 1 else ""
        rows += [f"| {indent}`{s.id}` | {len(s.documents)} | {s.title} |" for s in group]
    return "\n".join(rows)


def timeline_md(t: Timeline) -> str:
    """The story's own period, each entry with the reason for its date; then the background apart."""
    lines = [f"## Timeline: {t.title}", ""]
    if t.as_of:
        lines += [f"_as of {t.as_of.isoformat()}_", ""]

    def entry(e: TimelineEntry) -> str:
        return _entry_md(e) + (f"  \n  _date: {e.reason}_" if e.reason else "")
    lines += [entry(e) for e in t.entries] or ["_no dated events yet_"]
    if t.background:
        since = f" (before {t.period_start.isoformat()})" if t.period_start else ""
        lines += ["", f"### Background{since}", "", *(entry(e) for e in t.background)]
    return "\n".join(lines)


def _entry_md(e: TimelineEntry) -> str:
    sources = "; ".join(dict.fromkeys(cite_short(c) for c in e.citations))
    return f"- **{e.date}** {_quote(e.citations[0]) if e.citations else e.text} ({sources})"


def value_md(v: FactValue) -> str:
    who = f" said by {', '.join(v.speakers)}" if v.speakers else ""
    hedge = " (anonymous/hedged)" if v.hedged else ""
    return (
        f"  - {v.relation}: **{v.label or v.value}**, first {v.first_reported or 'undated'}, "
        f"{carried_by(v)}{who}{hedge}"
    )


def fact_md(f: Fact, *, with_quotes: bool = True) -> str:
    flag = " **[disputed]**" if f.disputed else ""
    current = next((v for v in reversed(f.values) if v.value == f.current), None)
    head = f"### {f.question}{flag}\n\nCurrent: **{current.label if current else f.current}**. {f.current_reason}"
    body = [value_md(v) + (_quotes(v) if with_quotes else "") for v in f.values]
    return "\n".join([head, "", *body])


def _quotes(v: FactValue) -> str:
    return "".join(f"\n    - \"{_quote(c, focus=_focus(v))}\" ({cite_short(c)})" for c in v.citations[:3])


def facts_md(facts: Iterable[Fact], title: str = "Fact ledger") -> str:
    parts = [f"## {title}", ""] + [fact_md(f) + "\n" for f in facts]
    return "\n".join(parts) if len(parts) > 2 else f"## {title}\n\n_no facts yet_"


def brief_md(b: Briefing) -> str:
    when = f"as of {b.as_of.isoformat()}" if b.as_of else "(latest)"
    lines = [
        f"# {b.title}",
        "",
        f"Briefing {when}: {brief_outlets(b)}; {b.undated} undated{_guessed_dates(b)}.",
        "",
        "## Open questions",
        "",
    ]
    lines += [fact_md(f, with_quotes=True) + "\n" for f in b.facts[:SHOWN_FACTS]] or ["_no facts yet_", ""]
    if len(b.facts) > SHOWN_FACTS:
        lines += [f"_{len(b.facts) - SHOWN_FACTS} less reported facts: `dateline facts`_", ""]
    if b.disputed:
        lines += ["## Disputed", ""] + [f"- {f.question} {f.current_reason}" for f in b.disputed] + [""]
    lines += ["## Latest events", ""] + [_entry_md(e) for e in b.latest]
    return "\n".join(lines)


def _guessed_dates(b: Briefing) -> str:
    """ ", 1 dated by inference (see `dateline show`)" when some articles' dates are not stated in them."""
    return f", {plural(b.guessed, 'article')} dated by inference (see `dateline show`)" if b.guessed else ""


def brief_outlets(b: Briefing) -> str:
    """ "4 articles from 2 outlets (Reuters 3, BBC 1)", "... and 1 of unknown outlet", "3 articles, outlet unknown"."""
    counts = b.outlet_articles or tuple((o, 0) for o in b.outlets)
    named = ", ".join(f"{o} {n}" if n else o for o, n in counts)
    articles = plural(b.documents, "article")
    if not counts:
        return f"{articles}, outlet unknown" if b.documents else articles
    unknown = f" and {b.unknown_outlet} of unknown outlet" if b.unknown_outlet else ""
    return f"{articles} from {plural(len(counts), 'outlet')} ({named}){unknown}"


def diff_md(d: Diff) -> str:
    until = d.until.isoformat() if d.until else "now"
    lines = [f"# What changed: {d.title}", "", f"From {d.since.isoformat()} to {until}: {plural(len(d.new_documents), 'new article')}.", ""]
    lines += ["## New facts", ""] + ([fact_md(f) + "\n" for f in d.new_facts] or ["_none_", ""])
    lines += ["## Changed values", ""]
    for c in d.changed or ():
        before = ", ".join(p.label or p.value for p in c.previous)
        lines.append(f"- {c.question} {c.value.relation}: **{c.value.label or c.value.value}** (before: {before})")
        lines += [f"    - \"{_quote(x)}\" ({cite_short(x)})" for x in c.value.citations[:2]]
    lines += [] if d.changed else ["_none_"]
    lines += ["", "## New disputes", ""] + ([f"- {c.question}: {c.value.label}" for c in d.new_disputes] or ["_none_"])
    lines += ["", "## New events", ""] + ([_entry_md(e) for e in d.new_entries] or ["_none_"])
    return "\n".join(lines)


def events_md(events: Sequence[Event], documents: dict[str, Document]) -> str:
    lines = ["## Events reported by several articles", ""]
    for e in events:
        docs = list(dict.fromkeys(m.doc_id for m in e.mentions))
        when = e.time or "undated"
        who = f" ({', '.join(e.participants[:3])})" if e.participants else ""
        said = Counter(m.trigger.lower() for m in e.mentions if m.trigger).most_common(1)  # as written, not the stem
        lines.append(f"- **{when}** {said[0][0] if said else e.kind}{who}, in {len(docs)} articles")
        for m in e.mentions[:3]:
            doc = documents.get(m.doc_id)
            text = doc.text[m.start : m.end] if doc else m.trigger
            outlet = doc.outlet if doc and doc.outlet else "unknown outlet"
            day = doc.published.value.isoformat() if doc and doc.published.value else "undated"
            lines.append(f"    - \"{' '.join(text.split())[:200]}\" ({outlet}, {day}, `{m.doc_id}`)")
    return "\n".join(lines) if events else "## Events\n\n_no event is reported by two articles yet_"


def document_md(ad: AnnotatedDocument) -> str:
    d = ad.document
    p = d.published
    lines = [
        f"# {article_title(d.text, d.title) or d.id}",
        "",
        f"- id: `{d.id}`  source: `{d.source}`",
        f"- outlet: {d.outlet or 'unknown'}{f'  wire: {d.wire}' if d.wire else ''}  language: {d.language}",
        f"- published: {p.value or 'unknown'} ({p.method}, confidence {p.confidence:.2f}): {p.reason}",
        "",
        d.text,
        "",
        "## Entities",
        "",
    ]
    lines += sorted({f"- {e.canonical} ({e.label})" for e in ad.entities})
    lines += ["", "## Time expressions", ""] + [f"- {t.text} -> {t.value} ({t.role})" for t in ad.timexes]
    lines += ["", "## Quantities", ""] + [f"- {q.text} -> {q.value:g} {q.counts or ''} {('in ' + q.where) if q.where else ''}" for q in ad.quantities]
    lines += ["", "## Attributions", ""] + [
        f"- {a.speaker}{' (anonymous)' if a.anonymous else ''} [{a.cue}]: \"{a.content}\"" for a in ad.attributions
    ]
    lines += ["", "## Claims", ""] + [
        f"- ({c.modality}{', negated' if c.negated else ''}{', hedged' if c.hedged else ''}) "
        f"{c.subject} / {c.predicate} / {c.object} / time={c.time} speaker={c.speaker}"
        for c in ad.claims
    ]
    return "\n".join(lines)


def search_md(results: SearchResults) -> str:
    """Hits as a list: title, outlet and date, id, and the snippet with matches in bold."""
    scope = f" in {results.story_title}" if results.story_title else ""
    lines = [f"## Search: {results.query}{scope}", ""]
    for hit in results.hits:
        snippet = "".join(f"**{text}**" if matched else text for text, matched in hit.snippet)
        when = hit.published.isoformat() if hit.published else "undated"
        lines.append(f"- **{hit.name or hit.title or hit.document}** ({hit.outlet or 'unknown outlet'}, {when}, `{hit.document}`): "
                     f"{' '.join(snippet.split())}")
    return "\n".join(lines) if results.hits else f"## Search: {results.query}{scope}\n\n_no article holds these words_"
