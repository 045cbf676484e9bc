"""CLI commands for time expressions (registered on dateline.cli.app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dateline.cli import _date, _show, app, console
from dateline.errors import DatelineError
from dateline.wording import plural


@app.command()
def timex(
    text: Annotated[Optional[str], typer.Argument(metavar="TEXT", help="Text to tag (omit with --timeml).")] = None,
    dct: Annotated[Optional[str], typer.Option("--dct", help="Document creation time, YYYY-MM-DD.")] = None,
    timeml: Annotated[Optional[Path], typer.Option("--timeml", help="Folder of TimeML .tml files to tag.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for the tagged .tml files.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    genre: Annotated[str, typer.Option("--genre", help="Kind of text: news, narrative or colloquial; decides "
                                       "which vague uses are tagged ('former president' in a narrative).")] = "news",
) -> None:
    """Find and normalise time expressions (TIMEX3) in a text or in TimeML files.

    Example: dateline timex --dct 2024-09-27 "Troops will leave by September 2025, a year later than planned."
    Example: dateline timex --timeml corpus/ --out tagged/
    """
    from dateline.annotate.timex import check_genre, tag

    try:  # before any file is written
        genre = check_genre(genre)
    except ValueError as error:
        raise DatelineError(f"--genre: {error}") from None
    if timeml is not None:
        from dateline.annotate.timeml import tag_timeml_dir

        if out is None:
            raise DatelineError("--timeml needs --out: the folder to write the tagged files to")
        written = tag_timeml_dir(timeml, out, genre)
        console.print(f"wrote {plural(len(written), 'TimeML file')} to {out}")
        return
    if text is None:
        raise DatelineError('give a text to tag, e.g. dateline timex --dct 2024-09-27 "next Friday"')
    found = tag(text, _date(dct, "--dct"), genre)
    lines = [f"- **{t.text}** {t.type} `{t.value}` ({t.role}" + "".join(
        f", {k} {v}" for k, v in (("mod", t.mod), ("lower", t.lower), ("upper", t.upper), ("anchor", t.anchor)) if v)
        + ")" for t in found]
    _show("\n".join(lines) or "no time expressions found", list(found), as_json)
