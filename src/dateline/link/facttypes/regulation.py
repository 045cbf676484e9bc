"""Rules and regulations: "What is the state of the endangered species rule?".

A government issues a rule, it takes effect, a court or the next government suspends or revokes it,
and sometimes it is reinstated. Read from a sentence naming a rule (`data/facttypes.toml [regulation]
nouns`: a rule, a regulation, an executive order) and a verb of that life in its clause, right before
it ("overturned a last-minute regulation", "putting on hold a regulation") or after it ("the rule,
finalized in December", "regulations ... have been overturned"): proposed < issued < in force <
suspended < revoked < reinstated (`[regulation] steps`). Left out: a verb in another clause, a plan, a
promise, a call or a condition ("promised to reverse the new rules", "sued to block the rules", "could
overturn them"), a denial ("has not formally overturned it"), a present "take effect" (a plan), a
sentence dated to an earlier year than its article and a story of the past ("was later overturned"). A
sentence telling two steps tells the furthest ("issued an order putting the rule on hold": suspended).

Scope: the rule's name, lower case: the words written before its noun once generic ones are dropped
("revised endangered species regulations" -> "endangered species"), else the name of an Act in the
sentence without "Act" ("a regulation that weakened the Endangered Species Act" -> "endangered
species"); a bare "the rule" is the rule the article names most often. A rule with no name asks nothing
(which rule?). Value: the step ("revoked"); the label the words that said it ("overturned").
Relation: steps on a scale (`base.ordered_relation`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, alternation, lexicon, sentences, words_pattern
from dateline.link.facttypes.proceeding import history, observed
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument

BEFORE_WORDS = 5  # words between a verb and the rule it acts on: "overturned a last-minute Bush administration regulation"
AFTER_WORDS = 7  # words between a rule and what is said of it: "several regulations affecting health care ... have been overturned"
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014\"“”]|\s-\s|\b(?:that|which|who|while|but|because|after|before|"
                           r"when|since)\b", re.IGNORECASE)  # "and" may join a list: "health care and the environment"
_ACT = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,5})Act\b")
_STOP = frozenset({"of", "in", "and", "or", "to", "after", "for", "on", "with", "by", "at", "from", "as", "than",
                   "into", "under", "over", "about", "is", "are", "was", "were", "be", "been", "it", "they",
                   "whose", "which", "that", "who", "whom", "where", "when", "while", "has", "have", "had"})
_INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?$", re.IGNORECASE)
_PLAN_DAY = re.compile(r"^\s+(?:in|on|from|within|by|next|later)\b", re.IGNORECASE)  # "take effect in 30 days"


@dataclass(frozen=True)
class RegulationType(OnScale):
    name: str = "regulation"
    value_kind: str = "state"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        usual = _usual_name(annotated)
        for s, text in sentences(annotated):
            if history(text, source) or words_pattern(_lexicon()["past"]).search(text):
                continue  # an earlier year, or a story of the past ("the pesticide rule was later overturned")
            read = [(name, found) for noun in _nouns().finditer(text)
                    if (name := _name(text, noun) or (usual if _bare(text, noun) else None))
                    and (found := _said_of(text, noun))]
            if read:  # the furthest step the sentence tells ("issued an executive order putting the rule on hold")
                name, (verb, state) = max(read, key=lambda r: _lexicon()["steps"][r[1][1]])
                yield observed(annotated, source, s, ask=self.name, topic=name, value=state, label=verb,
                               rank=_lexicon()["steps"][state], subject=None)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        return f"What is the state of the {key[1]} rule?"


TYPE = RegulationType()


def _usual_name(annotated: AnnotatedDocument) -> str | None:
    """The rule the article names most often and at least twice, by its own words or an Act it changes (the
    first of a tie): what its bare "the rule" is."""
    names = [n for _s, text in sentences(annotated) for noun in _nouns().finditer(text) if (n := _name(text, noun))]
    names += [n for a in _ACT.finditer(annotated.document.text) if (n := _act_name(a))]
    usual = max(names, key=names.count) if names else None
    return usual if names.count(usual) >= 2 else None  # named once, it may be a side rule ("looser air pollution rules")


def _said_of(text: str, noun: re.Match[str]) -> tuple[str, str] | None:
    """(the words, the step) a verb of the rule's life says of it in its clause, or None."""
    for m in _verbs().finditer(text):
        if not _near(text, m, noun) or _unreal(text, m, noun):
            continue
        said = " ".join(m.group().lower().split())
        if said in ("took effect", "has taken effect") and _PLAN_DAY.match(text, m.end()):
            continue
        return m.group(), _lexicon()["verbs"][said]
    return None


_PREPOSITION = re.compile(r"\b(?:of|to|for|in|on|with|from|at)\b", re.IGNORECASE)


def _near(text: str, verb: re.Match[str], noun: re.Match[str]) -> bool:
    """The verb acts on the rule in one clause: a few words before it with no preposition between ("overturned
    a last-minute regulation", not "announced the restoration of rules"), or after it with no preposition and a
    comma only before an appositive verb ("the rule, finalized in December"; not "the rule ... to the success of
    programs put in place")."""
    if verb.end() <= noun.start():
        between, most = text[verb.end():noun.start()], BEFORE_WORDS
        if re.search(r"\bby\b", between, re.IGNORECASE):
            return False
    elif verb.start() >= noun.end():
        between, most = text[noun.end():verb.start()], AFTER_WORDS
        if "," in between and between.strip() != ",":
            return False
    else:
        return False
    return (len(between.split()) <= most and not _PREPOSITION.search(between)
            and not _CLAUSE_BREAK.search(between.strip().strip(",")))


def _unreal(text: str, verb: re.Match[str], noun: re.Match[str]) -> bool:
    """A plan, a promise, a call, a condition or a denial in the clause before the verb: the words since the
    last clause break before it (or before the rule, when the verb comes first), at most 60 characters."""
    start = max(0, min(verb.start(), noun.start()) - 60)
    before = text[start:verb.start()]
    breaks = list(re.finditer(r"[,;:]", before))
    clause = before[breaks[-1].end():] if breaks and verb.start() < noun.start() else before
    return bool(_INFINITIVE.search(before) or words_pattern(_lexicon()["unreal"]).search(clause)
                or re.search(r"n['’]t\b", clause))


def _name(text: str, noun: re.Match[str]) -> str | None:
    """The rule's name, lower case: the last two words before its noun once generic words are dropped
    ("endangered species" of "revised endangered species regulations"), else an Act the sentence names
    nearest to the noun, without "Act"; None when neither is written."""
    words = re.findall(r"[\w'’-]+|[^\w\s]", text[max(0, noun.start() - 60):noun.start()])
    own: list[str] = []
    for w in reversed(words):
        if not re.fullmatch(r"[a-z][a-z-]*", w) or w in _generic() or w in _STOP:
            break
        own.insert(0, w)
    opener = words[len(words) - len(own) - 1] if len(words) > len(own) else ""
    # two or three words after a determiner, a generic word or a name ("revised endangered species rules", "EU
    # coastal fishing rules"); not after a verb ("to withdraw rules"), nor one word ("the faulty regulation")
    if 2 <= len(own) <= 3 and (opener.lower() in _generic() or opener[:1].isupper()):
        return " ".join(own[-2:])
    acts = sorted((a for a in _ACT.finditer(text) if _act_name(a)), key=lambda a: abs(a.start() - noun.start()))
    return _act_name(acts[0]) if acts else None


def _bare(text: str, noun: re.Match[str]) -> bool:
    """A rule named by its noun alone ("the rule", "this 11th hour regulation", "the new rules"), not with a word of
    its own ("new financial regulations" are another rule than the one the article names most)."""
    before = re.findall(r"[\w'’-]+|[^\w\s]", text[max(0, noun.start() - 40):noun.start()])
    word = before[-1] if before else ""
    return not word or word.lower() in _generic() or not re.fullmatch(r"[a-z][a-z-]*", word)


def _act_name(act: re.Match[str]) -> str | None:
    """"the Endangered Species Act" -> "endangered species"; None for an Act that is a tool of rule-making
    ("the Congressional Review Act", "the Omnibus Appropriations Act"), no rule's subject."""
    name = re.sub(r"^(?:The|An?)\s+", "", act.group(1).strip()).lower()
    return None if not name or words_pattern(_lexicon()["tool_acts"]).search(name) else name


@functools.lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    return words_pattern(_lexicon()["nouns"])


@functools.lru_cache(maxsize=1)
def _verbs() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(_lexicon()["verbs"]).replace(r"\ ", r"\s+") + r"\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_lexicon()["generic"])


def _lexicon() -> dict:
    return lexicon()["regulation"]
