"""Finding the story a user means, and loading what views need of it."""

from __future__ import annotations

from dateline.errors import QueryError
from dateline.model import Story
from dateline.store import Store


def resolve_story(store: Store, story: str | None) -> Story:
    """The story named by id, id prefix or title words; the largest when None."""
    stories = store.stories()
    if not stories:
        raise QueryError(f"{store.path}: no stories yet; add articles with `dateline ingest PATH`")
    if story is None:
        return stories[0]
    wanted = story.lower()
    matches = [s for s in stories if s.id.startswith(wanted)] or [
        s for s in stories if wanted in s.title.lower()
    ]
    if len(matches) != 1:
        known = ", ".join(f"{s.id} ({s.title})" for s in stories[:10])
        problem = "matches several stories" if matches else "matches no story"
        raise QueryError(f"{story!r} {problem}; stories: {known}")
    return matches[0]
