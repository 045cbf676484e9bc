"""Adding articles to a store and relinking what they touch.

`ingest(paths, store)` runs the whole per-document path (read, clean, date,
annotate) in batches, commits each batch, then places the new articles in
stories and relinks only the stories that changed: entities across articles
and the fact ledger. One bad file never stops the batch; every failure is
recorded in the store and returned.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dateline.annotate.claims import light_predicates
from dateline.annotate.pipeline import annotate, batched, unannotated_reason
from dateline.errors import IngestError
from dateline.ingest.dating import needs_date, refine_undated, stated
from dateline.ingest.dedupe import DuplicateIndex, fingerprint
from dateline.ingest.prepare import content_hash, each_once, prepare
from dateline.ingest.readers import count_articles, read_paths
from dateline.link import facttypes
from dateline.link import stories as story_linker
from dateline.link.copies import copy_groups
from dateline.link.entities import link_entities
from dateline.link.events import (
    Event,
    EventMention,
    link_events,
    mention_from_json,
    mentions_from_claims,
)
from dateline.link.facts import build_facts
from dateline.link.observations import Observation, observation_from_json
from dateline.link.titles import story_title
from dateline.link.topics import place_new_stories
from dateline.model import AnnotatedDocument, Document, Failure, Notice
from dateline.store import Store
from dateline.store.db import layer_failures
from dateline.views.copies import COPIES_VIEW, copies_from_store, store_furniture
from dateline.views.timeline import (
    TIMELINE_VIEW,
    Placed,
    place_sentences,
    timeline_from_store,
)

logger = logging.getLogger(__name__)

Progress = Callable[[int, "int | None"], None]  # (done, total when known)
_CALENDAR = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...]
    unchanged: tuple[str, ...]
    duplicates: tuple[tuple[str, str], ...]  # (new id, id it duplicates)
    failures: tuple[Failure, ...]  # inputs not stored
    stories: tuple[str, ...]  # stories that were created or changed
    near_duplicates: tuple[tuple[str, str, float], ...] = ()  # (new id, earlier id, similarity)
    notices: tuple[Notice, ...] = ()  # repaired or skipped without losing an input
    partial: tuple[Failure, ...] = ()  # stored, but one annotation layer failed ("annotate:timexes")
    repaired: tuple[str, ...] = ()  # stored articles an interrupted run had left out of every story


class _Run:
    """What one ingest has seen so far; failures go to the store the moment they happen."""

    def __init__(self, store: Store, stop_on_failure: bool):
        self.store = store
        self.stop_on_failure = stop_on_failure
        self.added: list[str] = []
        self.unchanged: list[str] = []
        self.duplicates: list[tuple[str, str]] = []
        self.failures: list[Failure] = []
        self.partial: list[Failure] = []
        self.notices: list[Notice] = []
        self.near: list[tuple[str, str, float]] = []
        self.passed = 0  # inputs read and not annotated: failed to read, or stored already
        self.expected: int | None = None  # inputs in all, when cheap to know
        self.warming: threading.Thread | None = None  # loading the sentence encoder for relinking

    def fail(self, failure: Failure) -> None:
        self.failures.append(failure)
        self.store.record_failures([failure])
        if self.stop_on_failure:
            raise IngestError(failure.source, f"{failure.reason} (stopped: --strict)")


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    batch_size: int = 32,
    workers: int = 1,
    progress: Progress | None = None,
    stop_on_failure: bool = False,
) -> IngestReport:
    """Read, clean, date, annotate (in `workers` processes) and store articles, a committed batch at
    a time; then place them in stories and relink the stories they touch.

    Inputs stream: memory holds a few batches, not the corpus. An undated article waits
    until the end, when every dated one is known, to borrow a date from one. The run also
    finishes what an interrupted one left undone: stored articles in no story are placed
    and stories whose linking was cut short are relinked, so a re-run ends as a clean run.
    """
    run = _Run(store, stop_on_failure)
    paths = list(paths)
    run.expected = count_articles(paths)
    if (run.expected or 0) > batch_size:  # while the workers' fork server starts, with a core idle
        run.warming = _warm_sentence_encoder()
    # nothing here reads the stored texts: ids are looked up, the duplicate index is the store's,
    # and dating donors are fetched only for an undated article (memory follows the batch, not the store)
    fresh = _fresh_documents(paths, run, store, _Lenders(store))
    annotated = annotate(fresh, batch_size=batch_size, workers=workers, expected=run.expected)
    return store_annotated(annotated, store, batch_size=batch_size, progress=progress, run=run,
                           index=_stored_index(store))


def store_annotated(
    results: Iterable[AnnotatedDocument | Failure],
    store: Store,
    *,
    batch_size: int = 32,
    progress: Progress | None = None,
    run: _Run | None = None,
    index: DuplicateIndex | None = None,
) -> IngestReport:
    """The corpus stage of an ingest: store annotated documents a committed batch at a time (with
    exact and near duplicates found), then place every unplaced article in a story and relink every
    story waiting for it. `results` may come from `annotate` here or from annotated shards made
    elsewhere (a cluster): the store ends the same."""
    run = run or _Run(store, stop_on_failure=False)
    index = index or _stored_index(store)
    done = 0
    for batch in batched(results, batch_size):
        if not done and run.warming is None and (run.expected is None or run.expected > batch_size):
            run.warming = _warm_sentence_encoder()  # more batches to come
        _store_results(store, run, batch, index)
        if index.stored is not None:  # the batch is committed: its fingerprints go to the store, not memory
            kept = index.forget(r.document.id for r in batch if not isinstance(r, Failure))
            store.save_fingerprints((f.doc_id, f.bands) for f in kept)
        done += len(batch)
        if progress:
            progress(done + run.passed, run.expected)
    if run.warming is not None:
        run.warming.join()
    unplaced = store.unplaced_documents()
    added = set(run.added)
    repaired = [d for d in unplaced if d not in added]
    touched = place_in_stories(store, unplaced)
    relink(store, store.pending_stories())
    place_new_stories(store)  # a story in no topic yet (a killed run's too) joins one here
    return IngestReport(tuple(run.added), tuple(run.unchanged), tuple(run.duplicates), tuple(run.failures),
                        tuple(touched), tuple(run.near), tuple(run.notices), tuple(run.partial), tuple(repaired))


def _warm_sentence_encoder() -> threading.Thread | None:
    """Loads the fact ledger's sentence encoder (`link.similar`) in a thread while the rest of an ingest
    is annotated, when it is installed.

    Relinking loads it on first use, after the last batch, with one core idle: 4 to 6 s of imports and
    loading at the end of every ingest of a few batches (docs/performance.md). Loaded from the start,
    that work runs while this process waits for the workers. An input of one batch is not warmed:
    a small story often has no fact groups to compare, and then the encoder is never loaded at all.
    """
    from dateline.link import similar

    if not similar.available():
        return None
    thread = threading.Thread(target=_load_sentence_encoder, name="dateline-sentence-encoder")
    thread.start()
    return thread


def _load_sentence_encoder() -> None:
    from dateline.link import similar

    try:
        similar.embed(["loading"])  # the model is cached per process: relinking reuses it
    except Exception:  # loading only saves time: relinking loads it again and reports a real failure
        logger.info("loading the sentence encoder ahead of relinking failed", exc_info=True)


def _fresh_documents(paths: Iterable[str | Path], run: _Run, store: Store, lenders: _Lenders) -> Iterator[Document]:
    """Prepared documents not yet stored, dated ones as they come and undated ones last, with dates
    borrowed from the dated (stored or new) that report the same events."""
    undated: list[Document] = []
    for item in each_once(prepare(read_paths(paths))):
        if isinstance(item, Failure):
            run.passed += 1
            run.fail(item)
        elif isinstance(item, Notice):
            run.notices.append(item)
        elif store.has_document(item.id):
            run.passed += 1
            run.unchanged.append(item.id)
        elif needs_date(item.published):
            undated.append(item)
        else:
            lenders.add(item)
            yield item
    waiting = {doc.id for doc in undated}  # compared as they came, never with a date this run lent them
    for doc in undated:
        lent = [d for d in lenders.for_document(doc) if d.id not in waiting]
        yield from refine_undated([doc], known=[*undated, *lent])


DONORS = 200  # stored articles an undated one may borrow a date from: those stating most of its dates


class _Lenders:
    """Where an undated article finds dated ones to borrow a date from: the store (when more than `DONORS`
    are dated, the `DONORS` whose time expressions state most of its dates), and this run's dated
    articles not stored yet (in annotation), which are the only texts held."""

    def __init__(self, store: Store):
        self.store = store
        self.since = store.last_rowid()  # articles stored by this run come after the earlier ones
        self.pending: dict[str, Document] = {}

    def add(self, doc: Document) -> None:
        self.pending[doc.id] = replace(doc, raw_text=None)
        if len(self.pending) % 64 == 0:
            self._drop_stored()

    def for_document(self, doc: Document) -> list[Document]:
        """Dated articles for `doc`, in the order an ingest saw them (earlier stored ones by date, then this run's)."""
        self._drop_stored()
        stored = self.store.dating_donors(*stated(doc), limit=DONORS, since=self.since)
        return [*stored, *self.pending.values()]

    def _drop_stored(self) -> None:
        self.pending = {i: d for i, d in self.pending.items() if not self.store.has_document(i)}


def _stored_index(store: Store) -> DuplicateIndex:
    """The duplicate index over the store's fingerprints, after fingerprinting the articles stored without
    one (before migration 0016), one text at a time."""
    while missing := store.unfingerprinted_documents(200):
        store.save_fingerprints((f.doc_id, f.bands) for f in
                                (fingerprint(doc_id, store.document_text(doc_id) or "") for doc_id in missing))
    return DuplicateIndex(stored=store)


def _store_results(store: Store, run: _Run, batch: list[AnnotatedDocument | Failure], index: DuplicateIndex) -> None:
    """Commit one batch of results, then note what it repaired, skipped or linked."""
    rows: list = []
    hashes: dict[str, str] = {}
    for result in batch:
        if isinstance(result, Failure):
            run.fail(result)
            continue
        doc = result.document
        digest = content_hash(doc.text)
        original = hashes.get(digest) or store.duplicate_of(digest)
        hashes.setdefault(digest, doc.id)
        if original:
            run.duplicates.append((doc.id, original))
        rows.append((result, digest, original))
    near = [pair for result, _, _ in rows for pair in index.add(result.document)]
    store.add_batch(rows, [derive(annotated) for annotated, _, _ in rows], near,
                    [_term_vector(annotated) for annotated, _, _ in rows])
    for result, _, _ in rows:
        _note_result(run, result)
    run.near.extend(near)


def _note_result(run: _Run, result: AnnotatedDocument) -> None:
    doc = result.document
    run.added.append(doc.id)
    run.partial.extend(layer_failures(result))
    reason = unannotated_reason(doc)
    if reason:
        run.notices.append(Notice(doc.source, "annotate", f"stored with its sentences only, {reason}"))


def reannotate(
    store: Store, *, batch_size: int = 32, workers: int = 1, progress: Progress | None = None
) -> tuple[int, list[Failure], list[str]]:
    """Annotate every stored article again with this version's annotators, then relink every story.

    For a store built by an older version: texts, dates, stories and duplicate links
    are kept; the annotation layers and what is derived from them are replaced, one
    committed batch at a time, so an interrupted run leaves each article whole (new
    layers or old), and every story waits to be relinked until this run (or the next
    ingest) relinks it. An article that now fails keeps its old layers. Returns
    (articles annotated anew, failures, stories relinked).
    """
    keys = store.document_keys()
    store.mark_pending(story.id for story in store.stories())
    count = 0
    failures: list[Failure] = []
    done = 0
    results = annotate(store.documents(), batch_size=batch_size, workers=workers, expected=len(keys))
    for batch in batched(results, batch_size):
        failures.extend(r for r in batch if isinstance(r, Failure))
        rows = [(r, *keys[r.document.id]) for r in batch if not isinstance(r, Failure)]
        store.add_batch(rows, [derive(annotated) for annotated, _, _ in rows], (),
                        [_term_vector(annotated) for annotated, _, _ in rows])
        count += len(rows)
        done += len(batch)
        if progress:
            progress(done, len(keys))
    place_in_stories(store, store.unplaced_documents())
    stories = store.pending_stories()
    relink(store, stories)
    return count, failures, stories


def rederive(store: Store, *, batch_size: int = 200) -> list[str]:
    """Derive every stored article's observations, event mentions and timeline candidates again from its
    stored layers, then relink every story: what changed linking code needs, without annotating again."""
    store.mark_pending(story.id for story in store.stories())
    ids = [d.id for d in store.documents()]
    for batch in batched(ids, batch_size):
        store.save_derived([derive(annotated) for annotated in map(store.annotated, batch) if annotated])
    stories = store.pending_stories()
    relink(store, stories)
    return stories


def place_in_stories(store: Store, doc_ids: Sequence[str]) -> list[str]:
    """Assign each article to a story (the story of its nearest articles, by the term vectors stored
    with them), joining stories one topic has split into and splitting a touched story whose articles
    fall into groups apart (`StoryLinker.consolidate`), in one transaction; returns the stories touched
    that still exist."""
    if not doc_ids:
        return []
    store.save_term_vectors(_term_vector(ad) for ad in map(store.annotated, store.unvectored_documents()) if ad)
    meta = store.document_meta()
    days = {doc_id: date.fromisoformat(m["published"]) if m["published"] else None for doc_id, m in meta.items()}
    vectors = store.term_vectors()
    placed = {d: m["story_id"] for d, m in meta.items() if m["story_id"]}
    linker = story_linker.StoryLinker.resume(store.story_signatures(), dict(placed), days, vectors,
                                             store.term_frequencies())
    touched: set[str] = set()
    for doc_id in doc_ids:
        if doc_id in vectors and doc_id not in placed:  # a placed article keeps its story
            story = linker.assign(doc_id, vectors[doc_id], days[doc_id]).story_id
            touched |= _join_split_stories(linker.stories, linker.story_of, story)
    touched |= linker.consolidate(touched & linker.stories.signatures.keys())  # strands apart become stories
    signatures, story_of = linker.stories.signatures, linker.story_of
    assignments = [(d, story_of[d]) for d in story_of if story_of[d] in touched]

    def title_of(story: str) -> str:
        return story_title(store, story, vectors)

    kept = {story: (signatures[story], title_of) for story in touched if story in signatures}
    store.place_documents(assignments, kept)
    store.drop_empty_stories()
    return sorted(story for story in touched if story in signatures)


def _term_vector(annotated: AnnotatedDocument) -> tuple[str, dict[str, int]]:
    """(doc id, term counts) the story linker keeps of an article."""
    names = (e.canonical or e.text for e in annotated.entities)
    return annotated.document.id, story_linker.term_counts(annotated.document.text, names)


def _join_split_stories(index: story_linker.StoryIndex, story_of: dict[str, str], story: str) -> set[str]:
    """Merge `story` with the stories it should be one with; returns every story touched."""
    touched = {story}
    while (other := index.merge_target(story)) is not None:
        sizes = Counter(s for s in story_of.values() if s in (story, other))
        keep, gone = (other, story) if sizes[other] >= sizes[story] else (story, other)
        index.absorb(keep, gone, sizes)
        for doc_id, s in story_of.items():
            if s == gone:
                story_of[doc_id] = keep
        touched |= {keep, gone}
        story = keep
    return touched


def derive(annotated: AnnotatedDocument) -> tuple[str, list[Observation], list[EventMention], list[Placed]]:
    """What linking and the timeline need of one article, computed once when it is stored."""
    light = light_predicates()
    mentions = [m for m in mentions_from_claims(annotated) if m.lemma not in light]
    placed = place_sentences(annotated)
    return annotated.document.id, list(document_observations(annotated)), mentions, placed


def relink(store: Store, story_ids: Iterable[str]) -> None:
    """Recompute cross-document entities, events and the fact ledger of these stories only.

    Per-article work is never redone: each article's observations and event
    mentions were derived when it was stored; relinking groups them.
    """
    missing = store.underived_documents()  # stored before derived records existed
    store.save_derived(derive(ad) for ad in (store.annotated(d) for d in missing) if ad)
    story_ids = list(story_ids)
    if not story_ids:
        return
    boilerplate = store_furniture(store)  # lines repeated across the store are no evidence of copying
    near = [(a, b) for a, b, _ in store.near_duplicates()]
    for story_id in story_ids:
        _link_story_entities(store, story_id)
        derived = store.derived_for_story(story_id)
        observations = [observation_from_json(o) for _, found, _ in derived for o in found]
        mentions = [mention_from_json(m) for _, _, found in derived for m in found]
        title = store.story_title(story_id) or story_id
        copies = copies_from_store(store, story_id, title, boilerplate=boilerplate)
        origins = copy_groups([(link.copy, link.source) for link in copies.links] + near)
        store.replace_facts(story_id, build_facts(story_id, observations, origins))
        store.replace_events(story_id, story_events(mentions))
        store.save_story_view(story_id, TIMELINE_VIEW, timeline_from_store(store, story_id, title))
        store.save_story_view(story_id, COPIES_VIEW, copies)
        store.linked(story_id)


def story_events(mentions: Iterable[EventMention]) -> list[Event]:
    """Dated events reported by at least two articles.

    Undated same-verb mentions ("kept", "asked") are too often different
    happenings to be linked on the verb alone.
    """
    events = link_events(mentions)
    events = [e for e in events if e.time and _CALENDAR.match(e.time) and len({m.doc_id for m in e.mentions}) >= 2]
    return sorted(events, key=lambda e: e.time or "")



def _link_story_entities(store: Store, story_id: str) -> None:
    per_doc: dict[str, list] = {}
    for doc_id, entity in store.layer_for_story("entities", story_id):
        per_doc.setdefault(doc_id, []).append(entity)
    store.set_corpus_names(link_entities(per_doc.items()))


def document_observations(annotated: AnnotatedDocument) -> Iterable[Observation]:
    """Every reported value of one article, by each fact type of `link/facttypes`."""
    return facttypes.observe(annotated)


def annotate_paths(paths: Iterable[str | Path], *, batch_size: int = 32, workers: int = 1):
    """Annotate articles without storing them: yields AnnotatedDocument, Failure or Notice."""
    documents, failures = prepare_paths(paths)
    yield from failures
    yield from annotate(refine_undated(documents), batch_size=batch_size, workers=workers, expected=len(documents))


def prepare_paths(paths: Iterable[str | Path]) -> tuple[list[Document], list[Failure | Notice]]:
    """Every prepared document of `paths` in memory (each id once), and the failures and notices."""
    documents: list[Document] = []
    problems: list[Failure | Notice] = []
    for item in each_once(prepare(read_paths(paths))):
        (documents if isinstance(item, Document) else problems).append(item)
    return documents, problems
