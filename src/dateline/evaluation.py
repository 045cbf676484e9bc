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


# --- Gold ledgers with dated values (bench/gold/ledger_t17_*.json) -------------------------------
# A gold value is a number ("1500000"), a bound (">=100000", "<=200000"), a range
# ("100000..200000"), a date ("2011-09") or a state ("homicide", with "words" that state it).
# These checks answer: which dateline fact asks a gold question, which of its values a gold
# value is, and what the gold's own current answer is on a date.

NUMBER_TOLERANCE = 0.02


def gold_bounds(value: str) -> tuple[float, float, str] | None:
    """(low, high, form) of a numeric gold value, form one of exact, >=, <=, range; None otherwise."""
    try:
        if ".." in value:
            low, high = value.split("..")
            return float(low), float(high), "range"
        for prefix in (">=", "<="):
            if value.startswith(prefix):
                number = float(value[2:])
                return number, number, prefix
        number = float(value)
        return number, number, "exact"
    except ValueError:
        return None


def _predicted_form(label: str) -> str:
    label = label.lower()
    return ">=" if label.startswith(("at least", "more than", "over")) else "<=" if label.startswith(
        ("at most", "up to", "as many as", "fewer than", "less than")) else "exact"


def gold_value_matches(gold: Mapping[str, Any], value: str, label: str = "") -> bool:
    """Whether a dateline value (with its label) states the gold value.

    Numbers: equal within 2% (a bound's direction must not be the opposite one); a range matches
    either end or a number inside it. Dates: one contains the other. States: the value or label
    holds the gold state or one of the words that stated it.
    """
    bounds = gold_bounds(gold["value"])
    try:
        number = float(value.removeprefix(">=").removeprefix("<="))
    except ValueError:
        number = None
    if bounds is not None and number is not None:
        low, high, form = bounds
        close = lambda x: abs(x - number) <= NUMBER_TOLERANCE * max(abs(x), abs(number))
        if form == "range":
            return close(low) or close(high) or low <= number <= high
        said = _predicted_form(label) if not value.startswith((">=", "<=")) else value[:2]
        opposite = {">=": "<=", "<=": ">="}.get(form)
        return close(low) and said != opposite
    if bounds is not None or number is not None:
        return False
    if same_value(gold["value"], value):
        return True
    text = f"{value} {label}".lower()
    return any(w.lower() in text for w in [gold["value"], *gold.get("words", ())])


def fact_values_found(gold_fact: Mapping[str, Any], fact: Fact) -> list[int]:
    """Indexes of the gold values that some value of `fact` states, in a document the gold cites.

    A gold fact with a single value asks more: the dateline value must cite the gold's evidence
    sentence (when the gold gives one), since one number alone often recurs in unrelated questions.
    """
    single = len(gold_fact["values"]) == 1
    found = []
    for i, g in enumerate(gold_fact["values"]):
        docs = set(g["documents"])
        for v in fact.values:
            if not (gold_value_matches(g, v.value, v.label) and docs & set(v.documents)):
                continue
            if single and "evidence" in g and not _cites(v.citations, g["evidence"]):
                continue
            found.append(i)
            break
    return found


def _cites(citations: Iterable[Any], evidence: Mapping[str, Any]) -> bool:
    return any(c.document == evidence["document"] and c.start < evidence["end"] and evidence["start"] < c.end
               for c in citations)


def match_gold_facts(gold_facts: list[Mapping[str, Any]], facts: list[Fact]) -> list[tuple[Fact | None, list[int]]]:
    """For each gold fact, the dateline fact that asks it, one to one, with the gold values it states.

    Pairs are taken greedily, most gold values stated first (ties: the fact with fewer values). A
    gold fact is found when its fact states two or more gold values, or the only one.
    """
    pairs = []
    for gi, g in enumerate(gold_facts):
        for fi, f in enumerate(facts):
            hits = fact_values_found(g, f)
            if len(hits) >= min(2, len(g["values"])):
                pairs.append((-len(hits), len(f.values), gi, fi, hits))
    out: list[tuple[Fact | None, list[int]]] = [(None, []) for _ in gold_facts]
    used: set[int] = set()
    for _n, _size, gi, fi, hits in sorted(pairs, key=lambda p: p[:4]):
        if out[gi][0] is None and fi not in used:
            out[gi] = (facts[fi], hits)
            used.add(fi)
    return out


CURRENT_RELATIONS = ("first", "update", "elaborate", "agree")


def gold_current(gold_fact: Mapping[str, Any], day: str) -> Mapping[str, Any] | None:
    """The gold's current answer on an ISO day: the newest value first reported by then that
    supersedes (a contradiction or denial leaves the earlier answer standing). Values are listed
    oldest first, so of two first reported the same day the later listed is the newer."""
    return (gold_currents(gold_fact, day) or [None])[-1]


def gold_currents(gold_fact: Mapping[str, Any], day: str) -> list[Mapping[str, Any]]:
    """Every value that may be the current answer on an ISO day: those that supersede, first reported
    on the newest day that has one by then, oldest listed first. Articles carry a day, not an hour,
    so two figures first reported the same day cannot be ordered: either is the latest report."""
    standing = [v for v in gold_fact["values"] if v["first_reported"] <= day and v["relation"] in CURRENT_RELATIONS]
    newest = max((v["first_reported"] for v in standing), default=None)
    return [v for v in standing if v["first_reported"] == newest]
