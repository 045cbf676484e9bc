"""Train and measure the contextual attribution span tagger on PolNeAR train.

Usage: python bench/train_tagger.py [--epochs N] [--layers N] [--reuse] [--write] [--speed] [--cache-dir DIR]

Units are paragraphs (lines), read by the frozen MiniLM encoder in windows of
at most 256 word pieces; its hidden states (layers `span_tagger.LAYERS`) are
cached once under --cache-dir, then a small head (projection + BiLSTM) learns
three independent BIO layers, one per role (source, cue, content; gold
contents as their covering extent, the outer span winning where two of one role
nest). Model selection uses only a held-out slice of train: the articles whose
index in sorted order is a multiple of 10; the head trains on the rest. PolNeAR
dev is never read. On the held-out slice, with bench/attribution.py's matching,
it prints (a) the tagger alone (each content span an attribution with the
nearest tagged cue and source of its paragraph), (b) the rules alone (cached
parses of all 840 train articles), (c) the union: rules plus every tagger
content overlapping no rule content, (d) that union keeping only tagger
contents above a confidence threshold chosen on the same held-out slice, and
(e) the reverse: confident tagger attributions plus every rule attribution
whose content overlaps none of theirs.
The encoder runs in `span_tagger._precision` (bfloat16 where the CPU computes it natively;
`DATELINE_ENCODER=float32` to choose): the shipped head was trained on float32 features and
gives the same PolNeAR dev figures on bfloat16 ones (docs/performance.md). A --cache-dir
holds features of one precision; use another folder for the other.
`--write` saves the head as src/dateline/data/attribution_tagger.npz (float16);
`--speed` times `span_tagger.tag()` on the held-out slice with 1 and 2 threads.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import (  # noqa: E402
    Article,
    Attr,
    Score,
    _cut,
    _overlap,
    as_document,
    dateline_attrs,
    dateline_pipeline,
    load_split,
    parse,
    peak_mb,
    polnear_or_skip,
    rules_only,
)
from paths import ROOT  # noqa: E402

from dateline.annotate import span_tagger  # noqa: E402
from dateline.annotate.span_tagger import ROLES, TaggedSpan, Unit  # noqa: E402

WEIGHTS = ROOT / "src" / "dateline" / "data" / "attribution_tagger.npz"
CHUNK = 40  # articles encoded per cache file


# --- data -----------------------------------------------------------------------------


def held_out(index: int) -> bool:
    return index % 10 == 0


def encoded(articles: Sequence[Article], cache: Path) -> list[list[Unit]]:
    """Encoder features of every article's paragraphs, computed once and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    out: list[list[Unit]] = []
    for c in range(0, len(articles), CHUNK):
        path = cache / f"units-{c:04d}.pkl"
        if not path.exists():
            start = time.perf_counter()
            units = span_tagger.encode([a.text for a in articles[c : c + CHUNK]])
            path.write_bytes(pickle.dumps(units, protocol=5))
            print(f"encoded articles {c}-{c + CHUNK}: {time.perf_counter() - start:.0f} s", flush=True)
        out.extend(pickle.loads(path.read_bytes()))
    return out


def gold_spans(gold: Sequence[Attr], role: str) -> list[tuple[int, int]]:
    """A role's gold spans: contents as their covering extent, sources and cues piece by piece."""
    if role == "content":
        return [(min(s for s, _ in g.content), max(e for _, e in g.content)) for g in gold if g.content]
    return [piece for g in gold for piece in getattr(g, role)]


def labels(unit: Unit, gold: Sequence[Attr]) -> np.ndarray:
    """(n, roles) BIO tags; of nested spans of one role the longer one is kept."""
    tags = np.zeros((len(unit.offsets), len(ROLES)), np.int64)
    starts, ends = unit.offsets[:, 0], unit.offsets[:, 1]
    for r, role in enumerate(ROLES):
        for s, e in sorted(gold_spans(gold, role), key=lambda span: span[0] - span[1]):
            inside = np.flatnonzero((starts < e) & (ends > s))
            if len(inside) and not tags[inside, r].any():
                tags[inside, r] = 2
                tags[inside[0], r] = 1
    return tags


# --- training -------------------------------------------------------------------------------


def batches(items: list[tuple[np.ndarray, np.ndarray]], size: int, rng: np.random.Generator):
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def train(train_items, held_units, held_articles, epochs: int, layers: int, seed: int = 0):
    """Train the head; keep the epoch with the best held-out content overlap F1 (tagger alone)."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    head = span_tagger.build_head(train_items[0][0].shape[1], 256, 128, layers)
    optimizer = torch.optim.Adam(head.parameters(), lr=1e-3)
    best, best_state = -1.0, None
    for epoch in range(epochs):
        head.train()
        start = time.perf_counter()
        total = sum(step(head, optimizer, [train_items[i] for i in group]) for group in batches(train_items, 16, rng))
        head.eval()
        f1 = content_f1(head, held_units, held_articles)
        print(f"epoch {epoch + 1}: loss {total:.1f}, held-out content F1 {100 * f1:.1f}, "
              f"{time.perf_counter() - start:.0f} s", flush=True)
        if f1 > best:
            best, best_state = f1, {k: v.detach().clone() for k, v in head.state_dict().items()}
    head.load_state_dict(best_state)
    return head.eval()


def step(head, optimizer, items: Sequence[tuple[np.ndarray, np.ndarray]]) -> float:
    """One update on a batch of paragraphs, padded; padding carries no loss."""
    import torch

    longest = max(len(feats) for feats, _ in items)
    x = torch.zeros((len(items), longest, items[0][0].shape[1]))
    y = torch.full((len(items), longest, len(ROLES)), -100, dtype=torch.long)
    for row, (feats, tags) in enumerate(items):
        x[row, : len(feats)] = torch.from_numpy(feats.astype(np.float32))
        y[row, : len(tags)] = torch.from_numpy(tags)
    loss = torch.nn.functional.cross_entropy(head(x).reshape(-1, 3), y.reshape(-1), ignore_index=-100)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def content_f1(head, held_units, held_articles: Sequence[Article]) -> float:
    score = Score.empty()
    for article, spans in zip(held_articles, tagged(head, held_units)):
        score.add(article.text, tagger_attrs(article.text, spans), article.gold)
    return score.overlap["content"].prf()[2]


def tagged(head, units_per_article: Sequence[Sequence[Unit]]) -> list[list[TaggedSpan]]:
    out = []
    for units in units_per_article:
        probs = span_tagger.probabilities(head, units)
        out.append([s for unit, p in zip(units, probs) for s in span_tagger.decode(unit, p)])
    return out


# --- attributions from spans -------------------------------------------------------------------


def tagger_attrs(text: str, spans: Sequence[TaggedSpan], threshold: float = 0.0) -> list[Attr]:
    """`span_tagger.attributions` as scorer records; the content has its own cue and source cut out."""
    out = []
    for found in span_tagger.attributions(text, spans, threshold):
        source = ((found.source.start, found.source.end),) if found.source else ()
        cue = ((found.cue.start, found.cue.end),) if found.cue else ()
        pieces = _cut((found.content.start, found.content.end), source + cue)
        if pieces:
            out.append(TaggedAttr(source, cue, pieces, found.content.score))
    return out


@dataclass(frozen=True)
class TaggedAttr(Attr):
    """An attribution from tagged spans, with its content span's confidence."""

    score: float = 1.0


def union(first: Sequence[Attr], second: Sequence[Attr]) -> list[Attr]:
    """All of `first` plus every attribution of `second` whose content overlaps none of theirs."""
    return [*first, *(t for t in second if not any(_overlap(t.content, f.content) for f in first))]


def confident(tagger: Sequence[TaggedAttr], threshold: float) -> list[TaggedAttr]:
    return [t for t in tagger if t.score >= threshold]


def report(name: str, articles: Sequence[Article], systems: Sequence[Sequence[Attr]]) -> Score:
    score = Score.empty()
    for article, predicted in zip(articles, systems):
        score.add(article.text, predicted, article.gold)
    cells = "  ".join(
        "/".join(f"{100 * v:.1f}" for v in score.overlap[role].prf()) for role in ROLES
    )
    print(f"{name:<34} {cells}   speaker {100 * score.speaker_right / max(score.speaker_total, 1):.1f}%")
    return score


# --- running ------------------------------------------------------------------------------------


def evaluate(head, articles: Sequence[Article], held: list[int], held_units) -> None:
    held_articles = [articles[i] for i in held]
    docs, _ = parse(articles, "train", cached=True)
    with rules_only():  # the shipped tagger would otherwise join the rules' line
        annotated = dateline_pipeline().annotate_parsed([as_document(articles[i]) for i in held], [docs[i] for i in held])
    rules = [[a for a, _ in dateline_attrs(result)] for result in annotated]
    spans = tagged(head, held_units)
    tagger = [tagger_attrs(a.text, s) for a, s in zip(held_articles, spans)]
    print(f"held-out slice: {len(held)} articles, {sum(len(a.gold) for a in held_articles)} gold attributions; "
          "overlap P/R/F1 for source, cue, content")
    report("(a) tagger alone", held_articles, tagger)
    report("(b) rules alone", held_articles, rules)
    report("(c) union", held_articles, [union(r, t) for r, t in zip(rules, tagger)])
    best = max(
        (report(f"(d) union, tagger score >= {th:.2f}", held_articles,
                [union(r, confident(t, th)) for r, t in zip(rules, tagger)]).overlap["content"].prf()[2], th)
        for th in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
    )
    print(f"best threshold on the held-out slice: {best[1]:.2f} (content F1 {100 * best[0]:.1f})")
    for th in (0.6, 0.7, 0.8):
        report(f"(e) tagger >= {th:.2f}, then rules", held_articles,
               [union(confident(t, th), r) for r, t in zip(rules, tagger)])


def save(head, path: Path) -> None:
    arrays = {k: v.numpy().astype(np.float16) for k, v in head.state_dict().items()}
    np.savez_compressed(path, **arrays)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


def speed(held_articles: Sequence[Article]) -> None:
    import torch

    texts = [a.text for a in held_articles]
    words = sum(len(t.split()) for t in texts)
    span_tagger.tag(texts[:1])  # loading is start-up, not throughput
    for threads in (1, 2):
        torch.set_num_threads(threads)
        start = time.perf_counter()
        span_tagger.tag(texts)
        seconds = time.perf_counter() - start
        print(f"tag() with {threads} thread(s): {words / seconds:,.0f} words/s ({len(texts) / seconds:.1f} docs/s)")
    print(f"peak memory: {peak_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/tagger/cache"))
    parser.add_argument("--write", action="store_true", help="save the head as data/attribution_tagger.npz")
    parser.add_argument("--layers", type=int, default=2, help="BiLSTM layers of the head")
    parser.add_argument("--reuse", action="store_true", help="evaluate the head saved by the last training run")
    parser.add_argument("--speed", action="store_true", help="only time tag() with the shipped weights")
    args = parser.parse_args()
    root = polnear_or_skip()
    if root is None:
        return
    import torch

    articles = load_split(root, "train")
    held = [i for i in range(len(articles)) if held_out(i)]
    if args.speed:
        speed([articles[i] for i in held])
        return
    torch.set_num_threads(1)
    units = encoded(articles, args.cache_dir)
    train_items = [
        (unit.features, labels(unit, articles[i].gold))
        for i in range(len(articles)) if not held_out(i) for unit in units[i]
    ]
    saved = args.cache_dir / f"head-{args.layers}.pt"
    if args.reuse and saved.exists():
        head = span_tagger.build_head(train_items[0][0].shape[1], 256, 128, args.layers)
        head.load_state_dict(torch.load(saved))
        head.eval()
    else:
        start = time.perf_counter()
        head = train(train_items, [units[i] for i in held], [articles[i] for i in held], args.epochs, args.layers)
        print(f"training: {time.perf_counter() - start:.0f} s on one thread, {len(train_items)} paragraphs")
        torch.save(head.state_dict(), saved)
    evaluate(head, articles, held, [units[i] for i in held])
    if args.write:
        save(head, WEIGHTS)
    print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
