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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.annotate.claims import light_predicates, predicate_classes
from dateline.annotate.pipeline import annotate
from dateline.citations import cite
from dateline.ingest.dating import refine_undated
from dateline.ingest.dedupe import near_duplicates
from dateline.ingest.prepare import content_hash, prepare
from dateline.ingest.readers import read_paths
from dateline.link import stories as story_linker
from dateline.link.entities import link_entities
from dateline.link.events import (
    Event,
    EventMention,
    link_events,
    mention_from_json,
    mentions_from_claims,
)
from dateline.link.facts import build_facts
from dateline.link.observations import (
    Observation,
    Source,
    count_event,
    from_claim,
    from_quantity,
    observation_from_json,
)
from dateline.model import AnnotatedDocument, Document, Failure
from dateline.store import Store
from dateline.views.copies import COPIES_VIEW, copies_from_store
from dateline.views.timeline import (
    TIMELINE_VIEW,
    Placed,
    place_sentences,
    timeline_from_store,
)

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_CALENDAR = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...]
    unchanged: tuple[str, ...]
    duplicates: tuple[tuple[str, str], ...]  # (new id, id it duplicates)
    failures: tuple[Failure, ...]
    stories: tuple[str, ...]  # stories that were created or changed
    near_duplicates: tuple[tuple[str, str, float], ...] = ()  # (new id, earlier id, similarity)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    batch_size: int = 32,
    workers: int = 1,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean, date, annotate (in `workers` processes) and store articles; relink
    the stories they touch."""
    documents, failures = prepare_paths(paths)
    stored = store.documents()  # read once: dating evidence, then near-duplicate candidates
    stored_ids = {d.id for d in stored}
    fresh = [d for d in documents if d.id not in stored_ids]
    unchanged = tuple(d.id for d in documents if d.id in stored_ids)
    fresh = refine_undated(fresh, known=[d for d in stored if d.published.value])
    added, duplicates, more_failures = _annotate_and_store(fresh, store, batch_size, workers, progress)
    failures.extend(more_failures)
    store.record_failures(failures)
    new_ids = set(added)
    near = near_duplicates([d for d in fresh if d.id in new_ids], known=stored)
    store.add_near_duplicates(near)
    touched = place_in_stories(store, added)
    relink(store, touched)
    return IngestReport(tuple(added), unchanged, tuple(duplicates), tuple(failures), tuple(touched), tuple(near))


def prepare_paths(paths: Iterable[str | Path]) -> tuple[list[Document], list[Failure]]:
    documents: list[Document] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for item in prepare(read_paths(paths)):
        if isinstance(item, Failure):
            failures.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            documents.append(item)
    return documents, failures


def _annotate_and_store(
    documents: Sequence[Document], store: Store, batch_size: int, workers: int, progress: Progress | None
) -> tuple[list[str], list[tuple[str, str]], list[Failure]]:
    added: list[str] = []
    duplicates: list[tuple[str, str]] = []
    failures: list[Failure] = []
    for batch in _annotated_batches(documents, batch_size, workers, progress):
        rows: list = []
        for result in batch:
            if isinstance(result, Failure):
                failures.append(result)
                continue
            digest = content_hash(result.document.text)
            original = store.duplicate_of(digest)
            if original:
                duplicates.append((result.document.id, original))
            rows.append((result, digest, original))
            added.append(result.document.id)
        _store_batch(store, rows)
    return added, duplicates, failures


def _annotated_batches(
    documents: Sequence[Document], batch_size: int, workers: int, progress: Progress | None
) -> Iterator[list[AnnotatedDocument | Failure]]:
    """Annotation results a batch at a time; progress is reported once the caller has stored a batch."""
    batch: list[AnnotatedDocument | Failure] = []
    done = 0
    for result in annotate(documents, batch_size=batch_size, workers=workers):
        done += 1
        batch.append(result)
        if len(batch) == batch_size or done == len(documents):
            yield batch
            batch = []
            if progress:
                progress(done, len(documents))


def reannotate(
    store: Store, *, batch_size: int = 32, workers: int = 1, progress: Progress | None = None
) -> tuple[int, list[Failure], list[str]]:
    """Annotate every stored article again with this version's annotators, then relink every story.

    For a store built by an older version: texts, dates, stories and duplicate links
    are kept; the annotation layers and what is derived from them are replaced, one
    committed batch at a time, so an interrupted run leaves each article whole (new
    layers or old). An article that now fails keeps its old layers. Returns
    (articles annotated anew, failures, stories relinked).
    """
    keys = store.document_keys()
    count = 0
    failures: list[Failure] = []
    for batch in _annotated_batches(store.documents(), batch_size, workers, progress):
        failures.extend(r for r in batch if isinstance(r, Failure))
        rows = [(r, *keys[r.document.id]) for r in batch if not isinstance(r, Failure)]
        _store_batch(store, rows)
        count += len(rows)
    stories = [story.id for story in store.stories()]
    relink(store, stories)
    return count, failures, stories


def _store_batch(store: Store, rows: list) -> None:
    """One committed batch: a crash later loses nothing stored here."""
    store.add_documents(rows)
    store.save_derived(derive(annotated) for annotated, _, _ in rows)


def place_in_stories(store: Store, doc_ids: Sequence[str]) -> list[str]:
    """Assign each new article to a story; returns the stories touched."""
    signatures = store.story_signatures()
    meta = store.document_meta()
    spans = story_linker.story_spans(
        (m["story_id"], date.fromisoformat(m["published"]) if m["published"] else None) for m in meta.values()
    )
    index = story_linker.StoryIndex(signatures, spans)
    names = store.entity_names(doc_ids)
    touched: dict[str, None] = {}
    for doc_id in doc_ids:
        doc = store.document(doc_id)
        if doc is None:
            continue
        terms = story_linker.document_terms(doc.text, (n for n, _ in names.get(doc_id, [])))
        assignment = index.assign(doc_id, terms, doc.published.value)
        store.assign_story(doc_id, assignment.story_id)
        touched[assignment.story_id] = None
    for story_id in touched:
        store.save_story(story_id, _story_title(store, story_id), signatures[story_id])
    return list(touched)


def _story_title(store: Store, story_id: str) -> str:
    """The title of the story's earliest dated article (of any article when none is dated)."""
    titled = [m for m in store.document_meta(story_id).values() if m["title"]]
    first = min(titled, key=lambda m: (m["published"] is None, m["published"] or "", m["id"]), default=None)
    return first["title"] if first else story_id


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
    for story_id in story_ids:
        _link_story_entities(store, story_id)
        derived = store.derived_for_story(story_id)
        observations = [observation_from_json(o) for _, found, _ in derived for o in found]
        mentions = [mention_from_json(m) for _, _, found in derived for m in found]
        store.replace_facts(story_id, build_facts(story_id, observations))
        store.replace_events(story_id, story_events(mentions))
        _keep_views(store, story_id)


def _keep_views(store: Store, story_id: str) -> None:
    """The story's whole timeline and copies as of now, stored so pages need not rebuild them."""
    title = store.story_title(story_id) or story_id
    store.save_story_view(story_id, TIMELINE_VIEW, timeline_from_store(store, story_id, title))
    store.save_story_view(story_id, COPIES_VIEW, copies_from_store(store, story_id, title))


def story_events(mentions: Iterable[EventMention]) -> list[Event]:
    """Dated events reported by at least two articles.

    Undated same-verb mentions ("kept", "asked") are too often different
    happenings to be linked on the verb alone.
    """
    events = link_events(mentions)
    return [e for e in events if e.time and _CALENDAR.match(e.time) and len({m.doc_id for m in e.mentions}) >= 2]



def _link_story_entities(store: Store, story_id: str) -> None:
    per_doc: dict[str, list] = {}
    for doc_id, entity in store.layer_for_story("entities", story_id):
        per_doc.setdefault(doc_id, []).append(entity)
    store.set_corpus_names(link_entities(per_doc.items()))


def document_observations(annotated: AnnotatedDocument) -> Iterable[Observation]:
    doc = annotated.document
    source = Source(doc.id, doc.outlet, doc.published.value)
    anonymous = {a.speaker for a in annotated.attributions if a.anonymous}
    classes = predicate_classes()
    for q in annotated.quantities:
        claim = min((c for c in annotated.claims if c.start <= q.start and q.end <= c.end),
                    key=lambda c: c.end - c.start, default=None)
        event = count_event(q, claim, classes)
        obs = from_quantity(q, source, cite(doc, annotated.sentences, q.start, q.end), event)
        if obs:
            yield obs
    for c in annotated.claims:
        obs = from_claim(c, source, cite(doc, annotated.sentences, c.start, c.end), c.speaker in anonymous)
        if obs:
            yield obs


def annotate_paths(paths: Iterable[str | Path], *, batch_size: int = 32, workers: int = 1):
    """Annotate articles without storing them: yields AnnotatedDocument or Failure."""
    documents, failures = prepare_paths(paths)
    yield from failures
    yield from annotate(refine_undated(documents), batch_size=batch_size, workers=workers)
