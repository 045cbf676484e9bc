"""The briefing's text lists the most reported facts and points to the ledger for the rest."""

from __future__ import annotations

from dateline.link.facts import build_facts
from dateline.link.observations import Source, from_quantity
from dateline.model import Citation, Quantity
from dateline.views.brief import SHOWN_FACTS, Briefing
from dateline.views.markdown import brief_md


def _facts(n: int):
    observations = []
    for i in range(n):
        source = Source(f"d{i}", f"Outlet {i}", None)
        citation = Citation(f"d{i}", 0, 10, "A sentence.", f"Outlet {i}", None)
        q = Quantity("40", 40 + i, False, f"boats{i}", 0, 2, where="Leeds")
        observations.append(from_quantity(q, source, citation))
    return tuple(build_facts("s", observations))


def _briefing(n: int) -> Briefing:
    facts = _facts(n)
    return Briefing("s", "Floods", None, n, (), 0, facts, (), ())


def test_a_long_ledger_is_cut_to_the_most_reported_facts():
    text = brief_md(_briefing(SHOWN_FACTS + 3))
    assert text.count("\n### ") == SHOWN_FACTS
    assert "_3 less reported facts: `dateline facts`_" in text


def test_a_short_ledger_is_shown_whole():
    text = brief_md(_briefing(2))
    assert text.count("\n### ") == 2 and "less reported" not in text


def test_of_two_questions_as_reported_the_one_whose_answer_was_told_last_reads_first():
    from datetime import date

    from dateline.views.brief import analyst_order

    def fact(noun: str, day: str):
        published = date.fromisoformat(day)
        q = Quantity("40", 40, False, noun, 0, 2, where="Leeds")
        obs = [from_quantity(q, Source(f"{noun}{i}", f"Outlet {i}", published),
                             Citation(f"{noun}{i}", 0, 10, "A sentence.", f"Outlet {i}", published)) for i in range(2)]
        (built,) = build_facts("s", obs)
        return built

    stale, fresh = fact("boats", "2024-03-01"), fact("tents", "2024-03-20")  # "boats" sorts first by its words
    assert sorted([stale, fresh], key=analyst_order) == [fresh, stale]


def test_a_lone_report_of_a_past_incident_named_by_its_day_is_no_briefing_question():
    from dataclasses import replace

    from dateline.views.brief import StoryNames, story_first

    (lone,) = _facts(1)
    aside = replace(lone, question="How many soldiers were hurt in the rocket attack on March 3?")
    toll = replace(lone, question="How many soldiers were hurt in Leeds?")
    names = StoryNames(frozenset({"leeds"}), frozenset())
    assert story_first([aside, toll], names) == (toll,)
    carried = replace(aside, values=tuple(replace(v, source_keys=("a", "b")) for v in aside.values))
    assert story_first([carried], names) == (carried,)  # two sources report it: the story's own incident
