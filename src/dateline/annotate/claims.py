"""Claim layer: each sentence split into atomic statements for the fact ledger.

Reads the spaCy parse and the "sentences", "entities", "timexes", "quantities"
and "attributions" layers; writes `Claim` records. A claim is a clause with
its own verb: the main clause, a coordinated clause, or an absolute phrase
("with the remaining forces scheduled to leave by 2026"). Reporting verbs
("officials said") frame claims instead of making them. The predicate is the
content verb under verbs of planning ("is set to conclude" -> conclude) or the
event noun under light verbs ("made plans for the withdrawal" -> withdrawal).
Each claim gets its time from the timexes inside it, its modality and hedging
from cue words, its speaker from the attribution that contains it. Every word
list lives in `data/claims.toml`.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from dateline.annotate.pipeline import Context
from dateline.model import Attribution, Claim, Entity, Modality, Quantity, TimeExpr
from dateline.nlp import text_of
from dateline.resources import load_table

logger = logging.getLogger(__name__)

__all__ = ["find_claims"]

_VERBAL = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_PLACE_PREPS = frozenset({"in", "from", "across", "at", "inside", "within", "to", "into", "throughout", "out", "near"})
# Clause parts trimmed from a noun phrase when it names a subject or object.
_NP_CUT = frozenset({"relcl", "acl", "appos", "advcl", "punct", "parataxis"})
_PREFERRED_ROLES = ("deadline", "end", "start")


@dataclass(frozen=True)
class _Lexicon:
    classes: dict[str, str]
    light_transitive: frozenset[str]
    light_intransitive: frozenset[str]
    control: frozenset[str]
    plan_nouns: frozenset[str]
    reporting: frozenset[str]
    denial: frozenset[str]
    frame_preps: frozenset[str]
    modality: tuple[tuple[str, frozenset[str]], ...]
    negation: frozenset[str]
    hedge_words: frozenset[str]
    hedge_phrases: tuple[str, ...]


@dataclass(frozen=True)
class _Clause:
    """One atomic statement found in the parse, before layers are consulted."""

    predicate: Any  # the content verb, or the event noun under a light verb
    chain: tuple[Any, ...]  # head down to predicate: where modality cues sit
    subject: Any | None
    tokens: frozenset[int]  # token indices that belong to this claim
    denied_frame: bool  # framed by "denied", "rejected"


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    t = load_table("claims")
    modality = t["modality"]
    return _Lexicon(
        classes={word: name for name, words in t["classes"].items() for word in words},
        light_transitive=frozenset(t["light"]["transitive"]),
        light_intransitive=frozenset(t["light"]["intransitive"]),
        control=frozenset(t["light"]["control"]),
        plan_nouns=frozenset(t["light"]["plan_nouns"]),
        reporting=frozenset(t["reporting"]["verbs"]),
        denial=frozenset(t["reporting"]["denial"]),
        frame_preps=frozenset(t["reporting"]["frame_prepositions"]),
        modality=tuple((name, frozenset(modality[name])) for name in ("possible", "expected", "planned")),
        negation=frozenset(modality["negation"]),
        hedge_words=frozenset(t["hedges"]["words"]),
        hedge_phrases=tuple(t["hedges"]["phrases"]),
    )


def predicate_classes() -> dict[str, str]:
    """Verb or event-noun lemma -> the class of question it answers ("depart" -> "end")."""
    return dict(_lexicon().classes)


def light_predicates() -> frozenset[str]:
    """Verbs that carry no event of their own ("be", "say", "make"): not worth an event."""
    lex = _lexicon()
    return lex.light_transitive | lex.light_intransitive | lex.reporting


def find_claims(ctx: Context) -> tuple[Claim, ...]:
    """Every claim in the document, sentence by sentence, in text order."""
    doc = ctx.parsed
    out: list[Claim] = []
    for sentence in ctx.layers.get("sentences", ()):
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for clause in _clauses(span):
            claim = _claim(ctx, clause, span)
            if claim is not None:
                out.append(claim)
    return tuple(sorted(out, key=lambda c: (c.start, c.end)))


# --- splitting a sentence into clauses ---------------------------------------


def _clauses(span: Any) -> list[_Clause]:
    roots = [t for t in span if t.head == t or not span.start <= t.head.i < span.end]
    found: list[_Clause] = []
    for root in roots:
        found.extend(_expand(root, span, None, False))
    return found


def _expand(head: Any, span: Any, subject: Any | None, denied: bool) -> list[_Clause]:
    """The clauses under `head`: framed content, its own claim, its conjuncts."""
    lex = _lexicon()
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in _VERBAL]
    own_subject = _subject_of(head) or subject
    found: list[_Clause] = []
    contents = _framed_contents(head)
    if contents:
        framed_denial = denied or head.lemma_.lower() in lex.denial
        for content in contents:
            found.extend(_expand(content, span, None, framed_denial))
    elif head.pos_ in _VERBAL:
        absolutes = _absolutes(head)
        found.append(_clause(head, head, span, own_subject, denied, conjuncts + absolutes))
        for absolute in absolutes:
            carrier = own_subject if absolute.dep_ == "advcl" else absolute.head
            found.append(_clause(absolute, absolute, span, carrier, denied, []))
    for conjunct in conjuncts:
        found.extend(_expand(conjunct, span, own_subject, denied))
    return found


def _framed_contents(head: Any) -> list[Any]:
    """The clauses a reporting verb frames: "officials said [troops would stay]"."""
    if head.lemma_.lower() not in _lexicon().reporting:
        return []
    return [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in _VERBAL]


def _absolutes(head: Any) -> list[Any]:
    """ "with the remaining forces scheduled to leave": the participle, if it plans a verb."""
    found = [
        c for c in head.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _lexicon().control
    ]
    for prep in head.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            found.extend(c for c in noun.children if c.dep_ == "acl" and _complement(c) is not None)
    return found


def _clause(top: Any, head: Any, span: Any, subject: Any | None, denied: bool, split: list[Any]) -> _Clause:
    """The clause headed by `head`; its text is the subtree of `top` less `split`."""
    predicate, chain = _descend(head)
    subject = _subject_of(predicate) or _chain_subject(chain) or subject
    if subject is None or not span.start <= subject.i < span.end:
        subject = _orphan_subject(span) if head.i == _first_verb(span) else None
    nominal = _event_noun(predicate)
    if nominal is not None:
        chain = (*chain, *_path_to(predicate, nominal))
        predicate = nominal
    tokens = _claim_tokens(top, span, split)
    return _Clause(predicate, tuple(chain), subject, tokens, denied)


def _descend(head: Any) -> tuple[Any, tuple[Any, ...]]:
    """From "is set to conclude" down to "conclude", keeping the way down."""
    chain = [head]
    while (nxt := _complement(chain[-1])) is not None:
        chain.append(nxt)
    return chain[-1], tuple(chain)


def _complement(token: Any) -> Any | None:
    control = _lexicon().control
    if token.lemma_.lower() not in control:
        for child in token.children:
            if child.dep_ == "acomp" and child.lemma_.lower() in control:
                return _complement(child)
        return None
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in _VERBAL:
            return child
    return None


def _event_noun(verb: Any) -> Any | None:
    """The event noun a light verb carries: "announced the postponement"."""
    lex = _lexicon()
    if verb.pos_ not in _VERBAL:
        return None
    lemma = verb.lemma_.lower()
    if lemma in lex.light_transitive:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")):
            noun = _as_event(obj)
            if noun is not None:
                return noun
    if lemma in lex.light_intransitive:
        subject = _subject_of(verb)
        if subject is not None and _is_event(subject):
            return subject
    return None


def _as_event(noun: Any) -> Any | None:
    if _is_event(noun):
        return noun
    if noun.lemma_.lower() not in _lexicon().plan_nouns and noun.lower_ not in _lexicon().plan_nouns:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "of")):
        for obj in prep.children:
            if obj.dep_ == "pobj" and _is_event(obj):
                return obj
    # "a plan to conclude operations": the infinitive is the claim
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"), None)


def _is_event(token: Any) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in _lexicon().classes


def _path_to(top: Any, bottom: Any) -> tuple[Any, ...]:
    path = []
    token = bottom
    while token != top and token.head != token:
        path.append(token)
        token = token.head
    return tuple(reversed(path))


def _subject_of(token: Any) -> Any | None:
    """The subject nearest the verb: a headline run into the sentence can add another."""
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS and c.lower_ != "there"]
    return min(subjects, key=lambda c: abs(c.i - token.i)) if subjects else None


def _orphan_subject(span: Any) -> Any | None:
    """A noun opening the sentence that the parser hung on the line before."""
    for token in span:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not span.start <= token.head.i < span.end:
            return token
        if token.pos_ in _VERBAL and token.dep_ not in ("aux", "auxpass"):
            return None
    return None


def _first_verb(span: Any) -> int | None:
    return next((t.i for t in span if t.pos_ in _VERBAL and t.dep_ not in ("aux", "auxpass")), None)


def _chain_subject(chain: tuple[Any, ...]) -> Any | None:
    for token in reversed(chain):
        subject = _subject_of(token)
        if subject is not None:
            return subject
    return None


def _claim_tokens(head: Any, span: Any, split: list[Any]) -> frozenset[int]:
    """The head's subtree, without split-off clauses, framing and edge punctuation."""
    lex = _lexicon()
    removed: set[int] = set()
    for token in split:
        removed.update(t.i for t in _split_root(token).subtree)
    for token in head.subtree:
        if token.dep_ == "prep" and token.lower_ in lex.frame_preps:
            removed.update(t.i for t in token.subtree)
    kept = sorted(t.i for t in head.subtree if t.i not in removed and span.start <= t.i < span.end)
    doc = head.doc
    while kept and _is_edge(doc[kept[0]]):
        kept.pop(0)
    while kept and _is_edge(doc[kept[-1]]):
        kept.pop()
    return frozenset(kept)


def _split_root(token: Any) -> Any:
    """What to cut away for a split-off clause: its "with" phrase, or itself."""
    if token.dep_ == "acl" and token.head.dep_ == "pobj" and token.head.head.lower_ == "with":
        return token.head.head
    return token


def _is_edge(token: Any) -> bool:
    return token.is_punct or token.dep_ in ("cc", "mark") or token.is_space


# --- turning a clause into a claim ---------------------------------------------


def _claim(ctx: Context, clause: _Clause, span: Any) -> Claim | None:
    if not clause.tokens:
        return None
    doc = ctx.parsed
    first, last = doc[min(clause.tokens)], doc[max(clause.tokens)]
    start, end = first.idx, last.idx + len(last.text)
    entities = tuple(ctx.layers.get("entities", ()))
    attribution = _attribution(ctx.layers.get("attributions", ()), start, end)
    negated = _is_negated(clause)
    predicate = _predicate_text(clause.predicate)
    timing = _timing(doc, clause, ctx.layers.get("timexes", ()), _lexicon().classes.get(predicate))
    return Claim(
        text=ctx.document.text[start:end],
        subject=_phrase(clause.subject, entities, span),
        predicate=predicate,
        object=_phrase(_object_of(clause.predicate), entities, span),
        modality=_modality(clause, negated, attribution, timing.revises is not None),
        negated=negated,
        time=timing.time,
        speaker=attribution.speaker if attribution is not None else None,
        start=start,
        end=end,
        predicate_class=_aspect(_predicate_class(predicate, clause.predicate), clause),
        time_role=timing.role,
        time_lower=timing.lower,
        time_upper=timing.upper,
        place=_place(clause, entities),
        hedged=_is_hedged(span, attribution),
        quantity=_quantity(doc, clause, ctx.layers.get("quantities", ())),
        revises=timing.revises,
    )


_PARTICLES = frozenset({"back", "off", "out", "down", "up"})


def _predicate_text(token: Any) -> str:
    # the small parser often tags the particle of "push back" as an adverb
    particles = [c.lower_ for c in token.children
                 if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)]
    return " ".join([token.lemma_.lower(), *particles])


def _predicate_class(predicate: str, token: Any) -> str | None:
    classes = _lexicon().classes
    return classes.get(predicate) or classes.get(token.lemma_.lower())


def _aspect(predicate_class: str | None, clause: _Clause) -> str | None:
    """ "wants the withdrawal to commence by September" asks when it starts, not ends."""
    if predicate_class != "end":
        return predicate_class
    starts = {w for w, name in _lexicon().classes.items() if name == "start"}
    for token in (*clause.chain, clause.predicate):
        for child in token.children:
            words = [child, *(c for c in child.children if child.dep_ == "prep" and child.lower_ == "to")]
            if any(w.lemma_.lower() in starts for w in words):
                return "start"
    return predicate_class


def _object_of(predicate: Any) -> Any | None:
    for child in predicate.children:
        if child.dep_ in ("dobj", "attr", "oprd", "dative"):
            return child
    if predicate.pos_ == "NOUN":
        for prep in (c for c in predicate.children if c.dep_ == "prep" and c.lower_ == "of"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _phrase(token: Any | None, entities: tuple[Entity, ...], span: Any) -> str | None:
    """A noun phrase's text within the sentence, or the entity's canonical name when it is one."""
    if token is None or not span.start <= token.i < span.end:
        return None
    tokens = [t for t in _np_tokens(token) if span.start <= t.i < span.end]
    first, last = tokens[0], tokens[-1]
    text = text_of(token.doc)[first.idx : last.idx + len(last.text)]
    entity = _entity_covering(entities, token)
    if entity is not None and _strip_det(text) == _strip_det(entity.text):
        return entity.canonical
    return text


def _np_tokens(token: Any) -> list[Any]:
    cut: set[int] = set()
    for child in token.children:
        if child.dep_ in _NP_CUT:
            cut.update(t.i for t in child.subtree)
    tokens = [t for t in token.subtree if t.i not in cut]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE).strip()


def _entity_covering(entities: tuple[Entity, ...], token: Any) -> Entity | None:
    for entity in entities:
        if entity.start <= token.idx < entity.end:
            return entity
    return None


# --- negation, modality, hedging, speaker ----------------------------------------


def _is_negated(clause: _Clause) -> bool:
    """A negation on the predicate or its verbs ("not", "no longer"), or "no" on its arguments."""
    negation = _lexicon().negation
    for token in clause.chain:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and token.pos_ == "NOUN"):
                return True
            if child.dep_ == "advmod" and any(g.lower_ in negation for g in child.children):
                return True
    arguments = (_object_of(clause.predicate), clause.subject)
    return any(a is not None and any(c.dep_ == "det" and c.lower_ in negation for c in a.children) for a in arguments)


def _cues(clause: _Clause) -> set[str]:
    cues: set[str] = set()
    for token in clause.chain:
        cues.update((token.lemma_.lower(), token.lower_))
        for child in token.children:
            if child.dep_ in ("aux", "auxpass", "advmod", "acomp", "amod"):
                cues.update((child.lemma_.lower(), child.lower_))
    return cues


def _modality(clause: _Clause, negated: bool, attribution: Attribution | None, revision: bool) -> Modality:
    nominal = clause.predicate.pos_ == "NOUN" and (clause.subject is None or clause.predicate.i != clause.subject.i)
    if clause.denied_frame or (negated and (attribution is not None or nominal)):
        return "denied"
    if revision:
        return "planned"
    cues = _cues(clause)
    for name, words in _lexicon().modality:
        if cues & words:
            return name  # type: ignore[return-value]
    return "happened"


def _is_hedged(span: Any, attribution: Attribution | None) -> bool:
    if attribution is not None and attribution.anonymous:
        return True
    lex = _lexicon()
    if any(t.lower_ in lex.hedge_words for t in span):
        return True
    text = " ".join(span.text.lower().split())
    return any(re.search(rf"\b{re.escape(p)}\b", text) for p in lex.hedge_phrases)


def _attribution(attributions: tuple[Attribution, ...], start: int, end: int) -> Attribution | None:
    """The tightest top-level attribution whose content holds most of the claim.

    Nested reported speech is skipped: a claim keeps its outermost speaker.
    """
    best: Attribution | None = None
    for item in attributions:
        if item.nested_in is not None:
            continue
        overlap = min(end, item.content_end) - max(start, item.content_start)
        if overlap <= 0 or overlap < 0.8 * (end - start):
            continue
        if best is None or item.content_end - item.content_start < best.content_end - best.content_start:
            best = item
    return best


# --- time, place and quantity -------------------------------------------------------

_TOKEN_STARTS = "dateline.claims.token_starts"


@dataclass(frozen=True)
class _Timing:
    time: str | None = None
    role: str | None = None
    lower: str | None = None
    upper: str | None = None
    revises: str | None = None


def _inside(doc: Any, clause: _Clause, start: int, end: int) -> bool:
    """Whether the text at [start, end) begins in one of the clause's tokens."""
    first = _token_at(doc, start) if start < end else None
    return first is not None and first in clause.tokens


def _token_at(doc: Any, offset: int) -> int | None:
    """The index of the token that holds character `offset`, or of the next token when
    the offset falls in the space between two (what `char_span(..., "expand")` starts with)."""
    starts = doc.user_data.get(_TOKEN_STARTS)
    if starts is None:  # built once per parse: claims look up every time expression per clause
        starts = doc.user_data[_TOKEN_STARTS] = [t.idx for t in doc]
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and offset < starts[k] + len(doc[k].text):
        return k
    return k + 1 if 0 <= k + 1 < len(starts) else None


def _timing(doc: Any, clause: _Clause, timexes: tuple[TimeExpr, ...], predicate_class: str | None) -> _Timing:
    inside = [t for t in timexes if _inside(doc, clause, t.start, t.end)]
    if not inside:
        return _Timing()
    if predicate_class == "delay":
        revision = _revision(text_of(doc), inside)
        if revision is not None:
            return revision
    chosen = next((t for t in inside if t.role in _PREFERRED_ROLES), inside[0])
    return _Timing(chosen.value, chosen.role, chosen.lower, chosen.upper)


_TARGET_WORDS = ("to", "until", "till", "into")


def _revision(text: str, timexes: list[TimeExpr]) -> _Timing | None:
    """ "delay X, originally scheduled for September 2025, by at least three years";
    "push the deadline back by six weeks, to the end of October" (a new date)."""
    target = next((t for t in timexes if t.type == "DATE" and _after_word(text, t.start, _TARGET_WORDS)), None)
    if target is not None:
        original = next((t for t in timexes if t.type == "DATE" and t is not target), None)
        return _Timing(target.value, "deadline", target.lower, target.upper, original.value if original else None)
    shift = next((t for t in timexes if t.lower or t.upper or t.type == "DURATION"), None)
    if shift is None:
        return None
    original = next((t for t in timexes if t is not shift and t.type == "DATE"), None)
    revises = original.value if original is not None else shift.anchor
    if revises is None:
        return None
    time = shift.lower or shift.upper or _shifted(revises, shift.value)
    role = "deadline" if original is None else original.role
    return _Timing(time, role, shift.lower, shift.upper, revises)


def _after_word(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[max(0, start - 12) : start].lower().split()
    return bool(before) and before[-1] in words


def _shifted(anchor: str, duration: str) -> str | None:
    """ "2025-09" moved by "P3Y" -> "2028-09", when the timex layer did not compose it."""
    date = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", anchor)
    step = re.fullmatch(r"P(\d+)([YM])", duration)
    if date is None or step is None:
        return None
    year, month = int(date.group(1)), int(date.group(2) or 0)
    amount = int(step.group(1))
    if step.group(2) == "Y":
        return f"{year + amount}" + (f"-{month:02d}" if month else "")
    if not month:
        return None
    total = year * 12 + month - 1 + amount
    return f"{total // 12}-{total % 12 + 1:02d}"


def _place(clause: _Clause, entities: tuple[Entity, ...]) -> str | None:
    """A GPE/LOC on the predicate, the verbs above it, the subject or the object."""
    obj = _object_of(clause.predicate)
    for token in (clause.predicate, *reversed(clause.chain), clause.subject, obj):
        if token is None:
            continue
        place = _place_under(token, entities, depth=2)
        if place is not None:
            return place
    entity = _entity_covering(entities, obj) if obj is not None else None
    return entity.canonical if entity is not None and entity.label in _PLACE_LABELS else None


def _place_under(token: Any, entities: tuple[Entity, ...], depth: int) -> str | None:
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            entity = _entity_covering(entities, obj)
            if entity is not None and entity.label in _PLACE_LABELS and prep.lower_ in _PLACE_PREPS:
                return entity.canonical
            if depth > 1 and entity is None:
                nested = _place_under(obj, entities, depth - 1)
                if nested is not None:
                    return nested
    return None


def _quantity(doc: Any, clause: _Clause, quantities: tuple[Quantity, ...]) -> Quantity | None:
    return next((q for q in quantities if _inside(doc, clause, q.start, q.end)), None)
