"""TempEval-3 scoring of TIMEX3 annotations, for the benchmark and the test suite.

`score_timexes(gold, system)` counts one document: a relaxed match is a pair of
overlapping spans, paired one to one (largest overlap first); a strict match has
identical offsets; value and type count relaxed matches whose attribute is
identical to the gold one. `TimexScore` adds up over documents and gives the F1
measures; `score_dirs` scores a folder of tagged `.tml` files against the gold
folder it was tagged from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dateline.annotate.timeml import TimemlTimex, read_timeml
from dateline.errors import DatelineError

__all__ = ["TimexScore", "score_dirs", "score_timexes"]


@dataclass(frozen=True)
class TimexScore:
    """Counts behind the TempEval-3 timex measures; add them up over documents with `+`."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: TimexScore) -> TimexScore:
        return TimexScore(*(a + b for a, b in zip(_counts(self), _counts(other))))

    def f1(self, hits: int) -> float:
        """F1 of `hits` correct items against the gold and system totals."""
        return 2 * hits / (self.gold + self.system) if self.gold + self.system else 0.0

    def precision(self, hits: int) -> float:
        return hits / self.system if self.system else 0.0

    def recall(self, hits: int) -> float:
        return hits / self.gold if self.gold else 0.0

    def type_accuracy(self) -> float:
        """Share of relaxed matches whose TIMEX3 type is right."""
        return self.type / self.relaxed if self.relaxed else 0.0


def score_timexes(gold: Iterable[TimemlTimex], system: Iterable[TimemlTimex]) -> TimexScore:
    """TempEval-3 counts for one document.

    A relaxed match is a pair of overlapping spans, paired one to one (largest
    overlap first, so one long system span cannot match two gold spans); a strict
    match has identical offsets; value and type count relaxed matches whose
    attribute is identical to the gold one.
    """
    gold, system = list(gold), list(system)
    pairs = sorted(((min(g.end, s.end) - max(g.start, s.start), i, j) for i, g in enumerate(gold)
                    for j, s in enumerate(system) if g.start < s.end and s.start < g.end), reverse=True)
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            matched.append((gold[i], system[j]))
    return TimexScore(len(gold), len(system),
                      strict=sum((g.start, g.end) == (s.start, s.end) for g, s in matched),
                      relaxed=len(matched),
                      value=sum(g.value == s.value for g, s in matched),
                      type=sum(g.type == s.type for g, s in matched))


def _counts(score: TimexScore) -> tuple[int, ...]:
    return (score.gold, score.system, score.strict, score.relaxed, score.value, score.type)


def score_dirs(gold_dir: Path, system_dir: Path) -> TimexScore:
    """Counts over every `.tml` file under `gold_dir` against the file at the same path under `system_dir`."""
    total = TimexScore()
    golds = sorted(gold_dir.rglob("*.tml"))
    if not golds:
        raise DatelineError(f"{gold_dir}: no .tml files to score against")
    for path in golds:
        target = system_dir / path.relative_to(gold_dir)
        system = read_timeml(target).timexes if target.exists() else ()
        total = total + score_timexes(read_timeml(path).timexes, system)
    return total
