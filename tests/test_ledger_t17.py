"""The Timeline17 gold ledgers (bench/gold/ledger_t17_*.json) are well-formed, hold no article
text, and, when the Timeline17 data is unpacked, their evidence offsets still point at the
sentences they were made from (SHA-1 of each span)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

from dateline.evaluation import gold_bounds, gold_current, gold_currents, gold_value_matches

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold"
T17 = ROOT / ".cache" / "benchmarks" / "timelines-t17-dev" / "tls" / "llm-tls-copy" / "Dataset" / "T17"
TOPICS = ("haiti", "mj", "h1n1", "finan")
TYPES = {"count", "amount", "level/state", "office holder", "person status", "legal proceeding",
         "agreement state", "date/deadline", "plan"}
RELATIONS = {"first", "update", "agree", "contradict", "elaborate", "deny"}
DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def gold(topic: str) -> dict:
    return json.loads((GOLD / f"ledger_t17_{topic}.json").read_text())


def strings(item) -> list[str]:
    if isinstance(item, dict):
        return [s for v in item.values() for s in strings(v)]
    if isinstance(item, list):
        return [s for v in item for s in strings(v)]
    return [item] if isinstance(item, str) else []


@pytest.mark.parametrize("topic", TOPICS)
def test_gold_ledger_is_well_formed(topic):
    facts = gold(topic)["facts"]
    assert 8 <= len(facts) <= 12
    assert len({f["id"] for f in facts}) == len(facts)
    for fact in facts:
        assert fact["question"].endswith("?") and fact["type"] in TYPES and fact["scope"], fact["id"]
        days = [v["first_reported"] for v in fact["values"]]
        assert fact["values"] and days == sorted(days), fact["id"]
        assert fact["values"][0]["relation"] == "first", fact["id"]
        for value in fact["values"]:
            assert value["relation"] in RELATIONS and DATE.match(value["first_reported"])
            assert value["evidence"]["document"] in value["documents"]
            assert all(d.startswith(f"t17-{topic}-") for d in value["documents"])
            numeric = gold_bounds(value["value"]) is not None
            assert numeric or DATE.match(value["value"]) or value.get("words") or value["value"], value
            assert gold_current(fact, value["first_reported"]) is not None


@pytest.mark.parametrize("topic", TOPICS)
def test_gold_ledger_holds_no_article_text(topic):
    """Questions, labels and state words are short: no run of article text is stored."""
    data = gold(topic)
    note = data.pop("note")
    assert "texts belong to their publishers" in note
    assert max(len(s) for s in strings(data)) <= 120
    assert max(len(s.split()) for s in strings(data)) <= 16


def stored_texts(topic: str) -> list[str]:
    """The text dateline stores for each row: bench/timex_news.py's detokenize, then cleaning."""
    sys.path.insert(0, str(ROOT / "bench"))
    from timex_news import detokenize

    from dateline.ingest.prepare import to_document
    from dateline.model import RawDocument

    csv.field_size_limit(1 << 30)
    with open(T17 / topic / "outputwithpub.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = {}
    for d in {v["evidence"]["document"] for fact in gold(topic)["facts"] for v in fact["values"]}:
        row = rows[int(d.rsplit("-", 1)[1])]
        raw = RawDocument(source=d, text=detokenize(row["text"]), id=d, published=row["date"][:10])
        texts[d] = to_document(raw).text
    return texts


@pytest.mark.skipif(not T17.exists(), reason="Timeline17 not unpacked (.cache/benchmarks)")
@pytest.mark.parametrize("topic", TOPICS)
def test_evidence_offsets_point_at_the_same_words(topic):
    texts = stored_texts(topic)
    for fact in gold(topic)["facts"]:
        for value in fact["values"]:
            ev = value["evidence"]
            span = texts[ev["document"]][ev["start"]:ev["end"]]
            assert hashlib.sha1(span.encode("utf-8")).hexdigest() == ev["sha1"], (fact["id"], value["value"])


@pytest.mark.parametrize("gold_value, value, label, same", [
    ({"value": "100000..200000"}, "200000", "at most 200,000", True),
    ({"value": "100000..200000"}, "150000", "about 150,000", True),
    ({"value": "100000..200000"}, "300000", "300,000", False),
    ({"value": ">=100000"}, "100000", "at least 100,000", True),
    ({"value": ">=100000"}, "100000", "at most 100,000", False),
    ({"value": "1500000"}, "1.5e+06", "about 1,500,000", True),
    ({"value": "1500000"}, "1.56e+06", "1,560,000", False),
    ({"value": "2011-09"}, "2011-09-27", "", True),
    ({"value": "homicide", "words": ["homicide"]}, "ruled a homicide", "", True),
    ({"value": "phase 6", "words": ["phase 6"]}, "5", "phase 5", False),
])
def test_gold_value_matching(gold_value, value, label, same):
    assert gold_value_matches(gold_value, value, label) == same


def test_gold_current_takes_the_later_listed_of_one_day():
    """Values are listed oldest first: of two first reported the same day, the later listed is current,
    and a same-day contradiction leaves it standing; either superseding value of that day may be."""
    fact = {"values": [
        {"value": "14", "relation": "first", "first_reported": "2010-01-13"},
        {"value": "16", "relation": "update", "first_reported": "2010-01-14"},
        {"value": "36", "relation": "update", "first_reported": "2010-01-14"},
        {"value": "20", "relation": "contradict", "first_reported": "2010-01-14"},
    ]}
    assert gold_current(fact, "2010-01-13")["value"] == "14"
    assert gold_current(fact, "2010-01-14")["value"] == "36"
    assert gold_current(fact, "2010-01-12") is None
    assert [v["value"] for v in gold_currents(fact, "2010-01-14")] == ["16", "36"]
    assert [v["value"] for v in gold_currents(fact, "2010-01-20")] == ["16", "36"]
    assert gold_currents(fact, "2010-01-12") == []
