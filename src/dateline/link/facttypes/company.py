"""Companies and institutions: "What is the state of Lehman Brothers?".

Value: a canonical state on a scale (`[company.steps]` in data/facttypes.toml):
rescued (bailed out, given an emergency loan) < taken over by the government
(nationalised, seized, placed into conservatorship) < bought by a buyer (value
"bought by Bank of America") < bankrupt (filed for bankruptcy, Chapter 11). The
words that stated it are in the cited sentence. Scope: the company, an
organisation named in the sentence (never a government body, `[company]
not_companies`): after "of" right after the state's words ("the bankruptcy of
Lehman Brothers", "the takeover of Fannie Mae"), the object of a buyer's verb
("Bank of America agreed to buy Merrill Lynch"), else the nearest one before the
state's words in their clause ("Lehman into bankruptcy", "Fannie Mae and Freddie
Mac to accept a federal takeover": both). A state the sentence only fears,
avoids or considers ("on the brink of bankruptcy", "could file for bankruptcy")
states nothing, and neither does a sentence dated to an earlier year. A short
name joins the one longer name of the story that starts with it ("Lehman" ->
"Lehman Brothers", `link/facts.py`). Relation: steps on a scale
(`base.ordered_relation`): bankruptcy after a rescue updates it; a rescue
reported after the bankruptcy is history.
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
    companies = [e for e in entities_in(annotated, s.start, s.end, ("ORG",)) if _company(e)]
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
            yield company, state, state


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
    """The companies a state's words are about: the one after "of" right after them ("the rescue of the
    insurance giant AIG"), else the nearest before them in their clause; with one joined to it by "and"
    ("Fannie Mae and Freddie Mac")."""
    verb = m.group().lower().endswith(("ed", " over", " out"))  # "bailed out AIG", "nationalised Northern Rock"
    after = next((e for e in companies if m.end() <= e.start <= m.end() + 40
                  and (_OF.fullmatch(text[m.end():e.start]) or verb and _OBJECT.fullmatch(text[m.end():e.start]))),
                 None)
    if after is not None:
        joined = [e for e in companies if e.start >= after.end and re.fullmatch(r",?\s+and\s+", text[after.end:e.start])]
        return [after] + joined[:1]
    nearest = None if m.group().lower().endswith(" of") else _last(companies, start, m.start(), text)
    if nearest is None:  # "the bailout of" names its company after it, or none
        return []
    joined = [e for e in companies if e.end <= nearest.start and re.fullmatch(r",?\s+and\s+", text[e.end:nearest.start])]
    return joined[-1:] + [nearest]


_OF = re.compile(r"\s+(?:of|at|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}", re.IGNORECASE)
_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}")  # "took over housing finance giants Fannie Mae"


def _last(companies: list[Entity], start: int, end: int, text: str) -> Entity | None:
    """The company named last before `end` within its clause and `BEFORE` characters."""
    clause_start = max([start, end - BEFORE] + [c.end() for c in _CLAUSE_END.finditer(text, start, end)])
    before = [e for e in companies if clause_start <= e.start and e.end <= end]
    return before[-1] if before else None


def _not_stated(text: str, start: int, at: int) -> bool:
    """A fear, a modal, an avoidance or a question just before the state's words: nothing happened."""
    return bool(_hedges().search(text[max(start, at - NOT_STATED):at]))


def _company(e: Entity) -> bool:
    """An organisation that can be bought or go bankrupt: not a government body, a court or a party."""
    name = e.canonical
    return len(name) > 1 and name not in lexicon()["company"]["not_companies"] and not _body_words().search(name)


def _observation(annotated: AnnotatedDocument, source: Source, s: Sentence, company: Entity, state: str,
                 value: str) -> Observation:
    doc = annotated.document
    cited = Citation(doc.id, s.start, s.end, doc.text[s.start:s.end], doc.outlet, doc.published.value)
    return Observation(ask="company", topic=company.canonical, place=None, qualifier="", kind="state", value=value,
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
