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
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
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
# What each query parameter of the HTML pages takes, for the error page of a bad one.
EXPECTED = {
    "as_of": "a date as YYYY-MM-DD, e.g. 2024-05-01",
    "since": "a date as YYYY-MM-DD, e.g. 2024-05-01",
    "until": "a date as YYYY-MM-DD, e.g. 2024-08-01",
    "offset": "a whole number from 0 to 1000000",
    "limit": "a whole number from 1 to 500",
    "q": "search words, at most 500 characters",
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
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
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


def is_page(request: Request) -> bool:
    """An HTML page's address (errors there get the app's error page; the API's stay JSON)."""
    return not request.url.path.startswith(("/api/", "/static/", "/openapi.json"))


def _dateline_error(request: Request, exc: Exception) -> JSONResponse | HTMLResponse:
    status = 404 if isinstance(exc, QueryError) else 400
    if not is_page(request):
        return JSONResponse({"detail": str(exc)}, status_code=status)
    from dateline.web.pages import error_page

    return error_page(request, str(exc), status)


async def _validation_error(request: Request, exc: Exception) -> Response:
    """A malformed parameter: JSON for the API, the error page naming it and its format for a page."""
    assert isinstance(exc, RequestValidationError)
    if not is_page(request):
        return await request_validation_exception_handler(request, exc)
    from dateline.web.pages import error_page

    names = [str(e["loc"][-1]) for e in exc.errors() if len(e["loc"]) > 1]
    retry = request.url.remove_query_params(names)
    same_site = retry.path.startswith("/") and not retry.path.startswith("//")
    return error_page(request, " ".join(_bad_parameter(e) for e in exc.errors()), 422,
                      retry=retry.path + (f"?{retry.query}" if retry.query else "") if same_site else None)


def _bad_parameter(error: dict[str, Any]) -> str:
    name = str(error["loc"][-1])
    given = str(error.get("input", ""))
    given = given if len(given) <= 60 else given[:59] + "…"
    expected = EXPECTED.get(name, error["msg"].lower())
    return f"The {name} parameter “{given}” is not valid: expected {expected}."


async def _http_error(request: Request, exc: Exception) -> Response:
    """An unknown address or method: the app's error page for a page, JSON for the API."""
    assert isinstance(exc, HTTPException)
    if not is_page(request):
        return await http_exception_handler(request, exc)
    from dateline.web.pages import error_page

    message = f"No page at {request.url.path}." if exc.status_code == 404 else str(exc.detail)
    return error_page(request, message, exc.status_code)
