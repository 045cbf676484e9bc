"""Plans and deadlines: "When will the coalition mission in Iraq end?".

Value: a date at its precision, or a bound (">=2028-09"). Scope: the event class
(end, begin, continue), the place, and the phase ("remaining forces"). Observed
from claims of the end, start, continue and delay classes with a deadline, end or
start time; postponements revise or shift the standing value (see
`link/observations.py: from_claim`). Relation: the general rule.

What the question is about is the claim's actor or thing, trimmed to its head and
modifiers (`subject_phrase`): "all U.S. forces" -> "U.S. forces", "the coalition
forces' occupation of the oil-rich areas of neighboring Syria" -> "the coalition
forces' occupation of Syria". A verb of leaving takes its subject ("troops may
depart Iraq": the troops, not Iraq); an event noun its object ("the withdrawal of
the coalition forces"). The verb comes from the plan's class, not from the
article's wording: an actor (troops, a country) leaves, begins to withdraw, stays;
a thing (a mission, a programme) ends, begins, continues. Left out, as no plan: a
date before the year before the article's ("from 2004", "1800" in a 2008 story),
and a subject no reader can place (a pronoun, "any chance", `[plan] vague`); a claim
told as done with no future, modal or plan wording in its own clause ("the first
flights left Air Base 101 on Thursday", `_done`); a denial that says nothing of
timing ("a delay in vaccine is not a real cause for concern"). A
month-precise plan whose exact day is written in a nearby sentence ("to the end of
October" ... "the new working target was Oct. 31") takes that day.

A plan reported done ("the last American troops left Niger on Monday", "completed its
withdrawal", "handed over the last base", "marking the end of the US military presence",
"the mission ended"), in the past tense and on or before its article's day, is a value of
the plan (`done_reports`, `[plan.done]`): "done: left on 5 August 2024", the day it
happened, else the article's day as a bound ("done: left by 6 August 2024", which agrees
with any done day before it). It joins the plan facts of its place that it closes (`closes`:
an actor's leaving closes a plan of an actor or of leaving; a thing's ending a plan about
that thing) and never asks a question of its own; the ledger makes it an update that
supersedes every pending deadline (`link/facts.py`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline import model
from dateline.link.facttypes.base import GeneralRule, citation, entities_in, lexicon, words_pattern
from dateline.link.observations import CALENDAR, Observation, Source, from_claim, participle, readable_time
from dateline.model import DONE_MARK, AnnotatedDocument, Claim, Sentence, is_done
from dateline.resources import load_table

_WORD = re.compile(r"[a-z]{3,}")
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "he", "she", "we", "which", "who", "them",
                       "i", "you", "one", "some", "others", "all", "both", "each", "any"})
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_LEADING = frozenset({"a", "an", "the", "all", "some", "any", "many", "most", "several", "both", "each", "every",
                      "about", "around", "roughly", "nearly", "almost", "more", "than", "fewer", "less",
                      "hundreds", "thousands", "dozens", "tens", "scores", "of", "remaining", "rest", "last", "final",
                      "first", "initial", "second", "certain", "other", "further", "additional"})
_CUT = re.compile(r"^(of|in|at|for|from|to|on|with|by|into|out|over|under|near|after|before|during|since|that|"
                  r"which|who|whose|where|when|as|than|and|or|but|[a-z]+ing|[,;:(\"“])$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\d,.]+$|^(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)$",
                     re.IGNORECASE)
_YEAR = re.compile(r"(\d{4})")
_EXACT_CUES = re.compile(r"\b(target|deadline|date|due|by|until|no later than)\b", re.IGNORECASE)
_NEARBY = 4  # sentences after the claim's where an exact day of its month may be written


@dataclass(frozen=True)
class PlanType(GeneralRule):
    name: str = "when"
    value_kind: str = "date"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        anonymous = {a.speaker for a in annotated.attributions if a.anonymous}
        before: Observation | None = None  # the sentence's plan before this one
        for c in annotated.claims:
            obs = from_claim(c, source, citation(annotated, c.start, c.end), c.speaker in anonymous)
            if obs is None or not _in_window(obs.value, source) or (
                    not (obs.denies or obs.revises or obs.shift) and _done(annotated, c)):
                continue  # a denial or a revision of a plan is told as done and stays
            if obs.denies and not _timing_words().search(obs.citation.text):
                continue  # "a delay in vaccine is not a real cause for concern" denies no plan's date
            subject = subject_phrase(annotated, c)
            obs = _exact_day(annotated, c, replace(obs, subject=subject or obs.subject))
            if before is not None and before.citation.start == obs.citation.start:
                obs = _owned_like(obs, before)
            before = obs
            yield obs
        for report in done_reports(annotated, source):
            if not report.site:
                yield _done_observation(annotated, report, source)

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, place, qualifier = key
        subject = _usual_subject(observations)
        if qualifier and qualifier not in subject.lower():
            subject = f"the {qualifier} {subject.removeprefix('the ')}" if subject.startswith("the ") else subject
        verb = _verb(observations, topic, subject)
        if place and place not in subject and verb.split()[-1] in _PLACE_AFTER:
            verb += _PLACE_AFTER[verb.split()[-1]] + _named(place)  # "leave Niger", "withdraw from Iraq"
        if verb.startswith("stay ") or verb in ("continue", "stay"):
            return f"Until when will {subject} {verb}?"
        return f"When will {subject} {verb}?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A plan no reader can place is no question: "When will it end?", "When will the any chance end?"."""
        if all(is_done(o) for o in observations):
            return False  # a thing done with no plan of it asks nothing
        subject = _usual_subject(observations).lower().removeprefix("the ")
        words = subject.split()
        vague = set(lexicon()["plan"]["vague"])
        return bool(words) and words[0] not in _PRONOUNS | _POSSESSIVES | {"any", "no"} and words[-1] not in vague


TYPE = PlanType()
_PLACE_AFTER = {"leave": " ", "withdraw": " from ", "arrive": " in ", "stay": " in "}


def _named(place: str) -> str:
    """A place as a sentence names it: "the United States", "Niger"."""
    return f"the {place}" if place.startswith(("United ", "Republic ", "Democratic Republic")) else place


def _owned_like(obs: Observation, before: Observation) -> Observation:
    """The rest of a force its sentence has just named takes that force's owner and place: "U.S. troops may
    depart Iraq by September 2025, with the remaining forces to leave by the end of 2026" asks when the
    remaining U.S. forces leave Iraq."""
    words = (obs.subject or "").removeprefix("the ").split()
    owned = (before.subject or "").removeprefix("the ").split()
    actors = _actors()
    if not obs.qualifier or len(words) != 1 or words[0].lower() not in actors or len(owned) < 2 \
            or owned[-1].lower() not in actors:
        return obs
    return replace(obs, subject=f"the {' '.join(owned[:-1])} {words[0]}", place=obs.place or before.place)


def _in_window(value: str, source: Source) -> bool:
    """A plan's date is not long before its article: "from 2004" or "1800" in a 2008 story is history, not a plan."""
    year = _YEAR.match(value.removeprefix(">=").removeprefix("<="))
    if year is None or source.published is None:
        return True
    return int(year.group(1)) >= source.published.year - 1


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s--\s")


def _done(annotated: AnnotatedDocument, c: Claim) -> bool:
    """A claim told as done, with no plan wording in its own clause (from after its subject to the first
    clause break): "The first flights left Air Base 101 on Thursday, officials said, the first step in a
    withdrawal due by mid-September" reports a departure, not a plan of one; the deadline is another
    clause's. "Schools have been closed until 6 May" keeps its plan ("until")."""
    if c.modality != "happened":
        return False
    text = annotated.document.text
    start = c.start
    if c.subject:
        at = text.find(c.subject, c.start, c.end)
        start = at + len(c.subject) if at >= 0 else c.start
    brk = _CLAUSE_BREAK.search(text, start, c.end)
    own = text[start:brk.start() if brk else c.end]
    return not _plan_words().search(own)


@functools.lru_cache(maxsize=1)
def _plan_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["plan"]["plan_words"])


@functools.lru_cache(maxsize=1)
def _timing_words() -> re.Pattern[str]:
    return words_pattern(lexicon()["plan"]["timing_words"])


def subject_phrase(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """What the plan is about, as a question names it: the claim's actor or thing, trimmed to its head.

    A verb of leaving ("depart Iraq", "left Air Base 101") has a place for object: its subject is what
    leaves. Otherwise the object of an event noun or verb ("the withdrawal of troops", "conclude the
    mission"), else the subject.
    """
    words = lexicon()["plan"]
    leaving = (c.predicate or "").lower() in words["leaving_verbs"]
    phrase = c.subject if leaving or not c.object or c.revises else c.object
    if not phrase:
        return None
    return _trim(annotated, c, phrase)


def _trim(annotated: AnnotatedDocument, c: Claim, phrase: str) -> str | None:
    """The phrase's head and its modifiers, with a place after it kept ("the mission in Iraq")."""
    words = phrase.split()
    while words and (words[0].lower() in _LEADING or _NUMBER.match(words[0])):
        words = words[1:]
    possessive = bool(words) and words[0].lower() in _POSSESSIVES
    if possessive:
        words = words[1:]  # "its moratorium": whose is not said; "the moratorium"
    cut = next((i for i, w in enumerate(words) if i >= 1 and _CUT.match(w.strip(",;:"))), len(words))
    if cut < len(words) and words[cut - 1][-1:] in ",;:":
        words[cut - 1] = words[cut - 1].rstrip(",;:")
    head, rest = words[:cut], " ".join(words[cut:])
    if not head:
        return None
    place = _place_in(annotated, c, phrase, rest)
    if place and rest.split()[0].lower() in ("of", "in", "from"):
        head = [*head, rest.split()[0].lower(), place]
    text = " ".join(head).strip(",;:\"“”' ")
    return text if _proper(annotated, c, text) else "the " + text


def _place_in(annotated: AnnotatedDocument, c: Claim, phrase: str, rest: str) -> str | None:
    """The country or place named in the trimmed-off part of the phrase ("of neighboring Syria" -> Syria)."""
    if not rest:
        return None
    text = annotated.document.text
    at = text.find(phrase, c.start, c.end)
    if at < 0:
        return None
    tail = at + len(phrase) - len(rest)
    places = entities_in(annotated, tail, at + len(phrase), ("GPE",))
    return places[-1].text if places else None


def _proper(annotated: AnnotatedDocument, c: Claim, text: str) -> bool:
    """A name that takes no article: a person or a country written as the whole phrase ("Baghdad", "Washington")."""
    if text.lower().startswith("the ") or not text[:1].isupper():
        return text.lower().startswith("the ")
    names = [e for e in entities_in(annotated, c.start, c.end, ("PERSON", "GPE", "ORG", "NORP"))
             if e.text == text]
    return any(not e.text.startswith("United") for e in names)


def _exact_day(annotated: AnnotatedDocument, c: Claim, obs: Observation) -> Observation:
    """A month-precise plan takes the day written for it in a nearby sentence of the same month as the target or
    deadline ("to the end of October" ... "the new working target was Oct. 31")."""
    if not re.fullmatch(r"\d{4}-\d{2}", obs.value):
        return obs
    after = [s for s in annotated.sentences if s.end > c.end][:_NEARBY + 1]
    if not after:
        return obs
    text = annotated.document.text
    for t in annotated.timexes:
        if (after[0].start <= t.start < after[-1].end and t.value.startswith(obs.value + "-")
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)
                and _EXACT_CUES.search(text[max(after[0].start, t.start - 40):t.start])):
            return replace(obs, value=t.value, label=obs.label.replace(readable_time(obs.value), readable_time(t.value)))
    return obs


def _usual_subject(observations: Sequence[Observation]) -> str:
    """The phrase most like all the others: what the reports agree the question is about."""
    observations = [o for o in observations if not is_done(o)] or observations  # what the plan is of, not its end
    subjects = [o.subject for o in observations if o.subject and not o.revises]
    subjects = subjects or [o.subject for o in observations if o.subject] or ["it"]
    bags = [set(_WORD.findall(s.lower())) for s in subjects]
    best = max(
        range(len(subjects)),
        key=lambda i: (sum(len(bags[i] & other) for other in bags), -len(subjects[i])),
    )
    phrase = subjects[best]
    return phrase[:1].lower() + phrase[1:] if phrase.startswith("The ") else phrase


def _verb(observations: Sequence[Observation], topic: str, subject: str) -> str:
    """The verb of the plan's class: an actor leaves (or withdraws), begins to withdraw, stays; a thing ends,
    begins, continues. A plan that lasts until a date ("schools closed until 6 May") stays in its state."""
    words = lexicon()["plan"]
    observations = [o for o in observations if not is_done(o)] or observations
    predicates = Counter(o.predicate for o in observations if o.predicate and not o.revises)
    usual = predicates.most_common(1)[0][0].lower() if predicates else ""
    if usual in words["lasting_verbs"] and all(o.label.startswith("until ") for o in observations
                                               if o.label and not o.denies):
        return "stay " + participle(usual)
    if not _actor(subject):
        return {"end": "end", "begin": "begin", "continue": "continue"}.get(topic, topic)
    action = words["event_verbs"].get(usual, usual if usual in words["leaving_verbs"] else "")
    if topic == "begin":
        return f"begin to {action}" if action in ("withdraw", "leave", "pull out", "draw down") else "arrive"
    if topic == "continue":
        return "stay"
    return "withdraw" if action == "withdraw" else "leave"


@functools.cache
def _actors() -> frozenset[str]:
    """Heads of a subject that can leave, arrive or stay (`[plan] actors`)."""
    return frozenset(lexicon()["plan"]["actors"])


def _actor(subject: str) -> bool:
    """Who can leave: people, forces, a country or organisation (a name), not a mission or a programme."""
    words = re.sub(r"\s+(of|in|from)\s+.*$", "", subject.removeprefix("the ")).split()  # "the mission in Iraq"
    if not words:
        return False
    head = words[-1].lower().replace("’", "'")
    if head in _actors() or head.rstrip("s") in _actors():
        return True
    return words[-1][:1].isupper() and head not in set(lexicon()["plan"]["things"])


# --- a plan done -----------------------------------------------------------------------

DONE = DONE_MARK  # a done value's label starts so: "done: left on 5 August 2024"
LEFT, ENDED = "left", "ended"  # an actor left (troops, a presence, a withdrawal); a thing ended (a mission)


@dataclass(frozen=True)
class DoneReport:
    """A sentence telling a planned departure or ending as done."""

    start: int
    end: int  # the done words ("the last American troops left")
    verb: str  # LEFT or ENDED
    subject: str  # what left or ended, as written ("the American military presence")
    owner: str | None  # whose, as `[affiliations]` of quantities.toml names it ("US"), from the words or before them
    place: str | None  # the country its clause names after the words ("left Niger"), else None
    site: bool  # a base or a town is left ("left the base"): no plan or level of the country is done
    day: str  # when it happened
    stated: bool  # the day is written; else it is the article's day, a bound ("done by then")


def done_reports(annotated: AnnotatedDocument, source: Source) -> list[DoneReport]:
    """The sentences of an article that tell a plan as done, at most one report each (its first done words)."""
    text = annotated.document.text.replace("’", "'")
    reports = []
    for sentence in annotated.sentences:
        for m in sorted(_done_matches(text, sentence), key=lambda pair: pair[0].start()):
            report = _done_report(annotated, text, sentence, m, source)
            if report is not None:
                reports.append(report)
                break
    return reports


def _done_matches(text: str, sentence: Sentence) -> Iterable[tuple[re.Match[str], str]]:
    for pattern, verb in _done_patterns():
        for m in pattern.finditer(text, sentence.start, sentence.end):
            yield m, verb


def _done_report(annotated: AnnotatedDocument, text: str, sentence: Sentence, found: tuple[re.Match[str], str],
                 source: Source) -> DoneReport | None:
    m, verb = found
    clause_end = _done_clause_end(text, m.end(), sentence.end)
    if not _told_as_done(text, sentence, m, clause_end):
        return None
    day = _done_day(annotated, text, sentence, m, clause_end, source)
    if day is None:
        return None
    place, site = _done_place(annotated, text, m, clause_end)
    owner = _owner(m.group("what")) or _owner(text[sentence.start:m.start()])
    return DoneReport(start=m.start(), end=m.end(), verb=verb, subject=_owned(m.group("what"), owner), owner=owner,
                      place=place, site=site and not m.group().lower().startswith("handed"), day=day[0],
                      stated=day[1])


def _owned(what: str, owner: str | None) -> str:
    """What left or ended, with its owner when the words leave it to their sentence ("its mission", in "the UK
    team ended its mission": "the UK mission")."""
    words = what.split()
    if owner is None or _owner(what):
        return " ".join(words)
    if words and re.fullmatch(_DETERMINERS, words[0], re.IGNORECASE):
        words = words[1:]
    return " ".join(["the", owner, *words])


def _told_as_done(text: str, sentence: Sentence, m: re.Match[str], clause_end: int) -> bool:
    """Done, not planned, wished, denied or partial: no plan wording or doubt before the words in their sentence
    ("once the last troops have left"), no part among them ("the first phase of its withdrawal"), no modal in
    their clause after them."""
    words = lexicon()["plan"]["done"]
    before = text[sentence.start:m.start()]
    if _plan_words().search(before) or _done_words("not_done").search(before):
        return False
    if _done_words("partial").search(m.group()):
        return False
    return not words_pattern(words["modal_after"]).search(text[m.end():clause_end])


def _done_clause_end(text: str, start: int, end: int) -> int:
    """Where the clause of the done words ends: a clause break, or a word opening another clause (a relative
    clause has its own time: "completing a withdrawal that Niamey demanded in March")."""
    brk = _CLAUSE_BREAK.search(text, start, end)
    opener = _done_words("clause_end").search(text, start, end)
    return min(x.start() for x in (brk, opener) if x) if (brk or opener) else end


def _done_day(annotated: AnnotatedDocument, text: str, sentence: Sentence, m: re.Match[str], clause_end: int,
              source: Source) -> tuple[str, bool] | None:
    """The day it happened, written in its clause after the words or before them in the sentence's first clause or
    their own ("on Monday ... handed over ..., marking the end"), with whether it is written; a date to come is
    the plan's, not this; a date long before the article is history (None); else the article's day, a bound."""
    if source.published is None:
        return None
    main_end = (_CLAUSE_BREAK.search(text, sentence.start, m.start()) or m).start()
    after = [t for t in annotated.timexes if m.end() <= t.start < clause_end]
    before = [t for t in annotated.timexes if sentence.start <= t.start and t.end <= m.start()
              and (t.end <= main_end or not _CLAUSE_BREAK.search(text, t.end, m.start()))]
    published = source.published.isoformat()
    for t in [*after, *reversed(before)]:
        if not CALENDAR.match(t.value) or t.value.startswith(">=") or t.value > published[:len(t.value)]:
            continue
        return (t.value, True) if _in_window(t.value, source) else None
    return published, False


def _done_place(annotated: AnnotatedDocument, text: str, m: re.Match[str], clause_end: int) -> tuple[str | None, bool]:
    """The country left, named in the words' clause after a word of leaving ("left Niger", "withdrawal from
    Iraq"), and whether a site is what was left instead ("left the base", "left Agadez")."""
    countries = set(lexicon()["count"]["countries"])
    named = [(e.start, e.canonical) for e in entities_in(annotated, m.start(), clause_end, ("GPE",))]
    named += [(c.start(), c.group()) for c in _countries().finditer(text, m.start(), clause_end)]  # a tagger's miss
    for start, name in sorted(named):
        if _FROM.search(text[max(0, start - 30):start]):
            return (name, False) if name in countries else (None, True)
    return None, bool(_done_words("site_words").search(text[m.end():clause_end]))


_FROM = re.compile(r"\b(?:from|in|out of|left|departed|exited|quit|leave)\s+(?:the\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _countries() -> re.Pattern[str]:
    names = sorted(map(re.escape, lexicon()["count"]["countries"]), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(names) + r")(?![\w])")


def _owner(text: str) -> str | None:
    """Whose troops the words name ("American", "U.S.", "the United States" -> "US"), the first named."""
    found = _affiliations().search(text)
    return _affiliation_names()[found.group().lower()] if found else None


@functools.lru_cache(maxsize=1)
def _affiliation_names() -> dict[str, str]:
    return {alias: name for name, aliases in load_table("quantities")["affiliations"].items() for alias in aliases}


@functools.lru_cache(maxsize=1)
def _affiliations() -> re.Pattern[str]:
    alternatives = sorted(map(re.escape, _affiliation_names()), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


@functools.cache
def _done_words(name: str) -> re.Pattern[str]:
    return words_pattern(lexicon()["plan"]["done"][name])


_DETERMINERS = r"(?:the|its|their|his|her|our|a|an|this)"
_MODS = rf"(?:(?!{_DETERMINERS}\s)[\w.'-]+\s+){{0,3}}?"  # up to three modifiers ("American military"), no determiner
_DET = rf"(?:{_DETERMINERS}\s+)?"
_GAP = r"(?:(?:in|of|to|for|at|from|on)\s+[\w.'-]+\s+(?:[\w.'-]+\s+)?){0,2}"  # "of U.S. forces from Niger"
_NOT_ON = r"\b(?!\s+(?:for|behind|over|open)\b)"  # "left for Agadez", "left behind": no departure of all


@functools.lru_cache(maxsize=1)
def _done_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Done words of general news usage, each with what it tells: an actor left, or a thing ended."""
    w = {k: _alternatives(v) for k, v in lexicon()["plan"]["done"].items()}
    troops = rf"{_MODS}(?:{w['troops']})"
    left = rf"(?:(?:have|has|had)\s+)?(?:(?:now|finally|officially|all|also)\s+)?(?:{w['left']}){_NOT_ON}"
    remain = r"(?:(?:now|longer)\s+)?(?:remain|remained|are\s+left|were\s+left|are\s+(?:stationed|based|deployed))\b"
    leaving, things = f"(?:{w['events']}|{w['presence']})", f"(?:{w['things']})"
    end_of = rf"\b(?:{w['end_of']})\s+(?:an?\s+|the\s+)?end\s+(?:to|of)\s+"
    completed = r"(?:was|is|has\s+been|had\s+been)\s+(?:now\s+|officially\s+|formally\s+|fully\s+)?(?:completed|complete|finished|over)\b"
    ended = r"(?:(?:has|had)\s+)?(?:officially\s+|formally\s+)?(?:ended|came\s+to\s+an\s+end|concluded|was\s+over|is\s+over)\b"
    last_site = rf"(?:the|its|their)\s+(?:last|final)\s+(?:remaining\s+)?(?:of\s+(?:the|its|their)\s+)?{_MODS}(?:{w['sites']})"
    patterns = [
        (rf"\b(?P<what>(?:the\s+)?(?:last|final|remaining)\s+(?:of\s+(?:the|its|their)\s+)?{troops})\s+{left}", LEFT),
        (rf"\b(?P<what>all\s+(?:of\s+)?{_DET}{troops})\s+(?:and\s+(?:[\w-]+\s+){{1,3}}?)?{left}", LEFT),  # "and equipment"
        (rf"\b(?P<what>no\s+(?:more\s+|other\s+)?{troops})\s+{remain}", LEFT),
        (rf"\b(?:{w['complete']})\s+(?P<what>{_DET}{_MODS}{leaving})\b", LEFT),  # "completed its withdrawal"
        (rf"\b(?:{w['complete']})\s+(?P<what>{_DET}{_MODS}{things})\b", ENDED),  # "ended its mission"
        (rf"{end_of}(?P<what>{_DET}{_MODS}{leaving})\b", LEFT),  # "marking the end of the US presence"
        (rf"{end_of}(?P<what>{_DET}{_MODS}{things})\b", ENDED),
        (rf"\b(?P<what>{_DETERMINERS}\s+{_MODS}(?:{w['events']}))\s+{_GAP}{completed}", LEFT),  # "the pullout was over"
        (rf"\b(?P<what>{_DETERMINERS}\s+{_MODS}{things})\s+{_GAP}{ended}", ENDED),  # "the mission in Iraq ended"
        (rf"\bhanded\s+over\s+(?P<what>{last_site})\b", LEFT),
    ]
    return tuple((re.compile(p, re.IGNORECASE), verb) for p, verb in patterns)


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(words, key=len, reverse=True))


def _done_observation(annotated: AnnotatedDocument, report: DoneReport, source: Source) -> Observation:
    when = readable_time(report.day)
    said = (("on " if len(report.day) == 10 else "in ") if report.stated else "by ") + when
    return Observation(ask="when", topic="end", place=report.place, qualifier="", kind="date", value=report.day,
                       label=f"{DONE}{report.verb} {said}", role=model.DONE, source=source,
                       citation=citation(annotated, report.start, report.end), subject=report.subject,
                       modality="happened", predicate=report.verb, bound="" if report.stated else "<=")


def closes(key: tuple[str, str, str, str], observations: Sequence[Observation], done: Observation) -> bool:
    """Whether a plan done answers the plan fact of this key: one of ending (not of a beginning), of no other owner
    than the done's, and whose plan is an actor's or one of leaving ("When will the United States leave?") for an
    actor's leaving (troops, a presence, a withdrawal), or whose reports name the thing for a thing's ending
    ("the mission ended")."""
    plans = [o for o in observations if not is_done(o) and not o.denies and o.value]
    if key[1] != done.topic or not plans:
        return False
    owner, planned = _owner(done.subject or ""), _owner(_usual_subject(plans))
    if owner and planned and owner != planned:
        return False  # "the UK team ended its mission" closes no UN mission
    if done.predicate == ENDED:
        head = (done.subject or "").lower().split()[-1:]
        return bool(head) and any(head[0] in _WORD.findall((o.subject or "").lower()) for o in plans)
    words = lexicon()["plan"]
    leaving = set(words["leaving_verbs"]) | set(words["event_verbs"])
    return _actor(_usual_subject(plans)) or any((o.predicate or "").lower() in leaving for o in plans)
