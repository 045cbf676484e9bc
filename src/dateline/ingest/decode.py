"""Bytes to text, and safe short messages about what went wrong.

`decode_text` turns a document's bytes into text and says, in a `Decoded.notice`,
what it had to repair or guess on the way. The order of trust:

1. a byte order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a byte order mark, recognised by zero bytes in every other
   position (text in the ASCII range), with a notice that the encoding was guessed;
3. a declared charset (HTTP header, `<meta charset>`); Western labels (Latin-1,
   ASCII) mean windows-1252, as browsers read them, unless the bytes are UTF-8;
4. UTF-8, strictly;
5. **nearly UTF-8**: the bytes are read as UTF-8, bad bytes replaced with U+FFFD
   and a notice saying how many and where the first was, when the text holds at
   least as many valid multi-byte UTF-8 characters as bad bytes, and the bad bytes
   are few: at most 3, or at most 1 in 1,000 bytes, or (with at least ten valid
   multi-byte characters per bad byte) at most 1 in 100. Genuine windows-1252
   text has no valid multi-byte sequences, so it never passes;
6. a guess: windows-1252 for text that is mostly ASCII (at most 1 byte in 20
   above 127) or that charset-normalizer calls one of its Latin cousins, else
   charset-normalizer's choice.

`short_cause` and `safe_name` keep messages short, printable and free of raw bytes.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

import charset_normalizer

__all__ = ["Decoded", "binary_problem", "decode_text", "looks_utf16", "safe_name", "short_cause", "size_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers read these labels as windows-1252 (WHATWG), which defines 0x80-0x9F.
_WESTERN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp1252", "windows-1252"}
# charset-normalizer often calls short windows-1252 text one of these cousins.
_LATIN_GUESSES = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "mac_roman", "cp1254", "iso8859_9"}
_NEARLY_UTF8_MIN_BAD = 3  # bad bytes always tolerated in UTF-8 text ...
_NEARLY_UTF8_RATE = 1000  # ... or one in this many bytes, whichever is more ...
_NEARLY_UTF8_EVIDENT_RATE = 100  # ... or one in this many, when valid multi-byte characters ...
_NEARLY_UTF8_EVIDENCE = 10  # ... outnumber the bad bytes this many times
_MOSTLY_ASCII = 20  # at most one byte in this many above 127: Western text with a few quotes or accents
_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF16_SAMPLE = 4096
_UTF16_ZEROS = 0.3  # share of zero bytes in the high-byte positions of ASCII-range UTF-16
_UTF16_STRAY_ZEROS = 0.02  # ... and at most this share in the low-byte positions
# C0 and C1 control characters other than tab, newlines and form feed: never in real text.
_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")
_BINARY_SAMPLE = 65536
_BINARY_RATE = 100  # more than one control character in this many characters: binary
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffd]+")
_MAX_CAUSE = 100
_ZLIB_PREFIX = re.compile(r"^Error -?\d+ while \w+ data: ")
_QUOTED = re.compile(r",\s*first line\b|\s+-\s+Found\b|:\s*b['\"]|:\s*\[")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, and what had to be repaired or guessed."""

    text: str
    encoding: str
    notice: str | None = None


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Text from bytes: BOM, declared charset, UTF-8, nearly UTF-8, BOM-less UTF-16, a guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _with_replacements(data, encoding)
    utf16 = _bomless_utf16(data)  # before UTF-8, of which NUL bytes are valid
    if utf16 is not None:
        return utf16
    utf8 = _try_decode(data, "utf-8")
    western = declared is not None and declared.lower() in _WESTERN
    if utf8 is not None and (western or not declared):
        # Pages mislabelled as Latin-1 are common; valid UTF-8 by accident is not.
        return Decoded(utf8, "utf-8")
    nearly = _nearly_utf8(data) if utf8 is None else None
    if nearly is not None and (western or not declared or _is_utf8_label(declared)):
        return nearly
    if declared:
        named = _try_decode(data, "cp1252" if western else declared)
        if named is not None:
            return Decoded(named, "cp1252" if western else declared)
    if utf8 is not None:
        return Decoded(utf8, "utf-8")
    return _guess(data)


def looks_utf16(head: bytes) -> bool:
    """True when bytes start with a UTF-16/32 byte order mark or have BOM-less UTF-16's zero bytes."""
    boms = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    return head.startswith(boms) or _utf16_layout(head) is not None


def binary_problem(text: str) -> str | None:
    """Why decoded text is really binary data (NUL or many control characters), or None."""
    if "\x00" in text:
        return "binary file (NUL bytes), not text"
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > 3 and controls * _BINARY_RATE > len(sample):
        return "binary file (control characters), not text"
    return None


def short_cause(exc: BaseException) -> str:
    """A one-line, printable, short description of an exception: no raw bytes, no repr."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    first = next((line for line in str(exc).splitlines() if line.strip()), "")
    # warcio and others quote the offending bytes after these words: keep the words before them.
    first = _QUOTED.split(first, maxsplit=1)[0]
    first = _ZLIB_PREFIX.sub("", first)
    first = _UNPRINTABLE.sub(" ", first).strip(" :,")
    if len(first) > _MAX_CAUSE:
        first = first[: _MAX_CAUSE - 3].rstrip() + "..."
    return first or type(exc).__name__


def size_text(size: int) -> str:
    """A byte count for people: "20 MB", "1.5 MB", "100 kB", "12 bytes"."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.3g} MB"
    if size >= 1024:
        return f"{size / 1024:.3g} kB"
    return f"{size} bytes"


def safe_name(name: str) -> str:
    """`name` as valid Unicode: bytes that were not UTF-8 in a file name become \\xNN escapes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return name


def _is_utf8_label(declared: str) -> bool:
    return declared.lower().replace("_", "-") in ("utf-8", "utf8")


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    # Some codecs Python knows are not text encodings ("idna", "rot13"): they raise other errors.
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None


def _with_replacements(data: bytes, encoding: str) -> Decoded:
    text = _try_decode(data, encoding)
    if text is not None:
        return Decoded(text, encoding)
    text = data.decode(encoding, errors="replace")
    name = encoding.upper().replace("-SIG", "")
    return Decoded(text, encoding, f"byte order mark says {name}, but some bytes are not; "
                                   f"{text.count(chr(0xFFFD))} characters replaced with U+FFFD")


def _nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray bytes replaced, when the rule in the module docstring holds."""
    valid = data.decode("utf-8", errors="ignore")
    bad = len(data) - len(valid.encode("utf-8"))
    multibyte = len(valid) - len(valid.encode("ascii", errors="ignore"))
    few = bad <= max(_NEARLY_UTF8_MIN_BAD, len(data) // _NEARLY_UTF8_RATE)
    evident = multibyte >= _NEARLY_UTF8_EVIDENCE * bad and bad * _NEARLY_UTF8_EVIDENT_RATE <= len(data)
    if multibyte < bad or not (few or evident):
        return None
    escaped = data.decode("utf-8", errors="surrogateescape")
    first = _ESCAPED.search(escaped).start()
    offset = len(escaped[:first].encode("utf-8", errors="surrogateescape"))
    plural = "byte" if bad == 1 else "bytes"
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                   f"{bad} {plural} not valid UTF-8 replaced with U+FFFD (first at byte {offset})")


def _utf16_layout(data: bytes) -> tuple[str, str] | None:
    """("utf-16-le", its label) when zero bytes fill every other position, as in ASCII-range UTF-16."""
    sample = data[:_UTF16_SAMPLE]
    evens, odds = sample[0::2], sample[1::2]
    if len(odds) < 2:
        return None
    even_zeros, odd_zeros = evens.count(0) / len(evens), odds.count(0) / len(odds)
    if odd_zeros >= _UTF16_ZEROS and even_zeros <= _UTF16_STRAY_ZEROS:
        return "utf-16-le", "UTF-16 little-endian"
    if even_zeros >= _UTF16_ZEROS and odd_zeros <= _UTF16_STRAY_ZEROS:
        return "utf-16-be", "UTF-16 big-endian"
    return None


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte order mark, told by zero bytes in every other position."""
    layout = _utf16_layout(data)
    if layout is None:
        return None
    encoding, label = layout
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - _try_count(data, encoding)
    detail = f"; {replaced} bad characters replaced with U+FFFD" if replaced > 0 else ""
    return Decoded(text, encoding, f"no byte order mark; encoding guessed as {label} from its zero bytes{detail}")


def _try_count(data: bytes, encoding: str) -> int:
    """U+FFFD characters genuinely present (when `data` decodes cleanly), else 0."""
    text = _try_decode(data, encoding)
    return text.count("\ufffd") if text is not None else 0


def _guess(data: bytes) -> Decoded:
    """Decode non-UTF-8 bytes; short Western text is most often windows-1252."""
    western = _try_decode(data, "cp1252")
    high = len(data) - len(data.decode("ascii", errors="ignore"))
    if western is not None and high * _MOSTLY_ASCII <= len(data):
        return Decoded(western, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or (western is not None and best.encoding in _LATIN_GUESSES):
        if western is not None:
            return Decoded(western, "cp1252")
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252")
    return Decoded(str(best), best.encoding)
