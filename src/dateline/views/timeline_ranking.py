"""Ranking a timeline's dates by the independent sources that report them while they are news.

An article counts fully for a date it names within `fresh_days` of it, and
`repeat_weight` when it only recalls it later; articles repeating one another's
sentence count once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dateline.views.timeline_dates import _DAY, _first_day, _span
from dateline.views.timeline_placing import Placed

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Salience:
    """How dates are ranked and where the story's period starts (bench/timelines.py chooses them
    leave-one-topic-out on Timeline17)."""

    fresh_days: int = 7  # an article naming a date within this many days after it reports it as news
    repeat_weight: float = 0.25  # what a later recall of a date counts, against a fresh report
    published_weight: float = 0.5  # an article published on a date counts this much of a sentence naming it
    month_weight: float = 0.5  # month-precision mentions are vaguer evidence than days
    margin_days: int = 14  # the story's period starts this many days before its first article
    # a day only one source gives counts in the period only this close before the first article: the
    # event the first reports follow; a lone earlier day is most often background (ECB+ 1-16, T17)
    lone_margin_days: int = 1


DEFAULT_SALIENCE = Salience()


def _rank_dates(by_date: dict[str, list[Placed]], published: Iterable[date], limit: int | None,
                salience: Salience) -> list[str]:
    articles = Counter(day.isoformat() for day in published)
    score = {}
    for day, placed in by_date.items():
        precision = 1.0 if _DAY.match(day) else salience.month_weight
        reports = sum(max(_report_weight(day, p, salience) for p in source) for source in _sources(placed))
        score[day] = precision * reports + salience.published_weight * articles.get(day, 0)
    ranked = sorted(score, key=lambda d: (-score[d], d))
    return ranked[:limit] if limit else ranked


def _report_weight(day: str, p: Placed, salience: Salience) -> float:
    """A sentence naming the date counts fully while the date is news, `repeat_weight` when recalled later."""
    if not p.named:
        return 0.0
    reported = p.citation.published
    if reported is None:
        return salience.repeat_weight
    fresh = (reported - _first_day(day)).days <= salience.fresh_days + _span(day)
    return 1.0 if fresh else salience.repeat_weight


def _sources(placed: list[Placed]) -> list[list[Placed]]:
    """The placed sentences grouped by independent source: articles that share a sentence on this
    date word for word (a wire story and its copies) are one source."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_doc: dict[str, str] = {}
    for p in placed:
        doc = p.citation.document
        key = " ".join(_WORD.findall(p.citation.text.lower()))
        other = first_doc.setdefault(key, doc)
        parent[root(doc)] = root(other)
    groups: dict[str, list[Placed]] = defaultdict(list)
    for p in placed:
        groups[root(p.citation.document)].append(p)
    return list(groups.values())
