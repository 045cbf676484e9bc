"""Topics (groups of stories) on Timeline17 and ECB+: B-cubed of each article's topic against the gold.

Usage: python bench/topics.py [--part t17,ecb,stores] [--seeds 4] [--stores A.db,B.db]

t17:    the 1,025 dated Timeline17 articles of the four development topics, in seeded random
        orders, grouped into stories as dateline does (`StoryIndex` with the time rule, split
        stories joined; no entity names) and the stories into topics (`link.topics.group_stories`);
        each article's topic scored against its T17 topic (B3, means over the seeds). The join
        threshold is chosen leave-one-topic-out: each T17 topic's articles are scored with the
        threshold best on the other three topics' articles.
ecb:    ECB+ topics 1-35 (772 documents), stories as in bench/stories.py (seed 0, entity names
        from spaCy), grouped into topics and scored against the 33 gold topics. ECB+ topics group
        different instances of one kind of event (two quakes years apart), so this is reported,
        not tuned on.
stores: stored dateline databases whose document ids read t17-<topic>-<row>: their stored
        stories grouped with the shipped rules, articles scored against <topic>.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories import (
    ECB,
    T17,
    _f,
    _per_item,
    bcubed,
    ensure_data,
    parse_docs,
    read_ecb,
    read_t17,
)

from dateline.corpus import _join_split_stories
from dateline.link import stories
from dateline.link.topics import StoryProfile, TopicRules, group_stories

JOINS = (0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12)


def t17_stories(articles, seed: int) -> tuple[dict[str, str], list[StoryProfile], dict[str, str]]:
    """(article -> gold topic, story profiles, article -> story) for one seeded order."""
    order = list(articles)
    random.Random(seed).shuffle(order)
    gold = {str(i): topic for i, (_, _, topic) in enumerate(order)}
    index = stories.StoryIndex({})
    story_of: dict[str, str] = {}
    for i, (text, day, _) in enumerate(order):
        story_of[str(i)] = index.assign(str(i), stories.document_terms(text, ()), day).story_id
        _join_split_stories(index, story_of, story_of[str(i)])
    days = {str(i): day for i, (_, day, _) in enumerate(order)}
    return gold, profiles_of(index.signatures, story_of, days), story_of


def profiles_of(signatures, story_of: dict[str, str], days: dict[str, date | None]) -> list[StoryProfile]:
    members: dict[str, list[str]] = defaultdict(list)
    for doc, story in story_of.items():
        members[story].append(doc)
    out = []
    for story, docs in members.items():
        dated = [days[d] for d in docs if days.get(d)]
        out.append(StoryProfile(story, signatures.get(story, {}), len(docs), (min(dated), max(dated)) if dated else None))
    return out


def topic_of_articles(profiles, story_of, rules: TopicRules) -> dict[str, str]:
    topic = group_stories(profiles, rules)
    return {doc: topic[story] for doc, story in story_of.items()}


def run_t17(seeds: int) -> None:
    if not ensure_data(T17):
        print("t17: skipped, timelines-t17-dev not found")
        return
    articles = read_t17()
    names = sorted({t for _, _, t in articles})
    print(f"t17: {len(articles)} dated articles, topics {', '.join(names)}; means over seeds 0-{seeds - 1}")
    per_join: dict[float, list[dict[str, tuple[float, float]]]] = defaultdict(list)
    golds, story_scores = [], []
    for seed in range(seeds):
        gold, profiles, story_of = t17_stories(articles, seed)
        golds.append(gold)
        story_scores.append((len(profiles), *bcubed(gold, story_of)))
        for join in JOINS:
            per_join[join].append(_per_item(gold, topic_of_articles(profiles, story_of, TopicRules(join=join))))
    n, p, r, f = (sum(x[i] for x in story_scores) / seeds for i in range(4))
    print(f"  stories (no topics)       groups {n:5.1f}  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for join in JOINS:
        p, r, f = _mean_scores(per_join[join], golds, names)
        print(f"  topics, join {join:<4}        B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")
    held = []
    for name in names:
        rest = [t for t in names if t != name]
        join = max(JOINS, key=lambda j: _mean_scores(per_join[j], golds, rest)[2])
        p, r, f = _mean_scores(per_join[join], golds, [name])
        held.append((name, join, p, r))
        print(f"  held out {name:<6} (join {join} chosen on the others)  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")
    total = sum(len([x for x in golds[0].values() if x == name]) for name, *_ in held)
    p = sum(hp * len([x for x in golds[0].values() if x == name]) for name, _, hp, _ in held) / total
    r = sum(hr * len([x for x in golds[0].values() if x == name]) for name, _, _, hr in held) / total
    print(f"  held-out, all articles    B3 P {p:.3f} R {r:.3f} F1 {_f(p, r):.3f}")


def _mean_scores(runs, golds, topics) -> tuple[float, float, float]:
    """B3 over the articles of `topics`, averaged over the seeded runs."""
    ps, rs = [], []
    for items, gold in zip(runs, golds):
        keys = [x for x in gold if gold[x] in topics]
        ps.append(sum(items[x][0] for x in keys) / len(keys))
        rs.append(sum(items[x][1] for x in keys) / len(keys))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, _f(p, r)


def run_ecb(seed: int) -> None:
    if not ensure_data(ECB):
        print("ecb: skipped, events-ecbplus-topics1-35 not found")
        return
    from stories import ENTITY_LABELS, link_by_signature

    docs = read_ecb()
    parsed = parse_docs(docs)
    names = {d.name: [e.text for e in parsed[d.name].ents if e.label_ in ENTITY_LABELS] for d in docs}
    index, story_of = link_by_signature(docs, names, seed)
    topics = {d.name: d.subtopic.split("-")[0] for d in docs}
    subtopics = {d.name: d.subtopic for d in docs}
    profiles = profiles_of(index.signatures, story_of, {})
    print(f"ecb: {len(docs)} documents, {len(set(topics.values()))} gold topics, {len(profiles)} stories")
    p, r, f = bcubed(topics, story_of)
    print(f"  stories vs topics         B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for join in JOINS:
        pred = topic_of_articles(profiles, story_of, TopicRules(join=join))
        p, r, f = bcubed(topics, pred)
        sf = bcubed(subtopics, pred)[2]
        print(f"  topics, join {join:<4} ({len(set(pred.values()))} topics) vs topics B3 P {p:.3f} R {r:.3f} "
              f"F1 {f:.3f}; vs sub-topics F1 {sf:.3f}")


def run_stores(paths: list[str]) -> None:
    from dateline.link.topics import story_profiles
    from dateline.store import Store

    for path in paths:
        with Store(path) as store:
            profiles = story_profiles(store)
            meta = store.document_meta()
        story_of = {d: m["story_id"] for d, m in meta.items() if m["story_id"]}
        gold = {d: d.split("-")[1] for d in story_of}
        p, r, f = bcubed(gold, story_of)
        print(f"{path}: {len(story_of)} articles, {len(profiles)} stories  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")
        for join in JOINS:
            pred = topic_of_articles(profiles, story_of, TopicRules(join=join))
            p, r, f = bcubed(gold, pred)
            largest = _largest_shares(gold, pred)
            print(f"  topics, join {join:<4} ({len(set(pred.values())):3d} topics) B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  "
                  f"largest topic of each: {largest}")


def _largest_shares(gold: dict[str, str], pred: dict[str, str]) -> str:
    """For each gold topic, the share of its articles in its largest predicted topic."""
    out = []
    for name in sorted(set(gold.values())):
        counts: dict[str, int] = defaultdict(int)
        for x, g in gold.items():
            if g == name:
                counts[pred[x]] += 1
        out.append(f"{name} {max(counts.values()) / sum(counts.values()):.2f}")
    return ", ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="t17,ecb")
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stores", default="")
    args = parser.parse_args()
    parts = set(args.part.split(","))
    if "t17" in parts:
        run_t17(args.seeds)
    if "ecb" in parts:
        run_ecb(args.seed)
    if "stores" in parts and args.stores:
        run_stores(args.stores.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
