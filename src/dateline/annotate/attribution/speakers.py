"""Speaker resolution in text order: entities, descriptions, pronouns and cue-less continuations."""

from __future__ import annotations

import bisect
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.annotate.attribution.antecedents import (
    People,
    bare_surname,
    people_of,
    person_antecedent,
    shared_surnames,
    surname_person,
    title_gender,
)
from dateline.annotate.attribution.items import _Found, _Speaker
from dateline.annotate.attribution.quotes import _joined
from dateline.annotate.attribution.syntax import _entity_at, _same_line, _sentence_index, _subtree_bounds
from dateline.annotate.attribution.tables import (
    _DEFINITE,
    _ENTITY_SPEAKERS,
    _LEADING_DETERMINERS,
    UNNAMED,
    _pronouns,
    _source_nouns,
)
from dateline.annotate.entities import describe_person_roles, title_words
from dateline.annotate.pipeline import Context
from dateline.model import Attribution, Entity
from dateline.resources import load_table

logger = logging.getLogger(__name__)

_RELATIVES = frozenset({"who", "that", "which"})


@dataclass(frozen=True)
class _Known:
    """What the whole document tells about its people, read once before resolving."""

    genders: dict[str, str]
    people: People


def _resolve_all(ctx: Context, found: list[_Found], nested: list[bool]) -> list[tuple[Attribution, bool]]:
    """(attribution, nested) in text order; nested items do not join the speaker history."""
    history: list[tuple[_Found, _Speaker]] = []
    out: list[tuple[Attribution, bool]] = []
    last_top: int | None = None
    known = _Known(person_genders(ctx), people_of(ctx))
    for item, inner in zip(found, nested):
        if inner:
            out.append((_attribution(ctx.document.text, item, _speaker(ctx, item, history, known)), True))
            continue
        if item.cue is None and last_top is not None and _continues_quote(ctx.document.text, history, item):
            previous, speaker = history[-1]
            history[-1] = (_joined(ctx.document.text, previous, item), speaker)
            out[last_top] = (_attribution(ctx.document.text, history[-1][0], speaker), False)
            continue
        if item.cue is None:
            item = _continuation(ctx, item, history)
            if item is None:
                continue
        speaker = _speaker(ctx, item, history, known)
        history.append((item, speaker))
        last_top = len(out)
        out.append((_attribution(ctx.document.text, item, speaker), False))
    return out


def _continues_quote(text: str, history: list[tuple[_Found, _Speaker]], item: _Found) -> bool:
    """A cue-less quote in the same paragraph as the quote before it: one statement."""
    if not history or not history[-1][0].direct:
        return False
    previous = history[-1][0]
    return previous.content_end <= item.content_start and _same_line(text, previous.content_end, item.content_start)


def _continuation(ctx: Context, item: _Found, history: list[tuple[_Found, _Speaker]]) -> _Found | None:
    """A cue-less quote continues the speaker of an attribution in the sentence before it."""
    if not history:
        return None
    previous, _ = history[-1]
    sentences = ctx.layers["sentences"]
    index = _sentence_index(sentences, item.content_start)
    last = _sentence_index(sentences, max(previous.content_end - 1, previous.source_end or 0))
    if index is None or last is None or index - last not in (0, 1):
        return None
    return replace(
        item,
        cue=previous.cue,
        source_head=previous.source_head,
        source_start=previous.source_start,
        source_end=previous.source_end,
    )


def _speaker(ctx: Context, item: _Found, history: list[tuple[_Found, _Speaker]], known: _Known) -> _Speaker:
    if item.source_head is None:
        return _Speaker(UNNAMED, True, "anonymous")
    head = ctx.parsed[item.source_head]
    if head.lower_ in _pronouns():
        return _pronoun_speaker(ctx, head, history, known)
    if head.lower_ in _RELATIVES and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        head = head.head.head  # "Smith, who said ...": the relative clause's noun speaks
        item = replace(item, source_head=head.i, source_start=_subtree_bounds(head)[0], source_end=head.idx + len(head))
    entity = _entity_at(ctx.layers["entities"], head.idx) or _named_apposition(ctx, head)
    if entity is not None and entity.label == "PERSON":
        return _Speaker(_person_name(ctx, entity, known), False, "person")
    if entity is not None and entity.label in _ENTITY_SPEAKERS:
        return _Speaker(entity.canonical, False, "institution")
    return _described_speaker(ctx, item, head, history)


def _person_name(ctx: Context, entity: Entity, known: _Known) -> str:
    """A person's canonical name; a surname that several people of the article share ("Jackson" beside
    Michael and Katherine Jackson) names the one of them a title's gender or a full name just before
    picks (`antecedents.surname_person`), else stays the surname as written rather than a guess."""
    surname = bare_surname(entity, known.people.shared)
    if surname is None:
        return entity.canonical
    gender = title_gender(ctx.document.text, entity.start)
    return surname_person(ctx, known.people, surname, entity.start, known.genders, gender) or entity.text


def _described_speaker(ctx: Context, item: _Found, head, history) -> _Speaker:
    description = _description(ctx.document.text, item.source_start, item.source_end)
    lemma = head.lower_
    anonymous = lemma in _source_nouns("anonymous") or _is_bare_plural(head) or description == UNNAMED
    kind = "anonymous" if anonymous else "institution"
    if _is_definite(head):
        earlier = _earlier_with_head(history, lemma, kind) or _titled_person(ctx, head)
        if earlier is not None:
            return earlier
    return _Speaker(description, anonymous, kind, lemma)


def _titled_person(ctx: Context, head) -> _Speaker | None:
    """The nearest earlier person holding the title: "Foreign Minister Fuad Hussein" for "the minister"."""
    if head.lower_ not in title_words():
        return None
    roles = [
        r for r in describe_person_roles(ctx) if r.start < head.idx and r.role and head.lower_ in r.role.lower().split()
    ]
    return _Speaker(roles[-1].person, False, "person") if roles else None


def _named_apposition(ctx: Context, head) -> Entity | None:
    """The person named beside a description: "the ministry spokesman, Ahmed Fahmy,"."""
    for child in head.children:
        entity = _entity_at(ctx.layers["entities"], child.idx) if child.dep_ == "appos" else None
        if entity is not None and entity.label == "PERSON":
            return entity
    return None


def _pronoun_speaker(ctx: Context, pronoun, history: list[tuple[_Found, _Speaker]], known: _Known) -> _Speaker:
    """What a pronoun stands for: a person ("he", "she": see `antecedents`), or the
    nearest earlier institutional ("it") or institutional or anonymous ("they") speaker."""
    wanted = _pronouns()[pronoun.lower_]
    if wanted in ("masculine", "feminine"):
        found = person_antecedent(ctx, pronoun.idx, known.people, history, known.genders, wanted)
        if found is not None:
            return found
    else:
        kinds = {"thing": ("institution",), "group": ("institution", "anonymous")}[wanted]
        for _, speaker in reversed(history):
            if speaker.kind in kinds:
                return speaker
    return _Speaker(pronoun.text, True, "unresolved")


def person_genders(ctx: Context) -> dict[str, str]:
    """Canonical person name -> "masculine" or "feminine", where the article shows it.

    Evidence: a courtesy title just before a mention ("Ms. Nwanguma"), and the
    gendered pronouns whose nearest earlier person mention (within 30 words) is
    that person; the majority wins and ties stay unknown. A surname several people
    share ("Mrs Jackson" beside Michael Jackson) is evidence for nobody: it would
    lend one of them another's gender.
    """
    table = load_table("attribution")["gender"]
    words = {w: "masculine" for w in table["masculine_words"]} | {w: "feminine" for w in table["feminine_words"]}
    people = sorted((e for e in ctx.layers["entities"] if e.label == "PERSON"), key=lambda e: e.start)
    shared = shared_surnames(people)
    votes: dict[str, Counter] = defaultdict(Counter)
    for person in (p for p in people if bare_surname(p, shared) is None):
        gender = title_gender(ctx.document.text, person.start)
        if gender is not None:
            votes[person.canonical][gender] += 3
    for token in ctx.parsed:
        if token.lower_ in words:
            last = _last_before(people, token.idx)
            if last is not None and _votes_for(ctx, last, token, shared):
                votes[last.canonical][words[token.lower_]] += 1
    return {name: _majority(counts) for name, counts in votes.items() if _majority(counts)}


def _votes_for(ctx: Context, person: Entity, pronoun, shared) -> bool:
    """Whether a gendered pronoun tells the gender of the person mentioned last before it."""
    if bare_surname(person, shared) is not None:
        return False
    return len(ctx.document.text[person.end : pronoun.idx].split()) <= 30


def _last_before(people: Sequence[Entity], position: int) -> Entity | None:
    index = bisect.bisect_right([p.end for p in people], position)
    return people[index - 1] if index else None


def _majority(counts: Counter) -> str | None:
    ranked = counts.most_common(2)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _earlier_with_head(history, lemma: str, kind: str) -> _Speaker | None:
    """The earlier description with the same head: "a senior U.S. official" for "the official"."""
    for _, speaker in reversed(history):
        if speaker.kind == kind and speaker.head == lemma:
            return speaker
    return None


def _attribution(text: str, item: _Found, speaker: _Speaker) -> Attribution:
    source_text = text[item.source_start : item.source_end] if item.source_start is not None else speaker.name
    return Attribution(
        speaker=speaker.name,
        source_text=source_text,
        anonymous=speaker.anonymous,
        cue=item.cue or "",
        content=item.content,
        content_start=item.content_start,
        content_end=item.content_end,
        direct=item.direct,
        source_start=item.source_start,
        source_end=item.source_end,
        cue_start=item.cue_start,
        cue_end=item.cue_end,
    )


_RESTARTS = {"The", "A", "An"}
_BEFORE_A_NAME = {"of", "for", "at", "in", "and", "to", "from", "with", "by", "on", "about", "told"}


def _description(text: str, start: int | None, end: int | None) -> str:
    """The source as written, without its determiner or a clause after a comma. A source run on from a
    headline glued before it ("Envoy appeals for aid The UN special envoy") starts where the sentence does."""
    words = text[start:end].split(",")[0].split() if start is not None else []
    restarts = [i for i in range(1, len(words)) if words[i] in _RESTARTS and words[i - 1].islower()
                and words[i - 1] not in _BEFORE_A_NAME]
    words = words[restarts[-1]:] if restarts else words
    while words and words[0].lower() in _LEADING_DETERMINERS:
        words = words[1:]
    return " ".join(words).strip(" ,;:") or UNNAMED


def _is_bare_plural(head) -> bool:
    has_determiner = any(c.dep_ in {"det", "poss"} for c in head.children)
    return head.tag_ == "NNS" and not has_determiner


def _is_definite(head) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
