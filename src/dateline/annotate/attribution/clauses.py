"""Indirect speech read from the parse: listed and learned cues, their sources and content spans."""

from __future__ import annotations

import logging
from dataclasses import replace

from dateline.annotate import cue_model
from dateline.annotate.attribution.items import _Found
from dateline.annotate.attribution.syntax import (
    _clip_to_line,
    _inside_any,
    _is_passive,
    _is_speaker_conjunct,
    _prepositional_object,
    _same_line,
    _source,
    _subject,
    _subtree_bounds,
    _trim,
    is_listed_cue,
)
from dateline.annotate.attribution.tables import (
    _COMPLEMENTS,
    _NO_OBJECT_CONTENT,
    _PERSON_OBJECTS,
    _light_prepositional,
    _nominal_cues,
    _raising_lemmas,
    _speech_lemmas,
)
from dateline.annotate.pipeline import Context
from dateline.nlp import text_of

logger = logging.getLogger(__name__)


def _has_complement(token) -> bool:
    return any(c.dep_ in _COMPLEMENTS for c in token.children)


def _with_cue(found: _Found, cue, source) -> _Found:
    """The item with its cue token and its source (head, start, end), if any."""
    cued = replace(found, cue=cue.text, cue_start=cue.idx, cue_end=cue.idx + len(cue))
    if source is None:
        return cued
    head, start, end = source
    return replace(cued, source_head=head.i, source_start=start, source_end=end)


def _indirect(ctx: Context, quotes: list[tuple[int, int]], used: set[int]) -> list[_Found]:
    text = ctx.document.text
    found: list[_Found] = []
    for token in ctx.parsed:
        if token.idx in used or _inside_any(token.idx, quotes):
            continue
        content, source = _listed(token) if is_listed_cue(token) else _learned_unlisted(token)
        if content is None:
            continue
        start, end = _trim(text, *_clip_to_line(text, token.idx, *_content_bounds(token, content)))
        if end > start:
            words = _without_cue(text, start, end, token) if content.i == token.head.i else text[start:end]
            found.append(_with_cue(_Found(start, end, words, direct=False), token, source))
    return found


_LINKING = frozenset({"look", "seem", "appear", "sound", "feel", "become", "remain", "stay", "grow"})
_PREDICATES = frozenset({"acomp", "oprd", "attr", "dobj"})


def _without_cue(text: str, start: int, end: int, cue) -> str:
    """The content's words with a parenthetical cue and its source ("he said") cut out."""
    left, right = _subtree_bounds(cue)
    return " ".join(f"{text[start:left].rstrip(' ,—–-')} {text[right:end].lstrip(' ,—–-')}".split())


def _listed(token):
    """(content, source) of a listed cue verb, or (None, None) when it reports nobody's words."""
    content, source = _content_of(token) or _parenthetical_host(token), _source(token)
    if _describes_looks(token, content):
        return None, None
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


def _learned(token):
    """(content, source) of a candidate the model takes as a cue, else (None, None)."""
    return (None, None) if is_listed_cue(token) else _learned_unlisted(token)


def _learned_unlisted(token):
    """`_learned` of a token its caller already found not to be a listed cue: `_indirect` asks
    `is_listed_cue` of every token once, not twice."""
    found = _unlisted_candidate(token)
    if found is None or _describes_looks(token, found[0]):
        return None, None
    if not cue_model.is_learned_cue(token, found[0], _head(found[1])):
        return None, None
    return found


def _describes_looks(cue, content) -> bool:
    """ "Dr Murray looked sombre", "she seemed tired", "he looked at his lawyers": a linking verb with a
    predicate (or "look at") describes how someone looked, it reports no words or belief ("seems to lead", "seemed certain that ..." do). The
    small parser often reads the adjective as an object ("sombre": dobj) or a predicate ("tired": oprd)."""
    if content is None or cue.lemma_.lower() not in _LINKING:
        return False
    if cue.lemma_.lower() == "look" and content.dep_ == "pobj" and content.head.lower_ == "at":
        return True  # "Murray looked at his lawyers": where he looked
    if content.dep_ not in _PREDICATES:
        return False
    if content.dep_ == "dobj" and any(True for _ in content.children):
        return False  # "sounded a call for ...": a real object, not a misread adjective
    return not any(c.dep_ in {"ccomp", "xcomp", "prep"} for c in content.children)


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
    return None if is_listed_cue(token) else _unlisted_candidate(token)


def _unlisted_candidate(token):
    """`_candidate` of a token that is not a listed cue."""
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
    return (
        frozenset({"dobj"})
        if content.dep_ == "oprd"
        else frozenset({"nsubjpass"})
        if content.dep_ == "xcomp"
        else frozenset()
    )


def _content_of(cue, any_preposition: bool = False):
    """The reported clause: a clausal complement, or the object of verbs like "announce".

    `any_preposition` lets a learned cue take the object of whatever
    preposition follows it ("voted for the bill", "took aim at the plan").
    """
    for child in cue.children:
        if child.dep_ in _COMPLEMENTS and _same_line(text_of(cue.doc), cue.idx, child.idx):
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
    return word.pos_ in {"ADJ", "NUM", "DET", "PRON"} and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in word.children
    )


def _light_completion(cue, obj):
    """The object of the preposition after a light verb's noun: "took a shot at X"."""
    if cue.lemma_.lower() not in _light_prepositional():
        return None
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > obj.i), None)
    word = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None if word is None or word.ent_type_ in {"DATE", "TIME"} else word


def _is_reason_object(prep, word) -> bool:
    """ "blasted the FBI for its decision": the object of "for", unless a time ("for years")."""
    return prep.lower_ == "for" and word.dep_ == "pobj" and word.ent_type_ not in {"DATE", "TIME"}


def _reason_clause(cue, obj):
    """ "accused Republicans of placing ...", "praised Trump for speaking out": the
    gerund after "of" or "for" (or the object of "for") completes an object
    content, also when the parser hangs it on the verb."""
    preps = [
        c for c in (*cue.children, *obj.children) if c.dep_ == "prep" and c.i > obj.i and c.lower_ in {"of", "for"}
    ]
    for prep in preps:
        clause = next(
            (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG" or _is_reason_object(prep, c)), None
        )
        if clause is not None:
            return clause
    return None


def _nominal_content(noun):
    """The clause after "claim that", or the object of the noun's listed preposition."""
    allowed = _nominal_cues().get(noun.lemma_.lower())
    if allowed is None:
        return None
    for child in noun.children:
        if (
            child.dep_ in {"acl", "ccomp"}
            and "that" in allowed
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in allowed:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
