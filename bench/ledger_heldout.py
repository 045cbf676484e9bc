"""The ledger's briefing on held-out news: the 66 ECB+ sub-events, never used to tune the ledger.

Usage: python bench/ledger_heldout.py [--make DIR] [--ingest DIR] [--stores DIR] [--subevents 1-ecb,1-ecbplus]
                                      [--brief-out FILE] [--baseline-out FILE] [--judge-out FILE]
                                      [--score VERDICTS [--key FILE] [--shown FILE...]]

ECB+ (topics 1-35 as unpacked, 33 of them present) holds two sub-events per topic: `<t>_Necb.xml`
articles (Google News, 2008-ish) on one event and `<t>_Necbplus.xml` articles (2005-2013) on a second
event of the same kind (two arrests, two quakes, two hirings). Each sub-event is one held-out corpus:
- --make DIR writes DIR/<t>-ecb.jsonl and DIR/<t>-ecbplus.jsonl, one record per article: id
  "ecb-<docname>", the text put back together from ECB's tokens (bench/timex_news.py `detokenize`),
  and for ecbplus articles the URL the text opens with, taken out of the text and given as `url`,
  with `published` when the URL holds a full date (ecb articles carry no date: the tool must cope);
- --ingest DIR ingests each DIR/<name>.jsonl into DIR/<name>.db (`dateline ingest --no-tagger`,
  one sub-event at a time, skipped when the store exists);
- --brief-out FILE writes the briefing's shown questions of each store (bench/ledger_t17.py
  `last_day_brief`: the largest topic, as of the last article day) as a JSON list of
  {corpus, as_of, question, current, reason, disputed, documents};
- --baseline-out FILE writes the baseline in the same form: per sub-event, the (number, noun) pair
  repeated most often across its articles, asked as "How many <noun>?";
- --judge-out FILE writes both in one shuffled list with neutral item ids and no system named, and
  FILE's `.key.json` twin mapping each item to its system, so a judge scores them blind;
- --score VERDICTS [--shown FILE...] prints, per sub-event and in total, the questions judged and their verdicts
  (with --shown, only those the given brief/baseline files of one run show)
  (rubric: bench/gold/LEDGER_T17.md), the share of sub-events with at least one question, and the
  key facts no question asks (`{corpus, missing}` entries); with --key, per system.
How the set is built and judged: bench/gold/LEDGER_HELDOUT.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ledger_t17 import last_day_brief, question_rows
from stories import ECB, read_ecb
from timex_news import detokenize

from dateline.store import Store
from dateline.views.brief import SHOWN_FACTS

VERDICTS = ("well-formed and right", "well-formed, wrong", "not well-formed")
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
URL_DATES = (  # the date patterns news URLs use, most explicit first
    re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)"),
    re.compile(r"/((?:19|20)\d\d)/([a-z]{3})/(\d\d)(?:/|$)", re.IGNORECASE),
    re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),
)
NOT_COUNTS = r"(19|20)\d\d|\d+[:.]\d\d|hundred|thousand|million|billion|trillion|dozen"  # years, times, bare scales
THOUSANDS = re.compile(r"(?<![\d,.\-])(\d{1,3}(?:,\d{3})*), (?=\d{3}(?!\d))")  # "1, 400, 000", not "8, 135"
CLAUSE_WORDS = "the|a|an|and|but|or|which|who|that|this|it|he|she|they|we|i|you|his|her|their|its|as|so"
BASELINE_SYSTEM, DATELINE_SYSTEM = "baseline", "dateline"


@dataclass(frozen=True)
class Article:
    """One ECB+ article as dateline reads it."""
    id: str
    text: str
    url: str | None = None
    published: str | None = None

    def record(self) -> dict:
        return {k: v for k, v in (("id", self.id), ("url", self.url), ("published", self.published),
                                  ("text", self.text)) if v}


# --- making the corpora ---------------------------------------------------------------------

def url_date(url: str) -> str | None:
    """The full date a news URL holds (YYYY-MM-DD), None when it holds none or only a month."""
    for pattern in URL_DATES:
        for year, month, day in pattern.findall(url):
            month_number = MONTHS.get(month.lower()) if month.isalpha() else int(month)
            try:
                return date(int(year), month_number or 0, int(day)).isoformat()
            except ValueError:
                continue  # "/2013/99/..." or a product number that looks like a date
    return None


def ecb_detokenize(tokens_text: str, *, split_hyphens: bool) -> str:
    """ECB+ tokens put back into text: `detokenize`, then clock times ("7: 00pm" -> "7:00pm") and, in
    the ecbplus documents, whose tokeniser split every hyphen and thousands separator, compounds
    ("court - mandated") and numbers ("31, 000") rejoined; a dash before a function word stays a dash
    (a clause break) unless another follows it ("hit - and - run"), "- -" is a double dash."""
    text = re.sub(r"(\d): (\d\d)(?!\d)", r"\1:\2", detokenize(tokens_text))
    if split_hyphens:
        text = text.replace(" - - ", " -- ")
        text = re.sub(rf"(?<=\w) - (?!(?:{CLAUSE_WORDS})\b(?! - ))(?=\w)", "-", text, flags=re.IGNORECASE)
        text = THOUSANDS.sub(r"\1,", text)
    return text


def to_article(name: str, tokens_text: str) -> Article:
    """An ECB+ document (its tokens, one sentence a line) as an article; a first line that is a
    tokenised URL ("http : / / www . x . com / ...") becomes the url, rejoined."""
    first, _, rest = tokens_text.partition("\n")
    split_hyphens = name.endswith("ecbplus")
    if not first.startswith("http"):
        return Article(f"ecb-{name}", ecb_detokenize(tokens_text, split_hyphens=split_hyphens))
    url = re.sub(r"\s+", "", first)
    return Article(f"ecb-{name}", ecb_detokenize(rest, split_hyphens=split_hyphens), url, url_date(url))


def subevents() -> dict[str, list[Article]]:
    """Every sub-event ("<topic>-ecb", "<topic>-ecbplus") with its articles, in document order."""
    found: dict[str, list[Article]] = defaultdict(list)
    for doc in read_ecb():
        found[doc.subtopic].append(to_article(doc.name, doc.text))
    return dict(sorted(found.items(), key=lambda kv: (int(kv[0].split("-")[0]), kv[0])))


def make(folder: Path, only: set[str] | None = None) -> dict[str, int]:
    """Write folder/<sub-event>.jsonl for each sub-event (or those in `only`); articles per file."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, articles in subevents().items():
        if only and name not in only:
            continue
        lines = [json.dumps(a.record(), ensure_ascii=False) for a in articles if a.text]
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        written[name] = len(lines)
    return written


# --- ingesting ------------------------------------------------------------------------------

def ingest_all(folder: Path, only: set[str] | None = None) -> Iterator[tuple[str, float, int]]:
    """Ingest each folder/<name>.jsonl into folder/<name>.db, one at a time (a store that exists is
    kept); yields (name, seconds, exit code). Exit code 1 means some article failed: see the log."""
    dateline = str(Path(sys.executable).parent / "dateline")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    for jsonl in sorted(folder.glob("*.jsonl"), key=_order):
        name = jsonl.stem
        db = folder / f"{name}.db"
        if (only and name not in only) or db.exists():
            continue
        start = time.monotonic()
        with (folder / f"{name}.log").open("w") as log:
            code = subprocess.run([dateline, "ingest", str(jsonl), "--no-tagger", "--db", str(db)],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, check=False).returncode
        yield name, time.monotonic() - start, code


def _order(path: Path) -> tuple[int, str]:
    topic, _, kind = path.stem.partition("-")
    return (int(topic), kind) if topic.isdigit() else (10**6, path.stem)


def stores(folder: Path, only: set[str] | None = None) -> list[tuple[str, Path]]:
    found = sorted(folder.glob("*.db"), key=_order)
    return [(p.stem, p) for p in found if not only or p.stem in only]


# --- the briefing ---------------------------------------------------------------------------

def shown_questions(store: Store, corpus: str) -> list[dict]:
    """The briefing's shown questions as bench/ledger_t17.py reads them (`last_day_brief`, `question_rows`),
    with the documents each cites; a store with no dated article is briefed as of no date (all of it)."""
    as_of, briefing = last_day_brief(store)
    facts = briefing.facts[:SHOWN_FACTS]
    return [{"corpus": corpus, "as_of": as_of.isoformat() if as_of else None,
             **{k: row[k] for k in ("question", "current", "reason", "disputed")},
             "documents": sorted({d for v in f.values for d in v.documents})} for row, f in zip(question_rows(facts), facts)]


def briefs(folder: Path, only: set[str] | None = None) -> list[dict]:
    out = []
    for corpus, db in stores(folder, only):
        with Store(db) as store:
            if not store.stories():  # an ingest that failed before linking: no question, said once
                print(f"{corpus}: no stories in {db} (see {corpus}.log): no questions", file=sys.stderr)
                continue
            out.extend(shown_questions(store, corpus))
    return out


# --- the baseline ---------------------------------------------------------------------------

def number_nouns(doc) -> Iterator[tuple[str, str, str | None]]:
    """(number, noun lemma, the noun as written when it is a plural) for each number a noun follows,
    directly or after one adjective ("26 pirates", "five injured people"); years and clock times are
    not counts."""
    for i, tok in enumerate(doc[:-1]):
        if tok.pos_ != "NUM" or re.fullmatch(NOT_COUNTS, tok.text.lower()):
            continue
        nxt = doc[i + 1]
        if nxt.pos_ == "ADJ" and i + 2 < len(doc):
            nxt = doc[i + 2]
        if nxt.pos_ == "NOUN" and nxt.is_alpha:
            plural = nxt.text.lower() if nxt.tag_ == "NNS" else None
            yield tok.text.lower().replace(",", ""), nxt.lemma_.lower(), plural


def baseline_question(corpus: str, articles: list[dict], nlp) -> list[dict]:
    """The most repeated (number, noun) pair as "How many <noun>?" (ties: more articles, then first seen)."""
    counts: Counter[tuple[str, str]] = Counter()
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    plurals: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles)):
        for number, lemma, plural in number_nouns(doc):
            counts[number, lemma] += 1
            documents[number, lemma].add(article["id"])
            plurals[number, lemma].update([plural] if plural else [])
    if not counts:
        return []
    pair = max(counts, key=lambda p: (counts[p], len(documents[p])))  # max keeps the first of equals
    noun = _plural(plurals[pair], pair[1])
    return [{"corpus": corpus, "as_of": None, "question": f"How many {noun}?", "current": pair[0],
             "reason": f"repeated {counts[pair]} times in {len(documents[pair])} articles", "disputed": False,
             "documents": sorted(documents[pair])}]


def _plural(written: Counter[str], lemma: str) -> str:
    """The noun as a count asks for it: its plural as written most often, else the lemma with an s."""
    if written:
        return written.most_common(1)[0][0]
    return lemma + ("es" if lemma.endswith(("s", "x", "ch", "sh")) else "s")


def baselines(folder: Path, only: set[str] | None = None) -> list[dict]:
    from dateline.nlp import load_nlp  # the same spaCy model; none of dateline's annotators

    nlp = load_nlp(("ner", "parser"))
    out = []
    for jsonl in sorted(folder.glob("*.jsonl"), key=_order):
        if only and jsonl.stem not in only:
            continue
        articles = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line]
        out.extend(baseline_question(jsonl.stem, articles, nlp))
    return out


# --- blind judging and scoring --------------------------------------------------------------

def blind(systems: dict[str, list[dict]], seed: int = 13) -> tuple[list[dict], dict[str, str]]:
    """Every system's questions in one shuffled list, grouped by corpus, each with an item id and no
    system named (no reason either, and one as_of per corpus: they would give the system away); and
    the key, item id -> system."""
    rows = [(system, row) for system, found in systems.items() for row in found]
    as_of = {row["corpus"]: row["as_of"] for row in systems.get(DATELINE_SYSTEM, [])}  # one day per corpus
    random.Random(seed).shuffle(rows)
    items, key = [], {}
    for n, (system, row) in enumerate(sorted(rows, key=lambda r: _order(Path(r[1]["corpus"]))), start=1):
        item = f"q{n:04d}"
        items.append({"item": item, **{k: row[k] for k in ("corpus", "question", "current", "documents")},
                      "as_of": as_of.get(row["corpus"], row["as_of"])})
        key[item] = system
    return items, key


def system_of(verdict: dict, key: dict[str, str], shown: dict[tuple[str, str, str], str]) -> str:
    """Which system a verdict is on: as it says, else its item id in the key, else its (corpus, question, value)."""
    if verdict.get("system"):
        return verdict["system"]
    if verdict.get("item") in key:
        return key[verdict["item"]]
    return shown.get(_judged(verdict), DATELINE_SYSTEM)


def _judged(row: dict) -> tuple[str, str, str]:
    value = row.get("current_value", row.get("current"))
    return row["corpus"], row["question"].lower(), str(value)


def tally(verdicts: list[dict], corpora: Iterable[str], systems: Iterable[str],
          system_of_row) -> dict[str, dict[str, Counter]]:
    """system -> corpus -> counts: shown, each verdict, missing (key facts no question asks, counted
    against every system)."""
    table = {system: {c: Counter() for c in corpora} for system in systems}
    for row in verdicts:
        if "missing" in row:
            for per in table.values():
                per.setdefault(row["corpus"], Counter())["missing"] += 1
            continue
        if row["verdict"] not in VERDICTS:
            raise ValueError(f"unknown verdict {row['verdict']!r} on {row['corpus']}: use one of {VERDICTS}")
        counts = table.setdefault(system_of_row(row), {}).setdefault(row["corpus"], Counter())
        counts["shown"] += 1
        counts[row["verdict"]] += 1
    return table


def score_lines(table: dict[str, dict[str, Counter]]) -> Iterator[str]:
    head = f"{'sub-event':<14} {'shown':>5} {'right':>5} {'wrong':>5} {'not-wf':>6} {'missing':>7}"
    for system, per in sorted(table.items()):
        yield f"== {system}"
        yield head
        for corpus, c in sorted(per.items(), key=lambda kv: _order(Path(kv[0]))):
            yield _line(corpus, c)
        total = sum(per.values(), Counter())
        yield _line("total", total)
        asked = sum(1 for c in per.values() if c["shown"])
        right = total["well-formed and right"]
        yield (f"sub-events with at least one question: {asked}/{len(per)}"
               f" ({asked / len(per):.2f}); well-formed and right: {right}/{total['shown']}"
               f" ({right / total['shown'] if total['shown'] else 0:.2f})")


def _line(corpus: str, c: Counter) -> str:
    return (f"{corpus:<14} {c['shown']:>5} {c['well-formed and right']:>5} {c['well-formed, wrong']:>5} "
            f"{c['not well-formed']:>6} {c['missing']:>7}")


def score(verdicts_path: Path, key_path: Path | None, corpora: Iterable[str],
          shown_paths: Iterable[Path] = ()) -> list[str]:
    """The score lines of a verdicts file; corpora: every sub-event, judged or not (none: those judged).
    With `shown_paths` (brief or baseline files of one run), only the verdicts on the questions that run
    shows count, and the questions shown that no verdict judges are named."""
    verdicts = json.loads(verdicts_path.read_text())
    verdicts = verdicts.get("judgements", verdicts) if isinstance(verdicts, dict) else verdicts
    unjudged: list[str] = []
    if shown_paths:
        wanted = {_judged(row) for path in shown_paths for row in json.loads(path.read_text())}
        verdicts = [v for v in verdicts if "missing" in v or _judged(v) in wanted]
        unjudged = [" | ".join(k) for k in sorted(wanted - {_judged(v) for v in verdicts if "missing" not in v})]
    key = json.loads(key_path.read_text()) if key_path else {}
    shown = {}
    if key_path and (items := key_path.with_name(key_path.name.replace(".key.json", ".json"))).exists():
        shown = {_judged(i): key[i["item"]] for i in json.loads(items.read_text()) if i["item"] in key}
    names = sorted(set(corpora) | {v["corpus"] for v in verdicts})
    systems = sorted(set(key.values())) or [DATELINE_SYSTEM]
    lines = list(score_lines(tally(verdicts, names, systems, lambda row: system_of(row, key, shown))))
    return lines + [f"not judged yet: {len(unjudged)}", *(f"  {u}" for u in unjudged)] if shown_paths else lines


# --- the command ----------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make", type=Path, metavar="DIR", help="write DIR/<sub-event>.jsonl")
    parser.add_argument("--ingest", type=Path, metavar="DIR", help="ingest DIR/*.jsonl into DIR/<sub-event>.db")
    parser.add_argument("--stores", type=Path, default=Path("/tmp/e13"), help="folder of the stores and JSONL")
    parser.add_argument("--subevents", help="comma-separated sub-events (e.g. 1-ecb,1-ecbplus); default all")
    parser.add_argument("--brief-out", type=Path, metavar="FILE")
    parser.add_argument("--baseline-out", type=Path, metavar="FILE")
    parser.add_argument("--judge-out", type=Path, metavar="FILE",
                        help="both systems blind in FILE, the key in FILE's .key.json twin")
    parser.add_argument("--score", type=Path, metavar="VERDICTS")
    parser.add_argument("--key", type=Path, help="the --judge-out key, to score each system apart")
    parser.add_argument("--shown", type=Path, nargs="+", default=[], metavar="FILE",
                        help="with --score: count only the questions these brief/baseline files show")
    args = parser.parse_args(argv)
    only = set(args.subevents.split(",")) if args.subevents else None
    run(args, only)


def run(args: argparse.Namespace, only: set[str] | None) -> None:
    if (args.make or args.ingest) and not ECB.exists():
        sys.exit(f"ECB+ not unpacked at {ECB}: run ../shared/benchmarks/unpack .cache/benchmarks")
    if args.make:
        written = make(args.make, only)
        print(f"{len(written)} sub-events, {sum(written.values())} articles written to {args.make}")
    if args.ingest:
        for name, seconds, code in ingest_all(args.ingest, only):
            print(f"{name:<12} {seconds:6.1f}s exit {code}" + ("  (failures: see the .log)" if code else ""), flush=True)
    systems = {}
    if args.brief_out:
        systems[DATELINE_SYSTEM] = briefs(args.stores, only)
        args.brief_out.write_text(json.dumps(systems[DATELINE_SYSTEM], indent=1, ensure_ascii=False) + "\n")
        print(f"{len(systems[DATELINE_SYSTEM])} questions written to {args.brief_out}")
    if args.baseline_out:
        systems[BASELINE_SYSTEM] = baselines(args.stores, only)
        args.baseline_out.write_text(json.dumps(systems[BASELINE_SYSTEM], indent=1, ensure_ascii=False) + "\n")
        print(f"{len(systems[BASELINE_SYSTEM])} baseline questions written to {args.baseline_out}")
    if args.judge_out:
        write_blind(args, systems)
    if args.score:
        corpora = [p.stem for p in args.stores.glob("*.jsonl") if not only or p.stem in only]
        print("\n".join(score(args.score, args.key, corpora, args.shown)))


def write_blind(args: argparse.Namespace, systems: dict[str, list[dict]]) -> None:
    """The blind file from this run's outputs, or from the files --brief-out/--baseline-out name."""
    for system, path in ((DATELINE_SYSTEM, args.brief_out), (BASELINE_SYSTEM, args.baseline_out)):
        if system not in systems and path and path.exists():
            systems[system] = json.loads(path.read_text())
    items, key = blind(systems)
    args.judge_out.write_text(json.dumps(items, indent=1, ensure_ascii=False) + "\n")
    key_path = args.judge_out.with_name(args.judge_out.stem + ".key.json")
    key_path.write_text(json.dumps(key, indent=1) + "\n")
    print(f"{len(items)} items to judge blind in {args.judge_out}, key in {key_path}")


if __name__ == "__main__":
    main()
