"""Money amounts: "How much aid has the European Union pledged?", "How much is the rescue plan worth?".

Value: the amount (a number in its currency, the currency in the qualifier),
with its bound ("more than $57m" -> >=, "nearly $900 billion" -> <=). Scope: what
the money is for, from a purpose word written within a few words of the amount in
its sentence (`[amount.purposes]`: "a $700bn bailout", "$165m in bonuses",
"appealed for $562m", "its bailout, which has totaled $170bn"; a verb of raising before it makes
donations; a plan written with no purpose word, "an $825 billion package", is the rescue plan or
stimulus its article named last before it), and whose it is:
- aid, donations and appeals are a giver's (`[amount] needs_giver`): the named
  organisation, country, person or people that is the subject of the verb of
  giving, raising or appealing ("Germany has offered", "European Union nations
  pledged", "the Red Cross's appeal", "the Hope for Haiti Now telethon raised"; an
  official speaks for the body named before the title: "UN humanitarian chief John
  Holmes launched"). A running all-donor total ("a total of $270m had been pledged
  so far", "donors have pledged") is its own question ("in all"); an amount whose
  giver cannot be told and that is no total is left out, so no answer mixes givers;
- loans, debts and bonuses are an owner's (`[amount] needs_owner`, `_owner`; bonuses a firm's), keyed
  so that a long name and its initials meet ("American International Group", "AIG"). A payment to a
  firm's staff in an article about bonuses is the bonuses ("it would pay $165 million to employees");
  lenders, holdings ("a portfolio of loans") and names after a preposition or "like" own nothing. Debts a
  report dates to a death ask what was owed then ("How much did X owe when he died?"). A firm's rescue
  ("AIG's bailout", "AIG, a recipient of a $180 billion rescue package", "a $30bn bailout of Acme", "its
  bailout": `company.rescued_firm`) is money put into the firm, one question with its loans;
- earnings are an earner's: a verb of earning right before the amount ("his estate has since made more
  than $310m", "had earned the Jackson estate $1 billion"); an estate is keyed by its late owner. A
  period's figure, a forecast or money made available is no running total and is left out;
- a rescue or stimulus plan is the story's own unless a country announces it or a
  place is written with it ("France announced a $33 billion stimulus plan").
Left out: amounts under a million, with no purpose near them, conversions in
brackets, a part of a whole or an addition ("the remaining $350 billion", "an
initial $4 billion of its $13.4 billion bailout", "another $100m"), another era
("earlier this year"), a sentence naming a month after its article's (written later), and, for gifts,
a need, an estimate, a cost or a yearly sum
("donations of $2bn a year will be required"). "outrage over $165 million" is no lower bound. Relation:
pledges, donations and a firm's loans and rescue money add up (cumulative, `base.ordered_relation`); earnings grow, and a lower later
figure is a rival source's, not agreement (`_earnings_relation`); other amounts follow the general rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.amount_purpose import aside, clause_span, earning_verb, plain, purpose_of
from dateline.link.facttypes.base import (
    OnScale,
    alternation,
    citation,
    entities_in,
    lexicon,
    number,
    ordered_relation,
    person_name,
    possessive,
    sentence_of,
    usual_name,
    words_pattern,
)
from dateline.link.facttypes.company import company_key, rescued_firm
from dateline.link.facttypes.state import after_publication
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Entity, Quantity, Sentence

_QUESTIONS = {
    "rescue plan": "How much is {whose} rescue plan worth?",
    "stimulus": "How much is {whose} stimulus package worth?",
}
GIVER_LABELS = ("ORG", "GPE", "PERSON", "NORP")
VERB_REACH = 8  # words between a verb of giving and its amount ("has launched a flash appeal for $562m")
_AT_MOST = re.compile(r"^(?:almost|nearly|just under|close to|just shy of|not quite)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Owner:
    key: str  # what the fact is keyed by: a canonical name, "" for a total or the story's own plan
    shown: str  # how the question names it: "the United Nations", "Brad Pitt and Angelina Jolie"


@dataclass(frozen=True)
class AmountType(OnScale):
    name: str = "amount"
    value_kind: str = "money"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        text = annotated.document.text
        for q in annotated.quantities:
            sentence = sentence_of(annotated, q.start) if _money(q) else None
            if sentence is None or after_publication(text[sentence.start:sentence.end], source):
                continue  # "the $787 billion stimulus, enacted in February 2009" in a January article: written later
            purpose = purpose_of(text, q, sentence)
            firm = _rescued(annotated, q, sentence) if purpose == "rescue plan" else None
            purpose = "loan" if firm is not None else purpose  # a firm's rescue: what the government put into it
            if purpose is None or aside(text, q, sentence, purpose):
                continue
            owner = _owned_by(firm) if firm is not None else _scope(annotated, q, sentence, purpose)
            if owner is None:
                continue
            yield _observation(self.name, annotated, source, q, purpose, owner)

    def relation(self, standing: Sequence[Observation], new: Observation) -> str | None:
        if new.topic == "earnings":
            return _earnings_relation(standing, new)
        return ordered_relation(standing, new)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, _currency = key
        shown = usual_name(observations) or place
        if topic in lexicon()["amount"]["needs_giver"]:
            return _giver_question(topic, shown if place else "")
        if topic in lexicon()["amount"]["needs_owner"] + ["earnings"]:
            return _owner_question(topic, _owner_name(place, observations), observations)
        if topic in ("rescue plan", "stimulus"):
            return _QUESTIONS[topic].format(whose=possessive(place) if place else "the")
        template = _QUESTIONS.get(topic, "How much is the " + topic + "{for}?")
        return re.sub(r"\{(\w+)\}", lambda m: f" {m.group(1)} {place}" if place else "", template)


TYPE = AmountType()


def _money(q: Quantity) -> bool:
    return bool(q.unit and q.unit.isalpha() and len(q.unit) == 3 and q.value >= lexicon()["amount"]["minimum"])


def _observation(ask: str, annotated: AnnotatedDocument, source: Source, q: Quantity, purpose: str,
                 owner: Owner) -> Observation:
    # "nearly $900 billion" is a figure below a round one, not a rounding of it: it must not absorb the
    # exact figure reported later ($887 billion, then $787 billion)
    at_most = bool(_AT_MOST.match(q.text))
    bound = "<=" if at_most or (q.upper is not None and q.lower is None) else (
        ">=" if q.lower is not None and q.upper is None and not _over_as_about(annotated.document.text, q) else "")
    words = lexicon()["amount"]
    return Observation(
        ask=ask, topic=purpose, place=owner.key, qualifier=q.unit.lower(),
        kind="quantity", value=f"{q.value:g}", label=q.text, source=source,
        citation=citation(annotated, q.start, q.end), subject=owner.shown or None, modality="happened",
        approximate=q.approximate and not at_most, bound=bound, cumulative=purpose in words["cumulative"],
    )


def _earnings_relation(standing: Sequence[Observation], new: Observation) -> str:
    """What has been earned since a day only grows: a larger later figure updates; a smaller one, even a lower
    bound ("more than $310m" after "$1 billion"), is a rival figure of another source, not the total shrunk
    nor agreement with it (a count's "at least 300" agrees with 365; earnings' estimates differ by measure)."""
    latest = max(standing, key=lambda o: (o.source.published is not None, o.source.published, number(o.value) or 0))
    old, value = number(latest.value), number(new.value)
    return "update" if old is not None and value is not None and value > old else "contradict"


def _owner_name(key: str, observations: Sequence[Observation]) -> str:
    """How the question names an owner: by its key, so that every story words it alike and a topic joins
    them (initials for a long name: "AIG"); an estate, when any report says it is the estate's."""
    written = [o.subject for o in observations if o.subject]
    return next((w for w in written if w.endswith(" estate")), None) or key


def _owner_question(topic: str, owner: str, observations: Sequence[Observation]) -> str:
    """ "How much has the government lent AIG?", "How much did Ann Fell owe when she died?": debts a report
    dates to a death are the debts left then, not what is owed now."""
    if topic == "loan":
        # a firm's rescue money is counted here too ("AIG's bailout, which has totaled $170 billion")
        return f"How much has the government lent {owner}?" if _by_government(observations) else \
            f"How much has been lent to {owner}?"
    if topic == "debts":
        died = next((m for o in observations for m in [_DIED.search(o.citation.text)] if m), None)
        if died is None:
            return f"How much is owed by {owner}?"
        she = bool(re.search(r"\b(?:her|she)\b", died.group(), re.IGNORECASE))
        return f"How much did {owner} owe when {'she' if she else 'he'} died?"
    if topic == "earnings":
        return f"How much has {owner} earned?"
    return f"How much was paid in bonuses at {owner}?"


_DIED = re.compile(r"\b(?:at (?:the time of )?(?:his|her) death|when (?:he|she) died)\b", re.IGNORECASE)


def _over_as_about(text: str, q: Quantity) -> bool:
    """ "outrage over $165 million in bonuses": "over" after a noun of dispute says what the dispute is about,
    not that the amount is a lower bound."""
    return q.text.lower().startswith("over ") and bool(
        re.search(r"\b" + alternation(lexicon()["amount"]["disputes"]) + r"\s+$", text[max(0, q.start - 40):q.start],
                  re.IGNORECASE))


def _giver_question(topic: str, shown: str) -> str:
    has = "have" if " and " in shown else "has"
    if topic == "aid":
        return f"How much aid {has} {shown} pledged?" if shown else "How much aid has been pledged in all?"
    if topic == "donations":
        return f"How much {has} {shown} raised?" if shown else "How much has been raised in all?"
    return f"How much does {possessive(shown)} appeal seek?"


# --- what the money is for, and what is no gift of it ------------------------------------------


def _rescued(annotated: AnnotatedDocument, q: Quantity, sentence: Sentence) -> Entity | None:
    """The firm a rescue amount is of (`company.rescued_firm`), or, for "its"/"their" rescue ("GM received $4
    billion of its $13.4 billion bailout"), the firm named before it in its clause."""
    firm = rescued_firm(annotated, q.start, q.end)
    if firm is not None:
        return firm
    before = plain(annotated.document.text, sentence.start, q.start)
    if re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", before, re.IGNORECASE):
        return _owner(annotated, q, labels=("ORG",))
    return None


# --- whose money it is ----------------------------------------------------------------------------


def _scope(annotated: AnnotatedDocument, q: Quantity, sentence: Sentence, purpose: str) -> Owner | None:
    """Whose the amount is; None leaves it out."""
    words = lexicon()["amount"]
    if purpose in words["needs_giver"]:
        giver = _giver(annotated, q, sentence)
        if giver is None and purpose in words["cumulative"] and _total(annotated.document.text, q, sentence):
            return Owner("", "")
        return giver
    if purpose == "earnings":
        return _earner(annotated, q, sentence)
    if purpose in words["needs_owner"]:
        # bonuses are paid by a firm ("bonuses at AIG"), never by the person the sentence is about
        owner = _owner(annotated, q, labels=("ORG",) if purpose == "bonuses" else ("ORG", "PERSON", "GPE"))
        return _owned_by(owner) if owner else None
    country = _giver(annotated, q, sentence, labels=("GPE",))  # "France announced a $33 billion stimulus plan"
    if country is not None:
        return country
    place = _recipient(annotated, q)
    return Owner(place or "", place or "")


def _giver(annotated: AnnotatedDocument, q: Quantity, sentence: Sentence,
           labels: Sequence[str] = GIVER_LABELS) -> Owner | None:
    """The named subject of the verb of giving, raising or appealing that governs the amount, or the
    possessor written before it ("the Red Cross's $10m appeal")."""
    text = annotated.document.text
    verb = _governing_verb(text, q, sentence)
    if verb is None:
        return _possessor(annotated, q, sentence, labels)
    if labels == GIVER_LABELS:
        event = _fundraiser(annotated, sentence.start, verb)
        if event is not None:
            return event
    named = [e for e in annotated.entities if e.label in labels and sentence.start <= e.start and e.end <= verb]
    if not named:
        return None
    nearest = max(named, key=lambda e: e.end)
    if not _subject_gap().fullmatch(text[nearest.end:verb]) or _after_preposition(text, nearest):
        return None  # "Mobile phone users in the US have contributed": the US is no giver
    return _named(annotated, nearest)


def _governing_verb(text: str, q: Quantity, sentence: Sentence) -> int | None:
    """Where the last verb of giving, raising or appealing before the amount starts, when it governs the
    amount: in its clause, at most `VERB_REACH` words before it."""
    words = lexicon()["amount"]
    verbs = words_pattern(words["giving"] + words["raising"] + words["receiving"] + words["appealing"])
    before = plain(text, sentence.start, q.start)
    found = list(verbs.finditer(before))
    if not found:
        return None
    gap = before[found[-1].end():]
    if len(gap.split()) > VERB_REACH or re.search(r"[,;:]", gap):
        return None
    return sentence.start + found[-1].start()


@functools.lru_cache(maxsize=1)
def _subject_gap() -> re.Pattern[str]:
    """What may stand between a named giver and its verb: a head noun ("nations"), an aside between
    commas, "says it", auxiliaries and adverbs ("is also said to have")."""
    words = lexicon()["amount"]
    heads = r"\b" + alternation(words["giver_heads"])
    aux = r"\b" + alternation(words["auxiliaries"])
    return re.compile(rf"(?:\s+{heads})?(?:\s*,[^,]{{1,60}},)?(?:\s+(?:says|said|say)\s+(?:that\s+)?(?:it|they))?"
                      rf"(?:\s+{aux})*\s+", re.IGNORECASE)


def _after_preposition(text: str, entity: Entity) -> bool:
    return bool(re.search(r"\b(?:in|of|from|at|on|for|by|with|across|to|into|than)\s+(?:the\s+)?$",
                          text[max(0, entity.start - 20):entity.start], re.IGNORECASE))


def _named(annotated: AnnotatedDocument, entity: Entity) -> Owner:
    """The giver an entity names: the body an official speaks for ("UN humanitarian chief John Holmes" ->
    the United Nations), two people together ("Brad Pitt and Angelina Jolie"), else the entity."""
    text = annotated.document.text
    if entity.label == "PERSON":
        earlier = [e for e in annotated.entities if e.end <= entity.start and entity.start - e.end <= 40]
        previous = max(earlier, key=lambda e: e.end, default=None)
        if previous is not None:
            gap = text[previous.end:entity.start]
            if previous.label in ("ORG", "GPE") and re.fullmatch(r"\s+(?:[A-Za-z-]+\s+){1,3}|\s+[\w -]{1,30},\s+", gap) \
                    and " and " not in gap:
                return _named(annotated, previous)
            if previous.label == "PERSON" and gap == " and ":
                both = f"{person_name(previous)} and {person_name(entity)}"
                return Owner(both, both)
        name = person_name(entity)
        return Owner(name, name)
    name = entity.canonical
    the = text[max(0, entity.start - 4):entity.start].lower() == "the " or (
        entity.label == "ORG" and name.split()[-1] in lexicon()["amount"]["institutions"])
    return Owner(name, f"the {name}" if the else name)


def _possessor(annotated: AnnotatedDocument, q: Quantity, sentence: Sentence, labels: Sequence[str]) -> Owner | None:
    """ "the Red Cross's $10m appeal", "the Red Cross's appeal for $10m": the possessor named just before."""
    text = annotated.document.text
    for e in annotated.entities:
        if e.label in labels and sentence.start <= e.start and e.end <= q.start and \
                re.fullmatch(r"['’]s?\s+(?:[a-z-]+\s+){0,3}", text[e.end:q.start]):
            return _named(annotated, e)
    return None


def _fundraiser(annotated: AnnotatedDocument, start: int, verb: int) -> Owner | None:
    """A telethon, a concert or a campaign that raised the money ("Organisers of the Hope for Haiti Now
    telethon said it raised", "a telethon in the US on Friday which raised"), named as written, or by the
    name the article gives it elsewhere; an unnamed one is none."""
    text = annotated.document.text
    nouns = words_pattern(lexicon()["amount"]["fundraisers"])
    found = list(nouns.finditer(text, start, verb))
    if not found:
        return None
    noun = found[-1]
    name = _event_name(text[start:noun.start()]) or next(
        (_event_name(text[:m.start()]) for m in nouns.finditer(text) if m.group().lower() == noun.group().lower()
         and _event_name(text[:m.start()])), None)
    if not name:
        return None
    key = f"{name} {noun.group().lower()}"
    return Owner(key, f"the {key}")


_SMALL = {"for", "of", "the", "and", "a", "an", "in", "to", "on", "at"}


def _event_name(before: str) -> str | None:
    """The name written just before an event noun: quoted ("the "Hope for Haiti Now" telethon") or in
    capitals ("the Hope For Haiti telethon"), small words in lower case so spellings meet."""
    quoted = re.search(r"[\"“]([^\"”]{2,60})[\"”]\s+$", before)
    capitals = re.search(r"((?:[A-Z][\w'’-]*\s+)(?:(?:for|of|the|and|[A-Z][\w'’-]*)\s+)*)$", before)
    name = quoted.group(1) if quoted else capitals.group(1) if capitals else ""
    words = name.split()
    owners = [i for i, w in enumerate(words) if re.search(r"['’]s?$", w)]
    words = words[owners[-1] + 1:] if owners else words  # "Clooney's Hope for Haiti Now telethon"
    while words and words[0].lower() in _SMALL:
        words.pop(0)
    return " ".join(w.lower() if i and w.lower() in _SMALL else w for i, w in enumerate(words)) or None


def _total(text: str, q: Quantity, sentence: Sentence) -> bool:
    """A running all-donor total: "a total of $270m had been pledged so far", "$360m has been pledged"
    (given, with no giver), "donors have pledged $1bn"."""
    words = lexicon()["amount"]
    start, end = clause_span(text, q, sentence)
    after = plain(text, q.end, end)
    passive = re.match(r"\s*(?:[\w-]+\s+){0,4}?(?:has|have|had)\s+(?:(?:now|so far|already)\s+)?been\s+"
                       + r"\b" + alternation(words["passive_giving"]) + r"(?!\s+by\b)", after, re.IGNORECASE)
    before = plain(text, start, q.start)
    collective = words_pattern(words["totals"]).search(before) and words_pattern(
        words["giving"] + words["raising"] + words["receiving"]).search(before)
    return bool(passive or collective)


def _recipient(annotated: AnnotatedDocument, q: Quantity) -> str | None:
    text = annotated.document.text
    to = re.search(r"\b(?:to|for)\s+(?:the\s+)?", text[q.end:q.end + 60])
    if to is None:
        return q.where
    at = q.end + to.end()
    entity = next((e for e in annotated.entities if e.start == at and e.label in ("ORG", "GPE")), None)
    return entity.canonical if entity else q.where


OWNER_AFTER = 45  # characters after an amount where "to <owner>" may be written
OWNER_BEFORE = 70  # characters before an amount where its owner ("Jackson had debts of $400m") may be named
_LENDS = re.compile(r"\b(?:offer|offered|offers|lent|lend|lends|provided|provide|provides|extended|extends|"
                    r"announced|announces|unveiled|unveils|proposed|proposes|promised|promises|"
                    r"granted|grants|pledged|pledges|gave|gives|injected|injects|made|makes|approved)\b")
_TO = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:to|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")


def _owner(annotated: AnnotatedDocument, q: Quantity, labels: Sequence[str]) -> Entity | None:
    """Who a loan is to, whose debts or bonuses an amount is (`[amount] needs_owner`): a named organisation,
    person or place after "to"/"for" ("a loan of $85 billion to insurance giant American International
    Group"); else the one named last before the amount in its clause ("Chrysler received a $4 billion
    loan", "Jackson had debts of $400m"); else the one the sentence names again in the article. Lenders
    (`[amount] lenders`: a government, a central bank) are never owners."""
    text = annotated.document.text
    named = [e for e in annotated.entities if e.label in labels and e.canonical not in lexicon()["amount"]["lenders"]]
    after = [e for e in named if q.end < e.start <= q.end + OWNER_AFTER and _TO.match(text[q.end:e.start])
             and not re.search(r"\d", text[q.end:e.start])]
    if after:
        return after[0]
    sentence = next((s for s in annotated.sentences if s.start <= q.start < s.end), None)
    if sentence is None:
        return None
    clause = max([sentence.start, q.start - OWNER_BEFORE] +
                 [m.end() for m in re.finditer(r"[,;:()]", text[:q.start]) if m.end() > sentence.start])
    before = [e for e in named if clause <= e.start and e.end <= q.start]
    if before and _LENDS.search(text[before[-1].end:q.start]):
        before = []  # "the Kremlin offered $44 billion in loans": the lender
    if before and _named_again(annotated, before[-1]):
        return before[-1]
    again = [e for e in named if sentence.start <= e.start < sentence.end and e.label == "ORG"
             and _named_again(annotated, e) and not _aside_name(text, e, q)]
    return again[0] if again else None


def _aside_name(text: str, entity: Entity, q: Quantity) -> bool:
    """A name in the amount's sentence that is not its owner: after a preposition or a comparison ("debt
    issued to the Trust Fund", "like General Growth"), or the lender, the subject of a verb of lending."""
    return _after_preposition(text, entity) or bool(
        re.search(r"\b(?:like|unlike|including|such as|as)\s+(?:the\s+)?$", text[max(0, entity.start - 12):entity.start],
                  re.IGNORECASE)) or bool(_LENDS.match(text, entity.end + 1) if text[entity.end:entity.end + 1] == " " else False)


def _owned_by(entity: Entity) -> Owner:
    """An owner keyed so that its long name and its initials meet across articles ("American International
    Group", "AIG"): an organisation by `company.company_key`; shown as written."""
    if entity.label == "PERSON":
        name = person_name(entity)
        return Owner(name, name)
    name = entity.canonical
    return Owner(company_key(name) if entity.label == "ORG" else name, name)


def _earner(annotated: AnnotatedDocument, q: Quantity, sentence: Sentence) -> Owner | None:
    """Who earned the money: the beneficiary written between the verb and the amount ("had earned the Jackson
    estate $1 billion"), else the named subject a few words before the verb ("Jackson is estimated to have
    made"). An estate is its late owner's ("his estate", "the singer's estate": the person the article names
    most; "the Jackson estate": the one of that name the article names most), keyed by the person, so both
    forms meet."""
    text = annotated.document.text
    verb = sentence.start + earning_verb().search(plain(text, sentence.start, q.start)).start()
    start, _end = clause_span(text, Quantity("", 0, False, None, verb, verb), sentence)
    beneficiary = entities_in(annotated, verb, q.start, ("PERSON", "ORG"))
    subject = [e for e in entities_in(annotated, start, verb, ("PERSON", "ORG"))
               if re.fullmatch(r"(?:['’]s?)?(?:\s+[\w'’]+){0,5}\s+", text[e.end:verb])]
    named = (beneficiary or subject)[-1:]
    estate = re.search(r"\bestate\b", text[verb:q.start]) or re.search(r"\bestate\s+(?:\w+\s+){0,3}$", text[start:verb])
    if estate and (not named or named[0].label == "PERSON"):
        named = _most_named(annotated, named[0].text.split()[-1] if named else "")
    if not named:
        return None
    owner = _owned_by(named[0])
    return Owner(owner.key, f"{possessive(owner.shown)} estate") if estate and named[0].label == "PERSON" else owner


def _most_named(annotated: AnnotatedDocument, surname: str) -> list[Entity]:
    """The person the article names most (of those whose name ends with `surname`, when given): the mentions
    given that full name, and the short mentions ("Michael") that name no other full name."""
    people = [e for e in annotated.entities if e.label == "PERSON"]
    full = {e.canonical for e in people if len(e.canonical.split()) > 1}
    mentions = lambda name: sum(1 for e in people if e.canonical == name or (
        e.canonical not in full and set(e.text.split()) <= set(name.split())))
    wanted = [e for e in people if e.canonical in full and (not surname or e.canonical.split()[-1] == surname)]
    return [max(wanted, key=lambda e: (mentions(e.canonical), -len(e.canonical)))] if wanted else []


def _named_again(annotated: AnnotatedDocument, entity) -> bool:
    """Named twice or more in the article, in full or by its initials ("American International Group", then
    "AIG", or the other way round): a headline's stray capitals ("Seizes Control") are not."""
    names = {entity.canonical, _owned_by(entity).key}
    return sum(1 for e in annotated.entities if e.canonical in names or _owned_by(e).key in names) >= 2


def _by_government(observations: Sequence[Observation]) -> bool:
    """Most reports of a loan name a government lender ("federal loans", "the Fed", "Treasury")."""
    lender = words_pattern(lexicon()["amount"]["lenders"] + ["government", "federal", "taxpayer", "taxpayers",
                                                             "bailout", "bail-out", "bail out", "rescue"])
    return sum(1 for o in observations if lender.search(o.citation.text)) * 2 > len(observations)
