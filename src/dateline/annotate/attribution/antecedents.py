"""Antecedents of pronoun speakers: the previous subject that agrees, nearby.

"Al-Sudani met Pezeshkian and Khamenei, during which he outlined ...": "he" is
al-Sudani, the subject, not Khamenei, the nearest name. A person pronoun ("he",
"she") stands for the nearest earlier person who is the subject of a main
clause, or the speaker of an earlier attribution, of an agreeing gender, within
the pronoun's paragraph or the two sentences before its own. In the pronoun's
own sentence the subject of any clause counts ("the nurse said Lang would rest,
but he refused"); in earlier sentences a subject of a clause inside another
("Judge Pastor said there was no evidence Jackson was worried. 'This is not a
contract dispute,' he said") does not, nor does a name in quoted speech. When
no main subject qualifies, the nearest agreeing name in the window that is not a
possessive ("Jackson's sister" is the sister): the subject of another clause ("I
knew that the actor Vin Diesel had visited ... he wants to help"), an object
("news from relief worker Sarah Dellor, who ...") or a name standing apart; else
it stays unresolved.

It stays unresolved, rather than guessed, when the nearest candidate is a
surname several people of the article share ("Jackson" beside Katherine and
Joe Jackson) and neither a known gender nor a full name just before tells which
of them it is, or a description of one person ("The doctor said ...") that is
neither a title named earlier nor the named subject of the sentence before.
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.annotate.attribution.items import _Found, _Speaker
from dateline.annotate.attribution.quotes import quote_spans
from dateline.annotate.attribution.syntax import _entity_at, _inside_any, _sentence_index
from dateline.annotate.attribution.tables import _DEFINITE, _source_nouns
from dateline.annotate.entities import PersonRole, describe_person_roles, name_key, title_words
from dateline.annotate.pipeline import Context
from dateline.model import Entity
from dateline.resources import load_table

logger = logging.getLogger(__name__)

WINDOW_SENTENCES = 2  # sentences before the pronoun's own that the antecedent may lie in
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_THROUGH = frozenset({"appos", "conj", "compound"})  # "the minister, X, said"; "X and Y said"
_POSSESSIVES = frozenset({"poss", "case"})  # "Jackson's sister": the sister, not Jackson

# A mention's place in its sentence: the subject of the main clause or of another clause; a name
# standing otherwise (an object, "Adrian Sutil, when asked if he knew"); a possessive, a modifier
# ("Jackson fans") or no name at all.
MAIN, EMBEDDED, OTHER, NONE = "main", "embedded", "other", "none"


@dataclass(frozen=True)
class Mention:
    """A person mention, or a description of one person ("the judge"), as an antecedent candidate."""

    start: int
    name: str | None  # canonical name; None for a description
    role: str  # MAIN, EMBEDDED, OTHER or NONE
    quoted: bool = False  # inside quotation marks: the quoted person's words, not the narrative
    surname: str | None = None  # set when the mention is a bare surname several people share
    gender: str | None = None  # from a courtesy title before the mention ("Mrs Jackson")
    head: str | None = None  # a description's head noun: "judge"


@dataclass(frozen=True)
class People:
    """A document's person mentions and one-person descriptions in text order, and the full
    names of each surname that several people of the document share."""

    mentions: tuple[Mention, ...]
    shared: Mapping[str, tuple[str, ...]]  # surname key -> the full canonical names ending with it
    roles: tuple[PersonRole, ...] = ()  # titles written before names: "Judge Michael Pastor"


def people_of(ctx: Context) -> People:
    persons = sorted((e for e in ctx.layers["entities"] if e.label == "PERSON"), key=lambda e: e.start)
    shared = shared_surnames(persons)
    quotes = quote_spans(ctx.document.text)
    mentions = [_mention(ctx, e, shared, quotes) for e in persons]
    mentions += _untagged_subjects(ctx, persons, quotes) + _descriptions(ctx, quotes)
    return People(tuple(sorted(mentions, key=lambda m: m.start)), shared, describe_person_roles(ctx))


def shared_surnames(persons: Sequence[Entity]) -> dict[str, tuple[str, ...]]:
    """Surname key -> full names of different people that end with it ("Michael Jackson", "Katherine
    Jackson"); name variants of one person ("Ed Chernoff", "Edward Chernoff") are one person."""
    full: dict[str, dict[str, str]] = defaultdict(dict)  # surname -> first name -> a full name
    for e in persons:
        key = _plain_key(e.canonical)
        if len(key) > 1 and not any(_same_first(key[0], first) for first in full[key[-1]]):
            full[key[-1]][key[0]] = e.canonical
    return {surname: tuple(sorted(names.values())) for surname, names in full.items() if len(names) > 1}


def bare_surname(entity: Entity, shared: Mapping[str, tuple[str, ...]]) -> str | None:
    """The surname key when the mention is a surname alone that several people share, else None."""
    key = name_key(entity.text)
    return key[0] if len(key) == 1 and key[0] in shared else None


def title_gender(text: str, start: int) -> str | None:
    """ "masculine" or "feminine" from a courtesy title just before a name ("Ms. Nwanguma")."""
    before = text[max(0, start - 8) : start].split()
    return _titles().get(before[-1].lower()) if before else None


def person_antecedent(
    ctx: Context,
    position: int,
    people: People,
    history: Sequence[tuple[_Found, _Speaker]],
    genders: Mapping[str, str],
    wanted: str,
) -> _Speaker | None:
    """The person a "he" or "she" (`wanted`: "masculine" or "feminine") at `position` stands for, or None."""
    start = window_start(ctx, position)
    sentence = _sentence_start(ctx, position)
    spoken = [
        Mention(f.source_start, s.name, MAIN)
        for f, s in history
        if s.kind == "person" and f.source_start is not None and start <= f.source_start < position
    ]
    nearby = [m for m in people.mentions if start <= m.start < position and not m.quoted]
    subjects = [m for m in nearby if m.role == MAIN or (m.role == EMBEDDED and m.start >= sentence)]
    rest = [m for m in nearby if m.role in (EMBEDDED, OTHER) and m.name is not None and m not in subjects]
    for pool in (subjects + spoken, rest):
        for mention in sorted(pool, key=lambda m: (-m.start, m.name is None)):  # a speaker before its description
            if _disagrees(mention, genders, wanted):
                continue  # someone else: "Mrs Jackson" for a "he"
            name = _named(ctx, mention, people, genders, wanted, spoken)
            return _Speaker(name, False, "person") if name else None
    return None


def window_start(ctx: Context, position: int) -> int:
    """Where an antecedent may start: the paragraph's start or two sentences back, whichever is earlier."""
    paragraph = ctx.document.text.rfind("\n", 0, position) + 1
    sentences = ctx.layers["sentences"]
    index = _sentence_index(sentences, position)
    if index is None:
        return paragraph
    return min(paragraph, sentences[max(0, index - WINDOW_SENTENCES)].start)


def _sentence_start(ctx: Context, position: int) -> int:
    sentences = ctx.layers["sentences"]
    index = _sentence_index(sentences, position)
    return sentences[index].start if index is not None else ctx.document.text.rfind("\n", 0, position) + 1


def _disagrees(mention: Mention, genders: Mapping[str, str], wanted: str) -> bool:
    if mention.gender is not None:
        return mention.gender != wanted
    return mention.name is not None and mention.surname is None and genders.get(mention.name, wanted) != wanted


def _named(
    ctx: Context, mention: Mention, people: People, genders: Mapping[str, str], wanted: str, spoken: list[Mention]
) -> str | None:
    """The candidate's name; for a shared surname or a description, the one person it can be, or None."""
    if mention.name is None:
        return _described(ctx, mention, people, genders, wanted, spoken)
    if mention.surname is None:
        return mention.name
    return surname_person(ctx, people, mention.surname, mention.start, genders, wanted)


def surname_person(
    ctx: Context, people: People, surname: str, position: int, genders: Mapping[str, str], wanted: str | None
) -> str | None:
    """Which of the people sharing a surname a mention of it at `position` is: the one known to have the
    `wanted` gender when all the others are known to have another; else the one alone, of those not known
    to have another, named in full in its sentence or the one before ("La Toya Jackson revealed ...
    Ms Jackson said"); else None. Genders read from pronouns are noisy, so an unknown one decides nothing."""
    names = [n for n in people.shared[surname] if wanted is None or genders.get(n, wanted) == wanted]
    if wanted is not None and len(names) == 1 and genders.get(names[0]) == wanted:
        return names[0]  # the others are known to have another gender: "Clinton" and "she"
    start = _previous_sentence_start(ctx, position)
    near = {m.name for m in people.mentions if start <= m.start < position and m.surname is None and m.name in names}
    return near.pop() if len(near) == 1 else None


def _previous_sentence_start(ctx: Context, position: int) -> int:
    sentences = ctx.layers["sentences"]
    index = _sentence_index(sentences, position)
    return sentences[max(0, index - 1)].start if index is not None else window_start(ctx, position)


def _described(
    ctx: Context, mention: Mention, people: People, genders: Mapping[str, str], wanted: str, spoken: list[Mention]
) -> str | None:
    """Who "the judge" or "the singer" is: the nearest earlier holder of that title ("Judge Michael Pastor"),
    else the named main subject, or resolved speaker, of the sentence before ("Janet Jackson will not
    attend. The singer said ...")."""
    roles = [r for r in people.roles if r.start < mention.start and r.role and mention.head in r.role.lower().split()]
    if roles:
        return roles[-1].person if genders.get(roles[-1].person, wanted) == wanted else None
    sentences = ctx.layers["sentences"]
    index = _sentence_index(sentences, mention.start)
    if not index:
        return None
    before = sentences[index - 1]
    subjects = {m for m in (*people.mentions, *spoken) if before.start <= m.start < before.end and m.role == MAIN}
    subjects = {m for m in subjects if not m.quoted}
    names = {m.name for m in subjects if m.surname is None}
    if len(names) != 1 or len(names) != len({m.name for m in subjects}) or None in names:
        return None
    name = names.pop()
    return name if genders.get(name, wanted) == wanted else None


def _mention(ctx: Context, entity: Entity, shared: Mapping[str, tuple[str, ...]], quotes) -> Mention:
    return Mention(
        entity.start,
        entity.canonical,
        _role(ctx, entity.start, entity.end),
        _inside_any(entity.start, quotes),
        bare_surname(entity, shared),
        title_gender(ctx.document.text, entity.start),
    )


def _untagged_subjects(ctx: Context, persons: Sequence[Entity], quotes) -> list[Mention]:
    """Subjects the entity tagger missed that are a tagged person's surname: "Ham made it clear ..." after
    "Norman Ham" (a surname two people share, or one that opens another name, is left out)."""
    surnames: dict[str, set[str]] = {}
    for e in persons:
        surnames.setdefault(e.canonical.split()[-1], set()).add(e.canonical)
    for e in persons:  # "Katherine" ends "Michael Katherine" but opens "Katherine Jackson": a first name too
        if len(e.canonical.split()) > 1:
            surnames.pop(e.canonical.split()[0], None)
    tagged = {position for e in persons for position in range(e.start, e.end)}
    return [
        Mention(
            t.idx,
            next(iter(surnames[t.text])),
            _clause(t),
            _inside_any(t.idx, quotes),
            gender=title_gender(ctx.document.text, t.idx),
        )
        for t in ctx.parsed
        if t.dep_ in _SUBJECTS and t.pos_ == "PROPN" and len(surnames.get(t.text, ())) == 1 and t.idx not in tagged
    ]


def _descriptions(ctx: Context, quotes) -> list[Mention]:
    """Main-clause subjects that describe one person without a name: "The doctor said he then left"."""
    entities = ctx.layers["entities"]
    return [
        Mention(t.idx, None, MAIN, _inside_any(t.idx, quotes), head=t.lower_)
        for t in ctx.parsed
        if t.dep_ in _SUBJECTS
        and t.tag_ == "NN"
        and t.lower_ in _person_nouns()
        and _clause(t) == MAIN
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children)
        and _entity_at(entities, t.idx) is None
    ]


def _role(ctx: Context, start: int, end: int) -> str:
    span = ctx.parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return OTHER
    word = span.root
    if word.dep_ == "compound" and word.head.pos_ == "NOUN":
        return NONE  # "Jackson fans", "the Jackson 5 member": a modifier, not the person
    for _ in range(3):
        if word.dep_ not in _THROUGH or word.head is word:
            break
        word = word.head
    if word.dep_ in _SUBJECTS:
        return _clause(word)
    if span.root.dep_ == "appos":
        return OTHER  # "the envoy to Haiti, Bill Clinton, has called ...": the parser often hangs it on the object
    return NONE if span.root.dep_ in _POSSESSIVES or not span.text[:1].isupper() else OTHER  # "mosquito nets"


def _clause(subject) -> str:
    """MAIN when the subject's verb is its sentence's root, or conjoined to it ("arrived and said")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return MAIN if verb.dep_ == "ROOT" else EMBEDDED


def _plain_key(name: str) -> tuple[str, ...]:
    """A name's words without leading titles or articles: "Dr Conrad Murray", "a Conrad Murray" -> conrad, murray."""
    key = name_key(name)
    skip = title_words() | {"a", "an"}
    while len(key) > 1 and (key[0] in skip or key[0] + "." in skip):
        key = key[1:]
    return key


def _same_first(a: str, b: str) -> bool:
    """ "Ed" and "Edward": one first name is the other or starts it."""
    return a == b or (min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a)))


@functools.lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    table = load_table("attribution")["gender"]
    return {w: "masculine" for w in table["masculine_titles"]} | {w: "feminine" for w in table["feminine_titles"]}


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Singular nouns for one person: titles ("judge", "professor"), source nouns ("official") and the
    speakers view's people ("doctor", "lawyer")."""
    people = frozenset(load_table("attribution")["speakers"]["people"])
    return (title_words() | _source_nouns("anonymous") | people) - _NOT_PEOPLE


_NOT_PEOPLE = frozenset(
    {
        "former",
        "acting",
        "senior",
        "security",
        "national",
        "top",
        "special",
        "general",
        "supreme",
        "crown",
        "interior",
        "finance",
        "chief",
        "public",
        "media",
        "staff",
        "family",
    }
)
