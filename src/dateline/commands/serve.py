"""CLI commands for serve (registered on dateline.cli.app): the local web app and REST API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import DbOption, app, console
from dateline.errors import DatelineError


@app.command()
def serve(
    db: DbOption = Path("dateline.db"),
    host: Annotated[str, typer.Option(help="Address to bind; other machines can connect only if you change it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8731,
) -> None:
    """Browse the store in a web browser; the REST API is under /api/ (schema at /openapi.json).

    Example: dateline serve --db story.db --port 8731
    """
    import uvicorn

    from dateline.web.app import allowed_hosts, create_app

    if not db.exists():
        raise DatelineError(f"{db}: no such database; create it with `dateline ingest PATH --db {db}`")
    console.print(f"serving {db} on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(db, allowed_hosts=allowed_hosts(host)), host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=1)  # a page being read is finished, then it stops: no 4 s wait
