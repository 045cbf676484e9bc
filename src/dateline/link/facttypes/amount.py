"""Money amounts: "How much is the rescue plan worth?", "How much aid has been pledged to Haiti?".

Value: the amount (a number in its currency, the currency in the qualifier),
with its bound ("more than $57m" -> >=). Scope: what the money is for, from a
purpose word written within a few words of the amount (`[amount.purposes]`:
"a $700bn bailout", "$165m in bonuses", "appealed for $562m"), and who gets it
(an organisation or place after "to" or "for"). Amounts under a million and
amounts with no purpose near them are left out. Relation: pledges and donations
add up (cumulative, `base.ordered_relation`); other amounts follow the general rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import OnScale, citation, lexicon, words_pattern
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Quantity

_QUESTIONS = {
    "rescue plan": "How much is the rescue plan worth{to}?",
    "stimulus": "How much is the stimulus package worth{to}?",
    "aid": "How much aid has been pledged{to}?",
    "donations": "How much has been raised{for}?",
    "loan": "How much has been lent{to}?",
    "bonuses": "How much was paid in bonuses{at}?",
    "appeal": "How much does the appeal{for} seek?",
    "debts": "How much is owed{by}?",
}


@dataclass(frozen=True)
class AmountType(OnScale):
    name: str = "amount"
    value_kind: str = "money"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["amount"]
        for q in annotated.quantities:
            if not q.unit or not q.unit.isalpha() or len(q.unit) != 3 or q.value < words["minimum"]:
                continue
            purpose = _purpose(annotated.document.text, q)
            if purpose is None:
                continue
            owner = _owner(annotated, q) if purpose in words["needs_owner"] else _recipient(annotated, q)
            if purpose in words["needs_owner"] and owner is None:
                continue  # "How much has been lent?", "How much is owed?": to whom, by whom?
            bound = ">=" if q.lower is not None and q.upper is None else "<=" if q.upper is not None and q.lower is None else ""
            yield Observation(
                ask=self.name, topic=purpose, place=owner, qualifier=q.unit.lower(),
                kind="quantity", value=f"{q.value:g}", label=q.text, source=source,
                citation=citation(annotated, q.start, q.end), subject=purpose, modality="happened",
                approximate=q.approximate, bound=bound, cumulative=purpose in words["cumulative"],
            )

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, _currency = key
        if topic == "loan" and place and _by_government(observations):
            return f"How much has the government lent {place}?"
        template = _QUESTIONS.get(topic, "How much is the " + topic + "{for}?")
        return re.sub(r"\{(\w+)\}", lambda m: f" {m.group(1)} {place}" if place else "", template)


TYPE = AmountType()


def _purpose(text: str, q: Quantity) -> str | None:
    words = lexicon()["amount"]
    pattern = words_pattern(words["purposes"])
    after = " ".join(text[q.end:q.end + 80].split()[:words["window"]])
    before = " ".join(text[max(0, q.start - 60):q.start].split()[-3:])
    found = pattern.search(after) or pattern.search(before)
    return words["purposes"][found.group().lower()] if found else None


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
                    r"granted|grants|pledged|pledges|gave|gives|injected|injects|made|makes|approved)\b")
_TO = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:to|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")


def _owner(annotated: AnnotatedDocument, q: Quantity) -> str | None:
    """Who a loan is to, whose debts or bonuses an amount is (`[amount] needs_owner`): a named organisation,
    person or place after "to"/"for" ("a loan of $85 billion to insurance giant American International
    Group"); else the one named last before the amount in its clause ("Chrysler received a $4 billion
    loan", "Jackson had debts of $400m"); else the one the sentence names again in the article. Lenders
    (`[amount] lenders`: a government, a central bank) are never owners."""
    text = annotated.document.text
    named = [e for e in annotated.entities if e.label in ("ORG", "PERSON", "GPE")
             and e.canonical not in lexicon()["amount"]["lenders"]]
    after = [e for e in named if q.end < e.start <= q.end + OWNER_AFTER and _TO.match(text[q.end:e.start])
             and not re.search(r"\d", text[q.end:e.start])]
    if after:
        return after[0].canonical
    sentence = next((s for s in annotated.sentences if s.start <= q.start < s.end), None)
    if sentence is None:
        return None
    clause = max([sentence.start, q.start - OWNER_BEFORE] +
                 [m.end() for m in re.finditer(r"[,;:()]", text[:q.start]) if m.end() > sentence.start])
    before = [e for e in named if clause <= e.start and e.end <= q.start]
    if before and _LENDS.search(text[before[-1].end:q.start]):
        before = []  # "the Kremlin offered $44 billion in loans": the lender
    if before and _named_again(annotated, before[-1]):
        return before[-1].canonical
    again = [e for e in named if sentence.start <= e.start < sentence.end and e.label == "ORG" and _named_again(annotated, e)]
    return again[0].canonical if again else None


def _named_again(annotated: AnnotatedDocument, entity) -> bool:
    """Named twice or more in the article, in full or by its initials ("American International Group",
    then "AIG"): a headline's stray capitals ("Seizes Control") are not."""
    initials = "".join(w[0] for w in entity.canonical.split() if w[:1].isupper())
    names = {entity.canonical} | ({initials} if len(initials) > 1 else set())
    return sum(1 for e in annotated.entities if e.canonical in names) >= 2


def _by_government(observations: Sequence[Observation]) -> bool:
    """Most reports of a loan name a government lender ("federal loans", "the Fed", "Treasury")."""
    lender = words_pattern(lexicon()["amount"]["lenders"] + ["government", "federal", "taxpayer", "taxpayers"])
    return sum(1 for o in observations if lender.search(o.citation.text)) * 2 > len(observations)
