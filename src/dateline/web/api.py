"""The REST API: the JSON twin of every page, from the same library calls as the CLI.

Each route parses its parameters, makes one library call (through the view
cache where it reads a whole story) and returns the record as JSON
(`dateline.jsonable.to_json`, the shape `--json` prints).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from dateline.jsonable import to_json
from dateline.store import Store
from dateline.views.brief import brief
from dateline.views.copies import build_copies
from dateline.views.diff import diff
from dateline.views.export import annotation_record
from dateline.views.search import search as run_search
from dateline.views.stories import listed_stories
from dateline.views.timeline import story_timeline
from dateline.web import data
from dateline.web.app import open_store, story_page, view, view_key

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(open_store)]
AsOf = Annotated[date | None, Query(description="Only what was published by this date (YYYY-MM-DD).")]


def _json(value: Any) -> Response:
    return _raw(_encode(value))


def _raw(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def cached_json(request: Request, fn: Callable[..., Any], *args: Hashable, **kwargs: Hashable) -> bytes:
    """`fn(store, ...)` encoded as JSON, from the view cache while the database is unchanged.

    The record comes from the cache its HTML page uses, and its encoding is
    cached too: encoding a thousand-article timeline costs more than serving it.
    """
    return encoded(request, view_key(fn, args, kwargs), view(request, fn, *args, **kwargs))


def encoded(request: Request, key: Hashable, record: Any) -> bytes:
    """`record` as JSON bytes, cached under its view's `key`."""
    return request.app.state.views.get(("json", key), lambda _store: _encode(to_json(record)))


@router.get("/stories", summary="Stories, largest topic first, each with the topic it is in")
def stories(store: StoreDep) -> Response:
    return _json(to_json(listed_stories(store)))


@router.get("/stories/{story}", summary="A story: its briefing and timeline as of a date")
def story(request: Request, story: str, as_of: AsOf = None) -> Response:
    return _raw(encoded(request, ("story_page", story, as_of), story_page(request, story, as_of)))


@router.get("/stories/{story}/brief", summary="The state of a story as of a date")
def story_brief(request: Request, story: str, as_of: AsOf = None) -> Response:
    return _raw(cached_json(request, brief, story, as_of=as_of))


@router.get("/stories/{story}/timeline", summary="What happened when, each entry cited")
def timeline(
    request: Request,
    story: str,
    as_of: AsOf = None,
    max_dates: Annotated[int | None, Query(ge=1, le=10_000, description="Keep the N most reported dates.")] = None,
) -> Response:
    return _raw(cached_json(request, story_timeline, story, as_of=as_of, max_dates=max_dates))


@router.get("/stories/{story}/facts", summary="The fact ledger: every value's history and sources")
def facts(request: Request, story: str, as_of: AsOf = None) -> Response:
    return _raw(cached_json(request, data.ledger_facts, story, as_of))


@router.get("/stories/{story}/facts/{fact}", summary="One fact with its value history")
def fact(request: Request, story: str, fact: str, as_of: AsOf = None) -> Response:
    return _raw(cached_json(request, data.fact, story, fact, as_of=as_of))


@router.get("/stories/{story}/contradictions", summary="Facts whose sources disagree")
def contradictions(request: Request, story: str) -> Response:
    return _raw(cached_json(request, data.contradictions, story))


@router.get("/stories/{story}/outlets", summary="What each outlet reported and how it worded it")
def outlets(request: Request, story: str) -> Response:
    return _raw(cached_json(request, data.outlets, story))


@router.get("/stories/{story}/copies", summary="Which articles repeat earlier ones, and which outlets report independently")
def copies(request: Request, story: str) -> Response:
    return _raw(cached_json(request, build_copies, story))


@router.get("/stories/{story}/diff", summary="What changed between two dates")
def story_diff(
    request: Request,
    story: str,
    since: Annotated[date, Query(description="Start date (exclusive).")],
    until: Annotated[date | None, Query(description="End date (inclusive).")] = None,
) -> Response:
    return _raw(cached_json(request, diff, since=since, until=until, story=story))


@router.get("/documents", summary="Stored articles, oldest first")
def documents(
    request: Request,
    story: Annotated[str | None, Query(description="Story id or title words.")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    return _raw(cached_json(request, data.document_list, story, offset=offset, limit=limit))


@router.get("/documents/{doc_id:path}", summary="One article with all its annotation layers")
def document(store: StoreDep, doc_id: str) -> Response:
    record = annotation_record(data.annotated(store, doc_id))
    story = data.document_story(store, doc_id)
    return _json({**record, "story": {"id": story.id, "title": story.title} if story else None})


@router.get("/search", summary="Full-text search over stored articles")
def search(
    store: StoreDep,
    q: Annotated[str, Query(max_length=500, description="Words that must all occur; the last may be a prefix.")],
    story: Annotated[str | None, Query(description="Story or topic id, or title words.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    return _json(to_json(run_search(store, q, story=story, limit=limit)))
