"""Where a count is: the place of a toll or a tally, a troop level's country and base, a count at one site.

Read from the count's sentence (`place_of`): the place written with the count; else "worldwide" when the
sentence says so or a world body gives an unplaced figure; else the country the sentence reports for ("Mexico
reported 1,004 cases", "United States: 20 cases"); else the one place it names; else None, and the story's usual
place fills in later (link/facts.py). A group named for its people ("Brazilian peacekeepers", "US troops") names
whose they are, not where (`owns`). A troop level is the country's; a part of it at a base is the base's
(`level_scope`). A count at one site ("20 cases at a school") is that site's, not the place's (`local`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from dateline.link.facttypes.base import entities_in, lexicon, words_pattern
from dateline.link.facttypes.count_kinds import Kind
from dateline.link.facttypes.force import owner_of
from dateline.link.observations import Observation
from dateline.model import AnnotatedDocument, Quantity
from dateline.resources import load_table

NEAR = 80  # characters either side of a count where "worldwide" may be written
AFTER = 70  # characters after a troop count where the base it is at may be written
_DIGIT = re.compile(r"\d")


_WHERE = re.compile(r"\b(?:where|in which)\b", re.IGNORECASE)  # a relative clause of the place before it


def place_of(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> str | None:
    """Where a count is, from its sentence, in this order: the place written with it ("in Haiti"); a place
    "in" right after it in its clause ("60 people in Mexico"), unless the world's words or another figure stand
    between; worldwide when its clause says so, or it is written "in N countries" ("infected 40,000 people in
    more than 70 countries ... since detected in Mexico": the world's, not Mexico's); a place "in" before it with
    no figure or comma between ("the toll in Mexico rose to 100"); worldwide when a world body gives it with no
    place before it, or the sentence counts countries ("in 20 countries", "39 countries have reported"); the country
    the sentence reports for
    ("Mexico reported"); the one place the sentence names; worldwide when it names none and says the world's
    words outside the count's clause; else None. A place where only part of the count is
    ("killed 65 people, most in Mexico") is not its place. A count in a relative clause of a place ("the quake that
    struck Chile, where fewer than 1,000 died") is that place's."""
    text = annotated.document.text
    places = _places_in(annotated, obs, text, q)
    if q.where and not owns(q.counts, q.where) and not owns(obs.subject, q.where) and (
            not _only_partly(q.where, annotated, obs, text, q)) and _written_in(q.where, annotated, obs):
        return q.where
    clause = clause_span(text, obs, q)
    world = _world_after(text, q.end, clause[1])
    before = [e for e in places if e.end <= q.start]
    if before and _WHERE.search(text[before[-1].end:q.start]) and ";" not in text[before[-1].end:q.start]:
        return before[-1].canonical  # "the earthquake that struck Chile in February, where fewer than 1,000 died"
    of_the_world = world is not None or _counts_the_world(obs.citation.text)
    after = [e for e in places if e.start >= q.end and e.end <= clause[1] and _IN_BEFORE.search(text[:e.start])
             and (world is None or e.start < world) and not (of_the_world and _figure_between(annotated, q, e))]
    if after:
        return min(after, key=lambda e: e.start).canonical
    if world is not None or _world_words_in(text, clause[0], clause[1]) or _spread_over(q, annotated, obs, text):
        return "worldwide"
    inside = [e for e in before if e.start >= clause[0] and _IN_BEFORE.search(text[:e.start])
              and not _DIGIT.search(text[e.end:q.start])]
    if inside:
        return max(inside, key=lambda e: e.end).canonical
    if not before and (_world_body().search(obs.citation.text) or _IN_COUNTRIES.search(obs.citation.text)
                       or _COUNTRIES_REPORT.search(obs.citation.text)):
        return _later_place(q, annotated, places, text, obs.citation.text) or "worldwide"
    return _reported_for(text, before, q) or _only_place(text, places) or _world_sentence(obs, places)


def _world_sentence(obs: Observation, places: list) -> str | None:
    """Worldwide for a count whose sentence names no place and says the world's words anywhere: "it has killed at
    least 167 people and been confirmed in nearly 40,000 globally" is no toll of the story's usual country; but
    "the highest number per capita in the world" ranks a place, and "spread globally" tells how far it spread:
    neither counts anything of the world."""
    sentence = obs.citation.text
    world = [m for m in _worldwide_words().finditer(sentence) if not _RANKED.search(sentence[:m.start()])
             and not _SPREAD.search(sentence[max(0, m.start() - 20):m.start()])]
    return "worldwide" if not places and world else None


_RANKED = re.compile(r"\b(?:highest|largest|most|biggest|worst|best|lowest|fewest)\b[^.;:!?]{0,30}$", re.IGNORECASE)


def _later_place(q: Quantity, annotated: AnnotatedDocument, places: list[_Place], text: str, sentence: str
                 ) -> str | None:
    """A place "in" after the count in its sentence, past its clause, with no other figure and no world's words
    between: "the WHO said at least 81 people had died from severe pneumonia caused by the flu - like illness in
    Mexico" is Mexico's toll, not the world's, though the world body gives it; none in a sentence that counts
    countries."""
    if _COUNTRIES_COUNTED.search(sentence):
        return None  # "42 countries had recorded 11,168 cases, including 86 deaths, since ... first noticed in Mexico"
    for place in places:
        gap = text[q.end:place.start]
        if place.start >= q.end and _IN_BEFORE.search(text[:place.start]) and not _world_words_in(
                text, q.end, place.start) and not _IN_COUNTRIES.search(gap) and not any(
                q.end <= o.start and o.end <= place.start for o in annotated.quantities):
            return place.canonical
    return None


# world's words that tell how far a disease spread, not where a count is: "has killed 177 people and spread
# globally" (the toll is not the world's for that)
_SPREAD = re.compile(r"\bspread(?:s|ing)?\s+(?:\w+\s+)?$", re.IGNORECASE)


def _world_words_in(text: str, start: int, end: int) -> bool:
    """The world's words in a span, but not those telling how far something spread."""
    return any(not _SPREAD.search(text[max(start, m.start() - 20):m.start()])
               for m in _worldwide_words().finditer(text, start, end))


def _spread_over(q: Quantity, annotated: AnnotatedDocument, obs: Observation, text: str) -> bool:
    """A count spread over several countries, told by its parts: "Sixty deaths have been confirmed, most in
    Mexico with three in the United States and one in Canada" is a total of several countries (the world's
    count as far as the sentence goes), Mexico's only in part."""
    partly = [p for p in _named_places(annotated, obs) if p.start > q.end and _partly(text, p)]
    if not partly or partly[0].canonical not in countries():
        return False
    others = {p.canonical for p in _named_places(annotated, obs) if p.start > partly[0].end
              and p.canonical in countries() and p.canonical != partly[0].canonical}
    return bool(others)


def _written_in(place: str, annotated: AnnotatedDocument, obs: Observation) -> bool:
    """The count's citation names the place the parse gave it: a sentence cut at a lost full stop
    (`count_entry`) leaves the next sentence's place out ("rose to 140 Of nine new cases in the UK")."""
    start, end = obs.citation.start, obs.citation.end
    adjective = owner_of(place)  # "Argentine swine flu deaths": Argentina's
    return any(e.canonical == place and start <= e.start and e.end <= end for e in annotated.entities) or any(
        country_aliases()[m.group()] == place for m in _country_names().finditer(obs.citation.text)) or bool(
        adjective and re.search(rf"(?<!\w){re.escape(adjective)}(?!\w)", obs.citation.text))


def _world_after(text: str, start: int, end: int) -> int | None:
    """Where the world's words follow a count in its clause ("6,500 people in 33 nations", "40,000 cases
    worldwide"), or None; "in 20 other countries" is elsewhere, not the world."""
    words = [m for m in _worldwide_words().finditer(text, start, end)
             if not _SPREAD.search(text[max(start, m.start() - 20):m.start()])]
    found = [m.start() for m in (_IN_ALL_COUNTRIES.search(text, start, end), *words[:1]) if m is not None]
    return min(found, default=None)


def _figure_between(annotated: AnnotatedDocument, q: Quantity, place: _Place) -> bool:
    """Another figure stands between a count and a place after it ("has spread to nine countries, may have
    infected 2,500 people and killed dozens in Mexico"): in a sentence that counts the world, the place is that
    figure's (elsewhere "infected 1,000 people and killed 150 in Mexico" may say both are Mexico's)."""
    return any(q.end <= o.start and o.end <= place.start for o in annotated.quantities)


def _counts_the_world(sentence: str) -> bool:
    """The sentence counts countries ("spread to nine countries") or says worldwide."""
    return bool(_IN_COUNTRIES.search(sentence) or _worldwide_words().search(sentence))


@functools.lru_cache(maxsize=1)
def _worldwide_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["count"]["worldwide_words"])


_IN_BEFORE = re.compile(r"\bin (?:the )?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s--\s")


def clause_span(text: str, obs: Observation, q: Quantity) -> tuple[int, int]:
    """The span of the count's clause: from the mark before it to the mark after it, within its sentence."""
    start, end = max(obs.citation.start, q.start - NEAR), min(obs.citation.end, q.end + NEAR)
    marks_before = list(_CLAUSE_END.finditer(text, start, q.start))
    mark_after = _CLAUSE_END.search(text, q.end, end)
    return (marks_before[-1].end() if marks_before else start, mark_after.start() if mark_after else end)


_NUMBER_OF = (r"(?:some |about |around |more than |at least |over |nearly )?"
              r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of) ")
_IN_COUNTRIES = re.compile(rf"\b(?:in|across|to) {_NUMBER_OF}(?:other )?(?:countries|nations)\b", re.IGNORECASE)
_IN_ALL_COUNTRIES = re.compile(rf"\b(?:in|across) {_NUMBER_OF}(?:countries|nations)\b", re.IGNORECASE)
# countries as the ones reporting a count: "Some 39 countries have reported 8,453 cases" (all of them: the world's)
_COUNTRIES_REPORT = re.compile(rf"\b{_NUMBER_OF}(?:countries|nations) (?:have |has |had )?(?:now |so far |"
                               r"officially )*(?:reported|confirmed|recorded)\b", re.IGNORECASE)
_COUNTRIES_COUNTED = re.compile(rf"\b{_NUMBER_OF}(?:other )?(?:countries|nations)\b", re.IGNORECASE)
# a place that holds only part of a count, or none of it: "65 people, most in Mexico", "100 cases outside Mexico",
# "since it was first detected in Mexico", "originated in Mexico" (where it began, not where the count is)
_PARTLY = re.compile(r"\b(?:(?:most|mostly|many|the majority|the bulk|most of them|many of them)\s+in|"
                     r"outside(?:\s+of)?|beyond|since\s+(?:it\s+)?(?:was\s+)?(?:first\s+)?"
                     r"(?:detected|appeared|emerged|identified|surfaced|broke out)\s+in|originated\s+in)"
                     r"\s+(?:the\s+)?$",
                     re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _world_body() -> re.Pattern[str]:
    names = lexicon()["count"]["worldwide_sources"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")  # case kept: "WHO", not "who"


@dataclass(frozen=True)
class _Place:
    """A place named in a count's sentence: a GPE entity, or a country's name the tagger missed."""

    text: str
    canonical: str
    start: int
    end: int


def _places_in(annotated: AnnotatedDocument, obs: Observation, text: str, q: Quantity | None = None) -> list[_Place]:
    """The places a count's sentence names (`_named_places`), but not one that holds only part of a count or
    none of it ("most in Mexico", "outside Mexico", "including 100 in Mexico" after it)."""
    return [p for p in _named_places(annotated, obs) if not _partly(text, p, q)]


def _only_partly(place: str, annotated: AnnotatedDocument, obs: Observation, text: str, q: Quantity | None = None
                 ) -> bool:
    """The sentence names the place only as holding part of a count ("killed 65 people, most in Mexico")."""
    named = [p for p in _named_places(annotated, obs) if p.canonical == place]
    return bool(named) and all(_partly(text, p, q) for p in named)


# a part of a count told after it: "more than 200 people sickened, including more than 100 in the United States"
_INCLUDING = re.compile(r"\bincluding\s+(?:[\w,]+\s+){1,3}?in\s+(?:the\s+)?$", re.IGNORECASE)


def _partly(text: str, place: _Place, q: Quantity | None = None) -> bool:
    """The place holds part of a count or none of it; with `q`, also a part told after `q` ("including 100 in")."""
    before = text[max(0, place.start - 40):place.start]
    if _PARTLY.search(before[-30:]):
        return True
    part = _INCLUDING.search(before) if q is not None else None
    return part is not None and q.end <= place.start - len(before) + part.start()


def _named_places(annotated: AnnotatedDocument, obs: Observation) -> list[_Place]:
    """The places a count's sentence names (towns, countries, waters), but not its group's owner ("US troops": the
    United States is whose, not where), nor a ship ("INS Tarang"). Country names are found by name too: a small
    tagger reads "Mexico" as a person."""
    named = set(obs.topic.replace(".", "").lower().split())
    found = {(e.start, e.end): _Place(e.text, e.canonical, e.start, e.end)
             for e in entities_in(annotated, obs.citation.start, obs.citation.end, ("GPE", "LOC"))
             if e.label == "GPE" or _WATERS.search(e.canonical)}
    for m in _country_names().finditer(obs.citation.text):
        start = obs.citation.start + m.start()
        if not any(s <= start < e for s, e in found):
            found[(start, start + len(m.group()))] = _Place(m.group(), country_aliases()[m.group()],
                                                            start, start + len(m.group()))
    return sorted((p for p in found.values() if p.text.replace(".", "").lower() not in named
                   and p.canonical.lower() not in named and not owns(obs.subject, p.canonical)
                   and not _VESSEL.search(annotated.document.text[max(0, p.start - 8):p.start])),
                  key=lambda p: p.start)


# waters a count at sea is in ("pirates seized in the Gulf of Aden", "migrants rescued in the Aegean Sea"): the one
# kind of location (LOC), besides countries and towns (GPE), that is a count's place
_WATERS = re.compile(r"^(?:the )?(?:(?:Gulf|Bay|Sea|Strait|Straits) of [A-Z]\w+|(?:[A-Z]\w+ )+(?:Sea|Ocean|Gulf|Strait))$")
# a ship's prefix right before a name: "INS Sukanya", "HMS Dauntless", "the MV Faina" name a vessel, never a place
_VESSEL = re.compile(r"\b(?:INS|HMS|USS|USNS|HMAS|HMCS|HMNZS|MV|M/V|MT|M/T|SS|RV|FS|RFS|ARA|CGS)\s+$")


def owns(counted: str | None, place: str) -> bool:
    """The group is the place's people ("Brazilian peacekeepers", "Chinese nationals", "Sri Lankan troops"):
    whose, not where."""
    stem = place.lower()[:4]
    owner = owner_of(place)
    if owner and re.search(rf"(?<!\w){re.escape(owner)}(?!\w)", counted or ""):
        return True
    return len(stem) == 4 and any(w[:1].isupper() and w.lower().startswith(stem) for w in (counted or "").split())


@functools.lru_cache(maxsize=1)
def country_aliases() -> Mapping[str, str]:
    """Country names and their aliases ("U.S.", "Britain"), as written, to the canonical name."""
    names = {c: c for c in lexicon()["count"]["countries"]}
    for group in load_table("aliases").get("group", ()):
        if group.get("label") == "GPE" and group["canonical"] in countries():
            names.update({a: group["canonical"] for a in group["aliases"]})
    return names


@functools.lru_cache(maxsize=1)
def _country_names() -> re.Pattern[str]:
    alternatives = sorted(country_aliases(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w])")


# "Mexico reported 1,004 cases", "California said it now had 11", "United States: 20 cases", "In Chile, 500 ..."
_REPORTS = re.compile(r"^\s*(?::|,|(?:has|have|had|now has|reported|reports|confirmed|confirms|recorded|records|"
                      r"registered|counted|counts|said|says)\b|(?:'s )?(?:health )?(?:officials|authorities|"
                      r"government|ministry) (?:have |has |had )?(?:now )?(?:reported|confirmed|recorded|registered)\b)")
_SPEAKER = re.compile(r"^\s*(?:'s )?(?:officials?|authorities|president|prime minister|government|minister|"
                      r"ministry|embassy|ambassador|envoy|sources?|media|diplomats?|spokes\w+|leaders?|"
                      r"health officials|researchers|scientists|experts|doctors|said|says|announced)\b", re.IGNORECASE)


def _reported_for(text: str, before: list, q: Quantity) -> str | None:
    """The nearest place before the count that the sentence reports for: its subject ("Mexico reported"),
    a list entry ("United States: 20 confirmed cases"), or "In Chile, ..."; no other figure between."""
    for e in sorted(before, key=lambda e: -e.end):
        gap = text[e.end:q.start]
        if _DIGIT.search(gap):
            return None
        opening = text[max(0, e.start - 4):e.start].lower()
        if _REPORTS.match(gap) or opening.endswith("in ") and gap.lstrip().startswith(","):
            return e.canonical
    return None


def _only_place(text: str, places: list) -> str | None:
    """The one place the sentence names, unless it only says who speaks ("US officials said", "..., Peru said")."""
    names = {e.canonical for e in places}
    if len(names) != 1:
        return None
    return None if all(_SPEAKER.match(text[e.end:e.end + 30]) for e in places) else names.pop()


_SITE = re.compile(r"\bat (?:the )?(?P<site>(?:[A-Z][\w'-]*|\d+)(?: (?:[A-Z][\w'-]*|\d+))*)"
                   r"(?: (?:near|in|outside) (?P<town>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*))?")


def level_scope(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> tuple[str | None, str | None] | None:
    """A troop level's place and whether it is a base or a town within it ("500 of them are at Agadez"), or
    None: a number on one flight or convoy is a movement, and a part of a level at no named base asks nothing."""
    text = annotated.document.text
    words = lexicon()["count"]
    head = text[obs.citation.start:q.start]
    tail = text[q.end:min(obs.citation.end, q.end + AFTER)]
    if words_pattern(words["transport"]).search(head + tail[:30]):
        return None
    site = _SITE.search(_CLAUSE_END.split(tail, maxsplit=1)[0])
    if site and obs.qualifier == "" and len(site.group("site")) > 2:
        return None, site.group("town") or site.group("site")
    if words_pattern(words["part_of"]).match(tail.lstrip()) or words_pattern(words["part_of"]).search(tail[:25]):
        return None
    place = q.where
    if place and (place not in countries() or owns(obs.subject, place)):
        place = None  # a level is the country's: a town left unnamed lets the story's country fill in
    return place, None


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    return frozenset(lexicon()["count"]["countries"])


_OUTSIDE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?[A-Z]")


def outside(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """A count of everywhere but a place ("about 100 cases outside Mexico"): no question asks it."""
    return bool(_OUTSIDE.match(annotated.document.text, q.end, q.end + 60))


def local(q: Quantity, obs: Observation, annotated: AnnotatedDocument) -> bool:
    """A count at one site ("260 dead bodies inside the college", "20 cases at a school"): that site's, not
    the place's toll."""
    text = annotated.document.text
    start, end = clause_span(text, obs, q)
    return bool(_site_words().search(text[start:end]))


@functools.lru_cache(maxsize=1)
def _site_words() -> re.Pattern[str]:
    sites = "|".join(map(re.escape, lexicon()["count"]["sites"]))
    return re.compile(rf"\b(?:at|in|inside|outside|near) (?:the |a |an |one |this |that )?(?:\w+ ){{0,2}}(?:{sites})\b",
                      re.IGNORECASE)


def owner_country(kind: Kind, q: Quantity) -> str | None:
    """The country a kind with its own group names as its owner: "the 91 US cases" are the United States'."""
    words = (q.counts or "").split()[:-1]
    if not kind.group or not words:
        return None
    return next((country_aliases()[w] for w in words if w in country_aliases()), None)
