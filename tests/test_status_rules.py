"""A person's status on court and police news: the latest step (a capture after a flight, a prisoner's escape and
recapture, a release that a conviction supersedes), and the right person (not a town that modifies "woman", not a
victim named in the object, not someone "cleared" of nothing). Articles written here, run through the English
pipeline, except where the case needs an entity the tagger may or may not give (built by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from dateline.model import AnnotatedDocument, Claim, Entity, Sentence
from tests.news import annotated_news, news_documents

DAY = "2024-09-20"

WORDING = [
    # a capture, and a capture that is no arrest
    ("captured by police", "Police captured Tom Reed on Saturday near the border.", {("arrested", "Tom Reed")}),
    ("a moment captured", "The photographer Tom Reed captured the moment the bridge fell.", set()),
    ("a rescue filmed", "Ann Cole, whose rescue was captured by television crews, thanked the firemen.", set()),
    # an escape: a prisoner's, a suspect's, and escapes that are no step of a case
    ("an inmate escapes", "Tom Reed, an inmate serving a life sentence, escaped from a prison van on Monday.",
     {("escaped", "Tom Reed")}),
    ("a suspect escapes the police", "Tom Reed escaped from police officers who had stopped his car in Leeds.",
     {("fled", "Tom Reed")}),
    ("escaped unhurt", "Tom Reed escaped unhurt when his car overturned on the motorway.", set()),
    ("a close win", "Tom Reed barely escaped with a draw in the final round on Saturday.", set()),
    ("escaped prosecution", "Tom Reed escaped prosecution for years by frightening witnesses.", set()),
    # caught: a recapture beside an escape, nothing beside a fire
    ("an escaped prisoner caught", "Tom Reed, a prisoner who escaped last week, was caught in a motel on Friday.",
     {("recaptured", "Tom Reed")}),
    ("caught on camera", "Tom Reed was caught on camera leaving the shop.", set()),
    # released: after an arrest, from prison, and a hostage freed
    ("released on bail", "Tom Reed was released on bail on Monday.", {("released", "Tom Reed")}),
    ("released from prison", "Tom Reed was released from prison on Friday after serving eight years.",
     {("released from prison", "Tom Reed")}),
    ("a hostage freed", "Ann Cole, who was kidnapped in May, was freed on Sunday.", set()),
    ("freed from the rubble", "Ann Cole was freed after eight hours of painstaking effort by rescuers.", set()),
    ("released without charge", "Police released Tom Reed without charge on Sunday.", {("released", "Tom Reed")}),
    # cleared: of a charge, or of nothing
    ("cleared of a charge", "Tom Reed was cleared of all charges by a jury on Friday.", {("acquitted", "Tom Reed")}),
    ("cleared the way", "Ann Cole cleared the way for the merger on Friday.", set()),
    # the person at the head of the object, not a victim named after it
    ("convicted: the object", "A jury convicted Ann Cole of fraud on Tuesday.", {("convicted", "Ann Cole")}),
    ("the victim in the object", "A jury convicted a gang member of murdering Deputy Tom Reed.", set()),
    # a possessor is not the person; "also" keeps the passive
    ("a brother arrested", "Tom Reed's brother was arrested on Monday.", set()),
    ("also convicted", "Tom Reed was also convicted of arson on Tuesday.", {("convicted", "Tom Reed")}),
    # expected to be charged is not yet charged
    ("expected to be charged", "Prosecutors said they expected Tom Reed to be charged with murder.", set()),
    # a year that dates the crime, not the step; a year that dates the step
    ("the crime's year", "Tom Reed was convicted of the March 3, 2021 murder of a shopkeeper.",
     {("convicted", "Tom Reed")}),
    ("the step's year", "Tom Reed was convicted in 2021 of murder.", set()),
]


def _articles(texts: list[str], day: str = DAY) -> list[AnnotatedDocument]:
    return annotated_news([(day, text) for text in texts])


@pytest.fixture(scope="module")
def worded() -> dict[str, AnnotatedDocument]:
    return {a.document.text: a for a in _articles([text for _n, text, _e in WORDING])}


@pytest.mark.parametrize("name,text,expected", WORDING, ids=[w[0] for w in WORDING])
def test_status_wording(worded, name, text, expected):
    assert {(o.value, o.subject) for o in observe(worded[text]) if o.ask == "status"} == expected


def _current(reports: list[tuple[str, str]], as_of: str) -> str | None:
    observations = [o for day, text in reports for a in _articles([text], day) for o in observe(a)
                    if o.ask == "status"]
    (fact,) = build_facts("s", observations)
    return with_current(fact, date.fromisoformat(as_of)).current


def test_a_conviction_supersedes_a_release_on_bail():
    reports = [("2024-03-01", "Tom Reed was arrested on Friday in Leeds."),
               ("2024-03-04", "Tom Reed was released on bail on Monday."),
               ("2024-09-12", "Tom Reed was convicted of arson on Thursday.")]
    assert _current(reports, "2024-03-05") == "released"
    assert _current(reports, "2024-09-13") == "convicted"


def test_a_prisoner_escapes_and_is_recaptured():
    """A convict's escape is news after his sentence, and his recapture after the escape."""
    reports = [("2024-05-01", "Tom Reed was sentenced to life in prison for the murder of a shopkeeper."),
               ("2024-05-20", "Tom Reed, an inmate at Hull prison, escaped from a prison van on Monday."),
               ("2024-05-27", ("Tom Reed, who was serving a life sentence, was recaptured on Sunday after a "
                               "week-long manhunt."))]
    assert _current(reports, "2024-05-21") == "escaped"
    assert _current(reports, "2024-05-28") == "recaptured"


def test_a_defendant_who_fled_and_was_caught_stays_sentenced():
    """A flight and a capture told as the background of a sentence are history."""
    text = ("Tom Reed was sentenced to life in prison on Friday. Reed escaped from the courthouse while on trial "
            "and fled the city. Reed was captured the next day by police.")
    assert _current([("2024-11-20", text)], "2024-11-21") == "sentenced"


def _hand_built(text: str, people: list[tuple[str, int]], subject: str, predicate: str) -> AnnotatedDocument:
    """An article whose PERSON entities are the ones given (text, occurrence), and one claim on its last sentence."""
    doc = news_documents([(DAY, text)])[0]
    entities = []
    for name, nth in people:
        at = -1
        for _ in range(nth + 1):
            at = text.index(name, at + 1)
        entities.append(Entity(name, "PERSON", name, at, at + len(name)))
    last = text.rindex(". ", 0, len(text) - 1) + 2 if ". " in text else 0
    claim = Claim(text[last:].rstrip("."), subject, predicate, None, "happened", False, None, None, last,
                  len(text) - 1)
    sentences = (Sentence(0, last), Sentence(last, len(text))) if last else (Sentence(0, len(text)),)
    return AnnotatedDocument(doc, sentences=sentences, entities=tuple(entities), claims=(claim,))


def test_a_town_before_woman_is_not_the_person():
    text = "A 57-year-old Hexham woman has been indicted on fraud charges."
    ad = _hand_built(text, [("Hexham", 0)], "A 57-year-old Hexham woman", "indict")
    assert not [o for o in observe(ad) if o.ask == "status"]
    named = "Ann Cole, a Hexham farmer, has been indicted on fraud charges."
    ad = _hand_built(named, [("Ann Cole", 0)], "Ann Cole, a Hexham farmer", "indict")
    assert [(o.value, o.subject) for o in observe(ad) if o.ask == "status"] == [("charged", "Ann Cole")]


def test_a_surname_the_tagger_missed_names_the_one_person_of_that_name():
    text = "Police named the gunman as Jose Ruiz. Ruiz was convicted of murder on Friday."
    ad = _hand_built(text, [("Jose Ruiz", 0)], "Ruiz", "convict")
    assert [(o.value, o.subject) for o in observe(ad) if o.ask == "status"] == [("convicted", "Jose Ruiz")]
    two = "Police named the brothers as Jose Ruiz and Luis Ruiz. Ruiz was convicted of murder on Friday."
    ad = _hand_built(two, [("Jose Ruiz", 0), ("Luis Ruiz", 0)], "Ruiz", "convict")
    assert not [o for o in observe(ad) if o.ask == "status"]
