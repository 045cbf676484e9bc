"""Term vectors and document frequencies kept in the store, and the nearest-article story linker.

Real store files built from the bundled example: vectors are written with each article, frequencies
follow them, a store made before migration 0014 is filled and re-placed, and placing articles over
several runs ends with the stories one run makes.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from dateline.annotate.span_tagger import disable
from dateline.corpus import annotate_paths, place_in_stories, relink, store_annotated
from dateline.link.stories import (
    ArticleIndex,
    StoryIndex,
    StoryLinker,
    required_similarity,
    term_counts,
)
from dateline.model import AnnotatedDocument
from dateline.store import Store
from dateline.store.schema import MIGRATIONS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "niger-withdrawal"
BEFORE_VECTORS = next(n for n, (name, _) in enumerate(MIGRATIONS, start=1) if name == "0014_term_vectors") - 1


@pytest.fixture(scope="module")
def annotated() -> list[AnnotatedDocument]:
    disable()  # rules only: the tagger is not what is under test, and it is slow
    return [r for r in annotate_paths([EXAMPLE]) if isinstance(r, AnnotatedDocument)]


@pytest.fixture(scope="module")
def one_run(annotated, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.db"
    with Store(db) as store:
        store_annotated(annotated, store)
    return db


def _partition(db: Path) -> set[frozenset[str]]:
    with Store(db) as store:
        return {frozenset(story.documents) for story in store.stories()}


def _recounted(store: Store) -> tuple[int, dict[str, int]]:
    vectors = store.term_vectors()
    return len(vectors), dict(Counter(t for counts in vectors.values() for t in counts))


def test_every_article_is_stored_with_its_vector_and_frequencies_follow(one_run, annotated):
    with Store(one_run) as store:
        vectors = store.term_vectors()
        assert set(vectors) == {a.document.id for a in annotated}
        assert store.term_frequencies() == _recounted(store)
        assert store.unvectored_documents() == []
        # names are terms, and a vector keeps the article's most frequent words
        assert any(t.startswith("@") for counts in vectors.values() for t in counts)
    assert len(_partition(one_run)) == 2  # 13 articles on the withdrawal, 2 on another story


def test_reingesting_an_article_replaces_its_vector_without_counting_it_twice(one_run, annotated, tmp_path):
    db = tmp_path / "again.db"
    db.write_bytes(one_run.read_bytes())
    with Store(db) as store:
        before = store.term_frequencies()
        store_annotated(annotated[:3], store)  # the same ids again: rows are updated in place
        assert store.term_frequencies() == before == _recounted(store)


def test_several_runs_place_as_one_run_does(one_run, annotated, tmp_path):
    db = tmp_path / "runs.db"
    with Store(db) as store:
        for start in range(0, len(annotated), 4):
            store_annotated(annotated[start:start + 4], store)
    assert _partition(db) == _partition(one_run)
    with Store(db) as a, Store(one_run) as b:
        assert a.story_signatures() == b.story_signatures()


def _store_before_vectors(source: Path, target: Path) -> None:
    """A copy of `source` as a version without migration 0014 wrote it (schema run up to 0013)."""
    conn = sqlite3.connect(target)
    for _name, sql in MIGRATIONS[:BEFORE_VECTORS]:
        conn.executescript(f"BEGIN; {sql}; COMMIT;")
    conn.execute(f"PRAGMA user_version = {BEFORE_VECTORS}")
    conn.execute("ATTACH DATABASE ? AS new", (str(source),))
    tables = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM new.{table}")
    conn.commit()
    conn.execute("DETACH DATABASE new")
    conn.close()


def test_a_store_made_before_vectors_is_filled_and_replaced_by_restory(one_run, tmp_path):
    old = tmp_path / "old.db"
    _store_before_vectors(one_run, old)
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == BEFORE_VECTORS
    with Store(old) as store:  # opening migrates the schema; the vectors wait for placement
        ids = {d for d in store.document_meta()}
        assert set(store.unvectored_documents()) == ids and store.term_frequencies() == (0, {})
        store.unplace_documents()  # what `dateline restory` does
        place_in_stories(store, store.unplaced_documents())
        relink(store, store.pending_stories())
        assert store.unvectored_documents() == [] and store.term_frequencies() == _recounted(store)
        assert all(store.story_title(s.id) and not store.story_title(s.id).startswith("story-")
                   for s in store.stories())
    assert _partition(old) == _partition(one_run)


IRAQ = "US troops in Iraq will leave the bases as the coalition mission ends, officials in Baghdad said."
IRAQ2 = "The coalition mission in Iraq ends next year and US troops leave Baghdad bases, officials said."
FLOOD = "Heavy rain flooded the river valley, and farmers lost their harvest as the water kept rising."
QUAKE = "A strong earthquake shook the coastal province, toppling houses and cutting power to thousands."
QUAKE2 = "Aid convoys reached the coastal province days after the earthquake, bringing tents, water and doctors."


THRESHOLD = 0.2  # these short texts share fewer words than articles do


def _linker() -> StoryLinker:
    return StoryLinker(StoryIndex({}), ArticleIndex({}, 0), {}, threshold=THRESHOLD, nearest=3, fallback=None)


def test_nearest_articles_decide_the_story():
    linker = _linker()
    texts = {"a": IRAQ, "f": FLOOD, "b": IRAQ2, "q": QUAKE, "q2": QUAKE2}
    stories = {d: linker.assign(d, term_counts(t, ["Iraq"] if "Iraq" in t else [])).story_id
               for d, t in texts.items()}
    assert stories["a"] == stories["b"] and stories["q"] == stories["q2"]
    assert len({stories["a"], stories["f"], stories["q"]}) == 3


@pytest.mark.parametrize(("published", "joins"), [(date(2020, 7, 1), True), (date(2032, 7, 1), False)],
                         ids=["same-year", "twelve-years-later"])
def test_an_article_years_from_its_nearest_needs_more(published, joins):
    linker = _linker()
    first = linker.assign("a", term_counts(QUAKE, []), date(2020, 5, 1))
    linker.assign("f", term_counts(FLOOD, []), date(2020, 5, 2))
    near = linker.articles.nearest(term_counts(QUAKE2, []))[0]
    assert near.doc_id == "a" and THRESHOLD < near.similarity < required_similarity(4400, THRESHOLD)
    assert (linker.assign("b", term_counts(QUAKE2, []), published).story_id == first.story_id) is joins


def _tfidf(counts: dict[str, int], df: Counter, n: int) -> dict[str, float]:
    weights = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()}


def test_the_index_finds_what_scoring_every_article_finds():
    texts = [IRAQ, FLOOD, IRAQ2, QUAKE, QUAKE2, FLOOD + " " + QUAKE, IRAQ + " " + FLOOD]
    counts = [term_counts(text, []) for text in texts]
    index = ArticleIndex({}, 0)
    for i, c in enumerate(counts):
        index.place(str(i), c)
    query = term_counts(QUAKE + " " + IRAQ2, [])
    df = Counter(t for c in counts for t in c)
    vectors = [_tfidf(c, df, len(texts)) for c in counts]
    q = _tfidf(query, df, len(texts))
    expected = sorted(((sum(w * v.get(t, 0.0) for t, w in q.items()), str(i)) for i, v in enumerate(vectors)),
                      reverse=True)
    found = index.nearest(query, k=3)
    assert [n.doc_id for n in found] == [d for _, d in expected[:3]]
    assert [round(n.similarity, 9) for n in found] == [round(s, 9) for s, _ in expected[:3]]
