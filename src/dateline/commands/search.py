"""CLI command for full-text search (registered on dateline.cli.app): the articles that hold some words."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import DbOption, JsonOption, _open, _show, app


@app.command()
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words every hit must contain; the last may be the start of a word.")],
    db: DbOption = Path("dateline.db"),
    story: Annotated[str | None, typer.Option("--story", help="Only articles of this story or topic (id, prefix or title words).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Most hits to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over the stored articles, best match first, with the matching words marked.

    Example: dateline search "air base" --db story.db
    """
    from dateline.views.markdown import search_md
    from dateline.views.search import search as run_search

    with _open(db) as store:
        found = run_search(store, query, story=story, limit=limit)
    _show(search_md(found), found, as_json)
