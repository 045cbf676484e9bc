"""Tests for totals told through an aggregate noun (dateline.annotate.quantity_totals).

Every sentence here was written for these tests, in the style of wire copy.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.annotate.quantities import find_quantities
from dateline.model import Quantity
from tests.test_quantities import _context

pytestmark = pytest.mark.slow

UK = "United Kingdom"


def _quantities(nlp, text: str) -> tuple[Quantity, ...]:
    return find_quantities(_context(nlp, text, {"UK": UK, "Britain": UK}))


def _by_text(quantities: tuple[Quantity, ...], text: str) -> Quantity:
    matches = [q for q in quantities if q.text == text]
    assert matches, f"no quantity {text!r} in {[q.text for q in quantities]}"
    return matches[0]


# (sentence, the total's text, counts, where, state)
TOTALS = [
    pytest.param("Eleven new cases of the virus were confirmed in Britain on Friday, bringing the total to 63.",
                 "63", "cases", UK, None, id="earlier-count"),
    pytest.param("The number of confirmed cases in the UK now stands at 2,418.", "2,418", "cases", UK, None,
                 id="number-of-stands-at"),
    pytest.param("A new case in Scotland has taken the confirmed UK total to 31.", "31", "cases", UK, None,
                 id="subject-noun-and-place-on-total"),
    pytest.param("The number of flu cases in the UK has climbed to more than 410.", "more than 410", "flu cases", UK,
                 None, id="climbed-to-bound"),
    pytest.param("Four more cases have been confirmed in the UK, bringing the total number to seven.", "seven",
                 "cases", UK, None, id="total-number-earlier-count"),
    pytest.param("The death toll in Chile rose to 708 on Monday.", "708", "people", "Chile", "dead",
                 id="death-toll-rose"),
    pytest.param("Peru's death toll reached 519, officials said.", "519", "people", "Peru", "dead",
                 id="toll-reached-object"),
    pytest.param("The toll climbed to 230 as rescuers searched the rubble.", "230", "people", None, "dead",
                 id="bare-toll"),
    pytest.param("The number of people left homeless by the storm has risen to 12,000.", "12,000", "people", None,
                 "homeless", id="number-of-people-in-a-state"),
    pytest.param("Police said the number of dead stood at 17.", "17", "people", None, "dead",
                 id="number-of-dead"),
    pytest.param("The health ministry raised the number of confirmed cases to 52.", "52", "cases", None, None,
                 id="raised-the-number-of"),
    pytest.param("Another 300 troops arrived, raising the number of US troops in Kosovo to 1,200.", "1,200",
                 "US troops", "Kosovo", None, id="number-of-troops-affiliated"),
    pytest.param("Nine deaths were reported on Sunday and the tally is now 88.", "88", "people", None, "dead",
                 id="predicate-tally-is"),
    pytest.param("The toll rose to 45 and could climb to 60, officials said.", "60", "people", None, "dead",
                 id="conjoined-verb"),
    pytest.param("The death toll is expected to rise to 1,400.", "1,400", "people", None, "dead",
                 id="expected-to-rise"),
    pytest.param("There was one new case in Wales, bringing the total to six.", "six", "cases", "Wales", None,
                 id="singular-earlier-count-made-plural"),
    pytest.param("The death toll in Peru stands at 83, officials said.", "83", "people", "Peru", "dead",
                 id="stands-at-tagged-as-a-date"),
    pytest.param("There were 65 new cases in England, taking the UK total to 1,702.", "1,702", "cases", UK, None,
                 id="total-parsed-as-predicate-of-taking"),
]


@pytest.mark.parametrize(("text", "quantity", "counts", "where", "state"), TOTALS)
def test_total_counts_what_its_aggregate_counts(nlp, text, quantity, counts, where, state):
    found = _by_text(_quantities(nlp, text), quantity)
    assert (found.counts, found.where, found.state) == (counts, where, state)


def test_number_of_people_killed_keeps_the_killing_verb(nlp):
    """ "the number of people killed" counts people, and the killing makes the ledger's event."""
    found = _by_text(_quantities(nlp, "The number of people killed in the floods has risen to 38."), "38")
    assert (found.counts, found.verb) == ("people", "kill")


def test_change_verb_is_not_the_counted_event(nlp):
    """ "bringing the total to 63": "bring" says how the total moved, not what happened to the cases."""
    found = _by_text(_quantities(nlp, "The number of confirmed cases rose to 63."), "63")
    assert found.verb is None


# (sentence, the number's text, counts, unit): numbers that are no count of an aggregate's noun
NOT_TOTALS = [
    pytest.param("The total cost of the repairs rose to $7m.", "$7", None, "USD", id="money"),
    pytest.param("Officials said a total of 14 countries had reported infections.", "14", "countries", None,
                 id="a-total-of"),
    pytest.param("The jobless rate rose to 8.1% in June.", "8.1%", None, "%", id="percent"),
    pytest.param("The WHO raised its alert level to 4 on Monday.", "4", None, None, id="alert-level"),
    pytest.param("The government raised the pension to 300 a month.", "300", None, None, id="not-an-aggregate"),
    pytest.param("Critics said the figure of 400 is too low.", "400", None, None, id="figure-of"),
    pytest.param("The number of confirmed cases rose from 30 on Monday to 48 on Tuesday.", "30", None, None,
                 id="from-value"),
    pytest.param("The WHO raised the total to 48.", "48", None, None, id="nothing-to-count"),
]


@pytest.mark.parametrize(("text", "quantity", "counts", "unit"), NOT_TOTALS)
def test_not_a_count_of_the_aggregate(nlp, text, quantity, counts, unit):
    found = _by_text(_quantities(nlp, text), quantity)
    assert (found.counts, found.unit) == (counts, unit)


def test_phone_number_after_number_is_no_total(nlp):
    """ "The number ... is 08454": an identifier the tagger calls a date stays skipped."""
    found = [q.text for q in _quantities(nlp, "The number for the helpline in Wales is 08454 32 32 32.")]
    assert "08454" not in found


def test_number_one_seed_is_no_quantity(nlp):
    assert not [q for q in _quantities(nlp, "She is the number one seed at the tournament.") if q.counts]


def test_total_number_of_votes(nlp):
    found = _by_text(_quantities(nlp, "The total number of votes cast reached 1,900."), "1,900")
    assert found.counts == "votes"


def test_own_noun_wins_over_the_aggregate(nlp):
    """A number with its own noun counts that noun, whatever the aggregate before it."""
    found = _by_text(_quantities(nlp, "The number of cases rose to 80 in 12 countries."), "12")
    assert found.counts == "countries"


WORDS = ["the", "total", "number", "toll", "tally", "count", "figure", "of", "death", "cases", "people", "dead",
         "rose", "to", "at", "stood", "bringing", "is", "reached", "in", "the UK", "48", "1,562", "more than",
         "five", "$", "%", ",", ".", "and", "could", "climb", "a", "new", "case", "has", "taken"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=18))
def test_annotator_stays_total_on_aggregate_phrases(nlp, words):
    """Any jumble of aggregate nouns, change verbs and numbers: quantities, no exception, offsets inside."""
    text = " ".join(words)
    for q in _quantities(nlp, text):
        assert 0 <= q.start <= q.end <= len(text)
