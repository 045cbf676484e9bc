"""Levels: standing numbers that go up and down (troops deployed, people missing), not cumulative tolls.

A level answers "how many are there now?". Three things set it apart from a toll:
- **history**: a level stated of an earlier time ("housed more than 800 soldiers at its peak", "about
  1,000 troops were in Niger in March", "had 1,000 troops before the accord was revoked") is no report
  of the level now, and is left out (`is_history`);
- **movements**: a future or ongoing transfer ("will send 3,500 more peacekeepers", "is sending up to
  3,500 soldiers") or a level to come ("will have up to 10,000 troops in Haiti by Monday") is a plan,
  asked apart ("How many more troops will be sent to Haiti?"), not the level: a level is stated in the
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

**Whose troops** (`read_force`): a count of troops, police or staff names whose they are, so that one question
never mixes owners. The owner is a nationality or an organisation written in the count's noun phrase ("940 Sri
Lankan security forces personnel", "36 UN military and police personnel"), else the possessor ("Brazil's 1,300
soldiers", "eight of its peacekeepers": the nearest owner before), else "from <a country>" after it, else the
subject that has, sends or reports them ("India has 141 police personnel" -> Indian police, "the UN says 16
personnel ..."); "Minustah" is the UN's. Questions write it as news does: "Sri Lankan troops", "Indian police",
"US troops", "UN peacekeepers". Medical personnel, firefighters, rescuers and staff are no force. A count whose
words put the troops among the dead, the hurt or the missing ("36 UN personnel are now confirmed dead", "killed
- three Jordanian and 11 Brazilian peacekeepers") is that toll's (`Force.state`), never a level.

Lexicons: `[count.levels]`, `[count.forces]` and `[count.owners]` in data/facttypes.toml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.link.facttypes import plan
from dateline.link.facttypes.base import citation, lexicon, words_pattern
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument
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


NONE = "none: all left"  # the label of a level that is none
TROOPS = "troops"
AT = "at "  # a level at a base or a town: its qualifier ("at Agadez")


def is_none(o: Observation) -> bool:
    """A level's none value ("the last troops left"), not a figure."""
    return o.ask == "count" and o.label == NONE


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
                               value="0", label=NONE, source=source,
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
    return gone[-1] in (group[-1], TROOPS) and any(not is_none(o) for o in observations)


@functools.lru_cache(maxsize=1)
def _leavers() -> frozenset[str]:
    return frozenset({TROOPS, *(w for w in lexicon()["plan"]["done"]["troops"] if w.endswith("s"))})


# --- whose troops ---------------------------------------------------------------------

PHRASE_WORDS = 8  # words after a number its noun phrase may take ("Sri Lankan security forces personnel")
NEAR_OWNER = 90  # characters before a count where who has, sends or reports it may be written
STATE_BEFORE = 70  # characters between a toll's state and a list of its parts ("killed - three Jordanian and 11")
FORCES = ("troops", "peacekeepers", "police", "marines", "sailors", "airmen")  # the groups that are a force
ORGANISATION_STAFF = "staff"  # an organisation's killed, hurt or missing, whatever their post ("UN staff")


@dataclass(frozen=True)
class Force:
    """What a count of troops, police or staff counts: whose (None when nothing in the sentence says), the noun a
    question names them with, whether they are a force at all, and the state its words put them in ("killed")."""

    owner: str | None
    noun: str
    military: bool
    state: str | None = None

    def group(self, *, tally: bool = False) -> str:
        """The group a question names: "Sri Lankan troops", "UN peacekeepers"; in a toll (`tally`) an
        organisation's people are its staff ("UN staff"), whatever their post."""
        if self.owner in _organisations() and (tally or self.military):
            return f"{self.owner} {ORGANISATION_STAFF if tally else 'peacekeepers'}"
        return f"{self.owner} {self.noun}" if self.owner else self.noun


def read_force(text: str, sentence: tuple[int, int], start: int, end: int, counted: str) -> Force | None:
    """The force a count counts, read from its sentence; None when its noun is no force, staff or crew."""
    words, after, lead = _phrase(text, end, sentence[1])
    found = _head(words) or _head(counted.split())
    if found is None:
        return None
    head, noun, military = found
    words = words if _head(words) else counted.split()
    mods = " ".join(words[:head])
    if military and _pattern_of("civilian").search(mods):
        military, noun = False, " ".join(words[head - 1:head + 1]).lower()
    owner = (_owner_in(mods) or _owner_in(counted, whole=True)
             or _possessor(text, sentence[0], start, lead in ("its", "their"))
             or _from(text[after:after + 40]) or _subject(text[max(sentence[0], start - NEAR_OWNER):start])
             or (_earlier_owner(text, sentence[0]) if lead in ("the", "these", "those") else None))
    return Force(owner, noun, military, _state(text, sentence, start, after))


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’-]*")
_OF = re.compile(r"\s*(?:-?\s*strong\b\s*)?(?:of\s+(?P<pronoun>its|their|the|these|those)\s+)?")


def _phrase(text: str, end: int, limit: int) -> tuple[list[str], int, str | None]:
    """The words of the noun phrase after a number, up to the first word that ends it, where they end, and
    the word of an "of" before them ("eight of its peacekeepers": "its"; "500 of the troops": "the")."""
    lead = _OF.match(text, end, limit)
    pos = lead.end() if lead else end
    words: list[str] = []
    for m in _TOKEN.finditer(text, pos, min(limit, pos + 120)):
        if text[pos:m.start()].strip() or m.group().lower() in _phrase_ends() or len(words) == PHRASE_WORDS:
            break
        words.append(m.group())
        pos = m.end()
    return words, pos, (lead.group("pronoun") or "").lower() or None if lead else None


def _head(words: Sequence[str]) -> tuple[int, str, bool] | None:
    """The last noun of a force, staff or crew in the words: its index, the noun a question names, whether it
    is a force. Two forces joined ("sailors and marines", "troops and police") are troops; police personnel
    are police."""
    found = None
    lower = [w.lower() for w in words]
    for i in range(len(lower)):
        for size in (2, 1):
            name = _nouns().get(" ".join(lower[max(0, i - size + 1):i + 1]))
            if name is not None and i - size + 1 >= 0:
                found = (i, name)
                break
    if found is None:
        return None
    i, name = found
    military = name in FORCES
    before = lower[:i]
    if military and ("and" in before or "&" in before) and any(_nouns().get(w) in FORCES for w in before):
        name = TROOPS
    elif military and "police" in before:
        name = "police"
    elif not military:
        name = lower[i] if name == "other" else name
    return i, name, military



@functools.lru_cache(maxsize=1)
def _nouns() -> Mapping[str, str]:
    """Each noun of a force, staff or crew to the name a question gives its group; "other" for people who are no
    force and keep their own noun (firefighters)."""
    forces = lexicon()["count"]["forces"]
    out = {w: "other" for w in forces["not_forces"]}
    for name in (*FORCES, "staff"):
        out.update({w: name for w in forces[name]})
    return out


@functools.lru_cache(maxsize=1)
def _phrase_ends() -> frozenset[str]:
    return frozenset(lexicon()["count"]["forces"]["phrase_ends"])


@functools.cache
def _pattern_of(name: str) -> re.Pattern[str]:
    return words_pattern(lexicon()["count"]["forces"][name])


# --- owners


@functools.lru_cache(maxsize=1)
def owners() -> Mapping[str, str]:
    """Every way news names an owner, as written, to the owner a question writes: countries, their aliases
    and nationality adjectives ("India", "Indian" -> "Indian"; "U.S.", "American" -> "US") and organisations
    with their missions ("Minustah" -> "UN")."""
    table = lexicon()["count"]["owners"]
    demonyms, short = table["demonyms"], table["short"]
    out: dict[str, str] = {}
    countries = set(lexicon()["count"]["countries"])
    for country in countries:
        out[country] = short.get(country) or (demonyms.get(country) or [country])[0]
    for group in load_table("aliases").get("group", ()):
        if group.get("label") == "GPE" and group["canonical"] in countries:
            out.update({a: out[group["canonical"]] for a in group["aliases"]})
    for country, forms in demonyms.items():
        out.update({form: short.get(country) or forms[0] for form in forms})
    for name, forms in table["organisations"].items():
        out.update({form: name for form in forms})
    return out


def owner_of(place: str) -> str | None:
    """The owner a place names as a country ("Sri Lanka" -> "Sri Lankan"), or None."""
    return owners().get(place)


@functools.lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    return frozenset(lexicon()["count"]["owners"]["organisations"])


@functools.lru_cache(maxsize=1)
def _owner_names() -> re.Pattern[str]:
    """Owners as written, case kept ("US", not "us"), longest first ("Sri Lankan" before "Sri Lanka")."""
    names = sorted(owners(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")


def _owner_in(words: str, *, whole: bool = False) -> str | None:
    """The first owner named in some words; with `whole`, only when the words before their last are one owner
    (the count annotator's "India troops", not "Mexico City peacekeeper")."""
    if whole:
        return owners().get(" ".join(words.split()[:-1]).rstrip("'’s")) if len(words.split()) > 1 else None
    found = _owner_names().search(words)
    return owners()[found.group()] if found else None


_AROUND = r"(?:(?:about|some|around|roughly|nearly|almost|more than|over|at least|up to|an estimated|estimated|" \
          r"current|total|entire|own)\s+)*$"
_POSSESSIVE = re.compile(r"['’]s\s+" + _AROUND)
_PRONOUN = re.compile(r"\b(?:its|their)\s+" + _AROUND)


def _possessor(text: str, sentence_start: int, start: int, pronoun: bool) -> str | None:
    """Whose the count is by a possessive before it ("Brazil's 1,300 soldiers") or a pronoun ("its 9,000
    troops", "eight of its peacekeepers": the nearest owner before it in the sentence)."""
    before = text[sentence_start:start]
    found = _POSSESSIVE.search(before)
    if found:
        named = [m for m in _owner_names().finditer(before, 0, found.start()) if m.end() == found.start()]
        return owners()[named[-1].group()] if named else None
    found = _PRONOUN.search(before)
    if not (pronoun or found):
        return None
    named = list(_owner_names().finditer(before, 0, found.start() if found else len(before)))
    return owners()[named[-1].group()] if named else None


EARLIER = 1000  # characters before a sentence where the troops "500 of the troops" are part of may be named


def _earlier_owner(text: str, sentence_start: int) -> str | None:
    """Whose "the troops" are when a count is a part of them ("Some 500 of the troops are at Agadez"): the owner
    of the last troops named just before ("about 1,000 U.S. troops stationed there")."""
    found = list(_owned_forces().finditer(text, max(0, sentence_start - EARLIER), sentence_start))
    return owners()[found[-1].group("owner")] if found else None


@functools.lru_cache(maxsize=1)
def _owned_forces() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n, name in sorted(_nouns().items(), key=lambda x: -len(x[0])) if name in FORCES)
    return re.compile(_owner_names().pattern.replace("(?:", "(?P<owner>", 1) + rf"\s+(?:[\w.-]+\s+){{0,2}}?(?:{nouns})\b")


def _from(after: str) -> str | None:
    """ "1,000 peacekeepers from Brazil": the country after "from"."""
    found = re.match(r"\s*from\s+(?:the\s+)?", after)
    named = _owner_names().match(after, found.end()) if found else None
    return owners()[named.group()] if named else None


def _subject(before: str) -> str | None:
    """The nearest owner before the count that has, sends or reports it ("the UN peacekeeping mission
    (Minustah), which has around 3,000 troops", "America has announced it is sending 4,000 more troops"): no
    figure or sentence mark between, a verb of having, sending or saying; an owner after a preposition is a
    place or a name's part ("sending troops to Haiti", "Mission ... en Haiti"), not whose."""
    for named in reversed(list(_owner_names().finditer(before))):
        gap = before[named.end():]
        if re.search(r"[\d;:!?]", gap):
            return None
        if _AFTER_PREPOSITION.search(before[:named.start()]):
            continue
        return owners()[named.group()] if _pattern_of("owner_verbs").search(gap) else None
    return None


_AFTER_PREPOSITION = re.compile(r"\b(?:to|into|in|for|from|at|of|on|with|en|de|du|des)\s+(?:the\s+)?$", re.IGNORECASE)


def _state(text: str, sentence: tuple[int, int], start: int, after: int) -> str | None:
    """The toll a count of a force is part of: a state right after its noun phrase ("are now confirmed dead",
    "remain unaccounted for"), or one its sentence lists it under ("have been killed - three Jordanian and 11
    Brazilian peacekeepers"); None for a level."""
    right_after, listed = _state_patterns()
    found = right_after.match(text, after, sentence[1]) or listed.search(text[sentence[0]:start])
    return _state_names()[found.group("state").lower()] if found else None


@functools.lru_cache(maxsize=1)
def _state_names() -> Mapping[str, str]:
    return {w: name for name, words in lexicon()["count"]["forces"]["states"].items() for w in words}


@functools.lru_cache(maxsize=1)
def _state_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    states = "|".join(map(re.escape, sorted(_state_names(), key=len, reverse=True)))
    gap = "|".join(map(re.escape, lexicon()["count"]["forces"]["state_gap"]))
    right_after = re.compile(rf"[\s,]*(?:(?:{gap})\b[\s,]*){{0,6}}(?P<state>{states})\b", re.IGNORECASE)
    listed = re.compile(rf"\b(?P<state>{states})\b\s*(?:[-–—:]|,?\s+including|,?\s+among them)"
                        rf"[^.;\d]{{0,{STATE_BEFORE}}}$", re.IGNORECASE)
    return right_after, listed


def tells_a_toll(sentence: str) -> bool:
    """The sentence tells of the dead, the hurt or the missing: a troop count in it whose state is not read is
    no level ("Ten Brazilian peacekeepers, three from Jordan ... are among those confirmed to have died")."""
    return bool(words_pattern(_state_names()).search(sentence))
