"""The HTML pages: each renders the record its /api/ twin returns, through a Jinja2 template.

Templates autoescape everything; URLs taken from articles are shown as links
only when they are http(s).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from dateline.link.current import carried_by
from dateline.store import Store
from dateline.views.brief import SHOWN_FACTS
from dateline.views.copies import build_copies
from dateline.views.diff import diff
from dateline.views.markdown import brief_outlets
from dateline.views.search import search as run_search
from dateline.web import data, svg
from dateline.web.app import open_store, story_page, view

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]
AsOf = Annotated[date | None, Query()]


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: `javascript:` and friends never become links."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["seg"] = lambda s: quote(s, safe="")
    env.filters["safe_url"] = safe_url
    env.filters["label"] = lambda value: value.label or value.value  # a FactValue in words
    # a FactValue first reported by a date (any, when the date is None): a diff's new facts carry later values too
    env.tests["reported_by"] = lambda value, day: day is None or (value.first_reported or date.max) <= day
    # svg.py escapes every article string it places, so its output is trusted markup.
    env.globals["timeline_svg"] = lambda entries: Markup(svg.timeline_svg(entries))
    env.filters["carried_by"] = carried_by  # "carried by 2 outlets (A, B): 2 independent sources"
    env.filters["articles_from"] = brief_outlets  # "5 articles from 2 outlets (A 3, B 1)"
    env.globals["history_svg"] = lambda fact: Markup(svg.history_svg(fact))
    # compile every template now, so no visitor's first page waits for it
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, api: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The page, rendered once per address while the store is unchanged: templates read
    only their context, and a thousand-article timeline takes longer to render than to serve."""
    if status_code != 200:
        return templates.TemplateResponse(request, name, {"api": api, **context}, status_code=status_code)
    page = templates.get_template(name)
    html = request.app.state.views.get(("html", str(request.url)), lambda _store: page.render(api=api, **context))
    return HTMLResponse(html)


def error_page(request: Request, message: str, status: int, *, retry: str | None = None) -> HTMLResponse:
    """The app's error page; its JSON twin is the same address under /api/, answering the same error.
    `retry` is this page without its bad parameters."""
    path = request.url.path.rstrip("/")
    api = f"/api{path}{_query(request)}" if path else "/api/stories"
    return render(request, "error.html", api, status_code=status, message=message, status=status, retry=retry)


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep):
    return render(request, "stories.html", "/api/stories", topics=data.topic_list(store))


@router.get("/stories/{story}", response_class=HTMLResponse)
def story(request: Request, story: str, as_of: AsOf = None):
    page = story_page(request, story, as_of)
    newest = page.changes.since + timedelta(days=data.RECENT_DAYS) if page.changes else None
    return render(
        request, "story.html", f"/api/stories/{quote(page.brief.story)}{_query(request)}",
        brief=page.brief, timeline=page.timeline, changes=page.changes, shown_facts=SHOWN_FACTS,
        recent_days=data.RECENT_DAYS, newest=newest,
        dates=view(request, data.publication_dates, page.brief.story), as_of=as_of, topic=page.topic,
    )


@router.get("/stories/{story}/facts", response_class=HTMLResponse)
def facts(request: Request, story: str, as_of: AsOf = None):
    ledger = view(request, data.ledger, story, as_of)
    return render(request, "facts.html", f"/api/stories/{quote(ledger.story.id)}/facts{_query(request)}",
                  story=ledger.story, facts=ledger.facts, as_of=as_of)


@router.get("/stories/{story}/facts/{fact}", response_class=HTMLResponse)
def fact(request: Request, story: str, fact: str, as_of: AsOf = None):
    found = view(request, data.ledger, story).story
    return render(request, "fact.html", f"/api/stories/{quote(found.id)}/facts/{quote(fact, safe='')}{_query(request)}",
                  story=found, fact=view(request, data.fact, found.id, fact, as_of=as_of), as_of=as_of)


@router.get("/stories/{story}/contradictions", response_class=HTMLResponse)
def contradictions(request: Request, story: str):
    found = view(request, data.contradictions, story)
    return render(request, "contradictions.html", f"/api/stories/{quote(found.story)}/contradictions", view=found)


@router.get("/stories/{story}/outlets", response_class=HTMLResponse)
def outlets(request: Request, story: str):
    found = view(request, data.outlets, story)
    return render(request, "outlets.html", f"/api/stories/{quote(found.story)}/outlets", view=found)


@router.get("/stories/{story}/copies", response_class=HTMLResponse)
def copies(request: Request, story: str):
    found = view(request, build_copies, story)
    return render(request, "copies.html", f"/api/stories/{quote(found.story)}/copies", view=found)


@router.get("/stories/{story}/diff", response_class=HTMLResponse)
def story_diff(request: Request, story: str, since: AsOf = None, until: AsOf = None):
    found = view(request, data.ledger, story).story
    result = view(request, diff, since=since, until=until, story=found.id) if since else None
    return render(request, "diff.html", f"/api/stories/{quote(found.id)}/diff{_query(request)}",
                  story=found, diff=result, since=since, until=until)


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request, story: str | None = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0, limit: Annotated[int, Query(ge=1, le=500)] = 50,
):
    listing = view(request, data.document_list, story, offset=offset, limit=limit)
    return render(request, "documents.html", f"/api/documents{_query(request)}", listing=listing, limit=limit)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, store: StoreDep, doc_id: str):
    annotated = data.annotated(store, doc_id)
    return render(request, "document.html", f"/api/documents/{quote(doc_id, safe='')}", ad=annotated,
                  doc=annotated.document, segments=data.segments(annotated), layers=data.layers(annotated),
                  story=data.document_story(store, doc_id), heading=data.article_name(annotated.document))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "", story: str | None = None):
    results = run_search(store, q, story=story)  # no words: no hits, and the scope named
    return render(request, "search.html", f"/api/search{_query(request)}", q=q, results=results)
