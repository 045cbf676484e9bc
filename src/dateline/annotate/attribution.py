"""Attribution layer: who said, wrote or believes what, quoted or reported.

Needs the "sentences" and "entities" layers. Three kinds of evidence:
direct quotes (straight or curly marks, the cue before, after or between the
pieces), indirect speech read from the dependency parse (a cue verb from
`data/attribution.toml` whose subject is the source and whose clausal
complement is the content) and "according to X"; also raising verbs ("appears
to"), speech nouns with an owner ("Trump's claim that"), light verbs ("made the
case") and "in the latest poll"; and words outside the lists that the learned
model in `cue_model.py` scores as cues, with content and source read the same
way: verbs ("voted for the bill", "blasted the plan"; such a verb may also
frame a quote), "be" ("were critical of X", "the problem is that ...") and
nouns ("his push for a recount", "plans to ..."); a parenthetical "X, he says,
is ..." and "He said:" before a paragraph. Speech nested in another
attribution's content is kept and marked with `nested_in`. Speakers are then
resolved in text order: an entity in the source gives its canonical name, a pronoun the
nearest compatible earlier speaker, "the official" an earlier anonymous
official, an unnamed description ("a senior U.S. official") stays as written
with `anonymous=True`, and a cue-less quote right after an attributed sentence
continues that speaker.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.annotate import cue_model, span_tagger
from dateline.annotate.entities import describe_person_roles, title_words
from dateline.annotate.pipeline import Context
from dateline.model import Attribution, Document, Entity, Sentence
from dateline.nlp import text_of
from dateline.resources import load_table

logger = logging.getLogger(__name__)

MIN_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes or partial quotes
# Curly, straight, and the doubled apostrophes some wires and archives use for quotes.
_QUOTE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"|''([^\n]+?)''")
_LEADING_DETERMINERS = frozenset({"a", "an", "the", "some", "several", "many", "other"})
_DEFINITE = frozenset({"the", "this", "that"})
_COMPLEMENTS = ("ccomp", "xcomp")
_PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us"})
_NO_OBJECT_CONTENT = frozenset({"say", "tell", "add", "reply", "assure"})
_ENTITY_SPEAKERS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
UNNAMED = "unnamed source"


@dataclass(frozen=True)
class _Found:
    """An attribution before its speaker is resolved."""

    content_start: int
    content_end: int
    content: str
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source_head: int | None = None  # token index of the source's head word
    source_start: int | None = None
    source_end: int | None = None
    tagged: bool = False  # found by the span tagger, which reads nesting itself


@dataclass(frozen=True)
class _Speaker:
    name: str
    anonymous: bool
    kind: str  # "person", "institution", "anonymous", "unresolved"
    head: str | None = None  # the head noun of a description: "official"


def prepare(documents: Sequence[Document]) -> None:
    """Tags a batch's texts at once when the span tagger is on (faster than one by one)."""
    if span_tagger.enabled():
        span_tagger.prefetch([d.text for d in documents])


def find_attributions(ctx: Context) -> tuple[Attribution, ...]:
    """Direct and indirect attributions with resolved speakers, in text order.

    Reported speech inside another attribution's content ("X said that Y
    wants Z") is kept with `nested_in` pointing at the innermost attribution
    whose content holds its cue.
    """
    quotes = quote_spans(ctx.document.text)
    direct = _direct(ctx, quotes)
    used = {f.cue_start for f in direct if f.cue_start is not None}
    found = direct + _indirect(ctx, quotes, used) + _according_to(ctx) + _colon_lines(ctx, quotes) + _colon_paragraphs(ctx, quotes)
    found += _in_sources(ctx, found) + _nominal(ctx, quotes)
    found = _with_tagged(ctx, found, quotes)
    found.sort(key=lambda f: (min(f.content_start, f.content_start if f.source_start is None else f.source_start), f.content_start))
    nested = [_is_nested(f, found) for f in found]
    return _with_nesting(_resolve_all(ctx, found, nested))


def _is_nested(item: _Found, found: list[_Found]) -> bool:
    """Whether the item is reported speech inside another attribution's content.

    In "X said that Y wants Z" the text asserts only what X said; Y's wish is
    part of X's statement. Quotes and cue-less items are never nested.
    """
    if item.direct or item.tagged or item.cue_start is None:
        return False
    return any(o is not item and o.content_start <= item.cue_start < o.content_end for o in found)


def _with_nesting(resolved: list[tuple[Attribution, bool]]) -> tuple[Attribution, ...]:
    """Sets `nested_in` on nested items; one outside every top-level content is dropped."""
    top = [a for a, nested in resolved if not nested]
    kept = [(a, nested) for a, nested in resolved if not nested or _container(a, top) is not None]
    plain = [a for a, _ in kept]
    return tuple(replace(a, nested_in=_container(a, plain)) if nested else a for a, nested in kept)


def _container(item: Attribution, attributions: Sequence[Attribution]) -> int | None:
    """Index of the innermost other attribution whose content holds the item's cue."""
    holders = [
        (a.content_end - a.content_start, i)
        for i, a in enumerate(attributions)
        if a is not item and item.cue_start is not None and a.content_start <= item.cue_start < a.content_end
    ]
    return min(holders)[1] if holders else None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks, in order."""
    spans = [m.span(m.lastindex) for m in _QUOTE.finditer(text)]
    return [(s, e) for s, e in spans if text[s:e].strip()]


@functools.lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Lemmas of verbs that report speech or belief."""
    cues = load_table("attribution")["cues"]
    return frozenset(cues["speech"]) | frozenset(cues["belief"]) | frozenset(cues["stance"]) | _raising_lemmas()


@functools.lru_cache(maxsize=1)
def _raising_lemmas() -> frozenset[str]:
    return frozenset(load_table("attribution")["cues"]["raising"])


@functools.lru_cache(maxsize=1)
def _prepositions() -> dict[str, frozenset[str]]:
    """Verb lemma -> prepositions that introduce its content."""
    table = load_table("attribution")["cues"]["prepositional"]
    return {verb: frozenset(words) for verb, words in table.items()}


@functools.lru_cache(maxsize=1)
def _nominal_cues() -> dict[str, frozenset[str]]:
    """Noun lemma -> the prepositions (or "that") that introduce its content."""
    return {noun: frozenset(words) for noun, words in load_table("attribution")["cues"]["nominal"].items()}


@functools.lru_cache(maxsize=1)
def _light_cues() -> dict[str, frozenset[str]]:
    """Light verb lemma -> the speech nouns that make it a cue with them as content."""
    return {verb: frozenset(nouns) for verb, nouns in load_table("attribution")["cues"]["light"].items()}


@functools.lru_cache(maxsize=None)
def _source_nouns(kind: str) -> frozenset[str]:
    return frozenset(load_table("attribution")["sources"][kind])


@functools.lru_cache(maxsize=1)
def _pronouns() -> dict[str, str]:
    table = load_table("attribution")["pronouns"]
    return {word: kind for kind, words in table.items() for word in words}


# --- direct quotes ------------------------------------------------------------


def _direct(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    text = ctx.document.text
    found: list[_Found] = []
    for start, end in quotes:
        cue = _quote_cue(ctx, quotes, start, end)
        if cue is not None and _is_partial_quote(cue, start, end):
            continue  # a quoted fragment inside reported speech: the indirect pass has it
        found.append(_quoted(text, start, end, cue))
    merged = _merge_split_quotes(text, found)
    return [f for f in merged if len(f.content.split()) >= MIN_QUOTE_WORDS]


def _quote_cue(ctx: Context, quotes: list[tuple[int, int]], start: int, end: int):
    """The cue verb (listed or learned) nearest the quote, outside any quote, in the sentences it
    touches; else a clause-less cue in a sentence split off right after it ('“...” Trump said.'),
    or "He said:" closing the line before the quote's paragraph."""
    frame = _frame_sentences(ctx.layers["sentences"], start, end)
    if frame is None:
        return None
    candidates = _quote_cues(ctx, quotes, *frame)
    if not candidates:
        candidates = [t for t in _quote_cues(ctx, quotes, *_tag_sentence(ctx, end)) if not _has_complement(t)]
    if not candidates:
        lead = _colon_lead(ctx, start)
        candidates = [lead] if lead is not None else []
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


def _quote_cues(ctx: Context, quotes: list[tuple[int, int]], start: int, end: int) -> list:
    span = ctx.parsed.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    return [t for t in span if not _inside_any(t.idx, quotes) and (_is_listed_quote_cue(t) or _is_learned_quote_cue(t))]


def _tag_sentence(ctx: Context, end: int) -> tuple[int, int]:
    """The parsed sentence opening right after a quote's closing mark, where the
    parser cut '“... missing.” Trump said.' in two; else an empty span."""
    text = ctx.document.text
    after = end + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    span = ctx.parsed.char_span(after, after + 1, alignment_mode="expand") if after < len(text) else None
    if span is None or not len(span) or span[0].idx != after:
        return 0, 0
    sentence = span[0].sent
    return (sentence.start_char, sentence.end_char) if sentence.start_char == after else (0, 0)


def _colon_lead(ctx: Context, start: int):
    """The cue ending the line before a quote's paragraph with a colon: 'He said:' then the quote."""
    text = ctx.document.text
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t“\"'"):
        return None
    last = _skip_space(text, line_start - 1, -1)
    span = ctx.parsed.char_span(last, last + 1, alignment_mode="expand") if last >= 0 and text[last] == ":" else None
    cue = span[0].nbor(-1) if span is not None and len(span) and span[0].i > 0 else None
    return cue if cue is not None and _is_colon_cue(cue) else None


def _is_colon_cue(token) -> bool:
    """A listed speech verb with a speaker, no complement, and a colon right after it."""
    if token.lemma_.lower() not in _speech_lemmas() or _has_complement(token) or token.i + 1 >= len(token.doc):
        return False
    return token.nbor().text == ":" and _source(token) is not None


def _colon_paragraphs(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    """ "He said:" closing a line, with the next paragraph as what was said (when that
    paragraph is not a quotation, which the quote pass attributes)."""
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.text != ":" or token.i == 0 or text[token.idx + 1 : _line_end(text, token.idx)].strip():
            continue
        cue = token.nbor(-1)
        if _inside_any(cue.idx, quotes) or not _is_colon_cue(cue):
            continue
        start = _skip_space(text, token.idx + 1, 1)
        start, end = _trim(text, start, _line_end(text, start))
        if end > start and not _inside_any(start, quotes) and not _inside_any(start + 1, quotes):
            found.append(_with_cue(_Found(start, end, text[start:end], direct=False), cue, _source(cue)))
    return found


def _skip_space(text: str, position: int, step: int) -> int:
    """The first non-space character from `position` walking by `step` (-1 or len(text) past the ends)."""
    while 0 <= position < len(text) and text[position].isspace():
        position += step
    return position


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _has_complement(token) -> bool:
    return any(c.dep_ in _COMPLEMENTS for c in token.children)


def _is_listed_quote_cue(token) -> bool:
    return is_listed_cue(token) and not _is_raising(token) and _source(token) is not None


def _is_learned_quote_cue(token) -> bool:
    """A verb the model takes as a cue ("“...,” Trump fumed"); nouns and "be" do not frame quotes."""
    if token.pos_ != "VERB":
        return False
    content, source = _learned(token)
    return content is not None and source is not None


def _frame_sentences(sentences: Sequence[Sentence], start: int, end: int) -> tuple[int, int] | None:
    touching = [s for s in sentences if s.start < end + 1 and start - 1 < s.end]
    if not touching:
        return None
    return touching[0].start, touching[-1].end


def _is_partial_quote(cue, start: int, end: int) -> bool:
    """Whether the quote sits inside the cue's complement, which has more words than the quote."""
    for child in cue.children:
        if child.dep_ in _COMPLEMENTS:
            left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            words_outside = [t for t in child.subtree if t.is_alpha and not start <= t.idx < end]
            if left <= end and start <= right and len(words_outside) > 1:
                return True
    return False


def _quoted(text: str, start: int, end: int, cue) -> _Found:
    content_start, content_end = _trim(text, start, end)
    found = _Found(content_start, content_end, text[content_start:content_end], direct=True)
    return _with_cue(found, cue, _source(cue)) if cue is not None else found


def _with_cue(found: _Found, cue, source) -> _Found:
    """The item with its cue token and its source (head, start, end), if any."""
    cued = replace(found, cue=cue.text, cue_start=cue.idx, cue_end=cue.idx + len(cue))
    if source is None:
        return cued
    head, start, end = source
    return replace(cued, source_head=head.i, source_start=start, source_end=end)


def _merge_split_quotes(text: str, found: list[_Found]) -> list[_Found]:
    """Joins “No,” she added, “the US is ...” into one attribution spanning both pieces.

    The content then reads "No, the US is ..."; its offsets cover both pieces
    and the cue between them.
    """
    merged: list[_Found] = []
    for item in found:
        previous = merged[-1] if merged else None
        if previous and item.cue_start is not None and item.cue_start == previous.cue_start:
            merged[-1] = _joined(text, previous, item)
        else:
            merged.append(item)
    return merged


# --- indirect speech ------------------------------------------------------------


def _indirect(ctx: Context, quotes: list[tuple[int, int]], used: set[int]) -> list[_Found]:
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.idx in used or _inside_any(token.idx, quotes):
            continue
        content, source = _listed(token) if is_listed_cue(token) else _learned(token)
        if content is None:
            continue
        start, end = _trim(text, *_clip_to_line(text, token.idx, *_content_bounds(token, content)))
        if end > start:
            words = _without_cue(text, start, end, token) if content.i == token.head.i else text[start:end]
            found.append(_with_cue(_Found(start, end, words, direct=False), token, source))
    return found


def _without_cue(text: str, start: int, end: int, cue) -> str:
    """The content's words with a parenthetical cue and its source ("he said") cut out."""
    left, right = _subtree_bounds(cue)
    return " ".join(f"{text[start:left].rstrip(' ,—–-')} {text[right:end].lstrip(' ,—–-')}".split())


def _listed(token):
    """(content, source) of a listed cue verb, or (None, None) when it reports nobody's words."""
    content, source = _content_of(token) or _parenthetical_host(token), _source(token)
    if _is_raising(token) or _is_opening_participle(token):
        return content, None
    if source is None and not _is_passive(token):
        return None, None  # a bare participle ("assuming office") reports nobody's words
    return content, source


def _parenthetical_host(cue):
    """The clause a parenthetical cue interrupts: "This campaign, he says, is different".

    Only speech and belief verbs with a subject of their own and no complement,
    which the parser hangs off the reported clause as "parataxis".
    """
    if cue.lemma_.lower() not in _speech_lemmas():
        return None
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None if _has_complement(cue) else cue.head  # "As the Post reported, X ..."
    if cue.dep_ != "parataxis":
        return None
    return None if _subject(cue) is None or _has_complement(cue) else cue.head


@functools.lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """Verbs of speech and belief (not stance): the ones that frame a whole clause."""
    cues = load_table("attribution")["cues"]
    return frozenset(cues["speech"]) | frozenset(cues["belief"])


def _learned(token):
    """(content, source) of a candidate the model takes as a cue, else (None, None)."""
    found = _candidate(token)
    if found is None or not cue_model.is_learned_cue(token, found[0], _head(found[1])):
        return None, None
    return found


def learned_candidate(token):
    """(content, source head) of a word outside the cue lists that could report speech, or None.

    A verb needs what a cue needs: a content (a clause, an object or the
    object of any preposition) and a source or a passive. Also "be" with a
    clause ("the problem is that ...") or with a predicate and its preposition
    ("was critical of X"), and a noun with an owner, a clause ("an assertion
    that ...", "plans to ...") or a listed speech noun ("criticism of X");
    `cue_model` decides.
    """
    found = _candidate(token)
    return None if found is None else (found[0], _head(found[1]))


def _head(source):
    return None if source is None else source[0]


def _candidate(token):
    """(content token, source (head, start, end) or None) of a possible learned cue, or None."""
    if is_listed_cue(token):
        return None
    if token.pos_ == "VERB":
        return _verb_candidate(token)
    if token.pos_ == "AUX" and token.lemma_.lower() == "be":
        return _copular_candidate(token)
    return _noun_candidate(token) if token.pos_ == "NOUN" else None


def _verb_candidate(token):
    content = _content_of(token, any_preposition=True)
    source = _source(token)
    if content is None or (source is None and not _is_passive(token)):
        return None
    return content, source


def _copular_candidate(token):
    """A copula's clause or its predicate's prepositional object, as content.

    In "Rubio's response was that ..." the source is the subject's owner (or
    nobody: "the question is whether ..."); in "Republicans were critical of
    X" it is the subject.
    """
    clause = next((c for c in token.children if c.dep_ == "ccomp" and _complementizer_of(c) is not None), None)
    if clause is not None:
        subject = _subject(token)
        owner = None if subject is None else next((c for c in subject.children if c.dep_ == "poss"), None)
        return clause, None if owner is None else (owner, *_subtree_bounds(owner))
    source = _source(token)
    for predicate in (c for c in token.children if c.dep_ in {"attr", "acomp"}):
        for prep in (c for c in predicate.children if c.dep_ == "prep"):
            content = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if content is not None and source is not None:
                return content, source
    return None


def _noun_candidate(noun):
    """A noun with a clause ("an assertion that ...", "plans to ..."), or with an owner or a listed
    speech noun and a prepositional object ("his attack on X", "criticism of X").

    Owned nouns with a listed content are left to `_nominal`.
    """
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and _nominal_content(noun) is not None:
        return None
    source = None if owner is None else (owner, *_subtree_bounds(owner))
    clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and _complementizer_of(c) is not None), None)
    if clause is not None:
        return clause, source
    if owner is None and noun.lemma_.lower() not in _nominal_cues():
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep"), None)
    content = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None if content is None else (content, source)


def _complementizer_of(clause) -> str | None:
    """ "that" or "whether" opening a clause, or "to" of an infinitive ("plans to spend")."""
    marks = [c for c in clause.children if c.i < clause.i and c.lower_ in {"that", "whether", "if", "to"}]
    return marks[0].lower_ if marks and marks[0].dep_ in {"mark", "aux"} else None


def _is_raising(cue) -> bool:
    """ "Kasich appears to lead": the writer's hedged view of the subject, nobody's words."""
    return cue.lemma_.lower() in _raising_lemmas()


def _is_opening_participle(cue) -> bool:
    """ "Asked whether ..., she said": a sentence-opening participle whose asker goes unnamed."""
    if cue.tag_ != "VBN" or cue.dep_ != "advcl" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return False
    return all(t.is_punct for t in cue.doc[cue.sent.start : cue.i])


def _content_bounds(cue, content) -> tuple[int, int]:
    """The complement's span, with the subject a passive or raising cue leaves outside it.

    "Troops are expected to leave" and "Kasich appears to lead" add their
    subject; "called him a liar" adds the object before the predicate. An object
    runs on to its reason or a light verb's preposition ("accused X of ...",
    "took a shot at X"); a noun stops before a comma-set aside, a clause before
    a second cue of the same speaker ("... and said that ...").
    """
    start, end = _subtree_bounds(content)
    outside = next((c for c in cue.children if c.dep_ in _outside_deps(cue, content) and c.lower_ != "it"), None)
    if outside is not None and outside.i < content.i:
        start = min(start, _subtree_bounds(outside)[0])
    completion = (_reason_clause(cue, content) or _light_completion(cue, content)) if content.dep_ == "dobj" else None
    if completion is not None:
        return start, _subtree_bounds(completion)[1]
    return start, _aside_start(content) or _second_cue_start(content) or end


def _second_cue_start(content) -> int | None:
    """Where "and said that ..." begins when the parser hung a second cue of the same
    speaker on the reported clause: "He said X has stalled and said that Y"."""
    for child in content.rights:
        if child.dep_ == "conj" and _is_speaker_conjunct(child):
            joiners = [c for c in content.children if c.dep_ in {"cc", "punct"} and content.i < c.i < child.i]
            return max(joiners, key=lambda t: t.i).idx if joiners else child.idx
    return None


def _is_speaker_conjunct(token) -> bool:
    """A subject-less listed cue conjoined to a clause that is itself reported."""
    if token.dep_ != "conj" or token.lemma_.lower() not in _speech_lemmas() or _subject(token) is not None:
        return False
    return token.head.dep_ in _COMPLEMENTS and is_listed_cue(token.head.head)


def _aside_start(content) -> int | None:
    """Where a noun content's comma-set aside begins: "attacked Donald Trump, with whom
    he clashed ..." holds only "Donald Trump"; the clause after the comma is the writer's."""
    if content.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in content.rights:
        before = child.left_edge.nbor(-1) if child.left_edge.i > 0 else None
        if child.dep_ in {"relcl", "acl", "appos"} and before is not None and before.text == ",":
            return before.idx
    return None


def _outside_deps(cue, content) -> frozenset[str]:
    if content.dep_ == "ccomp":
        return frozenset()
    if _is_raising(cue):
        return frozenset({"nsubj", "nsubjpass"})
    return frozenset({"dobj"}) if content.dep_ == "oprd" else frozenset({"nsubjpass"}) if content.dep_ == "xcomp" else frozenset()


def _content_of(cue, any_preposition: bool = False):
    """The reported clause: a clausal complement, or the object of verbs like "announce".

    `any_preposition` lets a learned cue take the object of whatever
    preposition follows it ("voted for the bill", "took aim at the plan").
    """
    for child in cue.children:
        if child.dep_ in _COMPLEMENTS and _same_line(cue.doc.text, cue.idx, child.idx):
            return child  # a parse run across paragraphs hangs the previous one on the cue
    predicate = next((c for c in cue.children if c.dep_ in {"oprd", "acomp"}), None)
    if predicate is not None:
        return predicate  # "called him a liar", "seemed irritated"
    if _is_raising(cue) or cue.lemma_ in _NO_OBJECT_CONTENT:
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and _is_object_content(c)]
    if objects:
        return objects[0]
    return _prepositional_object(cue, any_preposition)


def _is_object_content(word) -> bool:
    """A noun, a person pronoun ("backed her"), or a quantity of something ("many of his pledges")."""
    if word.pos_ in {"NOUN", "PROPN"} or word.lower_ in _PERSON_OBJECTS:
        return True
    return word.pos_ in {"ADJ", "NUM", "DET", "PRON"} and any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children)


def _light_completion(cue, obj):
    """The object of the preposition after a light verb's noun: "took a shot at X"."""
    if cue.lemma_.lower() not in _light_prepositional():
        return None
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > obj.i), None)
    word = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None if word is None or word.ent_type_ in {"DATE", "TIME"} else word


@functools.lru_cache(maxsize=1)
def _light_prepositional() -> frozenset[str]:
    return frozenset(load_table("attribution")["cues"]["light_prepositional"])


def _is_reason_object(prep, word) -> bool:
    """ "blasted the FBI for its decision": the object of "for", unless a time ("for years")."""
    return prep.lower_ == "for" and word.dep_ == "pobj" and word.ent_type_ not in {"DATE", "TIME"}


def _reason_clause(cue, obj):
    """ "accused Republicans of placing ...", "praised Trump for speaking out": the
    gerund after "of" or "for" (or the object of "for") completes an object
    content, also when the parser hangs it on the verb."""
    preps = [c for c in (*cue.children, *obj.children) if c.dep_ == "prep" and c.i > obj.i and c.lower_ in {"of", "for"}]
    for prep in preps:
        clause = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG" or _is_reason_object(prep, c)), None)
        if clause is not None:
            return clause
    return None


def _prepositional_object(cue, any_preposition: bool = False):
    """The object of "for" in "called for a ban", for verbs listed with their prepositions."""
    allowed = _prepositions().get(cue.lemma_.lower(), frozenset())
    for child in cue.children:
        if child.dep_ == "prep" and (any_preposition or child.lower_ in allowed):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _according_to(ctx: Context) -> list[_Found]:
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        source = _according_source(token)
        if source is None:
            continue
        left, right = _clip_to_line(text, token.idx, *_subtree_bounds(source))
        start, end = _according_content(ctx.layers["sentences"], text, token.idx, right)
        if end > start:
            cue_end = token.nbor().idx + len(token.nbor())
            found.append(
                _Found(start, end, text[start:end], False, "according to", token.idx, cue_end, source.i, left, right)
            )
    return found


def _nominal(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    """A noun of speech or stance with its content: "Trump's claim that ...", "his support for X".

    The owner ("Trump's", "his") is the source; without one the noun is not
    an attribution, for "support for the bill grew" names no holder.
    """
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.pos_ != "NOUN" or _inside_any(token.idx, quotes):
            continue
        content = _nominal_content(token)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if content is None or owner is None:
            continue
        start, end = _trim(text, *_clip_to_line(text, token.idx, *_subtree_bounds(content)))
        left, right = _subtree_bounds(owner)
        if end > start:
            cue_end = token.idx + len(token)
            found.append(_Found(start, end, text[start:end], False, token.text, token.idx, cue_end, owner.i, left, right))
    return found


def _nominal_content(noun):
    """The clause after "claim that", or the object of the noun's listed preposition."""
    allowed = _nominal_cues().get(noun.lemma_.lower())
    if allowed is None:
        return None
    for child in noun.children:
        if child.dep_ in {"acl", "ccomp"} and "that" in allowed and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ in allowed:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _in_sources(ctx: Context, found: list[_Found]) -> list[_Found]:
    """ "In the latest poll, Trump leads by six points": a poll, report or interview as source.

    Only when nothing else in the sentence is a cue: in "In an interview, she
    said ..." the verb carries the attribution.
    """
    text, sentences = ctx.document.text, ctx.layers["sentences"]
    cues = [f.cue_start for f in found if f.cue_start is not None]
    out: list[_Found] = []
    for token in ctx.parsed:
        source = _in_source(token)
        if source is None:
            continue
        sentence = next((s for s in sentences if s.start <= token.idx < s.end), None)
        if sentence is None or any(sentence.start <= c < sentence.end for c in cues):
            continue
        left, right = _clip_to_line(text, token.idx, *_subtree_bounds(source))
        start, end = _according_content(sentences, text, token.idx, right)
        if end > start:
            out.append(_Found(start, end, text[start:end], False, token.text, token.idx, token.idx + len(token), source.i, left, right))
    return out


def _in_source(token):
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in _source_nouns("in")]
    return objects[0] if objects else None


def _according_source(token):
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.nbor().lower_ != "to":
        return None
    objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _according_content(sentences: Sequence[Sentence], text: str, start: int, end: int) -> tuple[int, int]:
    """The rest of the sentence around an "according to X" phrase."""
    sentence = next((s for s in sentences if s.start <= start < s.end), Sentence(start, end))
    before = text[sentence.start : start].strip(" ,;:—–-")
    if not before:
        return _trim(text, end, sentence.end)
    if not text[end : sentence.end].strip(" ,.;:!?"):
        return _trim(text, sentence.start, start)
    return _trim(text, sentence.start, sentence.end)


def _colon_lines(ctx: Context, quotes: list[tuple[int, int]]) -> list[_Found]:
    """A line opening with a name and a colon: "Senator Smith: Tax Plan Will Fail".

    Headlines and quote lines attribute the rest of the line to the name; the
    name must be a person or organisation, so "Update:" or "Iowa:" is not one.
    """
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.text != ":" or _inside_any(token.idx, quotes):
            continue
        source = _colon_source(ctx, token)
        line_end = text.find("\n", token.idx)
        start, end = _trim(text, token.idx + 1, len(text) if line_end == -1 else line_end)
        if source is None or len(text[start:end].split()) < MIN_QUOTE_WORDS:
            continue
        head, source_start = source
        found.append(_Found(start, end, text[start:end], False, ":", token.idx, token.idx + 1, head.i, source_start, head.idx + len(head)))
    return found


def _colon_source(ctx: Context, colon):
    """(head token, start) of a short phrase ending in a person's or organisation's name, opening the line."""
    words = _line_opening(colon, 6)
    if not 0 < len(words) <= 6:
        return None
    if words[-1].pos_ == "NOUN" and words[-1].lemma_.lower() in _source_nouns("in") | _source_nouns("institutional"):
        return words[-1], words[0].idx  # "Poll: ...", "Newspaper: ..."
    if words[-1].pos_ != "PROPN":
        return None
    entity = _entity_at(ctx.layers["entities"], words[-1].idx)
    if entity is None or entity.label not in {"PERSON", "ORG"}:
        return None
    return words[-1], words[0].idx


# --- the contextual tagger ------------------------------------------------------------

def _with_tagged(ctx: Context, found: list[_Found], quotes: list[tuple[int, int]]) -> list[_Found]:
    """The span tagger's confident attributions, then the rules' items they do not overlap.

    The tagger (`span_tagger`, when enabled) reads the long tail of cues the
    rules miss and splits statements as news annotators do; where its content
    overlaps a rule's item, its own reading wins (PolNeAR train, held-out
    slice: content overlap F1 84.3 this way, 83.0 adding only what the rules
    miss, 83.4 keeping the rules' quotes; docs/who.md).
    """
    if not span_tagger.enabled():
        return found
    text = ctx.document.text
    spans = span_tagger.tagged(text)
    tagged = [_tagged_item(ctx, a, quotes) for a in span_tagger.attributions(text, spans, span_tagger.THRESHOLD)]
    kept = [t for t in tagged if t is not None]
    return kept + [f for f in found if not any(_overlap_items(f, t) for t in kept)]


def _near_content(ctx: Context, cue: int, start: int, end: int) -> bool:
    """A cue in the sentence where the content starts or ends, or in the one after it ('“...” X said.')."""
    sentences = ctx.layers["sentences"]
    first, last, here = (_sentence_index(sentences, p) for p in (start, max(start, end - 1), cue))
    if here is None or first is None:
        return False
    return first <= here <= (last if last is not None else first) + 1


def _overlap_items(a: _Found, b: _Found) -> bool:
    return a.content_start < b.content_end and b.content_start < a.content_end


def _tagged_item(ctx: Context, item, quotes: list[tuple[int, int]]) -> _Found | None:
    """A tagged attribution as the rules' record (its cue's verb, its source's head word), or None
    without a cue; a content that opens inside quotation marks is a direct quote."""
    text = ctx.document.text
    cue = None if item.cue is None else _head_token(ctx, item.cue.start, item.cue.end, verb=True)
    start, end = _trim(text, item.content.start, item.content.end)
    if cue is None or end <= start or not _near_content(ctx, item.cue.start, start, end):
        return None
    parsed = _source(cue)
    head = None if item.source is None else _source_head(ctx, item.source, parsed)
    if head is not None and head.dep_ == "expl" or (head is not None and head.lower_ == "it" and _is_passive(cue)):
        head = None  # "It was announced that ...": nobody is named
    source = (head, item.source.start, item.source.end) if head is not None else parsed
    holes = [(s.start, s.end) for s in (item.source, item.cue) if s is not None and start < s.end and s.start < end]
    found = _Found(start, end, _words_between(text, start, end, holes), cue=text[item.cue.start:item.cue.end],
                   cue_start=item.cue.start, cue_end=item.cue.end, tagged=True,
                   direct=_inside_any(start, quotes))
    if source is None:
        return found
    return replace(found, source_head=source[0].i, source_start=source[1], source_end=source[2])


_MARKS = "“”\"‘’"


def _words_between(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> str:
    """The content's words with its own source and cue cut out: '“No,” she added, “the army ...'
    reads 'No, the army ...'."""
    pieces, position = [], start
    for low, high in sorted(holes):
        pieces.append(text[position:max(low, position)])
        position = max(position, high)
    pieces.append(text[position:end])
    kept: list[str] = []
    for piece in pieces:
        left = piece.lstrip(" ,;:" + _MARKS) if kept else piece
        if kept and left.startswith(".") and kept[-1].endswith(","):
            kept[-1] = kept[-1][:-1] + "."  # '“Over,” she said. “Nobody ...' -> 'Over. Nobody ...'
        if any(c.isalnum() for c in left):
            kept.append(left.lstrip(". ").rstrip(" " + _MARKS))
    words = " ".join(" ".join(kept).split())
    if any(words.count(a) != words.count(b) for a, b in ("“”", "‘’")) or words.count('"') % 2:
        words = words.translate({ord(c): None for c in '“”"'})  # a quote the cut left open
    return words


def _source_head(ctx: Context, span, parsed):
    """The tagged source's head word: the cue's parsed subject when it lies inside the span
    ("Pentagon press secretary Maj. Gen. Thomas Hadley" -> Hadley), else the span's root."""
    if parsed is not None and span.start <= parsed[0].idx < span.end:
        return parsed[0]
    return _head_token(ctx, span.start, span.end)


def _head_token(ctx: Context, start: int, end: int, verb: bool = False):
    """The span's syntactic head (its first verb, for a cue), or None when no token aligns."""
    span = ctx.parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if verb:
        return next((t for t in span if t.pos_ == "VERB"), None) or next((t for t in span if t.pos_ == "AUX"), span.root)
    return span.root


# --- speakers ---------------------------------------------------------------------


def _resolve_all(ctx: Context, found: list[_Found], nested: list[bool]) -> list[tuple[Attribution, bool]]:
    """(attribution, nested) in text order; nested items do not join the speaker history."""
    history: list[tuple[_Found, _Speaker]] = []
    out: list[tuple[Attribution, bool]] = []
    last_top: int | None = None
    genders = person_genders(ctx)
    for item, inner in zip(found, nested):
        if inner:
            out.append((_attribution(ctx.document.text, item, _speaker(ctx, item, history, genders)), True))
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
        speaker = _speaker(ctx, item, history, genders)
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


def _joined(text: str, previous: _Found, item: _Found) -> _Found:
    """One attribution over two quotes; the content keeps the first quote's closing punctuation."""
    closings = [i for i in (text.find(m, previous.content_end) for m in ("”", '"', "''")) if i >= 0]
    first = text[previous.content_start : min(closings)].rstrip() if closings else previous.content
    return replace(previous, content=f"{first} {item.content}", content_end=item.content_end)


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


def _speaker(ctx: Context, item: _Found, history: list[tuple[_Found, _Speaker]], genders: dict[str, str]) -> _Speaker:
    if item.source_head is None:
        return _Speaker(UNNAMED, True, "anonymous")
    head = ctx.parsed[item.source_head]
    if head.lower_ in _pronouns():
        return _pronoun_speaker(ctx, head, history, genders)
    entity = _entity_at(ctx.layers["entities"], head.idx) or _named_apposition(ctx, head)
    if entity is not None and entity.label in _ENTITY_SPEAKERS:
        return _Speaker(entity.canonical, False, "person" if entity.label == "PERSON" else "institution")
    return _described_speaker(ctx, item, head, history)


def _described_speaker(ctx: Context, item: _Found, head, history) -> _Speaker:
    description = _description(ctx.document.text, item.source_start, item.source_end)
    lemma = head.lower_
    anonymous = lemma in _source_nouns("anonymous") or _is_bare_plural(head)
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
    roles = [r for r in describe_person_roles(ctx) if r.start < head.idx and r.role and head.lower_ in r.role.lower().split()]
    return _Speaker(roles[-1].person, False, "person") if roles else None


def _named_apposition(ctx: Context, head) -> Entity | None:
    """The person named beside a description: "the ministry spokesman, Ahmed Fahmy,"."""
    for child in head.children:
        entity = _entity_at(ctx.layers["entities"], child.idx) if child.dep_ == "appos" else None
        if entity is not None and entity.label == "PERSON":
            return entity
    return None


def _pronoun_speaker(ctx: Context, pronoun, history: list[tuple[_Found, _Speaker]], genders: dict[str, str]) -> _Speaker:
    """The nearest earlier speaker or entity a pronoun can stand for, of a compatible gender."""
    wanted = _pronouns()[pronoun.lower_]
    if wanted in ("masculine", "feminine"):
        people = [(e.start, _Speaker(e.canonical, False, "person")) for e in ctx.layers["entities"] if e.label == "PERSON"]
        spoken = [(f.source_start or 0, s) for f, s in history if s.kind == "person"]
        earlier = [c for c in people + spoken if c[0] < pronoun.idx and genders.get(c[1].name, wanted) == wanted]
        if earlier:
            return max(earlier, key=lambda c: c[0])[1]
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
    that person; the majority wins and ties stay unknown.
    """
    table = load_table("attribution")["gender"]
    words = {w: "masculine" for w in table["masculine_words"]} | {w: "feminine" for w in table["feminine_words"]}
    titles = {w: "masculine" for w in table["masculine_titles"]} | {w: "feminine" for w in table["feminine_titles"]}
    people = sorted((e for e in ctx.layers["entities"] if e.label == "PERSON"), key=lambda e: e.start)
    votes: dict[str, Counter] = defaultdict(Counter)
    for person in people:
        before = ctx.document.text[max(0, person.start - 8) : person.start].split()
        if before and before[-1].lower() in titles:
            votes[person.canonical][titles[before[-1].lower()]] += 3
    for token in ctx.parsed:
        if token.lower_ in words:
            last = _last_before(people, token.idx)
            if last is not None and len(ctx.document.text[last.end : token.idx].split()) <= 30:
                votes[last.canonical][words[token.lower_]] += 1
    return {name: _majority(counts) for name, counts in votes.items() if _majority(counts)}


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


# --- small parse helpers ----------------------------------------------------------


def is_listed_cue(token) -> bool:
    """Whether the rules (not the learned model) take the token as a cue verb."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return token.lemma_.lower() in cue_lemmas() or _prepositional_object(token) is not None or _is_light_cue(token)


def _is_light_cue(token) -> bool:
    """ "made the case", "issued a warning": a light verb whose object is a speech noun."""
    nouns = _light_cues().get(token.lemma_.lower(), frozenset())
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in token.children)


def _source(cue, depth: int = 0):
    """(head token, start, end) of who the cue verb reports, within the cue's line.

    The subject; the agent of a passive; the noun after an inverted cue
    ('"...," stated the ministry'); the subject of the verb a cue is coordinated
    with ("said ... and added"); else a short noun phrase opening the cue's line,
    for when the parser tied a headline to the paragraph below it.
    """
    text = text_of(cue.doc)
    participle = _participle_source(cue)
    if participle is not None:
        return participle
    for candidate in (_subject(cue), _inverted_subject(cue)):
        if candidate is not None and _same_line(text, candidate.idx, cue.idx):
            return (candidate, *_clip_to_line(text, cue.idx, *_subtree_bounds(candidate)))
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in {"NOUN", "PROPN"} and cue.head.i < cue.i:
        before = cue.doc[cue.i - 1]  # "the Super PAC backing Bush", "calls saying shots were fired"
        return cue.head, _subtree_bounds(cue.head)[0], before.idx + len(before)
    if _is_speaker_conjunct(cue) and depth < 2:
        return _source(cue.head.head, depth + 1)  # "said X ... and said that Y": the first cue's speaker
    if (cue.dep_ == "conj" or (cue.dep_ == "advcl" and cue.tag_ == "VBG")) and depth < 2:
        return _source(cue.head, depth + 1)  # "..., adding that ..." reports the main verb's subject
    governor = _governing_verb(cue) if is_listed_cue(cue) else None
    if governor is not None and depth < 2:
        return _source(governor, depth + 1)
    return _line_opening_phrase(cue)


def _governing_verb(cue):
    """The verb whose subject speaks through a subject-less cue: "by saying ...",
    "after saying ...", "declined to say ..."; a verb with an object of its own
    ("asked him to say") leaves the speaker open."""
    if cue.dep_ == "pcomp" and cue.tag_ == "VBG" and cue.head.dep_ == "prep":
        governor = cue.head.head
    elif cue.dep_ == "xcomp" and cue.head.pos_ == "ADJ" and cue.head.dep_ == "acomp":
        governor = cue.head.head  # "voters were more likely to say ...", "he is right to note ..."
    elif cue.dep_ == "xcomp" and not any(c.dep_ in {"dobj", "dative"} for c in cue.head.children):
        governor = cue.head
    else:
        return None
    return governor if governor.pos_ in {"VERB", "AUX"} else None


def _participle_source(cue):
    """Repairs a frequent misparse of "Sources accompanying the minister said ...".

    The parser makes the participle the main verb and the cue its complement;
    the source then runs from the participle's subject to the cue's subject.
    """
    head, subject = cue.head, _subject(cue)
    if cue.dep_ != "ccomp" or head.tag_ != "VBG" or head.i > cue.i or subject is None:
        return None
    own = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if own is None or not _same_line(text_of(cue.doc), own.idx, cue.idx):
        return None
    return own, _subtree_bounds(own)[0], _subtree_bounds(subject)[1]


def _subject(cue):
    """The cue's subject (the agent of a passive); of two, the one on the cue's line:
    a parse run across paragraphs can give a verb the previous line's subject too."""
    found = []
    for child in cue.children:
        if child.dep_ == "nsubj":
            found.append(child)
        elif child.dep_ == "agent":
            found.extend(c for c in child.children if c.dep_ == "pobj")
    text = text_of(cue.doc)
    return next((c for c in reversed(found) if _same_line(text, c.idx, cue.idx)), found[0] if found else None)


def _inverted_subject(cue):
    if not any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children):
        return None
    return next((c for c in cue.rights if c.dep_ in {"dobj", "attr", "npadvmod"} and c.pos_ in {"NOUN", "PROPN"}), None)


def _line_opening_phrase(cue):
    words = _line_opening(cue, 8)
    if not 0 < len(words) <= 8 or any(t.pos_ in {"VERB", "AUX", "PUNCT", "ADP", "SCONJ"} for t in words):
        return None
    if words[-1].pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    return words[-1], words[0].idx, words[-1].idx + len(words[-1])


def _line_opening(token, limit: int) -> list:
    """The words from the start of `token`'s line up to it, or `limit` + 1 of them when
    the line opens with more (walking back from the token keeps this linear)."""
    line_start = text_of(token.doc).rfind("\n", 0, token.idx) + 1
    words = []
    for i in range(token.i - 1, max(-1, token.i - limit - 2), -1):
        if token.doc[i].idx < line_start:
            break
        words.insert(0, token.doc[i])
    return words


def _is_passive(cue) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children)


def _same_line(text: str, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return "\n" not in text[low:high]


def _clip_to_line(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Cuts a span to the line holding `anchor`: parses sometimes run across paragraphs."""
    line_start = text.rfind("\n", 0, anchor) + 1
    line_end = text.find("\n", anchor)
    line_end = len(text) if line_end == -1 else line_end
    return max(start, line_start), min(end, line_end)


def _subtree_bounds(token) -> tuple[int, int]:
    words = list(token.subtree)
    return words[0].idx, words[-1].idx + len(words[-1])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strips spaces, quote marks and clause punctuation from both ends.

    A closing mark is kept when the span opens a quotation inside it
    (the talks were "constructive").
    """
    edge = " \n\t,;:—–-“”\"'‘’"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge + ".":
        end -= 1
    inside = text[start:end]
    closing = text[end : end + 2].lstrip(".,")[:1]
    if (inside.count("“") > inside.count("”") and closing == "”") or (inside.count('"') % 2 and closing == '"'):
        end = text.index(closing, end) + 1
    return start, end


def _description(text: str, start: int | None, end: int | None) -> str:
    """The source as written, without its determiner or a clause after a comma."""
    words = text[start:end].split(",")[0].split() if start is not None else []
    while words and words[0].lower() in _LEADING_DETERMINERS:
        words = words[1:]
    return " ".join(words).strip(" ,;:") or UNNAMED


def _is_bare_plural(head) -> bool:
    has_determiner = any(c.dep_ in {"det", "poss"} for c in head.children)
    return head.tag_ == "NNS" and not has_determiner


def _is_definite(head) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)


def _entity_at(entities: Sequence[Entity], position: int) -> Entity | None:
    return next((e for e in entities if e.start <= position < e.end), None)


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _sentence_index(sentences: Sequence[Sentence], position: int) -> int | None:
    return next((i for i, s in enumerate(sentences) if s.start <= position < s.end), None)
