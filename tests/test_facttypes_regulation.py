"""Rules and regulations (link/facttypes/regulation.py). Articles written here (invented agencies and rules),
run through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.current import with_current
from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from tests.news import annotated_news

DAY = "2024-03-12"

RULES = [
    # a verb of the rule's life before or after it, in its clause; the name from the words before the noun
    ("issued", "The Transport Department issued revised coastal fishing regulations on Tuesday.",
     {("coastal fishing", "issued")}),
    ("an Act's rule", "The agency finalized a rule on Monday that narrows the Clean Harbours Act.",
     {("clean harbours", "issued")}),
    ("took effect", "The coastal fishing rules took effect at midnight, officials said.",
     {("coastal fishing", "in force")}),
    ("put on hold", "A federal judge put on hold the coastal fishing rule on Wednesday.",
     {("coastal fishing", "suspended")}),
    ("struck down", "The appeals court struck down the coastal fishing rules, siding with trawler owners.",
     {("coastal fishing", "revoked")}),
    ("passive", "The coastal fishing regulations were rescinded by the new minister on Friday.",
     {("coastal fishing", "revoked")}),
    ("reinstated", "A higher court reinstated the coastal fishing rule on Thursday.",
     {("coastal fishing", "reinstated")}),
    ("the furthest step", "The minister issued an executive order putting the coastal fishing rules on hold.",
     {("coastal fishing", "suspended")}),
    # not read: a promise, a call, a condition, a denial, a plan to take effect, no name, a story of the past
    ("promised", "The opposition has promised to overturn the coastal fishing rules.", set()),
    ("sued to block", "Trawler owners sued to block the coastal fishing rules.", set()),
    ("could", "Parliament could overturn the coastal fishing rules next year.", set()),
    ("not yet", "The minister has not formally revoked the coastal fishing rules.", set()),
    ("to take effect", "The coastal fishing rules take effect in 30 days.", set()),
    ("no name", "The agency issued new rules on Tuesday.", set()),
    ("the past", "A similar harbour dredging rule was later overturned in court.", set()),
    ("a tool Act", ("Senators may use the Congressional Review Act, which lets Congress void rules issued "
                    "by agencies."), set()),
]


@pytest.mark.parametrize("case, text, expected", RULES, ids=[c[0] for c in RULES])
def test_regulation_wording(case: str, text: str, expected: set) -> None:
    found = {(o.topic, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a) if o.ask == "regulation"}
    assert found == expected


def test_a_bare_rule_is_the_rule_its_article_names_most() -> None:
    text = ("The agency issued revised coastal fishing rules on Tuesday. Trawler owners oppose the coastal fishing "
            "rules. The regulations were suspended by a judge on Friday. The minister proposed new safety rules.")
    found = {(o.topic, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a) if o.ask == "regulation"}
    assert found == {("coastal fishing", "issued"), ("coastal fishing", "suspended")}  # "safety rules" are another


def test_a_revocation_reported_later_is_the_current_state() -> None:
    reports = [("2024-03-12", "The Transport Department issued revised coastal fishing regulations on Tuesday."),
               ("2024-04-02", "The new government revoked the coastal fishing regulations on Tuesday."),
               ("2024-04-09", "The coastal fishing regulations, issued in March, had angered trawler owners.")]
    observations = [o for a in annotated_news(reports) for o in observe(a) if o.ask == "regulation"]
    facts = [f for f in build_facts("s", observations) if f.type == "regulation"]
    assert [f.question for f in facts] == ["What is the state of the coastal fishing rule?"]
    assert with_current(facts[0], None).current == "revoked"
