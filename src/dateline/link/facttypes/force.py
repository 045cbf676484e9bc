"""Whose troops: the force a count of troops, police or staff counts (`read_force`), so that one question never
mixes owners.

The owner is a nationality or an organisation written in the count's noun phrase ("940 Sri Lankan security
forces personnel", "36 UN military and police personnel"), else the possessor ("Brazil's 1,300 soldiers", "eight
of its peacekeepers": the nearest owner before), else "from <a country>" after it, else the subject that has,
sends or reports them ("India has 141 police personnel" -> Indian police, "the UN says 16 personnel ..."); "Minustah"
is the UN's. Questions write it as news does: "Sri Lankan troops", "Indian police", "US troops", "UN peacekeepers".
Medical personnel, firefighters, rescuers and staff are no force. A count whose words put the troops among the
dead, the hurt or the missing ("36 UN personnel are now confirmed dead", "killed - three Jordanian and 11 Brazilian
peacekeepers") is that toll's (`Force.state`), never a level.

Lexicons: `[count.forces]` and `[count.owners]` in data/facttypes.toml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import lexicon, words_pattern
from dateline.resources import load_table

TROOPS = "troops"

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


def owner_named(words: str) -> str | None:
    """The first owner some words name ("the UN stabilisation mission" -> "UN"), or None; a name after a
    preposition is a place ("troop numbers in Haiti"), not whose."""
    for named in _owner_names().finditer(words):
        if not _AFTER_PREPOSITION.search(words[:named.start()]):
            return owners()[named.group()]
    return None


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
