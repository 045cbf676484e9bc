"""Who published a document, and which wire service it credits.

`name_outlet` takes the outlet from, in order of trust: the metadata a reader
found (a JSONL field, the page's site name), the URL's host, then the text:
credit lines ("WASHINGTON (AP) -", "-LRB- CNN -RRB- --"), known outlets named
on a top or bottom line ("Gulan Media January 10, 2025"), copyright notices,
bylines ("By Jane Roe | AP"), reporter sign-ins ("Jane Roe, BBC News, Jacmel"),
print credits, staff photo credits and contact addresses, and last the masthead
`clean_text` found at the top of plain text. Names go through the table of known
outlets (`data/outlets.toml`), so "AP", "The Associated Press" and apnews.com are
one outlet.

A wire credit is kept apart from the publisher: a page of site X that carries
"(Reuters)" has outlet X and wire Reuters; when nothing else names the
publisher, the wire is the outlet too. "Reporting by ...; Editing by ..." is
Reuters' house sign-off and credits Reuters when no other wire is named.
Mentions ("told Reuters", "according to the BBC") are never credits, and
neither are wire photo credits ("AP Photo/...").
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from dateline.ingest.clean import find_date
from dateline.resources import load_table

__all__ = ["Evidence", "KnownOutlet", "OutletFinding", "OutletTable", "metadata_outlet", "name_outlet",
           "outlet_table", "registrable_domain"]

logger = logging.getLogger(__name__)

Method = Literal["metadata", "url", "credit", "masthead", "copyright", "byline", "sign-in", "print credit",
                 "contact", "staff credit", "sign-off"]

METADATA_FIELDS = ("outlet", "source", "site", "publisher")  # JSONL fields naming the outlet, in order
_TOP_LINES = 8
_BOTTOM_LINES = 3
_MAX_NAME_WORDS = 6
# Penn Treebank tokens of tokenized upstream text, and the escaped slash.
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"',
        "\\/": "/"}
_PTB_TOKEN = re.compile("|".join(re.escape(t) for t in _PTB))
_NOT_A_NAME = re.compile(r"\d|photo|image|pool|file|/|:|@|\bID\b", re.IGNORECASE)
_CORPORATE = re.compile(r"(?:,?\s+(?:Inc|Ltd|LLC|Limited|plc|Corp|Corporation|Company|Co|GmbH|S\.?A)\.?)+\s*$", re.IGNORECASE)
_DASH = r"(?:-{1,3}|—|–)"

_DATELINE_CREDIT = re.compile(
    r"(?:^|(?<=[\s|\"]))[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+){0,3}"
    r"(?:\s*,\s*[^()\n]{1,40}?|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    rf"\s*\(\s*(?P<name>[^()\n]{{1,40}}?)\s*\)\s*{_DASH}(?=\s)", re.MULTILINE)
_LEAD_CREDIT = re.compile(rf"^\s*\(\s*(?P<name>[^()\n]{{1,40}}?)\s*\)\s*{_DASH}(?=\s)", re.MULTILINE)
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|\b(?i:copyright)\b)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w.&'’! \-]{0,60}?)(?=\s*(?:[.,|;:]|\s[-–—]\s|(?i:all rights)|\d|\(|$))", re.MULTILINE)
_PICTURE_BEFORE = re.compile(r"(?i:photo|picture|image|graphic)[^\n]{0,20}$")
_SIGN_OFF_WIRE = "Reuters"  # whose house style the sign-off is
_SIGN_OFF = re.compile(r"\b(?i:reporting|writing)\s+(?i:by)\b[^()\n]{1,400}?\b(?i:editing\s+by)\b")
_SIGN_IN = re.compile(r"(?<![\w,])(?P<who>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3})\s*,\s*"
                      r"(?P<name>[A-Z][\w.&'’\- ]{1,30}?)\s*,\s*[A-Z][a-z]")
_PRINT_CREDIT = re.compile(r"\bappeared (?:in print )?on (?:page|p)\s*\.?\s*\w+ of (?:[^\n]{0,60}? of )?"
                           r"(?:the )?(?P<name>[A-Z][\w&'’\- ]{1,40}?)(?= on\b| in\b|[.,;]|$)", re.MULTILINE)
_STAFF_CREDIT = re.compile(
    rf"\(\s*(?:By\s+)?[A-Z][^()\n]{{1,60}}?\s+(?:{_DASH}|[Ff]or)\s+(?P<name>[A-Z][^()\n]{{1,40}}?)\s*\)"
    rf"|\b(?:GRAPHIC|Graphic|PHOTO|Photo)\s*:\s*[^\n]{{1,80}}?\s{_DASH}\s(?P<name2>[A-Z][\w ]{{1,40}}?)\s*[,.)]")
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}@(?P<host>[\w\-]+(?:\.[\w\-]+)+)")
_BYLINE_SPLIT = re.compile(rf"\s*(?:\||{_DASH}|,|\bfor\b)\s*")
_HOST = re.compile(r"^(?:[a-z0-9\-]+\.)+[a-z]{2,}$", re.IGNORECASE)


@dataclass(frozen=True)
class KnownOutlet:
    """One row of the outlets table."""

    name: str
    kind: str  # wire, state media, broadcaster, national, regional, digital, magazine, aggregator
    domains: tuple[str, ...]
    variants: tuple[str, ...]


@dataclass(frozen=True)
class OutletTable:
    """The known outlets, looked up by any name variant or by host."""

    outlets: tuple[KnownOutlet, ...]
    wire_kinds: frozenset[str]
    suffixes: frozenset[str]  # two-label public suffixes ("co.uk")
    roles: tuple[str, ...]  # byline words after an outlet's name ("Writer")
    names: Mapping[str, KnownOutlet]  # normalised variant -> outlet
    hosts: Mapping[str, KnownOutlet]  # domain -> outlet

    def named(self, name: str | None) -> KnownOutlet | None:
        """The outlet `name` is a variant of ("the associated press" -> Associated Press)."""
        return self.names.get(_normal(name)) if name else None

    def hosted(self, host: str | None) -> KnownOutlet | None:
        """The outlet publishing on `host` or a parent domain of it."""
        labels = (host or "").lower().rstrip(".").split(".")
        return next((self.hosts[d] for d in (".".join(labels[i:]) for i in range(len(labels) - 1)) if d in self.hosts),
                    None)

    def is_wire(self, name: str) -> bool:
        known = self.named(name)
        return known is not None and known.kind in self.wire_kinds


@dataclass(frozen=True)
class Evidence:
    """A name for the outlet or the wire, and where it was found."""

    name: str  # canonical when the table knows it, else as written
    method: Method
    found: str  # the field, host or text it came from (at most 80 characters)


@dataclass(frozen=True)
class OutletFinding:
    """The publishing outlet and the credited wire of one document, each with its evidence."""

    outlet: str | None
    wire: str | None
    outlet_from: Evidence | None = None
    wire_from: Evidence | None = None


@functools.lru_cache(maxsize=1)
def outlet_table() -> OutletTable:
    """The packaged table of known outlets."""
    data = load_table("outlets")
    outlets = tuple(KnownOutlet(o["name"], o["kind"], tuple(o["domains"]), tuple(o["variants"])) for o in data["outlet"])
    names: dict[str, KnownOutlet] = {}
    hosts: dict[str, KnownOutlet] = {}
    for outlet in outlets:
        for variant in (outlet.name, *outlet.variants):
            names.setdefault(_normal(variant), outlet)
        for domain in outlet.domains:
            hosts.setdefault(domain.lower(), outlet)
    return OutletTable(outlets, frozenset(data["wire_kinds"]), frozenset(data["second_level_suffixes"]),
                       tuple(sorted(data["byline_roles"], key=len, reverse=True)), names, hosts)


def name_outlet(text: str, *, declared: str | None = None, url: str | None = None, masthead: str | None = None,
                table: OutletTable | None = None) -> OutletFinding:
    """The outlet and credited wire of an article, from its metadata, URL and raw text.

    `declared` is the outlet the reader found (JSONL field, site name, or the host
    the HTML reader fell back to); `masthead` is `CleanText.outlet`.
    """
    table = table or outlet_table()
    given = _declared(declared, url, table) or _from_url(url, table)
    evidence = list(_text_evidence(_untokenize(text), table))
    credits = [e for e in evidence if _credits_wire(e, table)]
    others = [e for e in evidence if e not in credits]
    if masthead:
        others.append(Evidence(_canonical(masthead, table), "masthead", masthead[:80]))
    # the sign-off only guesses a wire: any named credit comes first
    credited = next((e for e in credits if e.method != "sign-off"), credits[0] if credits else None)
    outlet = given or (others[0] if others else None) or credited
    if credited is None and outlet is not None:  # "(CNN) --" on another outlet's page: CNN is its wire
        credited = next((e for e in others if e.method == "credit" and e.name != outlet.name), None)
    if credited is not None and outlet is not None:
        credited = _same_as_outlet(credited, outlet, table)
    return OutletFinding(outlet.name if outlet else None, credited.name if credited else None, outlet, credited)


def metadata_outlet(record: Mapping[str, object]) -> str | None:
    """The outlet a JSONL record names, from its first non-empty field of `METADATA_FIELDS`."""
    for key in METADATA_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def registrable_domain(host: str, table: OutletTable | None = None) -> str:
    """The domain a registrant holds: "edition.cnn.com" -> "cnn.com", "news.bbc.co.uk" -> "bbc.co.uk"."""
    labels = host.lower().rstrip(".").removeprefix("www.").split(".")
    suffixes = (table or outlet_table()).suffixes
    keep = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in suffixes else 2
    return ".".join(labels[-keep:])


# --- metadata and URL --------------------------------------------------------------


def _declared(declared: str | None, url: str | None, table: OutletTable) -> Evidence | None:
    """The reader's outlet; a bare host there (the HTML reader's fallback) counts as the URL."""
    name = " ".join((declared or "").split())
    if "://" in name:  # a JSONL "source" field may hold the article's address
        name = _host(name) or ""
    if not name:
        return None
    if _HOST.match(name):
        method: Method = "url" if name.lower() == _host(url) else "metadata"
        return Evidence(_host_name(name, table), method, name)
    return Evidence(_canonical(name, table), "metadata", name[:80])


def _from_url(url: str | None, table: OutletTable) -> Evidence | None:
    host = _host(url)
    return Evidence(_host_name(host, table), "url", host) if host else None


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _host_name(host: str, table: OutletTable) -> str:
    known = table.hosted(host)
    return known.name if known else registrable_domain(host, table)


# --- the text ------------------------------------------------------------------------


def _text_evidence(text: str, table: OutletTable) -> Iterator[Evidence]:
    """Every outlet name the text credits, strongest kind of evidence first."""
    lines = [line.strip(" \t•·|") for line in text.splitlines() if line.strip()]
    yield from _credit_lines(text, table)
    yield from _edge_lines(lines, table)
    yield from _matches(_COPYRIGHT, text, "copyright", table, known_only=False, skip=_is_picture_credit)
    yield from _bylines(lines, table)
    yield from _matches(_SIGN_IN, text, "sign-in", table)
    yield from _matches(_PRINT_CREDIT, text, "print credit", table)
    yield from _contacts(lines[-_BOTTOM_LINES:], table)
    yield from _staff_credits(text, table)
    sign_off = _SIGN_OFF.search(text)
    if sign_off:
        yield Evidence(_SIGN_OFF_WIRE, "sign-off", sign_off.group(0)[:80])


def _credit_lines(text: str, table: OutletTable) -> Iterator[Evidence]:
    """"CITY, May 3 (Reuters) -" and a line opening "(CNN) --": any name-like credit."""
    found = sorted([*_DATELINE_CREDIT.finditer(text), *_LEAD_CREDIT.finditer(text)], key=lambda m: m.start())
    for match in found:
        name = match.group("name").strip()
        if _name_like(name):
            yield Evidence(_canonical(name, table), "credit", match.group(0).strip()[:80])


def _edge_lines(lines: list[str], table: OutletTable) -> Iterator[Evidence]:
    """A known outlet's name opening a top or bottom line, alone or before a date."""
    edges = lines[:_TOP_LINES] + lines[max(_TOP_LINES, len(lines) - _BOTTOM_LINES):]
    for line in edges:
        known = _leading_outlet(line, table)
        if known:
            yield Evidence(known.name, "masthead", line[:80])


def _leading_outlet(line: str, table: OutletTable) -> KnownOutlet | None:
    words = line.split()
    for size in range(min(len(words), _MAX_NAME_WORDS), 0, -1):
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        known = table.named(head) if head[0].isupper() else None
        if known and (not rest.strip(" .,:;-–—|") or find_date(rest)):
            return known
    return None


def _bylines(lines: list[str], table: OutletTable) -> Iterator[Evidence]:
    """ "By Jane Roe | AP", "By Jane Roe, Associated Press Writer": a known outlet after the name."""
    for line in lines:
        if not line.startswith("By "):
            continue
        for part in _BYLINE_SPLIT.split(line[3:200])[1:]:
            known = table.named(_without_role(part, table.roles))
            if known:
                yield Evidence(known.name, "byline", line[:80])
                break


def _contacts(lines: list[str], table: OutletTable) -> Iterator[Evidence]:
    """An author's address at a known outlet's domain ("reach her at jroe@washpost.com")."""
    for line in lines:
        for match in _EMAIL.finditer(line):
            known = table.hosted(match.group("host"))
            if known:
                yield Evidence(known.name, "contact", match.group(0)[:80])


def _staff_credits(text: str, table: OutletTable) -> Iterator[Evidence]:
    """A photo or graphic credited to the staff of a known non-wire outlet; wire photos name no publisher."""
    for match in _STAFF_CREDIT.finditer(text):
        known = table.named(match.group("name") or match.group("name2"))
        if known and known.kind not in table.wire_kinds:
            yield Evidence(known.name, "staff credit", match.group(0)[:80])


def _matches(pattern: re.Pattern[str], text: str, method: Method, table: OutletTable, *, known_only: bool = True,
             skip=None) -> Iterator[Evidence]:
    for match in pattern.finditer(text):
        name = _CORPORATE.sub("", match.group("name")).strip(" .,-")
        if (skip and skip(text, match)) or not _name_like(name):
            continue
        known = table.named(name)
        if known or not known_only:
            yield Evidence(known.name if known else name, method, match.group(0).strip()[:80])


def _is_picture_credit(text: str, match: re.Match[str]) -> bool:
    return bool(_PICTURE_BEFORE.search(text, max(0, match.start() - 30), match.start()))


# --- names ---------------------------------------------------------------------------


def _credits_wire(evidence: Evidence, table: OutletTable) -> bool:
    """A credit line's unknown name is a wire (that is what the form credits); known names by their kind."""
    if evidence.method == "sign-off":
        return True
    if table.named(evidence.name) is None:
        return evidence.method == "credit"
    return table.is_wire(evidence.name) and evidence.method in ("credit", "byline", "copyright", "masthead")


def _same_as_outlet(credit: Evidence, outlet: Evidence, table: OutletTable) -> Evidence:
    """ "(Meridian)" on a Meridian Wire page credits Meridian Wire: an unknown credit that opens the outlet's name."""
    if table.named(credit.name) or credit.name == outlet.name:
        return credit
    if re.match(rf"(?:the\s+)?{re.escape(credit.name)}\b", outlet.name, re.IGNORECASE):
        return Evidence(outlet.name, credit.method, credit.found)
    return credit


def _canonical(name: str, table: OutletTable) -> str:
    known = table.named(name)
    return known.name if known else " ".join(name.split())


def _name_like(name: str) -> bool:
    """A short name of capitalised words ("Reuters", "La Voix du Niger"), not a photo credit or story code."""
    words = name.split()
    return (0 < len(words) <= _MAX_NAME_WORDS and not _NOT_A_NAME.search(name) and name[0].isupper()
            and sum(w[0].isupper() for w in words) * 2 >= len(words))


def _without_role(part: str, roles: tuple[str, ...]) -> str:
    lower = part.lower().strip(" .")
    for role in roles:
        if lower.endswith(" " + role):
            return part.strip(" .")[: -len(role) - 1]
    return part


def _normal(name: str) -> str:
    """Lowercased, punctuation dropped, "the " dropped: the key variants are matched by."""
    words = re.sub(r"[^\w\s]", " ", name.lower().replace("&", " and ")).split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _untokenize(text: str) -> str:
    """Penn Treebank bracket and quote tokens back to characters."""
    return _PTB_TOKEN.sub(lambda m: _PTB[m.group(0)], text)
