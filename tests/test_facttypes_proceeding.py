"""A person's legal status and a licence, read as court and police news writes them: the steps of a case (not
a suspect, under investigation, charged, on trial, convicted) for a person named or described ("the surgeon"),
and whether a professional may still practise. Articles written here, run through the English pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument
from tests.news import annotated_news

DAY = "2024-09-20"
NAMED = "Police have spoken to the patient's surgeon, Dr Peter Vance, who treated her before she died. "

STATUS = [
    ("a denial: not under investigation", NAMED + "A police spokesman said the surgeon was not under criminal "
     "investigation.", ("not a suspect", "Peter Vance")),
    ("in no way a suspect", NAMED + "Detectives said the surgeon is in no way a suspect.",
     ("not a suspect", "Peter Vance")),
    ("not named as a suspect", "Dr Peter Vance has not been named as a suspect.", ("not a suspect", "Peter Vance")),
    ("a pronoun: the one person named before it", "A spokeswoman for Dr Peter Vance said he was not a suspect.",
     ("not a suspect", "Peter Vance")),
    ("a search of the person's premises", NAMED + "Detectives searched the home and offices of the surgeon as "
     "part of a manslaughter investigation.", ("under investigation", "Peter Vance")),
    ("the focus of an investigation", "Dr Peter Vance is the focus of a manslaughter investigation, police said.",
     ("under investigation", "Peter Vance")),
    ("a charge denied, the subject a description", NAMED + "The former surgeon of Lisa Grant has denied a charge "
     "of manslaughter at a court in Leeds.", ("charged", "Peter Vance")),
    ("a crime denied", "Dr Peter Vance denies manslaughter.", ("charged", "Peter Vance")),
    ("a plea after bail", "Dr Peter Vance was bailed after pleading not guilty to manslaughter.",
     ("charged", "Peter Vance")),
    ("on trial", "Dr Peter Vance is on trial accused of the manslaughter of Lisa Grant.", ("on trial", "Peter Vance")),
    ("a guilty plea is a conviction", "Dr Peter Vance pleaded guilty to manslaughter on Monday.",
     ("convicted", "Peter Vance")),
    ("convicted, the subject a description", NAMED + "The last surgeon of Lisa Grant was convicted of "
     "manslaughter by a jury on Friday.", ("convicted", "Peter Vance")),
    ("arrested by the police: the object", "Police arrested Tom Reed, a driver, in Leeds on Sunday.",
     ("arrested", "Tom Reed")),
    ("the officers who arrested are no status", "Sgt Ann Cole said her officers arrested 40 people.", None),
    ("a duty, not a crime", "Dr Ann Cole is charged with overseeing the hospital's finances.", None),
    ("any wrongdoing is no charge", "Dr Ann Cole denies any wrongdoing.", None),
    ("nearly resigned", "Ann Cole said she nearly resigned over the decision.", None),
    ("two surgeons: the description names no one", ("Dr Peter Vance and Dr Ann Cole both operated on Lisa Grant. "
     "The surgeon was convicted of manslaughter on Friday."), None),
    ("released from custody", "Tom Reed was released from custody on Sunday.", ("released", "Tom Reed")),
    ("police released him: the object", "Police released Tom Reed without charge on Sunday.", ("released", "Tom Reed")),
    ("releasing a statement is no release", "Governor Ann Cole released a statement about the fire on Sunday.", None),
]


def _articles(texts: list[str], day: str = DAY) -> list[AnnotatedDocument]:
    return annotated_news([(day, text) for text in texts])


def _status_fact(reports: list[tuple[str, str]]):
    """The one status fact of articles given as (day, text)."""
    observations = [o for day, text in reports for a in _articles([text], day) for o in observe(a)
                    if o.ask == "status"]
    (fact,) = build_facts("s", observations)
    return fact


def test_the_ladder_of_a_case_and_a_lower_step_told_later():
    reports = [("2024-01-10", NAMED + "A police spokesman said the surgeon was not under criminal investigation."),
               ("2024-02-20", NAMED + "Detectives searched the offices of the surgeon as part of a manslaughter "
                              "investigation."),
               ("2024-05-02", "Dr Peter Vance has been charged with manslaughter."),
               ("2024-09-15", NAMED + "The last surgeon of Lisa Grant was convicted of manslaughter on Friday."),
               ("2024-09-18", "Dr Peter Vance has not been named as a suspect in a second death, police said.")]
    fact = _status_fact(reports)
    assert [v.value for v in fact.values] == ["not a suspect", "under investigation", "charged", "convicted"]
    assert with_current(fact, date(2024, 9, 20)).current == "convicted"
    assert with_current(fact, date(2024, 2, 20)).current == "under investigation"
    assert fact.question == "What is Peter Vance's status?"


LICENCE = [
    ("allowed to practise", "The judge said Dr Peter Vance is allowed to continue to practise medicine.",
     ("allowed", "Peter Vance")),
    ("suspended, the licence of", "The medical board suspended the licence of Dr Peter Vance on Tuesday.",
     ("suspended", "Peter Vance")),
    ("suspended, a possessor, an old year in another clause",
     ("Dr Peter Vance's medical licence was also suspended by the judge A judge has ordered him to stand trial over "
     "the death in 2022."), ("suspended", "Peter Vance")),
    ("a licence that could be lost", "Dr Peter Vance could lose his licence to practise medicine if convicted.", None),
    ("not allowed to work", "The UN says you are not allowed to work in the area after dark.", None),
    ("a chronology entry of an earlier year", ("Timeline\n3 March 2023 Dr Peter Vance is charged with manslaughter.\n"
     "The judge says he can continue to practise medicine."), None),
]


WORDING = [("status", *case) for case in STATUS] + [("licence", *case) for case in LICENCE]


@pytest.fixture(scope="module")
def worded_articles() -> dict[str, AnnotatedDocument]:
    return {a.document.text: a for a in _articles(list(dict.fromkeys(text for _a, _n, text, _e in WORDING)))}


@pytest.mark.parametrize("ask,name,text,expected", WORDING, ids=[f"{w[0]}: {w[1]}" for w in WORDING])
def test_status_and_licence_wording(worded_articles, ask, name, text, expected):
    found = {(o.value, o.subject) for o in observe(worded_articles[text]) if o.ask == ask}
    assert found == ({expected} if expected else set())


def test_a_prison_term_is_asked_only_of_a_person_named():
    """ "Up to two years" for a poor fire-risk assessment is a penalty in general: no one of the story faces it."""
    articles = _articles(["Building owners who fail to carry out fire risk checks could face up to two years in prison.",
                          "Tom Reed faces up to 10 years in prison if convicted of arson, prosecutors said."])
    facts = build_facts("s", [o for a in articles for o in observe(a)])
    assert [f.question for f in facts if f.type == "term"] == ["What prison term does Tom Reed face?"]


def test_a_capture_and_a_sentence_update_a_flight():
    """A man who fled is caught and sentenced: the later steps are his status, not the flight."""
    reports = [("2024-03-01", "Police said Tom Reed fled the courthouse after shooting a guard."),
               ("2024-03-02", "Tom Reed was arrested on Saturday in a car park in Leeds."),
               ("2024-11-20", "Tom Reed was sentenced to life in prison on Friday.")]
    fact = _status_fact(reports)
    assert with_current(fact, date(2024, 3, 1)).current == "fled"
    assert with_current(fact, date(2024, 3, 3)).current == "arrested"
    assert with_current(fact, date(2024, 11, 21)).current == "sentenced"
