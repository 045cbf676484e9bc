"""Days the timeline got wrong from time expressions: 24-hour clocks read as years, possessive weekdays
("Sunday's final") placed by the wrong verb, and counterfactual weekdays ("we'd have arrived on Saturday").

Sentences written for these tests. Friday 15 January 2010 is the usual publication day.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.annotate.timex import tag
from dateline.annotate.timex.events import coming_in_week, is_counterfactual

FRIDAY = date(2010, 1, 15)
MONDAY = date(2010, 1, 18)


def _value(sentence: str, expression: str, dct: date = FRIDAY) -> tuple[str, str]:
    found = [t for t in tag(sentence, dct) if t.text.startswith(expression) or expression in t.text]
    assert found, f"{expression!r} not tagged in {sentence!r}: {tag(sentence, dct)}"
    return found[0].type, found[0].value


CLOCKS = [
    ("The tremor struck at 1653 local time on Tuesday, officials said.", "1653", ("TIME", "2010-01-15T16:53")),
    ("The ferry left the harbour at 0530 hrs.", "0530 hrs", ("TIME", "2010-01-15T05:30")),
    ("The curfew begins at 1800 hours.", "1800 hours", ("TIME", "2010-01-15T18:00")),
    ("As of 1700 BST, 76 countries had reported cases.", "1700", ("TIME", "2010-01-15T17:00")),
    ("The broadcast ends at 1945 GMT.", "1945 GMT", ("TIME", "2010-01-15T19:45")),
    ("It struck the coast at 1653 (2153 GMT) on Tuesday.", "1653", ("TIME", "2010-01-15T16:53")),
]


@pytest.mark.parametrize(("sentence", "expression", "expected"), CLOCKS, ids=[c[1] for c in CLOCKS])
def test_a_clock_with_a_zone_or_hrs_is_no_year(sentence, expression, expected):
    assert _value(sentence, expression) == expected


YEARS = [
    ("The bridge was built in 1653 by local masons.", "1653", ("DATE", "1653")),
    ("Volunteers gave 1800 hours of their time in 2009.", "2009", ("DATE", "2009")),
    ("In 1953 local elections were held for the first time.", "1953", ("DATE", "1953")),
    ("By 2010 local time zones had been redrawn.", "2010", ("DATE", "2010")),
]


@pytest.mark.parametrize(("sentence", "expression", "expected"), YEARS, ids=[c[0][:24] for c in YEARS])
def test_a_year_before_other_words_stays_a_year(sentence, expression, expected):
    assert _value(sentence, expression) == expected


def test_spent_hours_are_a_count_not_a_clock():
    assert _value("Volunteers spent 1800 hours on the rebuilding.", "1800 hours") == ("DURATION", "PT1800H")


POSSESSIVES = [
    # no verb dates the event: later in the article's week, it is the coming day
    ("The academy, organisers of Sunday's film awards in London, have pledged $50,000.", FRIDAY, "2010-01-17"),
    ("Fans queued all night ahead of Saturday's concert.", FRIDAY, "2010-01-16"),
    ("He will attend Tuesday's vote in the capital.", FRIDAY, "2010-01-19"),
    # a past verb governs the event, or the event has left victims
    ("Smith scored twice in Sunday's final.", FRIDAY, "2010-01-10"),
    ("Tuesday's vote was marred by violence.", FRIDAY, "2010-01-12"),
    ("Aid is reaching survivors of Tuesday's flood.", MONDAY, "2010-01-12"),
    # earlier in the week, or far ahead in it: the one just gone
    ("The minister defended Wednesday's budget in a radio interview.", FRIDAY, "2010-01-13"),
    ("Commentators are still arguing about Saturday's match.", MONDAY, "2010-01-16"),
    ("Shares rose above Friday's closing price.", MONDAY, "2010-01-15"),
    # an explicit "last" keeps its rule
    ("Thousands may have died in last Tuesday's earthquake.", FRIDAY, "2010-01-12"),
]


@pytest.mark.parametrize(("sentence", "dct", "expected"), POSSESSIVES, ids=[c[0][:30] for c in POSSESSIVES])
def test_a_possessive_weekday_is_dated_by_its_event(sentence, dct, expected):
    weekday = next(t for t in tag(sentence, dct) if t.text.endswith("day"))
    assert weekday.value == expected


COUNTERFACTUALS = [
    ("Without the airlift we'd have reached the town on Saturday, far too late.", "XXXX-WXX-6"),
    ("That would have meant the convoy would have arrived on Thursday.", "XXXX-WXX-4"),
    # a real day all the same: the birthday came round, the convoy really arrived
    ("The singer would have turned 60 on Saturday.", "2010-01-09"),
    ("It would have been his 60th birthday on Saturday.", "2010-01-09"),
    ("The convoy arrived on Thursday, though it would have been quicker by air.", "2010-01-14"),
]


@pytest.mark.parametrize(("sentence", "expected"), COUNTERFACTUALS, ids=[c[0][:30] for c in COUNTERFACTUALS])
def test_a_counterfactual_weekday_names_no_day_of_the_story(sentence, expected):
    weekday = next(t for t in tag(sentence, FRIDAY) if t.text.endswith("day"))
    assert weekday.value == expected


def test_counterfactual_reads_only_its_own_clause():
    text = "They would have stayed, but the team left on Sunday."
    assert not is_counterfactual(text, text.index("Sunday"))
    assert is_counterfactual("We would have landed on Sunday.", len("We would have landed on "))


@pytest.mark.parametrize(("weekday", "dct_weekday", "coming"), [(7, 5, True), (6, 1, False), (3, 5, False),
                                                                 (5, 1, False), (3, 1, True), (5, 5, False)])
def test_coming_in_week(weekday, dct_weekday, coming):
    assert coming_in_week(weekday, dct_weekday) is coming


def test_without_a_dct_a_possessive_weekday_stays_underspecified():
    assert _value("Organisers of Sunday's awards have pledged money.", "Sunday", dct=None) == ("DATE", "XXXX-WXX-7")
