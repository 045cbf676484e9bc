"""Levels: standing numbers that go up and down (troops deployed, people missing), not cumulative tolls.

A level answers "how many are there now?". Three things set it apart from a toll:
- **history**: a level stated of an earlier time ("housed more than 800 soldiers at its peak", "about
  1,000 troops were in Niger in March", "had 1,000 troops before the accord was revoked") is no report
  of the level now, and is left out (`is_history`);
- **movements**: a future or ongoing transfer ("will send 3,500 more peacekeepers", "is sending up to
  3,500 soldiers") or a level to come ("will have up to 10,000 troops in Haiti by Monday") is a plan,
  asked apart ("How many US troops will be sent to Haiti?", additions included), not the level: a level is stated in the
  present ("there are", "stationed", "remain") (`is_transfer`, `is_increment`);
- **relation** (`relation`): recency first. A figure reported on a later day than every report of the
  standing figures updates the level when an attributed source gives it (named, official, or "according
  to a defense official") or its words say the level changed ("remain", "left", "down to", "now"); two
  different figures on the same day contradict, and so does a later figure stated with neither
  attribution nor words of change (a background figure in another outlet's own voice). An old figure
  repeated after an update revives only by the ledger's general revive rule (`link/facts.py`).

A level is **none** when a report tells its troops gone ("the last troops left", "all personnel have left",
"no US troops remain", "completed its withdrawal", "marking the end of the US military presence"; the
done words of a plan, `plan.done_reports`): the value 0, "none: all left" (`done_observations`). A
country's none is also the none of each base or town in it (`closes`); a base left ("left the base") says
nothing of the country's level. The ledger makes it an update (`link/facts.py`).

Whose troops a count counts is read in `facttypes/force.py`.

Lexicons: `[count.levels]` in data/facttypes.toml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from dateline.link.facttypes import plan
from dateline.link.facttypes.base import citation, lexicon, words_pattern
from dateline.link.observations import Observation, Source
from dateline.model import DONE, NONE_MARK, AnnotatedDocument, is_done
from dateline.resources import load_table

SAME_DAY = 0  # a level's figure updates when reported on any later day (tolls and plans wait 3 days)
BEFORE_NUMBER = 25  # characters before a figure where "down from", "up from" make it the old figure


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    return lexicon()["count"]["levels"]


@functools.lru_cache(maxsize=1)
def _pattern(name: str) -> re.Pattern[str]:
    return words_pattern(_words()[name])


def is_history(clause: str, before: str) -> bool:
    """The figure is a level of an earlier time, not now: its clause says so ("at its peak", "used to"),
    the words right before it make it the old figure ("down from 1,000"), or its verb is in the past with
    a time before now ("were in Niger in March", "had 1,000 troops before ...", "were stationed there
    when ..."), unless the clause also says now ("still", "remain")."""
    if _pattern("history").search(clause) or _pattern("old_figure").search(before[-BEFORE_NUMBER:]):
        return True
    if _pattern("current").search(clause):
        return False
    return bool(_pattern("past").search(clause) and _pattern("then").search(clause))


def is_transfer(clause: str) -> bool:
    """The figure is a movement under way or planned ("will send", "is sending", "to be deployed") or a
    level to come ("will have", "will be on the ground"), not a level ("are deployed in the country" is one)."""
    return bool(_transfer().search(clause))


def is_increment(text: str) -> bool:
    """ "an extra 3,500", "3,500 more", "another 800": a number added to the level, not the level."""
    return bool(_pattern("increment").search(text))


@functools.lru_cache(maxsize=1)
def _transfer() -> re.Pattern[str]:
    words = _words()
    verbs = "|".join(map(re.escape, words["transfer_verbs"]))
    ongoing = "|".join(map(re.escape, words["transfer_ongoing"]))
    return re.compile(
        rf"\b(?:will|would|shall|to|could|may|might|plans? to|is to|are to)\s+(?:\w+\s+){{0,2}}?(?:be\s+)?(?:{verbs})\b"
        rf"|\b(?:is|are|'s|'re|was|were|be)\s+(?:\w+\s+)?(?:{ongoing})\b"
        rf"|\b(?:will|shall)\s+(?:\w+\s+)?(?:have|be)\b", re.IGNORECASE)  # a level to come: "will have 10,000 troops"


def attributed(o: Observation) -> bool:
    """A source gives the figure: a named speaker, an anonymous official ("according to a defense
    official"), or official wording."""
    return bool(o.speaker or o.anonymous or o.strong)


def says_change(o: Observation) -> bool:
    """The sentence says the level changed or stands now: "remain", "left", "down to", "now"."""
    return bool(_pattern("change").search(o.citation.text))


def relation(standing: Sequence[Observation], new: Observation) -> str | None:
    """A level's relation to the standing figures (their first reports): "contradict" for a figure with
    neither attribution nor words of change; None (the general rule, with `SAME_DAY` as the wait: a
    later day updates, the same day contradicts) otherwise."""
    if not standing:
        return None
    return None if attributed(new) or says_change(new) else "contradict"


NONE = NONE_MARK  # the label of a level that is none
TROOPS = "troops"
AT = "at "  # a level at a base or a town: its qualifier ("at Agadez")


def done_observations(annotated: AnnotatedDocument, source: Source) -> list[Observation]:
    """A level of none for each report that an actor's troops are all gone from a country (not a site): its group
    is the owner's people as the count annotator names them ("US troops" of "the last American soldiers", "UN
    peacekeepers"), or troops of no one named; its place the country named, else the story's (`link/facts.py`)."""
    out = []
    for report in plan.done_reports(annotated, source):
        if report.verb != plan.LEFT or report.site:
            continue
        group = " ".join(filter(None, (report.owner, _people(report.subject))))
        out.append(Observation(ask="count", topic=group.lower(), place=report.place, qualifier="", kind="quantity",
                               value="0", label=NONE, role=DONE, source=source,
                               citation=citation(annotated, report.start, report.end), subject=group,
                               modality="happened", strong=True))
    return out


def _people(subject: str) -> str:
    """Who left, as a count names them: "soldiers", "personnel" -> "troops"; "peacekeepers" stay; a presence or
    a withdrawal is of troops."""
    found = _people_words().search(subject)
    noun = " ".join(found.group().lower().split()) if found else TROOPS
    return _counted().get(noun, noun if noun.endswith("s") else TROOPS)


@functools.lru_cache(maxsize=1)
def _people_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["plan"]["done"]["troops"])


@functools.lru_cache(maxsize=1)
def _counted() -> dict[str, str]:
    return {w: name for name, words in load_table("quantities")["counted"].items() for w in words}


def closes(key: tuple[str, str, str, str], observations: Sequence[Observation], none: Observation) -> bool:
    """Whether a none answers this count fact: a level (of the country, or at a base or a town in it) of the same
    owner's people, or of any owner's when the none names none ("the last troops left"); a none of troops (a
    presence, a withdrawal) is one of any people who leave ("UN peacekeepers")."""
    _ask, topic, _place, qualifier = key
    if (qualifier and not qualifier.startswith(AT)) or any(o.cumulative for o in observations):
        return False
    group, gone = topic.split(), none.topic.split()
    if not group or group[-1] not in _leavers() or (gone[:-1] and gone[:-1] != group[:-1]):
        return False
    return gone[-1] in (group[-1], TROOPS) and any(not is_done(o) for o in observations)


@functools.lru_cache(maxsize=1)
def _leavers() -> frozenset[str]:
    return frozenset({TROOPS, *(w for w in lexicon()["plan"]["done"]["troops"] if w.endswith("s"))})
