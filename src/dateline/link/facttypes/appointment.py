"""Appointments: "Who is the Philadelphia 76ers' coach?", "Who will host the Academy Awards?", "Who will direct
New Moon?" (ACE/ERE Personnel.Start-Position and End-Position).

Read from claims (`annotate/claims.py`) whose verb puts a person in a post or takes them out of it
(`data/facttypes.toml [appointment]`): "X was named (as) the new head coach of Y", "Y hired X as ...", "Y
fired X", "X resigned / stepped down as ...", "X replaces Z as ...", "Z was replaced by X"; and, announced,
the post's task itself: "X will host the Oscars", "X will direct the sequel New Moon", "X has been hired to
direct ...". The role is a news position (`roles`) written after the verb or the person ("as the head coach
of the 76ers", "coach for the rest of the season"), or the title an ended holder is written with ("fired Coach
Maurice Cheeks"); a role is no part in a film and no award ("coach of the year"). The scope is the
organisation, event or work of the post: after the role ("of the Philadelphia 76ers"), before it ("the Sixers'
coach"), the organisation that hires or fires, or the work or event the task names; else the one the same
article gives that role. A post with no scope is no question (whose coach?).

Only what happened or is announced counts: a hedged, expected or possible claim ("could be named", "is
expected to direct"), a negated one, and a past post (a year before the article's, "had been named",
"hosted the Oscars in 2007") are left out. A post in government (`[office] titles` with a country) is
asked by `office.py`: an appointment to it done (confirmed, sworn in, appointed) joins that question as a
holder observation; a pick ("named", "tapped") is a nominee, not the holder.

Talks to fill a post are read from the sentence (they are "be" claims, or no clause at all in a headline): "X is
in negotiations to direct the sequel, Catching Fire", "X, in final talks to become head coach", "X is
negotiating to helm ..." is "<surname> (in talks)"; "X pulled out of (the) talks to direct ..." ends them.
Talks told in the past ("was in talks") are over, and are not read.

Value: the person's surname (the label keeps the full name); a holder taken out of the post is the value
"<surname> (left)", labelled with how ("Maurice Cheeks (fired)"). Relation: a succession in time, on the
scale `base.ordered_relation` reads: the step is the report's day, and on one day an ending comes first, then
talks, then an appointment (the successor is named as the holder is fired; talks end in a hiring), so the
newest appointment is current and a firing reported later moves the answer to "X (fired)" until a successor
is named.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.link.facttypes.base import OnScale, alternation, citation, lexicon, person_name, possessive, words_pattern
from dateline.link.facttypes.persons import claim_person, persons_in
from dateline.link.facttypes.proceeding import history
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Claim, Sentence

LEFT = " (left)"  # how an ended holder's value ends
TALKS = " (in talks)"  # how the value of a person in talks for a post ends
_SCOPE = r"(?:[A-Z0-9][\w.&'’-]*)(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z0-9][\w.&'’-]*){0,5}"
_WHEN = ("January|February|March|April|May|June|July|August|September|October|November|December|This|Next|Last"
         "|Year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")  # "February's Oscars" is the Oscars
_NOT_PERSON = ("ORG", "GPE", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW")


@dataclass(frozen=True)
class Reading:
    """One person put in or taken out of a post, as one claim tells it."""

    person: str  # full name
    role: str | None  # the role as written ("head coach"), None until the article gives it
    scope: str | None  # the organisation, event or work, as written
    starts: bool  # True: named, hired; False: fired, resigned, replaced
    how: str  # the verb's lemma ("fire", "step down")
    claim: Claim
    talks: bool = False  # in talks for the post (starts) or out of them (not starts), not yet hired


@dataclass(frozen=True)
class AppointmentType(OnScale):
    name: str = "appointment"
    value_kind: str = "name"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        readings = [r for c in annotated.claims if _counts(annotated, c, source) for r in read_claim(annotated, c)]
        readings += _talks(annotated, source)
        for r in _filled(readings):
            o = _observation(annotated, source, r)
            if o is not None:
                yield o

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        scope = _scope_words(key[2], observations)
        if key[1] == "host":
            return f"Who will host {scope}?"
        if key[1] == "director" and not _is_org(observations):
            return f"Who will direct {scope}?"
        roles = [o.subject for o in observations if o.subject and not o.value.endswith(LEFT)]
        role = max(set(roles), key=lambda r: (roles.count(r), len(r))) if roles else key[1]
        return f"Who is {possessive(scope)} {role}?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """A post with a scope, and someone put in it: a firing alone asks no "who is" ("Who is the Blazers'
        coach?" answered "Cheeks (fired)")."""
        return bool(key[2]) and any(not o.value.endswith(LEFT) for o in observations)


TYPE = AppointmentType()


def read_claim(annotated: AnnotatedDocument, c: Claim) -> list[Reading]:
    """The people a claim puts in or takes out of a post (a succession tells both)."""
    predicate = (c.predicate or "").lower()
    words = lexicon()["appointment"]
    if predicate in words["task_verbs"]:
        return _task(annotated, c, words["task_verbs"][predicate])
    if predicate == "set":
        return _set_to(annotated, c)
    if predicate in words["succession_verbs"]:
        return _succession(annotated, c)
    if predicate in words["start_verbs"] or predicate in words["end_verbs"]:
        return _start_or_end(annotated, c, starts=predicate in words["start_verbs"])
    return []


def _counts(annotated: AnnotatedDocument, c: Claim, source: Source) -> bool:
    """A claim that tells something done or announced now: not hedged, expected or possible, not a past post
    (a year before the article's; in an undated article, any year), not "had been named" or "could be named"."""
    if (c.hedged and not _confirmed(annotated, c)) or c.modality not in ("happened", "planned", "denied"):
        return False
    if c.modality == "denied" and not _declined(c):
        return False
    if history(c.text, source) or (source.published is None and re.search(r"\b(?:19|20)\d\d\b", c.text)):
        return False
    text = annotated.document.text
    sentence = text[c.start:_sentence_end(annotated, c)]
    if re.search(r"\?\W*$", sentence) or re.search(r"\bago\b|\blast\s+(?:year|season)\b", sentence, re.IGNORECASE):
        return False  # asked, not told; a post of a year ago
    verb = _verb(annotated, c)
    before = text[c.start:verb[0]] if verb else c.text
    words = lexicon()["appointment"]["words"]
    if not _declined(c) and re.search(r"\b(?:not|never|no)\b|n't\b", before, re.IGNORECASE):
        return False  # "has by no means been set to direct"
    return not words_pattern(words['hedges'] + words['past']).search(before)


def _confirmed(annotated: AnnotatedDocument, c: Claim) -> bool:
    """A claim someone confirmed or announced ("Rumored to be the front runner earlier in the week, the
    magazine has now confirmed that X will direct ..."): a hedge before the confirming verb is of what stood
    before, not of the claim; one after it, or inside the claim, still hedges."""
    text = annotated.document.text
    start = next((s.start for s in annotated.sentences if s.start <= c.start < s.end), c.start)
    lead = re.search(r"\b(?:has\s+|have\s+)?(?:now\s+|officially\s+)?(?:confirmed|announced)\s+(?:that\s+)?$",
                     text[start:c.start], re.IGNORECASE)
    if lead is None:
        return False
    words = lexicon()["appointment"]["words"]
    clause = text[start:c.start].rsplit(",", 1)[-1] + " " + c.text
    return not words_pattern(words["hedges"]).search(clause)


def _declined(c: Claim) -> bool:
    """ "I have decided not to direct the sequel", "X will not helm ...": a task turned down ends a person's post
    (not "has not helmed a comedy before", a task never done)."""
    task = (c.predicate or "").lower() in lexicon()["appointment"]["task_verbs"]
    return c.negated and c.modality == "denied" and task


def _task(annotated: AnnotatedDocument, c: Claim, role: str) -> list[Reading]:
    """"X will host the Oscars", "X will be the host of the ceremony", "X will direct New Moon": announced
    (planned), or turned down; a task done ("hosted the Oscars in 2007") is a past post."""
    if c.modality != "planned" and not _declined(c):
        return []
    person = _subject_person(annotated, c)
    verb = _verb(annotated, c)
    if not person or verb is None:
        return []
    text = annotated.document.text
    at = verb[1] + re.match(r"\s*(?:(?:of|for)\s+)?", text[verb[1]:]).end()  # "host of the Oscars"
    end = _sentence_end(annotated, c)
    scope = _scope_of(annotated, at, end, text[at:end])
    return [Reading(person, role, scope, not c.negated, "decline" if c.negated else c.predicate, c)]


def _set_to(annotated: AnnotatedDocument, c: Claim) -> list[Reading]:
    """"X is set to direct the sequel", "X is set to become head coach of Y": a post announced ("the film is set
    to open in May" is none)."""
    verb = _verb(annotated, c)
    person = _subject_person(annotated, c)
    if c.negated or verb is None or not person:
        return []
    to = re.match(r"\s+to\s+", annotated.document.text[verb[1]:])
    if to is None:
        return []
    role, scope = _talks_post(annotated, verb[1] + to.end(), _sentence_end(annotated, c))
    return [Reading(person, role, scope, True, "set", c)] if role else []


def _start_or_end(annotated: AnnotatedDocument, c: Claim, *, starts: bool) -> list[Reading]:
    """"X was named (as) head coach of Y", "X resigned as chairman" (the subject); "Y hired X as coach", "Y
    fired Coach X" (the object, Y the scope when it is an organisation)."""
    verb = _verb(annotated, c)
    if c.negated or verb is None:
        return []
    text = annotated.document.text
    end = _sentence_end(annotated, c)
    if _passive(c) or (c.predicate or "").lower() in _INTRANSITIVE:
        person = _subject_person(annotated, c)
        at = verb[1]
        subject = c.subject or ""
        title_text = subject[:subject.find(person.split()[-1])] if person and person.split()[-1] in subject else ""
        by = None
    else:
        found = _object_person(annotated, verb[1], end)
        if found is None:
            return []
        person, at = found.name or None, found.end
        title_text = text[verb[1]:found.start]
        by = _organisation(annotated, c)
    if not person:
        return []
    role, scope = _role_after(annotated, at, end, task=starts)
    if role is None and not starts:  # "fired Coach Maurice Cheeks", "Sixers' Coach Jim O'Brien was fired"
        role, scope = _title_role(title_text)
    return [Reading(person, role, scope or by, starts, c.predicate, c)]


_INTRANSITIVE = ("resign", "step down", "quit", "sign on")  # "X signed on to direct the sequel"


def _succession(annotated: AnnotatedDocument, c: Claim) -> list[Reading]:
    """"X will replace Z as interim coach": X starts, Z ends; "Z was replaced by X", "Z will be succeeded by
    X": the same, told from Z."""
    verb = _verb(annotated, c)
    if c.negated or verb is None:
        return []
    text = annotated.document.text
    end = _sentence_end(annotated, c)
    subject = _subject_person(annotated, c)
    if _passive(c):
        by = re.search(r"\bby\s+", text[verb[1]:end])
        found = _object_person(annotated, verb[1] + by.end(), end, loose=True) if by else None
        new, old = (found.name if found else None), subject
        after = found.end if found else verb[1]
    else:
        found = _object_person(annotated, verb[1], end)
        new, old = subject, (found.name if found else None)
        after = found.end if found else verb[1]
    role, scope = _role_after(annotated, after, end, task=False)
    out = [Reading(p, role, scope, starts, c.predicate, c) for p, starts in ((new, True), (old, False)) if p]
    return out if new != old else []


def _filled(readings: list[Reading]) -> list[Reading]:
    """Each reading with its role and scope, from the article's other readings when its own sentence gives
    none ("Stefanski fired Cheeks" after "Cheeks was fired as head coach of the Philadelphia 76ers"); a
    succession with no role of its own takes none ("after retiring, Dodd was replaced by ..." may be another
    post); readings still without a role are left out."""
    roles = {r.person: r.role for r in readings if r.role}
    out = []
    for r in readings:
        succession = (r.how or "").lower() in lexicon()["appointment"]["succession_verbs"]
        role = r.role or (None if succession else roles.get(r.person))  # "Dodd was replaced" may be another post
        if role is None:
            continue
        scope = r.scope or _usual_scope(readings, role)
        out.append(replace(r, role=role, scope=scope))
    return out


def _usual_scope(readings: list[Reading], role: str) -> str | None:
    scopes = Counter(_scope_key(r.scope) for r in readings if r.scope and r.role and _role_key(r.role) == _role_key(role))
    return scopes.most_common(1)[0][0] if scopes else None


def _observation(annotated: AnnotatedDocument, source: Source, r: Reading) -> Observation | None:
    role = _role_key(r.role or "")
    if not r.person or not role:
        return None
    office = _office(role, r.scope)
    if office is not None:
        return _office_observation(annotated, source, r, office) if r.starts else None
    value, label = _value(r)
    day = source.published.toordinal() if source.published else 0
    return Observation(
        ask=TYPE.name, topic=role, place=_scope_key(r.scope) if r.scope else None, qualifier="", kind="name",
        value=value, label=label, source=source, citation=citation(annotated, r.claim.start, r.claim.end),
        subject=_role_words(r.role or ""), speaker=r.claim.speaker, modality=r.claim.modality,
        hedged=r.claim.hedged, predicate=r.claim.predicate, rank=3 * day + _step(r),
    )


def _value(r: Reading) -> tuple[str, str]:
    """The value and label of a reading: "Holt" / "Karen Holt", "Baxter (left)" / "Tom Baxter (fired)", "Ross (in
    talks)", "Ross (left)" / "Gary Ross (left the talks)"."""
    surname = r.person.split()[-1]
    if r.talks:
        return (surname + TALKS, r.person + TALKS) if r.starts else (surname + LEFT, f"{r.person} (left the talks)")
    how = _HOW.get((r.how or "").lower(), r.how)
    return (surname, r.person) if r.starts else (surname + LEFT, f"{r.person} ({how})")


def _step(r: Reading) -> int:
    """A reading's order among those of one day: an ending, then talks, then an appointment."""
    return 0 if not r.starts else (1 if r.talks else 2)


_HOW = {"fire": "fired", "sack": "sacked", "dismiss": "dismissed", "oust": "ousted", "resign": "resigned",
        "step down": "stepped down", "quit": "quit", "relieve": "relieved", "replace": "replaced",
        "succeed": "succeeded", "decline": "declined"}


def _office(role: str, scope: str | None) -> str | None:
    """The country whose government office the post is (`office.py` asks it), or None."""
    words = lexicon()["office"]
    if role not in words["titles"] or not scope:
        return None
    demonyms = words["demonyms"]
    country = demonyms.get(scope) or (scope if scope in set(demonyms.values()) else None)
    return country


def _office_observation(annotated: AnnotatedDocument, source: Source, r: Reading, country: str) -> Observation | None:
    """An appointment to a government office, done: a holder observation of `office.py`'s question."""
    if (r.how or "").lower() not in lexicon()["appointment"]["office_verbs"] or r.claim.modality != "happened":
        return None
    title = _role_words(r.role or "")
    return Observation(
        ask="holder", topic=title.lower(), place=country, qualifier="", kind="name", value=r.person.split()[-1],
        label=r.person, source=source, citation=citation(annotated, r.claim.start, r.claim.end),
        subject=title, modality="happened",
    )


# --- talks for a post -------------------------------------------------------------------------------

_TALKS = r"(?:talks|negotiations?|discussions|(?:the\s+)?negotiation\s+stages?)"
_TALK_MODS = r"(?:(?:final|advanced|early|serious|preliminary|exclusive|tense|tough|formal|the)\s+)*"
_WITH = r"(?:\s+with\s+[^,;.]{1,40}?)?"
_IN_TALKS = (rf"(?:(?:is|are|remains|'s|’s|has\s+been|have\s+been)\s+)?"
             rf"(?:(?:still|now|currently|back|also|reportedly)\s+)*(?:in\s+{_TALK_MODS}{_TALKS}|negotiating){_WITH}")
_OUT_OF_TALKS = (rf"(?:has\s+|have\s+|had\s+)?(?:(?:reportedly|now|abruptly)\s+)?(?:(?:pulled|pulls|walked|walks|"
                 rf"stepped|steps|backed|backs)\s+(?:out\s+of|away\s+from)|broke\s+off|breaks\s+off|left|leaves|"
                 rf"exited|exits|withdrew\s+from|withdraws\s+from|ended|ends)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                 rf"{_TALK_MODS}{_TALKS}{_WITH}")
_TALK_HEDGES = ("could", "might", "may", "would", "expected", "likely", "possible", "possibly", "if", "whether",
                "not", "no", "never", "denied", "deny", "denies")


def _talks(annotated: AnnotatedDocument, source: Source) -> list[Reading]:
    """People in talks for a post, or out of them, as each sentence tells it: "X is in negotiations to direct
    the sequel, Catching Fire", "X, in final talks to become head coach of Y", "X pulled out of talks to
    direct ..." (a headline has no verb: "X in talks to helm ..."). The post is what the talks are to do
    ("to direct", "to become head coach", "to return as director"); talks with no post named are not read."""
    text = annotated.document.text
    out = []
    for s in annotated.sentences:
        sentence = text[s.start:s.end]
        if history(sentence, source) or re.search(r"\?\W*$", sentence):
            continue
        for pattern, starts in ((_IN_TALKS, True), (_OUT_OF_TALKS, False)):
            for found in re.finditer(rf"(?<![\w'’-])(?:,\s*)?{pattern}\s+to\s+", sentence, re.IGNORECASE):
                reading = _talks_reading(annotated, s, s.start + found.start(), s.start + found.end(), starts)
                if reading is not None:
                    out.append(reading)
    return out


def _talks_reading(annotated: AnnotatedDocument, s: Sentence, at: int, end: int, starts: bool) -> Reading | None:
    """The reading of talks written at [at, end) ("is in negotiations to "): the person written right before
    them, the post and scope written after, unless hedged or negated before them."""
    text = annotated.document.text
    people = [e for e in _people(annotated, s.start, at)
              if re.fullmatch(r"\s*(?:,\s*who\s+[^,;]{1,60},\s*)?", text[e.end:at])]
    if not people:
        return _talks_to_hire(annotated, s, at, end, starts)
    person = _name(people[-1])
    lead = text[s.start:people[-1].start]
    if words_pattern(_TALK_HEDGES).search(lead + " " + text[people[-1].end:end]) or re.search(r"n't\b", lead):
        return None
    role, scope = _talks_post(annotated, end, s.end)
    if role is None:
        return None
    claim = Claim(text[s.start:s.end], person, "negotiate", None, "happened", False, None, None, s.start, s.end)
    return Reading(person, role, scope, starts, "negotiate", claim, talks=True)


def _talks_to_hire(annotated: AnnotatedDocument, s: Sentence, at: int, end: int, starts: bool) -> Reading | None:
    """Talks told from the side that hires: "The Comets are in talks to hire Omar Haddad as head coach" (the
    organisation the scope when the role names none)."""
    text = annotated.document.text
    hire = re.match(r"(?:hire|name|appoint|sign)\s+", text[end:s.end], re.IGNORECASE)
    lead = text[s.start:at]
    if hire is None or words_pattern(_TALK_HEDGES).search(lead) or re.search(r"n't\b", lead):
        return None
    found = _object_person(annotated, end + hire.end(), s.end)
    if found is None or not found.name:
        return None
    role, scope = _role_after(annotated, found.end, s.end, task=False)
    if role is None:
        return None
    by = re.fullmatch(rf"\s*(?:[Tt]he\s+)?({_SCOPE})\s+(?:is|are|was|were|remains?)?\s*", lead)
    claim = Claim(text[s.start:s.end], found.name, "negotiate", None, "happened", False, None, None, s.start, s.end)
    org = _clean_scope(by.group(1)) if by and not _is_role_phrase(by.group(1)) else None
    return Reading(found.name, role, scope or org, starts, "negotiate", claim, talks=True)


def _talks_post(annotated: AnnotatedDocument, at: int, end: int) -> tuple[str | None, str | None]:
    """The post talks are to fill, written after their "to": a task ("direct the sequel, Catching Fire") or a
    role ("become head coach of Y", "return as director for the sequel")."""
    text = annotated.document.text
    rest = text[at:end]
    verbs = lexicon()["appointment"]["task_verbs"]
    task = re.match(rf"({alternation(verbs)})\s+", rest, re.IGNORECASE)
    if task:
        return verbs[task.group(1).lower()], _scope_of(annotated, at + task.end(), end, rest[task.end():])
    become = re.match(r"(?:become|be|serve\s+as|return\s+as|take\s+over\s+as|join\s+[^,;.]{1,40}?\s+as)\s+", rest,
                      re.IGNORECASE)
    if become is None:
        return None, None
    role, scope = _role_after(annotated, at + become.end(), end, task=False)
    if role is not None and scope is None:
        after = re.match(rf"\s*(?:(?:the|a|an)\s+)?(?:{_roles()})\s+(?:of|for|at)\s+", rest[become.end():])
        scope = _work_title(rest[become.end() + after.end():]) if after else None
    return role, scope


# --- reading the words -------------------------------------------------------------------------------


def _verb(annotated: AnnotatedDocument, c: Claim) -> tuple[int, int] | None:
    """Where the claim's verb is written: "named", "stepped down", "will be host"."""
    words = (c.predicate or "").lower().split()
    if not words:
        return None
    rest = "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    found = re.search(rf"\b{_forms(words[0])}{rest}\b", annotated.document.text[c.start:c.end], re.IGNORECASE)
    return (c.start + found.start(), c.start + found.end()) if found else None


_IRREGULAR = {"choose": ("chose", "chosen"), "swear": ("swore", "sworn"), "quit": ("quits", "quitting"),
              "step": ("stepped", "stepping"), "tap": ("tapped", "tapping")}


def _forms(lemma: str) -> str:
    """A pattern of a verb's written forms: "fire" -> fire, fires, fired, firing (never "first")."""
    base = lemma.removesuffix("e")
    forms = {lemma, lemma + "s", base + "ed", base + "ing", *_IRREGULAR.get(lemma, ())}
    return alternation(forms)


def _passive(c: Claim) -> bool:
    lemma = ((c.predicate or "").lower().split() or [""])[0]
    return re.search(rf"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+|also\s+|then\s+|now\s+)?"
                     rf"{_forms(lemma)}\b", c.text, re.IGNORECASE) is not None


def _sentence_end(annotated: AnnotatedDocument, c: Claim) -> int:
    return next((s.end for s in annotated.sentences if s.start <= c.start < s.end), c.end)


@dataclass(frozen=True)
class _Named:
    """A person written at a place: their full name, and where the mention starts and ends."""

    name: str
    start: int
    end: int


def _object_person(annotated: AnnotatedDocument, at: int, end: int, *, loose: bool = False) -> _Named | None:
    """The person heading the verb's object: "hired Ayers", "fired Coach Maurice Cheeks", "named assistant
    general manager Tony DiLeo"; not one further in it ("named a panel to study Smith's record"). A surname
    the tagger left untagged here names the article's one person of that surname."""
    text = annotated.document.text
    for e in _people(annotated, at, min(end, at + 80)):
        between = text[at:e.start]
        if loose or re.fullmatch(r"\s*(?:(?:the|its|their|his|her)\s+)?(?:[\w.'’-]+\s+){0,4}?", between) and \
                not re.search(r"[,;]|\b(?:of|for|to|with|by|in|on|at|who|that)\b", between, re.IGNORECASE):
            return _Named(_name(e), e.start, e.end)
        break
    bare = re.match(r"\s*(?:[A-Z][a-z]+\s+)?([A-Z][\w'’-]+)\b", text[at:end])
    name = _by_surname(annotated, bare.group(1)) if bare else None
    return _Named(name, at + bare.start(1), at + bare.end(1)) if name and bare else None


def _people(annotated: AnnotatedDocument, start: int, end: int) -> list:
    """The people named in a span where only a person can stand (the one hired, the one named coach): the
    tagger's persons, and names it took for organisations ("Karen Holt" tagged ORG)."""
    people = persons_in(annotated, start, end)
    taken = [e for e in annotated.entities if e.label == "ORG" and start <= e.start and e.end <= end
             and re.fullmatch(r"(?:[A-Z][a-z][\w'’-]*\s+){1,3}[A-Z][a-z][\w'’-]*", e.text)]
    return sorted(people + taken, key=lambda e: e.start)


def _name(e) -> str:
    """A person's name from an entity: "Comedian Marcus Bell" -> "Marcus Bell" (a name the tagger took with the
    word before it)."""
    name = person_name(e) if e.label == "PERSON" else e.text
    words = name.split()
    return " ".join(words[-2:]) if e.label != "PERSON" and len(words) > 2 else name


def _subject_person(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """The person the claim's subject names (`persons.claim_person`), or a name the tagger took for an
    organisation at its head ("Karen Holt was named coach")."""
    person = claim_person(annotated, c)
    if person or not c.subject:
        return person
    at = annotated.document.text.find(c.subject, c.start, c.end)
    named = _people(annotated, at, at + len(c.subject)) if at >= 0 else []
    return _name(named[-1]) if named else None


def _by_surname(annotated: AnnotatedDocument, surname: str) -> str | None:
    names = {person_name(e) for e in annotated.entities if e.label == "PERSON"}
    full = {n for n in names if n and len(n.split()) > 1 and n.split()[-1] == surname}
    return full.pop() if len(full) == 1 else None


def _organisation(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """The subject that hires or fires, when it is an organisation ("The Philadelphia 76ers fired"), not a
    person ("Stefanski fired") or a pronoun."""
    subject = (c.subject or "").strip()
    if not subject or persons_in(annotated, c.start, c.start + len(subject)):
        return None
    names = [e for e in annotated.entities if e.label == "PERSON"]
    if any(subject.split()[-1] == person_name(e).split()[-1] for e in names if person_name(e)):
        return None  # a surname the tagger left untagged here
    found = re.fullmatch(rf"(?:[Tt]he\s+)?({_SCOPE})", subject)
    return found.group(1) if found and not _is_role_phrase(subject) else None


def _is_role_phrase(text: str) -> bool:
    return re.search(rf"\b{_roles()}\b", text, re.IGNORECASE) is not None


def _role_after(annotated: AnnotatedDocument, at: int, end: int, *, task: bool) -> tuple[str | None, str | None]:
    """The role written after the verb or the person ("as the new head coach of the Philadelphia 76ers", "the
    host of February's Oscars", "coach for the rest of the season"), and the scope written with it; for an
    appointment, also the task ("to direct the second film", "to chair the commission")."""
    text = annotated.document.text
    rest = text[at:end]
    mods = alternation(lexicon()["appointment"]["words"]["modifiers"])
    when = r"(?:(?:on|this|last|late|early)\s+\w+\s*,?\s+)?"  # "was named on Friday as host"
    lead = rf"^\s*,?\s*{when}(?:(?i:as|to\s+be|to\s+become)\s+)?(?:(?i:the|a|an|its|their|his|her)\s+)?"
    owner = rf"(?:({_SCOPE})['’]s?\s+)?"
    found = re.match(rf"{lead}{owner}(?:(?i:{mods}|\d+(?:st|nd|rd|th))\s+)*({_roles()})\b(?!\s+of\s+the\s+year)",
                     rest)
    if found:
        after = rest[found.end():]
        of = re.match(rf"\s+(?:of|for|at|with)\s+(?:the\s+)?({_SCOPE})", after)
        scope = found.group(1) or (of.group(1) if of else None)
        return found.group(2), _clean_scope(scope)
    verbs = lexicon()["appointment"]["task_verbs"]
    todo = re.match(rf"^\s*,?\s*(?:by\s+[^,;]{{1,40}}?\s+)?to\s+({alternation(verbs)})\s+", rest,
                    re.IGNORECASE) if task else None
    if todo:
        scope = _scope_of(annotated, at + todo.end(), end, rest[todo.end():])
        return verbs[todo.group(1).lower()], scope
    return None, None


def _title_role(title_text: str) -> tuple[str | None, str | None]:
    """The role an ended holder is titled with: "Coach Maurice Cheeks", "Sixers' Coach Jim O'Brien"."""
    found = re.search(rf"(?:({_SCOPE})['’]s?\s+)?({_roles()})\s*$", title_text.strip() + " ")
    if not found:
        return None, None
    return found.group(2), _clean_scope(found.group(1))


def _scope_of(annotated: AnnotatedDocument, start: int, end: int, rest: str) -> str | None:
    """The event or work a task names: an entity at the head of its object ("the 81st incarnation of the
    Oscars", "the sequel to Twilight, New Moon"), else a capitalised or quoted title right after it. A
    sequel named by what it follows alone ("the sequel to Twilight") has no scope here: it is not Twilight;
    an adaptation is of its title ("the adaptation of Catching Fire")."""
    title = _work_title(rest)
    if title is not None:
        return title or None
    found = re.match(rf"\s*(?:(?i:the|this\s+year's|next\s+year's)\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:annual\s+)?"
                     rf"[\"“‘']?({_SCOPE})", rest)
    if found and _clean_scope(found.group(1)):
        return _clean_scope(found.group(1))
    head = re.match(r"[^,;.]*", rest)
    limit = start + (head.end() if head else 0)
    named = [e for e in annotated.entities if e.label in _NOT_PERSON and start <= e.start and e.end <= limit]
    if named:  # "the 81st incarnation of the Oscars": the last entity after "of" or "to"
        return _clean_scope(named[-1].text if re.search(r"\b(?:of|to)\s+(?:the\s+)?$", rest[:named[-1].start - start])
                            else named[0].text)
    return None


_WORK = (r"(?:sequel|prequel|follow-up|film|movie|picture|adaptation|installment|instalment|remake|reboot|spinoff"
         r"|spin-off)")
_FOLLOWS = r"(?:sequel|prequel|follow-up)"


def _work_title(rest: str) -> str | None:
    """The title a work is given after its kind ("the sequel, Catching Fire", "the 'Hunger Games' sequel
    'Catching Fire'", "the sequel to Twilight, New Moon"); "" for a sequel named only by what it follows ("a
    sequel to The Hunger Games"); None when the words are no such work."""
    kind = rf"\s*(?:(?:the|a|an|its|their|his|her)\s+)?(?:[^,;.]{{0,40}}?\s)?{_WORK}"
    between = r"(?:\s+to\s+[^,;.]{1,40}?\s*,\s*|\s*,\s*|\s+(?:of\s+)?)"  # "to Twilight, ", ", ", " ", " of "
    titled = re.match(rf"{kind}{between}[\"“‘']*\s*({_SCOPE})", rest)
    if titled and _clean_scope(titled.group(1)) and not re.match(r"(?i:of|to|for|in|on|at|and)\b", titled.group(1)):
        return _clean_scope(titled.group(1))
    follows = re.match(rf"\s*(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+)?{_FOLLOWS}\s+to\b", rest, re.IGNORECASE)
    return "" if follows else None


def _clean_scope(scope: str | None) -> str | None:
    """A scope as asked: without ordinals, years and "annual" ("the 81st annual Academy Awards")."""
    if not scope:
        return None
    words = [w for w in re.split(r"\s+", scope.strip(" \"“”‘’'"))
             if not re.fullmatch(rf"\d+(?:st|nd|rd|th)|(?:19|20)\d\d|annual|The|the|(?:{_WHEN})(?:['’]s)?", w)]
    text = re.sub(r"['’]s?$", "", " ".join(words))
    if re.search(r"\w{2}\.$", text):
        text = text[:-1]  # the sentence's full stop: "the Philadelphia 76ers." (not "U.S.")
    return text or None


def _scope_key(scope: str) -> str:
    """The one name a scope is asked under: "Oscars" -> "Academy Awards" (`[appointment.scopes]`)."""
    cleaned = _clean_scope(scope) or scope
    return lexicon()["appointment"]["scopes"].get(cleaned, cleaned)


def _role_key(role: str) -> str:
    """The post a written role names: "the new head coach" and "interim coach" -> "coach"."""
    return lexicon()["appointment"]["role_keys"].get(_role_words(role).lower(), _role_words(role).lower())


def _role_words(role: str) -> str:
    return " ".join(role.lower().split())


def _scope_words(scope: str, observations: Sequence[Observation]) -> str:
    """How a question names the scope: "the Academy Awards", "the Philadelphia 76ers", "New Moon"."""
    if not scope:
        return "it"
    cited = " ".join(o.citation.text for o in observations)
    events = lexicon()["appointment"]["words"]["events"]
    # "the 81st annual Academy Awards" asks "the"; "the adaptation of Catching Fire" does not
    between = r"(?:(?:\d+(?:st|nd|rd|th)|(?i:annual)|[A-Z][\w'’-]*)\s+){0,2}"
    the = re.search(rf"\b(?i:the)\s+{between}(?i:{re.escape(scope)})", cited) or \
        scope.split()[-1].lower() in events
    return ("the " if the and not scope.lower().startswith("the ") else "") + scope


def _is_org(observations: Sequence[Observation]) -> bool:
    """A director of an organisation ("director of the FBI"), not of a film."""
    return any(re.search(r"\bdirector\s+of\b", o.citation.text, re.IGNORECASE) for o in observations)


@functools.lru_cache(maxsize=1)
def _roles() -> str:
    return "(?i:" + alternation(lexicon()["appointment"]["roles"]) + ")"
