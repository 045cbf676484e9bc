"""A count's figure: which quantities are counts at all (not a unit, a year, a clock time, a vague amount), what
the number counts when the parse missed it ("the death toll rose to 110,000", "250,000 injured"), figures that
are another count (an increment, "suspected cases", "cases" of something else), a range read as its top, and
who gives the figure and how firmly (its sourcing)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from dateline.link.facttypes.base import lexicon, sentence_of, words_pattern
from dateline.link.facttypes.count_kinds import Kind, is_people
from dateline.link.facttypes.count_scope import clause_span, country_aliases
from dateline.link.observations import Observation
from dateline.model import AnnotatedDocument, Quantity
from dateline.resources import load_table

_YEAR = re.compile(r"(1[89]|20)\d\d")
_DIGIT = re.compile(r"\d")
PEOPLE = "people"  # what a bare figure in a state counts: "10,000 dead"


def countable(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """Not a unit, a scale or a vague amount; not a year or a phone number."""
    words = lexicon()["count"]
    counted = (q.counts or "").lower()
    if counted in words["not_counted"] or counted.split()[-1:] in ([w] for w in words["not_counted"]):
        return False
    if not _DIGIT.search(q.text) and set(q.text.lower().replace("-", " ").split()) <= _vague_words():
        return False  # "thousands", "half a dozen": vague, not a figure anyone reported
    if _YEAR.fullmatch(q.text.strip()) or _clock_time(q, annotated.document.text) or in_a_name(q, annotated):
        return False
    before = annotated.document.text[max(0, q.start - 12):q.start].lower().split()
    return not (before and before[-1] in words["not_a_count_before"])


# a number that is part of a name: glued to capitals ("G-20", "G8"), or after "the" and capitalised words on one
# line ("the Group of 20", "the Big Three", "the FTSE 100"; not "the UN's 9,000 peacekeepers")
_GLUED = re.compile(r"(?<![\w-])[A-Z]{1,3}-?$")
_THE_NAME = re.compile(r"\bthe (?:[A-Z][\w&-]* ){1,3}(?:of )?$")
_PLACES = ("GPE", "LOC", "NORP")  # "in the United States 50 cases were confirmed": a place, not a name


def in_a_name(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """The number is part of a proper name, not a count: "the G-20", "G8 leaders", "the Group of 20 countries",
    "the Big Three", "the Group of Eight", "12 AK 47 guns"; a place before the number names where ("in the United
    States 50 cases")."""
    text = annotated.document.text
    before = text[max(0, q.start - 40):q.start]
    if _GLUED.search(before) or _model_number(q, annotated, before):
        return True
    name = _THE_NAME.search(before)
    if name is None:
        return False
    name_end = q.start - 1
    return not any(e.label in _PLACES and e.end == name_end for e in annotated.entities) and (
        text[q.start - len(before) + name.start() + 4:name_end] not in country_aliases())


# a model or a name's number written apart from its letters: "AK 47", "MP 5"; or after a capitalised word right
# after another figure ("12 AK 47 guns", "three Boeing 737 jets": the first figure counts, the second names)
_CAPS_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z]{1,4}) $")
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z][\w-]*) $")
_MODEL = re.compile(r"\d{1,4}")


def _model_number(q: Quantity, annotated: AnnotatedDocument, before: str) -> bool:
    """A short bare number written after a model's letters ("AK 47", not "UN 500" or "US 20"), or after a
    capitalised word that follows another figure ("12 AK 47 guns", "three Boeing 737 jets")."""
    if not _MODEL.fullmatch(q.text):
        return False
    caps = _CAPS_BEFORE.search(before)
    if caps is not None and len(caps.group("word")) > 1 and not _known_name(caps.group("word")):
        return True
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    start = q.start - len(before) + word.start()
    return any(o.end in (start - 1, start - 2) and o.start < start for o in annotated.quantities if o is not q)


def _known_name(word: str) -> bool:
    """A country's or a known organisation's short name ("US", "UN", "EU"): a figure after it may count its people."""
    owners = lexicon()["count"]["owners"]
    organisations = {n for names in owners["organisations"].values() for n in names}
    demonyms = {n for names in owners["demonyms"].values() for n in names}
    return word in country_aliases() or word in organisations or word in demonyms or word in ("WHO", "CDC")


_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _clock_time(q: Quantity, text: str) -> bool:
    """A live blog's time stamp ("1200 Several UN peacekeepers are reported ..."): four digits of a 24-hour time
    opening an entry (the text's start, or after a sentence's end) and followed by a capitalised word."""
    if not _CLOCK.fullmatch(q.text.strip()):
        return False
    before = text[max(0, q.start - 3):q.start].rstrip()
    return (not before or before[-1] in ".!?\"'”’") and text[q.end:q.end + 2].strip()[:1].isupper()


@functools.lru_cache(maxsize=1)
def _vague_words() -> frozenset[str]:
    vague = load_table("quantities")["numbers"]["vague"]
    return frozenset(vague) | {"a", "an", "half", "of", "dozen", "score", "some", "several", "few", "many", "tens"}


_TOLL = re.compile(r"\b(?:death toll|toll of (?:the )?dead|number of (?:the )?(?:dead|deaths|fatalities|"
                   r"people (?:killed|dead|who (?:have )?died)))\b(?P<gap>[^.;:\d]{0,60})$", re.IGNORECASE)


def toll(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """ "The official death toll has risen to 110,000": a number after "death toll" counts the people killed,
    whatever noun the parse gave it from elsewhere in the sentence ("50,000 bodies had been collected, but
    the total number of dead could be between 100,000 and 200,000"), unless its own noun follows it."""
    if q.unit or q.state:
        return q
    if q.counts and q.counts.lower() not in ("people", "persons") and (
            q.counts.lower().split()[-1] in annotated.document.text[q.end:q.end + 30].lower()):
        return q
    sentence = sentence_of(annotated, q.start)
    before = annotated.document.text[sentence.start if sentence else max(0, q.start - 100):q.start]
    if not _TOLL.search(before):
        return q
    return replace(q, counts="people", state="dead")


# a tally and its verb right before the number: "total confirmed cases stood at 27", "the total UK figure jumped
# to 1,320", "Canada's number of cases rose to 140"
_TALLY = re.compile(r"(?P<phrase>(?:[\w'’.-]+ ){0,4}?(?P<noun>[a-z]+))\s+(?:(?:has|have|had)\s+)?(?:now\s+)?"
                    r"(?:stood|stands|rose|risen|rises|jumped|climbed|increased|grew|reached|reaches|totalled|"
                    r"totaled|hit)\s+(?:to\s+|at\s+)?(?:about |around |more than |over |nearly |some |almost )?$")
_TALLY_NOUNS = ("figure", "total", "tally", "count", "number")


def tally(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """ "Total confirmed cases stood at 27", "the total UK figure jumped to 1,320, with a further 59 cases": a
    number a tally rises to counts what the tally counts (its noun, or for "figure", "total" and "number" the
    noun of the sentence's other count), unless its own noun follows it; a place in the tally's words ("UK
    figure", "Canada's number of cases") is the count's, and so is the place of a part of a tally told place by
    place ("the number of cases ...; and in Bolivia passing 1,300")."""
    text = annotated.document.text
    if q.unit or _own_noun(text, q.end):
        return q
    sentence = sentence_of(annotated, q.start)
    if sentence is None:
        return q
    found = _TALLY.search(text, max(sentence.start, q.start - 80), q.start)
    if found is None:
        return _place_part(q, text, sentence.start)
    if _DIGIT.search(found.group("phrase")):
        return q
    noun = found.group("noun")
    counted = noun if noun in _tallied_nouns() else _other_count(q, annotated, sentence) if (
        noun in _TALLY_NOUNS) else None
    if counted is None:
        return q
    where = next((_countries_by_name()[w] for w in re.findall(r"[\w.]+", found.group("phrase"))
                  if w in _countries_by_name()), None)
    return replace(q, counts=counted, where=where or q.where, verb=None, state=None)


# a tally told place by place: "the number of recorded cases in Peru hitting four figures; in Chile doubling in a week
# to more than 750; and in Bolivia passing 1,300": each place's part, a verb of change, then its figure
_PLACE_PART = re.compile(r"\bin (?:the )?(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) \w+(?:ing|ed)\b"
                         r"(?:[^.;:!?\d,]{0,25}?\b(?:to|at|past|above|over|beyond))?\s*$")


def _place_part(q: Quantity, text: str, start: int) -> Quantity:
    """A figure of one country's part of a tally the sentence opened with ("the number of recorded cases ...; and in
    Bolivia passing 1,300"): it counts the tally's noun in that country; else the figure as it was."""
    part = _PLACE_PART.search(text, max(start, q.start - 60), q.start)
    place = _countries_by_name().get(part.group("place")) if part is not None else None
    tallied = list(_number_of().finditer(text, start, part.start())) if place is not None else []
    if not tallied:
        return q
    return replace(q, counts=tallied[-1].group("noun"), where=place, verb=None, state=None)


@functools.lru_cache(maxsize=1)
def _number_of() -> re.Pattern[str]:
    """ "the number of recorded cases": a tally of a noun a tally counts by itself."""
    nouns = "|".join(sorted(_tallied_nouns()))
    return re.compile(rf"\b(?:number|total|tally|count) of (?:[\w-]+ ){{0,3}}?(?P<noun>{nouns})\b")


@functools.lru_cache(maxsize=1)
def _countries_by_name() -> dict[str, str]:
    """Countries by their names, aliases and nationality adjectives ("UK", "Britain", "British", "Argentine")."""
    names = dict(country_aliases())
    for country, forms in lexicon()["count"]["owners"]["demonyms"].items():
        names.update({form: country for form in forms if " " not in form})
    return names


_NOT_A_NOUN = frozenset("""today yesterday tonight now so far on in at and with by since after from as this last
according but or to of than""".split())


def _own_noun(text: str, end: int) -> bool:
    """A lowercase word other than a time or function word right after the number: its own noun ("27 confirmed
    cases", "12,954 infections"), not "1,320 today" or "27 About 250 recruits" (a full stop lost)."""
    words = text[end:end + 30].split()
    word = words[0].strip(".,;:()") if words else ""
    return word[:1].islower() and word.replace("-", "").isalpha() and word not in _NOT_A_NOUN


def _other_count(q: Quantity, annotated: AnnotatedDocument, sentence) -> str | None:
    """The noun a tally counts, read from the other counts of its sentence ("with a further 59 cases")."""
    nouns = [o.counts.split()[-1] for o in annotated.quantities if o is not q and sentence.start <= o.start
             < sentence.end and o.counts and not o.unit]
    return next((n for n in nouns if n in _tallied_nouns()), None)


@functools.lru_cache(maxsize=1)
def _tallied_nouns() -> frozenset[str]:
    """Nouns a tally counts by itself: the nouns of the kinds that are cumulative ("cases", "deaths")."""
    return frozenset(n for k in lexicon()["count"]["kinds"].values() if k.get("cumulative")
                     for n in k.get("nouns", ()) if " " not in n)


_ELIDED = re.compile(r"^\s*(?:(?:have|has|had|been|were|are|was|left|made|now|more|others?)\s+){0,3}"
                     r"(?P<state>injured|wounded|hurt|homeless|dead|killed|missing|displaced)\b", re.IGNORECASE)


def elided(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """ "200,000 people have been killed, 250,000 injured and 1.5 million left homeless": a number whose
    next words say a state, with no noun between (so any noun the parse gave it is another's), counts
    the people of the count of people before it in its sentence, in that state; with no such count, its
    own noun of people is in that state ("a million people left homeless"), and a figure with no noun counts
    people ("counted 9,000 to 10,000 dead"), unless another event ("in a ferry disaster") or another state ("injured
    and made homeless") follows."""
    if q.unit:
        return q
    found = _ELIDED.match(annotated.document.text[q.end:q.end + 40])
    sentence = sentence_of(annotated, q.start)
    if found is None or sentence is None:
        return q
    state = found.group("state").lower()
    after = _word_after(annotated.document.text, q.end + found.end())
    if after[:1].islower() and is_people(after):
        return q  # "evacuate about 60 injured people": the state describes the people the verb counts
    earlier = [o for o in annotated.quantities if sentence.start <= o.start and o.end <= q.start and o.counts
               and not o.unit and is_people(o.counts)]
    if earlier:
        return replace(q, counts=earlier[-1].counts, state=state, verb=None)
    if not q.counts:  # "have counted 9,000 to 10,000 dead"; not "1,000 dead in a ferry disaster" (another event)
        rest = annotated.document.text[q.end + found.end():q.end + found.end() + 30]
        return q if _ANOTHER_EVENT.match(rest) or _ANOTHER_STATE.match(rest) else replace(
            q, counts=PEOPLE, state=state, verb=None)
    return replace(q, state=state, verb=None) if is_people(q.counts) else q


# an event named with "a" after a toll is one event among others, not the story's: "1,000 dead in a ferry disaster"
_ANOTHER_EVENT = re.compile(r"\s+in\s+an?\s", re.IGNORECASE)
# a second state joined to the first counts people in either: "three million injured and made homeless"
_ANOTHER_STATE = re.compile(r"\s+(?:and|or)\s+(?:\w+\s+){0,2}?(?:injured|wounded|hurt|homeless|dead|killed|missing|"
                            r"displaced)\b", re.IGNORECASE)


def _word_after(text: str, at: int) -> str:
    words = text[at:at + 30].split()
    return words[0].strip(".,;:") if words else ""


def increment(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """ "Another 700 cases", "300 new deaths": what was added to a toll, not the toll ("an additional 900
    troops in Syria" is a level elsewhere, and stays)."""
    words = lexicon()["count"]
    text = annotated.document.text
    before = " " + " ".join(text[max(0, q.start - 20):q.start].lower().split()[-2:])
    after = text[q.end:q.end + 15].lower().split()[:1]
    return any(before.endswith(" " + w) for w in words["increments_before"]) or (
        bool(after) and after[0] in words["increments_after"])


# a force raised by a number: "boost its peacekeeping forces by 3,500 personnel", "increase police and troop
# numbers by 3,500", "increasing the UN mission (MINUSTAH) by 3,500 troops"
_RAISED_BY = re.compile(r"\b(?:boost|increas|rais|bolster|expand|swell|augment|reinforc|strengthen)\w*\b"
                        r"(?P<what>[^.;:!?]{0,80}?)\bby\s+$", re.IGNORECASE)
_FORCE_WORDS = re.compile(r"\b(?:troops?|soldiers|police|peacekeep\w*|forces?|military|mission|contingent)\b",
                          re.IGNORECASE)
RAISED_NOUN = "troops"  # what "boost police and troop numbers by 3,500" counts


def raised_by(q: Quantity, annotated: AnnotatedDocument) -> str | None:
    """The force a number raises ("boost its peacekeeping forces by 3,500": "its peacekeeping forces"), read
    from the words between a verb of increase and "by" right before the number in its sentence; None when the
    number raises no force."""
    sentence = sentence_of(annotated, q.start)
    found = _RAISED_BY.search(annotated.document.text[sentence.start if sentence else q.start:q.start])
    if found is None or not (_FORCE_WORDS.search(found.group("what")) or _FORCE_WORDS.search(q.counts or "")):
        return None
    return found.group("what")


# a force's new total: "raising the number of US troops there to about 16,000", "bringing the total US force in
# Haiti to 16,000", "will increase the number of troops involved to 16,000"
_TOTAL_TO = re.compile(r"\b(?:rais|increas|bring|tak|lift|boost|swell)\w*\s+(?:the|its|their)\s+(?:overall\s+|total\s+)?"
                       r"(?:number|total|tally|strength|size)\b(?P<what>[^.;:!?]{0,60}?)\bto\s+(?:about\s+|around\s+"
                       r"|some\s+|nearly\s+|almost\s+|roughly\s+|more than\s+|over\s+)?$", re.IGNORECASE)


def total_of(q: Quantity, annotated: AnnotatedDocument) -> str | None:
    """The force a number is the new total of ("raising the number of US troops there to about 16,000": "US
    troops"): the words after "of" (or the phrase itself: "the total US force"), else what another count of its
    sentence counts ("sending 4,000 more troops, raising the number to 16,000"); None when it totals no force."""
    sentence = sentence_of(annotated, q.start)
    start = sentence.start if sentence else q.start
    text = annotated.document.text
    found = _TOTAL_TO.search(text[start:q.start])
    if found is None:
        return None
    what = re.sub(r"^\s*of\s+", "", found.group("what")).strip()
    forces = list(_FORCE_WORDS.finditer(what))
    if forces:
        return what[:forces[-1].end()]  # "US troops there", "US force in Haiti": the force itself
    others = [o.counts for o in annotated.quantities if o is not q and o.counts and start <= o.start < q.start]
    return next((c for c in reversed(others) if _FORCE_WORDS.search(c)), None)


UNLESS_AFTER = 60  # characters after the number where a kind's `unless` words may make it another count


def another_count(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument) -> bool:
    """A figure its own words put in another count than the kind's ("230 possible cases under
    investigation", "25 suspected cases" are not the confirmed cases, nor "101 suspected deaths" the deaths),
    read from the number to the end of its clause, or right before it ("suspected in 380 deaths"), or from a
    suspected tally it is given for ("the number of suspected deaths is more than 160"), or a part of it confirmed
    after it ("248 deaths, with 12 confirmed")."""
    if kind.unless is None:
        return False
    text = annotated.document.text
    start, end = _own_clause(q, obs, annotated, reach=UNLESS_AFTER)
    after = _BOTH.sub(" ", _ANOTHER_CLAUSE.split(text[q.start:end], maxsplit=1)[0])
    sentence = sentence_of(annotated, q.start)
    told = text[sentence.start if sentence else start:q.start]
    return bool(kind.unless.search(after) or _UNLESS_BEFORE.search(_BOTH.sub(" ", text[start:q.start]))
                or _CONFIRMED_PART.match(text, q.end) or _SUSPECTED_TALLY.search(told))


# a tally of suspected deaths or cases the figure is given for: "the number of suspected deaths linked to the virus is
# reported to be more than 160", "the suspected death toll rose to 176", "cut their suspected death toll to 101 from
# 176", "revised its suspected toll from 176 to 101" (the figures of a revision, "from A to B", are both the tally's)
_SUSPECTED_TALLY = re.compile(r"\b(?:(?:number|toll|tally|count|total) of (?:the )?|the |its |their |[A-Z][\w.]*'s )"
                              r"(?:suspected|possible|probable) (?:death toll|deaths|cases|fatalities|infections)\b"
                              r"(?:[^.;:!?\d]|[\d,.]+(?= (?:to|from) )){0,70}$", re.IGNORECASE)
# a figure of which only a part is confirmed is the suspected count: "248 deaths linked to the virus in Peru, with 12
# confirmed", "1,300 deaths, of which only 40 have been confirmed"
_CONFIRMED_PART = re.compile(r"[^.;:!?]{0,60}?,\s*(?:with|of which|of whom|but)\s+(?:only\s+)?[\d,]+\s+"
                             r"(?:of them\s+|of those\s+)?(?:(?:have|has)\s+been\s+|were\s+|are\s+|so far\s+)?"
                             r"(?:laboratory-|lab-)?confirmed\b", re.IGNORECASE)


def estimated(q: Quantity, obs: Observation, kind: Kind, annotated: AnnotatedDocument) -> bool:
    """A figure its clause gives as an estimate of what no one counted ("more than 1 million people may have been
    infected", "which would bring the total to around 200,000"): for a kind whose reports are counts (cases
    confirmed), another measure, not a report of the count."""
    if kind.estimates is None:
        return False
    text = annotated.document.text
    start, end = _own_clause(q, obs, annotated)
    # "21,000 cases, with officials saying there are likely ten times that many": the estimate is of another figure
    after = _ESTIMATE_AFTER_END.split(text[q.end:end], maxsplit=1)[0]
    return bool(kind.estimates.search(text[start:q.start]) or kind.estimates.search(after))


def _own_clause(q: Quantity, obs: Observation, annotated: AnnotatedDocument, reach: int | None = None
                ) -> tuple[int, int]:
    """A figure's clause (`clause_span`), ending before the next figure in it and, with `reach`, within that
    many characters after the number."""
    start, end = clause_span(annotated.document.text, obs, q)
    limits = [q.end + reach] if reach is not None else []
    return start, min([end, *limits, *(o.start for o in annotated.quantities if q.end <= o.start < end)])


# the words after a count that are its own end at the next figure ("confirmed 20 deaths and has 40 other possible
# fatalities") or at a clause of contrast ("confirmed eight deaths although many more are suspected")
_ANOTHER_CLAUSE = re.compile(r"\b(?:although|though|but|while|whereas)\b", re.IGNORECASE)
# where the words after a figure stop being about it: a comma, "with", or a clause of contrast
_ESTIMATE_AFTER_END = re.compile(rf",|\bwith\b|{_ANOTHER_CLAUSE.pattern}", re.IGNORECASE)
# a count of both kinds is no suspected count ("5,123 confirmed and probable cases", the CDC's way of counting)
_BOTH = re.compile(r"\b(?:confirmed (?:and|or) (?:probable|suspected|possible)|(?:probable|suspected|possible) "
                   r"(?:and|or) confirmed)\b", re.IGNORECASE)
_COMBINED = re.compile(rf"\s+(?:{_BOTH.pattern})", re.IGNORECASE)


def combined(q: Quantity, annotated: AnnotatedDocument) -> bool:
    """Confirmed and probable told together right after the number ("5,123 confirmed and probable cases", "almost
    3,000 probable and confirmed cases"): a count of its own, neither the confirmed count nor the suspected one."""
    return bool(_COMBINED.match(annotated.document.text, q.end))


# a suspected count told with the word before it: "suspected in more than 380 deaths", "it suspected 60 people had
# been killed", "is suspected of claiming 101 lives"; not "a suspected gunman killed 12"
_UNLESS_BEFORE = re.compile(r"\b(?:suspected|possible|probable)\s+(?:(?:in|of)\s+(?:\w+ing\s+)?)?"
                            r"(?:more than |at least |about |around |over |nearly |some |up to |as many as )?$",
                            re.IGNORECASE)


_CASES_OF = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?cases of (?:the |a |an )?(?P<what>[\w-]+)", re.IGNORECASE)


def other_cases(q: Quantity, kind: Kind, annotated: AnnotatedDocument) -> bool:
    """ "Cases" that are not cases of a disease: of something else ("17 cases of peanut butter", "cases of
    children disappearing") or qualified as another matter ("1,500 adoption cases"); `disease` words of
    the kind say what may qualify them. Asked of kinds that say so (cases)."""
    words = lexicon()["count"]["kinds"].get(kind.name, {}).get("disease")
    if not words:
        return False
    allowed = {w.lower() for w in words}
    of = _CASES_OF.match(annotated.document.text[q.end:q.end + 60])
    if of is not None and of.group("what").lower() not in allowed:
        return True
    modifiers = [w.lower().strip(",.") for w in (q.counts or "").split()[:-1]]
    return any(w.isalpha() and w not in allowed for w in modifiers)


def sourcing(annotated: AnnotatedDocument, q: Quantity, obs: Observation) -> dict:
    """Who gives the figure (a named source whose reported words hold it), whether the sentence hedges it
    ("may have been killed"), and whether its words make it an official or confirmed figure."""
    words = lexicon()["count"]
    said = next((a for a in annotated.attributions
                 if a.content_start <= q.start < a.content_end and not a.anonymous), None)
    text = annotated.document.text
    end = clause_span(text, obs, q)[1]
    hedged = _hedged(text, obs, q)
    # official before the count or in its clause: "248 deaths linked to the virus, with 12 confirmed" confirms
    # 12 only; "officials say 200,000 were killed, 250,000 injured" gives both
    official = bool(words_pattern(words["official"]).search(text[obs.citation.start:end])) and not hedged
    unnamed = said is None and any(a.anonymous and a.content_start <= q.start < a.content_end
                                   for a in annotated.attributions)  # "according to a defense official"
    return {"speaker": said.speaker if said else None, "hedged": hedged, "anonymous": unnamed,
            "strong": official or (said is not None and not hedged)}


_MONTH_DAY = re.compile(r"\bMay\s+\d")  # "GENEVA, May 26": a date, not a hedge


def _hedged(text: str, obs: Observation, q: Quantity) -> bool:
    """A hedge in the count's clause ("may have killed 100", "100 people are feared dead"); one after the number
    only when the number comes before its verb: in "a flu that has killed up to 68 people in Mexico could start
    an epidemic" the "could" is the epidemic's, not the toll's."""
    start, end = clause_span(text, obs, q)
    hedges = words_pattern(lexicon()["count"]["hedges"])
    before = [m for m in hedges.finditer(text, start, q.start) if not _MONTH_DAY.match(text, m.start())]
    after = [m for m in hedges.finditer(text, q.end, end) if not _MONTH_DAY.match(text, m.start())]
    if before:
        return True
    verb = q.verb[:max(3, len(q.verb) - 1)] if q.verb else None
    return bool(after) and not (verb and re.search(rf"\b{re.escape(verb)}", text[start:q.start], re.IGNORECASE))


def range_top(q: Quantity, obs: Observation) -> Observation:
    """ "Between 100,000 and 200,000 dead": a cumulative count's range is read as its top, an upper bound
    (as "up to 200,000"), since the midpoint is a figure nobody reported."""
    if q.lower is None or q.upper is None or q.lower == q.upper:
        return obs
    low, high = (f"{x:,.0f}" if x == int(x) else f"{x:,}" for x in (q.lower, q.upper))
    return replace(obs, value=f"{q.upper:g}", bound="<=", label=f"{low}-{high}")
