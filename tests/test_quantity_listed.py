"""Tests for victims named rather than counted (dateline.annotate.quantity_listed).

Every sentence here was written for these tests, in the style of local news.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.annotate.quantities import find_quantities
from dateline.model import Quantity
from tests.test_quantities import _context

pytestmark = pytest.mark.slow


def _quantities(nlp, text: str) -> tuple[Quantity, ...]:
    return find_quantities(_context(nlp, text))


def _listed(nlp, text: str) -> list[Quantity]:
    """The counts of people a list of persons gave."""
    return [q for q in _quantities(nlp, text) if q.counts == "people" and " and " in q.text]


# (sentence, the list as written, value, verb, state)
LISTED = [
    pytest.param("A gas explosion at a bakery killed a night watchman and a delivery driver, police said.",
                 "a night watchman and a delivery driver", 2, "kill", None, id="object-of-kill"),
    pytest.param("The landslide killed a shepherd, his wife and their daughter, officials said on Monday.",
                 "a shepherd, his wife and their daughter", 3, "kill", None, id="three-objects"),
    pytest.param("A firefighter and a paramedic were killed when the roof of the warehouse fell in.",
                 "A firefighter and a paramedic", 2, "kill", None, id="passive-subject"),
    pytest.param("Peter Novak and Maria Lopez died at the scene of the crash.", "Peter Novak and Maria Lopez", 2,
                 "die", None, id="named-persons-died"),
    pytest.param("A teacher and a pupil were injured when the school bus overturned.", "A teacher and a pupil", 2,
                 "injure", "injured", id="passive-injured"),
    pytest.param("The blast outside the depot wounded a security guard and a taxi driver.",
                 "a security guard and a taxi driver", 2, "wound", "injured", id="object-of-wound"),
    pytest.param("The gunman opened fire in the lobby, killing a receptionist and a hotel guest.",
                 "a receptionist and a hotel guest", 2, "kill", None, id="participle-clause"),
    pytest.param("A city police officer and state police dive team technician were killed, while the fire chief was hurt.",
                 "A city police officer and state police dive team technician", 2, "kill", None,
                 id="list-folded-into-one-phrase"),
    pytest.param("A night watchman and a hotel porter were hurt in the fire.", "A night watchman and a hotel porter", 2, "hurt",
                 "injured", id="person-noun-ending"),
]


@pytest.mark.parametrize("sentence,text,value,verb,state", LISTED)
def test_a_list_of_victims_is_a_count(nlp, sentence, text, value, verb, state):
    found = [q for q in _listed(nlp, sentence) if q.text == text]
    assert found, f"no count {text!r} in {_quantities(nlp, sentence)}"
    q = found[0]
    assert (q.value, q.counts, q.verb, q.state, q.approximate) == (value, "people", verb, state, False)
    assert sentence[q.start:q.end] == q.text


NOT_COUNTS = [
    pytest.param("The storm killed a farmer and his entire herd of goats.", id="not-all-persons"),
    pytest.param("Police did not kill the gunman and his accomplice.", id="denied"),
    pytest.param("Rebels tried to kill the governor and his driver.", id="only-intended"),
    pytest.param("The falling crane could have killed a worker and a passer-by.", id="hedged"),
    pytest.param("The fire killed a woman and her grandchildren.", id="a-plural-member"),
    pytest.param("The flood killed a fisherman or a farmer, reports differed.", id="or-list"),
    pytest.param("The new rules hurt shopkeepers and farmers alike.", id="hurt-as-harm"),
    pytest.param("The mayor thanked a nurse and a doctor for their work.", id="no-casualty-verb"),
    pytest.param("The bridge and the tunnel were damaged in the quake.", id="no-persons"),
    pytest.param("A police officer was killed in the blast.", id="one-person"),
    pytest.param("Painter and sculptor Tomas Reyes has died at his home in Lisbon.", id="titles-of-one-person"),
    pytest.param("The shooting killed Judge Anna Berg, clerk Maria Lopez, Deputy Sgt.", id="list-cut-off"),
]


@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_no_count_without_a_list_of_victims(nlp, sentence):
    assert _listed(nlp, sentence) == []


def test_a_written_number_is_counted_once(nlp):
    """ "killed two miners and a guard": the number reader counts the miners; no list count is added."""
    found = _quantities(nlp, "The explosion killed two miners and a guard at the pit.")
    assert [q.text for q in found if q.counts == "people" and " and " in q.text] == []
    assert [q.value for q in found] == [2]


def test_an_age_inside_the_list_is_no_number_of_victims(nlp):
    found = _listed(nlp, "Peter Novak, 51, and Maria Lopez, 48, died at the scene.")
    assert [q.value for q in found] == [2]


WORDS = ["a", "the", "police", "officer", "and", "technician", "man", "woman", "Peter", "Novak", "children",
         "killed", "kill", "died", "were", "was", "injured", "hurt", "not", "could", "have", ",", ".", "two", "or",
         "his", "wife", "51", "both", "in", "blast", "tried", "to", "wounding", "dead"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=18))
def test_annotator_stays_total_on_lists_of_victims(nlp, words):
    """Any jumble of persons, casualty verbs and joiners: quantities in order, none overlapping, offsets inside."""
    text = " ".join(words)
    found = _quantities(nlp, text)
    for q in found:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
    assert all(a.end <= b.start for a, b in pairwise(found))
