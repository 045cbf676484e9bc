"""Finding the story or topic a user means, and loading what views need of it.

A view covers a scope: one story, or a topic (the stories one subject is followed in,
`link/topics.py`). By default it is the largest topic; a topic of one story is that
story, with the story's id, so a store whose stories stand alone reads as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.errors import QueryError
from dateline.link.topics import Topic, merge_facts
from dateline.model import Fact, Story
from dateline.store import Store
from dateline.views.timeline import Candidates, placed_from_json


@dataclass(frozen=True)
class Scope(Story):
    """What a view covers: a story, or a topic of several stories (`id` and `title` are then the topic's)."""

    stories: tuple[str, ...] = ()  # the stories covered, largest first
    topic: str | None = None  # the topic they are in

    @property
    def is_topic(self) -> bool:
        return len(self.stories) > 1


@dataclass(frozen=True)
class ListedStory(Story):
    """A story as `dateline stories` lists it: with the topic it is in."""

    topic: str | None = None
    topic_title: str | None = None


def resolve_story(store: Store, story: str | None) -> Scope:
    """The scope named by a topic or story id, an id prefix, or title words (a topic's title first,
    then a story's); the largest topic when None."""
    topics = store.topics()
    if not topics:
        raise QueryError(f"{store.path}: no stories yet; add articles with `dateline ingest PATH`")
    if story is None:
        return topic_scope(topics[0])
    wanted = story.lower()
    stories = [(s, t) for t in topics for s in t.stories]
    exact = [topic_scope(t) for t in topics if t.id == wanted] + [
        story_scope(s, t) for s, t in stories if s.id == wanted]
    matches = exact or [topic_scope(t) for t in topics if t.id.startswith(wanted)] + [
        story_scope(s, t) for s, t in stories if s.id.startswith(wanted)]
    matches = matches or [topic_scope(t) for t in topics if wanted in t.title.lower()] or [
        story_scope(s, t) for s, t in stories if wanted in s.title.lower()]
    unique = list({m.id: m for m in matches}.values())
    if len(unique) != 1:
        known = ", ".join(f"{t.id} ({t.title})" for t in topics[:10])
        problem = "matches several stories" if unique else "matches no story or topic"
        raise QueryError(f"{story!r} {problem}; topics: {known}")
    return unique[0]


def topic_scope(topic: Topic) -> Scope:
    if len(topic.stories) == 1:
        return story_scope(topic.stories[0], topic)
    return Scope(topic.id, topic.title, topic.documents, tuple(s.id for s in topic.stories), topic.id)


def story_scope(story: Story, topic: Topic | None = None) -> Scope:
    return Scope(story.id, story.title, story.documents, (story.id,), topic.id if topic else None)


def scope_meta(store: Store, scope: Scope) -> dict[str, dict[str, Any]]:
    """`Store.document_meta` over every story of the scope."""
    meta: dict[str, dict[str, Any]] = {}
    for story in scope.stories or (scope.id,):
        meta.update(store.document_meta(story))
    return meta


def scope_facts(store: Store, scope: Scope) -> list[Fact]:
    """The scope's fact ledger: a story's facts as stored; a topic's with the same fact across its
    stories made one (`link.topics.merge_facts`)."""
    if not scope.is_topic:
        return store.facts(scope.id)
    return merge_facts((f for story in scope.stories for f in store.facts(story)), scope.id)


def scope_timeline_rows(store: Store, scope: Scope, as_of: date | None = None) -> list[tuple[date | None, list[dict]]]:
    """`Store.timeline_candidates` over every story of the scope, in publication order."""
    rows = [row for story in scope.stories or (scope.id,) for row in store.timeline_candidates(story, as_of)]
    return sorted(rows, key=lambda row: (row[0] is None, row[0] or date.min))


def scope_candidates(store: Store, scope: Scope, as_of: date | None = None) -> Candidates:
    """The scope's timeline candidates: a topic's are every story's articles, in publication order."""
    rows = scope_timeline_rows(store, scope, as_of)
    return Candidates(scope.id, scope.title, tuple((day, tuple(placed_from_json(i) for i in items))
                                                   for day, items in rows))


def listed_stories(store: Store) -> list[ListedStory]:
    """Every story with its topic, topics largest first and each topic's stories largest first."""
    return [ListedStory(s.id, s.title, s.documents, t.id if t.id != s.id else None,
                        t.title if t.id != s.id else None)
            for t in store.topics() for s in t.stories]


def scope_topic(store: Store, scope: Scope) -> Topic | None:
    """The topic of several stories that the scope is, or that holds it; None for a story that stands
    alone (or alone in its topic)."""
    if scope.topic is None:
        return None
    topic = next((t for t in store.topics() if t.id == scope.topic), None)
    return topic if topic is not None and len(topic.stories) > 1 else None
