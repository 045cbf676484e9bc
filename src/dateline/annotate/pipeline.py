"""Composes the per-document annotators into one pure, batched function.

`annotate(documents)` parses texts with spaCy in batches, then runs each
component in order over one `Context`. Components declare what layers they
require and which one they assign, so a pipeline built in the wrong order fails
when it is built, not halfway through a corpus.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from dateline.annotate.budget import seconds_for, time_budget
from dateline.annotate.sentences import plain_sentences
from dateline.errors import PipelineError
from dateline.model import AnnotatedDocument, Document, Failure
from dateline.nlp import skip_exit_collection, wait_passively

logger = logging.getLogger(__name__)

ENGLISH = frozenset({"en", "und"})  # "und": too short to tell, and most input is English
MAX_ANNOTATED_CHARS = 1_000_000
PARSE_PIECE_CHARS = 100_000  # longer texts are parsed in pieces at line breaks, so memory stays bounded
AUTO_WORKERS = 0  # `workers=AUTO_WORKERS`: one process per usable core for AUTO_MIN_DOCUMENTS or more
AUTO_MIN_DOCUMENTS = 64  # fewer do not pay for starting the workers and loading their models (5-7 s)
MAX_AUTO_WORKERS = 8  # each worker loads its own models (about 0.8 GB with the tagger)


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
            out += [self.annotate_one(d, p, isolate=False) for d, p in zip(batch, parsed[i : i + batch_size])]
        return out

    def annotate_one(self, document: Document, parsed: Any, *, isolate: bool = True) -> AnnotatedDocument:
        """Every layer of one document. With `isolate`, a component that raises or runs past its time
        budget leaves its layer empty and a problem noted, and the later components still run."""
        layers: dict[str, tuple] = {}
        problems: list[str] = []
        for component in self.components:
            ctx = Context(document, parsed, MappingProxyType(layers))
            if not isolate:
                layers[component.name] = tuple(component.run(ctx))
                continue
            try:
                with time_budget(seconds_for(document.text)):
                    layers[component.name] = tuple(component.run(ctx))
            except Exception as exc:  # one layer never costs the document its other layers
                logger.info("%s failed on %s: %s", component.name, document.source, exc, exc_info=True)
                layers[component.name] = ()
                problems.append(f"{component.name}: {_cause(exc)}")
        return AnnotatedDocument(document=document, **layers, problems=tuple(problems))


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
    expected: int | None = None,
) -> Iterator[AnnotatedDocument | Failure]:
    """Annotate documents in batches, in input order, reading `documents` lazily; a document
    that fails as a whole yields a Failure.

    With `workers` > 1 the default pipeline runs in that many processes
    (`dateline.annotate.parallel`), worth it from two batches on; `AUTO_WORKERS` (0) takes
    one per core this process may use (`usable_cores`) when the input holds more than one batch
    and `AUTO_MIN_DOCUMENTS` documents, else annotates in this process.
    A document not in English, or too long to be one article, is annotated only by
    what is language-neutral (its sentences): see `unannotated_reason`. `expected`, about how
    many documents there are when the caller knows, lets the workers start loading before the
    first batch is read.
    """
    wait_passively()  # before anything in this process (a later linking step too) or its workers imports torch
    skip_exit_collection()  # what annotating and linking import makes the interpreter's shutdown slow
    if pipeline is None and _workers_likely(workers, expected):
        from dateline.annotate.parallel import start_early

        start_early()
    batches = batched(documents, batch_size)
    ahead = list(itertools.islice(batches, 2))
    if workers == AUTO_WORKERS:
        while sum(map(len, ahead)) < AUTO_MIN_DOCUMENTS and (more := next(batches, None)):
            ahead.append(more)
        enough = len(ahead) > 1 and sum(map(len, ahead)) >= AUTO_MIN_DOCUMENTS
        workers = min(usable_cores(), MAX_AUTO_WORKERS) if enough else 1
    batches = itertools.chain(ahead, batches)
    if workers > 1 and pipeline is None and len(ahead) > 1:
        from dateline.annotate.parallel import annotate_in_workers

        for results in annotate_in_workers(batches, workers=workers):
            yield from results
        return
    pipeline = pipeline or default_pipeline()
    for batch in batches:
        yield from annotate_batch(pipeline, batch)


def _workers_likely(workers: int, expected: int | None) -> bool:
    if workers == AUTO_WORKERS:
        return (expected or 0) >= AUTO_MIN_DOCUMENTS and usable_cores() > 1
    return workers > 1


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, else every core)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def annotate_batch(pipeline: Pipeline, batch: Sequence[Document]) -> list[AnnotatedDocument | Failure]:
    """One batch: the documents to annotate fully are prepared and parsed together; results in input order."""
    full = [d for d in batch if unannotated_reason(d) is None]
    _prepare_safely(pipeline, full)
    parsed = dict(zip((d.id for d in full), _parse_all([d.text for d in full])))
    out: list[AnnotatedDocument | Failure] = []
    for document in batch:
        if unannotated_reason(document) is not None:
            out.append(AnnotatedDocument(document=document, sentences=plain_sentences(document.text)))
        elif isinstance(parsed.get(document.id), Exception):
            out.append(Failure(document.source, "parse", _cause(parsed[document.id])))
        else:
            out.append(_annotate_safely(pipeline, document, parsed[document.id]))
    return out


def unannotated_reason(document: Document) -> str | None:
    """Why the English annotators must not read this document, or None when they may.

    The spaCy model and every rule are English: another language is stored with its sentences only,
    never read as English. A text longer than MAX_ANNOTATED_CHARS is not one article (a dump of many):
    it is stored and searchable, and annotating it would take gigabytes.
    """
    if document.language not in ENGLISH:
        return f"not annotated: its language is {document.language}, and the annotators read English only"
    if len(document.text) > MAX_ANNOTATED_CHARS:
        return (f"not annotated: {len(document.text):,} characters is more than one article "
                f"(the limit is {MAX_ANNOTATED_CHARS:,}); split it into articles to annotate it")
    return None


def batched(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _parse_all(texts: list[str]) -> list[Any]:
    """spaCy parses of `texts`, in order; a text the parser fails on gets the exception instead."""
    from dateline.nlp import load_nlp, parse_long

    nlp = load_nlp()
    short = [t for t in texts if len(t) <= PARSE_PIECE_CHARS]
    try:
        parsed_short = iter(list(nlp.pipe(short)))
    except Exception:  # one text broke the batch: parse each on its own to find it
        logger.info("parsing a batch failed; parsing its texts one at a time", exc_info=True)
        parsed_short = iter([_parse_one(nlp, t) for t in short])
    return [next(parsed_short) if len(t) <= PARSE_PIECE_CHARS else _parse_one(nlp, t, parse_long) for t in texts]


def _parse_one(nlp: Any, text: str, parse: Callable[..., Any] | None = None) -> Any:
    try:
        return parse(nlp, text, PARSE_PIECE_CHARS) if parse else nlp(text)
    except Exception as exc:  # recorded as the document's failure
        return exc


def _prepare_safely(pipeline: Pipeline, batch: Sequence[Document]) -> None:
    if not batch:
        return
    try:
        pipeline.prepare(batch)
    except Exception:  # preparing only saves time: each document still annotates on its own
        logger.info("preparing a batch of %d documents failed", len(batch), exc_info=True)


def _annotate_safely(pipeline: Pipeline, document: Document, parsed: Any):
    try:
        return pipeline.annotate_one(document, parsed)
    except Exception as exc:  # one bad document never stops a batch
        logger.info("annotation failed for %s", document.source, exc_info=True)
        return Failure(document.source, "annotate", _cause(exc))


def _cause(exc: BaseException) -> str:
    """A short, printable cause: the error's type and first line, at most 200 characters."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"
