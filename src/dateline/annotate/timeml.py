"""TimeML reading and writing, for evaluating the temporal tagger on standard corpora.

`parse_timeml(markup)` turns a TimeML file into its plain `<TEXT>` (entities
unescaped, every tag removed), the document creation time (the TIMEX3 with
`functionInDocument="CREATION_TIME"`) and the TIMEX3 spans annotated in the
text, with offsets into that plain text. `render_timeml(doc, timexes)` writes the
same file back with only the given TIMEX3 tags in the text; `tag_timeml_dir`
does both for a folder of `.tml` files (`dateline.annotate.timeml_score`
scores them). Tags are read with a tolerant scanner rather than an XML parser
because released corpora contain files that are not well-formed XML.
"""

from __future__ import annotations

import html
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import DatelineError
from dateline.model import TimeExpr

if TYPE_CHECKING:
    from dateline.annotate.timex import Genre

logger = logging.getLogger(__name__)

__all__ = ["TimemlDocument", "TimemlTimex", "parse_timeml", "read_timeml", "render_timeml", "tag_timeml_dir"]

_TEXT = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.S | re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DCT_TIMEX = re.compile(r"<TIMEX3\b([^>]*functionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*)>", re.I)
# Elements outside <TEXT> that point at annotations inside it; they are dropped with them.
_LINKS = re.compile(r"<(MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*?(?:/>|>.*?</\1>)\s*", re.S | re.I)


@dataclass(frozen=True)
class TimemlTimex:
    """One TIMEX3 annotated in a TimeML text; offsets are into the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimemlDocument:
    """A TimeML file: its markup, plain text, creation time and annotated timexes."""

    markup: str
    text: str
    dct: date | None
    timexes: tuple[TimemlTimex, ...]


def read_timeml(path: Path) -> TimemlDocument:
    """The TimeML file at `path`, parsed."""
    try:
        return parse_timeml(path.read_text("utf-8"))
    except DatelineError as error:
        raise DatelineError(f"{path}: {error}") from None


def parse_timeml(markup: str) -> TimemlDocument:
    """Plain text, creation time and TIMEX3 annotations of a TimeML document."""
    body = _TEXT.search(markup)
    if body is None:
        raise DatelineError("no <TEXT> element; is this a TimeML file?")
    text, timexes = _strip_tags(body.group(2))
    return TimemlDocument(markup, text, _creation_time(markup), tuple(timexes))


def render_timeml(doc: TimemlDocument, timexes: Iterable[TimeExpr]) -> str:
    """The document's markup with `timexes`, and no other tag, inside <TEXT>."""
    body = _TEXT.search(doc.markup)
    assert body is not None  # parse_timeml found it
    head = doc.markup[: body.start()]
    tail = _LINKS.sub("", doc.markup[body.end():])
    tids = _free_tids(head + tail)
    parts: list[str] = []
    cursor = 0
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.start < cursor:  # overlapping spans cannot both be written inline
            continue
        parts.append(_escape(doc.text[cursor:timex.start]))
        parts.append(f"{_open_tag(timex, next(tids))}{_escape(doc.text[timex.start:timex.end])}</TIMEX3>")
        cursor = timex.end
    parts.append(_escape(doc.text[cursor:]))
    return f"{head}{body.group(1)}{''.join(parts)}{body.group(3)}{tail}"


def _free_tids(outside: str) -> Iterator[str]:
    """t1, t2, ... skipping the ids that TIMEX3 tags outside <TEXT> (the creation time's, often t0) already use."""
    used = set(re.findall(r"""\btid\s*=\s*["']([^"']+)["']""", outside))
    return (tid for tid in (f"t{n}" for n in itertools.count(1)) if tid not in used)


def tag_timeml_dir(in_dir: Path, out_dir: Path, genre: Genre = "news") -> list[Path]:
    """Tag every `.tml` file under `in_dir` with dateline, writing the same tree under `out_dir`."""
    from dateline.annotate.timex import tag

    files = sorted(in_dir.rglob("*.tml"))
    if not files:
        raise DatelineError(f"{in_dir}: no .tml files found; point --timeml at a folder of TimeML files")
    written = []
    for path in files:
        doc = read_timeml(path)
        target = out_dir / path.relative_to(in_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_timeml(doc, tag(doc.text, doc.dct, genre)), "utf-8")
        written.append(target)
    return written


def _strip_tags(body: str) -> tuple[str, list[TimemlTimex]]:
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[TimemlTimex] = []
    cursor = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[cursor:m.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = m.end()
        if m.group(2).upper() != "TIMEX3" or m.group(4):
            continue
        if not m.group(1):
            open_timex = (length, _attributes(m.group(3)))
        elif open_timex is not None:
            timexes.append(_timex(open_timex[1], open_timex[0], length, pieces))
            open_timex = None
    pieces.append(html.unescape(body[cursor:]))
    return "".join(pieces), timexes


def _timex(attrs: dict[str, str], start: int, end: int, pieces: list[str]) -> TimemlTimex:
    text = "".join(pieces)[start:end]
    return TimemlTimex(start, end, text, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod"))


def _attributes(raw: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(raw)}


def _creation_time(markup: str) -> date | None:
    m = _DCT_TIMEX.search(markup)
    if m is None:
        return None
    value = _attributes(m.group(1)).get("value", "")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        logger.warning("creation time %r is not a day; relative expressions stay unresolved", value)
        return None


def _open_tag(timex: TimeExpr, tid: str) -> str:
    attrs = {"tid": tid, "type": timex.type, "value": timex.value}
    if timex.mod:
        attrs["mod"] = timex.mod
    return "<TIMEX3 " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
