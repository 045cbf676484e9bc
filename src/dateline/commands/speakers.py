"""CLI commands for speakers (registered on dateline.cli.app): who said what in a story."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import DbOption, JsonOption, StoryArg, _open, _show, app


@app.command()
def speakers(
    story: StoryArg = None,
    db: DbOption = Path("dateline.db"),
    per_speaker: Annotated[int, typer.Option(help="Latest statements shown per speaker (text output).")] = 5,
    limit: Annotated[int, typer.Option(min=0, help="Speakers shown, most statements first (text output; 0: all).")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Who said what over time in a story, with counts per outlet.

    Example: dateline speakers --db story.db
    """
    from dateline.views.speakers import build_speakers, speakers_md

    with _open(db) as store:
        view = build_speakers(store, story)
    _show(speakers_md(view, per_speaker=per_speaker, limit=limit), view, as_json)
