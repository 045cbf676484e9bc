"""Whom a statement about a person is about, when the words name no one.

News names a person once and then describes them: "Jackson's personal doctor, Dr Conrad
Murray" in one paragraph, "the doctor was not under criminal investigation" in the next;
"The last doctor of Michael Jackson's life was convicted". A description whose head is a
role noun (`data/facttypes.toml [status.roles]`: doctor, physician, lawyer, officer, ...)
names the one person of the article who carries that role: by title ("Dr Murray") or in
apposition ("his personal physician Dr Conrad Murray", "Conrad Murray, Jackson's doctor").
Two such people (a trial with several doctors testifying) name no one. "He"/"she" names
the one person the sentence named before it. Possessors are never the person ("Jackson's
doctor" is about the doctor).
"""

from __future__ import annotations

import functools
import re

from dateline.link.facttypes.base import alternation, lexicon, people_in, person_name, sentence_of
from dateline.model import AnnotatedDocument, Claim, Entity, Sentence

_DETERMINER = r"(?:(?i:the|his|her|their|its)|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}['’]s?)"
_NOT_HEAD = r"(?!\s*['’]s?\b)"  # "the doctor's lawyer": the doctor is a possessor, not the head


def claim_person(annotated: AnnotatedDocument, c: Claim, *, acted_on: bool = False) -> str | None:
    """The name of the person a claim is about: named in its subject, else before its verb, else in
    apposition right before the claim; a description or pronoun as subject names the article's one person
    who fits. `acted_on`: the verb's object is the person ("police arrested John Smith", "the judge
    sentenced him"), never its subject."""
    if acted_on:
        return _in_object(annotated, c)
    text = annotated.document.text
    if c.subject and text.find(c.subject, c.start, c.end) == c.start:
        head = re.match(rf"{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?{_roles()}\b{_NOT_HEAD}", c.subject)
        if head:  # "The former surgeon of Lisa Grant has denied": the surgeon, not Lisa Grant
            return owner_after(annotated, _sentence(annotated, c.start), c.start)
    entity = _named(annotated, c)
    if entity is not None:
        return person_name(entity) or None
    subject = c.subject if c.subject and text.find(c.subject, c.start, c.end) == c.start else None
    sentence = _sentence(annotated, c.start)
    if subject is None:  # "Michael Jackson's former doctor has denied a charge": the claim starts at its verb
        found = re.search(rf"\b{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?{_roles()}\s*$", text[sentence.start:c.start])
        subject = found.group() if found else None
    if not subject:
        return None
    if re.fullmatch(r"\s*(?:he|she)\s*", subject, re.IGNORECASE):
        return _antecedent(annotated, sentence, c.start)
    return described(annotated, subject) or _by_name(annotated, subject)


def _by_name(annotated: AnnotatedDocument, subject: str) -> str | None:
    """A subject that is a bare name the tagger left untagged here ("Orozco was convicted", the article having
    named "Jose Luis Orozco" before): the article's one person of that name or surname."""
    if not re.fullmatch(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+", subject.strip()):
        return None
    last = subject.split()[-1]
    names = {person_name(e) for e in annotated.entities if e.label == "PERSON"}
    return _one({n for n in names if n and n.split()[-1] == last})


# nouns for a person that a place name can modify: "a 57-year-old Wasilla woman", "the Schenectady man"
_PERSON_NOUNS = (r"(?:man|woman|men|women|boy|girl|teen|teenager|youth|resident|residents|native|couple|mother|"
                 r"father|family|student|driver|farmer|worker|businessman|businesswoman)")


def persons_in(annotated: AnnotatedDocument, start: int, end: int) -> list[Entity]:
    """The persons a statement in a span can be about (`base.people_in`), without a name that modifies a
    person noun ("a 57-year-old Wasilla woman was indicted", "the Albany dairy farmer": a town, not a name)."""
    return [e for e in people_in(annotated, start, end) if not _modifies(annotated.document.text, e)]


def _modifies(text: str, e: Entity) -> bool:
    after = text[e.end:e.end + 40]
    if re.match(rf"\s+{_PERSON_NOUNS}\b", after, re.IGNORECASE):
        return True
    determined = re.search(r"\b(?:a|an|the|\d+-year-old)\s+$", text[max(0, e.start - 20):e.start], re.IGNORECASE)
    return bool(determined) and re.match(rf"\s+[a-z][\w-]*\s+{_PERSON_NOUNS}\b", after) is not None


def owner_after(annotated: AnnotatedDocument, s: Sentence, at: int) -> str | None:
    """The person a phrase starting at `at` names ("the home of Jackson's doctor, Conrad Murray", "the
    offices of Michael Jackson's doctor"): a named person first in it, else its description."""
    text = annotated.document.text
    rest = text[at:s.end]
    people = [e for e in persons_in(annotated, at, s.end) if e.start - at <= 40]
    description = re.match(rf"{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?{_roles()}\b{_NOT_HEAD}", rest)
    if description:
        apposed = [e for e in people if re.fullmatch(r",?\s*(?:[A-Z]\w*\.?\s+)?", text[at + description.end():e.start])]
        return person_name(apposed[0]) if apposed else described(annotated, description.group())
    first = people[0] if people and re.fullmatch(r"(?:[A-Z]\w*\.?\s+)?", text[at:people[0].start]) else None
    return person_name(first) if first else None


def holder(annotated: AnnotatedDocument, s: Sentence, at: int, thing: str) -> str | None:
    """Whose `thing` (a regular expression: "licen[cs]e") a sentence speaks of at `at`: its possessor ("Dr
    Conrad Murray's medical licence"), its owner after "of" ("the licence of Dr Murray"), else the subject right
    before `at` ("Dr Murray is allowed to continue", "allows Dr Murray to keep his licence")."""
    text = annotated.document.text
    owned = re.search(rf"['’]s?\s+(?:[\w-]+\s+)?{thing}\b", text[s.start:s.end], re.IGNORECASE)
    if owned:
        before = [e for e in annotated.entities if e.label == "PERSON" and e.end == s.start + owned.start()]
        if before:
            return person_name(before[0]) or None
    of = re.search(rf"\b{thing}\s+of\s+", text[s.start:s.end], re.IGNORECASE)
    if of:
        return owner_after(annotated, s, s.start + of.end())
    return subject_before(annotated, s, at)


def subject_before(annotated: AnnotatedDocument, s: Sentence, at: int) -> str | None:
    """The person named, described or meant by "he"/"she" right before `at`, past the auxiliaries ("Dr Murray
    is allowed", "the doctor will be allowed", "allows Dr Murray to keep"), or None."""
    text = annotated.document.text
    aux = r"(?:\s+(?:is|was|are|were|will|would|be|been|has|had|have|can|could|may|must|should|to|also|still|now))*\s*$"
    end = s.start + re.search(aux, text[s.start:at]).start()
    named = [e for e in persons_in(annotated, s.start, end) if e.end == end]
    if named:
        return person_name(named[0]) or None
    if re.search(r"\b(?:he|she)$", text[s.start:end], re.IGNORECASE):
        return _antecedent(annotated, s, end - 2)
    found = re.search(rf"\b{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?{_roles()}$", text[s.start:end])
    return described(annotated, found.group()) if found else None


def described(annotated: AnnotatedDocument, phrase: str) -> str | None:
    """The one person of the article a definite description names ("the doctor", "Michael Jackson's former
    physician", "The last doctor of Michael Jackson's life"), or None."""
    found = re.match(rf"\s*{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?({_roles()})\b{_NOT_HEAD}", phrase)
    if not found:
        return None
    role = _role_of(found.group(1).lower())
    names = {person_name(e) for e in annotated.entities if e.label == "PERSON" and _carries(annotated, e, role)}
    return _one(names)


def _named(annotated: AnnotatedDocument, c: Claim) -> Entity | None:
    """The person the claim names: in its subject, else the first before its verb; a claim that starts at its
    verb takes the person named in apposition right before it ("Jackson's former doctor, Conrad Murray, has
    been sentenced")."""
    text = annotated.document.text
    people = persons_in(annotated, c.start, c.end)
    if not people:
        apposed = [e for e in persons_in(annotated, max(0, c.start - 60), c.start)
                   if re.fullmatch(r"\s*,?\s*", text[e.end:c.start]) and re.search(r",\s*$", text[:e.start])]
        return apposed[-1] if apposed else None
    inside = _inside(people, text, c, c.subject)
    if inside:
        return inside[0]
    verb = re.search(rf"\b{re.escape((c.predicate or '')[:4])}", text[c.start:c.end], re.IGNORECASE)
    limit = c.start + verb.start() if verb else c.start
    before = [e for e in people if e.end <= limit]
    words = set((c.subject or "").split())
    subject = [e for e in before if words & set(e.text.split())]  # "After talks with Tom Reed, Ann Cole cleared"
    return (subject or before or [None])[0]


def _sentence(annotated: AnnotatedDocument, at: int) -> Sentence:
    return sentence_of(annotated, at) or Sentence(at, len(annotated.document.text))


def _in_object(annotated: AnnotatedDocument, c: Claim) -> str | None:
    """The person at the head of the verb's object ("arrested Tom Reed", "charges investor Karen Olson with"), not
    one named further in it ("convicted a gang member of murdering Deputy Tom Reed": Reed is the victim); an
    object the claim's text does not hold verbatim is looked for right after the verb."""
    text = annotated.document.text
    at = text.find(c.object, c.start, c.end) if c.object else -1
    end = at + len(c.object or "") if at >= 0 else c.end
    if at < 0:
        verb = re.search(rf"\b{re.escape((c.predicate or '')[:4])}\w*\s+", text[c.start:c.end], re.IGNORECASE)
        if verb is None:
            return None
        at = c.start + verb.end()
    for e in persons_in(annotated, at, end):
        if re.search(r"\b(?:of|for|with|to|at|by|after|over|from|against|in|on|who|that)\b|\w+ing\b|[,;]",
                     text[at:e.start], re.IGNORECASE):
            return None  # the head is someone else
        return person_name(e) or None
    return None


def _inside(people: list[Entity], text: str, c: Claim, part: str | None) -> list[Entity]:
    at = text.find(part, c.start, c.end) if part else -1
    return [e for e in people if at >= 0 and at <= e.start and e.end <= at + len(part or "")]


def _antecedent(annotated: AnnotatedDocument, s: Sentence, at: int) -> str | None:
    """"A spokeswoman for Dr Murray insisted he was not a suspect": the one person the sentence named before
    the pronoun (none when a possessor or a second person could be meant), else the one person a description
    before it names ("Police have interviewed his doctor, but he has not been named")."""
    text = annotated.document.text
    named = [e for e in annotated.entities if e.label == "PERSON" and s.start <= e.start and e.end <= at]
    if named:
        names = {person_name(e) for e in named}
        possessor = any(re.match(r"['’]s?\b", text[e.end:e.end + 2]) for e in named)
        return None if possessor else _one(names)
    found = re.search(rf"\b{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?{_roles()}\b{_NOT_HEAD}", text[s.start:at])
    return described(annotated, found.group()) if found else None


def _carries(annotated: AnnotatedDocument, e: Entity, role: str) -> bool:
    """Whether a mention of a person gives them the role: a title ("Dr Conrad Murray"), a role noun right
    before ("his personal physician Dr Conrad Murray", "Jackson's doctor, named by US media as Dr Conrad
    Murray") or after ("Dr Murray, a cardiologist")."""
    words = lexicon()["status"]["roles"][role]
    text = annotated.document.text
    nouns, titles = alternation(words["nouns"]), alternation(words["titles"]) if words["titles"] else None
    before = text[max(0, e.start - 80):e.start]
    if titles and (re.search(rf"\b{titles}\s*$", before, re.IGNORECASE)
                   or re.match(rf"{titles}\s", e.text, re.IGNORECASE)):
        return True
    title = rf"(?:{titles}\s+)?" if titles else ""
    if re.search(rf"\b{nouns}\s*,?\s+(?:(?:named|identified)(?:\s+by\s+[^,.]{{1,30}}?)?\s+as\s+)?{title}$",
                 before, re.IGNORECASE):
        return True
    after = text[e.end:e.end + 80]
    return re.match(rf"\s*,\s+(?i:a|an|the|his|her|their|[A-Z][\w'’-]*['’]s?)\s+(?:[\w'’-]+\s+){{0,3}}?{nouns}\b",
                    after) is not None  # "Dr Murray, a cardiologist": not "Ed Chernoff, said the doctor"


def _one(names: set[str]) -> str | None:
    """The one person among names, a surname alone joining the full name it ends ("Murray", "Conrad Murray")."""
    names = {n for n in names if n}
    full = {n for n in names if len(n.split()) > 1}
    alone = {n for n in names - full if not any(f.split()[-1] == n for f in full)}
    people = full | alone
    return next(iter(people)) if len(people) == 1 else None


@functools.lru_cache(maxsize=1)
def _roles() -> str:
    return "(?i:" + alternation(n for words in lexicon()["status"]["roles"].values() for n in words["nouns"]) + ")"


def _role_of(noun: str) -> str:
    return next(role for role, words in lexicon()["status"]["roles"].items() if noun in words["nouns"])
