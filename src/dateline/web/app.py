"""The FastAPI application: HTML pages, their JSON twins under /api/, static assets.

Every request opens its own connection to the database file (SQLite in WAL
mode), so the app keeps serving while `dateline ingest` writes to the same file
from another process. Article content is untrusted: templates escape
everything, and the Content-Security-Policy forbids inline scripts, so even a
missed escape could not run one.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dateline.errors import DatelineError, QueryError
from dateline.store import Store
from dateline.web.cache import ViewCache

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | Path, *, allowed_hosts: Sequence[str] = ("*",)) -> FastAPI:
    """The app serving one database file; `allowed_hosts` guards against DNS rebinding."""
    from dateline.web import api, pages

    app = FastAPI(
        title="dateline",
        summary="A time-aware, source-attributed knowledge base of a developing news story.",
        version="1",
        docs_url=None,  # the bundled Swagger UI loads scripts from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.state.db = Path(db)
    app.state.views = ViewCache(app.state.db)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.middleware("http")(_security_headers)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def allowed_hosts(bind: str) -> tuple[str, ...]:
    """Host headers to accept: only local names when bound to a loopback address (blocks DNS rebinding)."""
    try:
        loopback = bind == "localhost" or ipaddress.ip_address(bind).is_loopback
    except ValueError:
        loopback = False
    return LOCAL_HOSTS if loopback else ("*",)


def view(request: Request, fn: Callable[..., Any], *args: Hashable, **kwargs: Hashable) -> Any:
    """`fn(store, *args, **kwargs)`, from the app's view cache while the database is unchanged."""
    return request.app.state.views.get(view_key(fn, args, kwargs), lambda store: fn(store, *args, **kwargs))


def story_page(request: Request, story: str, as_of: Any) -> Any:
    """A story's briefing and timeline. Dated ones are built from the story's timeline
    candidates, read from the store once per change, so moving the as-of date stays fast;
    the undated page reads them in the background for that first move."""
    from dateline.web import data

    views = request.app.state.views
    key = view_key(data.timeline_candidates, (story,), {})

    def read_candidates(store: Store) -> Any:
        return data.timeline_candidates(store, story)

    if as_of is None:
        page = view(request, data.story_page, story)
        views.prefetch(key, read_candidates)
        return page
    version, candidates = views.get_versioned(key, read_candidates)
    return views.get(("story_page", candidates.story, as_of, version), lambda store: data.story_page(
        store, candidates.story, as_of=as_of, candidates=candidates))


def view_key(fn: Callable[..., Any], args: tuple[Hashable, ...], kwargs: dict[str, Hashable]) -> Hashable:
    return fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items()))


def open_store(request: Request) -> Iterator[Store]:
    """A connection for one request, closed when the response is done."""
    store = Store(request.app.state.db)
    try:
        yield store
    finally:
        store.close()


async def _security_headers(request: Request, call_next):
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _dateline_error(request: Request, exc: Exception) -> JSONResponse | HTMLResponse:
    status = 404 if isinstance(exc, QueryError) else 400
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(exc)}, status_code=status)
    from dateline.web.pages import error_page

    return error_page(request, str(exc), status)
