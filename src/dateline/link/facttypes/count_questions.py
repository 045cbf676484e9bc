"""How a count's question is worded: where it is asked (" in the United States", " worldwide"), the group as
the reports write it ("US troops"), and the questions of counts stored before counts were typed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from dateline.link.observations import Observation, count_wording

_THE = re.compile(r"^(?:United |Republic |Democratic Republic |(?:Gulf|Bay|Sea|Strait|Straits|Horn) of )|(?:Republic|"
                  r"Islands|Emirates|Kingdom|States|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|"
                  r" Sea| Ocean| Gulf| Channel| Strait)$")  # and waters: "the Gulf of Aden", "the Red Sea"


def where_words(place: str) -> str:
    """ " in Haiti", " in the United States", " worldwide", or nothing."""
    if not place:
        return ""
    if place == "worldwide":
        return " worldwide"
    return " in " + (f"the {place}" if _THE.search(place) and not place.startswith("the ") else place)


def legacy_question(group: str, place: str, qualifier: str) -> str:
    """A count of a planned troop movement ("How many US troops will leave Iraq?"), or one stored before
    counts were typed."""
    verb = count_wording(qualifier)
    if place and place != "worldwide":
        return f"How many {group} {verb} {where_words(place).removeprefix(' in ')}?"
    where = " worldwide" if place else ""
    return f"How many {group} {verb.removesuffix(' in')}{where}?"


_ABBREVIATIONS = frozenset({"us", "uk", "un", "eu"})


def as_written(topic: str, observations: Sequence[Observation]) -> str:
    """The topic as the reports write it most ("US troops"; the ledger groups it in lower case): a group named
    for its owner as the count type wrote it ("Sri Lankan troops"), else as the sentences do."""
    owned = Counter(o.subject for o in observations if o.subject and o.subject.lower() == topic and (
        o.subject != o.subject.lower()))
    if owned:
        return owned.most_common(1)[0][0]
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, topic.split())) + r"\b", re.IGNORECASE)
    written = Counter(m.group() for o in observations for m in pattern.finditer(o.citation.text))
    if written:
        return written.most_common(1)[0][0]
    return " ".join(w.upper() if w in _ABBREVIATIONS else w for w in topic.split())  # "U.S. troops" -> "us troops"
