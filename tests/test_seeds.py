"""The mission's seed story end to end (skipped when ../shared/seeds is absent).

Assertions are on properties, never on copied article text: the seed texts
belong to their publishers.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from dateline.link.current import with_current
from dateline.store import Store

DATED = {"000": date(2025, 1, 10), "001": date(2024, 7, 23)}
UNDATED = {"002": date(2024, 9, 27), "003": date(2024, 8, 8), "004": date(2024, 9, 27)}
FURNITURE = ("Related Articles", "Leave a Reply", "Adblock Detected", "Back to top", "Latest stories",
             "Read more", "READ MORE", "logo")


def docs_by_prefix(store: Store) -> dict:
    return {d.source.rsplit("/", 1)[-1][:3]: d for d in store.documents()}


@pytest.mark.parametrize("prefix, day", DATED.items(), ids=DATED.keys())
def test_dated_seeds_are_dated_exactly(seed_db, prefix, day):
    with Store(seed_db) as store:
        doc = docs_by_prefix(store)[prefix]
    assert doc.published.value == day and doc.published.method in ("metadata", "dateline")


@pytest.mark.parametrize("prefix, day", UNDATED.items(), ids=UNDATED.keys())
def test_undated_seeds_are_inferred_within_a_few_days(seed_db, prefix, day):
    with Store(seed_db) as store:
        doc = docs_by_prefix(store)[prefix]
    assert doc.published.value is not None, doc.published.reason
    assert abs((doc.published.value - day).days) <= 3, doc.published.reason
    assert doc.published.method in ("inferred", "corpus") and len(doc.published.reason) > 20


def test_site_furniture_is_absent_from_clean_text(seed_db, seeds_dir):
    with Store(seed_db) as store:
        for prefix, doc in docs_by_prefix(store).items():
            lines = {line.strip() for line in doc.text.splitlines()}
            assert not lines & set(FURNITURE), (prefix, lines & set(FURNITURE))
            raw = (seeds_dir / doc.source.rsplit("/", 1)[-1]).read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(raw[:-1]):
                if re.match(r"(?i)^\s*read more\s*$", line):
                    follower = next(x for x in raw[i + 1:] if x.strip())
                    assert follower.strip() not in lines, (prefix, "related headline kept")


def test_the_troop_count_is_one_fact_agreed_by_all_five(seed_db):
    with Store(seed_db) as store:
        facts = store.facts()
    counts = [f for f in facts if re.search(r"how many us troops are in iraq", f.question, re.I)]
    assert len(counts) == 1, [f.question for f in facts]
    top = max(counts[0].values, key=lambda v: len(v.documents))
    assert top.value == "2500" and len(top.documents) == 5
    assert all(v.relation in ("first", "agree") for v in counts[0].values if v.value == "2500")


def test_the_mission_end_is_one_fact_updated_by_the_postponement(seed_db):
    with Store(seed_db) as store:
        facts = store.facts()
    ends = [f for f in facts if any(v.value == "2025-09" for v in f.values)
            and any(v.value.startswith(">=2028") for v in f.values)]
    assert len(ends) == 1, [(f.question, [v.value for v in f.values]) for f in facts]
    fact = ends[0]
    newest = fact.values[-1]
    assert newest.value.startswith(">=2028") and newest.relation == "update"
    assert "2025-09" in newest.contradicts and fact.disputed
    before = with_current(fact, date(2024, 10, 1))
    assert before.current == "2025-09"
    after = with_current(fact, date(2025, 1, 31))
    assert after.current.startswith(">=2028") and after.disputed


def test_not_a_withdrawal_statements_are_attributed(seed_db):
    with Store(seed_db) as store:
        attributions = [a for d in store.documents() for a in store.layer("attributions", d.id)]
    denials = [a for a in attributions if re.search(r"not (a )?withdraw", a.content, re.I)]
    speakers = {a.speaker for a in denials}
    assert any(a.anonymous and "official" in a.speaker.lower() for a in denials), speakers
    assert any("Sabrina Singh" in a.speaker for a in denials), speakers


def test_diff_since_september_shows_the_two_phase_plan_and_the_postponement(seed_db):
    from dateline.views.diff import diff

    with Store(seed_db) as store:
        changes = diff(store, since=date(2024, 9, 1))
    assert any(re.search(r"two-phase", e.text) for e in changes.new_entries), [e.text for e in changes.new_entries]
    assert any(c.value.value.startswith(">=2028") and c.value.relation == "update" for c in changes.changed)
    assert any(c.value.value.startswith(">=2028") for c in changes.new_disputes)


def test_brief_as_of_cites_the_sources_of_the_current_value(seed_db):
    from dateline.views.brief import brief

    with Store(seed_db) as store:
        before = brief(store, as_of=date(2024, 10, 1))
    end = next(f for f in before.facts if f.current == "2025-09")
    current = next(v for v in end.values if v.value == "2025-09")
    assert len(current.documents) >= 4 and current.citations
    assert all(c.published <= date(2024, 10, 1) for v in end.values for c in v.citations if c.published)
