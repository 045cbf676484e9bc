"""The fact ledger on hand-built observations: grouping, relations, current value."""

from dataclasses import replace
from datetime import date

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.observations import Observation, Source, readable_time
from dateline.model import Citation


def obs(doc, outlet, day, value, *, kind="date", key=("when", "end", "Iraq", ""), revises=None,
        denies=False, anonymous=False, subject="the coalition mission", speaker=None):
    published = date.fromisoformat(day) if day else None
    ask, topic, place, qualifier = key
    return Observation(
        ask=ask, topic=topic, place=place, qualifier=qualifier, kind=kind, value=value, label=value,
        source=Source(doc, outlet, published),
        citation=Citation(doc, 0, 10, f"sentence of {doc}", outlet, published),
        subject=subject, revises=revises, denies=denies, anonymous=anonymous, speaker=speaker,
    )


COUNT = ("count", "us troops", "Iraq", "")


def test_repeated_value_is_one_agreed_value_with_every_outlet():
    facts = build_facts("s", [obs(f"d{i}", f"outlet {i}", f"2024-0{i + 1}-01", "2500", kind="quantity", key=COUNT,
                                  subject="US troops in Iraq") for i in range(5)])
    (fact,) = facts
    (value,) = fact.values
    assert value.relation == "first" and len(value.outlets) == 5 and value.documents == ("d0", "d1", "d2", "d3", "d4")
    assert fact.question == "How many US troops are in Iraq?"
    assert fact.current == "2500" and not fact.disputed


def test_approximate_counts_within_tolerance_agree():
    facts = build_facts("s", [replace(obs("a", "A", "2024-01-01", "2500", kind="quantity", key=COUNT), approximate=True),
                              obs("b", "B", "2024-01-02", "2450", kind="quantity", key=COUNT)])
    assert len(facts[0].values) == 1


def test_two_exact_counts_are_two_values_and_a_toll_that_rises_past_an_estimate_updates_it():
    exact = build_facts("s", [obs("a", "A", "2024-01-01", "109", kind="quantity", key=COUNT),
                              obs("b", "B", "2024-01-12", "113", kind="quantity", key=COUNT)])
    assert [v.value for v in exact[0].values] == ["109", "113"]
    toll = ("count", "dead", "Haiti", "")
    rising = [replace(obs("a", "A", "2024-01-01", "300", kind="quantity", key=toll), approximate=True, cumulative=True),
              replace(obs("b", "B", "2024-01-04", "311", kind="quantity", key=toll), cumulative=True)]
    (fact,) = build_facts("s", rising)
    assert [v.value for v in fact.values] == ["300", "311"] and fact.current == "311"


def test_postponement_joins_the_fact_it_revises_and_updates_it():
    observations = [
        obs("a", "Wire", "2024-07-23", "2025-09"),
        obs("b", "Paper", "2024-09-27", "2025-09"),
        obs("c", "Regional", "2025-01-10", ">=2028-09", key=("when", "end", None, ""), revises="2025-09",
            anonymous=True, subject="the planned withdrawal of US forces"),
    ]
    (fact,) = build_facts("s", observations)
    assert [v.relation for v in fact.values] == ["first", "update"]
    assert fact.current == ">=2028-09" and fact.disputed
    assert fact.values[-1].contradicts == ("2025-09",)
    assert "2 independent sources" in fact.current_reason


@pytest.mark.parametrize(
    "as_of, current, disputed",
    [("2024-10-01", "2025-09", False), ("2025-01-31", ">=2028-09", True), ("2024-07-01", None, False)],
    ids=["before-postponement", "after-postponement", "before-anything"],
)
def test_current_value_as_of_a_date(as_of, current, disputed):
    observations = [
        obs("a", "Wire", "2024-07-23", "2025-09"),
        obs("b", "Paper", "2024-09-27", "2025-09"),
        obs("c", "Regional", "2025-01-10", ">=2028-09", revises="2025-09", anonymous=True),
    ]
    (fact,) = build_facts("s", observations)
    known = with_current(fact, date.fromisoformat(as_of))
    assert known.current == current and known.disputed == disputed


def test_different_value_at_the_same_time_contradicts():
    (fact,) = build_facts("s", [obs("a", "A", "2024-05-01", "2024-09-15"), obs("b", "B", "2024-05-02", "2024-10-15")])
    assert [v.relation for v in fact.values] == ["first", "contradict"]
    assert fact.disputed


def test_later_different_value_updates():
    (fact,) = build_facts("s", [obs("a", "A", "2024-05-01", "2024-09-15"), obs("b", "B", "2024-07-20", "2024-10-15")])
    assert [v.relation for v in fact.values] == ["first", "update"]
    assert fact.current == "2024-10-15"


def test_more_precise_date_elaborates():
    (fact,) = build_facts("s", [obs("a", "A", "2024-05-01", "2024-09"), obs("b", "B", "2024-05-02", "2024-09-15")])
    assert [v.relation for v in fact.values] == ["first", "elaborate"]


def test_denial_is_recorded_against_the_newest_value():
    observations = [
        obs("a", "A", "2024-05-01", "2024-09-15"),
        obs("b", "B", "2024-07-20", ">=2024-12", revises="2024-09-15", anonymous=True),
        obs("c", "C", "2024-07-22", "", denies=True, speaker="Pentagon spokesperson"),
    ]
    (fact,) = build_facts("s", observations)
    assert [v.relation for v in fact.values] == ["first", "update", "deny"]
    assert fact.disputed and "denied by Pentagon spokesperson" in fact.current_reason


def test_undated_reports_sort_last_and_separate_questions_stay_apart():
    facts = build_facts("s", [obs("a", None, None, "2025-09"), obs("b", "B", "2024-01-01", "2026-09", key=("when", "continue", "Syria", ""))])
    assert len(facts) == 2


def test_an_unstated_place_takes_the_place_the_story_usually_states():
    (fact,) = build_facts("s", [obs("a", "A", "2024-05-01", "2500", kind="quantity", key=COUNT),
                                obs("b", "B", "2024-05-02", "2500", kind="quantity", key=("count", "us troops", None, ""))])
    assert fact.question == "How many US troops are in Iraq?" and len(fact.values[0].documents) == 2


@pytest.mark.parametrize("value, text", [("2025-09", "September 2025"), (">=2028-09", "not before September 2028"),
                                         ("2024-09-15", "15 September 2024"), ("2026", "2026")])
def test_readable_time(value, text):
    assert readable_time(value) == text


def test_a_postponement_by_a_duration_shifts_the_standing_deadline():
    push = replace(obs("b", "B", "2024-07-18", "", anonymous=True), shift="P6W", revises="*")
    (fact,) = build_facts("s", [obs("a", "A", "2024-05-19", "2024-09-15"), push])
    assert [v.value for v in fact.values] == ["2024-09-15", "2024-10-27"]
    assert fact.values[-1].relation == "update" and "pushed back 6 weeks" in fact.values[-1].label


def test_an_update_denied_on_the_record_is_not_current():
    observations = [
        obs("a", "A", "2024-05-19", "2024-09-15"),
        obs("b", "B", "2024-05-21", "2024-09-15"),
        obs("c", "C", "2024-07-18", "2024-10-31", anonymous=True),
        obs("d", "D", "2024-07-19", "", denies=True, speaker="Pentagon press secretary"),
    ]
    (fact,) = build_facts("s", observations)
    assert fact.current == "2024-09-15" and fact.disputed
    assert "differs from 2024-10-31 (1 independent source, anonymous or hedged, first" in fact.current_reason


def test_an_update_loses_when_the_old_value_is_reported_again_after_it():
    observations = [obs("a", "A", "2024-03-17", "1000", kind="quantity", key=COUNT),
                    obs("b", "B", "2024-04-12", "800", kind="quantity", key=COUNT),
                    obs("c", "C", "2024-05-19", "1000", kind="quantity", key=COUNT)]
    (fact,) = build_facts("s", observations)
    assert fact.current == "1000"


@pytest.fixture
def alike(monkeypatch):
    """Every pair the structured check allows reads alike: the test sees the structured decision alone."""
    from dateline.link import similar

    monkeypatch.setattr(similar, "available", lambda: True)
    monkeypatch.setattr(similar, "candidate_merges", lambda texts, pairs: [similar.Candidate(i, j, 1.0) for i, j in pairs])


@pytest.mark.parametrize(
    "key, values, merged",
    [
        (("count", "troops", "Iraq", ""), ["2500"], True),
        (("count", "troops", "Iraq", ""), ["2450"], True),
        (("count", "troops", "Syria", ""), ["2500"], False),
        (("count", "troops", "Iraq", ""), ["2500", "60"], False),
        (("count", "troops", "Iraq", "attack"), ["2500"], False),
        (("count", "british troops", "Iraq", ""), ["2500"], False),
        (("count", "troops", "Iraq", ""), ["3000"], False),
    ],
    ids=["looser-topic", "within-tolerance", "other-place", "brings-own-value",
         "other-event", "other-topic", "other-value"],
)
def test_groups_that_read_alike_merge_only_when_they_ask_the_same_question(alike, key, values, merged):
    host = [obs(f"h{i}", f"H{i}", "2024-03-0" + str(i + 1), "2500", kind="quantity", key=COUNT) for i in range(3)]
    joining = [obs(f"j{i}", f"J{i}", "2024-03-05", v, kind="quantity", key=key) for i, v in enumerate(values)]
    facts = build_facts("s", host + joining)
    assert (len(facts) == 1) == merged
    if merged:
        assert facts[0].question == "How many US troops are in Iraq?"



def test_a_noun_subject_reads_with_its_article():
    (fact,) = build_facts("s", [obs("a", "A", "2024-01-01", "2025-09", subject="The talks")])
    assert fact.question == "When will the talks end?"


@pytest.mark.parametrize("subject", ["it", "they", "this"])
def test_a_pronoun_subject_is_never_asked(subject):
    # "When will it end?" names nothing a reader can follow
    assert build_facts("s", [obs("a", "A", "2024-01-01", "2025-09", subject=subject)]) == []


def test_the_worlds_counts_do_not_split_the_storys_place_from_its_unstated_counts():
    deaths = ("count", "people", "Peru", "killed")
    placed = [obs(f"p{i}", f"P{i}", f"2024-05-0{i + 1}", str(20 + i), kind="quantity", key=deaths) for i in range(4)]
    world = [obs(f"w{i}", f"W{i}", f"2024-05-0{i + 1}", str(90 + i), kind="quantity",
                 key=("count", "people", "worldwide", "killed")) for i in range(3)]
    chile = [obs("c", "C", "2024-05-02", "3", kind="quantity", key=("count", "people", "Chile", "killed"))]
    unstated = obs("u", "U", "2024-05-06", "26", kind="quantity", key=("count", "people", None, "killed"))
    facts = build_facts("s", placed + world + chile + [unstated])
    peru = next(f for f in facts if "Peru" in f.question)
    assert "u" in peru.values[-1].documents  # 4 of 5 countries' reports: Peru's, whatever the world's 3
    split = build_facts("s", placed[:2] + world + chile * 2 + [unstated])  # 2 Peru, 2 Chile: no usual place
    assert all("u" not in v.documents for f in split for v in f.values)


def toll(doc, day, value, bound="", cumulative=True, key=("count", "bodies", "Haiti", "")):
    return replace(obs(doc, doc.upper(), day, value, kind="quantity", key=key), bound=bound, approximate=bool(bound),
                   cumulative=cumulative)


def test_a_lower_bound_agrees_with_a_figure_just_above_it_not_far_above_it():
    near = build_facts("s", [toll("a", "2024-01-03", "365"), toll("b", "2024-01-04", "300", ">=")])
    assert [v.value for v in near[0].values] == ["365"] and near[0].values[0].documents == ("a", "b")
    far = build_facts("s", [toll("a", "2024-01-03", "40000"), toll("b", "2024-01-03", "15000", ">=")])
    assert [v.value for v in far[0].values] == ["40000", "15000"] and far[0].current == "40000"


def test_an_amount_past_its_upper_bound_is_a_new_value_and_a_tolls_estimates_stay_one():
    plan = ("amount", "stimulus package", "", "")
    amounts = build_facts("s", [toll("a", "2024-02-01", "8e+11", "<=", False, plan),
                                toll("b", "2024-02-10", "8e+11", ">=", False, plan)])
    assert [v.value for v in amounts[0].values] == ["8e+11", "8e+11"] and amounts[0].values[1].relation == "update"
    dead = ("count", "people", "Haiti", "killed")
    estimates = build_facts("s", [toll("a", "2024-01-13", "100000", ">=", key=dead),
                                  toll("b", "2024-01-15", "100000", "<=", key=dead)])
    assert len(estimates[0].values) == 1
