"""Event mentions linked across documents (hand-built mentions, no model)."""

import pytest

from dateline.link.events import EventMention, compatible, event_kind, link_events


def _m(doc, start, lemma, time=None, place=None, who=()):
    return EventMention(doc, start, start + 5, lemma, lemma, tuple(who), place, time)


@pytest.mark.parametrize(
    ("lemma", "classes", "kind"),
    [
        ("announcement", None, "announce"),
        ("announce", None, "announce"),
        ("statement", {"state": "say", "announce": "announce"}, "say"),
        ("quake", None, "quake"),
        ("ring", None, "ring"),  # too short to strip "-ing"
        ("earthquake", None, "quake"),
        ("killing", None, "die"),
        ("deaths", None, "die"),
        ("injuries", None, "injure"),
        ("checks", None, "check"),
        ("crisis", None, "crisis"),
        ("fire", {"fire": "dismiss"}, "dismiss"),
    ],
    ids=["noun-stem", "verb", "class", "plain", "short-word", "synonym", "synonym-stem", "plural-synonym",
         "plural-ies", "plural", "not-plural", "classes-override-lexicon"],
)
def test_event_kind(lemma, classes, kind):
    assert event_kind(lemma, classes) == kind


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_m("x", 0, "strike", "2021-03-01"), _m("y", 0, "strike", "2021-03-01"), True),
        (_m("x", 0, "strike", "2021-03-01"), _m("y", 0, "strike", "2021-03-04"), False),
        (_m("x", 0, "strike", "2021-03"), _m("y", 0, "strike", "2021-03-04"), True),
        (_m("x", 0, "strike"), _m("y", 0, "strike", "2021-03-04"), True),
    ],
    ids=["same-day", "other-day", "month-contains-day", "undated"],
)
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected


def test_announcements_on_the_same_day_are_one_event_across_documents():
    friday = _m("a", 10, "announcement", "2024-09-27", who=["US"])
    dated = _m("b", 40, "announce", "2024-09-27", who=["Iraq"])
    later = _m("c", 5, "announce", "2024-10-03")
    events = link_events([friday, dated, later])
    assert [len(e.mentions) for e in events] == [2, 1]
    assert events[0].time == "2024-09-27" and set(events[0].participants) == {"US", "Iraq"}


def test_mentions_in_different_stories_never_join():
    a, b = _m("a", 0, "earthquake"), _m("b", 0, "earthquake")
    assert len(link_events([a, b], stories={"a": "s1", "b": "s2"})) == 2
    assert len(link_events([a, b], stories={"a": "s1", "b": "s1"})) == 1


def test_linking_is_incremental():
    first = link_events([_m("a", 0, "flood"), _m("b", 0, "flood")])
    more = link_events([_m("a", 0, "flood"), _m("b", 0, "flood"), _m("c", 0, "rescue")])
    assert more[: len(first)] == first


@pytest.mark.parametrize(
    ("lemmas", "sizes"),
    [
        (["driving", "drive"], [2]),
        (["quake", "temblor", "earthquake"], [3]),
        (["say", "say"], [1, 1]),
    ],
    ids=["stem-meets-verb", "synonyms", "sayings-stay-apart-across-articles"],
)
def test_kinds_link_across_articles(lemmas, sizes):
    events = link_events([_m(f"doc{i}", 0, lemma) for i, lemma in enumerate(lemmas)])
    assert [len(e.mentions) for e in events] == sizes


def test_sayings_never_link_even_inside_one_article():
    assert [len(e.mentions) for e in link_events([_m("a", 0, "say"), _m("a", 50, "say")])] == [1, 1]
