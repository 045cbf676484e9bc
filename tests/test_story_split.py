"""Splitting a story whose articles fall into groups apart (`StoryLinker.consolidate`, `split_stored_stories`).

An incremental linker lets the first article of a new event join a story about an earlier event of the
same kind, and the rest of the new event follows it. The split undoes that once the groups show, unless
the groups were published within weeks of each other (a subject followed for months keeps its strands).
Texts are written for these tests.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dateline.link.stories import (
    SPLIT_LEAST,
    ArticleIndex,
    StoryIndex,
    StoryLinker,
    split_stored_stories,
    term_counts,
)

CALIFORNIA = [
    ("A magnitude 4.3 earthquake shook Lake County in northern California, rattling Clearlake homes; "
     "the Geological Survey said the quake was centred near Cobb."),
    ("Residents of Clearlake and Cobb in Lake County felt the magnitude 4.3 earthquake; no injuries were reported "
     "in northern California, the Geological Survey said."),
    ("The Lake County earthquake near Cobb, magnitude 4.3, woke Clearlake residents; northern California sheriffs "
     "reported cracked chimneys."),
    ("Geological Survey seismologists said aftershocks followed the magnitude 4.3 Lake County earthquake near Cobb "
     "and Clearlake in northern California."),
]
INDONESIA = [
    ("A magnitude 6.1 earthquake struck Aceh province in Indonesia, toppling mosques in Bener Meriah; the "
     "meteorology agency in Jakarta said rescuers searched the rubble."),
    ("Rescuers in Bener Meriah dug through rubble after the magnitude 6.1 Aceh earthquake; Jakarta's meteorology "
     "agency counted aftershocks across Indonesia."),
    ("Villagers in Aceh's Bener Meriah and Central Aceh districts slept outside after the 6.1 earthquake, "
     "Indonesia's disaster agency said in Jakarta."),
    ("Indonesia sent soldiers to Bener Meriah in Aceh, where the magnitude 6.1 earthquake toppled mosques and "
     "schools, officials in Jakarta said."),
]


def _one_story(texts: list[str], days: list[date | None]) -> StoryLinker:
    """Every text placed in one story, as an over-eager join would leave them."""
    linker = StoryLinker(StoryIndex({}), ArticleIndex({}, 0), {}, threshold=0.0, fallback=0.0)
    for i, (text, day) in enumerate(zip(texts, days, strict=True)):
        linker.assign(f"d{i}", term_counts(text, ()), day)
    assert len(set(linker.story_of.values())) == 1
    return linker


def _partition(linker: StoryLinker) -> set[frozenset[str]]:
    stories: dict[str, set[str]] = {}
    for doc, story in linker.story_of.items():
        stories.setdefault(story, set()).add(doc)
    return {frozenset(s) for s in stories.values()}


CALIFORNIA_IDS = frozenset(f"d{i}" for i in range(4))
INDONESIA_IDS = frozenset(f"d{i}" for i in range(4, 8))


def test_two_events_of_one_kind_are_split_undated():
    linker = _one_story(CALIFORNIA + INDONESIA, [None] * 8)
    (story,) = set(linker.story_of.values())
    changed = linker.consolidate([story])
    assert _partition(linker) == {CALIFORNIA_IDS, INDONESIA_IDS}
    assert linker.story_of["d0"] == story  # the largest group (ties: the first) keeps the story's id
    assert changed == set(linker.story_of.values()) == set(linker.stories.signatures)
    # each story's signature is its own event's
    other = linker.story_of["d4"]
    assert "@" not in "".join(linker.stories.signatures[other]) and "aceh" in linker.stories.signatures[other]
    assert "aceh" not in linker.stories.signatures[story]
    assert linker.consolidate(changed) == set()  # split stories stay split: nothing more to do


def test_events_years_apart_are_split_and_spans_follow():
    days = [date(2008, 3, 1) + timedelta(days=i) for i in range(4)] + [date(2012, 7, 2)] * 4
    linker = _one_story(CALIFORNIA + INDONESIA, days)
    linker.consolidate(set(linker.story_of.values()))
    assert _partition(linker) == {CALIFORNIA_IDS, INDONESIA_IDS}
    assert linker.stories.spans[linker.story_of["d4"]] == (date(2012, 7, 2), date(2012, 7, 2))
    assert linker.stories.spans[linker.story_of["d0"]] == (date(2008, 3, 1), date(2008, 3, 4))


def test_groups_published_within_weeks_stay_one_story():
    days = [date(2010, 1, 12) + timedelta(days=i) for i in range(8)]
    linker = _one_story(CALIFORNIA + INDONESIA, days)
    assert linker.consolidate(set(linker.story_of.values())) == set()
    assert len(_partition(linker)) == 1


def test_a_group_smaller_than_the_least_stays():
    texts = CALIFORNIA + INDONESIA[:SPLIT_LEAST - 1]
    linker = _one_story(texts, [None] * len(texts))
    assert linker.consolidate(set(linker.story_of.values())) == set()


def test_no_split_when_switched_off():
    linker = _one_story(CALIFORNIA + INDONESIA, [None] * 8)
    linker.split = None
    assert linker.consolidate(set(linker.story_of.values())) == set()


@pytest.mark.parametrize("founder", [0, 4], ids=["founder-in-largest", "founder-leaves"])
def test_split_off_group_never_takes_a_taken_id(founder):
    texts = CALIFORNIA + INDONESIA + INDONESIA[:1]  # Indonesia is the larger group
    order = [founder] + [i for i in range(len(texts)) if i != founder]
    linker = StoryLinker(StoryIndex({}), ArticleIndex({}, 0), {}, threshold=0.0, fallback=0.0)
    for i in order:
        linker.assign(f"d{i}", term_counts(texts[i], ()), None)
    (story,) = set(linker.story_of.values())
    linker.consolidate([story])
    assert len(set(linker.story_of.values())) == 2
    assert linker.story_of["d4"] == story  # the larger group keeps the id, whoever founded the story


@pytest.fixture(scope="module")
def one_story_store(tmp_path_factory):
    """A real store of the eight articles, ingested, then all put in one story (as a looser linker
    would have left them)."""
    from dateline.annotate.span_tagger import disable
    from dateline.corpus import annotate_paths, relink, store_annotated
    from dateline.model import AnnotatedDocument
    from dateline.store import Store

    disable()  # rules only: the tagger is not what is under test
    folder = tmp_path_factory.mktemp("articles")
    for i, text in enumerate(CALIFORNIA + INDONESIA):
        (folder / f"quake-{i}.txt").write_text(text + "\n", encoding="utf-8")
    db = folder.parent / "quakes.db"
    with Store(db) as store:
        store_annotated([r for r in annotate_paths([folder]) if isinstance(r, AnnotatedDocument)], store)
        ids = list(store.document_meta())
        story = store.stories()[0].id
        signature = store.story_signatures()[story]
        store.place_documents([(d, story) for d in ids], {story: (signature, lambda _: "quakes")})
        store.drop_empty_stories()
        relink(store, store.pending_stories())
        assert len(store.stories()) == 1
    return db, story


def test_a_stored_story_is_split_and_relinked(one_story_store, tmp_path):
    from dateline.corpus import relink
    from dateline.store import Store

    db = tmp_path / "copy.db"
    db.write_bytes(one_story_store[0].read_bytes())
    with Store(db) as store:
        changed = split_stored_stories(store, [one_story_store[1]])
        assert one_story_store[1] in changed and len(changed) == 2
        assert set(store.pending_stories()) == set(changed)  # both wait to be relinked
        by_story: dict[str, set[bool]] = {}
        for doc_id, meta in store.document_meta().items():
            by_story.setdefault(meta["story_id"], set()).add("Aceh" in store.annotated(doc_id).document.text)
        assert sorted(map(sorted, by_story.values())) == [[False], [True]]  # each story is one event
        titles = {store.story_title(s) for s in changed}
        assert all(t and not t.startswith("story-") for t in titles) and len(titles) == 2
        assert store.story_signatures().keys() == set(changed)
        relink(store, store.pending_stories())
        assert store.pending_stories() == []
        assert split_stored_stories(store, changed) == []  # nothing more to split
