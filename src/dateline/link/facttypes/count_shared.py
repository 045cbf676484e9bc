"""Figures that share their noun with another of their sentence, which the parse left uncounted.

News writes what a figure counts once for several figures:
- a list of places: "confirmed 125 cases in Japan, 103 in Spain and 101 in Britain" (103 and 101 are cases);
- a running total after its increment: "three more people were diagnosed, taking the total in the UK so far to
  184" (184 people diagnosed, in the UK);
- a ranking: "the US has reported the most cases with 21,449" (21,449 cases).
Each reading gives the figure the noun (and verb) of the figure it shares it with; a figure with a noun of its
own, or none to share, stays as it was. Troop totals are `count_figure.total_of`'s.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.link.facttypes.base import sentence_of
from dateline.link.facttypes.count_scope import country_aliases
from dateline.model import AnnotatedDocument, Quantity

_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
# what may stand between two figures of one list: the earlier one's noun and place, then a comma or "and"
_LIST_GAP = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+in\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
                       r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_APPROX = r"(?:about |around |some |more than |over |nearly |almost |roughly )?"
_TOTAL_TO = re.compile(r"\b(?:taking|bringing|raising|pushing|lifting)\s+(?:the|its|their)\s+(?:overall\s+)?"
                       rf"(?:total|tally|count)(?P<what>[^.;:!?\d]{{0,40}}?)\s+to\s+{_APPROX}$", re.IGNORECASE)
_MOST_WITH = re.compile(r"\b(?:the\s+)?(?:most|highest number of|largest number of|greatest number of)\s+"
                        rf"(?P<noun>[a-z]+),?\s+with\s+{_APPROX}$")
_FORCE = re.compile(r"\b(?:troops?|soldiers|police|peacekeep\w*|forces?|personnel)\b", re.IGNORECASE)
_PLACE_WORDS = re.compile(r"\bin (?:the )?(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})")


def shared(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """The figure with the noun it shares with another of its sentence (the module docstring); else as it was."""
    if q.counts or q.unit:
        return q
    sentence = sentence_of(annotated, q.start)
    if sentence is None:
        return q
    text = annotated.document.text
    before = text[max(sentence.start, q.start - 80):q.start]
    most = _MOST_WITH.search(before)
    if most is not None:
        return replace(q, counts=most.group("noun"))
    earlier = [o for o in annotated.quantities if sentence.start <= o.start and o.end <= q.start and not o.unit]
    total = _TOTAL_TO.search(before)
    if total is not None and earlier and earlier[-1].counts and not _FORCE.search(earlier[-1].counts):
        place = _PLACE_WORDS.search(total.group("what"))
        where = country_aliases().get(place.group("place")) if place else None
        return replace(q, counts=earlier[-1].counts, verb=earlier[-1].verb, state=earlier[-1].state,
                       where=where or q.where)
    return _listed(q, earlier, text)


def _listed(q: Quantity, earlier: list[Quantity], text: str) -> Quantity:
    """A figure of a list by place ("103 in Spain and 101 in Britain") takes the noun of the list's first figure."""
    if not _IN_PLACE.match(text, q.end):
        return q
    at = q
    for other in reversed(earlier):
        if not _LIST_GAP.match(text[other.end:at.start]):
            return q
        if other.counts:  # its place is the one after it ("in Spain"), read by count_scope.place_of
            return replace(q, counts=other.counts, verb=other.verb, state=other.state, where=None)
        at = other
    return q
