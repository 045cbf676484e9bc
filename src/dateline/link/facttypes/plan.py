"""Plans and deadlines: "When will the coalition mission in Iraq end?".

Value: a date at its precision, or a bound (">=2028-09"). Scope: the event class
(end, begin, continue), the place, and the phase ("remaining forces"). Observed
from claims of the end, start, continue and delay classes with a deadline, end or
start time; postponements revise or shift the standing value (see
`link/observations.py: from_claim`). Relation: the general rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import GeneralRule, citation
from dateline.link.observations import Observation, Source, from_claim
from dateline.model import AnnotatedDocument

_WORD = re.compile(r"[a-z]{3,}")
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "he", "she", "we", "which", "who"})
# Verbs that read well with no object: "When will the mission conclude?"
_INTRANSITIVE = frozenset(
    ["end", "conclude", "leave", "withdraw", "depart", "exit", "finish", "close", "expire", "begin", "start", "resume", "continue", "remain", "stay"]
)
_ACTOR_VERBS = frozenset(["leave", "withdraw", "depart", "exit", "arrive", "stay", "remain"])
_ACTOR_VERB = {"end": "leave", "begin": "arrive", "continue": "stay"}


@dataclass(frozen=True)
class PlanType(GeneralRule):
    name: str = "when"
    value_kind: str = "date"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        anonymous = {a.speaker for a in annotated.attributions if a.anonymous}
        for c in annotated.claims:
            obs = from_claim(c, source, citation(annotated, c.start, c.end), c.speaker in anonymous)
            if obs:
                yield obs

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        _ask, topic, _place, qualifier = key
        subject = _subject_phrase(observations)
        phase = f"{qualifier} " if qualifier and qualifier not in subject.lower() else ""
        return f"When will {phase}{subject} {_verb(observations, topic, subject)}?"


TYPE = PlanType()


def _verb(observations: Sequence[Observation], topic: str, subject: str) -> str:
    """The verb the reports use most, when it reads well without an object.

    Otherwise the topic's own verb, or for an actor ("the United States")
    the verb of what an actor does: leave, arrive, stay.
    """
    actor = subject.removeprefix("the ")[:1].isupper()
    fitting = _ACTOR_VERBS if actor else _INTRANSITIVE
    verbs = Counter(o.predicate for o in observations if o.predicate in fitting and not o.revises)
    if verbs:
        return verbs.most_common(1)[0][0]
    return _ACTOR_VERB.get(topic, topic) if actor else topic


def _subject_phrase(observations: Sequence[Observation]) -> str:
    """The phrase most like all the others: what the reports agree the question is about."""
    subjects = [o.subject for o in observations if o.subject and not o.revises]
    subjects = subjects or [o.subject for o in observations if o.subject] or ["it"]
    bags = [set(_WORD.findall(s.lower())) for s in subjects]
    best = max(
        range(len(subjects)),
        key=lambda i: (sum(len(bags[i] & other) for other in bags), -len(subjects[i])),
    )
    words = subjects[best].split()
    if words and words[0].lower() in {"a", "an", "the"}:
        words = words[1:]
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return words[0].lower()  # "When will it begin?", never "the it"
    return "the " + " ".join(words)
