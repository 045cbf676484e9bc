"""CLI commands for fetch (registered on dateline.cli.app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dateline.cli import DbOption, _open, app, console, err, print_ingest_report, safe
from dateline.errors import DatelineError
from dateline.ingest.fetch import DEFAULT_TIMEOUT
from dateline.ingest.readers import DEFAULT_MAX_BYTES
from dateline.wording import plural


@app.command()
def fetch(
    urls: Annotated[list[str], typer.Argument(metavar="URL", help="Article URLs (http or https).")],
    db: DbOption = Path("dateline.db"),
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each page.")] = DEFAULT_TIMEOUT,
    max_bytes: Annotated[int, typer.Option(help="Largest page to download, in bytes.")] = DEFAULT_MAX_BYTES,
    save: Annotated[Optional[Path], typer.Option(help="Folder for the WARC file (default: 'fetched' beside --db).")] = None,
) -> None:
    """Download articles, keep them as a WARC file, and ingest them into the store.

    Example: dateline fetch https://example.com/news/story.html --db story.db
    """
    from dateline.corpus import ingest as run_ingest
    from dateline.ingest.fetch import fetch_to_warc

    fetched = fetch_to_warc(urls, save or db.parent / "fetched", timeout=timeout, max_bytes=max_bytes)
    for failure in fetched.failures:
        err.print(f"[yellow]not fetched[/] {safe(failure.source)}: {safe(failure.reason)}", highlight=False)
    if fetched.warc is None:
        raise DatelineError("no page could be fetched; nothing was added")
    console.print(f"fetched {plural(fetched.pages, 'page')} -> {fetched.warc}", highlight=False)
    with _open(db, must_exist=False) as store:
        report = run_ingest([fetched.warc], store)
    print_ingest_report(report, db)
