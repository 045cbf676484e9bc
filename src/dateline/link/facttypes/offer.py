"""Offers and bids, and what became of them: "What is the Angels' offer to Mark Teixeira?", "What is
Barclays' bid for Lehman Brothers?".

A free agent courted by several teams, a company courted by several buyers: each bidder's offer is one
open question, whose answer moves from its terms to withdrawn, rejected or accepted. Read from a sentence
where a named bidder (an organisation, a place standing for a team, a person) is the subject of an offer
verb (`data/facttypes.toml [offer]`), with nothing but adverbs and auxiliaries between them:
- made: "X (has) made (Y) an eight-year, $160 million offer (to Y)", "X offered Y a seven-year deal worth
  $150 million", "X bid $160 million over eight years", "X raised its offer to $10 a share";
- ended: "X (has) withdrawn / pulled its offer (to Y)", "Y rejected X's offer";
- accepted: "Y accepted X's offer", "Y agreed to a seven-year, $161 million deal with X".
An offer verb needs an offer noun ("offer", "bid", "contract", "deal", ...) or a sum after it ("offered
help" is none). A sentence asking ("Will the Sox offer more?"), a condition ("if accepted"), a refusal or
plan before the verb ("chose not to make an offer", "may bid"), and a sentence dated to an earlier year
than its article tell no offer. "Believed to be worth", "reportedly" and "according to reports" hedge.

Scope: the bidder (a team or company name without its city: "Los Angeles Angels" and "Angels" are one) and
the one offered (the first person or organisation after the verb, or after "to"/"for"; else the one the
same article's other offers name most). Value: the terms, "8 years, $160 million" (years and sum, either
alone; "at least" kept in the label), or "withdrawn", "rejected", "accepted". Relation: steps on a scale
(`base.ordered_relation`): terms 1 < withdrawn or rejected 2 < accepted 3; two different terms on one step
contradict, so the newest (or best carried) terms stand until the offer ends.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.link.facttypes.base import OnScale, entities_in, lexicon, possessive, sentences, words_pattern
from dateline.link.facttypes.proceeding import history, observed
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Entity, Sentence

TERMS, ENDED, ACCEPTED = 1, 2, 3  # the steps of the scale
_NEAR = 70  # characters from the verb to its object's head: "made first baseman Mark Teixeira an eight-year offer"
_PARTIES = ("ORG", "GPE", "NORP", "PERSON")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
# between the bidder and the verb: auxiliaries, adverbs, one short aside ("The Orioles, according to reports,")
_GAP = re.compile(r"\s*(?:['’]s?\s*)?(?:,[^,;]{1,40},\s*)?(?:(?:have|has|had|also|already|now|just|then|"
                  r"reportedly|quickly|formally|officially|finally|last\s+\w+|on\s+\w+day|\w+ly)\s+|"
                  r"(?:is|are|was|were)\s+(?:believed|said|reported|thought|understood)\s+to\s+(?:have\s+)?)*",
                  re.IGNORECASE)
# a clause ends at a stop, a dash, a conjunction or relative word, or a comma before a lower-case word that
# opens another phrase (", believed to be", not ", 28, an eight-year deal" or "an eight-year, $200 million offer")
_CLAUSE_END = re.compile(r"[.;:!?](?!\d)|\s[-–—]{1,2}\s|,\s+(?!(?:a|an|the|worth|about|around|roughly|at|up|between|plus|"
                         r"or|nearly|more|in|over|for|to)\b)[a-z]|\b(?:but|though|although|while|whereas|which|that|who|"
                         r"than|after|before|surpassing|exceeding|matching)\b")
_YEARS = re.compile(rf"\b(\d{{1,2}}|{'|'.join(_NUMBERS)})[\s-]years?\b", re.IGNORECASE)
_SCALE = r"(?:million|billion|trillion|MM|M|bn|m)\b"
_SUM = r"[$£€]\s?\d[\d,]*(?:\.\d+)?(?:[\s-]*" + _SCALE + ")?"
_MONEY = re.compile(rf"(?:(?P<bound>at\s+least|more\s+than|in\s+excess\s+of|over|up\s+to|as\s+much\s+as|as\s+high\s+as|"
                    rf"about|around|roughly|nearly|almost)\s+)?(?:between\s+)?(?P<low>{_SUM})"
                    rf"(?:\s*(?:-|–|to|and)\s*(?P<high>{_SUM}))?(?P<per>\s+(?:a|per)\s+(?:share|season|year)"
                    rf"|\s+annually)?", re.IGNORECASE)
_LOWER = ("at least", "more than", "in excess of", "over")
_UPPER = ("up to", "as much as", "as high as")
_HEDGE = re.compile(r"\b(?:believed|reportedly|reported|reports?|said\s+to|thought|rumou?red|speculat\w+|"
                    r"sources?|could|may|might|possibly|expected)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """One offer as one sentence tells it."""

    bidder: Entity
    recipient: str | None
    value: str
    label: str
    rank: int
    hedged: bool


@dataclass(frozen=True)
class OfferType(OnScale):
    name: str = "offer"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        found = [(s, r) for s, text in sentences(annotated) if _told(text, source)
                 for r in read_sentence(annotated, s, text)]
        usual = Counter(r.recipient for _, r in found if r.recipient).most_common(1)
        for s, r in found:
            recipient = r.recipient or (usual[0][0] if usual else None)
            if recipient is None or _same_party(recipient, r.bidder.canonical):
                continue
            o = observed(annotated, source, s, ask=self.name, topic=bidder_key(annotated, r.bidder), value=r.value,
                         label=r.label, rank=r.rank, subject=_shown(annotated, r.bidder))
            yield replace(o, qualifier=recipient, hedged=r.hedged)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        names = Counter(o.subject for o in observations if o.subject)
        bidder = names.most_common(1)[0][0] if names else key[1]
        cited = " ".join(o.citation.text for o in observations)
        the = "the " if re.search(rf"\b[Tt]he\s+(?:[A-Z][\w.]*\s+){{0,2}}{re.escape(bidder)}(?!\s+[A-Z0-9])", cited) else ""
        bids = sum(1 for o in observations if re.search(r"\bbid\b", o.citation.text, re.IGNORECASE))
        noun = "bid" if bids * 2 > len(observations) else "offer"
        to = "for" if noun == "bid" else "to"
        return f"What is {the}{possessive(bidder)} {noun} {to} {key[3]}?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A bidder and one offered: "withdrawn" alone answers too ("Have the Angels withdrawn their offer?")."""
        return bool(key[1] and key[3])


TYPE = OfferType()


def _told(text: str, source: Source) -> bool:
    """A sentence that tells, not one that asks, supposes or recalls an earlier year."""
    return not (re.search(r"\?\W*$", text.strip()) or re.search(r"\b(?:if|unless|whether)\b", text, re.IGNORECASE)
                or history(text, source))


def read_sentence(annotated: AnnotatedDocument, s: Sentence, text: str) -> list[Reading]:
    """The offers one sentence tells: each offer verb with a named bidder (or, accepting, one offered) as its
    subject."""
    words = _lexicon()
    verbs = words["made"] + words["offered"] + words["raised"] + words["ended"] + words["accepted"] + words["rejected"]
    out = []
    for verb in words_pattern(verbs).finditer(text):
        subject = _subject(annotated, s, text, verb.start())
        if subject is None:
            continue
        clause = _clause(text, verb.end())
        hedged = bool(_HEDGE.search(text[:verb.start()]) or _HEDGE.search(clause))
        reading = _read(annotated, s, verb.group().lower(), verb.end(), clause, subject, hedged)
        if reading is not None:
            out.append(reading)
    return out


def _read(annotated: AnnotatedDocument, s: Sentence, said: str, at: int, clause: str, subject: Entity,
          hedged: bool) -> Reading | None:
    words = _lexicon()
    if said in words["accepted"] or said in words["rejected"]:
        return _answered(annotated, s, said, at, clause, subject, hedged)
    noun = words_pattern(words["nouns"]).search(clause)
    near = noun is not None and noun.start() <= _NEAR  # the verb's own object: "pulled its bid", not a later one
    recipient = _recipient(annotated, s, at, clause)
    if said in words["ended"]:
        return Reading(subject, recipient, "withdrawn", "withdrawn", ENDED, hedged) if near else None
    if said in words["made"] + words["raised"] and not near:
        return None  # "made the playoffs", "raised $10 million": no offer
    if said in words["offered"] and not (noun or words_pattern(words["contracts"]).search(clause)
                                         or _MONEY.search(clause)):
        return None  # "offered help", "offered his condolences"
    raised = said in words["raised"]  # "upgraded their offer -- eight years, $160 million -- to $184 million"
    terms = _terms(re.split(r"[.;!?](?!\d)", annotated.document.text[s.start + at:s.end])[0] if raised else clause,
                   raised=raised)
    return Reading(subject, recipient, terms[0], terms[1], TERMS, hedged) if terms else None


def _answered(annotated: AnnotatedDocument, s: Sentence, said: str, at: int, clause: str, offered: Entity,
              hedged: bool) -> Reading | None:
    """"Y accepted X's offer", "Y agreed to a seven-year, $161 million deal with X", "Y rejected the bid from
    X": Y is the one offered, X the bidder (named after "with" or "from", else the first party named)."""
    words = _lexicon()
    if not words_pattern(words["nouns"] + words["contracts"]).search(clause):
        return None
    start = s.start + at
    text = annotated.document.text
    # a possessor is no party: "a deal with Australia's Rio Tinto"
    parties = [e for e in entities_in(annotated, start, start + len(clause), _PARTIES)
               if not _same_party(e.canonical, offered.canonical) and not re.match(r"['’]s?\s", text[e.end:e.end + 3])]
    named = re.search(r"\b(?:with|from|by)\s+[Tt]he\s+((?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z0-9][\w.&'’-]*)", clause)
    if not parties and named:  # "a deal with the Gulls", the team's name untagged
        parties = [Entity(named.group(1), "ORG", named.group(1), start + named.start(1), start + named.end(1))]
    if not parties:
        return None
    after = [e for e in parties if re.search(r"\b(?:with|from|by)\s+(?:the\s+)?$", text[max(start, e.start - 12):e.start])]
    bidder = _whole(text, after[0] if after else parties[0])
    terms = _terms(clause, raised=False)
    value, rank = ("accepted", ACCEPTED) if said in words["accepted"] else ("rejected", ENDED)
    label = f"{value} ({terms[1]})" if terms else value
    return Reading(bidder, offered.canonical, value, label, rank, hedged)


def _whole(text: str, e: Entity) -> Entity:
    """A place the tagger cut from the team or firm it opens: "the Philadelphia 76ers" tagged "Philadelphia"."""
    more = re.match(r"\s+((?:[A-Z0-9][\w.&'’-]*\s*)*[A-Z0-9][\w.&'’-]*)", text[e.end:e.end + 40]) if e.label == "GPE" else None
    if more is None or more.group(1).split()[0] in _lexicon()["not_parties"]:
        return e
    name = text[e.start:e.end + more.end()]
    return Entity(name, "ORG", name, e.start, e.end + more.end())


def _subject(annotated: AnnotatedDocument, s: Sentence, text: str, verb_at: int) -> Entity | None:
    """The named party right before the verb ("The Los Angeles Angels of Anaheim offered", "the Red Sox have
    made"): only auxiliaries, adverbs and one short aside between them. A capitalised name after "the" that
    the tagger left untagged ("the Nationals reportedly have bid") stands as an organisation."""
    before = entities_in(annotated, s.start, s.start + verb_at, _PARTIES)
    if len(before) >= 2 and text[before[-2].end - s.start:before[-1].start - s.start] == " of ":
        before = before[:-1]  # "the Los Angeles Angels of Anaheim": the team, not its town
        joined = re.match(r" of [A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", text[before[-1].end - s.start:verb_at])
        gap_from = before[-1].end - s.start + (joined.end() if joined else 0)
    else:
        gap_from = before[-1].end - s.start if before else None
    if gap_from is not None and _gap_only(text[gap_from:verb_at]):
        listed = re.search(r"(?:,|\band)\s+(?:[A-Z][\w.]*\s+){0,3}$", text[:before[-1].start - s.start])
        return None if listed else before[-1]  # "the team of owner A, B and General Manager C offered": not C
    return _untagged(s, text, verb_at)


def _gap_only(gap: str) -> bool:
    m = _GAP.match(gap)
    return m is not None and m.end() == len(gap)


def _untagged(s: Sentence, text: str, verb_at: int) -> Entity | None:
    for m in _THE_NAME.finditer(text[:verb_at]):
        if _gap_only(text[m.end():verb_at]) and m.group(1).split()[0] not in _lexicon()["not_parties"]:
            name = m.group(1)
            return Entity(name, "ORG", name, s.start + m.start(1), s.start + m.end(1))
    return None


_THE_NAME = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)")


def _clause(text: str, at: int) -> str:
    """The words after the verb up to the clause's end."""
    rest = text[at:]
    end = _CLAUSE_END.search(rest)
    return rest[:end.start()] if end else rest


def _recipient(annotated: AnnotatedDocument, s: Sentence, at: int, clause: str) -> str | None:
    """The one offered: the first person after the verb ("offered Mark Teixeira", "an offer to Teixeira"), else
    an organisation after "for" or "to" ("a bid for Lehman Brothers")."""
    span = (s.start + at, s.start + at + len(clause))
    text = annotated.document.text
    people = [e for e in entities_in(annotated, *span, ("PERSON",)) if e.start - span[0] <= _NEAR]
    if people:
        return people[0].canonical
    for e in entities_in(annotated, *span, _PARTIES):
        if e.start - span[0] <= _NEAR and re.search(r"\b(?:for|to)\s+(?:the\s+)?$", text[max(span[0], e.start - 12):e.start]):
            return e.canonical
    return None


def _terms(clause: str, *, raised: bool) -> tuple[str, str] | None:
    """(value, label) of the terms a clause states: "8 years, $160 million" (and "8 years, at least $160
    million"); a raised offer's terms are the sum it was raised to (after "to", else the last one written).
    """
    years = _YEARS.search(clause)
    sums = [m for m in _MONEY.finditer(clause) if not re.search(r"season|year|annually", m.group("per") or "")]
    raised_to = [m for m in sums if re.search(r"\bto\s+(?:\w+\s+){0,2}$", clause[max(0, m.start() - 25):m.start()])]
    money = ((raised_to or sums)[-1] if raised else sums[0]) if sums else None
    if years is None and money is None:
        return None
    parts, shown = [], []
    if years:
        n = years.group(1).lower()
        parts.append(f"{_NUMBERS.get(n, n)} years")
        shown.append(parts[-1])
    if money:
        amount = _amount(money)
        parts.append(amount)
        bound = " ".join((money.group("bound") or "").lower().split())
        shown.append(f"{bound} {amount}".strip() if bound in _LOWER + _UPPER else amount)
    return ", ".join(parts), ", ".join(shown)


def _amount(m: re.Match) -> str:
    """"$160 million", "$140-150 million", "$2 a share": the sum as written, spaced one way."""
    low = " ".join(m.group("low").split()).rstrip(" -")
    low = re.sub(r"(?<=\d)\s*(MM|M|m|bn)\b", lambda x: {"bn": " billion"}.get(x.group(1), " million"), low)
    high = m.group("high")
    if high:
        high = " ".join(high.split())
        high = re.sub(r"(?<=\d)\s*(MM|M|m|bn)\b", lambda x: {"bn": " billion"}.get(x.group(1), " million"), high)
        scale = re.search(r"(million|billion|trillion)$", high)
        number = re.sub(r"\s*(million|billion|trillion)$", "", low)
        low = f"{number}-{high.lstrip('$£€ ')}" if scale else f"{low}-{high}"
    per = " ".join((m.group("per") or "").split())
    return f"{low} {per}".strip()


def bidder_key(annotated: AnnotatedDocument, bidder: Entity) -> str:
    """The one name a bidder is asked under: a team or company name without the city written before it
    ("Los Angeles Angels", "Boston Red Sox" -> "angels", "red sox"), when the article tags that city a place."""
    return _shown(annotated, bidder).lower()


def _shown(annotated: AnnotatedDocument, bidder: Entity) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", bidder.canonical)
    name = re.sub(r"\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?$", "", name)  # "Los Angeles Angels of Anaheim"
    places = {e.text for e in annotated.entities if e.label == "GPE"} | set(_lexicon()["cities"])
    for place in sorted(places, key=len, reverse=True):
        if name.startswith(place + " ") and name[len(place) + 1:][:1].isupper():
            return name[len(place) + 1:]
    return name


def _same_party(recipient: str, bidder: str) -> bool:
    return recipient.split()[-1].lower() == bidder.split()[-1].lower()


def _lexicon() -> dict:
    return lexicon()["offer"]


__all__ = ["TYPE", "bidder_key", "read_sentence"]
