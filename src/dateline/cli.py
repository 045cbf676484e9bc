"""The command line: each command parses options, makes one library call, prints.

Every command that reads or writes the store takes `--db FILE` (default
`$DATELINE_DB`, else `dateline.db` in the current folder). Errors become one
clear line on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.markdown import Markdown

from dateline.errors import DatelineError
from dateline.wording import plural

if TYPE_CHECKING:
    from dateline.store import Store

app = typer.Typer(
    help="dateline: a time-aware, source-attributed knowledge base of a developing news story.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help and usage errors: they read well in a terminal, a pipe or a log
)
console = Console()
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="DATELINE_DB", show_default=False,
                 help="Database file (default: $DATELINE_DB, else ./dateline.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
def _workers(value: str) -> int:
    """--workers: "auto" (0 for the library: a process per usable core, for more than one batch) or 1 to 64."""
    if value.strip().lower() == "auto":
        return 0
    if not value.strip().isdigit() or not 1 <= int(value) <= 64:
        raise typer.BadParameter(f"{value!r} is not 'auto' or a number of processes from 1 to 64")
    return int(value)


WorkersOption = Annotated[int, typer.Option(parser=_workers, metavar="auto|N", help="Processes that annotate side by side (one model each); 'auto': one per core for 64 articles or more, 1: this process only.")]
StoryArg = Annotated[Optional[str], typer.Argument(metavar="STORY", help="Topic or story id, id prefix or title words (default: the largest topic, every story of it).")]
TaggerOption = Annotated[
    bool,
    typer.Option("--tagger/--no-tagger", help="Use the contextual attribution tagger (embeddings extra); "
                 "--no-tagger is about twice as fast, with rules only (docs/who.md)."),
]


def _version(show: bool) -> None:
    if show:
        from importlib.metadata import version

        print(f"dateline {version('dateline')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the installed version and exit.")] = False,
) -> None:
    """dateline: a time-aware, source-attributed knowledge base of a developing news story."""


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DatelineError(f"{option} {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-10-01") from None


def _open(db: Path, *, must_exist: bool = True):
    from dateline.store import Store

    if must_exist and not db.exists():
        raise DatelineError(f"{db}: no such database; create it with `dateline ingest PATH --db {db}`")
    return Store(db)


def _use_tagger(tagger: bool) -> None:
    """Without `tagger`, attribution uses its rules only, in this process and the workers it starts."""
    from dateline.annotate.span_tagger import disable

    if not tagger:
        disable()


@contextlib.contextmanager
def _annotating(
    db: Path, tagger: bool, *, must_exist: bool = True
) -> Iterator[tuple[Store, Callable[[int, int | None], None]]]:
    """The store and a progress callback (done, total or None); without `tagger`, rules-only attribution."""
    _use_tagger(tagger)
    with _open(db, must_exist=must_exist) as store, _progress("annotated") as progress:
        yield store, progress


@contextlib.contextmanager
def _progress(verb: str, every: float = 10.0) -> Iterator[Callable[[int, int | None], None]]:
    """A progress callback: a live bar with count, rate and time left on a terminal; a plain line
    every `every` seconds when stderr is piped (a log, CI)."""
    import time

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if not err.is_terminal:
        started, last = time.monotonic(), [time.monotonic()]

        def plain(done: int, total: int | None) -> None:
            now = time.monotonic()
            if now - last[0] >= every or done == total:
                last[0] = now
                of = f" of {total}" if total else ""
                err.print(f"{verb} {done}{of} articles ({done / max(now - started, 1e-9):.1f}/s)", highlight=False)

        yield plain
        return
    columns = (TextColumn(verb), BarColumn(), MofNCompleteColumn(), TextColumn("articles, {task.fields[rate]}"),
               TimeElapsedColumn(), TimeRemainingColumn())
    started = time.monotonic()
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(verb, total=None, rate="")

        def live(done: int, total: int | None) -> None:
            rate = f"{done / max(time.monotonic() - started, 1e-9):.1f}/s"
            bar.update(task, completed=done, total=total, rate=rate)

        yield live


def safe(text: object) -> str:
    """`text` fit to print: Rich markup escaped, and control and direction characters (a newline or a
    right-to-left mark in a file name) shown as escapes instead of acting on the terminal."""
    from rich.markup import escape

    shown = "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                    for ch in str(text))
    return escape(shown)


LISTED_COPIES = 20  # duplicates named one by one after an ingest; an archive's thousands are counted instead


def print_ingest_report(report, db: Path) -> None:
    """What an ingest did, warnings on stderr and one summary line; raises Exit(1) when an input failed."""
    for failure in report.failures:
        err.print(f"[yellow]failed[/] {safe(failure.source)} ({failure.stage}): {safe(failure.reason)}", highlight=False)
    for failure in report.partial:
        err.print(f"[yellow]partly annotated[/] {safe(failure.source)} ({failure.stage} left empty): "
                  f"{safe(failure.reason)}", highlight=False)
    for notice in report.notices:
        err.print(f"note: {safe(notice.source)}: {safe(notice.message)}", highlight=False)
    for new, old in report.duplicates[:LISTED_COPIES]:
        err.print(f"duplicate: {safe(new)} repeats {safe(old)} (kept and linked)", highlight=False)
    for new, old, similarity in report.near_duplicates[:LISTED_COPIES]:
        err.print(f"near duplicate: {safe(new)} ~ {safe(old)} ({similarity:.0%} of shingles shared)", highlight=False)
    unlisted = max(0, len(report.duplicates) - LISTED_COPIES) + max(0, len(report.near_duplicates) - LISTED_COPIES)
    if unlisted:
        err.print(f"... and {unlisted} more duplicates and near duplicates: `dateline copies` lists them all",
                  highlight=False)
    if report.repaired:
        err.print(f"repaired: {len(report.repaired)} stored articles an interrupted run had left unlinked", highlight=False)
    console.print(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}, failed {len(report.failures)}; "
        f"stories touched: {len(report.stories)} -> {safe(db)}", highlight=False, soft_wrap=True,
    )
    if report.failures:
        raise typer.Exit(1)


def _show(markdown_text: str, data: object, as_json: bool) -> None:
    from dateline.jsonable import to_json

    if as_json:
        print(json.dumps(to_json(data), indent=2, ensure_ascii=False))
    elif console.is_terminal:
        console.print(Markdown(markdown_text))
    else:  # piped: the Markdown itself, unwrapped, for files, pagers and other tools
        print(markdown_text)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files, folders, archives (.zip .tar.gz), WARC, RSS/Atom feeds, .html .txt .jsonl, or - for standard input; see docs/ingest.md.")],
    db: DbOption = Path("dateline.db"),
    batch_size: Annotated[int, typer.Option(help="Documents annotated per batch.")] = 32,
    strict: Annotated[bool, typer.Option(help="Stop at the first input that fails (what was stored is kept).")] = False,
    workers: WorkersOption = "auto",  # type: ignore[assignment]
    tagger: TaggerOption = True,
) -> None:
    """Add articles to the store and relink the stories they touch.

    Example: dateline ingest examples/niger-withdrawal --db story.db
    """
    from dateline.corpus import ingest as run_ingest

    _refuse_missing(paths)
    with _annotating(db, tagger, must_exist=False) as (store, progress):
        report = run_ingest(paths, store, batch_size=batch_size, workers=workers, progress=progress,
                            stop_on_failure=strict)
    print_ingest_report(report, db)


def _refuse_missing(paths: list[Path]) -> None:
    """No store is created for a command whose inputs are all missing."""
    if all(str(p) != "-" and not p.exists() and not p.is_symlink() for p in paths):
        names = ", ".join(safe(p) for p in paths)
        raise DatelineError(f"{names}: no such file or folder; nothing was read and no database was created")


@app.command()
def reannotate(
    db: DbOption = Path("dateline.db"),
    batch_size: Annotated[int, typer.Option(help="Documents annotated per batch.")] = 32,
    workers: WorkersOption = "auto",  # type: ignore[assignment]
    tagger: TaggerOption = True,
) -> None:
    """Annotate every stored article again with this version, then relink every story.

    Use it after upgrading dateline: texts, dates and stories are kept; times, entities,
    quotes, claims and the ledger are rebuilt.

    Example: dateline reannotate --db story.db
    """
    from dateline.corpus import reannotate as run_reannotate

    with _annotating(db, tagger) as (store, progress):
        count, failures, touched = run_reannotate(store, batch_size=batch_size, workers=workers, progress=progress)
    for failure in failures:
        err.print(f"[yellow]kept the old annotations of[/] {safe(failure.source)}: {safe(failure.reason)}", highlight=False)
    console.print(f"annotated again {count}, failed {len(failures)}; stories relinked: {len(touched)} -> {db}")


@app.command()
def stories(db: DbOption = Path("dateline.db"), as_json: JsonOption = False) -> None:
    """List topics, largest first, each with its stories (a story alone in its topic is listed alone).

    Example: dateline stories --db story.db
    """
    from dateline.views.markdown import stories_md
    from dateline.views.stories import listed_stories

    with _open(db) as store:
        found = listed_stories(store)
    _show(stories_md(found), found, as_json)


@app.command()
def timeline(
    story: StoryArg = None,
    db: DbOption = Path("dateline.db"),
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Only what was published by this date.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only events on or after this date (a month such as 2024-07 counts while it holds the date).")] = None,
    max_dates: Annotated[Optional[int], typer.Option(help="Keep the N most reported dates.")] = None,
    per_date: Annotated[Optional[int], typer.Option(help="Sentences per date (default 1).")] = None,
    as_json: JsonOption = False,
) -> None:
    """The story's timeline: what happened when, with citations.

    Example: dateline timeline --as-of 2024-06-01 --max-dates 10 --per-date 2
    """
    from dateline.views.markdown import timeline_md
    from dateline.views.timeline import story_timeline

    with _open(db) as store:
        t = story_timeline(store, story, as_of=_date(as_of, "--as-of"), max_dates=max_dates,
                           per_date=per_date, since=_date(since, "--since"))
    _show(timeline_md(t), t, as_json)


@app.command()
def facts(story: StoryArg = None, db: DbOption = Path("dateline.db"), as_json: JsonOption = False) -> None:
    """The fact ledger: every open question, each value's history and sources.

    Example: dateline facts
    """
    from dateline.views.markdown import facts_md
    from dateline.views.stories import resolve_story, scope_facts

    with _open(db) as store:
        found = scope_facts(store, resolve_story(store, story))
    _show(facts_md(found), found, as_json)


@app.command()
def events(story: StoryArg = None, db: DbOption = Path("dateline.db"), as_json: JsonOption = False) -> None:
    """Events that several articles report, linked across articles, with the sentences.

    Example: dateline events
    """
    from dateline.views.markdown import events_md
    from dateline.views.stories import resolve_story

    with _open(db) as store:
        found = resolve_story(store, story)
        linked = [e for s in found.stories for e in store.events(s)]
        documents = {d.id: d for s in found.stories for d in store.documents(s)}
    _show(events_md(linked, documents), linked, as_json)


@app.command()
def brief(
    story: StoryArg = None,
    db: DbOption = Path("dateline.db"),
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The state of the story on this date.")] = None,
    as_json: JsonOption = False,
) -> None:
    """The state of a story as of a date: current values, disputes, latest events.

    Example: dateline brief --as-of 2024-06-01
    """
    from dateline.views.brief import brief as build_brief
    from dateline.views.markdown import brief_md

    with _open(db) as store:
        b = build_brief(store, story, as_of=_date(as_of, "--as-of"))
    _show(brief_md(b), b, as_json)


@app.command()
def diff(
    story_arg: StoryArg = None,
    since: Annotated[str, typer.Option("--since", help="Start date (exclusive), YYYY-MM-DD.")] = ...,
    until: Annotated[Optional[str], typer.Option("--until", help="End date (inclusive).")] = None,
    story: Annotated[Optional[str], typer.Option("--story", help="The same as STORY (kept for scripts).")] = None,
    db: DbOption = Path("dateline.db"),
    as_json: JsonOption = False,
) -> None:
    """What changed between two dates: new facts, changed values, new disputes.

    Example: dateline diff --since 2024-05-01 --until 2024-08-01
    """
    from dateline.views.diff import diff as build_diff
    from dateline.views.markdown import diff_md

    with _open(db) as store:
        d = build_diff(store, since=_date(since, "--since"), until=_date(until, "--until"), story=story_arg or story)
    _show(diff_md(d), d, as_json)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(metavar="DOC", help="Document id, id prefix, or part of its file path.")],
    db: DbOption = Path("dateline.db"),
    as_json: JsonOption = False,
) -> None:
    """One stored article with its date, entities, times, quantities, quotes and claims.

    Example: dateline show savanna-courier-first-flights --db story.db
    """
    from dateline.views.export import annotation_record
    from dateline.views.markdown import document_md

    with _open(db) as store:
        ids = store.find_documents(doc)
        if len(ids) != 1:
            raise DatelineError(f"{doc!r} matches {len(ids)} documents{': ' + ', '.join(ids[:10]) if ids else ''}")
        annotated = store.annotated(ids[0])
    _show(document_md(annotated), annotation_record(annotated), as_json)


@app.command()
def failures(db: DbOption = Path("dateline.db"), as_json: JsonOption = False) -> None:
    """Files and documents that could not be ingested, with the reason.

    Example: dateline failures
    """
    with _open(db) as store:
        found = store.failures()
    text = "\n".join(f"- `{f.source}` ({f.stage}): {f.reason}" for f in found) or "_no failures_"
    _show(text, found, as_json)


@app.command()
def export(
    story_arg: StoryArg = None,
    format: Annotated[str, typer.Option("--format", help="json | csv | md | html | parquet")] = "json",
    out: Annotated[Path, typer.Option("--out", help="File to write (a folder for parquet: one file a table).")] = Path("dateline-export.json"),
    story: Annotated[Optional[str], typer.Option("--story", help="The same as STORY: the story of an html report (default: the largest).")] = None,
    db: DbOption = Path("dateline.db"),
) -> None:
    """Write the corpus view (stories, facts, timeline) to a file, one story as a self-contained HTML report,
    or every table as Parquet files (docs/scale.md).

    Example: dateline export --format html --out report.html
    """
    from dateline.views.export import FORMATS, render_export

    if format not in (*FORMATS, "parquet"):
        raise DatelineError(f"--format {format!r}: choose one of {', '.join(FORMATS)}, parquet")
    if format == "parquet":
        from dateline.scale.parquet import export_parquet

        with _open(db) as store:
            written = export_parquet(store, out)
        console.print(f"wrote {len(written)} tables to {out}")
        return
    with _open(db) as store:
        out.write_text(render_export(store, format, story=story_arg or story), encoding="utf-8")
    console.print(f"wrote {out}")


@app.command()
def annotate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files or folders: .html .htm .txt .jsonl")],
    out: Annotated[Path, typer.Option("--out", help="JSONL file to write, one document per line.")],
    batch_size: Annotated[int, typer.Option(help="Documents annotated per batch.")] = 32,
    workers: WorkersOption = "auto",  # type: ignore[assignment]
    tagger: TaggerOption = True,
) -> None:
    """Annotate articles without a store: one JSON object per document (schemas/annotate.schema.json).

    Example: dateline annotate examples/niger-withdrawal --out annotations.jsonl
    """
    from dateline.corpus import annotate_paths
    from dateline.model import Failure, Notice
    from dateline.views.export import annotation_record

    _use_tagger(tagger)
    written = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in annotate_paths(paths, batch_size=batch_size, workers=workers):
            if isinstance(item, Failure):
                err.print(f"[yellow]skipped[/] {safe(item.source)}: {safe(item.reason)}", highlight=False)
                continue
            if isinstance(item, Notice):
                err.print(f"note: {safe(item.source)}: {safe(item.message)}", highlight=False)
                continue
            fh.write(json.dumps(annotation_record(item), ensure_ascii=False) + "\n")
            written += 1
    console.print(f"wrote {plural(written, 'document')} to {out}")


def _register_area_commands() -> None:
    import importlib

    from dateline.commands import MODULES

    for name in MODULES:
        importlib.import_module(f"dateline.commands.{name}")


_register_area_commands()


def main() -> None:
    logging.basicConfig(level=os.environ.get("DATELINE_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s")
    if "DATELINE_LOG" not in os.environ:  # a page trafilatura cannot read is reported as a failure already
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        app()
    except DatelineError as exc:
        err.print(f"[red]error:[/] {safe(exc)}", highlight=False)
        sys.exit(1)
