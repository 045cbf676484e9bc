"""Small dependency-parse helpers: is a token a listed cue, who is a cue's source, spans and lines."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dateline.annotate.attribution.tables import _COMPLEMENTS, _light_cues, _prepositions, _speech_lemmas, cue_lemmas
from dateline.model import Entity, Sentence
from dateline.nlp import text_of

logger = logging.getLogger(__name__)


def _is_speaker_conjunct(token) -> bool:
    """A subject-less listed cue conjoined to a clause that is itself reported."""
    if token.dep_ != "conj" or token.lemma_.lower() not in _speech_lemmas() or _subject(token) is not None:
        return False
    return token.head.dep_ in _COMPLEMENTS and is_listed_cue(token.head.head)


def _prepositional_object(cue, any_preposition: bool = False):
    """The object of "for" in "called for a ban", for verbs listed with their prepositions."""
    allowed = _prepositions().get(cue.lemma_.lower(), frozenset())
    for child in cue.children:
        if child.dep_ == "prep" and (any_preposition or child.lower_ in allowed):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


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


def _entity_at(entities: Sequence[Entity], position: int) -> Entity | None:
    return next((e for e in entities if e.start <= position < e.end), None)


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _sentence_index(sentences: Sequence[Sentence], position: int) -> int | None:
    return next((i for i, s in enumerate(sentences) if s.start <= position < s.end), None)
