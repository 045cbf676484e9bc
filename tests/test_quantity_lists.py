"""Tests for counts given place by place in a list (dateline.annotate.quantity_lists).

Every sentence here was written for these tests, in the style of wire copy. They run through
the whole English pipeline (rules only), so the places are the entity layer's own.
"""

from __future__ import annotations

import pytest

from dateline.annotate.pipeline import default_pipeline
from dateline.model import Document, PublishedDate, Quantity
from tests.test_quantity_totals import _by_text

pytestmark = pytest.mark.slow

UK, US = "United Kingdom", "United States"


@pytest.fixture(scope="module")
def run():
    from dateline.annotate.span_tagger import disable
    from dateline.nlp import load_nlp

    disable()  # the rules are under test
    nlp, pipeline = load_nlp(), default_pipeline()

    def annotate(text: str) -> tuple[Quantity, ...]:
        document = Document("t", "t.txt", text, None, None, None, None, "en", PublishedDate.unknown())
        return pipeline.annotate_parsed([document], [nlp(text)])[0].quantities

    return annotate


# (sentence, the item's text, counts, where, state)
ITEMS = [
    pytest.param("Countries with confirmed cases but no deaths are Canada (34), Spain (13), Germany (4) and Israel (2).",
                 "34", "cases", "Canada", None, id="bracket-first-item"),
    pytest.param("Countries with confirmed cases but no deaths are Canada (34), Spain (13), Germany (4) and Israel (2).",
                 "2", "cases", "Israel", None, id="bracket-last-item-skips-denied-noun"),
    pytest.param("The agency listed the following infections in Europe: Spain (21), Germany (6) and Austria (3).",
                 "6", "people", "Germany", "infected", id="bracket-state-noun"),
    pytest.param("Health officials reported cases in Spain (9 cases), Germany (4 cases) and Italy (2 cases).",
                 "9", "cases", "Spain", None, id="bracket-own-noun-gains-place"),
    pytest.param("Britain (71 cases), Spain (30) and France (12) have the most cases in Europe.",
                 "30", "cases", "Spain", None, id="bracket-borrows-earlier-item"),
    pytest.param("Countries reporting cases include Brazil (8), Britain (71), Chile (5) and Peru (2).",
                 "8", "cases", "Brazil", None, id="bracket-emoticon-token"),
    pytest.param("Countries reporting cases include Brazil (8), Britain (71), Chile (5) and Peru (2).",
                 "71", "cases", UK, None, id="bracket-number-parsed-as-date"),
    pytest.param("The worst affected are Mexico with 1,400 confirmed cases, including 30 deaths, and the United "
                 "States with 600, officials said.", "600", "cases", US, None, id="place-with-parallel"),
    pytest.param("The worst affected are Mexico with 1,400 confirmed cases, including 30 deaths, and the United "
                 "States with 600, officials said.", "1,400", "cases", "Mexico", None, id="place-with-own-noun"),
    pytest.param("Most of the roughly 1,800 infections were reported in Mexico, with 64 in Canada and 12 in Spain.",
                 "64", "people", "Canada", "infected", id="with-in-place"),
    pytest.param("Most of the roughly 1,800 infections were reported in Mexico, with 64 in Canada and 12 in Spain.",
                 "12", "people", "Spain", "infected", id="with-in-place-conjunct"),
    pytest.param("Most of the 900 cases are in Chile, with 40 in Peru and 25 combined in Bolivia, Brazil and "
                 "Ecuador.", "25", None, None, None, id="pooled-places-no-count"),
    pytest.param("The toll includes 30 deaths in Chile, two deaths in Peru, and one each in Bolivia and Ecuador.",
                 "one", "people", "Bolivia", "dead", id="conjunct-each-keeps-state"),
    pytest.param("The carmaker will cut about 2,000 jobs worldwide, with 500 in Germany.",
                 "500", "jobs", "Germany", None, id="with-in-place-jobs"),
]


@pytest.mark.parametrize(("sentence", "text", "counts", "where", "state"), ITEMS)
def test_list_items(run, sentence, text, counts, where, state):
    quantity = _by_text(run(sentence), text)
    assert (quantity.counts, quantity.where, quantity.state) == (counts, where, state)


# (sentence, the number's text): numbers that are no item of a list of places, so gain no place
NOT_ITEMS = [
    pytest.param("The home side won 3-1 with 2 goals from the captain.", "2", id="score-with-goals"),
    pytest.param("The quake killed 40 people in Peru with 200 injured, officials said.", "200",
                 id="place-with-state-of-its-own"),
    pytest.param("The bus overturned near Lima, killing 4 people, with 20 injured.", "20", id="with-state-of-its-own"),
    pytest.param("Cases were counted in 2009 (12) and in 2010 (40).", "12", id="year-in-brackets"),
    pytest.param("The victims of the crash were John Smith (45), Mary Jones (38) and Peter Brown (52).", "38",
                 id="person-age"),
    pytest.param("Spain (93), Britain (39) and Germany (11) were named in the report.", "93", id="no-counted-noun"),
    pytest.param("In the group, Brazil (7), Argentina (5) and Chile (4) lead on points.", "7", id="points-table"),
    pytest.param("Officials said Mexico (12) had new cases.", "12", id="single-bracket-no-list"),
    pytest.param("The dealer sold 300 cars, with 12 in the first week.", "12", id="with-in-no-place"),
    pytest.param("Italy has the second highest rate of the infection in Europe with 140 confirmed cases.", "140",
                 id="place-of-a-phrase-before-with"),
    pytest.param("The firm promised to supply China with 300,000 barrels a day.", "300,000", id="verb-object-with"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_ITEMS)
def test_not_list_items(run, sentence, text):
    quantity = _by_text(run(sentence), text)
    assert quantity.where is None
    if text != "140":
        assert quantity.counts not in ("cases", "people")


def test_percentages_stay_percentages(run):
    quantities = run("Prices rose in France (4%), Italy (3%) and Spain (2%) as cases of the flu rose.")
    assert [(q.unit, q.counts) for q in quantities] == [("%", None)] * 3


CONJUNCTS_WITH_OWN_WORDS = [
    pytest.param("Thirty people were killed in the blast and 12 injured, police said.", "12", "dead", id="injured"),
    pytest.param("State media said eight nationals were dead and 10 more missing.", "10", "dead", id="more-missing"),
    pytest.param("The floods left 200,000 people homeless and thousands without clean water.", "thousands", "homeless",
                 id="without-water"),
]


@pytest.mark.parametrize(("sentence", "text", "not_state"), CONJUNCTS_WITH_OWN_WORDS)
def test_conjunct_with_words_of_its_own_borrows_no_state(run, sentence, text, not_state):
    """ "... killed and 12 injured": the conjunct does not take "dead" from the count before it."""
    assert _by_text(run(sentence), text).state != not_state


def test_troops_with_a_place_name_whose_troops_not_where(run):
    """ "Britain with 9,000 troops": the troops are British, not stationed in Britain."""
    quantities = run("Britain with 9,000 troops and France with 3,000 make up most of the force.")
    assert [q.where for q in quantities] == [None, None]


def test_years_in_brackets_after_places_stay_skipped(run):
    quantities = run("Cities hit by attacks with many victims include Madrid (2004), London (2005) and Mumbai (2008).")
    assert [q for q in quantities if q.counts is not None] == []


def test_list_item_parsed_as_date_with_no_counted_noun_stays_out(run):
    """ "Britain (71)" comes back as a count only when the list says what it counts."""
    quantities = run("Brazil (8), Britain (71), Chile (5) and Peru (2) were named in the report.")
    assert all(q.counts is None and q.where is None for q in quantities)
