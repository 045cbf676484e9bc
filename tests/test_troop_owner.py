"""Whose troops a count counts, and counts of one incident (link/facttypes/force.py `read_force`, count.py), on
sentences written for these tests and read by the whole English pipeline (rules only, no tagger).

A troop question never mixes owners: each count names its owner as news writes it ("Sri Lankan troops", "Kenyan
police", "UN peacekeepers"), a count of no owner or of no force (medical personnel, firefighters) asks nothing, and
troops counted among the dead are a toll, never a level. A toll of one attack asks about that attack.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.link.facttypes.force import read_force
from dateline.model import Document, PublishedDate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def counts():
    from dateline.annotate.pipeline import default_pipeline
    from dateline.nlp import load_nlp

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATELINE_TAGGER", "0")  # the rules are under test; the tagger's model has its own tests
        nlp, pipeline = load_nlp(), default_pipeline()

        def run(text: str):
            published = PublishedDate(date(2024, 5, 1), "metadata", 1.0, "test")
            document = Document("d1", "d1.txt", text, None, "The Valley Times", None, None, "en", published)
            annotated = pipeline.annotate_parsed([document], [nlp(text)])[0]
            return [o for o in observe(annotated) if o.ask == "count"]

        yield run


def questions(observations) -> dict[str, str]:
    """Each question the observations ask, with its current answer."""
    return {f.question: f.current for f in build_facts("s", observations)}


OWNED = [
    ("multiword-demonym", "Some 620 Sri Lankan security forces personnel are serving in Liberia.",
     "How many Sri Lankan troops are in Liberia?", "620"),
    ("country-subject", "In Liberia, Kenya has 300 police personnel serving with the mission.",
     "How many Kenyan police are in Liberia?", "300"),
    ("mission-name", "The UN mission (Unmil), which has around 7,000 troops and police in Liberia, is clearing roads.",
     "How many UN peacekeepers are in Liberia?", "7000"),
    ("short-form", "There are now 2,300 U.S. military personnel in Liberia, officials said.",
     "How many US troops are in Liberia?", "2300"),
    ("possessive", "Ghana's 850 soldiers in Liberia are safe, the army said.",
     "How many Ghanaian troops are in Liberia?", "850"),
]


@pytest.mark.parametrize("name,text,question,value", OWNED, ids=[o[0] for o in OWNED])
def test_a_troop_count_names_its_owner_as_news_writes_it(counts, name, text, question, value):
    assert questions(counts(text)) == {question: value}


NOT_OWNED = [
    ("no-owner", "All 4,000 soldiers in Liberia are working around the clock."),
    ("medical", "A hospital ship with 600 medical personnel arrived in Liberia on Sunday."),
    ("firefighters", "About 45 British firefighting personnel in Liberia flew home on Sunday."),
    ("rescuers", "Some 130 French rescuers are working in Liberia."),
]


@pytest.mark.parametrize("name,text", NOT_OWNED, ids=[n[0] for n in NOT_OWNED])
def test_troops_of_no_owner_and_people_who_are_no_troops_have_no_troop_level(counts, name, text):
    assert not [q for q in questions(counts(text)) if " are in " in q and "troops" in q]


TOLLS = [
    ("pronoun", "The UN says 12 of its personnel were killed in Liberia.", "How many UN staff have died in Liberia?",
     "12"),
    ("confirmed-dead", "In Liberia, 24 UN military and police personnel are now confirmed dead.",
     "How many UN staff have died in Liberia?", "24"),
    ("listed", "In Liberia, at least 20 UN personnel have been killed - four Ghanaian and nine Pakistani peacekeepers.",
     "How many Pakistani peacekeepers have died in Liberia?", "9"),
    ("missing", "The UN says 150 of its staff in Liberia remain unaccounted for.",
     "How many UN staff are missing in Liberia?", "150"),
]


@pytest.mark.parametrize("name,text,question,value", TOLLS, ids=[t[0] for t in TOLLS])
def test_troops_counted_among_the_dead_or_missing_are_a_toll_never_a_level(counts, name, text, question, value):
    asked = questions(counts(text))
    assert asked.get(question) == value, asked
    assert not [q for q in asked if q.endswith(" are in Liberia?")], asked


def test_a_toll_of_one_attack_asks_about_that_attack(counts):
    asked = questions(counts("A rocket attack on March 3 wounded seven U.S. service members in Iraq."))
    assert asked == {"How many US troops have been injured in the rocket attack on March 3?": "7"}


def test_a_toll_of_an_attack_that_names_no_day_or_place_stays_out_of_the_totals(counts):
    assert questions(counts("Officials in Iraq said an attack wounded seven U.S. service members.")) == {}


def test_part_of_the_troops_named_before_is_theirs(counts):
    text = ("About 1,000 French troops are deployed in Mali, officials said. The base at Gao is the largest. "
            "Some 400 of the troops are based at Gao.")
    assert questions(counts(text)).get("How many French troops are at Gao?") == "400"


@pytest.mark.parametrize("text,number,counted,owner,noun", [
    ("Nepal's army confirmed that one Nepali soldier was hurt.", "one", "Nepali troops", "Nepalese", "troops"),
    ("The US is sending another 4,000 sailors and marines to the region.", "4,000", "sailors", "US", "troops"),
    ("China said eight of its peacekeepers are dead.", "eight", "peacekeepers", "Chinese", "peacekeepers"),
    ("Mission Nations Unies en Haiti, Minustah, has about 9,000 peacekeepers.", "9,000", "peacekeepers", "UN",
     "peacekeepers"),
], ids=["demonym-alias", "joined-services", "pronoun", "owner-after-a-preposition-is-a-place"])
def test_read_force(text, number, counted, owner, noun):
    start = text.index(number)
    force = read_force(text, (0, len(text)), start, start + len(number), counted)
    assert force is not None and (force.owner, force.noun, force.military) == (owner, noun, True)
