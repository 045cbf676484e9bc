"""Typed facts (link/facttypes) on hand-built articles: status, levels, measures, offices, amounts, counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import TYPES, fact_type, observe
from dateline.link.observations import Observation, Source
from dateline.model import (
    AnnotatedDocument,
    Citation,
    Claim,
    Document,
    Entity,
    PublishedDate,
    Quantity,
    Sentence,
    TimeExpr,
)


def article(text: str, *, day: str = "2024-05-01", doc_id: str = "d1", outlet: str = "The Valley Times",
            entities=(), quantities=(), claims=()) -> AnnotatedDocument:
    doc = Document(doc_id, doc_id, text, None, outlet, None, None, "en",
                   PublishedDate(date.fromisoformat(day), "metadata", 1.0, "test"))
    return AnnotatedDocument(doc, sentences=(Sentence(0, len(text)),), entities=tuple(entities),
                             quantities=tuple(quantities), claims=tuple(claims))


def entity(text: str, whole: str, label: str, canonical: str | None = None) -> Entity:
    start = whole.index(text)
    return Entity(text, label, canonical or text, start, start + len(text))


def claim(whole: str, subject: str, predicate: str, obj: str | None = None, *, negated: bool = False,
          modality: str = "happened") -> Claim:
    return Claim(whole, subject, predicate, obj, modality, negated, None, None, 0, len(whole))  # type: ignore[arg-type]


def test_every_type_shares_the_interface():
    for t in TYPES:
        assert t.name and t.value_kind and callable(t.observe) and callable(t.question) and callable(t.relation)
    assert fact_type("status").name == "status"


STATUS = [
    ("charged", "Dr Ann Fell has been charged with reckless endangerment.", "charge", None, False, "charged"),
    ("a not-guilty plea is a charge", "Dr Ann Fell pleaded not guilty to the charge.", "plead", None, True, "charged"),
    ("found guilty", "Dr Ann Fell was found guilty on Monday.", "find", "guilty", False, "convicted"),
    ("not a suspect", "Ann Fell is not a suspect, police said.", "be", "a suspect", True, "not a suspect"),
]


@pytest.mark.parametrize("name,text,predicate,obj,negated,status", STATUS, ids=[s[0] for s in STATUS])
def test_person_status(name, text, predicate, obj, negated, status):
    ad = article(text, entities=[entity("Ann Fell", text, "PERSON")],
                 claims=[claim(text, text.split(" was")[0].split(" has")[0].split(" is")[0].split(" pleaded")[0],
                               predicate, obj, negated=negated)])
    (o,) = [o for o in observe(ad) if o.ask == "status"]
    assert (o.value, o.topic) == (status, "ann fell")


def test_a_planned_charge_states_no_status():
    text = "Ann Fell should be charged with fraud."
    ad = article(text, entities=[entity("Ann Fell", text, "PERSON")],
                 claims=[claim(text, "Ann Fell", "charge", modality="expected")])
    assert not [o for o in observe(ad) if o.ask == "status"]


@pytest.mark.parametrize("text", ["Senator Ann Fell charged that the regulators had lit this fire.",
                                  "Ann Fell charges that the bank misled its clients."])
def test_a_charge_made_is_no_status(text):
    ad = article(text, entities=[entity("Ann Fell", text, "PERSON")], claims=[claim(text, "Ann Fell", "charge")])
    assert not [o for o in observe(ad) if o.ask == "status"]


def test_charged_that_day_is_a_status():
    text = "Ann Fell was charged that day with fraud."
    ad = article(text, entities=[entity("Ann Fell", text, "PERSON")], claims=[claim(text, "Ann Fell", "charge")])
    assert [o.value for o in observe(ad) if o.ask == "status"] == ["charged"]


def _status_fact(*reports):
    observations = []
    for i, (day, text, predicate, obj) in enumerate(reports):
        ad = article(text, day=day, doc_id=f"d{i}", outlet=f"Outlet {i}",
                     entities=[entity("Ann Fell", text, "PERSON")], claims=[claim(text, "Ann Fell", predicate, obj)])
        observations += [o for o in observe(ad) if o.ask == "status"]
    (fact,) = build_facts("s", observations)
    return fact


def test_a_higher_status_updates_and_an_earlier_one_repeated_is_history():
    fact = _status_fact(("2024-01-10", "Ann Fell was charged with fraud.", "charge", None),
                        ("2024-06-01", "Ann Fell was convicted of fraud.", "convict", None),
                        ("2024-06-02", "Ann Fell, who was charged in January, appeared.", "charge", None))
    assert [v.relation for v in fact.values] == ["first", "update"]
    assert fact.current == "convicted" and not fact.disputed
    assert fact.question == "What is Ann Fell's status?"


def test_alert_level_from_a_setting_verb_and_not_from_a_hypothesis():
    said = "The health agency raised its pandemic alert level to phase 5 on Wednesday."
    maybe = "The agency could move its pandemic alert to phase 6 if cases spread."
    (o,) = [o for o in observe(article(said, entities=[entity("The health agency", said, "ORG")])) if o.ask == "level"]
    assert (o.value, o.rank) == ("phase 5", 5)
    assert not [o for o in observe(article(maybe)) if o.ask == "level"]


def test_schools_closed_then_reopened_is_an_update():
    observations = []
    for i, (day, text) in enumerate([("2024-04-01", "Officials in Ruritania closed schools across the capital."),
                                     ("2024-04-20", "Schools in Ruritania reopened on Monday.")]):
        ad = article(text, day=day, doc_id=f"d{i}", entities=[entity("Ruritania", text, "GPE")])
        observations += [o for o in observe(ad) if o.ask == "measure"]
    (fact,) = build_facts("s", observations)
    assert fact.question == "Are schools closed in Ruritania?" and fact.current == "reopened"


def test_a_bill_rejected_then_passed():
    observations = []
    for i, (day, text) in enumerate([("2024-09-29", "The House rejected the rescue plan by 228 votes to 205."),
                                     ("2024-10-03", "Congress passed the rescue plan after a second vote.")]):
        observations += [o for o in observe(article(text, day=day, doc_id=f"d{i}")) if o.ask == "bill"]
    (fact,) = build_facts("s", observations)
    assert [v.value for v in fact.values] == ["rejected", "passed"] and fact.current == "passed"


@pytest.mark.parametrize("text,value", [
    ("In the lower house, the House, not one member of the opposition voted for the version of the stimulus package "
     "that passed.", "passed House"),
    ("The Senate approved the stimulus package that the House had passed a week earlier.", "passed Senate"),
    ("The stimulus package was approved by the Senate late on Tuesday.", "passed Senate"),
    ("Congress approved the stimulus package late last night.", "passed"),
], ids=["chamber far before the verb", "nearest chamber", "chamber after", "both chambers"])
def test_a_bill_passed_by_the_chamber_that_voted(text, value):
    assert [o.value for o in observe(article(text, day="2024-09-29")) if o.ask == "bill"] == [value]


@pytest.mark.parametrize("text,value", [
    ("The buy American provisions in the stimulus package, signed into law in May, were a start.", "signed into law"),
    ("Officials say the stimulus package can be signed into law within weeks.", None),
], ids=["a word cut by the window is no modal", "modal"])
def test_a_bill_signed_unless_a_modal_says_it_may_be(text, value):
    found = [o.value for o in observe(article(text, day="2024-09-29")) if o.ask == "bill"]
    assert found == ([value] if value else [])


@pytest.mark.parametrize("text,holder", [
    ("Ruritanian Finance Minister Jan Novak Jr. spoke on Monday.", "Novak"),
    ("Former Finance Minister Jan Novak spoke on Monday.", None),
], ids=["titled", "former"])
def test_office_holder(text, holder):
    people = [entity("Jan Novak Jr." if "Jr." in text else "Jan Novak", text, "PERSON")]
    scope = [entity("Ruritanian", text, "NORP")] if text.startswith("Ruritanian") else []
    found = [o.value for o in observe(article(text, entities=people + scope)) if o.ask == "holder"]
    assert found == ([holder] if holder else [])


def test_unscoped_office_is_no_question():
    """ "President Jan Novak": observed (another report may say whose president he is), never asked alone."""
    text = "President Jan Novak spoke on Monday."
    found = [o for o in observe(article(text, entities=[entity("Jan Novak", text, "PERSON")])) if o.ask == "holder"]
    assert [o.place for o in found] == [None]
    assert not fact_type("holder").asks(("holder", "president", "", ""), found)


def test_money_amount_needs_a_purpose():
    text = "The government unveiled a $300 billion rescue plan, and shares rose to $45 billion in value."
    rescue = Quantity("$300 billion", 3e11, False, None, text.index("$300"), text.index("$300") + 12, unit="USD")
    other = Quantity("$45 billion", 4.5e10, False, None, text.index("$45"), text.index("$45") + 11, unit="USD")
    found = [(o.topic, o.value) for o in observe(article(text, quantities=[rescue, other])) if o.ask == "amount"]
    assert found == [("rescue plan", "3e+11")]


def _count(text: str, counted: str, value: float, **kw) -> Quantity:
    number = kw.pop("number", f"{value:,.0f}")
    start = text.index(number)
    return Quantity(number, value, False, counted, start, start + len(number), **kw)


@pytest.mark.parametrize("text,counted,value,kw,kept", [
    ("Relief flights carried 40 tonnes of food.", "tonnes", 40, {}, False),
    ("Thousands were killed, officials feared.", "people", 1000, {"number": "Thousands", "state": "dead"}, False),
    ("Residents were told to call 911 for help.", "calls", 911, {"number": "911"}, False),
    ("The storm injured five workers at the port.", "workers", 5, {"number": "five", "verb": "injure"}, True),
], ids=["unit", "vague", "phone", "number-word"])
def test_what_is_not_a_count(text, counted, value, kw, kept):
    q = _count(text, counted, value, **kw)
    assert bool([o for o in observe(article(text, quantities=[q])) if o.ask == "count"]) == kept


def test_worldwide_counts_and_separate_groups():
    world = "The global tally rose to 5,200 cases worldwide, the agency said."
    injured = "In Ruritania 2,500 people were injured, officials said."
    ad = article(world + " " + injured, entities=[entity("Ruritania", world + " " + injured, "GPE")],
                 quantities=[_count(world + " " + injured, "cases", 5200),
                             _count(world + " " + injured, "people", 2500, verb="injure", where="Ruritania")])
    found = {(o.topic, o.place, o.qualifier) for o in observe(ad) if o.ask == "count"}
    assert found == {("cases", "worldwide", "infected"), ("people", "Ruritania", "injured")}


def _toll(doc: str, day: str, value: str, *, bound: str = "", text: str = "a sentence") -> Observation:
    published = date.fromisoformat(day)
    return Observation(ask="count", topic="people", place="Ruritania", qualifier="killed", kind="quantity",
                       value=value, label=value, source=Source(doc, f"Outlet {doc}", published),
                       citation=Citation(doc, 0, 10, text, f"Outlet {doc}", published), bound=bound, cumulative=True)


def test_a_rising_toll_updates_on_the_same_day_and_the_newest_figure_is_current():
    (fact,) = build_facts("s", [_toll("a", "2024-01-13", "1000"), _toll("b", "2024-01-13", "1000"),
                                _toll("c", "2024-01-13", "1000"), _toll("d", "2024-01-13", "5000"),
                                _toll("g", "2024-01-14", "5000"), _toll("e", "2024-01-15", "365"),
                                _toll("h", "2024-01-15", "90000")])
    relations = {v.value: v.relation for v in fact.values}
    assert relations["5000"] == "update" and relations["365"] == "contradict"
    assert relations["90000"] == "contradict"  # tenfold in one report: another group, not the toll risen
    assert fact.current == "5000" and fact.cumulative


def test_a_bound_agrees_with_a_figure_inside_it_and_a_revised_lower_figure_updates():
    (fact,) = build_facts("s", [_toll("a", "2024-01-13", "365"), _toll("b", "2024-01-14", "300", bound=">="),
                                _toll("c", "2024-01-15", "340", text="The toll was revised down to 340."),
                                _toll("d", "2024-01-15", "340", text="The toll was revised to 340.")])
    assert [(v.value, v.relation) for v in fact.values] == [("365", "first"), ("340", "update")]
    assert fact.values[0].documents == ("a", "b") and fact.current == "340"


def test_a_single_source_jump_does_not_update_a_toll_until_corroborated_or_official():
    reports = [_toll("a", "2024-01-13", "1000"), _toll("b", "2024-01-13", "1000"),
               _toll("c", "2024-01-14", "4000")]
    (fact,) = build_facts("s", reports)
    assert fact.current == "1000"  # one outlet alone: not yet the toll
    (fact,) = build_facts("s", reports + [_toll("d", "2024-01-15", "4000")])
    assert fact.current == "4000"  # a second independent source carries it
    official = replace(_toll("e", "2024-01-14", "4000"), strong=True)
    (fact,) = build_facts("s", reports[:2] + [official])
    assert fact.current == "4000"  # one official figure is enough


def test_a_tenfold_jump_updates_a_toll_when_corroborated():
    # the first figures of a disaster are partial: 100 bodies seen at a hospital, then 40,000 buried by the
    # authorities, as two outlets report the next day
    first = [replace(_toll(d, "2024-01-13", "100"), strong=True) for d in "ab"]
    one = replace(_toll("c", "2024-01-14", "40000"), strong=True)
    (fact,) = build_facts("s", first + [one])
    assert fact.current == "100"  # one report of a jump: another group or scope, until corroborated
    (fact,) = build_facts("s", first + [one, replace(_toll("d", "2024-01-14", "40000"), strong=True)])
    assert fact.current == "40000"
    hedged = [replace(_toll(d, "2024-01-14", "40000"), strong=True, hedged=True) for d in "cd"]
    (fact,) = build_facts("s", first + hedged)
    assert fact.current == "100"  # "may have been": an estimate, not the toll


def test_a_corroborated_smaller_figure_replaces_one_no_report_repeats():
    # 248 deaths "linked" in one report; then two outlets give the confirmed 25 and nobody repeats 248
    early = [replace(_toll(d, "2024-01-13", "20"), strong=True) for d in "ab"]
    outlier = replace(_toll("c", "2024-01-14", "248"), strong=True)
    later = [replace(_toll(d, "2024-01-16", "25"), strong=True) for d in "de"]
    (fact,) = build_facts("s", early + [outlier] + later)
    assert fact.current == "25"
    repeated = replace(_toll("f", "2024-01-17", "248"), strong=True)
    (fact,) = build_facts("s", early + [outlier] + later + [repeated])
    assert fact.current == "248"  # still reported after the smaller figure: the smaller one is a rival


def test_an_official_count_inside_an_estimate_updates_it():
    estimate = [_toll(d, "2024-01-13", "20000", bound="<=") for d in "abc"]
    official = [replace(_toll(d, "2024-01-16", "11000"), strong=True) for d in "de"]
    (fact,) = build_facts("s", estimate + official)
    assert fact.current == "11000"


def test_a_death_toll_without_a_counted_noun_counts_the_dead():
    text = "The official death toll from the flood in Ruritania has risen to 1,200."
    ad = article(text, quantities=[_count(text, None, 1200, verb="rise")])
    (o,) = [o for o in observe(ad) if o.ask == "count"]
    assert (o.topic, o.qualifier, o.value, o.strong) == ("people", "killed", "1200", True)


@pytest.mark.parametrize("text,counted,value,kw", [
    ("Callers were asked to make a 999 emergency call.", "emergency call", 999, {"number": "999"}),
    ("The floods killed 40 Smith in the valley.", "Smith", 40, {"verb": "kill"}),
    ("The storm killed 12 hurricanes last year.", "hurricanes", 12, {"verb": "kill"}),
    ("A 1998 flood killed 300 people in the valley.", "people", 300, {"verb": "kill"}),
], ids=["singular-noun", "proper-noun", "not-people", "earlier-year"])
def test_counts_of_the_wrong_thing_or_another_event_are_left_out(text, counted, value, kw):
    q = _count(text, counted, value, **kw)
    assert [o for o in observe(article(text, quantities=[q])) if o.ask == "count"] == []


def test_cause_and_manner_of_death():
    early = "Coroners found no sign of foul play in the death of Ann Fell, but the cause of death had been deferred."
    later = "The coroner ruled the death of Ann Fell a homicide; the cause of death was acute digoxin poisoning."
    facts = build_facts("s", [*observe(article(early, entities=[entity("Ann Fell", early, "PERSON")])),
                              *observe(article(later, day="2024-06-01", doc_id="d2",
                                               entities=[entity("Ann Fell", later, "PERSON")]))])
    by_type = {f.type: f for f in facts}
    assert by_type["manner"].current == "homicide" and by_type["cause"].current == "digoxin"
    assert [v.value for v in by_type["cause"].values] == ["pending", "digoxin"]


def test_trial_date_bail_and_term():
    first = "Dr Ann Fell was released on $50,000 bail; she faces up to six years in prison."
    moved = "The trial of Ann Fell has been delayed until March."
    facts = {f.type: f for f in build_facts("s", [
        *observe(article(first, entities=[entity("Ann Fell", first, "PERSON")])),
        *observe(AnnotatedDocument(article(moved, day="2025-01-10", doc_id="d2").document,
                                   sentences=(Sentence(0, len(moved)),),
                                   entities=(entity("Ann Fell", moved, "PERSON"),),
                                   timexes=(TimeExpr("March", "DATE", "2025-03", "point", moved.index("March"),
                                                     moved.index("March") + 5),)))])}
    assert facts["bail"].current == "on bail" and "$50,000" in facts["bail"].values[0].label
    assert facts["term"].current == "<=6 years"
    assert facts["hearing"].current == "2025-03" and facts["hearing"].question == "When does Ann Fell's trial start?"


@pytest.mark.parametrize("text,holder", [
    ("Jan Novak, the Ruritanian Finance Minister, said the plan would work.", "Novak"),
    ("Ruritanian Finance Minister Jan Novak said on Monday the plan would work.", "Novak"),
    ("In 2001, Ruritanian Finance Minister Jan Novak cut taxes.", None),
], ids=["appositive", "speaking", "background-year"])
def test_office_holder_only_when_held_now(text, holder):
    people = [entity("Jan Novak", text, "PERSON")]
    scope = [entity("Ruritanian", text, "NORP")]
    found = [o.value for o in observe(article(text, entities=people + scope)) if o.ask == "holder"]
    assert found == ([holder] if holder else [])
