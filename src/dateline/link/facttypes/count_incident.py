"""The one incident a toll is of ("injured in the attack on August 5"): a toll of one incident asks about that
incident, not the story's total (`[count.incidents]` in data/facttypes.toml)."""

from __future__ import annotations

import functools
import re

from dateline.link.facttypes.base import lexicon
from dateline.link.observations import Observation
from dateline.model import AnnotatedDocument, Quantity

INCIDENT_NEAR = 90  # characters between a toll and the incident its sentence names
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
          r"Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
# a day as an incident names it: "August 5", "5th Aug.", as the questions of its toll word it
INCIDENT_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|(?:al|el|ad|as)-[\w'’-]+))*"


def incident(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> str | None:
    """The one incident a toll is of, named by its sentence near the count ("an attack on August 5, which
    injured five", "killed in the suicide bombing in Kabul"): "the attack on August 5"; "" when the incident
    names neither its day nor its place (its toll says nothing of the story's total); None for no incident."""
    sentence = obs.citation.text
    offset = q.start - obs.citation.start
    found = [m for m in _incidents().finditer(sentence)
             if -INCIDENT_NEAR <= m.start() - offset <= INCIDENT_NEAR and not sentence[:m.start()].rstrip().lower()
             .endswith(("since", "after", "before", "since the", "after the", "before the"))]
    if not found:
        return None
    m = min(found, key=lambda m: abs(m.start() - offset))
    what = " ".join(filter(None, (m.group("day"), m.group("kind"), m.group("noun").lower())))
    if m.group("name"):
        return f"the {what} {m.group('prep')} {m.group('name')}"
    return f"the {what}" if m.group("day") else ""


@functools.lru_cache(maxsize=1)
def _incidents() -> re.Pattern[str]:
    """A single incident named with its article: "an attack on August 5", "the August 5 attack", "a suicide
    bombing in Kabul"; not "attacks" (many), not "a heart attack"."""
    words = lexicon()["count"]["incidents"]
    nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(words["nouns"], key=len, reverse=True))
    kinds = "|".join(map(re.escape, words["kinds"]))
    return re.compile(rf"\b(?:an?|the|this|that|one)\s+(?:(?P<day>{INCIDENT_DAY})\s+)?(?:(?P<kind>{kinds})\s+)?"
                      rf"(?P<noun>{nouns})\b(?:\s+(?P<prep>on|at|in|near|against)\s+(?:the\s+)?"
                      rf"(?P<name>{INCIDENT_DAY}|(?-i:{_NAME})))?", re.IGNORECASE)  # a name keeps its capitals
