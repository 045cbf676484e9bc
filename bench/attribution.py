"""Attribution accuracy on PolNeAR, beside a plain "said"-pattern baseline, and speed.

Usage: python bench/attribution.py [--split dev|train] [--limit N] [--cache]

Gold: PolNeAR v1.0.0 (Newell et al., LREC 2018), brat standoff files with
Source, Cue and Content spans per attribution; an article annotated by several
annotators is scored against the first annotator (sorted by id). Metrics:

- per role (source, cue, content), span precision/recall/F1, *exact* (same
  character span once surrounding spaces, quote marks and punctuation are
  stripped) and *overlap* (at least one shared character); predicted and gold
  spans are matched one to one, largest overlap first. A discontinuous gold
  span is its pieces' covering extent; a predicted content span has the
  attribution's own source and cue cut out of it (a quote split by its cue);
- "dateline" scores top-level attributions with the span tagger
  (`dateline.annotate.span_tagger`, when the embeddings extra is installed),
  "dateline rules only" without it; "dateline +nested" adds those nested in
  another's content (`Attribution.nested_in`);
- speaker accuracy: of the predicted attributions whose content overlaps a gold
  content that has a source, the share whose source overlaps that gold source.

Speed: words/s of spaCy parse + sentences + entities + attribution on one
process, and of the dateline components alone; peak resident memory.
`--cache` keeps the spaCy parses under .cache/ for fast re-runs (no timing).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import resource
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from paths import CACHE, ROOT, unpacked

from dateline.annotate import attribution, entities, sentences, span_tagger
from dateline.annotate.pipeline import Component, Pipeline
from dateline.model import Document, PublishedDate
from dateline.nlp import load_nlp

POLNEAR = CACHE / "attribution-polnear-train-dev" / "polnear" / "data"
PARSES = ROOT / ".cache" / "bench-attribution"
ROLES = ("source", "cue", "content")
_EDGE = " \n\t.,;:!?\"'“”‘’()—–-"


@dataclass(frozen=True)
class Attr:
    """One attribution as character spans; a role may be absent."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    gold: tuple[Attr, ...]


# --- data -----------------------------------------------------------------------------


def polnear_or_skip() -> Path | None:
    """The PolNeAR directory, or None once the user has been told the bench is skipped."""
    root = unpacked(POLNEAR)
    if root is None:
        print("PolNeAR not found under ../shared/benchmarks: skipped", file=sys.stderr)
    return root


def load_split(root: Path, split: str, limit: int | None = None) -> list[Article]:
    articles = []
    for path in sorted((root / split / "text").glob("*.txt"))[:limit]:
        annotations = sorted((root / split / "attributions").glob(f"{path.stem}_*.ann"))
        gold = read_ann(annotations[0].read_text("utf-8")) if annotations else ()
        articles.append(Article(path.stem, path.read_text("utf-8"), gold))
    return articles


def read_ann(text: str) -> tuple[Attr, ...]:
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    links: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, _, offsets = fields[1].partition(" ")
            if kind in {"Source", "Cue", "Content"}:
                pieces = (tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
                spans[fields[0]] = tuple((s, e) for s, e in pieces)
        elif line.startswith("E") and len(fields) >= 2:
            links.append(dict(part.split(":", 1) for part in fields[1].split()))
    return tuple(
        Attr(*(spans.get(link.get(role.capitalize(), ""), ()) for role in ROLES))
        for link in links
        if link.get("Content") in spans
    )


# --- systems ----------------------------------------------------------------------------


def dateline_pipeline() -> Pipeline:
    return Pipeline(
        (
            Component("sentences", (), sentences.find_sentences),
            Component("entities", ("sentences",), entities.find_entities),
            Component("attributions", ("sentences", "entities"), attribution.find_attributions, attribution.prepare),
        )
    )


@contextlib.contextmanager
def rules_only():
    """The rules and learned cues without the span tagger, for the side-by-side line."""
    before = os.environ.get("DATELINE_TAGGER")
    os.environ["DATELINE_TAGGER"] = "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["DATELINE_TAGGER"]
        else:
            os.environ["DATELINE_TAGGER"] = before


def as_document(article: Article) -> Document:
    return Document(article.name, article.name, article.text, None, None, None, None, "en", PublishedDate.unknown())


def dateline_attrs(annotated, nested: bool = False) -> tuple[tuple[Attr, str], ...]:
    """Top-level attributions (what claims and the speakers view use); `nested` adds nested ones."""
    out = []
    for a in annotated.attributions:
        if a.nested_in is not None and not nested:
            continue
        source = ((a.source_start, a.source_end),) if a.source_start is not None else ()
        cue = ((a.cue_start, a.cue_end),) if a.cue_start is not None else ()
        content = _cut((a.content_start, a.content_end), source + cue)
        out.append((Attr(source, cue, content), a.speaker))
    return tuple(out)


def _cut(span: tuple[int, int], holes: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The pieces of `span` left when `holes` inside it are removed."""
    pieces = [span]
    for hole_start, hole_end in holes:
        if hole_start < span[1] and span[0] < hole_end:
            pieces = [(s, e) for start, end in pieces for s, e in cut_piece(start, end, hole_start, hole_end)]
    return tuple(pieces)


def cut_piece(start: int, end: int, hole_start: int, hole_end: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in ((start, min(end, hole_start)), (max(start, hole_end), end)) if e > s]


_SAID = re.compile(r"\b(?:said|says|told)\b")
_SOURCE_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|\b(?:he|she|they|it|officials?|sources?)\b)\s+$")
_SOURCE_AFTER = re.compile(r"^\s+((?:[A-Z][\w.'’-]*\s*){1,4}|he|she|they|it)")


def baseline_attrs(text: str, sentence_spans: Iterable[tuple[int, int]]) -> tuple[Attr, ...]:
    """A plain pattern baseline: "X said (that) ..." and "..., X said." within one sentence."""
    out = []
    for start, end in sentence_spans:
        sentence = text[start:end]
        match = _SAID.search(sentence)
        if not match:
            continue
        cue = (start + match.start(), start + match.end())
        before = _SOURCE_BEFORE.search(sentence[: match.start()])
        if before and not sentence[: before.start()].strip(" ,“”\""):
            source = (start + before.start(1), start + before.end(1))
            rest = re.match(r"\s*(?:that\s+)?", sentence[match.end() :])
            content = _strip(text, cue[1] + rest.end(), end)
        else:
            after = _SOURCE_AFTER.match(sentence[match.end() :])
            before_comma = sentence[: match.start()].rstrip()
            if before and before_comma[: before.start()].rstrip().endswith((",", "”", '"')):
                source = (start + before.start(1), start + before.end(1))
                content = _strip(text, start, start + before.start())
            elif after and before_comma.endswith((",", "”", '"')):
                source = (cue[1] + after.start(1), cue[1] + after.end(1))
                content = _strip(text, start, start + len(before_comma))
            else:
                continue
        out.append(Attr((source,), (cue,), (content,)))
    return tuple(out)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


# --- scoring ----------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _extent(pieces: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return (min(s for s, _ in pieces), max(e for _, e in pieces)) if pieces else None


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _exact(text: str, a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    ea, eb = _extent(a), _extent(b)
    return ea is not None and eb is not None and _strip(text, *ea) == _strip(text, *eb)


def match(predicted: Sequence[Attr], gold: Sequence[Attr], role: str) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs whose `role` spans overlap, largest first."""
    pairs = sorted(
        ((_overlap(getattr(p, role), getattr(g, role)), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p, used_g, out = set(), set(), []
    for size, i, j in pairs:
        if size > 0 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class Score:
    exact: dict[str, Counts]
    overlap: dict[str, Counts]
    speaker_right: int = 0
    speaker_total: int = 0

    @classmethod
    def empty(cls) -> Score:
        return cls({r: Counts() for r in ROLES}, {r: Counts() for r in ROLES})

    def add(self, text: str, predicted: Sequence[Attr], gold: Sequence[Attr]) -> None:
        for role in ROLES:
            pred_role = [p for p in predicted if getattr(p, role)]
            gold_role = [g for g in gold if getattr(g, role)]
            pairs = match(pred_role, gold_role, role)
            for counts, tp in (
                (self.overlap[role], len(pairs)),
                (self.exact[role], sum(_exact(text, getattr(pred_role[i], role), getattr(gold_role[j], role)) for i, j in pairs)),
            ):
                counts.tp += tp
                counts.predicted += len(pred_role)
                counts.gold += len(gold_role)
        for i, j in match(predicted, gold, "content"):
            if gold[j].source:
                self.speaker_total += 1
                self.speaker_right += _overlap(predicted[i].source, gold[j].source) > 0

    def lines(self, name: str) -> list[str]:
        out = []
        for kind, table in (("exact", self.exact), ("overlap", self.overlap)):
            cells = [f"{100 * v:5.1f}" for role in ROLES for v in table[role].prf()]
            out.append(f"{name:<22} {kind:<8} " + " ".join(cells))
        accuracy = 100 * self.speaker_right / self.speaker_total if self.speaker_total else 0.0
        out.append(f"{name:<22} speaker accuracy {accuracy:5.1f}% ({self.speaker_right}/{self.speaker_total} matched)")
        return out


# --- running ------------------------------------------------------------------------------


def parse(articles: Sequence[Article], split: str, cached: bool) -> tuple[list, float]:
    nlp = load_nlp()
    path = PARSES / f"{split}-{len(articles)}.spacy"
    if cached and path.exists():
        from spacy.tokens import DocBin

        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), 0.0
    start = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    seconds = time.perf_counter() - start
    if cached:
        from spacy.tokens import DocBin

        PARSES.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs, seconds


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(articles: Sequence[Article], split: str, cached: bool) -> None:
    docs, parse_seconds = parse(articles, split, cached)
    pipeline = dateline_pipeline()
    ours, with_nested, base, rules = Score.empty(), Score.empty(), Score.empty(), Score.empty()
    start = time.perf_counter()
    annotated = pipeline.annotate_parsed([as_document(a) for a in articles], docs)
    component_seconds = time.perf_counter() - start
    with rules_only():
        start = time.perf_counter()
        by_rules = pipeline.annotate_parsed([as_document(a) for a in articles], docs)
        rule_seconds = time.perf_counter() - start
    for article, result, rule_result in zip(articles, annotated, by_rules):
        ours.add(article.text, [attr for attr, _ in dateline_attrs(result)], article.gold)
        with_nested.add(article.text, [attr for attr, _ in dateline_attrs(result, nested=True)], article.gold)
        rules.add(article.text, [attr for attr, _ in dateline_attrs(rule_result)], article.gold)
        spans = [(s.start, s.end) for s in result.sentences]
        base.add(article.text, baseline_attrs(article.text, spans), article.gold)
    words = sum(len(a.text.split()) for a in articles)
    gold = sum(len(a.gold) for a in articles)
    print(f"PolNeAR {split}: {len(articles)} articles, {words} words, {gold} gold attributions (first annotator)")
    print(f"{'system':<22} {'match':<8} " + " ".join(f"{r[:4]}-{m}" for r in ROLES for m in "PRF").replace("-", " "))
    tagger = "dateline" if span_tagger.enabled() else "dateline (no tagger)"
    lines = base.lines("said-pattern baseline") + rules.lines("dateline rules only") + ours.lines(tagger)
    for line in lines + with_nested.lines(f"{tagger} +nested"):
        print(line)
    if parse_seconds:
        for name, seconds in (("with the tagger", component_seconds), ("rules only", rule_seconds)):
            total = parse_seconds + seconds
            print(f"speed {name}: parse+entities+attribution {words / total:,.0f} words/s "
                  f"({len(articles) / total:.1f} docs/s); dateline components alone {words / seconds:,.0f} words/s")
    print(f"peak memory: {peak_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--cache", action="store_true", help="reuse cached spaCy parses (no speed figures)")
    args = parser.parse_args()
    root = polnear_or_skip()
    if root is None:
        return
    load_nlp()  # model loading is start-up, not throughput
    run(load_split(root, args.split, args.limit), args.split, args.cache)


if __name__ == "__main__":
    main()
