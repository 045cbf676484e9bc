"""Story clustering and cross-document event coreference on ECB+, and a stream's speed.

Usage: python bench/stories.py [--part docs,events,stream,time] [--seed 0] [--stream 10000]
                              [--check 2000] [--seeds 4]

docs:   every ECB+ document of topics 1-35 (its annotated text) is placed one at a
        time, in a seeded random order, by dateline's story linker as an ingest or
        `dateline restory` does (nearest articles, split stories joined, then the stories
        an ingest touched split where their articles fall into groups apart:
        `StoryLinker.consolidate`), as one ingest, as ingests of 32 and of one article;
        also without the split and by the story-signature linker (before);
        the stories are scored against the gold sub-topics (topic x ecb/ecbplus)
        with B-cubed P/R/F1, homogeneity and completeness.
events: gold event mentions (ACTION_* and NEG_ACTION_* markables) in the
        annotated sentences of ECBplus_coreference_sentences.csv, linked by
        dateline.link.events inside (a) the predicted stories, (b) the gold
        sub-topics; plus the same-lemma baseline. Scored with MUC, B3, CEAF-e and
        CoNLL F1 (their mean), singletons included. Mentions are GOLD mentions.
stream: 10,000 articles synthesised from ECB+ and Timeline17 texts (sentence
        windows of each text), placed one at a time by the nearest-article linker
        (`StoryLinker`, no joining): articles/s, words/s and peak memory (resident set
        of this process, measured before spaCy loads), then every story split as at the
        end of one ingest (its time); the first --check articles also
        go through a linker that scores every candidate article, to count how often the
        index's pruning changes the story chosen.
baselines: the same ECB+ documents clustered by TF-IDF (sublinear, English stop
        words) and entity TF-IDF (entity names added as tokens), average-linkage
        agglomerative on cosine distance; the distance cut is chosen leave-one-topic-out
        (best B3 F1 on the other 34 topics, scored on the held-out one) and also tuned
        on all topics. Then dateline's placing threshold and split threshold (one
        ingest), chosen the same two ways over one seeded order.
time:   the 1,025 dated Timeline17 articles (4 topics), clustered with and without
        the time rule, the joining of split stories and the split (as one ingest and
        as ingests of 100), and by the story-signature linker it replaced, scored
        against the topics (B3, homogeneity, completeness).
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dateline.annotate.timex import tag
from dateline.corpus import _join_split_stories
from dateline.link import stories
from dateline.link.events import EventMention, link_events

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
CACHE = ROOT / ".cache" / "benchmarks"
ECB = CACHE / "events-ecbplus-topics1-35" / "ecbplus"
T17 = CACHE / "timelines-t17-dev" / "tls" / "llm-tls-copy" / "Dataset" / "T17"
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}


@dataclass
class EcbDoc:
    name: str
    subtopic: str
    offsets: dict[str, tuple[int, int]]  # t_id -> char span in text
    sentence_of: dict[str, int]  # t_id -> sentence number
    text: str
    mentions: list[tuple[str, list[str], str]]  # (m_id, t_ids, gold cluster)


def ensure_data(path: Path) -> bool:
    if not path.exists() and (SHARED / "unpack").exists():
        subprocess.run(["bash", str(SHARED / "unpack"), str(CACHE)], check=True, capture_output=True)
    return path.exists()


def read_ecb() -> list[EcbDoc]:
    annotated: set[tuple[str, int]] = set()
    with open(ECB / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            annotated.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    docs = [_read_doc(p, annotated) for p in sorted((ECB / "ECB+").glob("*/*.xml"))]
    return [d for d in docs if d.text]


def _read_doc(path: Path, annotated: set[tuple[str, int]]) -> EcbDoc:
    root = ET.parse(path).getroot()
    name = path.stem
    text, offsets, sentence_of = [], {}, {}
    cursor, last_sentence = 0, None
    for tok in root.iter("token"):
        sentence = int(tok.get("sentence"))
        if last_sentence is not None and sentence != last_sentence:
            text.append("\n")
            cursor += 1
        elif text:
            text.append(" ")
            cursor += 1
        word = tok.text or ""
        offsets[tok.get("t_id")] = (cursor, cursor + len(word))
        text.append(word)
        cursor += len(word)
        sentence_of[tok.get("t_id")] = sentence
        last_sentence = sentence
    topic, kind = name.split("_")[0], ("ecbplus" if name.endswith("ecbplus") else "ecb")
    return EcbDoc(name, f"{topic}-{kind}", offsets, sentence_of, "".join(text),
                  _mentions(root, name, annotated, sentence_of))


def _mentions(root, name: str, annotated, sentence_of) -> list[tuple[str, list[str], str]]:
    """Event mentions in the annotated sentences, each with its gold cluster."""
    cluster: dict[str, str] = {}
    instances = {m.get("m_id"): m.get("instance_id") for m in root.find("Markables") if m.get("instance_id")}
    for rel in root.find("Relations") or []:
        target = rel.find("target").get("m_id")
        key = rel.get("note") or instances.get(target) or f"{name}:{target}"
        if rel.tag == "INTRA_DOC_COREF":
            key = f"{name}:{target}"
        for src in rel.findall("source"):
            cluster[src.get("m_id")] = key
    out = []
    for m in root.find("Markables"):
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if "ACTION" not in m.tag or not anchors or (name, sentence_of[anchors[0]]) not in annotated:
            continue
        out.append((m.get("m_id"), anchors, cluster.get(m.get("m_id"), f"{name}:{m.get('m_id')}")))
    return out


# --- clustering metrics -----------------------------------------------------


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    g, p = _clusters(gold), _clusters(pred)
    prec = sum(len(p[pred[x]] & g[gold[x]]) / len(p[pred[x]]) for x in gold) / len(gold)
    rec = sum(len(p[pred[x]] & g[gold[x]]) / len(g[gold[x]]) for x in gold) / len(gold)
    return prec, rec, _f(prec, rec)


def homogeneity_completeness(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    n = len(gold)
    joint = Counter((gold[x], pred[x]) for x in gold)
    g, p = Counter(gold.values()), Counter(pred.values())
    h_g = -sum(c / n * math.log(c / n) for c in g.values())
    h_p = -sum(c / n * math.log(c / n) for c in p.values())
    h_g_given_p = -sum(c / n * math.log(c / p[b]) for (a, b), c in joint.items())
    h_p_given_g = -sum(c / n * math.log(c / g[a]) for (a, b), c in joint.items())
    return (1 - h_g_given_p / h_g if h_g else 1.0), (1 - h_p_given_g / h_p if h_p else 1.0)


def muc(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    def score(key: dict[str, str], response: dict[str, str]) -> float:
        num = den = 0
        for members in _clusters(key).values():
            parts = {response.get(m, ("single", m)) for m in members}
            num += len(members) - len(parts)
            den += len(members) - 1
        return num / den if den else 0.0

    r, p = score(gold, pred), score(pred, gold)
    return p, r, _f(p, r)


def ceaf_e(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    g, p = list(_clusters(gold).values()), list(_clusters(pred).values())
    index = {m: j for j, members in enumerate(p) for m in members}
    sim = np.zeros((len(g), len(p)))
    for i, members in enumerate(g):
        for m in members:
            j = index[m]
            sim[i, j] += 1
    sizes_g = np.array([len(x) for x in g])[:, None]
    sizes_p = np.array([len(x) for x in p])[None, :]
    phi = 2 * sim / (sizes_g + sizes_p)
    rows, cols = linear_sum_assignment(-phi)
    total = phi[rows, cols].sum()
    prec, rec = total / len(p), total / len(g)
    return prec, rec, _f(prec, rec)


def _clusters(assign: dict[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for x, c in assign.items():
        out[c].add(x)
    return out


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- the parts ------------------------------------------------------------------


def new_linker(threshold: float = stories.NEAR_THRESHOLD, nearest: int = stories.NEAREST,
               split: float | None = stories.SPLIT_THRESHOLD) -> stories.StoryLinker:
    return stories.StoryLinker(stories.StoryIndex({}), stories.ArticleIndex({}, 0), {},
                               threshold=threshold, nearest=nearest, split=split)


def link_stream(items, linker: stories.StoryLinker, join: bool = True, ingest: int | None = None) -> dict[str, str]:
    """Place (id, term counts, day) items as ingests of `ingest` articles (None: one ingest) do, with
    `dateline.corpus.place_in_stories`'s steps: each article placed, its story joined with the stories
    it should be one with, then the stories the ingest touched split (`consolidate`; the linker's
    `split` None: never). Story of each id."""
    items = list(items)
    size = ingest or max(len(items), 1)
    for start in range(0, len(items), size):
        touched: set[str] = set()
        for doc_id, counts, day in items[start:start + size]:
            story = linker.assign(doc_id, counts, day).story_id
            touched |= _join_split_stories(linker.stories, linker.story_of, story) if join else {story}
        linker.consolidate(touched & linker.stories.signatures.keys())
    return dict(linker.story_of)


def cluster_docs(docs: list[EcbDoc], names: dict[str, list[str]], seed: int, threshold: float = stories.NEAR_THRESHOLD,
                 nearest: int = stories.NEAREST, split: float | None = stories.SPLIT_THRESHOLD,
                 ingest: int | None = None) -> dict[str, str]:
    order = list(docs)
    random.Random(seed).shuffle(order)
    items = [(d.name, stories.term_counts(d.text, names[d.name]), None) for d in order]
    return link_stream(items, new_linker(threshold, nearest, split), ingest=ingest)


def cluster_docs_by_signature(docs: list[EcbDoc], names: dict[str, list[str]], seed: int) -> dict[str, str]:
    """The linker before nearest articles: each article joins the most similar story signature."""
    return link_by_signature(docs, names, seed)[1]


def link_by_signature(docs: list[EcbDoc], names: dict[str, list[str]],
                      seed: int) -> tuple[stories.StoryIndex, dict[str, str]]:
    """The signature linker's index (its story signatures) and the story of each document."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    index = stories.StoryIndex({})
    story_of: dict[str, str] = {}
    for d in order:
        story_of[d.name] = index.assign(d.name, stories.document_terms(d.text, names[d.name])).story_id
        _join_split_stories(index, story_of, story_of[d.name])
    return index, story_of


THRESHOLDS = [0.22, 0.26, 0.3]
SPLITS = [None, 0.26, 0.3, 0.34, 0.38, 0.42]


def tune_linker(docs, names, seed: int) -> None:
    """Placing threshold and split threshold (None: no split) of the linker, as one ingest: tuned on
    all topics, and chosen leave-one-topic-out (best B3 F1 on the other 34 topics, scored on the
    held-out one)."""
    gold = {d.name: d.subtopic for d in docs}
    topic = {d.name: d.subtopic.split("-")[0] for d in docs}
    grid = [(t, split) for t in THRESHOLDS for split in SPLITS]
    per = {(t, split): _per_item(gold, cluster_docs(docs, names, seed, t, stories.NEAREST, split))
           for t, split in grid}
    tuned = max(grid, key=lambda c: _mean_f(per[c], gold))
    held: dict[str, tuple[float, float]] = {}
    chosen: Counter = Counter()
    for t in sorted(set(topic.values())):
        rest = [x for x in gold if topic[x] != t]
        best = max(grid, key=lambda c: _mean_f(per[c], rest))
        chosen[best] += 1
        held.update({x: per[best][x] for x in gold if topic[x] == t})
    for name, items in [(f"tuned (threshold {tuned[0]}, split {tuned[1]})", per[tuned]), ("leave-one-topic-out", held)]:
        p = sum(v[0] for v in items.values()) / len(items)
        r = sum(v[1] for v in items.values()) / len(items)
        print(f"  {'dateline':<14} {name:<34} B3 P {p:.3f} R {r:.3f} F1 {_f(p, r):.3f}")
    print("  held-out choices (threshold, split): " + ", ".join(f"{c} x{n}" for c, n in chosen.most_common()))
    for t in THRESHOLDS:
        curve = "  ".join(f"{split}:{_mean_f(per[(t, split)], gold):.3f}" for split in SPLITS)
        print(f"  B3 F1 by split (threshold {t}): {curve}")


def run_baselines(docs, names) -> None:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer

    gold = {d.name: d.subtopic for d in docs}
    topic = {d.name: d.subtopic.split("-")[0] for d in docs}
    cuts = [round(0.5 + 0.02 * i, 2) for i in range(25)]
    for label, with_names in [("TF-IDF", False), ("entity TF-IDF", True)]:
        texts = [d.text + ("\n" + " ".join("ent_" + "_".join(n.lower().split()) for n in names[d.name])
                           if with_names else "") for d in docs]
        vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english",
                                  token_pattern=r"(?u)\b\w[\w_]+\b").fit_transform(texts).toarray()
        tree = linkage(np.nan_to_num(pdist(vectors, "cosine"), nan=1.0), "average")
        per_cut = {c: _per_item(gold, {d.name: str(k) for d, k in zip(docs, fcluster(tree, c, "distance"))})
                   for c in cuts}
        tuned = max(cuts, key=lambda c: _mean_f(per_cut[c], gold))
        held: dict[str, tuple[float, float]] = {}
        for t in sorted(set(topic.values())):
            rest = [x for x in gold if topic[x] != t]
            cut = max(cuts, key=lambda c: _mean_f(per_cut[c], rest))
            held.update({x: per_cut[cut][x] for x in gold if topic[x] == t})
        for name, items in [(f"tuned (cut {tuned})", per_cut[tuned]), ("leave-one-topic-out", held)]:
            p = sum(v[0] for v in items.values()) / len(items)
            r = sum(v[1] for v in items.values()) / len(items)
            print(f"  {label:<14} {name:<22} B3 P {p:.3f} R {r:.3f} F1 {_f(p, r):.3f}")


def _per_item(gold: dict[str, str], pred: dict[str, str]) -> dict[str, tuple[float, float]]:
    g, p = _clusters(gold), _clusters(pred)
    return {x: (len(p[pred[x]] & g[gold[x]]) / len(p[pred[x]]), len(p[pred[x]] & g[gold[x]]) / len(g[gold[x]]))
            for x in gold}


def _mean_f(items: dict[str, tuple[float, float]], keys) -> float:
    keys = list(keys)
    return _f(sum(items[x][0] for x in keys) / len(keys), sum(items[x][1] for x in keys) / len(keys))


def run_docs(docs, names, seed: int) -> dict[str, str]:
    """Every way of placing the documents, scored; returns the shipped one's stories (for the events part)."""
    gold = {d.name: d.subtopic for d in docs}
    topics = {d.name: d.subtopic.split("-")[0] for d in docs}
    print(f"documents {len(docs)}, gold sub-topics {len(set(gold.values()))}, seed {seed}")
    shipped: dict[str, str] = {}
    near = f"nearest articles (threshold {stories.NEAR_THRESHOLD}, k {stories.NEAREST})"
    split = f"split {stories.SPLIT_THRESHOLD}"
    for label, cluster in [
        ("story signatures (before)", cluster_docs_by_signature),
        (f"{near}, no split (before)", lambda d, n, s: cluster_docs(d, n, s, split=None)),
        (f"{near}, {split}, one ingest (shipped; restory)", cluster_docs),
        (f"{near}, {split}, ingests of 32", lambda d, n, s: cluster_docs(d, n, s, ingest=32)),
        (f"{near}, {split}, an ingest per article", lambda d, n, s: cluster_docs(d, n, s, ingest=1)),
    ]:
        started = time.perf_counter()
        pred = cluster(docs, names, seed)
        took = time.perf_counter() - started
        p, r, f = bcubed(gold, pred)
        h, c = homogeneity_completeness(gold, pred)
        tp, tr, tf = bcubed(topics, pred)
        print(f"  {label}: {len(set(pred.values()))} stories ({took:.2f} s)")
        print(f"    vs sub-topics: B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  homogeneity {h:.3f} completeness {c:.3f}")
        print(f"    vs topics:     B3 P {tp:.3f} R {tr:.3f} F1 {tf:.3f}")
        shipped = pred if "shipped" in label else shipped
    return shipped


def parse_docs(docs: list[EcbDoc]):
    from dateline.nlp import load_nlp

    nlp = load_nlp()
    parsed = {}
    for d, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
        parsed[d.name] = doc
    return parsed


def event_mentions(d: EcbDoc, doc) -> list[tuple[EventMention, str]]:
    out = []
    sentences = list(doc.sents)
    for _m_id, anchors, gold in d.mentions:
        start, end = d.offsets[anchors[0]][0], d.offsets[anchors[-1]][1]
        span = doc.char_span(start, end, alignment_mode="expand")
        head = span.root if span is not None else None
        sentence = next((s for s in sentences if s.start_char <= start < s.end_char), None)
        who = tuple(sorted({e.text.lower() for e in (sentence.ents if sentence else ()) if e.label_ in ENTITY_LABELS
                            and e.label_ not in {"GPE", "LOC", "FAC"}}))
        places = [e.text.lower() for e in (sentence.ents if sentence else ()) if e.label_ in {"GPE", "LOC", "FAC"}]
        times = [t.value for t in tag(sentence.text, None)] if sentence is not None else []
        times = [t for t in times if t[:4].isdigit()]
        lemma = head.lemma_.lower() if head is not None else d.text[start:end].lower()
        out.append((EventMention(d.name, start, end, d.text[start:end], lemma, who,
                                 places[0] if places else None, times[0] if times else None), gold))
    return out


def run_events(docs, parsed, predicted: dict[str, str]) -> None:
    pairs = [pair for d in docs for pair in event_mentions(d, parsed[d.name])]
    gold = {_mid(m): g for m, g in pairs}
    mentions = [m for m, _ in pairs]
    subtopics = {d.name: d.subtopic for d in docs}
    print(f"event mentions (gold) {len(mentions)}, gold events {len(set(gold.values()))}")
    print(f"  {'setting':<52} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}")
    undated = [replace(m, time=None) for m in mentions]
    for label, groups, linker in [
        ("same lemma, predicted stories", predicted, _lemma_baseline),
        ("dateline events, predicted stories", predicted, None),
        ("dateline events, times ignored, predicted stories", predicted, "undated"),
        ("same lemma, gold sub-topics", subtopics, _lemma_baseline),
        ("dateline events, gold sub-topics", subtopics, None),
    ]:
        started = time.perf_counter()
        if linker is None or linker == "undated":
            linked = link_events(undated if linker else mentions, stories=groups)
            pred = {_mid(m): e.id for e in linked for m in e.mentions}
        else:
            pred = linker(mentions, groups)
        took = time.perf_counter() - started
        f = [metric(gold, pred)[2] for metric in (muc, bcubed, ceaf_e)]
        print(f"  {label:<52} {f[0]:>6.3f} {f[1]:>6.3f} {f[2]:>6.3f} {sum(f) / 3:>6.3f}  ({took:.2f} s)")


def _lemma_baseline(mentions: list[EventMention], groups: dict[str, str]) -> dict[str, str]:
    return {_mid(m): f"{groups[m.doc_id]}|{m.lemma}" for m in mentions}


def _mid(m: EventMention) -> str:
    return f"{m.doc_id}:{m.start}"


def run_stream(n: int, seed: int, check: int) -> None:
    texts = [d.text for d in read_ecb()] if ECB.exists() else []
    if ensure_data(T17):
        texts += [text for text, _, _ in read_t17()]
    articles = [_window(texts, i) for i in range(n)]
    random.Random(seed).shuffle(articles)
    words = sum(len(a.split()) for a in articles)
    linker = new_linker()
    started = time.perf_counter()
    chosen = [linker.assign(f"s{i}", stories.term_counts(text, ())).story_id for i, text in enumerate(articles)]
    took = time.perf_counter() - started
    print(f"stream: {n} articles from {len(texts)} texts, {words} words -> {len(linker.stories.signatures)} stories "
          f"in {took:.1f} s: {n / took:.0f} articles/s, {words / took:.0f} words/s, peak memory "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    started = time.perf_counter()
    made = linker.consolidate(set(linker.stories.signatures))
    print(f"  split as at the end of one ingest: {len(made)} stories split or made, "
          f"{len(linker.stories.signatures)} stories, in {time.perf_counter() - started:.1f} s; peak memory "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if check:
        # every article sharing a term scored exactly: what the index's pruning (its most distinctive
        # terms find the candidates, the best of them rescored) may miss
        full = stories.StoryLinker(stories.StoryIndex({}), stories.ArticleIndex({}, 0, search_terms=10**9,
                                                                                  rescored=10**9), {})
        started = time.perf_counter()
        scanned = [full.assign(f"s{i}", stories.term_counts(text, ())).story_id
                   for i, text in enumerate(articles[:check])]
        took = time.perf_counter() - started
        same = sum(a == b for a, b in zip(scanned, chosen))
        print(f"  every candidate scored, first {check}: {check / took:.0f} articles/s; same story as the index for "
              f"{same}/{check}")


def read_t17() -> list[tuple[str, date, str]]:
    """(text, publication day, topic) of every Timeline17 article shipped with the benchmark."""
    csv.field_size_limit(sys.maxsize)
    out = []
    for path in sorted(T17.glob("*/outputwithpub.csv")):
        with open(path, encoding="utf-8") as f:
            out += [(r["text"], date.fromisoformat(r["date"][:10]), path.parent.name) for r in csv.DictReader(f)]
    return out


def run_time(seeds: int) -> None:
    """Dated stories: every T17 article, in seeded random orders, scored against its topic,
    clustered with and without the time rule (means over the seeds: greedy clustering
    depends on the order)."""
    if not ensure_data(T17):
        print("time: skipped, timelines-t17-dev not found")
        return
    articles = read_t17()
    print(f"time: {len(articles)} dated T17 articles, {len({t for _, _, t in articles})} topics, "
          f"means over seeds 0-{seeds - 1}")
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * 6)
    for seed in range(seeds):
        order = list(articles)
        random.Random(seed).shuffle(order)
        gold = {str(i): topic for i, (_, _, topic) in enumerate(order)}
        terms = [stories.document_terms(text, ()) for text, _, _ in order]
        counts = [stories.term_counts(text, ()) for text, _, _ in order]
        dated = [(str(i), c, day) for i, (c, (_, day, _)) in enumerate(zip(counts, order))]
        undated = [(str(i), c, None) for i, c in enumerate(counts)]
        split = stories.SPLIT_THRESHOLD
        runs = [("signatures, joined (before)", None, True, None, None),
                ("nearest, words only", undated, False, None, None),
                ("nearest + time rule", dated, False, None, None),
                ("+ split stories joined (before)", dated, True, None, None),
                ("+ stories split, one ingest (shipped)", dated, True, split, None),
                ("+ stories split, ingests of 100", dated, True, split, 100),
                ("joined and split, words only", undated, True, split, None)]
        for label, items, join, cut, ingest in runs:
            pred = (_by_signature(terms, order) if items is None
                    else link_stream(items, new_linker(split=cut), join, ingest))
            row = (len(set(pred.values())), *bcubed(gold, pred), *homogeneity_completeness(gold, pred))
            totals[label] = [a + b / seeds for a, b in zip(totals[label], row)]
    for label, (n, p, r, f, h, c) in totals.items():
        print(f"  {label:<38} stories {n:>5.1f}  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  "
              f"homogeneity {h:.3f} completeness {c:.3f}")


def _by_signature(terms, order) -> dict[str, str]:
    """The linker before nearest articles, with the time rule and split stories joined."""
    index = stories.StoryIndex({})
    pred: dict[str, str] = {}
    for i, (t, (_, day, _)) in enumerate(zip(terms, order)):
        pred[str(i)] = index.assign(str(i), t, day).story_id
        _join_split_stories(index, pred, pred[str(i)])
    return pred


def _window(texts: list[str], i: int) -> str:
    lines = [x for x in texts[i % len(texts)].split("\n") if x.strip()]
    shift = (i // len(texts)) * 3
    return "\n".join(lines[shift % max(len(lines), 1):][:25] or lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="docs,baselines,events,stream,time")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stream", type=int, default=10_000)
    parser.add_argument("--seeds", type=int, default=4, help="orders averaged in the time part")
    parser.add_argument("--check", type=int, default=2_000, help="stream articles also run through a full scan")
    args = parser.parse_args()
    parts = set(args.part.split(","))
    if not ensure_data(ECB):
        print("skipped: ../shared/benchmarks/events-ecbplus-topics1-35.tar.gz not found")
        return 0
    if "stream" in parts:
        run_stream(args.stream, args.seed, args.check)
    if "time" in parts:
        run_time(args.seeds)
    if parts & {"docs", "events", "baselines"}:
        docs = read_ecb()
        parsed = parse_docs(docs)
        names = {d.name: [e.text for e in parsed[d.name].ents if e.label_ in ENTITY_LABELS] for d in docs}
        if "baselines" in parts:
            run_baselines(docs, names)
            tune_linker(docs, names, args.seed)
        predicted = run_docs(docs, names, args.seed)
        if "events" in parts:
            run_events(docs, parsed, predicted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
