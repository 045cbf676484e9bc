"""A learned detector of attribution cues beyond the hand-written verb lists.

The rules in `attribution.py` know a few hundred cue words; news uses many
more ("blasted", "voted for", "pushed for", "took aim at"). This module scores
a candidate verb from its parse: its lemma, its tag and dependency label, which
complement carries the content, who its subject is, negation, passivity and
quotation marks nearby. The weights are a logistic regression trained on
PolNeAR train (`bench/train_cues.py`) and shipped as `data/cue_model.json`;
scoring is plain Python over that table, with no learning library at run time.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you"})
_GROUP_PRONOUNS = frozenset({"they"})
_COMPLEMENTIZERS = frozenset({"that", "whether", "if", "how", "why", "what"})
_QUOTE_MARKS = ("“", "”", '"', "''")


@dataclass(frozen=True)
class CueModel:
    """Feature weights of a logistic regression and the probability a cue needs."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


@functools.lru_cache(maxsize=1)
def load_model() -> CueModel:
    """The packaged model `data/cue_model.json`, read once."""
    text = resources.files("dateline.data").joinpath("cue_model.json").read_text("utf-8")
    table = json.loads(text)
    return CueModel(dict(table["weights"]), float(table["bias"]), float(table["threshold"]))


def is_learned_cue(cue, content, source) -> bool:
    """Whether the model takes `cue` (with its content and source head tokens) as a cue."""
    model = load_model()
    return model.probability(features(cue, content, source)) >= model.threshold


def features(cue, content, source) -> list[str]:
    """Binary features of a candidate cue token, its content token and its source head (or None).

    Structural features generalise across topics; the lemma and its
    conjunctions with structure let frequent verbs carry their own weight
    (rare lemmas are pruned when the model is trained).
    """
    lemma = cue.lemma_.lower()
    kind = _content_kind(cue, content)
    subject = _subject_kind(source)
    structural = [
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"content={kind}",
        f"content_pos={content.pos_}",
        f"subject={subject}",
        f"subject_x_content={subject}|{kind}",
        f"mark={_complementizer(content)}",
        f"prev={cue.nbor(-1).lower_ if cue.i > 0 else '<s>'}",
        f"next={cue.nbor().lower_ if cue.i + 1 < len(cue.doc) else '</s>'}",
        f"children={'+'.join(sorted({c.dep_ for c in cue.children if c.dep_ not in {'punct', 'cc'}}))}",
        f"content_words={_bucket(len(list(content.subtree)))}",
    ]
    if any(c.dep_ == "neg" for c in cue.children):
        structural.append("negated")
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children):
        structural.append("passive")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children):
        structural.append("modal")
    sentence = cue.sent.text
    if any(mark in sentence for mark in _QUOTE_MARKS):
        structural.append("quote_in_sentence")
    if source is not None:
        structural.append(f"source_lemma={source.lemma_.lower()}")
    structural.append(f"content_lemma={content.lemma_.lower()}")
    if cue.dep_ != "ROOT":
        structural.append(f"head={cue.dep_}|{cue.head.lemma_.lower()}")
    structural += _governing_cue(cue)
    predicate = _predicate(cue, content)
    if predicate is not None:
        structural.append(f"predicate={predicate.lemma_.lower()}")
    lexical = [
        f"lemma={lemma}",
        f"lemma_x_content={lemma}|{kind}",
        f"lemma_x_subject={lemma}|{subject}",
        f"lemma_x_content_lemma={lemma}|{content.lemma_.lower()}",
    ]
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i != content.i), None)
    if obj is not None:
        lexical.append(f"lemma_x_object={lemma}|{obj.lemma_.lower()}")  # "took aim at", "made clear"
    return structural + lexical


def _governing_cue(cue) -> list[str]:
    """Whether a listed cue verb governs the candidate ("said he would fight", "wants to repeal").

    Words under a listed cue are often its content rather than a cue of their
    own; the learned weight says how often.
    """
    # imported here: attribution imports this module
    from dateline.annotate.attribution import is_listed_cue

    ancestors = [a for a in cue.ancestors if a.sent.start == cue.sent.start]
    if ancestors and is_listed_cue(ancestors[0]):
        return ["governed_by_cue", f"governed_by_cue_dep={cue.dep_}"]
    return ["under_cue"] if any(is_listed_cue(a) for a in ancestors[1:4]) else []


def _content_kind(cue, content) -> str:
    """How the content hangs on the cue: "ccomp", "dobj", "prep:for", ..."""
    if content.head.i == cue.i:
        return content.dep_
    if content.head.head.i == cue.i and content.head.dep_ == "prep":
        return f"prep:{content.head.lower_}"
    predicate = _predicate(cue, content)
    if predicate is not None:
        return f"{predicate.dep_}+prep:{content.head.lower_}"  # "was critical of X", "is a supporter of X"
    return "other"


def _predicate(cue, content):
    """The word between a copula and its content's preposition: "critical" in "was critical of X"."""
    predicate = content.head.head
    if content.head.dep_ == "prep" and predicate.head.i == cue.i and predicate.dep_ in {"attr", "acomp"}:
        return predicate
    return None


def _subject_kind(source) -> str:
    if source is None:
        return "none"
    if source.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return source.ent_type_
    if source.pos_ == "PRON":
        lower = source.lower_
        return "pron_person" if lower in _PERSON_PRONOUNS else "pron_group" if lower in _GROUP_PRONOUNS else "pron_other"
    return "propn" if source.pos_ == "PROPN" else "noun" if source.pos_ == "NOUN" else "other"


def _complementizer(content) -> str:
    marks = [c.lower_ for c in content.children if c.dep_ in {"mark", "advmod", "nsubj", "dobj"} and c.i < content.i]
    return next((m for m in marks if m in _COMPLEMENTIZERS), "none")


def _bucket(words: int) -> str:
    return "1" if words <= 1 else "2-3" if words <= 3 else "4-8" if words <= 8 else "9+"
