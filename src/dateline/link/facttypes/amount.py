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
            bound = ">=" if q.lower is not None and q.upper is None else "<=" if q.upper is not None and q.lower is None else ""
            yield Observation(
                ask=self.name, topic=purpose, place=_recipient(annotated, q), qualifier=q.unit.lower(),
                kind="quantity", value=f"{q.value:g}", label=q.text, source=source,
                citation=citation(annotated, q.start, q.end), subject=purpose, modality="happened",
                approximate=q.approximate, bound=bound, cumulative=purpose in words["cumulative"],
            )

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, _currency = key
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
