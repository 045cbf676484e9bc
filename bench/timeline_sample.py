"""Timeline entry dates read by hand: draw a sample per Timeline17 topic, then score the current code on it.

Usage:
    .venv/bin/python bench/timeline_sample.py draw  [--stores DIR] [--out DIR]   # the sample, for reading
    .venv/bin/python bench/timeline_sample.py score [--stores DIR]               # share right, per topic

`draw` builds the product timeline of each development topic store (DIR/<topic>.db, rules only, as
bench/ledger_t17.py builds them: the largest story's whole timeline, as `dateline timeline` shows it,
oldest first) and takes 50 entries: the first 30 as shown, and 20 drawn at random (seed `SEED`) from the
rest (from the topic's other stories when the largest has no more than 30). It reads the timeline each
store keeps, so re-derive copies of older stores first (`dateline.corpus.rederive`: the sample of
bench/gold was drawn so from copies of /tmp/t17, whose kept timelines had no `basis` yet). It writes
OUT/<topic>.md with each entry's date, basis, reason, sentence and a window of its article around the
sentence (for reading; it stays out of the repository), and OUT/<topic>.json with the entries' ids,
offsets and dates, to be turned into verdicts.

The verdicts are in bench/gold/timeline_handread.json (ids, offsets, dates and verdicts only: no
article text). Per entry: the document, the sentence's offsets, the offsets of the time expression
that dated it (none when dated by its publication day), the date the timeline gave, and the reader's
verdict: `right`, or `wrong` with the right date (`null`: the sentence names no date of the story) and
the error class.

`score` tags each sampled article again with the current code (`dateline.annotate.timex.tag` on the
stored text and publication date, what `dateline reannotate` would store) and counts an entry right
when the date it now gets equals the recorded right date: the value of the date expression now
covering the recorded one (or the day a clock expression such as "1700 BST on 15 June" names), or the
publication day when the entry was dated by publication and the sentence is still placed there. So the
figures can be measured again after a change, without reannotating the stores.

Stored article text moves when cleaning changes (a photo credit or a dateline no longer kept), and then
the recorded offsets no longer land on their sentence. Each gold entry therefore also keeps hashes and
lengths of its sentence and of the stretch from its time expression to the sentence's end (`anchor`,
never the text): `score` finds the sentence again by them, or else that stretch (a prefix of the
sentence cleaned away), and counts an entry whose sentence is gone from the text apart ("gone").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from paths import GOLD

from dateline.annotate.timex import tag
from dateline.model import AnnotatedDocument, TimeExpr, TimelineEntry
from dateline.store import Store
from dateline.views.timeline import place_sentences, story_timeline

HANDREAD = GOLD / "timeline_handread.json"
TOPICS = ("finan", "h1n1", "haiti", "mj")
FIRST, DRAWN, SEED = 30, 20, 17
WINDOW = 360  # characters of the article shown each side of a sentence when reading


@dataclass(frozen=True)
class Sampled:
    """One timeline entry of the sample: where its sentence and its date expression stand."""

    rank: int  # position in its part: the timeline as shown (0: its oldest entry), or the pool drawn from
    part: str  # "first" (the first 30 shown) or "drawn" (at random from the rest)
    story: str
    doc: str
    start: int
    end: int
    published: str | None
    date: str
    basis: str | None
    expr_start: int | None
    expr_end: int | None


def draw(store: Store) -> list[Sampled]:
    """The first entries of the largest story's timeline, and a seeded draw from the rest.

    When the largest story has fewer than 50 entries (haiti: 28), the draw takes the rest from the
    timelines of the topic's other stories (the whole store), so every topic gets 50.
    """
    largest, *others = store.stories()
    entries = [(largest.id, e) for e in story_timeline(store, largest.id).entries]
    first = entries[:FIRST]
    rest = entries[FIRST:] or [(s.id, e) for s in others for e in story_timeline(store, s.id).entries]
    want = FIRST + DRAWN - len(first)
    drawn = sorted(random.Random(SEED).sample(range(len(rest)), min(want, len(rest))))
    picked = [(i, "first", *first[i]) for i in range(len(first))] + [(i, "drawn", *rest[i]) for i in drawn]
    return [_sampled(store, entry, i, part, story) for i, part, story, entry in picked]


def _sampled(store: Store, entry: TimelineEntry, rank: int, part: str, story: str) -> Sampled:
    c = entry.citations[0]
    span = _expression_span(store.annotated(c.document), c.start, c.end, entry) if entry.expression else None
    return Sampled(rank, part, story, c.document, c.start, c.end, c.published.isoformat() if c.published else None,
                   entry.date, entry.basis, *(span or (None, None)))


def _expression_span(ad: AnnotatedDocument | None, start: int, end: int, entry: TimelineEntry
                     ) -> tuple[int, int] | None:
    for t in ad.timexes if ad else ():
        if start <= t.start < end and t.text == entry.expression and t.value == entry.date:
            return t.start, t.end
    return None


def reading(store: Store, sample: list[Sampled]) -> str:
    """The sample as Markdown for a reader: each entry with its article around the sentence."""
    out = []
    for n, s in enumerate(sample):
        text = store.document(s.doc).text
        expr = text[s.expr_start:s.expr_end] if s.expr_start is not None else None
        window = (text[max(0, s.start - WINDOW):s.start] + " [[" + text[s.start:s.end] + "]] "
                  + text[s.end:s.end + WINDOW // 2]).replace("\n", " / ")
        out.append(f"### {n} (rank {s.rank}, {s.part}) {s.date}  basis={s.basis} expr={expr!r}\n"
                   f"{s.doc} {s.start}-{s.end} published {s.published}\n\n{window}\n")
    return "\n".join(out)


def current_date(ad: AnnotatedDocument, timexes: tuple[TimeExpr, ...], item: dict) -> str | None:
    """The date the current code gives a sampled entry (None: the sentence is no longer placed by it).

    A date after the article is kept as the expression reads it (the timeline leaves the sentence out until
    then); a date up to the article's day counts only while the timeline still places the sentence on it
    (not when the sentence is now read as furniture, say).
    """
    fresh = AnnotatedDocument(ad.document, sentences=ad.sentences, timexes=timexes)
    placed = [p for p in place_sentences(fresh) if p.citation.start == item["start"]]
    if item["expr_start"] is None:
        return next((p.date for p in placed if not p.named), None)
    covering = [t for t in timexes if t.start < item["expr_end"] and item["expr_start"] < t.end]
    value = next((v for v in map(_day_value, covering) if v and _calendar(v)), None)
    published = item["published"] or ""
    if value is None or value > published[: len(value)]:
        return value
    return value if any(p.date == value for p in placed) else None


def _day_value(t: TimeExpr) -> str | None:
    """The date an expression names: a DATE's value, or the day a TIME's value starts with."""
    if t.type == "DATE":
        return t.value
    return t.value[:10] if t.type == "TIME" else None


def _calendar(value: str) -> bool:
    """A value the timeline places: a year, month or day (not "XXXX-12-31", not a week)."""
    return len(value) in (4, 7, 10) and value.replace("-", "").isdigit()


def anchor(text: str, start: int, end: int, expr_start: int | None) -> dict:
    """Hashes and lengths that find a sampled sentence again once its article's text moves (no text kept).

    The sentence whole, and the stretch from its time expression to its end: cleaning that drops a
    dateline or a photo credit opening the sentence leaves that stretch as it was.
    """
    out = {"sentence_hash": _hash(text[start:end]), "sentence_len": end - start}
    if expr_start is not None:
        out |= {"tail_hash": _hash(text[expr_start:end]), "tail_len": end - expr_start}
    return out


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def anchored(ad: AnnotatedDocument, item: dict) -> dict | None:
    """The entry with its offsets in the stored text as it is now (None: its sentence is gone from it).

    An entry without hashes (drawn before they were kept) is taken at its recorded offsets.
    """
    text = ad.document.text
    if "sentence_hash" not in item or _hash(text[item["start"]:item["end"]]) == item["sentence_hash"]:
        return item
    at = _find(text, item["sentence_hash"], item["sentence_len"], item["start"])
    if at is not None:
        shift = at - item["start"]
        moved = item | {k: item[k] + shift for k in ("start", "end", "expr_start", "expr_end") if item[k] is not None}
    elif "tail_hash" in item and (at := _find(text, item["tail_hash"], item["tail_len"], item["expr_start"])) is not None:
        moved = item | {"start": at, "expr_start": at, "expr_end": at + item["expr_end"] - item["expr_start"]}
    else:
        return None
    # The cleaned text may join what opened the sentence to it ("WASHINGTON (Reuters) - "): the entry is
    # now the stored sentence holding where it starts.
    sentence = next((s for s in ad.sentences if s.start <= moved["start"] < s.end), None)
    return moved | {"start": sentence.start, "end": sentence.end} if sentence else None


def _find(text: str, digest: str, length: int, near: int) -> int | None:
    """Where a stretch of `length` characters with this hash starts (the nearest to `near` when repeated)."""
    found = [i for i in range(len(text) - length + 1) if _hash(text[i:i + length]) == digest]
    return min(found, key=lambda i: abs(i - near), default=None)


@dataclass(frozen=True)
class Scored:
    """One topic's figures: right as read, right now (of the entries still in the text), and what is left."""

    right_then: int
    right_now: int
    entries: int
    gone: int  # entries whose sentence is no longer in the stored text (cleaned away as furniture)
    left: Counter


def score(stores: Path, gold: dict) -> dict[str, Scored]:
    """Per topic: right as read (the recorded verdicts), right now, entries, and the error classes left."""
    out = {}
    for topic, items in gold["topics"].items():
        with Store(stores / f"{topic}.db") as store:
            out[topic] = _score_topic(store, items)
    return out


def _score_topic(store: Store, items: list[dict]) -> Scored:
    right_then = right_now = gone = 0
    left: Counter = Counter()
    tagged: dict[str, tuple[AnnotatedDocument, tuple[TimeExpr, ...]]] = {}
    for item in items:
        if item["doc"] not in tagged:
            ad = store.annotated(item["doc"])
            tagged[item["doc"]] = (ad, tag(ad.document.text, ad.document.published.value))
        right_then += item["verdict"] == "right"
        here = anchored(tagged[item["doc"]][0], item)
        if here is None:
            gone += 1
            continue
        want = item["date"] if item["verdict"] == "right" else item["right_date"]
        if current_date(*tagged[item["doc"]], here) == want:
            right_now += 1
        else:
            left[item.get("error") or "moved from a right date"] += 1
    return Scored(right_then, right_now, len(items), gone, left)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("draw", "score"))
    parser.add_argument("--stores", type=Path, default=Path("/tmp/tl"), help="DIR/<topic>.db, rules only")
    parser.add_argument("--out", type=Path, default=Path("/tmp/tl/sample"), help="where `draw` writes")
    parser.add_argument("--topics", default=",".join(TOPICS))
    args = parser.parse_args()
    topics = args.topics.split(",")
    if args.command == "draw":
        args.out.mkdir(parents=True, exist_ok=True)
        for topic in topics:
            with Store(args.stores / f"{topic}.db") as store:
                sample = draw(store)
                (args.out / f"{topic}.md").write_text(reading(store, sample))
                rows = [s.__dict__ | anchor(store.document(s.doc).text, s.start, s.end, s.expr_start) for s in sample]
                (args.out / f"{topic}.json").write_text(json.dumps(rows, indent=1))
            print(f"{topic}: {len(sample)} entries -> {args.out / topic}.md")
        return 0
    gold = json.loads(HANDREAD.read_text())
    gold["topics"] = {t: v for t, v in gold["topics"].items() if t in topics}
    print("| topic | right as read | right now | entries | gone from the text | error classes left |\n"
          "|---|---|---|---|---|---|")
    for topic, r in score(args.stores, gold).items():
        classes = ", ".join(f"{k} {v}" for k, v in r.left.most_common()) or "none"
        n, kept = r.entries, r.entries - r.gone
        print(f"| {topic} | {r.right_then}/{n} ({r.right_then / n:.2f}) | {r.right_now}/{kept} "
              f"({r.right_now / max(kept, 1):.2f}) | {n} | {r.gone} | {classes} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
