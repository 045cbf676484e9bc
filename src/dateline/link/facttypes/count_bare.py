"""A figure whose words say what it counts though its parse does not: the bare object of a verb that harms, rescues
or holds people, written with no noun of its own ("has killed 306 worldwide", "infected seven in the United States",
"sickened at least 64"); people a disease is found in ("the virus has been confirmed in 20,000 people": cases); a
figure's verb told after a light or reporting one ("are reported to have been buried", "have had burials").

News drops the noun after such a verb because the verb says who is counted: what a verb of a kind of people
(`[count.kinds]`: killed, injured, infected, arrested...) does is done to people. The verb must stand right before
the figure (its bound words aside), so a figure the verb governs from afar ("killed 12 people and 40 cows") keeps
the noun the parse gave it, and one with no such verb ("rose to 306") stays unread; in the present simple ("malaria
infects 33 million") the verb tells what a disease does, not a tally.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.link.facttypes.base import lexicon
from dateline.link.facttypes.count_kinds import is_people, kinds
from dateline.model import AnnotatedDocument, Quantity

PEOPLE = "people"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_HABITUAL = re.compile(r"[^s]s$")  # the present simple ("kills", "infects"), not "killed" or "sickening"


def harmed(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """The figure counting people when it is the bare object of a verb of a kind of people; else as it was."""
    if q.counts or q.unit or not q.verb or not _counts_people(q.verb) or q.text.lower() == "one":
        return q  # "after they killed one": a pronoun, not a figure
    found = _WORD_BEFORE.search(annotated.document.text[max(0, q.start - 30):q.start])
    if found is None or not _inflects(found.group(1).lower(), q.verb) or _HABITUAL.search(found.group(1)):
        return q  # "the AIDS virus ... infects 33 million": what it does, not a tally
    return replace(q, counts=PEOPLE)


def _counts_people(verb: str) -> bool:
    """A verb of a kind whose counts are of people ("kill") or of people infected ("infect": cases)."""
    return any(verb in k.verbs and (k.people or k.group == "cases") for k in kinds())


def _inflects(word: str, lemma: str) -> bool:
    """The word is a form of the verb: "killed", "killing" of "kill"; "sickened" of "sicken"; "died" of "die"."""
    stem = lemma.removesuffix("e")
    return word.startswith(stem) and len(word) - len(stem) <= 4


INFECTED = "infected"
# a disease found in people: "has been confirmed in", "tests have confirmed the virus in", "was detected in"
_FOUND_IN = re.compile(r"\b(?:confirmed|detected|diagnosed|identified)\s+(?P<what>(?:[\w-]+\s+){0,3}?)in\s+$",
                       re.IGNORECASE)


def found_in(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """People a disease is confirmed in are its cases ("tests have confirmed the virus in more than 10,000 people");
    the words between the verb and "in", if any, must name the disease ("the virus", "swine flu"), so "weapons
    found in 20 homes" or "confirmed in a statement" stay as they were."""
    if q.state or q.unit or not q.counts or not is_people(q.counts) or q.counts[:1].isupper():
        return q
    found = _FOUND_IN.search(annotated.document.text[max(0, q.start - 60):q.start])
    if found is None or not set(found.group("what").lower().split()) <= _disease_words():
        return q
    return replace(q, state=INFECTED, verb="infect")


def _disease_words() -> frozenset[str]:
    """What "cases" may be of (`disease` of the infected kind), and the articles before it."""
    words = lexicon()["count"]["kinds"]["infected"].get("disease", ())
    return frozenset(w.lower() for phrase in words for w in phrase.split()) | {"a", "an"}


# a light or reporting verb the parse may give a figure whose real verb comes later in its clause
_LIGHT_VERBS = frozenset({"be", "have", "report", "say", "believe", "estimate", "think", "confirm", "know"})
# "80,000 dead people are reported to have been buried": the verb after "to have been" is what was done to them
_REPORTED_TO_HAVE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:are|were|is|was|have|has)\s+(?:been\s+)?(?:reported|said|"
                               r"believed|thought|estimated|confirmed|known)\s+to\s+have\s+been\s+(?:already\s+)?"
                               r"(?P<word>[a-z]+)\b", re.IGNORECASE)
# "70,000 people have already had burials": a noun of what was done to them, with the verb it stands for
_HAD_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:have|has|had)\s+(?:already\s+|now\s+)?(?:had|received|been given)\s+"
                       r"(?:a\s+|proper\s+|their\s+)?(?P<noun>burials?)\b", re.IGNORECASE)
_NOUN_VERBS = {"burial": "bury", "burials": "bury"}
DEFERRED_REACH = 80  # characters after a figure where the words that defer its verb must stand


def deferred(q: Quantity, annotated: AnnotatedDocument) -> Quantity:
    """The figure's own verb when the parse gave it a light or reporting one and its clause says what was done later:
    "80,000 dead people are reported to have been buried", "70,000 people have already had burials" count bodies
    buried (a state written with the figure, "dead", is who they were, not what the count counts); else as it was."""
    if q.verb not in _LIGHT_VERBS or q.unit:
        return q
    after = annotated.document.text[q.end:q.end + DEFERRED_REACH]
    said = _REPORTED_TO_HAVE.match(after)
    verb = _lemma(said.group("word").lower()) if said else None
    had = _HAD_NOUN.match(after) if verb is None else None
    verb = _NOUN_VERBS[had.group("noun").lower()] if had else verb
    return replace(q, verb=verb, state=None) if verb else q


def _lemma(word: str) -> str | None:
    """The verb of a kind a participle is a form of ("buried" of "bury", "rescued" of "rescue"), or None."""
    verbs = {v for k in kinds() for v in k.verbs}
    return next((c for c in (word, word[:-1], word[:-2], word[:-3] + "y") if c in verbs), None)
