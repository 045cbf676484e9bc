"""Office holders: "Who is the US Treasury Secretary?", "Who is Mexico's Health Minister?".

Value: the holder's surname (the label keeps the full name), so "Henry M. Paulson
Jr.", "Hank Paulson" and "Paulson" are one value. Scope: the country or
organisation whose office it is: the one written before the title ("U.S.",
"Mexico's", "Mexican" -> Mexico, `[office.demonyms]`), else the one country the
sentence names; else, in `link/facts.py`, the country the same holder's office is
written with elsewhere in the story, or the only one the story writes that title
with. An office no country scopes is no question ("Who is the Health Minister?":
whose?). Observed from a title written right before a PERSON entity ("Treasury
Secretary Henry Paulson"); a title marked past or future ("former", "incoming",
"designate") is not the current office. Relation: the general rule (a new holder
reported later updates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.link.facttypes.base import (
    GeneralRule,
    citation,
    entities_in,
    lexicon,
    person_name,
    possessive,
    sentence_of,
    words_pattern,
)
from dateline.link.observations import Observation, Source
from dateline.model import AnnotatedDocument, Entity


@dataclass(frozen=True)
class OfficeType(GeneralRule):
    name: str = "holder"
    value_kind: str = "name"

    def observe(self, annotated: AnnotatedDocument, source: Source) -> Iterable[Observation]:
        words = lexicon()["office"]
        titles = re.compile(words_pattern(words["titles"]).pattern + r"\s+$", re.IGNORECASE)
        text = annotated.document.text
        people = [e for e in annotated.entities if e.label == "PERSON"]
        appositive = re.compile(r"^,\s+(?:the\s+)?(?:(?:[A-Z][\w.]*\s+){0,3})?(" + words_pattern(words["titles"]).pattern
                                + r")\s*,", re.IGNORECASE)
        for person in people:
            title = titles.search(text, max(0, person.start - 40), person.start)
            after = appositive.search(text[person.end:person.end + 80])
            if title is None and after is not None:  # "Henry Paulson, the Treasury Secretary, said"
                title = re.search(re.escape(after.group(1)), text[person.end:person.end + 80])
                title = _Found(after.group(1), person.end + after.start(1) - 0) if title else None
            elif title is None or not title.group()[:1].isupper() or not _holds_now(annotated, person):
                continue
            if title is None:
                continue
            scope = _scope(annotated, title.start()) or _sentence_country(annotated, title.start())
            name = person_name(person)
            if not name or _not_now(text, title.start()) or _someone_elses(annotated, title.start()):
                continue
            yield Observation(
                ask=self.name, topic=" ".join(title.group().lower().split()), place=scope, qualifier="",
                kind="name", value=name.split()[-1], label=name, source=source,
                citation=citation(annotated, title.start(), person.end), subject=title.group().strip(),
                modality="happened",
            )

    def question(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> str:
        titles = [o.subject for o in observations if o.subject]
        title = max(set(titles), key=lambda t: (titles.count(t), t[:1].isupper())) if titles else key[1]
        return f"Who is {whose(key[2])} {title[:1].upper() + title[1:]}?"

    def asks(self, key: tuple[str, str, str, str], observations: Sequence[Observation]) -> bool:
        """An office no country or organisation scopes is no question: "Who is the Health Minister?" (whose?)."""
        return bool(key[2])


_SHORT = {"United States": "US", "United Kingdom": "UK", "United Nations": "UN", "European Union": "EU"}


def whose(scope: str) -> str:
    """How a question names whose office it is: "Mexico's", "the US", "the World Health Organization"."""
    if scope in _SHORT:
        return "the " + _SHORT[scope]
    if scope in set(lexicon()["office"]["demonyms"].values()):
        return possessive(_named(scope))  # _named only puts "the " before: the ending is the scope's
    return scope if scope.lower().startswith("the ") else "the " + scope


def _named(country: str) -> str:
    return f"the {country}" if country.startswith(("United ", "Czech", "Dominican", "Netherlands", "Philippines")) else country


TYPE = OfficeType()


@dataclass(frozen=True)
class _Found:
    """A title found after the name, shaped as a regex match for the code above."""

    text: str
    at: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at


# the titled person speaks or acts: right after the name, after another titled person joined to it ("Treasury
# Secretary Henry Paulson and Fed President Timothy Geithner oversaw"), or in a clause about it (", who explained")
_NOW_VERBS = re.compile(r"^\W{0,3}\s*(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,7}?)?(?:who\s+)?"
                        r"(said|says|told|tells|announced|announces|has|have|is|will|warned|warns|"
                        r"urged|urges|added|insisted|insists|confirmed|confirms|called|calls|spoke|speaking|"
                        r"wrote|writes|met|meets|unveiled|unveils|outlined|outlines|oversaw|oversees|explained|"
                        r"explains|briefed|briefs|testified|testifies|ordered|orders|signed|signs|proposed|proposes)\b")


def _holds_now(annotated: AnnotatedDocument, person: Entity) -> bool:
    """The sentence states the holding in the present: the titled person speaks or acts in it ("Treasury
    Secretary Henry Paulson said", "... Paulson and Fed President Timothy Geithner oversaw", "... Paulson, who
    explained"), or is the source of reported words; not a background mention, and not
    in a sentence dated to an earlier year than the article."""
    sentence = sentence_of(annotated, person.start)
    published = annotated.document.published.value
    if sentence and published and any(int(y) < published.year for y in
                                      re.findall(r"\b(19\d\d|20\d\d)\b", annotated.document.text[sentence.start:sentence.end])):
        return False
    text = annotated.document.text
    if _NOW_VERBS.search(text[person.end:person.end + 90]):
        return True
    return any(a.source_start is not None and a.source_start <= person.start < (a.source_end or a.source_start)
               and not a.anonymous for a in annotated.attributions)


def _scope(annotated: AnnotatedDocument, title_start: int) -> str | None:
    """The country or organisation written right before the title: "U.S. Treasury Secretary", "Mexico's
    Health Minister", "Mexican Health Minister" (Mexico)."""
    text = annotated.document.text
    before: Entity | None = next((e for e in annotated.entities if 0 <= title_start - e.end <= 1
                                  or re.fullmatch(r"['’]s? ", text[e.end:title_start])), None)
    demonyms = lexicon()["office"]["demonyms"]
    if before is None:  # a demonym the tagger missed: "Scottish Health Secretary" is Scotland's, not the UK's
        word = re.search(r"\b([A-Z][\w.]*?)(?:['’]s)?\s+$", text[max(0, title_start - 30):title_start])
        return demonyms.get(word.group(1)) if word else None
    if before.label not in ("GPE", "NORP", "ORG"):
        return None
    return demonyms.get(before.canonical) or demonyms.get(before.text) or before.canonical


def _sentence_country(annotated: AnnotatedDocument, title_start: int) -> str | None:
    """The one country the sentence names ("... present in Egypt, said Health Minister Hatem el-Gabali")."""
    sentence = sentence_of(annotated, title_start)
    if sentence is None:
        return None
    demonyms = lexicon()["office"]["demonyms"]
    countries = set(demonyms.values())
    named = {demonyms.get(e.canonical) or demonyms.get(e.text) or e.canonical
             for e in entities_in(annotated, sentence.start, sentence.end, ("GPE", "NORP"))}
    named &= countries
    return named.pop() if len(named) == 1 else None


def _someone_elses(annotated: AnnotatedDocument, title_start: int) -> bool:
    """ "Clinton Treasury Secretary Robert Rubin": the office under another person, not now."""
    return any(e.label == "PERSON" and 0 <= title_start - e.end <= 1 for e in annotated.entities)


def _not_now(text: str, title_start: int) -> bool:
    words = text[max(0, title_start - 30):title_start].lower().replace("-", " ").split()[-2:]
    return bool(set(words) & set(lexicon()["office"]["not_now"]))
