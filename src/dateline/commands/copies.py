"""CLI command for copies (registered on dateline.cli.app): who repeats whom in a story."""

from __future__ import annotations

from pathlib import Path

from dateline.cli import DbOption, JsonOption, StoryArg, _open, _show, app


@app.command()
def copies(story: StoryArg = None, db: DbOption = Path("dateline.db"), as_json: JsonOption = False) -> None:
    """Which articles repeat earlier ones word for word, and which outlets report independently.

    Example: dateline copies --db story.db
    """
    from dateline.views.copies import build_copies, copies_md

    with _open(db) as store:
        view = build_copies(store, story)
    _show(copies_md(view), view, as_json)
