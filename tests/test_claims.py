"""Tests for the claim layer: splitting, predicates, time, modality, hedges, speakers."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

import pytest

from dateline.annotate.claims import find_claims
from dateline.annotate.pipeline import Context
from dateline.annotate.quantities import find_quantities
from dateline.model import Attribution, Claim, Document, Entity, PublishedDate, Sentence, TimeExpr

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class T:
    """A hand-made timex: its text in the sentence and its normalised value."""

    text: str
    value: str
    role: str = "point"
    type: str = "DATE"
    lower: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class A:
    """A hand-made attribution: who says the `content` substring."""

    speaker: str
    content: str
    anonymous: bool = False


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expect: dict  # fields of the claim whose predicate is expect["predicate"]
    timexes: tuple[T, ...] = ()
    attributions: tuple[A, ...] = ()
    canonical: dict = field(default_factory=dict)  # entity text -> canonical
    count: int | None = None  # how many claims the sentence yields, when it matters


CASES = [
    Case("delay-to-a-new-date", "The two governments agreed to push the handover back by a month, to the end of June.",
         dict(predicate="push back", predicate_class="delay", time="2025-06", time_role="deadline", revises=None),
         (T("a month", "P1M", "duration", "DURATION"), T("the end of June", "2025-06"))),
    Case("aspect-start-of-withdrawal", "Kabul reportedly wants the withdrawal of the foreign troops to commence by May.",
         dict(predicate="withdrawal", predicate_class="start", time="2025-05", time_role="deadline"),
         (T("May", "2025-05", "deadline"),)),
    Case("participle-purpose-clause", "The ministry delayed the vote, aiming to finish the review by March 2026.",
         dict(predicate="finish", predicate_class="end", subject="The ministry", time="2026-03", time_role="deadline"),
         (T("March 2026", "2026-03", "deadline"),)),
    Case("planned-set-to", "The coalition mission in Iraq is set to conclude by September 2025.",
         dict(predicate="conclude", predicate_class="end", modality="planned", time="2025-09",
              time_role="deadline", place="Iraq", subject="The coalition mission in Iraq"),
         (T("September 2025", "2025-09", "deadline"),)),
    Case("planned-will", "The embassy will reopen in March 2026.",
         dict(predicate="reopen", modality="planned", time="2026-03", negated=False),
         (T("March 2026", "2026-03"),)),
    Case("planned-plans-to", "The government plans to begin the drawdown in January.",
         dict(predicate="begin", predicate_class="start", modality="planned", time="2025-01"),
         (T("January", "2025-01", "start"),)),
    Case("planned-scheduled", "The talks are scheduled to resume in Geneva next week.",
         dict(predicate="resume", predicate_class="start", modality="planned", place="Geneva")),
    Case("planned-aims-to", "Baghdad aims to end the mission by September 2025.",
         dict(predicate="end", predicate_class="end", modality="planned", subject="Baghdad", object="the mission"),
         (T("September 2025", "2025-09", "deadline"),)),
    Case("expected", "Most troops are expected to leave by the end of 2026.",
         dict(predicate="leave", predicate_class="end", modality="expected", time="2026", time_role="deadline"),
         (T("the end of 2026", "2026", "deadline"),)),
    Case("expected-anticipated", "Coalition troops are anticipated to remain in Erbil.",
         dict(predicate="remain", predicate_class="continue", modality="expected")),
    Case("expected-will-likely", "The decision will likely shape security in the region.",
         dict(predicate="shape", modality="expected")),
    Case("possible-may", "Some forces may remain in an advisory role.",
         dict(predicate="remain", predicate_class="continue", modality="possible", negated=False)),
    Case("possible-could", "The talks could collapse this week.",
         dict(predicate="collapse", modality="possible")),
    Case("happened-past", "Militants attacked a convoy near Kirkuk on Monday.",
         dict(predicate="attack", predicate_class="attack", modality="happened", place="Kirkuk",
              time="2025-01-06", object="a convoy near Kirkuk"),
         (T("Monday", "2025-01-06"),)),
    Case("negated-outlet", "The joint statement did not specify a date.",
         dict(predicate="specify", negated=True, modality="happened", speaker=None)),
    Case("negated-no-longer", "Iraq no longer needs foreign troops.",
         dict(predicate="need", negated=True, object="foreign troops")),
    Case("denied-copula-quote", "\u201cThis is not a withdrawal,\u201d the official said.",
         dict(predicate="withdrawal", predicate_class="end", modality="denied", negated=True,
              speaker="a senior U.S. official", hedged=True),
         attributions=(A("a senior U.S. official", "This is not a withdrawal", anonymous=True),)),
    Case("denied-constitute", "The Pentagon said the change does not constitute a full withdrawal.",
         dict(predicate="withdrawal", modality="denied", negated=True, speaker="Pentagon", hedged=False),
         attributions=(A("Pentagon", "the change does not constitute a full withdrawal"),)),
    Case("denied-frame", "The ministry denied that troops were leaving the base.",
         dict(predicate="leave", predicate_class="end", modality="denied", negated=False), count=1),
    Case("hedged-reportedly", "Militants reportedly seized the town of Tal Afar.",
         dict(predicate="seize", hedged=True, modality="happened")),
    Case("hedged-sources-say", "Most troops will leave next year, sources say.",
         dict(predicate="leave", hedged=True, modality="planned"), count=1),
    Case("two-claims-conjunction", "Protesters gathered in Baghdad on Friday and police fired tear gas.",
         dict(predicate="gather", place="Baghdad", time="2025-01-03", modality="happened"),
         (T("Friday", "2025-01-03"),), count=2),
    Case("two-claims-conjunction-second", "Protesters gathered in Baghdad on Friday and police fired tear gas.",
         dict(predicate="fire", predicate_class="attack", subject="police", time=None), (T("Friday", "2025-01-03"),)),
    Case("two-claims-absolute-first",
         "Hundreds of US troops may depart Iraq by September 2025, with the remaining forces scheduled to leave by the end of 2026.",
         dict(predicate="depart", modality="possible", time="2025-09", place="Iraq"),
         (T("September 2025", "2025-09", "deadline"), T("the end of 2026", "2026", "deadline")), count=2),
    Case("two-claims-absolute-second",
         "Hundreds of US troops may depart Iraq by September 2025, with the remaining forces scheduled to leave by the end of 2026.",
         dict(predicate="leave", modality="planned", time="2026", time_role="deadline", subject="the remaining forces"),
         (T("September 2025", "2025-09", "deadline"), T("the end of 2026", "2026", "deadline"))),
    Case("speaker-indirect", "Iraqi officials said the coalition would wrap up its mission in 2025.",
         dict(predicate="wrap up", predicate_class="end", modality="planned", speaker="Iraqi officials",
              object="its mission", time="2025"),
         (T("2025", "2025"),), (A("Iraqi officials", "the coalition would wrap up its mission in 2025"),), count=1),
    Case("light-verb-plans-for", "Iraq is making plans for the withdrawal of US troops.",
         dict(predicate="withdrawal", predicate_class="end", modality="planned", subject="Iraq", object="US troops")),
    Case("light-verb-plan-to", "In March, the two governments announced a plan to conclude the mission by 2026.",
         dict(predicate="conclude", predicate_class="end", modality="planned", time="2026", object="the mission"),
         (T("March", "2025-03"), T("2026", "2026", "deadline"))),
    Case("light-verb-announce", "The foreign ministry announced the postponement of the vote.",
         dict(predicate="postponement", predicate_class="delay", modality="happened", object="the vote")),
    Case("revises-composed",
         "Baghdad has decided to delay the withdrawal of US forces, originally scheduled for September 2025, by at least three years.",
         dict(predicate="delay", predicate_class="delay", modality="planned", revises="2025-09", time="2028-09",
              time_lower="2028-09", object="the withdrawal of US forces"),
         (T("September 2025", "2025-09", "deadline"),
          T("at least three years", "P3Y", "duration", "DURATION", "2028-09", "2025-09"))),
    Case("revises-uncomposed", "The council postponed the vote, originally set for May 2025, by two months.",
         dict(predicate="postpone", predicate_class="delay", revises="2025-05", time="2025-07", modality="planned"),
         (T("May 2025", "2025-05"), T("two months", "P2M", "duration", "DURATION"))),
    Case("time-role-preferred", "Operations that began in 2014 will end by September 2025.",
         dict(predicate="end", time="2025-09", time_role="deadline", modality="planned"),
         (T("2014", "2014"), T("September 2025", "2025-09", "deadline"))),
    Case("nominal-subject", "The phaseout will occur over the next 12 months.",
         dict(predicate="phaseout", predicate_class="end", modality="planned", time="P12M", time_role="duration"),
         (T("the next 12 months", "P12M", "duration", "DURATION"),)),
    Case("quantity-inside", "About 2,500 US troops remain in Iraq.",
         dict(predicate="remain", predicate_class="continue", modality="happened", place="Iraq")),
    Case("subject-canonical", "Al-Sudani visited Tehran on Wednesday.",
         dict(predicate="visit", predicate_class="meet", subject="Mohammed Shia al-Sudani", place="Tehran"),
         canonical={"Al-Sudani": "Mohammed Shia al-Sudani"}),
]


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _entities(parsed, case: Case) -> tuple[Entity, ...]:
    entities = [Entity(e.text, e.label_, case.canonical.get(e.text, e.text), e.start_char, e.end_char) for e in parsed.ents]
    for name, canonical in case.canonical.items():
        if not any(e.text == name for e in entities):
            entities.append(Entity(name, "PERSON", canonical, *_at(case.text, name)))
    places = {"Erbil", "Kirkuk", "Geneva", "Tehran", "Baghdad", "Iraq"}
    return tuple(e if e.text not in places else Entity(e.text, "GPE", e.canonical, e.start, e.end) for e in entities)


def _timex(text: str, t: T) -> TimeExpr:
    return TimeExpr(t.text, t.type, t.value, t.role, *_at(text, t.text), lower=t.lower, anchor=t.anchor)


def _attribution(text: str, a: A) -> Attribution:
    start, end = _at(text, a.content)
    return Attribution(a.speaker, a.speaker, a.anonymous, "said", a.content, start, end, direct=False)


def _context(nlp, case: Case) -> Context:
    parsed = nlp(case.text)
    document = Document("t", "test", case.text, None, None, None, None, "en", PublishedDate.unknown())
    layers = {
        "sentences": tuple(Sentence(s.start_char, s.end_char) for s in parsed.sents),
        "entities": _entities(parsed, case),
        "timexes": tuple(_timex(case.text, t) for t in case.timexes),
        "attributions": tuple(_attribution(case.text, a) for a in case.attributions),
    }
    layers["quantities"] = find_quantities(Context(document, parsed, MappingProxyType(layers)))
    return Context(document, parsed, MappingProxyType(layers))


def _claim(claims: tuple[Claim, ...], predicate: str) -> Claim:
    matches = [c for c in claims if c.predicate == predicate]
    assert matches, f"no claim {predicate!r} in {[c.predicate for c in claims]}"
    return matches[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_claim(nlp, case: Case):
    claims = find_claims(_context(nlp, case))
    claim = _claim(claims, case.expect["predicate"])
    got = {name: getattr(claim, name) for name in case.expect}
    assert got == case.expect
    assert case.text[claim.start : claim.end] == claim.text
    if case.count is not None:
        assert len(claims) == case.count, [c.text for c in claims]


def test_claim_quantity_comes_from_the_layer(nlp):
    case = next(c for c in CASES if c.id == "quantity-inside")
    claim = _claim(find_claims(_context(nlp, case)), "remain")
    assert claim.quantity is not None and claim.quantity.value == 2500


def test_absolute_phrase_is_cut_from_the_main_claim(nlp):
    case = next(c for c in CASES if c.id == "two-claims-absolute-first")
    first = _claim(find_claims(_context(nlp, case)), "depart")
    assert "remaining" not in first.text and first.text.endswith("September 2025")


def test_reporting_verb_is_not_a_claim(nlp):
    case = next(c for c in CASES if c.id == "speaker-indirect")
    assert all(c.predicate != "say" for c in find_claims(_context(nlp, case)))
