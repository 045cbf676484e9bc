"""What caused a fire, an explosion or a crash (link/facttypes/incident_cause.py). Articles written here
(invented towns, shops and people), run through the English pipeline."""

from __future__ import annotations

import pytest

from dateline.link.facts import build_facts
from dateline.link.facttypes import observe
from tests.news import annotated_news

DAY = "2024-03-09"

CAUSES = [
    # not known yet
    ("under investigation", "The blaze at the Corner Mart was reported at 2am and is under investigation by police.",
     {("fire", "under investigation")}),
    ("cause not determined", "The cause of the fire has not been determined, a spokesman said.",
     {("fire", "under investigation")}),
    # suspicion, quoted as police word it
    ("treated as potentially suspicious", 'Police are treating the fire as "potentially suspicious".',
     {("fire", "treated as suspicious")}),
    ("a suspicious fire", "A suspicious fire gutted a furniture shop in Millbrook on Friday night.",
     {("fire", "treated as suspicious")}),
    # arson: suspected, then found or charged
    ("arson suspected", "Investigators suspect arson in the fire that destroyed the Millbrook library.",
     {("fire", "suspected arson")}),
    ("deliberately set", "The fire at the Millbrook library was deliberately set, the fire service said.",
     {("fire", "arson")}),
    ("charged with arson", "A man has been charged with arson after a fire at a warehouse in Millbrook.",
     {("fire", "arson")}),
    # a cause stated, and one ruled out
    ("caused by", "The explosion was caused by a gas leak in the basement, the council said.",
     {("explosion", "gas leak")}),
    ("not suspicious", "The fire is not being treated as suspicious, police said.", {("fire", "accidental")}),
    # not read: gunfire, a fire service, a rejected cause, a condition, a cause of something else
    ("opened fire", "Gunmen opened fire on a police patrol, and officers suspect a local gang.", set()),
    ("fire chief", "Fire Chief Dana Moss said the cause of the delay was a broken pump.", set()),
    ("a rejected cause", "It does not look like a fire caused by a cigarette.", set()),
    ("a condition", "If the fire was caused by a heater, the landlord could be fined.", set()),
    ("long ago", "A similar fire two decades ago was blamed on faulty wiring.", set()),
    ("a fire sale", "Buyers snapped up mines in a global fire sale set off by the financial crisis.", set()),
    ("no incident", "The cause of the delay was a signal failure, the rail company said.", set()),
]


@pytest.mark.parametrize("case, text, expected", CAUSES, ids=[c[0] for c in CAUSES])
def test_incident_cause_wording(case: str, text: str, expected: set) -> None:
    found = {(o.topic, o.value) for a in annotated_news([(DAY, text)]) for o in observe(a)
             if o.ask == "incident_cause"}
    assert found == expected


def test_a_cause_found_later_updates_the_investigation_and_names_the_place() -> None:
    reports = [("2024-03-09", "A fire destroyed a bakery in Millbrook overnight and is under investigation."),
               ("2024-03-09", "The blaze at the bakery in Millbrook is being treated as suspicious."),
               ("2024-03-11", "A man has been charged with arson after the fire at a bakery in Millbrook.")]
    observations = [o for a in annotated_news(reports) for o in observe(a)]
    facts = [f for f in build_facts("s", observations) if f.type == "incident_cause"]
    assert [(f.question, f.current) for f in facts] == [("What caused the fire in Millbrook?", "arson")]
    assert [v.relation for v in facts[0].values] == ["first", "update", "update"]
