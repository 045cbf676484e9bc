"""Tests for the quantity layer: values, bounds, units, what is counted and where."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pytest

from dateline.annotate.pipeline import Context
from dateline.annotate.quantities import find_quantities
from dateline.model import Document, Entity, PublishedDate, Quantity

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
US = "US troops"

# (sentence, quantity text, value, approximate, lower, upper, unit, counts, where)
CASES = [
    # wire
    ("Around 2,500 US troops are stationed in Iraq.", "Around 2,500", 2500, True, None, None, None, US, "Iraq"),
    ("The Pentagon keeps 900 US troops stationed in Syria.", "900", 900, False, None, None, None, US, "Syria"),
    ("The U.S. keeps approximately 2,500 troops in Iraq.", "approximately 2,500", 2500, True, None, None, None, US, "Iraq"),
    ("Kuwait accommodates roughly 13,500 U.S. troops.", "roughly 13,500", 13500, True, None, None, None, US, "Kuwait"),
    ("About 2,500 American service members remain in Iraq.", "About 2,500", 2500, True, None, None, None, US, "Iraq"),
    ("Some 4,000 British soldiers are based in Estonia.", "Some 4,000", 4000, True, None, None, None, "UK troops", "Estonia"),
    ("Up to 10,000 Russian soldiers massed on the frontier.", "Up to 10,000", 10000, False, None, 10000, None, "Russian troops", None),
    ("At least 40 people were killed in the blast in Kabul.", "At least 40", 40, False, 40, None, None, "people", "Kabul"),
    ("More than 1.5 million people fled across Sudan.", "More than 1.5 million", 1.5e6, False, 1.5e6, None, None, "people", "Sudan"),
    ("Nearly 300 National Guard troops deployed to Chicago.", "Nearly 300", 300, True, None, None, None, "National Guard troops", "Chicago"),
    ("Fewer than 50 firefighters stayed at the scene.", "Fewer than 50", 50, False, None, 50, None, "firefighters", None),
    ("Hundreds of US troops could leave Iraq next year.", "Hundreds", 100, True, 100, None, None, US, None),
    ("Dozens of civilians fled the shelling.", "Dozens", 12, True, 12, None, None, "civilians", None),
    ("Tens of thousands of protesters marched in Paris.", "Tens of thousands", 10000, True, 10000, None, None, "protesters", "Paris"),
    ("Several soldiers were wounded in the attack.", "Several", 3, True, 3, None, None, "troops", None),
    ("Between 2,000 and 2,500 troops will stay in Iraq.", "Between 2,000 and 2,500", 2250, True, 2000, 2500, None, "troops", "Iraq"),
    ("Officials expect 2,000 to 2,500 troops to stay.", "2,000 to 2,500", 2250, True, 2000, 2500, None, "troops", None),
    ("The army sent 2 to 3 thousand reservists north.", "2 to 3 thousand", 2500, True, 2000, 3000, None, "reservists", None),
    ("Five Iraqi soldiers died in the ambush.", "Five", 5, False, None, None, None, "Iraqi troops", None),
    ("An attack injured five U.S. personnel at the base.", "five", 5, False, None, None, None, US, None),
    ("The U.S. maintains 2,500 troops in Iraq and an additional 900 in Syria.", "900", 900, False, None, None, None, US, "Syria"),
    ("Some 2,500 US troops are in Iraq, with another 900 troops posted in Syria.", "900", 900, False, None, None, None, US, "Syria"),
    ("Syria, where around 900 US troops are stationed, borders Iraq.", "around 900", 900, True, None, None, None, US, "Syria"),
    ("The 2,500-strong force will leave by the end of next year.", "2,500", 2500, False, None, None, None, "troops", None),
    ("Twenty-five soldiers were hurt.", "Twenty-five", 25, False, None, None, None, "troops", None),
    ("Two thousand five hundred people marched.", "Two thousand five hundred", 2500, False, None, None, None, "people", None),
    ("A thousand volunteers signed up.", "A thousand", 1000, False, None, None, None, "volunteers", None),
    ("A dozen drones were shot down over the Red Sea.", "A dozen", 12, False, None, None, None, "drones", None),
    ("Several hundred refugees crossed into Jordan.", "Several hundred", 300, True, 300, None, None, "refugees", "Jordan"),
    ("A hundred and fifty-two people were killed.", "A hundred and fifty-two", 152, False, None, None, None, "people", None),
    ("Half a million people were left homeless.", "Half a million", 5e5, False, None, None, None, "people", None),
    ("A quarter of a million people fled.", "A quarter of a million", 2.5e5, False, None, None, None, "people", None),
    ("Two and a half million people were affected.", "Two and a half million", 2.5e6, False, None, None, None, "people",
     None),
    ("Between a hundred and two hundred people died.", "Between a hundred and two hundred", 150, True, 100, 200, None,
     "people", None),
    ("Officials said 60,000-100,000 people died.", "60,000-100,000", 80000, True, 60000, 100000, None, "people", None),
    # financial
    ("The company raised $1.2 billion from investors.", "$1.2 billion", 1.2e9, False, None, None, "USD", None, None),
    ("Profits reached $3bn last quarter.", "$3bn", 3e9, False, None, None, "USD", None, None),
    ("The club paid £450 million for the stadium.", "£450 million", 4.5e8, False, None, None, "GBP", None, None),
    ("Brussels pledged €300m in aid.", "€300m", 3e8, False, None, None, "EUR", None, None),
    ("The bank lent 5 billion euros to the state.", "5 billion euros", 5e9, False, None, None, "EUR", None, None),
    ("Shares fell 4.5% on Monday.", "4.5%", 4.5, False, None, None, "%", None, None),
    ("Unemployment rose to 3.9 percent in May.", "3.9 percent", 3.9, False, None, None, "%", None, None),
    ("Inflation slowed to about 2 per cent.", "about 2 per cent", 2, True, None, None, "%", None, None),
    ("The firm will cut 1,200 jobs, or roughly 8% of staff.", "roughly 8%", 8, True, None, None, "%", None, None),
    ("The firm will cut 1,200 jobs, or roughly 8% of staff.", "1,200", 1200, False, None, None, None, "jobs", None),
    ("The deal is worth more than $40 billion.", "more than $40 billion", 4e10, False, 4e10, None, "USD", None, None),
    ("Oil output fell by 1.5m barrels a day.", "1.5m", 1.5e6, False, None, None, None, "barrels", None),
    ("Imports rose from 2,000 to 2,500 tonnes.", "2,500", 2500, False, None, None, None, "tonnes", None),
    # local
    ("Police arrested 37 people after clashes in Portland.", "37", 37, False, None, None, None, "people", "Portland"),
    ("The council approved a $3.4 million budget for roads.", "$3.4 million", 3.4e6, False, None, None, "USD", None, None),
    ("Almost 600 homes lost power in Leeds.", "Almost 600", 600, True, None, None, None, "homes", "Leeds"),
    ("The school hired 12 teachers and 4 nurses.", "12", 12, False, None, None, None, "teachers", None),
    ("The school hired 12 teachers and 4 nurses.", "4", 4, False, None, None, None, "nurses", None),
    ("Over 200 residents attended the meeting in Springfield.", "Over 200", 200, False, 200, None, None, "residents", "Springfield"),
    ("Roughly 80 firefighters battled the blaze.", "Roughly 80", 80, True, None, None, None, "firefighters", None),
    ("A few dozen fans waited outside.", "A few dozen", 24, True, 24, None, None, "fans", None),
    # tabloid
    ("A whopping 3,000 fans stormed the pitch!", "3,000", 3000, False, None, None, None, "fans", None),
    ("Thousands of furious shoppers queued overnight.", "Thousands", 1000, True, 1000, None, None, "shoppers", None),
    ("Millions of viewers tuned in.", "Millions", 1e6, True, 1e6, None, None, "viewers", None),
    ("The star spent an estimated £2 million on the party.", "an estimated £2 million", 2e6, True, None, None, "GBP", None, None),
    # military
    ("NATO will station 4,000 troops in Poland.", "4,000", 4000, False, None, None, None, "NATO troops", "Poland"),
    ("Israel called up 300,000 reservists.", "300,000", 300000, False, None, None, None, "reservists", None),
    ("The Pentagon sent 1,500 additional soldiers to the border.", "1,500", 1500, False, None, None, None, US, None),
    ("Iran fired some 180 ballistic missiles at Israel.", "some 180", 180, True, None, None, None, "missiles", "Israel"),
    ("Ukraine deployed no fewer than 20,000 soldiers near Kharkiv.", "no fewer than 20,000", 20000, False, 20000, None, None, "Ukrainian troops", None),
    ("No more than 400 French soldiers will remain in Chad.", "No more than 400", 400, False, None, 400, None, "French troops", "Chad"),
    ("The coalition kept 3,500 forces in Iraq.", "3,500", 3500, False, None, None, None, "coalition troops", "Iraq"),
    ("Washington has 2,000 or more troops in Syria.", "2,000 or more", 2000, False, 2000, None, None, US, "Syria"),
]

# Sentences whose numbers are not quantities: dates, years, times, ordinals, ages, phones.
NOT_QUANTITIES = [
    ("compound-two-phase", "The ministers agreed on a two-phase plan for the handover."),
    ("no-one", "No one was injured when the roof of the depot collapsed."),
    ("not-one", "Not one passenger was hurt, the ferry company said."),
    ("no-one-hyphenated", "No-one was injured when the lorry overturned on the bypass."),
    ("no-one-hyphenated-mid-sentence", "Firefighters said no-one had been hurt in the blaze."),
    ("compound-12-month", "Auditors began a 12-month review of the port contract."),
    ("year", "The mission began in 2014."),
    ("date", "The attack happened on August 5."),
    ("day-month", "Talks resumed on 10 January."),
    ("time", "The session opened at 3:30 p.m."),
    ("ordinal", "It was his third visit."),
    ("age-compound", "A 45-year-old man was arrested."),
    ("age-apposition", "John Smith, 45, was arrested."),
    ("aged", "The suspect, aged 32, was released."),
    ("phone", "Call 555-1234 for details."),
    ("identifier", "An F-16 jet flew over."),
    ("duration", "The delay will last three years."),
    ("slash-date", "Memorials marked 9/11 again."),
]


def _context(nlp, text: str, canonical: Mapping[str, str] = MappingProxyType({})) -> Context:
    """The text parsed, with its entities named as `canonical` says (the entity layer's canonical names, as far
    as a test needs them: "UK" -> "United Kingdom"), else as written."""
    parsed = nlp(text)
    document = Document("t", "test", text, None, None, None, None, "en", PublishedDate.unknown())
    entities = tuple(Entity(e.text, e.label_, canonical.get(e.text, e.text), e.start_char, e.end_char)
                     for e in parsed.ents)
    return Context(document, parsed, MappingProxyType({"entities": entities}))


def _by_text(quantities: tuple[Quantity, ...], text: str) -> Quantity:
    matches = [q for q in quantities if q.text == text]
    assert matches, f"no quantity {text!r} in {[q.text for q in quantities]}"
    return matches[0]


@pytest.mark.parametrize(
    "sentence,text,value,approximate,lower,upper,unit,counts,where",
    CASES,
    ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(CASES)],
)
def test_quantity(nlp, sentence, text, value, approximate, lower, upper, unit, counts, where):
    quantity = _by_text(find_quantities(_context(nlp, sentence)), text)
    got = (quantity.value, quantity.approximate, quantity.lower, quantity.upper)
    assert got == pytest.approx((value, approximate, lower, upper))
    assert (quantity.unit, quantity.counts, quantity.where) == (unit, counts, where)
    assert sentence[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize("sentence", [s for _, s in NOT_QUANTITIES], ids=[i for i, _ in NOT_QUANTITIES])
def test_not_a_quantity(nlp, sentence):
    assert find_quantities(_context(nlp, sentence)) == ()


def test_quantities_do_not_overlap(nlp):
    found = find_quantities(_context(nlp, "Between 2,000 and 2,500 troops and $1.2 billion in aid."))
    spans = sorted((q.start, q.end) for q in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert [q.text for q in found] == ["Between 2,000 and 2,500", "$1.2 billion"]


def test_entity_canonical_names_the_place(nlp):
    text = "About 2,500 US troops remain in the Kurdistan Region."
    ctx = _context(nlp, text)
    start = text.index("Kurdistan")
    region = Entity("Kurdistan Region", "GPE", "Kurdistan Region of Iraq", start, start + len("Kurdistan Region"))
    ctx = Context(ctx.document, ctx.parsed, MappingProxyType({"entities": (region,)}))
    assert find_quantities(ctx)[0].where == "Kurdistan Region of Iraq"


@pytest.mark.seeds
@pytest.mark.parametrize("name", [f"{i:03d}" for i in range(5)])
def test_seed_troop_count(nlp, name):
    if not SEEDS.is_dir():
        pytest.skip("shared seeds are absent")
    paths = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not paths:
        pytest.skip(f"seed {name} is absent")
    found = find_quantities(_context(nlp, paths[0].read_text("utf-8")))
    count = [q for q in found if q.value == 2500]
    assert count, "the 2,500 figure was not found"
    assert (count[0].approximate, count[0].counts, count[0].where) == (True, US, "Iraq")


MEASURES = [
    ("The convoy drove 19 km to the border.", "19 km", "km"),
    ("The runway is 2,900 metres long.", "2,900 metres", "m"),
    ("The first plane landed at 1410 GMT.", "1410 GMT", "GMT"),
]


@pytest.mark.parametrize("sentence,text,unit", MEASURES, ids=[m[2] for m in MEASURES])
def test_a_measure_is_not_a_count(nlp, sentence, text, unit):
    quantity = _by_text(find_quantities(_context(nlp, sentence)), text)
    assert (quantity.unit, quantity.counts) == (unit, None)


STATES = [
    ("An estimated 1.5 million people were left homeless by the storm.", "An estimated 1.5 million", "homeless"),
    ("Thousands of people are feared dead in the flooded valley.", "Thousands", "dead"),
    ("Officials said 150 people were still missing after the landslide.", "150", "missing"),
    ("More than 80,000 dead people have been buried.", "More than 80,000", "dead"),
    ("The storm left 40 people dead.", "40", "dead"),
    ("Police detained 37 protesters in the square.", "37", "detained"),
    ("The U.S. keeps approximately 2,500 troops in Iraq.", "approximately 2,500", None),
    ("About 1,000 people live in the camp, which the wind left damaged.", "About 1,000", None),
    ("Health officials confirmed 45 deaths from the virus.", "45", "dead"),
]


@pytest.mark.parametrize("sentence,text,state", STATES, ids=[f"{i}-{s[2]}" for i, s in enumerate(STATES)])
def test_the_state_counted_things_are_in(nlp, sentence, text, state):
    assert _by_text(find_quantities(_context(nlp, sentence)), text).state == state


def test_a_count_of_deaths_counts_people_dead(nlp):
    quantity = _by_text(find_quantities(_context(nlp, "Health officials confirmed 45 deaths.")), "45")
    assert (quantity.counts, quantity.state) == ("people", "dead")


def test_one_after_a_hyphen_of_a_score_is_still_a_count(nlp):
    """Only "no-one" written as one word is nobody: a count of one person hurt stays a count."""
    found = find_quantities(_context(nlp, "The home side won two-one, and one steward was injured in a scuffle."))
    assert any(q.text == "one" and q.counts == "steward" for q in found)
