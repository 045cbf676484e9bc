"""Trains the learned attribution-cue detector on PolNeAR train; writes data/cue_model.json.

Usage: python bench/train_cues.py [--limit N] [--min-articles K] [--dry-run] [--c C ...] [--thresholds T ...]

Candidates are the words the rules do not take as cues but that could be one
(`attribution.learned_candidate`: verbs with a content and a source, "be" with
a clause or a predicate's prepositional object, nouns with an owner or a
clause); a candidate is positive when it
overlaps a gold cue span of the first annotator. Features come from
`dateline.annotate.cue_model.features`; a feature is kept when it occurs in at
least K training articles (rare lemmas do not generalise beyond US politics).
A logistic regression is fitted; its regularisation and the probability
threshold are chosen by 5-fold cross-validation grouped by article, on train
only, maximising content-overlap F1 of the whole system while its content
precision stays at 85% or more (each fold scored end
to end with the model trained on the other folds). Dev is never read here.
Needs scikit-learn (the `embeddings` extra); the runtime does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from types import MappingProxyType

import attribution as polnear  # bench/attribution.py
from paths import ROOT

from dateline.annotate import attribution, cue_model, entities, sentences
from dateline.annotate.pipeline import Context
from dateline.model import AnnotatedDocument
from dateline.nlp import load_nlp

MODEL = ROOT / "src" / "dateline" / "data" / "cue_model.json"
FOLDS = 5
CS = (0.3, 1.0)
THRESHOLDS = tuple(t / 100 for t in range(30, 61, 5))
MIN_PRECISION = 0.85  # claims inherit every false attribution: recall is bought only down to this
MIN_WEIGHT = 0.02  # smaller weights change no decision worth keeping


def candidates(article, doc) -> list[tuple[list[str], bool]]:
    """(features, is a gold cue) of each candidate verb outside quotes."""
    quotes = attribution.quote_spans(article.text)
    gold = [span for g in article.gold for span in g.cue]
    out = []
    for token in doc:
        if any(s <= token.idx < e for s, e in quotes):
            continue
        found = attribution.learned_candidate(token)
        if found is not None:
            label = any(s < token.idx + len(token) and token.idx < e for s, e in gold)
            out.append((cue_model.features(token, *found), label))
    return out


def vocabulary(rows: list[list[tuple[list[str], bool]]], min_articles: int) -> list[str]:
    counts = Counter(f for article in rows for f in {f for feats, _ in article for f in feats})
    return sorted(f for f, n in counts.items() if n >= min_articles)


def fit(rows, vocab: list[str], c: float):
    from scipy.sparse import lil_matrix
    from sklearn.linear_model import LogisticRegression

    index = {f: i for i, f in enumerate(vocab)}
    flat = [(feats, label) for article in rows for feats, label in article]
    x = lil_matrix((len(flat), len(vocab)))
    for row, (feats, _) in enumerate(flat):
        for f in feats:
            if f in index:
                x[row, index[f]] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x.tocsr(), [label for _, label in flat])
    return cue_model.CueModel(
        {f: float(w) for f, w in zip(vocab, model.coef_[0]) if abs(w) >= MIN_WEIGHT}, float(model.intercept_[0]), 1.0
    )


def contexts(articles, docs) -> list[Context]:
    """Each article's parse with its sentences and entities, computed once."""
    out = []
    for article, doc in zip(articles, docs):
        document = polnear.as_document(article)
        layers: dict[str, tuple] = {}
        layers["sentences"] = sentences.find_sentences(Context(document, doc, MappingProxyType(dict(layers))))
        layers["entities"] = entities.find_entities(Context(document, doc, MappingProxyType(dict(layers))))
        out.append(Context(document, doc, MappingProxyType(layers)))
    return out


def end_to_end(articles, prepared: list[Context], model: cue_model.CueModel | None) -> polnear.Score:
    """Content/cue/source scores of the attribution layer with `model` as the cue model."""
    never = cue_model.CueModel({}, 0.0, 2.0)
    cue_model.load_model = lambda: model or never  # the layer reads the model through this function
    score = polnear.Score.empty()
    for article, ctx in zip(articles, prepared):
        result = AnnotatedDocument(ctx.document, attributions=attribution.find_attributions(ctx))
        score.add(article.text, [a for a, _ in polnear.dateline_attrs(result)], article.gold)
    return score


def cross_validate(
    articles, prepared, rows, min_articles: int, cs=CS, thresholds=THRESHOLDS
) -> dict[tuple[float, float], polnear.Score]:
    """End-to-end train scores per (C, threshold), each fold scored with a model trained without it."""
    scores: dict[tuple[float, float], polnear.Score] = {}
    for fold in range(FOLDS):
        held = [i for i in range(len(articles)) if i % FOLDS == fold]
        rest = [r for i, r in enumerate(rows) if i % FOLDS != fold]
        vocab = vocabulary(rest, min_articles)
        for c in cs:
            model = fit(rest, vocab, c)
            for threshold in thresholds:
                fold_model = cue_model.CueModel(model.weights, model.bias, threshold)
                part = end_to_end([articles[i] for i in held], [prepared[i] for i in held], fold_model)
                total = scores.setdefault((c, threshold), polnear.Score.empty())
                _accumulate(total, part)
        print(f"fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    return scores


def _accumulate(total: polnear.Score, part: polnear.Score) -> None:
    for table, other in ((total.exact, part.exact), (total.overlap, part.overlap)):
        for role in polnear.ROLES:
            table[role].tp += other[role].tp
            table[role].predicted += other[role].predicted
            table[role].gold += other[role].gold
    total.speaker_right += part.speaker_right
    total.speaker_total += part.speaker_total


def _objective(score: polnear.Score) -> tuple[bool, float]:
    """Content-overlap F1, among settings that keep content precision at the floor first."""
    precision, _, f1 = score.overlap["content"].prf()
    return precision >= MIN_PRECISION, f1


def line(name: str, score: polnear.Score) -> str:
    p, r, f = score.overlap["content"].prf()
    cue_p, cue_r, cue_f = score.overlap["cue"].prf()
    speaker = 100 * score.speaker_right / max(score.speaker_total, 1)
    return (f"{name:<28} content overlap {100 * p:5.1f} / {100 * r:5.1f} / {100 * f:5.1f}   "
            f"cue {100 * cue_p:5.1f} / {100 * cue_r:5.1f} / {100 * cue_f:5.1f}   speaker {speaker:5.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N train articles")
    parser.add_argument("--min-articles", type=int, default=5, help="keep features seen in at least K articles")
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only; do not write the model")
    parser.add_argument("--c", type=float, nargs="+", default=CS, help="regularisation strengths to try")
    parser.add_argument("--thresholds", type=float, nargs="+", default=THRESHOLDS, help="probability thresholds to try")
    args = parser.parse_args()
    root = polnear.polnear_or_skip()
    if root is None:
        return
    load_nlp()
    articles = polnear.load_split(root, "train", args.limit)
    docs, _ = polnear.parse(articles, "train", cached=True)
    rows = [candidates(a, d) for a, d in zip(articles, docs)]
    flat = [label for article in rows for _, label in article]
    print(f"PolNeAR train: {len(articles)} articles, {len(flat)} candidates, {sum(flat)} gold cues among them")
    prepared = contexts(articles, docs)
    print(line("rules only", end_to_end(articles, prepared, None)))
    scores = cross_validate(articles, prepared, rows, args.min_articles, tuple(args.c), tuple(args.thresholds))
    for (c, threshold), score in sorted(scores.items()):
        print(line(f"CV C={c} threshold={threshold:.2f}", score))
    (c, threshold), best = max(scores.items(), key=lambda item: _objective(item[1]))
    print(line(f"chosen C={c} threshold={threshold:.2f}", best))
    vocab = vocabulary(rows, args.min_articles)
    model = fit(rows, vocab, c)
    print(f"model: {len(model.weights)} weights of {len(vocab)} features")
    if args.dry_run:
        return
    table = {
        "about": "Learned attribution-cue detector (bench/train_cues.py): logistic regression on PolNeAR train.",
        "bias": round(model.bias, 4),
        "threshold": threshold,
        "weights": {f: round(w, 4) for f, w in sorted(model.weights.items())},
    }
    MODEL.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {MODEL} ({MODEL.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
