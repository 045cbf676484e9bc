"""Composes the per-document annotators into one pure, batched function.

`annotate(documents)` parses texts with spaCy in batches, then runs each
component in order over one `Context`. Components declare what layers they
require and which one they assign, so a pipeline built in the wrong order fails
when it is built, not halfway through a corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from dateline.errors import PipelineError
from dateline.model import AnnotatedDocument, Document, Failure

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """What a component may read: the document, its parse and earlier layers."""

    document: Document
    parsed: Any  # spacy.tokens.Doc over document.text
    layers: Mapping[str, tuple]


@dataclass(frozen=True)
class Component:
    name: str
    requires: tuple[str, ...]
    run: Callable[[Context], tuple]
    # Called with each batch's documents before any is annotated: a model that reads
    # many texts at once faster than one at a time prepares them here.
    prepare: Callable[[Sequence[Document]], None] | None = None


@dataclass(frozen=True)
class Pipeline:
    components: tuple[Component, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for component in self.components:
            missing = [r for r in component.requires if r not in seen]
            if missing:
                raise PipelineError(
                    f"component {component.name!r} requires {missing} "
                    f"but the pipeline assigns only {sorted(seen)} before it"
                )
            seen.add(component.name)

    def prepare(self, documents: Sequence[Document]) -> None:
        for component in self.components:
            if component.prepare is not None:
                component.prepare(documents)

    def annotate_parsed(
        self, documents: Sequence[Document], parsed: Sequence[Any], batch_size: int = 32
    ) -> list[AnnotatedDocument]:
        """Documents already parsed, annotated batch by batch, each batch prepared first as `annotate`
        prepares it; an error propagates (benchmarks and evaluations want it, `annotate` isolates it)."""
        out: list[AnnotatedDocument] = []
        for i in range(0, len(documents), batch_size):
            batch = documents[i : i + batch_size]
            self.prepare(batch)
            out += [self.annotate_one(d, p) for d, p in zip(batch, parsed[i : i + batch_size])]
        return out

    def annotate_one(self, document: Document, parsed: Any) -> AnnotatedDocument:
        layers: dict[str, tuple] = {}
        for component in self.components:
            ctx = Context(document, parsed, MappingProxyType(layers))
            layers[component.name] = tuple(component.run(ctx))
        return AnnotatedDocument(document=document, **layers)


def default_pipeline() -> Pipeline:
    from dateline.annotate import (
        attribution,
        claims,
        entities,
        quantities,
        sentences,
        timex,
    )

    return Pipeline(
        (
            Component("sentences", (), sentences.find_sentences),
            Component("entities", ("sentences",), entities.find_entities),
            Component("timexes", ("sentences",), timex.find_timexes),
            Component("quantities", ("entities",), quantities.find_quantities),
            Component("attributions", ("sentences", "entities"), attribution.find_attributions, attribution.prepare),
            Component(
                "claims",
                ("sentences", "entities", "timexes", "quantities", "attributions"),
                claims.find_claims,
            ),
        )
    )


def annotate(
    documents: Iterable[Document],
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = 32,
    workers: int = 1,
) -> Iterator[AnnotatedDocument | Failure]:
    """Annotate documents in batches, in input order; a document that fails yields a Failure.

    With `workers` > 1 the default pipeline runs in that many processes
    (`dateline.annotate.parallel`), worth it from a few hundred articles on.
    """
    docs = list(documents) if not isinstance(documents, list) else documents
    if workers > 1 and pipeline is None and len(docs) > batch_size:
        from dateline.annotate.parallel import annotate_in_workers

        yield from annotate_in_workers(docs, workers=workers, batch_size=batch_size)
        return
    from dateline.nlp import load_nlp

    pipeline = pipeline or default_pipeline()
    nlp = load_nlp()
    for i in range(0, len(docs), batch_size):
        batch = docs[i : i + batch_size]
        _prepare_safely(pipeline, batch)
        for document, parsed in zip(batch, nlp.pipe(d.text for d in batch)):
            yield _annotate_safely(pipeline, document, parsed)


def _prepare_safely(pipeline: Pipeline, batch: Sequence[Document]) -> None:
    try:
        pipeline.prepare(batch)
    except Exception:  # preparing only saves time: each document still annotates on its own
        logger.exception("preparing a batch of %d documents failed", len(batch))


def _annotate_safely(pipeline: Pipeline, document: Document, parsed: Any):
    try:
        return pipeline.annotate_one(document, parsed)
    except Exception as exc:  # one bad document never stops a batch
        logger.exception("annotation failed for %s", document.source)
        return Failure(document.source, "annotate", f"{type(exc).__name__}: {exc}")
