"""Readable titles for stories and topics: the most central headline, or a summary line.

A story or topic is named after what its articles say most: each article's stored
term vector (`link/stories.py`) is read as unit weights and summed into a centroid,
so the articles nearest it are the most central, and the names in most articles
weigh most. The title is chosen among those central articles' candidates:

- headlines: an article's `title` field; in plain text, a short first line that
  does not end like a sentence; or a headline run into the lead on one line
  ("Another Day, a Weaker Dollar The financial crisis has ..."), split off;
- lead sentences: the first sentences of the text, with the furniture glued before
  them cut (a wire stub "CAIRO | Wed Apr 29, 2009 11:31pm IST", a byline, a photo
  credit, the dateline credit "CAIRO (Reuters) -").

No candidate may be furniture: the line rules of `ingest/clean.py` and the timeline's
furniture and filler patterns decide, with the few shapes a title meets that cleaning
keeps as text (a photo caption that ends on its full date, a writer's biography line,
a presenter's greeting). A headline is preferred to a lead sentence unless it is much
less central; a title is cut at a word boundary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dateline.ingest import clean
from dateline.ingest.clean import find_date
from dateline.ingest.outlets import _DATELINE_CREDIT, _LEAD_CREDIT
from dateline.link.stories import cosine, document_terms, signature_terms
from dateline.views.timeline_placing import _FILLER, _FURNITURE

__all__ = [
    "Candidate",
    "article_title",
    "candidates",
    "centroid",
    "choose",
    "headline_of",
    "is_furniture",
    "leads_of",
    "shorten",
    "story_title",
    "topic_titles",
]

LIMIT = 90  # characters of a title before it is cut at a word boundary
CENTRAL = 20  # the articles nearest the centroid whose texts are read for candidates
HEADLINE_WORDS = (3, 16)  # a headline's length in words
LEAD_LINES = 4  # lines of an article's text searched for its lead
LEAD_WORDS = 6  # a lead sentence's least length in words
HEADLINE_POOL = 100  # the articles nearest the centroid searched for a headline in their text
NAMES = 12  # the most frequent names a candidate is checked against
HEADLINE_BONUS = 2.0  # a headline is preferred unless a lead sentence is this much more central
CUT = 0.6  # a lead sentence too long for a title, cut, counts this much
SUPPORT = 0.3  # a candidate carried by several articles counts this much more per doubling
PERSONAL = 0.5  # a line in the first or second person (a column's voice, a call to the reader) counts half
QUESTION = 0.8  # a question is a column's or a teaser's headline more often than the news
_PERSONAL = re.compile(r"\b(?:I|I['’](?:m|ve|d)|my|we|our|you|your)\b", re.IGNORECASE)
_KEPT_LABELS = frozenset({"sentence", "heading", "plain"})
# a period after these ends no sentence: initials, "U.S.", titles, months ("WASHINGTON, Jan. 15 --")
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "No", "Rep", "Sen", "Gov", "Gen", "Col", "Inc", "Corp", "Co", "vs",
                  "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
                           + r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z0-9\"'‘“(])")
_BULLET = re.compile(r"^\s*(?:\\?\*|•|-|–|—)\s+")
_UPDATE = re.compile(r"^(?:UPDATE|CORRECTED|REFILE|WRAPUP|RPT|FACTBOX|ANALYSIS)\b[\s\d-]*[-:]\s*")
# A call to the reader before a colon ("Follow The World Desk On:", "Watch:") and a stray quote open no title
_LABEL = re.compile(r"^[\"“”'\s]*(?:(?:follow|share|watch|listen|read|subscribe)\b[^:.!?]{0,40}:\s*)?", re.IGNORECASE)
_NOTE = re.compile(r"^\((?:[^()]{1,80})\)\s+(?=\S)")  # "(Updates with quotes)", "(By Jane Roe -- AP)", "(Youtube)"
_PLACE_LEDE = re.compile(r"(?:^|(?<=\s))[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+){0,3}"  # "NEW YORK, June 24 -- "
                         r"(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*(?:--|—|–)\s+")
_PTB_QUOTE = re.compile(r"`\s?([^`'\n]{1,80}?)\s?'(?!\w)")
# Shapes cleaning keeps as text that are no title: a caption ending on its full date ("... in Yangon on
# June 30, 2009."), a writer's biography ("- Jane Roe is a Reuters correspondent in Frankfurt."), a
# presenter's greeting ("Hi there, I'm Leah from ...").
_BIOGRAPHY = re.compile(r"\b(?:is|are|was)\s+(?:a|an|the)\s+(?:[\w.'’-]+\s+){0,5}(?:correspondent|columnist|"
                        r"reporter|editor|writer|contributor|commentator|blogger|author)s?\b", re.IGNORECASE)
_GREETING = re.compile(r"^(?:hi|hello|welcome|good\s+(?:morning|afternoon|evening))\b|\b(?:hi|hello)\s+there\b"
                       r"|\bI['’]m\b|\bI\s+am\b", re.IGNORECASE)
# A headline run into its lead: the lead opens with one of these words, which are capitalised mid-sentence only
# in names ("at The Hague", kept by the word before it)
_OPENERS = frozenset([
    "the", "a", "an", "when", "as", "after", "before", "in", "on", "at", "for", "with", "while", "although",
    "though", "if", "it", "he", "she", "they", "we", "this", "these", "those", "there", "some", "many", "more",
    "most", "fewer", "nearly", "almost", "only", "two", "three", "one", "officials", "police",
])
# ... and these after a Title Case headline ("U.S. to Toughen Its Stance On Trade The Obama administration")
_ARTICLES = frozenset(["the", "a", "an"])
_NAME_BEFORE = frozenset([
    "the", "a", "an", "in", "on", "at", "of", "to", "from", "by", "for", "with", "and", "or", "said", "says",
    "told", "asked", "into", "near", "than", "during", "against", "between",
])


@dataclass(frozen=True)
class Candidate:
    """A possible title from one article; `kind` is "headline" or "lead"."""

    text: str
    kind: str
    document: str


# --- candidates from one article ------------------------------------------------------------


def headline_of(text: str, title: str | None = None) -> str | None:
    """The article's headline: its `title` field, else a short first line that does not end like a
    sentence, else a headline run into the lead; None when it has none (or only furniture)."""
    if title and not is_furniture(title) and _words(title) >= 2:  # a title field is a headline as it stands
        return tidy(title)
    bullet = _first_bullet(text)
    if bullet:
        return bullet
    first = _UPDATE.sub("", _BULLET.sub("", _first_line(text)))
    if _is_headline_line(first):
        return tidy(first)
    glued = split_glued(_sentences(first)[0], lower_words(text)) if first else None
    return tidy(glued[0]) if glued and not is_furniture(glued[0]) else None


def lower_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case: common words, never names."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))


def leads_of(text: str, lines: int = LEAD_LINES) -> list[str]:
    """The first sentences of the article's first lines, furniture glued before them cut, furniture
    sentences and headlines run into them left out."""
    out: list[str] = []
    common = lower_words(text)
    for n, raw in enumerate([line.strip() for line in text.splitlines() if line.strip()][:lines]):
        line = _without_lede(clean._cut_prefix(_UPDATE.sub("", _BULLET.sub("", _NOTE.sub("", raw))), clean._rules())[0])
        for k, sentence in enumerate(_sentences(line)[:2]):
            glued = split_glued(sentence, common) if n == k == 0 else None  # a headline opens the text
            sentence = glued[1] if glued else sentence
            if _is_lead(sentence):
                out.append(tidy(sentence))
    return out


def is_furniture(text: str) -> bool:
    """Site furniture, not a title: what cleaning or the timeline drops, a dated caption, a biography or
    a greeting."""
    text = text.strip()
    if not text or not any(ch.isalpha() for ch in text):
        return True
    label = clean._intrinsic_label(clean._Line.of(text), clean._rules())
    if label not in _KEPT_LABELS or _FURNITURE.search(text) or _FILLER.search(text):
        return True
    if _ends_on_date(text) or (find_date(text) and clean._TIME.search(text)):  # a caption; a page's time stamp
        return True
    return bool(_BIOGRAPHY.search(text) and _words(text) <= 25) or bool(_GREETING.search(text))


def split_glued(sentence: str, common: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(headline, lead) when `sentence` is a headline run into the lead with no stop between them
    ("Haiti, disabled people and disasters When catastrophes strike, ..."), else None.

    The lead opens where a capitalised word follows a word with no stop after it and either is a word
    that opens sentences and is capitalised mid-sentence only in names, or is a word the article
    writes in lower case elsewhere (`common`: "... trial delayed Lawyers for Dr Murray ..."; a name
    is never written so), or repeats a name of the headline ("... four years in prison Michael
    Jackson's former doctor ..."), or follows the headline's closing quote."""
    words = sentence.split()
    low, high = HEADLINE_WORDS
    for i in range(low, min(high, len(words) - 6) + 1):
        before, word = words[i - 1], words[i]
        if not word[:1].isupper() or before[-1:] in ".!?:;,-–—|" or before.lower() in _NAME_BEFORE:
            continue
        head = words[:i]
        opener = ((word.lower() in _OPENERS or word.lower().strip(",") in common) and before[:1].islower()
                  or word.lower() in _ARTICLES and _title_case(head) and _sentence_case(words[i + 1 : i + 4]))
        repeated = before[:1].islower() and word.strip("'’s") in {w.strip("'’s,") for w in head if w[:1].isupper()}
        quoted = before in ("'", "’", "”", "\"") and any(q in w for w in head[:-1] for q in "`‘“\"'")
        if opener or repeated or quoted:
            return " ".join(head), " ".join(words[i:])
    return None


def candidates(doc_id: str, text: str, title: str | None = None, *, leads: bool = True) -> list[Candidate]:
    """Every title candidate of one article (its headline only, without `leads`)."""
    text = text.replace("\\/", "/")  # "MEXICO CITY\\/GENEVA": a slash escaped upstream
    found = [Candidate(h, "headline", doc_id)] if (h := headline_of(text, title)) else []
    return found + [Candidate(s, "lead", doc_id) for s in (leads_of(text) if leads else ())]


def article_title(text: str, title: str | None = None, *, limit: int = LIMIT) -> str | None:
    """One article's name for lists and headings: its headline, else its first lead sentence, cut to
    `limit`; None when it has neither."""
    text = text.replace("\\/", "/")
    found = headline_of(text, title) or next(iter(leads_of(text)), None)
    return shorten(found, limit) if found else None


# --- choosing -------------------------------------------------------------------------------


def centroid(vectors: Iterable[Mapping[str, int]]) -> dict[str, float]:
    """The sum of articles' unit term weights (`signature_terms`), unit length: what they say most."""
    summed: Counter[str] = Counter()
    for vector in vectors:
        summed.update(signature_terms(vector))
    norm = math.sqrt(sum(w * w for w in summed.values())) or 1.0
    return {t: w / norm for t, w in summed.items()}


def choose(found: Sequence[Candidate], center: Mapping[str, float], *, limit: int = LIMIT) -> str | None:
    """The best candidate, cut to `limit`: the most central (`score`), a headline preferred."""
    names = [t[1:] for t, _ in sorted(((t, w) for t, w in center.items() if t.startswith("@")),
                                      key=lambda tw: -tw[1])[:NAMES]]
    support = Counter(c.text.lower() for c in found)
    scored = [(score(c, center, names, support[c.text.lower()], limit), c) for c in found]
    if not scored:
        return None
    best = max(scored, key=lambda sc: (sc[0], sc[1].kind == "headline", -len(sc[1].text)))[1]
    return shorten(best.text, limit)


def score(candidate: Candidate, center: Mapping[str, float], names: Sequence[str], support: int = 1,
          limit: int = LIMIT) -> float:
    """How good a title `candidate` is: its centrality (the cosine of its words, and of the centroid's
    `names` it names, with the centroid), times `HEADLINE_BONUS` for a headline, raised by the number of
    articles that carry it (`support`), lowered for a lead sentence cut to fit `limit`, for a question
    and for the first or second person (a column's voice, a call to the reader)."""
    weight = HEADLINE_BONUS if candidate.kind == "headline" else (1.0 if len(candidate.text) <= limit else CUT)
    weight *= 1.0 + SUPPORT * math.log2(support)
    weight *= PERSONAL if _PERSONAL.search(candidate.text) else 1.0
    weight *= QUESTION if candidate.text.rstrip("\"'”’ ").endswith("?") else 1.0
    return _centrality(candidate.text, center, names) * weight


def _centrality(text: str, center: Mapping[str, float], names: Sequence[str]) -> float:
    lower = text.lower()
    return cosine(document_terms(text, [n for n in names if n in lower]), center)


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` without a final period, cut at a word boundary within `limit` characters."""
    text = " ".join(text.split()).rstrip(" .")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–—") + "…"


def tidy(text: str) -> str:
    """Tokenizer quotes made typographic ("` not suspicious '" -> "‘not suspicious’"), escaped slashes
    ("MEXICO CITY\\/GENEVA") plain, spaces collapsed."""
    return " ".join(_PTB_QUOTE.sub(r"‘\1’", text.replace("\\/", "/")).split())


# --- over the store -------------------------------------------------------------------------


def title_for_documents(store, doc_ids: Sequence[str], vectors: Mapping[str, Mapping[str, int]],
                        meta: Mapping[str, Mapping] | None = None) -> str | None:
    """The title of the articles `doc_ids`: the best candidate among the lead sentences of the `CENTRAL`
    articles nearest their centroid and the headlines of the `HEADLINE_POOL` nearest and of every
    article with a `title` field; None for no articles."""
    center = centroid(vectors[d] for d in doc_ids if d in vectors)
    central = sorted(doc_ids, key=lambda d: (-cosine(signature_terms(vectors.get(d, {})), center), d))
    meta = meta if meta is not None else {}
    titled = [d for d in doc_ids if (meta.get(d) or {}).get("title")]
    found: list[Candidate] = []
    for rank, doc_id in enumerate(dict.fromkeys(central[:HEADLINE_POOL] + titled)):
        doc = store.document(doc_id)
        if doc is not None:
            title = (meta.get(doc_id) or {}).get("title") or doc.title
            found += candidates(doc_id, doc.text, title, leads=rank < CENTRAL)
    return choose(found, center) or _fallback(store, central)


def story_title(store, story_id: str, vectors: Mapping[str, Mapping[str, int]] | None = None) -> str:
    """The story's title (`title_for_documents` over its articles); its id when it has none."""
    meta = store.document_meta(story_id)
    vectors = vectors if vectors is not None else store.term_vectors()
    return title_for_documents(store, sorted(meta), vectors, meta) or story_id


def topic_titles(store, topic_of: Mapping[str, str]) -> dict[str, str]:
    """Each topic's title: for a topic of one story, the story's; else chosen over all its articles."""
    stories = store.stories()
    members: dict[str, list] = {}
    for story in stories:
        if story.id in topic_of:
            members.setdefault(topic_of[story.id], []).append(story)
    titles = {topic: group[0].title for topic, group in members.items() if len(group) == 1}
    grouped = {topic: group for topic, group in members.items() if len(group) > 1}
    if grouped:
        vectors, meta = store.term_vectors(), store.document_meta()
        for topic, group in grouped.items():
            doc_ids = sorted(d for s in group for d in s.documents)
            titles[topic] = title_for_documents(store, doc_ids, vectors, meta) or group[0].title
    return titles


def _fallback(store, central: Sequence[str]) -> str | None:
    """With no clean candidate: the most central article's first line that is not furniture."""
    for doc_id in central[:CENTRAL]:
        doc = store.document(doc_id)
        for line in (doc.text.splitlines() if doc else []):
            line = _without_lede(clean._cut_prefix(line.strip(), clean._rules())[0])
            if line and not is_furniture(line):
                return shorten(tidy(_sentences(line)[0]))
    return None


# --- helpers --------------------------------------------------------------------------------


def _is_headline_line(line: str) -> bool:
    low, high = HEADLINE_WORDS
    stripped = line.rstrip("\"'”’)» ")
    return (low <= _words(line) <= high and not stripped.endswith((".", ":", ";", ","))
            and not is_furniture(line) and split_glued(line) is None)


def _is_lead(sentence: str) -> bool:
    """A whole sentence of the article's own: long enough, ended, brackets closed, not furniture."""
    return (_words(sentence) >= LEAD_WORDS and sentence.rstrip()[-1:] in ".!?\"”’'"
            and sentence.count("(") == sentence.count(")") and not is_furniture(sentence))


def _title_case(words: Sequence[str]) -> bool:
    """Most words capitalised, as in "U.S. to Toughen Its Stance On Trade"."""
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _sentence_case(words: Sequence[str]) -> bool:
    """A lower-case word that is no particle among `words`: a sentence goes on, not a Title Case headline."""
    minor = set(clean._rules().table["headings"]["minor_words"])
    return any(w[:1].islower() and w.lower() not in minor for w in words)


def _first_line(text: str) -> str:
    return _LABEL.sub("", next((line.strip() for line in text.splitlines() if line.strip()), ""), count=1)


def _first_bullet(text: str) -> str | None:
    """A wire story's summary bullets ("* Mexican government announces fatal outbreak * New mixture ..."):
    the first, when the text opens with them."""
    if not _BULLET.match(text):
        return None
    first = re.split(r"\s(?:\\?\*|•)\s", _BULLET.sub("", text.strip(), count=1), maxsplit=1)[0].strip()
    return tidy(first) if _is_headline_line(first) else None


def _without_lede(line: str) -> str:
    """The line after its dateline credit ("WASHINGTON (Reuters) -", "NEW YORK, June 24 --"), when one opens it."""
    for pattern in (_DATELINE_CREDIT, _LEAD_CREDIT, _PLACE_LEDE):
        match = pattern.match(line) if pattern is _LEAD_CREDIT else pattern.search(line[:160])
        if match:
            return line[match.end():].strip(" -–—")
    return line


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()] or [""]


def _ends_on_date(text: str) -> bool:
    """A caption ends on the full date of its picture; a lead sentence does not."""
    found = find_date(text[-40:])
    return bool(found) and not text[-40:][found[0].end():].strip(" .)\"'”’")


def _words(text: str) -> int:
    return len(text.split())
