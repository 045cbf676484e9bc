"""An ingest reads the store by key, not whole: the duplicate index kept in the store (migration 0016)
finds what the in-memory index finds, stores made before it are fingerprinted lazily, and dating donors
are a bounded, related few. bench/store_growth.py measures the memory and time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dateline.annotate.timex import tag
from dateline.corpus import _stored_index
from dateline.ingest.dating import stated
from dateline.ingest.dedupe import DuplicateIndex
from dateline.ingest.prepare import content_hash, each_once, prepare
from dateline.ingest.readers import read_paths
from dateline.model import AnnotatedDocument, Document
from dateline.store import Store

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "niger-withdrawal"


@pytest.fixture(scope="module")
def articles() -> list[Document]:
    docs = [d for d in each_once(prepare(read_paths([EXAMPLE]))) if isinstance(d, Document)]
    assert len(docs) >= 13
    return docs


def _stored(path: Path, docs: list[Document]) -> Store:
    """A store holding `docs` with their time expressions only and no fingerprints: as a version before
    0016 left it."""
    store = Store(path)
    store.add_documents((AnnotatedDocument(document=d, timexes=tuple(tag(d.text, d.published.value))),
                         content_hash(d.text), None) for d in docs)
    return store


def _edited(doc: Document, suffix: str) -> Document:
    """A light rewrite: the last paragraph dropped, a sentence added."""
    paragraphs = doc.text.split("\n")
    text = "\n".join(paragraphs[:-1] if len(paragraphs) > 2 else paragraphs) + "\nThe ministry declined to comment."
    return replace(doc, id=doc.id + suffix, text=text)


def test_the_stored_index_finds_the_pairs_the_memory_index_finds(articles, tmp_path):
    store = _stored(tmp_path / "s.db", articles)
    assert len(store.unfingerprinted_documents(1000)) == len(articles)
    stored_index = _stored_index(store)  # fingerprints every stored article, one text at a time
    assert store.unfingerprinted_documents() == []
    memory_index = DuplicateIndex(articles)
    new = [_edited(d, "-edit") for d in articles[:6]] + [replace(articles[7], id="exact-copy")]
    found = [stored_index.add(d) for d in new]
    assert found == [memory_index.add(d) for d in new]
    assert all(pairs for pairs in found[-3:])  # a near copy is found...
    assert found[-1][0][1:] == (articles[7].id, 1.0)  # ...and an exact one scores 1
    assert len(stored_index._shingles) == len(new)  # only the new articles are held
    kept = stored_index.forget(d.id for d in new)
    assert len(kept) == len(new) and not stored_index._shingles and not stored_index.fingerprints
    store.close()


def test_the_batch_in_memory_and_the_store_together_find_a_copy_once(articles, tmp_path):
    store = _stored(tmp_path / "s.db", articles[:3])
    index = _stored_index(store)
    first, second = _edited(articles[5], "-a"), _edited(articles[5], "-b")
    assert index.add(first) == []
    assert [p[:2] for p in index.add(second)] == [(second.id, first.id)]  # held in memory: not yet stored
    store.close()


def test_donors_are_every_dated_article_when_few_and_those_stating_its_dates_when_many(articles, tmp_path):
    store = _stored(tmp_path / "s.db", articles)
    dated = [d for d in articles if d.published.value]
    every = store.dating_donors(set(), set(), limit=len(dated))
    assert [d.id for d in every] == [d.id for d in sorted(dated, key=lambda d: (d.published.value, d.id))]
    assert all(d.raw_text is None for d in every)
    lender = max(dated, key=lambda d: len(stated(d)[1]))
    receiver = _edited(lender, "-undated")
    dates, days = stated(receiver)
    assert days
    few = store.dating_donors(dates, days, limit=3)
    assert 0 < len(few) <= 3 and lender.id in {d.id for d in few}
    assert all((stated(d)[0] & dates) or (stated(d)[1] & days) for d in few)  # each states one of its dates
    assert store.dating_donors(set(), set(), limit=3) == []
    store.close()


def test_an_article_stored_by_this_run_is_ordered_after_the_earlier_ones(articles, tmp_path):
    store = _stored(tmp_path / "s.db", articles[3:])
    since = store.last_rowid()
    store.add_documents((AnnotatedDocument(document=d), content_hash(d.text), None) for d in articles[:3])
    donors = store.dating_donors(set(), set(), limit=100, since=since)
    assert [d.id for d in donors[-3:]] == [d.id for d in articles[:3] if d.published.value][-3:]
    store.close()
