"""The current-value rule of a cumulative count (link/current.py): which report of a toll is current on a day.

Hand-built observations, as `link/facts.py` would read them from articles: an official figure (`strong`),
a figure an article states in its own words with no source (plain), and a hedged one.
"""

from datetime import date

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.observations import Observation, Source
from dateline.model import Citation


def _staff_dead(doc: str, day: str, value: str, *, outlet: str | None = None, strong: bool = False,
                hedged: bool = False) -> Observation:
    published = date.fromisoformat(day)
    outlet = outlet or f"Outlet {doc}"
    text = f"{value} aid workers died in the earthquake."
    return Observation(ask="count", topic="staff", place="Ruritania", qualifier="killed", kind="quantity",
                       value=value, label=value, source=Source(doc, outlet, published),
                       citation=Citation(doc, 0, len(text), text, outlet, published), cumulative=True,
                       strong=strong, hedged=hedged)


def _current(reports: list[Observation], day: str) -> str | None:
    (fact,) = build_facts("s", reports)
    return with_current(fact, date.fromisoformat(day)).current


OFFICIAL_37 = _staff_dead("a", "2024-01-17", "37", strong=True)  # "the agency confirmed 37 dead"


@pytest.mark.parametrize(("later", "day", "expected"), [
    (_staff_dead("b", "2024-01-29", "85"), "2024-01-20", "37"),  # not yet reported
    (_staff_dead("b", "2024-01-29", "85"), "2024-01-30", "85"),  # a lone later report of a lone figure: newer wins
    (_staff_dead("b", "2024-01-17", "85"), "2024-01-30", "37"),  # the same day: an unsourced figure is no update
    (_staff_dead("b", "2024-01-29", "85", hedged=True), "2024-01-30", "37"),  # "may have died": never an update
], ids=["before", "later-plain", "same-day-plain", "hedged"])
def test_a_plain_figure_updates_a_lone_official_figure_only_on_a_later_day(later, day, expected):
    assert _current([OFFICIAL_37, later], day) == expected


def test_a_plain_figure_does_not_overturn_a_figure_two_sources_carry():
    second = _staff_dead("c", "2024-01-18", "37", strong=True)
    assert _current([OFFICIAL_37, second, _staff_dead("b", "2024-01-29", "85")], "2024-01-30") == "37"


def test_a_plain_figure_yields_once_another_report_repeats_the_older_figure_after_it():
    reports = [OFFICIAL_37, _staff_dead("b", "2024-01-29", "85")]
    assert _current(reports, "2024-01-29") == "85"
    repeated = _staff_dead("c", "2024-01-31", "37", strong=True)  # reports went on giving 37
    assert _current([*reports, repeated], "2024-02-01") == "37"


def test_a_plain_figure_does_not_start_a_count_that_has_an_official_figure():
    # the earliest plain report is no baseline against which the official figure would be a contradiction
    reports = [_staff_dead("b", "2024-01-15", "60"), _staff_dead("a", "2024-01-16", "37", strong=True)]
    assert _current(reports, "2024-01-17") == "37"


def test_the_reason_says_a_plain_current_figure_names_no_source():
    (fact,) = build_facts("s", [OFFICIAL_37, _staff_dead("b", "2024-01-29", "85")])
    assert fact.current == "85" and "no source named" in fact.current_reason
    assert "attributed reporting" in with_current(fact, date(2024, 1, 20)).current_reason  # the official 37


def test_a_lower_bound_does_not_join_an_upper_bound():
    """ "as many as 177" and then "at least 61": two reports, not one figure the second agrees with."""
    from dataclasses import replace
    upper = replace(_staff_dead("a", "2024-01-10", "177", strong=True), bound="<=", label="as many as 177")
    lower = replace(_staff_dead("b", "2024-01-12", "61", strong=True), bound=">=", label="at least 61")
    (fact,) = build_facts("s", [upper, lower])
    assert [v.label for v in fact.values] == ["as many as 177", "at least 61"]
    exact = _staff_dead("c", "2024-01-13", "100", strong=True)
    (fact,) = build_facts("s", [exact, replace(lower, source=replace(lower.source, published=date(2024, 1, 14)))])
    assert [v.label for v in fact.values] == ["100"]  # "at least 61" agrees with 100
    far = _staff_dead("c", "2024-01-13", "200", strong=True)  # more than twice it: "at least 61" is a count of its own
    (fact,) = build_facts("s", [far, replace(lower, source=replace(lower.source, published=date(2024, 1, 14)))])
    assert [v.label for v in fact.values] == ["200", "at least 61"] and fact.current == "200"


@pytest.mark.parametrize(("sentence", "revises"), [
    ("Health officials cut their suspected death toll to 90 from as many as 150.", True),
    ("Stricter tests have cut the number of confirmed deaths in the province.", True),
    ("The ministry lowered its estimate of the dead.", True),
    ("The carmaker cut 5,000 jobs in the spring.", False),
    ("The central bank cut interest rates to 1 percent.", False),
])
def test_a_sentence_that_cuts_a_count_revises_it(sentence, revises):
    from dateline.link.facttypes.base import REVISED
    assert bool(REVISED.search(sentence)) is revises


def test_a_corroborated_change_of_state_is_not_disputed_by_the_state_it_ended():
    """A licence allowed (three reports), then suspended (two outlets): the old state is history, not a rival;
    a lone report of the change leaves it disputed."""
    def licence(doc: str, day: str, value: str) -> Observation:
        published = date.fromisoformat(day)
        text = f"The board said the surgeon's licence was {value}."
        return Observation(ask="licence", topic="licence", place=None, qualifier="", kind="state", value=value,
                           label=value, source=Source(doc, f"Outlet {doc}", published),
                           citation=Citation(doc, 0, len(text), text, f"Outlet {doc}", published), strong=True)

    allowed = [licence(d, "2024-02-0" + str(i), "allowed") for i, d in enumerate("abc", 1)]
    (fact,) = build_facts("s", [*allowed, licence("d", "2024-06-01", "suspended"), licence("e", "2024-06-02", "suspended")])
    known = with_current(fact, date(2024, 7, 1))
    assert known.current == "suspended" and not known.disputed
    (fact,) = build_facts("s", [*allowed, licence("d", "2024-06-01", "suspended")])
    assert with_current(fact, date(2024, 7, 1)).disputed


def test_a_revision_told_the_same_day_as_a_larger_figure_is_the_last_word():
    """ "Officials cut their suspected toll to 101 from as many as 176": told the same day as an official 176,
    the revision is newer, not a smaller rival."""
    from dataclasses import replace

    larger = _staff_dead("a", "2024-05-02", "176", strong=True)
    revised = _staff_dead("b", "2024-05-02", "101", strong=True)
    text = "Officials cut their suspected toll to 101 from as many as 176."
    revised = replace(revised, citation=replace(revised.citation, text=text, end=len(text)))
    assert _current([larger, revised], "2024-05-03") == "101"


@pytest.mark.parametrize(("larger", "expected"), [
    (_staff_dead("b", "2024-01-14", "7000", strong=True), "7000"),  # one day's figures: the official one is the count
    (_staff_dead("b", "2024-01-14", "7000"), "100"),  # an unsourced tenfold figure stays a rival
    (_staff_dead("b", "2024-01-15", "7000", strong=True), "100"),  # a day later, a lone tenfold jump is no update
], ids=["same-day-official", "same-day-plain", "next-day-jump"])
def test_a_tenfold_figure_told_the_day_the_count_began_is_that_days_count(larger, expected):
    seen = _staff_dead("a", "2024-01-14", "100", strong=True)  # "our reporter saw about 100 bodies at one hospital"
    assert _current([seen, larger], "2024-01-16") == expected


def test_a_value_is_as_strong_and_as_hedged_as_the_reports_out_by_the_day():
    """No hindsight: a figure first given by a lone hedged report, and made official a week later, is hedged and
    not official as of the first days; a later official report does not reach back."""
    hedged = _staff_dead("b", "2024-01-20", "85", hedged=True)  # "85 staff may have died"
    official = _staff_dead("c", "2024-01-27", "85", strong=True)  # "the agency confirmed 85 dead"
    (fact,) = build_facts("s", [OFFICIAL_37, hedged, official])
    (early,) = [v for v in with_current(fact, date(2024, 1, 21)).values if v.value == "85"]
    (late,) = [v for v in with_current(fact, date(2024, 1, 28)).values if v.value == "85"]
    assert (early.hedged, early.strong) == (True, False) and (late.hedged, late.strong) == (False, True)
    assert _current([OFFICIAL_37, hedged, official], "2024-01-21") == "37"  # a hedged lone figure never updates
    assert _current([OFFICIAL_37, hedged, official], "2024-01-28") == "85"


def _said(o: Observation, text: str, **changes) -> Observation:
    """The observation with its sentence (and any other field) replaced."""
    from dataclasses import replace
    return replace(o, citation=replace(o.citation, text=text, end=len(text)), **changes)


CEILING = [_said(_staff_dead(d, "2024-04-30", "176", strong=True), "Officials said up to 176 people have died.",
                 bound="<=", label="up to 176") for d in "ab"]  # "has killed up to 176": suspected deaths


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Three more deaths were confirmed, bringing the toll to 15, the minister said.", "15"),
    ("Rescuers said 15 workers were pulled out alive, the minister said.", "176"),  # no word of a confirmed count
], ids=["confirmed-figure", "figure-not-said-confirmed"])
def test_a_confirmed_figure_below_an_upper_bound_is_the_count_kept(sentence, expected):
    below = _said(_staff_dead("c", "2024-05-01", "15", strong=True), sentence)
    assert _current([*CEILING, below], "2024-05-02") == expected


def test_a_confirmed_figure_below_an_exact_figure_stays_a_rival():
    exact = [_staff_dead(d, "2024-04-30", "176", strong=True) for d in "ab"]  # a tally, not a ceiling
    below = _said(_staff_dead("c", "2024-05-01", "15", strong=True), "The ministry confirmed 15 deaths.")
    assert _current([*exact, below], "2024-05-02") == "176"


MORE_THAN_30 = [_staff_dead(d, "2024-04-29", "30", strong=True) for d in "ab"]  # "over 30", from two reports


@pytest.mark.parametrize(("series", "expected"), [
    ([("c", "C", "2024-04-30", "10", False), ("d", "D", "2024-04-30", "11", True),
      ("e", "E", "2024-05-01", "12", True)], "12"),
    ([("c", "C", "2024-04-30", "10", True), ("d", "C", "2024-04-30", "11", True),
      ("e", "C", "2024-05-01", "12", True)], "30"),
    ([("c", "C", "2024-04-28", "12", True), ("d", "D", "2024-04-30", "12", True),
      ("e", "E", "2024-05-01", "12", True)], "30"),
], ids=["new-figures-from-three-sources", "one-outlet-alone", "an-older-figure-repeated"])
def test_a_series_of_new_smaller_figures_undercuts_a_larger_one(series, expected):
    """10, 11 and 12 from three outlets after two reports of "more than 30": the tally kept is below it. One
    outlet's figures, or an older figure slow outlets repeat, are rivals of the larger one, not a series."""
    reports = [_staff_dead(doc, day, value, outlet=f"Outlet {outlet}", strong=strong)
               for doc, outlet, day, value, strong in series]
    assert _current([*MORE_THAN_30, *reports], "2024-05-02") == expected
