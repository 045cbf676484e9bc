"""The briefing: the state of a story as of a date, every statement cited.

It holds what was published by then: how many articles from which outlets
(articles no outlet is known for are counted apart, never named by id), each
fact's current value with its reason and history, the open disputes, and the
latest timeline entries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.jsonable import parse_day
from dateline.link.current import last_reported, with_current
from dateline.link.facttypes.count_incident import INCIDENT_DAY
from dateline.model import DONE, Fact, TimelineEntry
from dateline.store import Store
from dateline.views.stories import resolve_story, scope_facts, scope_meta
from dateline.views.timeline import Timeline, last_day, story_timeline

LATEST_ENTRIES = 8
SHOWN_FACTS = 12  # a briefing's text lists the most reported facts; the ledger has them all


@dataclass(frozen=True)
class Briefing:
    story: str
    title: str
    as_of: date | None
    documents: int
    outlets: tuple[str, ...]
    undated: int
    facts: tuple[Fact, ...]
    disputed: tuple[Fact, ...]
    latest: tuple[TimelineEntry, ...]
    unknown_outlet: int = 0  # articles no metadata, URL, credit or masthead names an outlet for
    outlet_articles: tuple[tuple[str, int], ...] = ()  # (outlet, articles), most first
    guessed: int = 0  # articles whose date was borrowed from others or inferred with low confidence


def brief(
    store: Store, story: str | None = None, *, as_of: date | None = None, timeline: Timeline | None = None
) -> Briefing:
    """The briefing; `timeline` is the story's timeline as of the same date when the caller has it already."""
    found = resolve_story(store, story)  # a story, or a topic: every story of it
    docs = scope_meta(store, found).values()
    days = [parse_day(d["published"]) for d in docs]
    visible = [d for d, day in zip(docs, days) if as_of is None or (day or date.max) <= as_of]
    facts = tuple(sorted(
        (f for f in (with_current(f, as_of) for f in scope_facts(store, found)) if f.values), key=analyst_order
    ))
    facts = story_first(facts, story_names(store, [d["id"] for d in visible]))  # asides of one article left out
    day = as_of or max(filter(None, days), default=None)
    facts = tuple(f for f in facts if not overdue(f, day))
    timeline = timeline or story_timeline(store, found.id, as_of=as_of)
    return Briefing(
        story=found.id,
        title=found.title,
        as_of=as_of,
        documents=len(visible),
        outlets=tuple(sorted({d["outlet"] for d in visible if d["outlet"]})),
        undated=sum(1 for day in days if day is None),
        facts=facts,
        disputed=tuple(f for f in facts if f.disputed),
        latest=timeline.entries[-LATEST_ENTRIES:],
        unknown_outlet=sum(1 for d in visible if not d["outlet"]),
        outlet_articles=outlet_counts(d["outlet"] for d in visible),
        guessed=sum(1 for d in visible if d["published"] and _guessed(d)),
    )


def _guessed(meta: dict) -> bool:
    """A date the article does not state: borrowed from other articles, or inferred with low confidence."""
    return meta["published_method"] == "corpus" or (
        meta["published_method"] == "inferred" and (meta["published_confidence"] or 0) < 0.5)


def analyst_order(fact: Fact) -> tuple:
    """What an analyst reads first: the questions most independent sources report, then those whose answer
    changed most often, then the disputed ones, then those whose current answer was reported last (a figure
    still being given is more alive than one no report has repeated for weeks)."""
    changes = sum(1 for v in fact.values if v.relation in ("update", "contradict", "deny"))
    return (-_sources(fact), -changes, not fact.disputed, -_last_told(fact), fact.question)


def _last_told(fact: Fact) -> int:
    """The day the current value was last reported, as an ordinal (the least when it has none or is undated)."""
    current = next((v for v in fact.values if v.value == fact.current), None)
    return last_reported(current).toordinal() if current is not None else date.min.toordinal()


OWN_NAME_SHARE = 4  # a name in at least 1 in 4 of the story's articles is one of the story's own
OWN_LABELS = ("GPE", "PERSON", "ORG", "FAC", "LOC")


PLACE_LABELS = ("GPE", "FAC", "LOC")


@dataclass(frozen=True)
class StoryNames:
    """The names a briefing weighs its questions by, in lower case."""

    own: frozenset[str]  # the story's own places, people and organisations
    not_places: frozenset[str]  # names its articles only ever tag as people or organisations
    people: frozenset[str] = frozenset()  # every name its articles tag as a person


def story_names(store: Store, doc_ids: Sequence[str]) -> StoryNames:
    """The story's own places, people and organisations: the names at least one article in
    `OWN_NAME_SHARE` mentions (all of a first article's), with a person's surname ("Murray"); and the
    names never tagged as a place, so "lent to American International Group?" is asked of no place."""
    counts: Counter[str] = Counter()
    places, others, people = set(), set(), set()
    for names in store.entity_names(doc_ids).values():
        own = {n for n, label in names if label in OWN_LABELS}
        counts.update(own | {n.split()[-1] for n in own})  # with a surname: "Murray" of "Conrad Murray"
        places.update(n.lower() for n, label in names if label in PLACE_LABELS)
        others.update(n.lower() for n, label in names if label in OWN_LABELS and label not in PLACE_LABELS)
        people.update(n.lower() for n, label in names if label == "PERSON")
    floor = max(1, len(doc_ids) / OWN_NAME_SHARE)
    own = frozenset(n.lower() for n, k in counts.items() if k >= floor and len(n) >= 4)
    return StoryNames(own, frozenset(others - places), frozenset(people))


def story_first(facts: Sequence[Fact], names: StoryNames) -> tuple[Fact, ...]:
    """The facts a briefing shows, in its order: first those of the story, each carried by two or more
    independent sources or asked about one of the story's own places or people (`story_names`); then the
    other single-source facts, each group in `analyst_order`. A question asked of a place that is not the
    story's is an aside, left out of the briefing, unless two or more independent sources carry it and the
    story asks the same of its own places ("How many cases in Canada?" beside "How many cases in Mexico?"
    in a pandemic). So "How many people have died in Haiti?" in a story of Michael Jackson's death, or "How
    many people have died in Mexico?" in the financial crisis, stay in the ledger (`dateline facts`) only.
    So does a question one source asks of a person who is none of the story's own people (`_passerby`), or of
    one past incident it names by its day ("How many US troops have been injured in the attack on August 5?":
    one report's background, `_INCIDENT_BY_DAY`)."""
    own_asks = {_ask(f.question) for f in facts if not _elsewhere(f, names)}
    shown = [f for f in facts if (not _elsewhere(f, names) or (_sources(f) >= 2 and _ask(f.question) in own_asks))
             and not (_sources(f) < 2 and (_passerby(f, names) or _INCIDENT_BY_DAY.search(f.question)))]
    return tuple(sorted(shown, key=lambda f: not (_sources(f) >= 2 or _names_own(f.question, names.own))))


OVERDUE_DAYS = 7  # a plan's day a week gone with no report that it happened is no open question


def overdue(fact: Fact, day: date | None) -> bool:
    """A plan ("When will ...?") whose current date, at its own precision, ended more than `OVERDUE_DAYS`
    before `day` with no report that it was done: the briefing leaves it out (its answer is stale, not
    current); the ledger keeps it. Scheduled days of other kinds (a trial's start) stay: passed, they are
    when it happened."""
    if fact.type != "when" or day is None or fact.current is None:
        return False
    current = next((v for v in fact.values if v.value == fact.current), None)
    if current is None or current.role == DONE:
        return False
    return last_day(fact.current.lstrip("<>=")) < (day - timedelta(days=OVERDUE_DAYS)).isoformat()


# a count's question scoped to one incident by its day: "... in the attack on August 5?", "in the 5 August attack?"
_INCIDENT_BY_DAY = re.compile(rf"\bin the [^?]*\b{INCIDENT_DAY}(?![\w.])[^?]*\?$")
_PLACE_ASKED = re.compile(r"\b(?:in|to|from) (?:the )?(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)\?$")


def _elsewhere(fact: Fact, names: StoryNames) -> bool:
    """The question is asked of a place ("... in Haiti?") that is none of the story's own. Money given "to"
    someone ("How much has been lent to American International Group?") goes to a party, not a place."""
    asked = _PLACE_ASKED.search(fact.question)
    if asked is not None and fact.type == "amount" and asked.group(0).startswith("to "):
        return False
    place = asked.group("place").lower() if asked else None
    return place is not None and place not in names.own and place not in names.not_places


def _passerby(fact: Fact, names: StoryNames) -> bool:
    """The question names a person, and no person it names in full is one of the story's own: a relative, a
    bystander or a figure of the background ("What is Richard Nixon's status?" in a story of a death; a
    suspect's mother, who shares his surname)."""
    named = _capitalised_spans(fact.question) & names.people
    whole = [p for p in named if not any(p != q and f" {p} " in f" {q} " for q in named)]  # "Yolanda Gigante", not "Gigante"
    return bool(whole) and not any(p in names.own for p in whole)


def _capitalised_spans(question: str) -> set[str]:
    """Every run of up to four capitalised words of the question after its first, in lower case: the names it
    may ask of ("Brian Nichols", "Nichols")."""
    words = [w.strip(".'’") for w in re.findall(r"[\w.'’-]+", re.sub(r"['’]s\b", "", question))][1:]
    caps = [i for i, w in enumerate(words) if w[:1].isupper()]
    return {" ".join(words[i:j]).lower() for i in caps for j in range(i + 1, min(i + 5, len(words) + 1))
            if all(w[:1].isupper() for w in words[i:j])}


def _ask(question: str) -> str:
    """The question without the place it is asked of: "How many cases have been reported?"."""
    return _PLACE_ASKED.sub("", question.replace(" worldwide?", "?")).rstrip(" ?") + "?"


def _sources(fact: Fact) -> int:
    return len({k for v in fact.values for k in (v.source_keys or v.outlets)})


def _names_own(question: str, names: frozenset[str]) -> bool:
    words = question.lower()
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", words) for n in names)


def outlet_counts(outlets: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    """(outlet, articles) for the named outlets, most articles first; articles without one are left out."""
    counts = Counter(o for o in outlets if o)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
