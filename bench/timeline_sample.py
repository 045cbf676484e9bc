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
covering the recorded one, or the publication day when the entry was dated by publication and the
sentence is still placed there. So the figures can be measured again after a change, without
reannotating the stores.
"""

from __future__ import annotations

import argparse
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
    covering = [t for t in timexes if t.type == "DATE" and t.start < item["expr_end"] and item["expr_start"] < t.end]
    value = next((t.value for t in covering if _calendar(t.value)), None)
    published = item["published"] or ""
    if value is None or value > published[: len(value)]:
        return value
    return value if any(p.date == value for p in placed) else None


def _calendar(value: str) -> bool:
    """A value the timeline places: a year, month or day (not "XXXX-12-31", not a week)."""
    return len(value) in (4, 7, 10) and value.replace("-", "").isdigit()


def score(stores: Path, gold: dict) -> dict[str, tuple[int, int, int, Counter]]:
    """Per topic: right as read (the recorded verdicts), right now, entries, and the error classes left."""
    out = {}
    for topic, items in gold["topics"].items():
        with Store(stores / f"{topic}.db") as store:
            right_then = right_now = 0
            left: Counter = Counter()
            tagged: dict[str, tuple[AnnotatedDocument, tuple[TimeExpr, ...]]] = {}
            for item in items:
                if item["doc"] not in tagged:
                    ad = store.annotated(item["doc"])
                    tagged[item["doc"]] = (ad, tag(ad.document.text, ad.document.published.value))
                now = current_date(*tagged[item["doc"]], item)
                right_then += item["verdict"] == "right"
                want = item["date"] if item["verdict"] == "right" else item["right_date"]
                if now == want:
                    right_now += 1
                else:
                    left[item.get("error") or "moved from a right date"] += 1
            out[topic] = (right_then, right_now, len(items), left)
    return out


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
                (args.out / f"{topic}.json").write_text(json.dumps([s.__dict__ for s in sample], indent=1))
            print(f"{topic}: {len(sample)} entries -> {args.out / topic}.md")
        return 0
    gold = json.loads(HANDREAD.read_text())
    gold["topics"] = {t: v for t, v in gold["topics"].items() if t in topics}
    print("| topic | right as read | right now | entries | error classes left |\n|---|---|---|---|---|")
    for topic, (then, now, n, left) in score(args.stores, gold).items():
        classes = ", ".join(f"{k} {v}" for k, v in left.most_common()) or "none"
        print(f"| {topic} | {then}/{n} ({then / n:.2f}) | {now}/{n} ({now / n:.2f}) | {n} | {classes} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
