"""CLI command for stories (registered on dateline.cli.app): placing stored articles in stories and topics again."""

from __future__ import annotations

from pathlib import Path

from dateline.cli import DbOption, _open, app


@app.command()
def restory(db: DbOption = Path("dateline.db")) -> None:
    """Group every stored article into stories again (after the story linker changed), without
    annotating anything again: each article is placed by its nearest articles, then stories whose
    articles fall into groups apart are split; facts, events and timelines are relinked, and the
    stories are grouped into topics again.

    Example: dateline restory --db story.db
    """
    from dateline.corpus import place_in_stories, relink
    from dateline.link.topics import regroup

    with _open(db) as store:
        count = store.unplace_documents()
        place_in_stories(store, store.unplaced_documents())
        relink(store, store.pending_stories())
        topics = len(set(regroup(store).values())) or len(store.topics())
        stories = store.stories()
    print(f"placed {count} articles in {len(stories)} stories, {topics} topics")
