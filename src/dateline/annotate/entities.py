"""Entity layer: people, organisations and places, each with its canonical name.

Reads spaCy's named entities (`ctx.parsed.ents`), cleans their spans (a leading
"the", a possessive, title words before a name, spans that run across a
paragraph break), repairs common small-model mistakes generically, and gives
every mention the fullest name its referent has in the document: surnames and
case or "al-" variants point to the full personal name, acronyms introduced in
brackets point to their long form, and alias groups from `data/aliases.toml`
point to the group's canonical name. The name helpers here (`name_key`,
`alias_canonical`, `is_acronym_of`) are shared with cross-document linking.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.annotate.pipeline import Context
from dateline.model import Entity
from dateline.resources import load_table

logger = logging.getLogger(__name__)

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_NAME_ARTICLES = frozenset({"al", "el"})
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE|a|an)\s+")  # "a Conrad Murray": the tagger took the article
_POSSESSIVE = re.compile(r"['’]s?$")
_TRAILING_PUNCT = ".,;:!?\"'’”)]-–— "
_ABBREVIATION_END = re.compile(r"(?:^|[\s.\-])[A-Za-z]\.$")
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&]*(?:-[A-Z0-9][A-Za-z0-9&]*)*)\s*[,)]")
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "on", "in", "to", "de", "du", "la"})


@dataclass(frozen=True)
class PersonRole:
    """A title or role stated next to a person's name, with the body they serve."""

    person: str  # canonical name
    role: str | None  # "spokesperson", "Prime Minister"
    organisation: str | None  # canonical: "US Department of Defense", "Iraq"
    start: int  # the whole description: "Pentagon spokesperson Sabrina Singh"
    end: int


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    label: str


def find_entities(ctx: Context) -> tuple[Entity, ...]:
    """Named entities of the kept labels, cleaned, with per-document canonical names."""
    text = ctx.document.text
    mentions = [m for m in (_clean(text, e.start_char, e.end_char, e.label_) for e in ctx.parsed.ents) if m]
    mentions = _drop_common_words(text, mentions)
    acronyms = _bracketed_acronyms(text, mentions)
    mentions = sorted(mentions + _acronym_mentions(text, mentions, acronyms), key=lambda m: m.start)
    mentions = _relabel_surnames(text, mentions)
    return _canonicalise(text, mentions, acronyms)


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> tuple[str, ...]:
    """Comparable tokens of a name: case, dots, hyphens and "al-"/"el-" ignored."""
    name = _LEADING_ARTICLE.sub("", name.strip())
    name = _POSSESSIVE.sub("", name).replace(".", "")
    tokens = re.split(r"[\s\-‐‑–]+", name.casefold())
    return tuple(t for t in tokens if t and t not in _NAME_ARTICLES)


@functools.lru_cache(maxsize=1 << 16)
def alias_canonical(name: str) -> tuple[str, str] | None:
    """(canonical name, label) of the alias group `name` belongs to, if any."""
    return _alias_index().get(name_key(name))


def is_acronym_of(short: str, long: str) -> bool:
    """Whether `short` ("PMF", "CJTF-OIR") spells the initials of `long`."""
    letters = acronym_letters(short)
    return letters is not None and initials(long) == letters


def acronym_letters(name: str) -> str | None:
    """The letters of a name written as an acronym ("CJTF-OIR" -> "cjtfoir"), else None."""
    letters = re.sub(r"[^A-Za-z0-9]", "", name)
    if len(letters) < 2 or not name.replace("-", "").isupper():
        return None
    return letters.casefold()


def initials(name: str) -> str:
    """First letters of a name's words, minor words skipped: "Popular Mobilization Forces" -> "pmf"."""
    words = [w for w in re.split(r"[\s\-–]+", _LEADING_ARTICLE.sub("", name)) if w]
    return "".join(w[0] for w in words if w.casefold() not in _MINOR_WORDS).casefold()


def title_words() -> frozenset[str]:
    """Lower-case title and role words that precede personal names."""
    return frozenset(load_table("aliases")["titles"]["words"])


def describe_person_roles(ctx: Context, entities: Sequence[Entity] | None = None) -> tuple[PersonRole, ...]:
    """Roles written just before a person's name: "Iran's Supreme Leader Ali Khamenei"."""
    entities = ctx.layers["entities"] if entities is None else entities
    text = ctx.document.text
    roles = (_role_before(text, e, entities) for e in entities if e.label == "PERSON")
    return tuple(r for r in roles if r is not None)


@functools.lru_cache(maxsize=1)
def _alias_index() -> dict[tuple[str, ...], tuple[str, str]]:
    index: dict[tuple[str, ...], tuple[str, str]] = {}
    for group in load_table("aliases")["group"]:
        for name in (group["canonical"], *group["aliases"]):
            index[name_key(name)] = (group["canonical"], group["label"])
    return index


def _clean(text: str, start: int, end: int, label: str) -> _Mention | None:
    if label not in KEPT_LABELS or "\n" in text[start:end]:
        return None  # a span across a paragraph break is a headline run-on
    start, end = _strip_span(text, start, end)
    if label == "PERSON":
        start = _skip_titles(text, start, end)
    words = text[start:end].split()
    if not words or all(w.casefold() in title_words() for w in words):
        return None
    return _Mention(start, end, label)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    article = _LEADING_ARTICLE.match(text[start:end])
    if article and article.end() < end - start:
        start += article.end()
    bracket = text.rfind("(", start, end)
    if bracket > start and ")" not in text[bracket:end]:
        end = bracket  # "Safeguard of the Homeland (CNSP": the acronym is found separately
    possessive = re.search(r"['’]s?$", text[start:end])
    if possessive and possessive.start() > 0:
        end = start + possessive.start()
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        if text[end - 1] == "." and _ABBREVIATION_END.search(text[start:end]):
            break  # keep the dot of "U.S."
        end -= 1
    return start, end


def _skip_titles(text: str, start: int, end: int) -> int:
    titles = title_words()
    for match in re.finditer(r"\S+", text[start:end]):
        if match.group().casefold() not in titles:
            return start + match.start()
    return start


def _drop_common_words(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Drops one-word title-case mentions that the text also uses as a common word.

    The small model tags capitalised headline words ("Rationale for the Delay")
    as names; a word that also appears in lower case is almost never a name,
    unless it is the surname of a fuller name in the same document.
    """
    surnames = {name_key(text[m.start : m.end])[-1] for m in mentions if _is_full_person(text, m)}
    lowered = set(re.findall(r"\b[a-z][a-z\-]+\b", text))
    return [m for m in mentions if not _is_common_word(text[m.start : m.end], lowered, surnames)]


def _is_common_word(name: str, lowered: set[str], surnames: set[str]) -> bool:
    if " " in name or name.isupper() or not name[:1].isupper():
        return False
    return name.lower() in lowered and name.casefold() not in surnames


def _is_full_person(text: str, mention: _Mention) -> bool:
    return mention.label == "PERSON" and len(name_key(text[mention.start : mention.end])) > 1


def _bracketed_acronyms(text: str, mentions: Iterable[_Mention]) -> dict[str, _Mention]:
    """Acronyms introduced right after a long name: "Popular Mobilization Forces (PMF)"."""
    found: dict[str, _Mention] = {}
    for mention in mentions:
        match = _BRACKETED_ACRONYM.match(text, mention.end)
        if match and _introduces_acronym(match.group(1), mention, text[mention.start : mention.end]):
            found.setdefault(match.group(1), mention)
    return found


def _introduces_acronym(acronym: str, mention: _Mention, long_form: str) -> bool:
    """Whether a bracketed acronym names the mention before it.

    Initials must match, except after an organisation of three words or more:
    acronyms of names translated into English keep their original initials
    ("National Council for the Safeguard of the Homeland (CNSP)").
    """
    if is_acronym_of(acronym, long_form):
        return True
    letters = acronym.replace("-", "")
    return mention.label == "ORG" and len(long_form.split()) >= 3 and letters.isupper() and 2 <= len(letters) <= 8


def _acronym_mentions(text: str, mentions: list[_Mention], acronyms: dict[str, _Mention]) -> list[_Mention]:
    """Mentions of introduced acronyms that the model did not tag."""
    taken = [(m.start, m.end) for m in mentions]
    added: list[_Mention] = []
    for acronym, long_form in acronyms.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                added.append(_Mention(match.start(), match.end(), long_form.label))
                taken.append((match.start(), match.end()))
    return added


def _relabel_surnames(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A one-word place or organisation that is the surname of a full personal name is that person."""
    surnames = {name_key(text[m.start : m.end])[-1] for m in mentions if _is_full_person(text, m)}
    return [
        replace(m, label="PERSON")
        if m.label in {"GPE", "ORG", "NORP", "LOC"} and _single_key(text, m) in surnames
        else m
        for m in mentions
    ]


def _single_key(text: str, mention: _Mention) -> str | None:
    key = name_key(text[mention.start : mention.end])
    return key[0] if len(key) == 1 else None


def _canonicalise(text: str, mentions: list[_Mention], acronyms: dict[str, _Mention]) -> tuple[Entity, ...]:
    people = [m for m in mentions if m.label == "PERSON"]
    entities = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        canonical, label = _canonical(text, mention, people, mentions, acronyms)
        entities.append(Entity(surface, label, canonical, mention.start, mention.end))
    return tuple(entities)


def _canonical(
    text: str,
    mention: _Mention,
    people: list[_Mention],
    mentions: list[_Mention],
    acronyms: dict[str, _Mention],
) -> tuple[str, str]:
    surface = text[mention.start : mention.end]
    if surface in acronyms and acronyms[surface] != mention:
        mention = acronyms[surface]
        surface = text[mention.start : mention.end]
    alias = alias_canonical(surface)
    if alias:
        return alias
    if mention.label == "PERSON":
        return _fullest(text, mention, people), "PERSON"
    if len(name_key(surface)) > 1:
        same_label = [m for m in mentions if m.label == mention.label]
        return _fullest(text, mention, same_label), mention.label
    return surface, mention.label


def _fullest(text: str, mention: _Mention, candidates: list[_Mention]) -> str:
    """The longest name in `candidates` that ends with this mention's name.

    When several different full names share the surname, the nearest one
    before the mention wins (then the nearest after).
    """
    key = name_key(text[mention.start : mention.end])
    fuller = [c for c in candidates if _ends_with(name_key(text[c.start : c.end]), key)]
    if not fuller:
        return text[mention.start : mention.end]
    longest = max(len(name_key(text[c.start : c.end])) for c in fuller)
    best = [c for c in fuller if len(name_key(text[c.start : c.end])) == longest]
    best.sort(key=lambda c: (c.start > mention.start, abs(c.start - mention.start)))
    return text[best[0].start : best[0].end]


def _ends_with(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return bool(short) and len(full) >= len(short) and full[len(full) - len(short) :] == short


def _role_before(text: str, person: Entity, entities: Sequence[Entity]) -> PersonRole | None:
    titles = title_words()
    role_words: list[str] = []
    organisation: Entity | None = None
    start = person.start
    for word_start, word in _words_before(text, person.start):
        if word_start >= start:
            continue  # a word of the organisation already taken
        owner = _entity_ending_at(entities, word_start + len(word))
        if organisation is None and word.casefold() in titles:
            role_words.insert(0, word)
            start = word_start
        elif organisation is None and owner is not None and owner.label != "PERSON":
            organisation, start = owner, owner.start
        else:
            break
    if not role_words and organisation is None:
        return None
    role = " ".join(role_words) or None
    return PersonRole(person.canonical, role, organisation.canonical if organisation else None, start, person.end)


def _words_before(text: str, position: int) -> list[tuple[int, str]]:
    """Up to six words before `position` on the same line, nearest first; "'s" stripped."""
    line_start = text.rfind("\n", 0, position) + 1
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\s,;:()\"“”]+", text[line_start:position])]
    return [(line_start + s, _POSSESSIVE.sub("", w) if w.endswith(("'s", "’s")) else w) for s, w in reversed(words)][:6]


def _entity_ending_at(entities: Sequence[Entity], end: int) -> Entity | None:
    return next((e for e in entities if e.end == end), None)
