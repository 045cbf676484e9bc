"""Plain-text cleaning: drop site furniture lines, keep every article sentence.

Text copied from news pages carries page chrome: menus, share buttons, "Read
more" teasers with their photo captions and headlines, related-article lists,
comment forms, ad-block notices, lone dates and bylines. `clean_text` labels
each line from its shape (length, final punctuation, capitalisation), marker
words from `data/furniture.toml`, its position and its neighbours, then keeps
the article lines. Title, byline and date lines become metadata fields.

The rule of thumb: a line that ends like a sentence is only dropped when a
marker says so; unpunctuated lines are dropped when they look like chrome.

Text tokenized upstream in the Penn Treebank style ("-LRB- Reuters -RRB-",
"do n't", "``") is detokenized first, when it shows those tokens. Furniture
glued before an article's first sentence (a wire stub "CAIRO | Wed Apr 29,
2009 11:31pm IST", a "Full Article" link, a photo credit) is cut from the line
and the sentence kept. Every dropped line or cut part is in `removed`, its kind
in `removed_kinds`.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.resources import load_table

__all__ = ["CleanText", "clean_text", "find_date"]

logger = logging.getLogger(__name__)

_TERMINAL = ".!?…:。！？｡"
_CLOSERS = "\"'”’»)]*"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
# Lines with these labels are article text. After an HTML extractor, headings
# and list items inside the body are the article's own (subheadings, tour dates).
_KEPT = ("sentence", "plain")
_KEPT_LIGHT = (*_KEPT, "heading")
_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_SIGNS = re.compile(r"-[LR][RSC]B-|``")
_PTB_CLITIC = re.compile(r"(?<=\w) (n't|'s|'re|'ve|'ll|'d|'m)(?=[ \n]|$)", re.IGNORECASE)
_LEDE = re.compile(r"\(reuters\)|--| [-–—] ", re.IGNORECASE)  # "LONDON, Feb. 26 -- ...", "CAIRO (Reuters) - ..."


@dataclass(frozen=True)
class CleanText:
    """Article text without furniture, and what was taken out of it."""

    text: str  # one paragraph per line
    removed: tuple[str, ...]  # every dropped line, in order (title, date and byline lines too)
    title: str | None
    byline: str | None
    dateline: str | None  # ISO date of the first lone date line, when it parses
    outlet: str | None = None  # the masthead plain text opens with ("Meridian Wire")
    removed_kinds: tuple[str, ...] = ()  # why each entry of `removed` went ("comments", "stub", "caption", ...)


@dataclass(frozen=True)
class _Line:
    text: str
    lower: str
    words: tuple[str, ...]
    terminal: bool  # ends like a sentence, ignoring closing quotes and brackets

    @classmethod
    def of(cls, text: str) -> _Line:
        stripped = text.rstrip(_CLOSERS + " ")
        terminal = bool(stripped) and stripped[-1] in _TERMINAL
        return cls(text, text.lower(), tuple(text.split()), terminal)


@dataclass(frozen=True)
class _Rules:
    table: dict[str, Any]
    date: re.Pattern[str]
    ends_with_date: re.Pattern[str]
    byline: re.Pattern[str]
    months: dict[str, int]
    stub: re.Pattern[str]
    credit: re.Pattern[str]


def clean_text(text: str, *, light: bool = False, title: str | None = None) -> CleanText:
    """`text` without site furniture, with title, byline and date line set aside.

    `light` is for text a main-text extractor already produced: the positional
    rules (short unpunctuated lines before the first or after the last article
    sentence) are skipped and headings are kept; marker and date rules still apply. A known
    `title` (from page metadata) is removed where it repeats instead of guessed.
    """
    rules = _rules()
    parts = [_cut_prefix(line, rules) for line in _normalised_lines(_detokenized(text))]
    lined = [(rest, cuts) for rest, cuts in parts if rest]
    lines = [_Line.of(rest) for rest, _ in lined]
    stubbed = {i for i, (_, cuts) in enumerate(lined) if any(kind == "stub" for _, kind in cuts)}
    labels = [_intrinsic_label(line, rules) for line in lines]
    labels = _context_labels(lines, labels, rules, light=light, stubbed=stubbed)
    labels = _position_labels(lines, labels, rules, light=light, known_title=title)
    keep = _KEPT_LIGHT if light else _KEPT
    removed = _removed(parts, iter(zip(lines, labels)), keep)
    return CleanText(
        text="\n".join(line.text for line, label in zip(lines, labels) if label in keep),
        removed=tuple(text for text, _ in removed),
        removed_kinds=tuple(kind for _, kind in removed),
        title=_first(lines, labels, "title"),
        byline=_byline(lines, labels, rules),
        dateline=_dateline(lines, labels, rules),
        outlet=_masthead(lines, labels, rules.table["masthead"]),
    )


def find_date(text: str) -> tuple[re.Match[str], str] | None:
    """The first full calendar date written in `text` and its ISO form."""
    rules = _rules()
    for match in rules.date.finditer(text):
        iso = _iso(match, rules.months)
        if iso:
            return match, iso
    return None


def _removed(parts: list[tuple[str, list[tuple[str, str]]]], labelled: Any, keep: tuple[str, ...]
             ) -> list[tuple[str, str]]:
    """Every cut part and dropped line with its kind, in text order."""
    removed = []
    for rest, cuts in parts:
        removed += cuts
        if rest:
            line, label = next(labelled)
            if label not in keep:
                removed.append((line.text, label))
    return removed


# --- normalising -----------------------------------------------------------


def _detokenized(text: str) -> str:
    """Penn-Treebank tokens written back as plain text, when the text shows them.

    "-LRB- Reuters -RRB-" -> "(Reuters)", "``Yes , '' he said" -> "\"Yes," he said",
    "do n't" -> "don't", "Roche 's" -> "Roche's", spaces before punctuation dropped.
    Text without bracket tokens or double backquotes and with fewer than two split
    clitics is returned unchanged. Line breaks are kept.
    """
    if not _is_tokenized(text):
        return text
    text = re.sub(r"-[LR][RSC]B-", lambda m: _PTB_BRACKETS[m.group()], text)
    text = text.replace("\\/", "/").replace("\\*", "*")
    text = re.sub(r"`` *", '"', text)
    text = re.sub(r" *''", '"', text)
    text = re.sub(r"` *", "'", text)
    text = _PTB_CLITIC.sub(r"\1", text)
    text = re.sub(r"(?<=\w) '(?= )", "'", text)  # "James Reynolds ' China"
    text = re.sub(r" +([,.;:?!%])(?=[ \n\"')\]]|$)", r"\1", text)
    text = re.sub(r"([(\[$]) +", r"\1", text)
    return re.sub(r" +([)\]])", r"\1", text)


def _is_tokenized(text: str) -> bool:
    """Bracket tokens or double backquotes, or punctuation split from words at least as often as not."""
    if _PTB_SIGNS.search(text):
        return True
    spaced = len(re.findall(r"\w [,.;:?!](?=\s|$)", text))
    return spaced >= 2 and spaced >= len(re.findall(r"\w[,.;:?!](?=\s|$)", text))


def _cut_prefix(text: str, rules: _Rules) -> tuple[str, list[tuple[str, str]]]:
    """`text` without the furniture glued before its sentence, and the parts cut with their kinds.

    In order, repeatedly: a "Full Article" link and the related headlines before
    it; a wire stub ("By Jane Roe WASHINGTON | Mon Mar 2, 2009 4:23 pm EST") and
    the headline or byline before it; a bracketed photo credit, and the caption
    after it when that carries a full date. A line that is only furniture is left
    whole for the line rules.
    """
    if any(marker in text.lower() for marker in rules.table["comments"]["markers"]):
        return text, []
    cuts: list[tuple[str, str]] = []
    while True:
        cut = _prefix(text, rules)
        if cut is None:
            return text, cuts
        end, kind = cut
        rest = text[end:].strip(" ;,|-–—")
        if kind == "caption" and find_date(rest) and not _LEDE.search(rest):
            end, rest = len(text), ""
        elif len(rest.split()) < 4:
            return text, cuts  # nothing sentence-like left: the line rules decide
        cuts.append((text[:end].strip(), kind))
        text = rest
        if not text:
            return text, cuts


def _prefix(text: str, rules: _Rules) -> tuple[int, str] | None:
    """The end of the furniture that opens `text` and its kind, or None."""
    for marker in rules.table["teaser"]["cut_through"]:
        at = text.find(marker)
        if at >= 0 and len(text[:at].split()) <= rules.table["stubs"]["max_words"]:
            return at + len(marker), "teaser"
    stub = rules.stub.search(text)
    if stub and len(text[: stub.start()].split()) <= rules.table["stubs"]["max_words"]:
        return stub.end(), "stub"
    credit = rules.credit.match(text)
    return (credit.end(), "caption") if credit else None


# --- normalising -----------------------------------------------------------


def _normalised_lines(text: str) -> list[str]:
    """Non-blank lines, NFC, odd spaces collapsed; hard-wrapped paragraphs rejoined."""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE)).replace("\r\n", "\n").replace("\r", "\n")
    blocks = [[_SPACES.sub(" ", line).strip() for line in block.split("\n")] for block in re.split(r"\n\s*\n", text)]
    blocks = [[line for line in block if line] for block in blocks]
    if _looks_hard_wrapped(blocks):
        return [" ".join(block) for block in blocks if block]
    return [line for block in blocks for line in block]


def _looks_hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when paragraphs were broken at a fixed width (most inner lines end mid-sentence)."""
    inner = [line for block in blocks for line in block[:-1]]
    if len(inner) < 3 or max(len(line) for line in inner) > 100:
        return False
    open_ended = sum(not _Line.of(line).terminal for line in inner)
    return open_ended / len(inner) >= 0.6


# --- labelling one line ----------------------------------------------------


def _intrinsic_label(line: _Line, rules: _Rules) -> str:
    """What a line is on its own: furniture of some kind, "sentence" or "plain"."""
    table = rules.table
    bare = line.lower.strip(" .:!•|-–—»›>*")
    if any(marker in line.lower for marker in table["comments"]["markers"]):
        return "comment_marker"
    if _is_comments_heading(line, table["comments"]):
        return "comments_start"
    if bare in table["section_end"]["lines"]:
        return "section_end"
    if bare in table["teaser"]["lines"]:
        return "teaser_marker"
    if line.lower.startswith(tuple(table["teaser"]["prefixes"])):
        return "teaser"
    for label, test in _LINE_TESTS:
        if test(line, rules):
            return label
    if line.terminal:
        return "sentence"
    return "heading" if _is_heading(line, table["headings"]) else "plain"


def _is_comments_heading(line: _Line, comments: dict[str, Any]) -> bool:
    """"Top Rated Comments", "52 Comments", "[ Read All Comments ]": a comment section starts."""
    if line.terminal or len(line.words) > comments["max_words"]:
        return False
    tokens = re.findall(r"[^\W\d_]+", line.lower)
    return (bool(tokens) and all(t in comments["words"] or t in comments["keys"] for t in tokens)
            and any(t in comments["keys"] for t in tokens))


def _is_phrase(line: _Line, rules: _Rules) -> bool:
    phrases = rules.table["phrases"]
    if line.lower.startswith(tuple(phrases["prefixes"])):
        return True
    if len(line.words) > phrases["max_words"] or not any(p in line.lower for p in phrases["contains"]):
        return False
    # A reported sentence that happens to contain a marker ("told to click here", a volunteer said) is text.
    return not (line.terminal and any(w.strip(",.") in phrases["reporting_words"] for w in line.lower.split()))


def _is_filler(line: _Line, rules: _Rules) -> bool:
    """"In today's fast-changing world, ...", media-player and browser notices."""
    filler = rules.table["filler"]
    return len(line.words) <= filler["max_words"] and any(p in line.lower.replace("’", "'") for p in filler["contains"])


def _is_stub(line: _Line, rules: _Rules) -> bool:
    """"CAIRO | Wed Apr 29, 2009 11:31pm IST" alone, or with a few words after it."""
    stub = rules.stub.search(line.text)
    return (bool(stub) and len(line.text[: stub.start()].split()) <= rules.table["stubs"]["max_words"]
            and len(line.text[stub.end() :].split()) < 4)


def _is_caption(line: _Line, rules: _Rules) -> bool:
    captions = rules.table["captions"]
    if line.lower.startswith(tuple(captions["prefixes"])):
        return True
    if line.lower.rstrip(" .").endswith(tuple(s.rstrip(".") for s in captions["suffixes"])):
        return True
    if any(credit in line.lower[-60:] for credit in captions["credits"]):
        return True
    # "..., Lebanon, Sept. 23, 2024" closes a caption; an article sentence would end in a period.
    return not line.terminal and bool(rules.ends_with_date.search(line.text))


def _is_date_line(line: _Line, rules: _Rules) -> bool:
    found = find_date(line.text)
    if not found or len(line.words) > 14:
        return False
    match, _ = found
    rest = _TIME.sub(" ", line.text[: match.start()] + " " + line.text[match.end() :]).lower()
    dates = rules.table["dates"]
    ignored = set(dates["labels"]) | set(dates["weekdays"])
    words = [w for w in re.findall(r"[^\W_]+", rest) if w not in ignored]
    if line.terminal and words:
        return False  # "He arrived on Friday, 10 January 2025." is a sentence
    return len(words) <= dates["max_other_words"]


def _is_byline(line: _Line, rules: _Rules) -> bool:
    """"By Jane Roe and John Doe": a prefix, then mostly capitalised names."""
    match = rules.byline.match(line.text)
    if not match or line.terminal or len(line.words) > rules.table["bylines"]["max_words"]:
        return False
    desk = rules.table["bylines"]["desk_words"]  # "By the VDN newsroom", "By staff reporters"
    words = [w for w in match.group("name").split() if w[0].isalpha() and w.lower() != "and"]
    names = [w for w in words if w.lower().strip(",") not in desk]
    if not names:
        return bool(words)
    return sum(w[0].isupper() for w in names) / len(names) >= 0.6


def _is_nav(line: _Line, rules: _Rules) -> bool:
    """Menus, buttons, section labels, empty field labels ("Date:") and decoration."""
    nav = rules.table["nav"]
    if not any(ch.isalpha() for ch in line.text):
        return True
    if line.text.endswith(":") and len(line.words) <= 2:
        return True
    if len(line.words) > nav["max_words"] or (line.terminal and not line.text.endswith(":")):
        return False
    tokens = [w.strip(".,;:!?()[]\"'“”‘’") or w for w in line.lower.split()]
    allowed = set(nav["words"]) | set(nav["connectors"])
    return all(t in allowed for t in tokens) and any(t in nav["words"] for t in tokens)


def _is_heading(line: _Line, headings: dict[str, Any]) -> bool:
    """Title Case and short: a headline or subheading, not a sentence."""
    if len(line.words) > headings["max_words"]:
        return False
    minor = set(headings["minor_words"])
    letters = [w.lstrip("\"'“‘(«[") for w in line.words]
    significant = [w for w in letters if w and w[0].isalpha() and w.lower() not in minor]
    if not significant:
        return False
    capitals = sum(w[0].isupper() for w in significant)
    return capitals / len(significant) >= headings["min_capital_ratio"]


# Checked in this order; the first that holds names the line.
_LINE_TESTS = (
    ("furniture", _is_phrase),
    ("filler", _is_filler),
    ("stub", _is_stub),
    ("date", _is_date_line),
    ("caption", _is_caption),
    ("byline", _is_byline),
    ("nav", _is_nav),
)


# --- labelling from neighbours and position --------------------------------


def _context_labels(lines: list[_Line], labels: list[str], rules: _Rules, *, light: bool,
                    stubbed: set[int] = frozenset()) -> list[str]:
    """Drop the teaser lines after "Read more", the link lists after "Related Articles"
    and, in extracted text, everything after a comment-section heading that follows article text.

    A whole page's text is not cut: its header often carries a comment count
    ("12 comments") after the standfirst.
    """
    result = _without_comments(lines, labels, cut=light)
    result = _without_comment_section(lines, result, rules, stubbed)
    marker, budget = None, 0
    for i, (line, label) in enumerate(zip(lines, labels)):
        if label in ("section_end", "teaser_marker"):
            marker = label
            budget = len(lines) if label == "section_end" else rules.table["teaser"]["max_lines"]
            continue
        if marker and budget > 0 and _continues_teaser(line, label, rules):
            result[i] = "related" if marker == "section_end" else "teaser"
            budget -= 1
            continue
        marker = None
    return result


def _without_comments(lines: list[_Line], labels: list[str], *, cut: bool) -> list[str]:
    """Readers' comments run to the end of the text: with `cut`, drop all from the first heading after a sentence."""
    result = list(labels)
    seen_sentence = False
    for i, label in enumerate(labels):
        if label == "comments_start" and seen_sentence and cut:
            return result[:i] + ["comments"] * (len(lines) - i)
        if label == "comments_start":
            result[i] = "section_end"  # otherwise a link list heading like any other
        seen_sentence = seen_sentence or label == "sentence"
    return result


def _without_comment_section(lines: list[_Line], labels: list[str], rules: _Rules, stubbed: set[int]) -> list[str]:
    """From the first comment marker after article text ("Report abuse", a comment
    disclaimer) to the end, everything goes: with the reader call-outs just above
    it, and from a stub line just above it ("By Jane Roe | May 27, 2009; 2:00 PM ET",
    the post's footer, then the first comment) when that is not the article's first line.
    """
    sentences = [i for i, label in enumerate(labels) if label == "sentence"]
    for i, label in enumerate(labels):
        if label != "comment_marker":
            continue
        if not sentences or sentences[0] > i:
            labels = [*labels[:i], "comments", *labels[i + 1 :]]
            continue
        start = i
        while start > sentences[0] + 1 and i - start < 4 and _is_callout(lines[start - 1], rules.table["comments"]):
            start -= 1
        start = min([s for s in stubbed if sentences[0] < s < start and start - s <= 6] or [start])
        return labels[:start] + ["comments"] * (len(lines) - start)
    return labels


def _is_callout(line: _Line, comments: dict[str, Any]) -> bool:
    """"Have you been affected by the floods?": a question addressed to the reader."""
    words = {w.strip(",.?!\"'“”") for w in line.lower.split()}
    return (line.text.rstrip().endswith("?") and len(line.words) <= comments["callout_max_words"]
            and bool(words & set(comments["callout_words"])))


def _continues_teaser(line: _Line, label: str, rules: _Rules) -> bool:
    """A linked headline or caption, not the article resuming."""
    return label != "sentence" or bool(rules.ends_with_date.search(line.text))


def _position_labels(
    lines: list[_Line], labels: list[str], rules: _Rules, *, light: bool, known_title: str | None
) -> list[str]:
    """Find the title; drop short unpunctuated lines outside the article body."""
    result = list(labels)
    body = [i for i, (line, label) in enumerate(zip(lines, labels)) if label == "sentence" and len(line.words) >= 6]
    first_body = body[0] if body else len(lines)
    if known_title:
        title_text = " ".join(known_title.split()).lower()
    else:
        guess = _title_index(lines, result[:first_body], rules.table["title"])
        title_text = lines[guess].lower if guess is not None else None
    for i, line in enumerate(lines):
        if result[i] in ("heading", "plain") and line.lower == title_text:
            result[i] = "title"
        elif body and (i < first_body or i > body[-1]) and _is_question_teaser(line, result[i], rules):
            result[i] = "teaser"
    if light or not body:
        return result
    for i, (line, label) in enumerate(zip(lines, result)):
        outside = i < first_body or i > body[-1]
        if outside and label == "plain" and len(line.words) <= 6:
            result[i] = "header" if i < first_body else "footer"
    return result


def _is_question_teaser(line: _Line, label: str, rules: _Rules) -> bool:
    """"Only a flight away?" outside the article body: a link to another story, not a quote."""
    return (label == "sentence" and line.text.endswith("?") and len(line.words) <= rules.table["teaser"]["question_max_words"]
            and not any(q in line.text for q in "\"“”«»"))


def _title_index(lines: list[_Line], head_labels: list[str], spec: dict[str, Any]) -> int | None:
    """The first substantial headline-like line among the first candidates before the body.

    Text that opens with a masthead ("Force Posture Weekly", then a section line, the
    date and the byline) carries its headline below the date and byline: a candidate
    there wins.
    """
    candidates = [i for i, label in enumerate(head_labels) if label in ("heading", "plain")
                  and spec["min_words"] <= len(lines[i].words) <= spec["max_words"]]
    if _masthead(lines, head_labels, _rules().table["masthead"]):
        stamps = [i for i, label in enumerate(head_labels) if label in ("date", "byline")]
        candidates = [i for i in candidates if i > stamps[-1]] or candidates
    return (candidates[: spec["search_lines"]] or [None])[0]


# --- metadata --------------------------------------------------------------


def _first(lines: list[_Line], labels: list[str], wanted: str) -> str | None:
    return next((line.text for line, label in zip(lines, labels) if label == wanted), None)


def _byline(lines: list[_Line], labels: list[str], rules: _Rules) -> str | None:
    text = _first(lines, labels, "byline")
    match = rules.byline.match(text) if text else None
    return match.group("name").strip(" ,;|-–—") or None if match else None


def _masthead(lines: list[_Line], labels: list[str], spec: dict[str, Any]) -> str | None:
    """The outlet's name when the text opens with it: a short line of capitalised words,
    no digits, set above the article's date or byline ("La Voix du Niger").

    Only a line labelled as a heading or header furniture qualifies, so section
    labels ("World", a menu word) and the headline never do.
    """
    if not labels or labels[0] not in ("heading", "header") or not _name_like(lines[0], spec):
        return None
    above = any(label in ("date", "byline") for label in labels[1 : 1 + spec["within"]])
    return lines[0].text if above else None


def _name_like(line: _Line, spec: dict[str, Any]) -> bool:
    """A short name of capitalised words and particles, no digits: "La Voix du Niger"."""
    words = line.words
    return (spec["min_words"] <= len(words) <= spec["max_words"] and not any(ch.isdigit() for ch in line.text)
            and all(w[0].isupper() or w.lower() in spec["particles"] for w in words))


def _dateline(lines: list[_Line], labels: list[str], rules: _Rules) -> str | None:
    text = _first(lines, labels, "date")
    found = find_date(text) if text else None
    return found[1] if found else None


def _iso(match: re.Match[str], months: dict[str, int]) -> str | None:
    parts = match.groupdict()
    year = next(parts[k] for k in ("y1", "y2", "y3") if parts[k])
    month = next(parts[k] for k in ("m1", "m2", "m3") if parts[k])
    day = next(parts[k] for k in ("d1", "d2", "d3") if parts[k])
    number = int(month) if month.isdigit() else months[month.lower().rstrip(".")]
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    table = load_table("furniture")
    months = table["dates"]["months"]
    names = "|".join(sorted(months, key=len, reverse=True))
    mdy = rf"(?P<m1>{names})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    dmy = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{names})\.?,?\s+(?P<y2>\d{{4}})"
    iso = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    any_date = rf"\b(?:{mdy}|{dmy}|{iso})\b"
    prefixes = "|".join(re.escape(p) for p in sorted(table["bylines"]["prefixes"], key=len, reverse=True))
    byline = rf"(?:{prefixes})\s+(?P<name>\S.*)$"
    return _Rules(
        stub=_stub_pattern(table, re.sub(r"\(\?P<\w+>", "(?:", any_date)),
        credit=_credit_pattern(table["captions"]),
        table=table,
        date=re.compile(any_date, re.IGNORECASE),
        ends_with_date=re.compile(rf",\s*{any_date}\s*\.?\s*$", re.IGNORECASE),
        byline=re.compile(byline, re.IGNORECASE),
        months=months,
    )


def _stub_pattern(table: dict[str, Any], any_date: str) -> re.Pattern[str]:
    """"| Wed Apr 29, 2009 11:31pm IST", "| May 27, 2009; 2:00 PM ET": a pipe, a date, a time."""
    weekdays = "|".join(sorted(table["dates"]["weekdays"], key=len, reverse=True))
    zones = "|".join(re.escape(z) for z in sorted(table["stubs"]["zones"], key=len, reverse=True))
    time = r"\d{1,2}[:.]\d{2}"
    return re.compile(rf"\|\s*(?:(?:{weekdays})\.?,?\s+)?{any_date}(?:\s*[;,]?\s*{time})?(?:\s*(?:{zones})(?![\w.]))*",
                      re.IGNORECASE)


def _credit_pattern(captions: dict[str, Any]) -> re.Pattern[str]:
    """A bracketed photo credit opening a line: "(AP Photo/Jane Roe)", "(Jane Roe - AP)"."""
    words = "|".join(map(re.escape, captions["credit_words"]))
    agencies = "|".join(map(re.escape, captions["agencies"]))
    credit = rf"\((?:[^()]{{0,80}}\b(?:{words})\b[^()]{{0,80}}|[^()]{{1,60}}\s(?:-|--|–|—)\s*(?:{agencies}))\)\s*"
    prefixes = "|".join(map(re.escape, captions["credit_prefixes"]))
    sources = "|".join(map(re.escape, captions["credit_sources"]))
    name = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?"  # one or two capitalised words after the slash
    source = rf"(?:(?:[A-Z][\w.'-]* ){{0,2}}[A-Z][\w.'-]*/(?:{sources})|(?:{sources})(?:/{name})?|[A-Z][\w.&-]*/{name})"
    glued = rf"(?:(?i:{prefixes})\s*{source}|(?:{sources})/{name})\s+(?=[A-Z])"
    return re.compile(rf"(?:(?i:{credit}))+|{glued}")
