"""Companies and institutions: "What is the state of Lehman Brothers?".

Value: a canonical state on a scale (`[company.steps]` in data/facttypes.toml):
for sale (its breakup and sale arranged, a buyer sought) < rescued (bailed out,
given an emergency loan) < taken over by the government (nationalised, seized,
placed into conservatorship) < bought by a buyer (value "bought by Bank of
America") < bankrupt (filed for bankruptcy, Chapter 11). The words that stated it
are in the cited sentence. Scope: the company, an organisation named in the
sentence (never a government body, `[company] not_companies`, nor a name the
article also gives a person): after "of" right after the state's words ("the
bankruptcy of Lehman Brothers", "the takeover of Fannie Mae"), after words that
end in their preposition ("the bailout of AIG", "a buyer for Lehman Brothers"),
the object of a buyer's verb ("Bank of America agreed to buy Merrill Lynch"), else
the nearest one before the state's words in their clause ("Lehman into
bankruptcy", "Fannie Mae and Freddie Mac to accept a federal takeover": both). A
state the sentence only fears, avoids, considers or supposes ("on the brink of
bankruptcy", "could file for bankruptcy", "a disorderly bankruptcy of Acme could
...") states nothing, and neither does a sentence dated to an earlier year. A
company is keyed by the initials of a long name (`company_key`: "American
International Group" and "AIG" meet); a short name joins the one longer name of
the story that starts with it ("Lehman" -> "Lehman Brothers", `link/facts.py`).
Relation: steps on a scale (`base.ordered_relation`): bankruptcy after a rescue
updates it; a rescue reported after the bankruptcy is history.

`rescued_firm` tells the amount type (amount.py) which company a rescue's money
is of ("AIG's bailout, which has totaled $170 billion").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, entities_in, lexicon, sentences, words_pattern
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Citation, Entity, Sentence

BEFORE = 90  # characters before the state's words where the company may be named, within its clause
NOT_STATED = 30  # characters before the state's words where a fear, a modal or an avoidance may be written
_CLAUSE_END = re.compile(r"[;:()\u2013\u2014]|,\s+(?:while|but|which|who|as|after|before|although)\b|\s-\s")
_BOUGHT = "bought"


@dataclass(frozen=True)
class CompanyType(OnScale):
    name: str = "company"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        for s, sentence in sentences(annotated):
            if history(sentence, source):
                continue  # "Lehman collapsed in 2008", in a 2010 article: what stood then
            seen: set[str] = set()
            for company, state, value in _states(annotated, s):
                if company.canonical in seen:
                    continue
                seen.add(company.canonical)
                yield _observation(annotated, source, s, company, state, value)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What is the state of {key[1]}?"


TYPE = CompanyType()


def _states(annotated: AnnotatedDocument, s: Sentence) -> Iterable[tuple[Entity, str, str]]:
    """(company, state, value) for each state the sentence gives a company."""
    text = annotated.document.text
    people = {e.canonical for e in annotated.entities if e.label == "PERSON"}  # "the rescue of Ann Lee": a person
    companies = [e for e in entities_in(annotated, s.start, s.end, ("ORG",)) if _company(e) and e.canonical not in people]
    if not companies:
        return
    deals = list(_deals(companies, s, text))
    yield from deals
    buyers = {buyer for _sold, _state, buyer in deals}  # "... into the arms of Bank of America and Lehman into
    free = [e for e in companies if f"bought by {e.canonical}" not in buyers]  # bankruptcy": the buyer is not bankrupt
    for m in _state_words().finditer(text, s.start, s.end):
        if _not_stated(text, s.start, m.start()):
            continue
        state = lexicon()["company"]["states"][" ".join(m.group().lower().split())]
        for company in _whose(free, m, s.start, text):
            if not _SUPPOSED.match(text, company.end):
                yield company, state, state


# a modal right after the company: the state is supposed ("a disorderly failure of AIG could add to ...")
_SUPPOSED = re.compile(r"\s+(?:could|would|might|may|will|can)\b", re.IGNORECASE)


def _deals(companies: list[Entity], s: Sentence, text: str) -> Iterable[tuple[Entity, str, str]]:
    """(company bought, "bought", "bought by <buyer>"): "A agreed to buy B", "B was sold to A"."""
    for m in _bought().finditer(text, s.start, s.end):
        buyer = _last(companies, s.start, m.start(), text)
        bought = next((e for e in companies if m.end() <= e.start <= m.end() + 25), None)
        if buyer and bought and bought.canonical != buyer.canonical and not _not_stated(text, s.start, m.start()):
            yield bought, _BOUGHT, f"bought by {buyer.canonical}"
    for m in _sold().finditer(text, s.start, s.end):
        buyer = next((e for e in companies if m.end() <= e.start <= m.end() + 25), None)
        sold = _last(companies, s.start, m.start(), text)
        if buyer and sold and sold.canonical != buyer.canonical and not _not_stated(text, s.start, m.start()):
            yield sold, _BOUGHT, f"bought by {buyer.canonical}"


def _whose(companies: list[Entity], m: re.Match, start: int, text: str) -> list[Entity]:
    """The companies a state's words are about: the one after "of" right after them ("the bankruptcy of the
    insurance giant AIG") or after the preposition they end in ("the bailout of AIG", "a buyer for Lehman
    Brothers"), else (for words that end in none) the nearest before them in their clause; with one joined to
    it by "and" ("Fannie Mae and Freddie Mac")."""
    verb = m.group().lower().endswith(("ed", " over", " out"))  # "bailed out AIG", "nationalised Northern Rock"
    # words that end in their preposition ("failure of", "a buyer for") name the company right after it
    linked = m.group().lower().endswith(_LINKS)
    after = next((e for e in companies if m.end() <= e.start <= m.end() + 40
                  and (_OF.fullmatch(text[m.end():e.start]) or verb and _OBJECT.fullmatch(text[m.end():e.start])
                       or linked and _LINKED.fullmatch(text[m.end():e.start]))),
                 None)
    if after is not None:
        joined = [e for e in companies if e.start >= after.end and re.fullmatch(r",?\s+and\s+", text[after.end:e.start])]
        return [after] + joined[:1]
    nearest = None if linked else _last(companies, start, m.start(), text)
    if nearest is None:  # "the bailout of" names its company after it, or none
        return []
    joined = [e for e in companies if e.end <= nearest.start and re.fullmatch(r",?\s+and\s+", text[e.end:nearest.start])]
    return joined[-1:] + [nearest]


_LINKS = (" of", " for")
_OF = re.compile(r"\s+(?:of|at|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}", re.IGNORECASE)
_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}")  # "took over housing finance giants Fannie Mae"
# after words ending in their preposition: the company and its description, no other phrase ("the failure of the
# insurance giant AIG", not "the failure of talks with Acme"), nor a firm named as a kind ("the failure of an AIG")
_LINKED = re.compile(r"\s+(?:the\s+)?(?:(?!(?:of|in|with|for|to|at|on|by|and|from|between|a|an)\b)[a-z][\w-]*\s+){0,3}")


def _last(companies: list[Entity], start: int, end: int, text: str) -> Entity | None:
    """The company named last before `end` within its clause and `BEFORE` characters."""
    clause_start = max([start, end - BEFORE] + [c.end() for c in _CLAUSE_END.finditer(text, start, end)])
    before = [e for e in companies if clause_start <= e.start and e.end <= end]
    return before[-1] if before else None


def _not_stated(text: str, start: int, at: int) -> bool:
    """A fear, a modal, an avoidance or a question just before the state's words: nothing happened."""
    return bool(_hedges().search(text[max(start, at - NOT_STATED):at]))


_RESCUE = r"(?:bail-?out|rescue)(?:\s+(?:package|plan|deal|loan|loans|money|funds))?"
# a total written after its rescue: "AIG's bailout, which has totaled more than $170 billion"
TOTALLED = (r",?\s+(?:which|that)\s+(?:(?:has|have|had|now|so\s+far|since)\s+)*(?:totall?ed|totals|reached|reaches|"
            r"(?:has\s+)?(?:grown|grew|climbed|risen|rose|swelled|jumped)\s+to|stands\s+at|stood\s+at|amounts\s+to|"
            r"amounted\s+to|came\s+to|comes\s+to)\s+")
# between a firm and the amount of its rescue: "AIG's $85 billion bailout", "AIG's bailout, which has totaled",
# "AIG, a recipient of a $180 billion rescue package"
_FIRM_BEFORE = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{_RESCUE}{TOTALLED}(?:[\w-]+\s+){{0,2}})?"
                          r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:recipient|beneficiary)\s+of\s+(?:(?:a|an|the|some)\s+)?",
                          re.IGNORECASE)
# between the amount and the firm: "$85 billion bailout of the insurer AIG", "a $45 billion rescue for Citigroup"
_FIRM_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_RESCUE}\s+(?:of|for|to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}",
                         re.IGNORECASE)


def company_key(name: str) -> str:
    """What a company's facts are keyed by, so that its long name and its initials meet across articles
    ("American International Group", "AIG"): the initials of a name of three or more capitalised words (a
    name of two is left alone: "Fannie Mae" and "Freddie Mac" would meet), else the name."""
    capitals = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in capitals) if len(capitals) >= 3 else name


def rescued_firm(annotated: AnnotatedDocument, start: int, end: int) -> Entity | None:
    """The company a rescue amount (at `start`..`end`) is of, when its sentence says so: the possessor or the
    recipient named before it ("AIG's $85 billion bailout", "AIG, a recipient of a $180 billion rescue
    package"), or the company after the rescue ("a $30 billion bailout of Citigroup"); None for a plan of a
    country or a market ("a $700 billion bailout of the financial system")."""
    text = annotated.document.text
    s = next((s for s in annotated.sentences if s.start <= start < s.end), None)
    if s is None:
        return None
    people = {e.canonical for e in annotated.entities if e.label == "PERSON"}
    firms = [e for e in entities_in(annotated, s.start, s.end, ("ORG",)) if _company(e) and e.canonical not in people]
    before = [e for e in firms if e.end <= start and _FIRM_BEFORE.fullmatch(text[e.end:start])]
    after = [e for e in firms if e.start >= end and _FIRM_AFTER.fullmatch(text[end:e.start])]
    return (before[-1:] or after[:1] or [None])[0]


def _company(e: Entity) -> bool:
    """An organisation that can be bought or go bankrupt: not a government body, a court or a party."""
    name = e.canonical
    return len(name) > 1 and name not in lexicon()["company"]["not_companies"] and not _body_words().search(name)


def _observation(annotated: AnnotatedDocument, source: Source, s: Sentence, company: Entity, state: str,
                 value: str) -> Observation:
    doc = annotated.document
    cited = Citation(doc.id, s.start, s.end, doc.text[s.start:s.end], doc.outlet, doc.published.value)
    return Observation(ask="company", topic=company_key(company.canonical), place=None, qualifier="", kind="state", value=value,
                       label=value, source=source, citation=cited, subject=company.canonical, modality="happened",
                       rank=lexicon()["company"]["steps"][state])


@functools.lru_cache(maxsize=1)
def _state_words() -> re.Pattern[str]:
    phrases = sorted(lexicon()["company"]["states"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _bought() -> re.Pattern[str]:
    """A buyer's verb before what it buys: "agreed to buy", "has acquired", "took over"."""
    return words_pattern(lexicon()["company"]["buys"])


@functools.lru_cache(maxsize=1)
def _sold() -> re.Pattern[str]:
    """A passive before the buyer: "was sold to", "was bought by", "into the arms of"."""
    return words_pattern(lexicon()["company"]["sold_to"])


@functools.lru_cache(maxsize=1)
def _hedges() -> re.Pattern[str]:
    return words_pattern(lexicon()["company"]["not_stated"])


@functools.lru_cache(maxsize=1)
def _body_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["company"]["body_words"])
