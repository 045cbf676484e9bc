"""Readers: turn files and directories of articles into RawDocuments.

Reads `.html`/`.htm` pages, `.txt` articles and `.jsonl` files (one article per
line). Bytes are decoded robustly (BOM, declared charset, UTF-8, then a guess).
Every unreadable file or line becomes a `Failure` with a human reason; one bad
input never stops the batch.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import charset_normalizer

from dateline.model import Failure, RawDocument

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "decode_bytes", "read_paths"]

logger = logging.getLogger(__name__)

_MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * _MB
SUPPORTED_SUFFIXES = (".html", ".htm", ".txt", ".jsonl")
_OPTIONAL_FIELDS = ("id", "url", "outlet", "published", "title", "author")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG), which defines 0x80-0x9F.
# charset-normalizer often calls short windows-1252 text one of these cousins.
_LATIN_GUESSES = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "mac_roman", "cp1254", "iso8859_9"}
_WESTERN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp1252", "windows-1252"}


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Failure]:
    """Every article in `paths` (files, or directories read recursively in sorted order)."""
    for path in _expand(paths):
        yield from _read_file(path, max_bytes)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
            if found.is_file() and not hidden:
                yield found


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | Failure]:
    source = str(path)
    problem = _file_problem(path, max_bytes)
    if problem:
        yield Failure(source, "read", problem)
        return
    data = path.read_bytes()
    if not data.strip():
        yield Failure(source, "read", "empty file")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(source, data)
        return
    is_html = suffix in (".html", ".htm")
    text = decode_bytes(data, declared_html_charset(data) if is_html else None)
    if "\x00" in text:
        yield Failure(source, "read", "binary file (NUL bytes), not text")
    elif is_html:
        yield RawDocument(source=source, html=text)
    else:
        yield RawDocument(source=source, text=text)


def _file_problem(path: Path, max_bytes: int) -> str | None:
    """Why `path` cannot be read at all, checked before reading any bytes."""
    if not path.exists():
        return "no such file or directory"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(SUPPORTED_SUFFIXES)
        return f"unsupported file type {path.suffix or '(none)'!r}: dateline reads {kinds}"
    size = path.stat().st_size
    if size > max_bytes:
        return f"file is {size / _MB:.1f} MB, over the {max_bytes / _MB:.3g} MB limit"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, then a declared charset, then UTF-8, then a guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf8 = _try_decode(data, "utf-8")
    if declared and declared.lower() in _WESTERN and utf8 is not None:
        # Pages mislabelled as Latin-1 are common; valid UTF-8 by accident is not.
        return utf8
    if declared:
        named = _try_decode(data, "cp1252" if declared.lower() in _WESTERN else declared)
        if named is not None:
            return named
    if utf8 is not None:
        return utf8
    return _guess_decode(data)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").strip(".") if match else None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _guess_decode(data: bytes) -> str:
    """Decode non-UTF-8 bytes; short Western text is most often windows-1252."""
    western = _try_decode(data, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or (western is not None and best.encoding in _LATIN_GUESSES):
        return western if western is not None else data.decode("cp1252", errors="replace")
    return str(best)


def _read_jsonl(source: str, data: bytes) -> Iterator[RawDocument | Failure]:
    text = decode_bytes(data)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            yield _record_to_raw(line_source, line)
        except ValueError as exc:
            yield Failure(line_source, "read", f"line {number}: {exc}")


def _record_to_raw(source: str, line: str) -> RawDocument:
    """One JSONL line as a RawDocument; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    body = {key: record.get(key) for key in ("text", "html")}
    body = {key: value for key, value in body.items() if isinstance(value, str) and value.strip()}
    if not body:
        raise ValueError("needs a 'text' or 'html' field")
    if "\x00" in next(iter(body.values())):
        raise ValueError("binary content (NUL characters), not text")
    # A given plain text is already the article; prefer it over re-extracting HTML.
    content = {"text": body["text"]} if "text" in body else {"html": body["html"]}
    fields = {key: _as_text(record.get(key)) for key in _OPTIONAL_FIELDS}
    return RawDocument(source=source, **content, **fields)


def _as_text(value: object) -> str | None:
    """A metadata value as a non-empty string, or None (JSON numbers become text)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
