"""Scores a fact ledger against a gold ledger: precision and recall of facts,
values, value-document links and relations.

Gold ledgers are JSON (see tests/gold/): facts, each with values, each value
with its relation and the documents (file names) that report it. Matching:
- a predicted fact matches the gold fact with which it shares the most
  (value, document) reports; each gold fact is matched at most once;
- values match when equal (dates: one contains the other, 2024-10 ~ 2024-10-31;
  counts: within 5%);
- fact precision counts only predicted facts that two or more documents
  report (single-document facts are not in the gold ledgers, which list what a
  reader needs across sources).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dateline.model import Fact

TOLERANCE = 0.05


@dataclass(frozen=True)
class PR:
    """Counts behind precision (correct predictions) and recall (found gold items)."""

    correct: int
    predicted: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class LedgerScore:
    facts: PR
    values: PR
    reports: PR  # (value, document) links
    relations: PR


def same_value(a: str, b: str) -> bool:
    a, b = a.removeprefix(">="), b.removeprefix(">=")
    try:
        x, y = float(a), float(b)
        return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))
    except ValueError:
        return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def score_ledger(facts: Iterable[Fact], names: Mapping[str, str], gold: Mapping[str, Any]) -> LedgerScore:
    """`names` maps document ids to the names the gold ledger uses."""
    predicted = [_predicted(f, names) for f in facts]
    gold_facts = [_gold(g) for g in gold["facts"]]
    matches = _match(predicted, gold_facts)
    multi = [p for p in predicted if len({d for _v, _r, d in p}) >= 2]
    matched_ids = {id(p) for p, _g in matches}
    fact_pr = PR(sum(1 for p in multi if id(p) in matched_ids), len(multi), len(matches), len(gold_facts))
    return LedgerScore(
        facts=fact_pr,
        values=_pairs(matches, predicted, gold_facts, key=lambda v, r, d: (v,)),
        reports=_pairs(matches, predicted, gold_facts, key=lambda v, r, d: (v, d)),
        relations=_pairs(matches, predicted, gold_facts, key=lambda v, r, d: (v, r)),
    )


Report = tuple[str, str, str]  # (value, relation, document name)


def _predicted(fact: Fact, names: Mapping[str, str]) -> list[Report]:
    return [(v.value, v.relation, names.get(d, d)) for v in fact.values for d in v.documents]


def _gold(fact: Mapping[str, Any]) -> list[Report]:
    return [(v["value"], v["relation"], d) for v in fact["values"] for d in v["documents"]]


def _shared(p: list[Report], g: list[Report]) -> int:
    return sum(1 for gv, _gr, gd in g if any(same_value(pv, gv) and pd == gd for pv, _pr, pd in p))


def _match(predicted: list[list[Report]], gold: list[list[Report]]) -> list[tuple[list[Report], list[Report]]]:
    pairs = sorted(
        ((_shared(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p, used_g, out = set(), set(), []
    for shared, i, j in pairs:
        if shared and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((predicted[i], gold[j]))
    return out


def _pairs(matches, predicted, gold, *, key) -> PR:
    """Precision/recall of keyed items within matched facts; unmatched gold items count as missed."""
    correct = predicted_n = found = 0
    for p, g in matches:
        mine = {key(*r) for r in p}
        theirs = {key(*r) for r in g}
        predicted_n += len(mine)
        correct += sum(1 for m in mine if any(_same_key(k, m) for k in theirs))
        found += sum(1 for k in theirs if any(_same_key(k, m) for m in mine))
    gold_n = sum(len({key(*r) for r in g}) for g in gold)
    return PR(correct, predicted_n, found, gold_n)


def _same_key(a: tuple, b: tuple) -> bool:
    return same_value(a[0], b[0]) and a[1:] == b[1:]
