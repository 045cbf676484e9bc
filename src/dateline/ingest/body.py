"""Repairs to the main text trafilatura chose, using the page's structure.

trafilatura picks one body container and renders it. Three of its failure
shapes on news pages can be seen in the page itself and undone here:

- a body split into several containers of the same class (an article
  interrupted by ads or a newsletter box): trafilatura keeps the first; the
  others are added back (`_continuation`);
- menus, link lists and teaser lists rendered as body lines: two or more
  adjacent lines that are each the whole text of a link, three or more linked
  headlines each followed by at most one summary line, and an all-capitals
  link to the page's own site ("SEE ALSO: ..." promos) are dropped;
- hover cards and tooltips that repeat a name's profile inside a sentence are
  removed before extraction (`prune`).

The markers (class words, body-container words) are data, in
`data/furniture.toml` under `[html]`.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from dateline.resources import load_table

__all__ = ["prune", "repair"]

logger = logging.getLogger(__name__)

_SENTENCE_END = ".!?。！？"
_CLOSERS = "\"'”’»)]"
# a link whose text is an address is a reference the article prints, not a menu entry
# trafilatura writes list items as "- item"
_BULLET = re.compile(r"^[-•*]\s+")
_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)


@dataclass(frozen=True)
class _Link:
    """A link's text and whether it is an all-capitals promo for the page's own site."""

    text: str
    own_site_caps: bool


@dataclass(frozen=True)
class _Html:
    hidden_class: re.Pattern[str]
    body_class: re.Pattern[str]
    spec: dict[str, Any]


@functools.lru_cache(maxsize=1)
def _rules() -> _Html:
    spec = load_table("furniture")["html"]
    return _Html(
        hidden_class=re.compile("|".join(map(re.escape, spec["hidden_class_words"])), re.I),
        body_class=re.compile("|".join(map(re.escape, spec["body_class_words"])), re.I),
        spec=spec,
    )


def prune(tree: HtmlElement) -> HtmlElement:
    """`tree` without hover cards and tooltips, in place.

    Only the innermost marked elements that are not links go: a marked wrapper
    ("rollover-people") and its marked link hold the name the card describes,
    which belongs to the sentence.
    """
    marked = _rules().hidden_class
    found = [el for el in tree.iter() if isinstance(el.tag, str) and el.tag != "a" and marked.search(el.get("class") or "")]
    for el in found:
        nested = any(isinstance(d.tag, str) and d.tag != "a" and marked.search(d.get("class") or "")
                     for d in el.iterdescendants())
        if not nested and el.getparent() is not None:
            el.drop_tree()
    return tree


def repair(tree: HtmlElement, text: str, url: str | None) -> str:
    """The extracted `text` with dropped body parts restored and link furniture removed."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    lines = _without_link_lines(lines, _links(tree, url), url)
    return "\n".join(_continuation(tree, lines))


# --- link lines ------------------------------------------------------------


def _links(tree: HtmlElement, url: str | None) -> dict[str, _Link]:
    """Each link text on the page (whitespace collapsed) and what it is."""
    own = _site(url)
    found: dict[str, _Link] = {}
    for a in tree.iter("a"):
        href = a.get("href")
        text = " ".join(a.text_content().split())
        if not href or not text:
            continue
        target = _site(urljoin(url or "", href))
        caps = _all_capitals(text) and own is not None and target == own
        found[text] = _Link(text, caps or (found[text].own_site_caps if text in found else False))
    return found


def _site(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return ".".join(host.split(".")[-2:]) if host else None


def _all_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(text.split()) >= 3 and len(letters) >= 10 and all(ch.isupper() for ch in letters)


def _without_link_lines(lines: list[str], links: dict[str, _Link], url: str | None) -> list[str]:
    """Drop link lists, teaser lists, own-site capital promos and the page's own URL."""
    # lines without a letter ("-", "(56)") are list decoration: not counted as lines between links
    worded = [i for i, line in enumerate(lines) if any(ch.isalpha() for ch in line)]
    texts = [_BULLET.sub("", lines[i]) for i in worded]
    linked = [n for n, text in enumerate(texts) if text in links and not _URL.match(text)]
    doomed = {worded[n] for n in linked if links[texts[n]].own_site_caps}
    doomed |= {i for i, line in enumerate(lines) if url and line == url}
    words = [lines[i] for i in worded]
    for chain in _chains(linked, words):
        doomed |= {worded[n] for n in _teaser_span(chain, len(words))}
    kept = [line for i, line in enumerate(lines) if i not in doomed]
    # never let the link rules empty a page: a page that is only links keeps them
    return kept or lines


def _chains(linked: list[int], lines: list[str]) -> list[list[int]]:
    """Maximal groups of link-line indices at most one short line apart."""
    limit = _rules().spec["summary_max_words"]
    chains: list[list[int]] = []
    for i in linked:
        gap = i - chains[-1][-1] if chains else 0
        if chains and (gap == 1 or (gap == 2 and len(lines[i - 1].split()) <= limit)):
            chains[-1].append(i)
        else:
            chains.append([i])
    return chains


def _teaser_span(chain: list[int], n_lines: int) -> range:
    """The lines of a link list (two or more adjacent links) or a teaser list.

    A teaser list is three or more linked headlines, each followed by at most
    one short line of summary; when every headline has its summary, the last one's goes too.
    """
    gaps = {b - a for a, b in zip(chain, chain[1:])}
    if len(chain) < 2 or (len(chain) == 2 and gaps != {1}):
        return range(0)
    last = chain[-1] + 1 if gaps == {2} and chain[-1] + 1 < n_lines else chain[-1]
    return range(chain[0], last + 1)


# --- multi-part bodies -----------------------------------------------------


def _continuation(tree: HtmlElement, lines: list[str]) -> list[str]:
    """`lines` plus the paragraphs of later same-class body containers trafilatura left out."""
    spec = _rules().spec
    anchor = _anchor(tree, lines, spec["anchor_min_words"])
    container = _body_container(anchor, spec) if anchor is not None else None
    if container is None:
        return lines
    present = set(lines)
    parts = [el for el in tree.iter(container.tag) if el.get("class") == container.get("class")]
    added: list[str] = []
    for part in parts[parts.index(container) + 1 :]:
        paragraphs = [p for p in _paragraphs(part) if p not in present]
        if _is_prose(paragraphs, spec):
            added.extend(paragraphs)
    if added:
        logger.debug("restored %d paragraphs from %d same-class body parts", len(added), len(parts) - 1)
    return lines + added


def _anchor(tree: HtmlElement, lines: list[str], min_words: int) -> HtmlElement | None:
    """The first <p> whose text is a long line of the extracted text."""
    long_lines = {line for line in lines if len(line.split()) >= min_words}
    if not long_lines:
        return None
    return next((p for p in tree.iter("p") if " ".join(p.text_content().split()) in long_lines), None)


def _body_container(anchor: HtmlElement, spec: dict[str, Any]) -> HtmlElement | None:
    """The nearest ancestor of `anchor` whose class names a body and is shared by a few elements."""
    pattern = _rules().body_class
    node = anchor.getparent()
    for _ in range(spec["max_depth"]):
        if node is None:
            return None
        cls = node.get("class")
        if cls:
            same = sum(1 for el in node.getroottree().iter(node.tag) if el.get("class") == cls)
            if same > 1:
                return node if pattern.search(cls) and same <= spec["max_parts"] else None
        node = node.getparent()
    return None


def _paragraphs(part: HtmlElement) -> list[str]:
    """The text of the <p> elements of `part` that are not mostly link text."""
    found = []
    for p in part.iter("p"):
        text = " ".join(p.text_content().split())
        link_words = sum(len(a.text_content().split()) for a in p.iter("a"))
        if text and link_words <= 0.3 * len(text.split()):
            found.append(text)
    return found


def _is_prose(paragraphs: list[str], spec: dict[str, Any]) -> bool:
    """Enough full sentences of article length to be a part of the article, not a box."""
    prose = [p for p in paragraphs
             if len(p.split()) >= spec["prose_min_words"] and p.rstrip(_CLOSERS)[-1:] in _SENTENCE_END]
    return sum(len(p.split()) for p in prose) >= spec["part_min_words"]
