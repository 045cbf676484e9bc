"""The speaker view: who said what in a story, over time, with counts per outlet.

Built from the stored "attributions" and "entities" layers of a story's
articles (duplicates left out, so a copied quote counts once). A named speaker
is shown under its corpus-wide name (`dateline.link.entities`), so "Singh" in
one article and "Sabrina Singh" in another are one speaker; anonymous
descriptions ("senior U.S. official") are kept apart, as written, and flagged.

Speakers are people and organisations only: a named speaker that is none
("the statement", "both sides", a dateline) is left out (`is_named_source`), and
so are an anonymous description whose head noun names no person or group
("Views", "Explainer", "Only time"; `data/attribution.toml [speakers]`) and a
pronoun the annotator could not resolve ("I", "you", "who"). Variants of one
name are one speaker (`speaker_groups`): titles, family and trade nouns and
"-LRB-" cut off ("Dr Murray", "Rev Jesse Jackson", "Daughter Georgia"), aliases
(`data/aliases.toml`), a middle initial dropped ("Timothy F. Geithner"), spaces
inside a name ignored ("La Toya", "LaToya"), a short form ("Ed", "Obama") joined
to the one fuller name it fits, or to one that speaks 2.5 times as often as any
other it fits; a surname several speakers share stays as written ("Jackson").
A first name alone is settled per article (`_in_article`), and a document with
an owner ("Jackson's complaint") is listed under its owner. Anonymous
descriptions differing only in a capital are one ("Experts", "experts").
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.annotate.attribution import UNNAMED
from dateline.annotate.entities import alias_canonical, name_key, title_words
from dateline.link.entities import link_entities
from dateline.model import AnnotatedDocument, Attribution, Citation, Entity
from dateline.resources import load_table
from dateline.store import Store
from dateline.views.stories import resolve_story

__all__ = [
    "Speaker",
    "Speakers",
    "Statement",
    "build_speakers",
    "is_named_source",
    "speaker_groups",
    "speaker_name",
    "speakers_from_documents",
    "speakers_md",
]


@dataclass(frozen=True)
class Statement:
    """One attribution: what was said, how, where and when it was reported."""

    cue: str
    content: str
    direct: bool
    citation: Citation  # the attribution's own span in its article


@dataclass(frozen=True)
class Speaker:
    name: str
    anonymous: bool
    outlets: tuple[tuple[str, int], ...]  # (outlet, statements), most first
    statements: tuple[Statement, ...]  # oldest first, undated last


@dataclass(frozen=True)
class Speakers:
    story: str
    title: str
    speakers: tuple[Speaker, ...]  # most statements first


def build_speakers(store: Store, story: str | None = None) -> Speakers:
    """The speaker view of a story (id, prefix or title words; the largest when None)."""
    found = resolve_story(store, story)  # a story, or a topic: every story of it
    documents = [d for s in found.stories for d in store.annotated_for_story(s, duplicates=False)]
    return speakers_from_documents(found.id, found.title, documents)


def speakers_from_documents(story: str, title: str, documents: Sequence[AnnotatedDocument]) -> Speakers:
    names = link_entities((d.document.id, d.entities) for d in documents)
    people, places = _people_and_places(documents, names)
    known = _people_in_documents(documents, names)
    grouped: dict[tuple[str, bool], list[Statement]] = defaultdict(list)
    for doc in documents:
        for attribution in (a for a in doc.attributions if a.nested_in is None):  # top-level statements only
            named = _in_article(attribution, doc.entities, known) or attribution.speaker
            key = speaker_name(attribution, doc.entities, names.get((doc.document.id, named), named))
            if key is not None:
                grouped[key].append(_statement(doc, attribution))
    counts = {key: len(statements) for key, statements in grouped.items()}
    merged: dict[tuple[str, bool], list[Statement]] = defaultdict(list)
    for key, target in speaker_groups(counts, people, places).items():
        merged[target] += grouped[key]
    speakers = [_speaker(name, anonymous, statements) for (name, anonymous), statements in merged.items()]
    speakers.sort(key=lambda s: (-len(s.statements), s.anonymous, s.name))
    return Speakers(story, title, tuple(speakers))


def _in_article(attribution: Attribution, entities: Sequence[Entity], people: Counter) -> str | None:
    """The name a named speaker is listed under when the article or the story names it more fully, else None.

    A document or speech noun with an owner ("Jackson's complaint", "the family's statement") speaks for its
    owner: the statement is listed under the owner, not under a thing among people. A first name alone
    ("Jermaine") is the one person of the article whose full name opens with it ("Jermaine Jackson"), else the
    one person of the story (`people`) so named whose surname the article also uses: across a story first
    names are shared by strangers ("John" the aid worker is not John Holmes), so this is settled per article."""
    if attribution.anonymous:
        return None
    speaker = _document_owner(attribution.speaker) or attribution.speaker
    bare = _clean_name(speaker)  # "Mr Ban" -> "Ban"
    if bare and " " not in bare:
        titled = _titled(attribution.source_text, bare) or _titled(speaker, bare)
        speaker = _full_name(bare, titled, entities, people) or speaker
    if speaker == attribution.speaker:
        return None
    owners = {e.canonical for e in entities if e.text == speaker and e.label == "PERSON"}
    return owners.pop() if len(owners) == 1 else speaker


def _full_name(word: str, titled: bool, entities: Sequence[Entity], people: Counter) -> str | None:
    """The one full name a one-word speaker stands for when it opens that name, else None.

    `people`: the story's full person names and how many articles name them. Never for a surname of the
    article or of a person the story names in two articles or more ("Obama": `speaker_groups` decides;
    a one-off mis-tagged name does not count). A first name ("Jermaine") is the article's one person so
    named, else the story's one whose surname the article uses; after a title ("Mr Ban") the word is a
    surname written first: the story's one such person."""
    here = {_clean_name(e.canonical) for e in entities if e.label == "PERSON"}
    here = {name for name in here if len(_tokens(name)) > 1}
    if any(_tokens(name)[-1] == word.casefold() for name in here | {p for p, n in people.items() if n > 1}):
        return None
    opened = {_tokens(name): name for name in here if _opens_with(name, word)}  # "Ki-Moon", "Ki-moon": one
    if opened:
        return next(iter(opened.values())) if len(opened) == 1 else None
    surnames = {_tokens(e.text)[-1] for e in entities if _tokens(e.text)}
    story = {_tokens(p): p for p in people if _opens_with(p, word) and (titled or _tokens(p)[-1] in surnames)}
    return next(iter(story.values())) if len(story) == 1 else None


def _titled(source: str, word: str) -> bool:
    """Whether the source writes a title before the word: "Mr Ban", "Dr. Chan"."""
    before = source[: source.rfind(word)].split()
    return bool(before) and before[-1].casefold() in title_words()


def _document_owner(speaker: str) -> str | None:
    """ "Katherine Jackson's suit" -> "Katherine Jackson": the owner of a document or speech noun, else None."""
    found = _POSSESSED.fullmatch(speaker)
    return found.group(1) if found and found.group(2).casefold() in _table("documents") else None


def _opens_with(full: str, first: str) -> bool:
    """Whether a full personal name of two words or more opens with the first name `first`."""
    key = _tokens(full)
    return len(key) > 1 and key[0] == first.casefold() and len(_tokens(first)) == 1


def _people_in_documents(documents: Sequence[AnnotatedDocument], names: Mapping) -> Counter:
    """Corpus-wide person names of two words or more -> the number of articles that name them."""
    found: Counter = Counter()
    for doc in documents:
        found.update(
            {
                _clean_name(names.get((doc.document.id, e.canonical), e.canonical))
                for e in doc.entities
                if e.label == "PERSON" and len(_tokens(e.canonical)) > 1
            }
        )
    return found


def _people_and_places(documents: Sequence[AnnotatedDocument], names: Mapping) -> tuple[set[str], set[str]]:
    """Corpus-wide names ever tagged as a person, and those tagged as a place and never as a person."""
    labels: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        for e in doc.entities:
            labels[_clean_name(names.get((doc.document.id, e.canonical), e.canonical))].add(e.label)
    people = {name for name, found in labels.items() if "PERSON" in found}
    return people, {name for name, found in labels.items() if found & _PLACES and not found & {"PERSON"}}


def speaker_name(
    attribution: Attribution, entities: Sequence[Entity], corpus_name: str | None = None
) -> tuple[str, bool] | None:
    """(name, anonymous) a statement is listed under, or None when its speaker is no person or organisation.

    `corpus_name` is the speaker's corpus-wide name (`dateline.link.entities`), when it has one."""
    speaker = " ".join(w for w in attribution.speaker.split() if not _BRACKET_TOKEN.fullmatch(w))
    if speaker.casefold() == UNNAMED:
        return UNNAMED, True
    if speaker.casefold() in _table("nobody"):
        return None
    if attribution.anonymous:
        return (_anonymous_name(speaker), True) if _names_people(speaker) else None
    if not is_named_source(speaker, entities):
        return None
    name = _clean_name(corpus_name or speaker)
    return (name, False) if name else None


def speaker_groups(
    counts: Mapping[tuple[str, bool], int], people: set[str] = frozenset(), places: set[str] = frozenset()
) -> dict[tuple[str, bool], tuple[str, bool]]:
    """Each (name, anonymous) speaker -> the speaker it is listed as: variants of a person's name joined.

    `counts` are statements per speaker, `people` the names known to be persons, `places` names known
    to be places and never persons (a one-word name that is no place may be a surname). Names spelled
    alike but for spaces ("La Toya Jackson", "LaToya Jackson") are one. Then, longest names first, a name
    goes to the one fuller person name it fits ("Obama", "Ed Chernoff", "Timothy Geithner" for "Timothy F.
    Geithner"), or to the one with `_DOMINANT` times the statements of every other it fits, counted once
    every longer name has joined its own: a surname alone that several speakers of the story share
    ("Jackson" beside Michael, Katherine and Jermaine Jackson) stays as written, nobody's in particular;
    one shared with a passing namesake ("Preval": Rene 40 times, Elisabeth 3) is the one who speaks."""
    total = dict(counts)
    target = {key: key for key in counts}
    persons = [k for k in counts if not k[1] and k[0] in people]
    for key, same in _spelled_alike(persons, total).items():
        target[key] = same
        total[same] += total[key]
    persons = [k for k in persons if target[k] == k]
    candidates = persons + [
        k for k in counts if not k[1] and k not in persons and k[0] not in places and _surname_only(k[0])
    ]
    for key in sorted(candidates, key=lambda k: (-len(_tokens(k[0])), counts[k], k[0])):
        fits = [o for o in persons if o != key and target[o] == o and _fits(o, key, total)]
        fits.sort(key=lambda k: -total[k])
        if len(fits) == 1 or (fits and total[fits[0]] >= _DOMINANT * total[fits[1]]):
            target[key] = fits[0]
            total[fits[0]] += total[key]
    return {key: _final(target, key) for key in target}


def _spelled_alike(persons: list[tuple[str, bool]], total: Mapping) -> dict[tuple[str, bool], tuple[str, bool]]:
    """Each person name written with other spaces than a more frequent one ("La Toya" for "LaToya") -> that one."""
    spellings: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for key in persons:
        spellings["".join(_tokens(key[0]))].append(key)
    joined = {}
    for keys in (k for k in spellings.values() if len(k) > 1):
        keys.sort(key=lambda k: (-total[k], k[0]))
        joined |= {key: keys[0] for key in keys[1:]}
    return joined


def _fits(long: tuple[str, bool], short: tuple[str, bool], total: Mapping[tuple[str, bool], int]) -> bool:
    return _fuller(_tokens(long[0]), _tokens(short[0]), total[long] - total[short], long[0] < short[0])


def _surname_only(name: str) -> bool:
    """One capitalised word the parser did not tag as a person ("Fukuda" read as an organisation)."""
    return " " not in name and name[:1].isupper() and not name.isupper()


def _final(target: dict, key: tuple[str, bool]) -> tuple[str, bool]:
    seen = {key}
    while target[key] not in seen:
        key = target[key]
        seen.add(key)
    return key


def _fuller(long: tuple[str, ...], short: tuple[str, ...], more: int, earlier: bool) -> bool:
    """Whether `long` is a fuller form of the name `short` ("Obama", "Ed Chernoff"); of two names of
    two words or more, the one that speaks more often ("Michael Jackson", not "Michael Katherine Jackson")."""
    if not long or not short or len(long) < len(short):
        return False
    if (len(long) == len(short) or len(short) > 1) and (more < 0 or (more == 0 and not earlier)):
        return False  # a two-word name goes to a longer one only when that one speaks as often
    if len(short) == 1:
        # "Obama"; "Novartis" for "Novartis AG"; a first name alone is settled per article (`_in_article`)
        return short[0] == long[-1] or (short[0] == long[0] and set(long[1:]) <= _CORPORATE)
    return short[-1] == long[-1] and _same_first(short[0], long[0]) and set(short[1:-1]) <= set(long[1:-1])


def _same_first(a: str, b: str) -> bool:
    """ "Ed" and "Edward", "Hank" and "Henry": one first name is the other or its short form; or
    one letter apart in a long name ("Elisabeth", "Elizabeth")."""
    if a == b or (min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a))):
        return True
    if frozenset((a, b)) in _nicknames():
        return True
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b)) == 1


def _tokens(name: str) -> tuple[str, ...]:
    """A name's words without initials and generational suffixes: "Henry M. Paulson Jr." -> henry, paulson."""
    return tuple(t for t in name_key(name) if len(t) > 1 and t not in _SUFFIXES)


def _clean_name(name: str) -> str:
    """A name without bracket tokens ("-LRB-"), leading titles ("Dr", "Mr", "Lawyer") or article ("a Conrad
    Murray"), repeated words ("LaToya LaToya Jackson"), in its alias group's form."""
    words = [w for w in name.split() if not _BRACKET_TOKEN.fullmatch(w)]
    titles = title_words()
    while len(words) > 1 and (words[0].casefold() in titles | _ARTICLES or words[0].casefold() + "." in titles):
        words = words[1:]
    cleaned = " ".join(w for i, w in enumerate(words) if not i or w != words[i - 1])
    alias = alias_canonical(cleaned)
    return alias[0] if alias else cleaned


def _anonymous_name(description: str) -> str:
    """An anonymous description as listed: the capital of a sentence start dropped ("Experts")."""
    if len(description) > 1 and description[0].isupper() and description[1].islower():
        return description[0].lower() + description[1:]
    return description


def _names_people(description: str) -> bool:
    """Whether an anonymous description's head noun names people or a group: "aid officials", "spokeswoman for X"."""
    words = [w.casefold().strip(".,;:'’\"()") for w in description.split()]
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_ENDS), len(words))
    head = words[cut - 1] if cut else ""
    if head in _QUANTITIES and cut < len(words) and words[cut] == "of":
        rest = words[cut + 1 :]
        head = next(
            (w for w in reversed(rest[: next((i for i, w in enumerate(rest) if w in _HEAD_ENDS), len(rest))])), ""
        )
    return head in _table("people") or head in _source_nouns()


def _table(name: str) -> frozenset[str]:
    return _speaker_tables()[name]


@functools.lru_cache(maxsize=1)
def _speaker_tables() -> dict[str, frozenset[str]]:
    tables = load_table("attribution")["speakers"]
    return {name: frozenset(tables[name]) for name in ("people", "nobody", "documents")}


@functools.lru_cache(maxsize=1)
def _nicknames() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair.split()) for pair in load_table("attribution")["speakers"]["nicknames"])


@functools.lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    sources = load_table("attribution")["sources"]
    return frozenset(sources["anonymous"]) | frozenset(sources["institutional"])


_DOMINANT = 2.5  # a short name goes to the name it fits that has this many times the statements of any other
_PLACES = frozenset({"GPE", "LOC", "NORP", "FAC"})
_ARTICLES = frozenset({"a", "an", "the"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_CORPORATE = frozenset({"ag", "inc", "ltd", "plc", "sa", "nv", "co", "corp", "llc", "gmbh", "group", "holdings"})
_BRACKET_TOKEN = re.compile(r"-[LR][RSC]B-")
_POSSESSED = re.compile(r"(.+?)['’]s?\s+(\S+)")  # "Jackson's complaint": owner, head noun
_HEAD_ENDS = frozenset(
    ["of", "for", "from", "at", "on", "in", "with", "by", "familiar", "close", "to", "who", "that", "which"]
)
_QUANTITIES = frozenset(
    [
        "thousands",
        "hundreds",
        "dozens",
        "millions",
        "some",
        "many",
        "most",
        "one",
        "two",
        "three",
        "several",
        "all",
        "both",
        "majority",
    ]
)


_SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_INSTITUTIONS = frozenset(
    [
        "council",
        "ministry",
        "government",
        "army",
        "military",
        "police",
        "agency",
        "office",
        "department",
        "court",
        "parliament",
        "embassy",
        "television",
        "radio",
        "media",
        "committee",
        "commission",
        "authority",
        "authorities",
        "command",
        "forces",
        "junta",
        "party",
        "union",
    ]
)


def is_named_source(speaker: str, entities: Sequence[Entity]) -> bool:
    """Whether a named speaker is a person or an organisation: a person's or organisation's name, a place
    standing for its government ("Washington said"), or an institution of a place ("Niger's ruling
    council"). Not a pronoun or a common noun ("the statement", "both sides", "one of them"), a
    nationality ("Nigerien"), or a dateline in capitals ("NIAMEY")."""
    if not speaker or not speaker[0].isupper() or (speaker.isupper() and " " not in speaker and len(speaker) > 4):
        return False
    inside = [e for e in entities if e.text in speaker or e.canonical == speaker]
    if any(e.label in ("PERSON", "ORG") for e in inside):
        return True
    whole = any(e.label in _SOURCE_LABELS - {"NORP"} and speaker in (e.text, e.canonical) for e in inside)
    return whole or (bool(inside) and bool(_INSTITUTIONS & set(speaker.lower().split())))


def speakers_md(view: Speakers, *, per_speaker: int = 5, limit: int = 50) -> str:
    """Markdown: a table of the `limit` speakers with most statements (0: all), then each one's latest statements."""
    shown = view.speakers[:limit] if limit else view.speakers
    lines = [f"## Speakers: {view.title}", "", "| speaker | statements | outlets |", "|---|---|---|"]
    for s in shown:
        outlets = ", ".join(f"{o} ({n})" for o, n in s.outlets)
        lines.append(f"| {_label(s)} | {len(s.statements)} | {outlets} |")
    if len(shown) < len(view.speakers):
        lines += ["", f"_{len(view.speakers) - len(shown)} more speakers: `dateline speakers --limit 0`_"]
    for s in shown:
        lines += ["", f"### {_label(s)}", ""]
        lines += [_statement_md(st) for st in s.statements[-per_speaker:]]
    return "\n".join(lines if view.speakers else lines[:2] + ["_no attributed statements yet_"])


def _statement(doc: AnnotatedDocument, attribution: Attribution) -> Statement:
    start = min(
        attribution.content_start,
        attribution.source_start if attribution.source_start is not None else attribution.content_start,
    )
    end = max(attribution.content_end, attribution.source_end or 0, attribution.cue_end or 0)
    document = doc.document
    citation = Citation(document.id, start, end, document.text[start:end], document.outlet, document.published.value)
    return Statement(attribution.cue, attribution.content, attribution.direct, citation)


def _speaker(name: str, anonymous: bool, statements: list[Statement]) -> Speaker:
    statements.sort(key=lambda s: (s.citation.published or date.max, s.citation.document, s.citation.start))
    outlets = Counter(s.citation.outlet or "unknown outlet" for s in statements)
    return Speaker(name, anonymous, tuple(sorted(outlets.items(), key=lambda o: (-o[1], o[0]))), tuple(statements))


def _label(speaker: Speaker) -> str:
    return f"{speaker.name} (anonymous)" if speaker.anonymous else speaker.name


def _statement_md(statement: Statement) -> str:
    c = statement.citation
    when = c.published.isoformat() if c.published else "undated"
    text = " ".join(statement.content.split())
    text = text if len(text) <= 200 else text[:199] + "…"
    shown = f"“{text}”" if statement.direct else text
    return f"- {when}, {c.outlet or 'unknown outlet'}, `{c.document}` ({statement.cue or 'no cue'}): {shown}"
