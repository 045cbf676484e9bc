"""The fact ledger on real news: Timeline17 gold ledgers, plus the bundled example and the seeds.

Usage: python bench/ledger_t17.py [--topics haiti,mj,h1n1,finan] [--stores DIR] [--brief-out FILE] [--wrong]

For each Timeline17 development topic (finan, h1n1, haiti, mj) the articles of
`outputwithpub.csv` are written as JSONL (id t17-<topic>-<row>, the row's date,
the text put back together by bench/timex_news.py's `detokenize`) and ingested
with rules only (no tagger) into DIR/<topic>.db, unless that store exists (an
ingest takes 0.5-2.5 minutes per topic on 2 shared cores). The gold ledgers are
bench/gold/ledger_t17_<topic>.json (how they were made: bench/gold/LEDGER_T17.md).

Figures per corpus (matching rules: dateline.evaluation, gold_value_matches), scored on
the facts a briefing shows: each topic's facts, the same fact across its stories made
one (dateline.views.stories.scope_facts, link.topics.merge_facts), and the topic's
briefing; the figure on each story's own facts and the story's briefing (before topics)
is printed beside it as [story n/m]:
- facts found: gold facts for which one dateline fact states two or more of the
  gold values (or the only one, citing the gold's evidence sentence), each in a
  document the gold cites; one dateline fact answers at most one gold fact;
- value recall: gold values stated by the matching fact, within found facts;
- current answer right: for each gold value's first-reported day D, whether the
  briefing as of D (dateline.views.brief.brief) gives the matching fact a current
  value equal to the gold's current answer on D (dateline.evaluation.gold_currents: any
  superseding value first reported on the gold's newest day by D, since articles carry a day
  and not an hour); `later listed` beside it counts only the value the gold lists last of that
  day (the rule before session 13); --wrong lists each wrong one (day, gold values, the
  briefing's value or '-');
- brief top-12: the briefing's 12 most reported questions (the largest topic, every
  story of it, as of the last article), written to --brief-out for a reader to judge;
  the share judged well-formed and right is read from bench/gold/ledger_t17_judged.json.
The example and the seeds (tests/gold/) are scored the same way; their gold values
carry no dates, so a value's first-reported day is the earliest publication day of
the documents the gold cites.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from ledger import CORPORA, document_names
from paths import GOLD, T17, unpacked
from timex_news import detokenize

from dateline.corpus import ingest
from dateline.evaluation import gold_currents, gold_value_matches, match_gold_facts
from dateline.model import Fact
from dateline.store import Store
from dateline.views.brief import SHOWN_FACTS, Briefing, brief
from dateline.views.stories import scope_facts, topic_scope

TOPICS = ("haiti", "mj", "h1n1", "finan")
LEVELS = ("topic", "story")


def write_jsonl(topic: str, path: Path) -> None:
    """The topic's articles as dateline reads them: one JSON record per CSV row."""
    csv.field_size_limit(sys.maxsize)
    with open(T17 / topic / "outputwithpub.csv", encoding="utf-8", newline="") as f, path.open("w") as out:
        for row, record in enumerate(csv.DictReader(f)):
            out.write(json.dumps({"id": f"t17-{topic}-{row}", "published": record["date"][:10],
                                  "text": detokenize(record["text"])}) + "\n")


def topic_store(topic: str, stores: Path) -> Path:
    db = stores / f"{topic}.db"
    if not db.exists():
        stores.mkdir(parents=True, exist_ok=True)
        jsonl = stores / f"{topic}.jsonl"
        write_jsonl(topic, jsonl)
        done = subprocess.run([str(Path(sys.executable).parent / "dateline"), "ingest", str(jsonl), "--no-tagger",
                               "--db", str(db)], check=False)
        if done.returncode not in (0, 1):  # 1: some rows were refused (no article text), the rest stored
            raise subprocess.CalledProcessError(done.returncode, done.args)
    return db


def dated_gold(gold: dict, store: Store, names: dict[str, str]) -> dict:
    """Gold values with first_reported filled from the cited documents' days when the gold has none."""
    days = {names.get(d.id, d.id): d.published.value for d in store.documents()}
    for fact in gold["facts"]:
        for value in fact["values"]:
            if "first_reported" not in value:
                known = [days[d] for d in value["documents"] if days.get(d)]
                value["first_reported"] = min(known).isoformat() if known else "9999-12-31"
    return gold


def renamed(fact: Fact, names: dict[str, str]) -> Fact:
    from dataclasses import replace
    return replace(fact, values=tuple(replace(v, documents=tuple(names.get(d, d) for d in v.documents))
                                      for v in fact.values))


def ledger_facts(store: Store, level: str) -> list[Fact]:
    """The facts scored: each story's own facts (`story`), or those a briefing shows (`topic`): every
    topic's facts, the same fact across its stories made one (`views.stories.scope_facts`)."""
    if level == "story":
        return store.facts()
    return [f for topic in store.topics() for f in scope_facts(store, topic_scope(topic))]


def score(store: Store, gold: dict, names: dict[str, str], level: str = "topic") -> dict:
    """The figures at one level: `story` scores each story's own facts and the story's briefing;
    `topic` the facts and briefing of the topic (what `dateline brief` shows)."""
    facts = [renamed(f, names) for f in ledger_facts(store, level)]
    found = values = values_found = right = strict = checked = 0
    briefs: dict[tuple[str, str], dict[str, Fact]] = {}
    rows = []
    for g, (fact, hits) in zip(gold["facts"], match_gold_facts(gold["facts"], facts)):
        found += fact is not None
        if fact is not None:
            values += len(g["values"])
            values_found += len(hits)
        wrong = []
        for day in sorted({v["first_reported"] for v in g["values"]}):
            expected = gold_currents(g, day)
            if not expected:
                continue
            checked += 1
            current = None
            if fact is not None:
                key = (fact.story, day)
                if key not in briefs:  # fact.story: the topic's id at topic level, so its briefing
                    briefs[key] = {f.id: f for f in brief(store, fact.story, as_of=date.fromisoformat(day)).facts}
                shown = briefs[key].get(fact.id)
                current = next((v for v in shown.values if v.value == shown.current), None) if shown else None
            matches = [current is not None and gold_value_matches(e, current.value, current.label) for e in expected]
            right += any(matches)
            strict += matches[-1]
            if not any(matches):
                gold_values = " or ".join(e["value"] for e in expected)
                wrong.append(f"{day} gold {gold_values} got {current.label if current else '-'}")
        rows.append((g["id"], fact.question if fact else None, len(hits), len(g["values"]), wrong))
    return {"facts": (found, len(gold["facts"])), "values": (values_found, values), "current": (right, checked), "strict": (strict, checked),
            "rows": rows}


def last_day_brief(store: Store) -> tuple[date | None, Briefing]:
    """The briefing of the largest topic (every story of it, the same fact across its stories one fact; the
    largest story when the store has no topics), as of the last article day (of no day when none is dated)."""
    as_of = max((d.published.value for d in store.documents() if d.published.value), default=None)
    return as_of, brief(store, None, as_of=as_of)  # None: the largest topic


def question_rows(facts: Sequence[Fact]) -> list[dict]:
    """The briefing's shown questions, each with its current value as labelled, why, and its documents."""
    out = []
    for f in facts[:SHOWN_FACTS]:
        current = next((v for v in f.values if v.value == f.current), None)
        out.append({"question": f.question, "current": current.label if current else f.current,
                    "reason": f.current_reason, "disputed": f.disputed,
                    "documents": len({d for v in f.values for d in v.documents})})
    return out


def top_questions(store: Store) -> tuple[str | None, list[dict]]:
    """The briefing's shown questions as of the last article day (`last_day_brief`)."""
    as_of, b = last_day_brief(store)
    return (as_of.isoformat() if as_of else None), question_rows(b.facts)


def judged_share(topic: str, top: list[dict]) -> tuple[int, int] | str:
    """(right, shown) from the recorded verdicts, or why there is none (a changed briefing needs judging again)."""
    path = GOLD / "ledger_t17_judged.json"
    verdicts = [j for j in json.loads(path.read_text())["judgements"] if j["topic"] == topic] if path.exists() else []
    if not verdicts:
        return "not judged"
    judged = {(j["question"].lower(), j["current_value"]): j["verdict"] for j in verdicts}
    shown = [judged.get((q["question"].lower(), q["current"])) for q in top]
    if None in shown:  # a question or value not judged yet
        return "judged on another briefing: judge again"
    return shown.count("well-formed and right"), len(shown)


def report(name: str, results: dict[str, dict], top: list[dict] | None, *, wrong: bool = False) -> Iterator[str]:
    """The topic-level figures, the story-level ones beside them (`story ->`), then one line per gold fact."""
    ratio = lambda pair: f"{pair[0]}/{pair[1]} ({pair[0] / pair[1]:.2f})" if pair[1] else "0/0"
    share = judged_share(name, top or [])
    topic, story = results["topic"], results["story"]
    both = lambda k: f"{ratio(topic[k])} [story {story[k][0]}/{story[k][1]}]"
    yield (f"{name:<8} facts found {both('facts'):<26} value recall {both('values'):<28} "
           f"current answer right {both('current'):<28} (later listed {ratio(topic['strict'])}) brief top-12 "
           f"{share if isinstance(share, str) else ratio(share)}")
    for gid, question, hits, total, misses in topic["rows"]:
        yield f"    {gid:<22} {hits}/{total} values  {question or '(not found)'}"
        for miss in misses if wrong else ():
            yield f"        wrong: {miss}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default=",".join(TOPICS))
    parser.add_argument("--stores", type=Path, default=Path(tempfile.gettempdir()) / "t17",
                        help="folder of <topic>.db stores, ingested when absent")
    parser.add_argument("--brief-out", type=Path, default=Path(tempfile.gettempdir()) / "ledger_t17_brief.json")
    parser.add_argument("--wrong", action="store_true", help="list each wrong current answer under its fact")
    args = parser.parse_args()
    tops = {}
    if unpacked(T17):
        for topic in filter(None, args.topics.split(",")):
            gold = json.loads((GOLD / f"ledger_t17_{topic}.json").read_text())
            with Store(topic_store(topic, args.stores)) as store:
                result = {level: score(store, gold, {}, level) for level in LEVELS}
                as_of, top = top_questions(store)
            tops[topic] = {"as_of": as_of, "questions": top}
            print("\n".join(report(topic, result, top, wrong=args.wrong)))
    else:
        print("timelines-t17-dev not found: Timeline17 topics skipped")
    for name, (corpus, gold_path) in CORPORA.items():
        if not corpus.exists():
            print(f"{name}: {corpus} absent, skipped")
            continue
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "ledger.db") as store:
            ingest([corpus], store)
            names = document_names(store, name == "seeds")
            dated = dated_gold(json.loads(gold_path.read_text()), store, names)
            result = {level: score(store, dated, names, level) for level in LEVELS}
            as_of, top = top_questions(store)
        tops[name] = {"as_of": as_of, "questions": top}
        print("\n".join(report(name, result, top, wrong=args.wrong)))
    args.brief_out.write_text(json.dumps(tops, indent=1) + "\n")
    print(f"briefing top-{SHOWN_FACTS} questions written to {args.brief_out}")


if __name__ == "__main__":
    main()
