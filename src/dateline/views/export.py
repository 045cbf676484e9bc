"""The machine-readable contracts: the `annotate` JSONL record and the `export`
corpus JSON (schemas in `schemas/`), plus CSV and Markdown exports.

Fields are only ever added to these, never renamed or removed.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from dateline.jsonable import to_json
from dateline.model import AnnotatedDocument
from dateline.store import Store
from dateline.views import markdown
from dateline.views.brief import brief
from dateline.views.stories import Scope, resolve_story
from dateline.views.timeline import story_timeline

FORMATS = ("json", "csv", "md", "html")


def annotation_record(ad: AnnotatedDocument) -> dict[str, Any]:
    """One line of `dateline annotate` output."""
    d = ad.document
    record = {
        "id": d.id,
        "source": d.source,
        "outlet": d.outlet,
        "wire": d.wire,
        "title": d.title,
        "url": d.url,
        "author": d.author,
        "language": d.language,
        "published": to_json(d.published),
        "text": d.text,
    }
    for layer in ("sentences", "entities", "timexes", "quantities", "attributions", "claims"):
        record[layer] = to_json(getattr(ad, layer))
    record["problems"] = list(ad.problems)
    return record


def corpus_record(store: Store, story: str | None = None) -> dict[str, Any]:
    """The corpus view written by `dateline export --format json`: every story, or those of the story or
    topic `story` (an id, an id prefix or title words, as `resolve_story` reads them), with their topics."""
    scope = resolve_story(store, story) if story else None
    kept = set(scope.stories) if scope else None
    stories = [s for s in store.stories() if kept is None or s.id in kept]
    topics = [t for t in store.topics() if kept is None or any(s.id in kept for s in t.stories)]
    timeline, background = [], []
    for s in stories:
        view = story_timeline(store, s.id)
        timeline += [{"story": s.id, **to_json(e)} for e in view.entries]
        background += [{"story": s.id, **to_json(e)} for e in view.background]
    return {
        "stories": [to_json(s) for s in stories],
        "topics": [{"id": t.id, "title": t.title, "stories": [s.id for s in t.stories]} for t in topics],
        "facts": [to_json(f) for s in stories for f in store.facts(s.id)],
        "events": [{"story": s.id, **to_json(e)} for s in stories for e in store.events(s.id)],
        "timeline": timeline,
        "background": background,
        "failures": [to_json(f) for f in store.failures()],
    }


def render_export(store: Store, fmt: str, *, story: str | None = None) -> str:
    """The export in one format: the whole corpus, or with `story` that story alone (the HTML report is always
    one story: the largest by default)."""
    if fmt == "html":
        from dateline.views.report import render_report

        return render_report(store, story)
    scope = resolve_story(store, story) if story else None
    if fmt == "json":
        return json.dumps(corpus_record(store, story), indent=2, ensure_ascii=False)
    if fmt == "csv":
        return _facts_csv(store, scope)
    if fmt == "md":
        return _markdown_report(store, scope)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _facts_csv(store: Store, scope: Scope | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["fact", "story", "question", "value", "label", "relation", "first_reported",
                     "outlets", "documents", "current", "disputed"])
    facts = store.facts() if scope is None else [f for s in scope.stories for f in store.facts(s)]
    for f in facts:
        for v in f.values:
            writer.writerow([f.id, f.story, f.question, v.value, v.label, v.relation, v.first_reported or "",
                             "; ".join(v.outlets), "; ".join(v.documents), v.value == f.current, f.disputed])
    return out.getvalue()


def _markdown_report(store: Store, scope: Scope | None = None) -> str:
    """Every story's briefing and timeline; a story's or a topic's alone with `scope` (a topic's cover all its stories)."""
    parts = []
    for s in [scope.id] if scope else [s.id for s in store.stories()]:
        parts.append(markdown.brief_md(brief(store, s)))
        parts.append(markdown.timeline_md(story_timeline(store, s)))
    return "\n\n".join(parts) + "\n"
