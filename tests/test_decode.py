"""Tests for dateline.ingest.decode: which encoding wins, what is repaired, and short causes."""

from __future__ import annotations

import codecs
import zlib

import pytest
from warcio.exceptions import ArchiveLoadFailed

from dateline.ingest.decode import binary_problem, decode_text, looks_utf16, safe_name, short_cause, size_text

PARIS = "Le président de la République a reçu à l’Élysée les délégués. "


@pytest.mark.parametrize(
    ("data", "declared", "encoding", "notice"),
    [
        (PARIS.encode(), None, "utf-8", None),
        (PARIS.encode() + b"\xff", None, "utf-8", "1 byte not valid UTF-8 replaced with U+FFFD (first at byte 73)"),
        # 4 bad bytes in 77: more than 3, 1 in 1,000 and 1 in 100: not UTF-8 with strays but a guess.
        (PARIS.encode() + b"\xff\xfe\xfd\xfc", None, "cp1252", None),
        # 5 bad bytes in 5,115: 1 in 1,000 passes.
        ((PARIS.encode() * 14 + b"\xff") * 5, None, "utf-8", ("5 bytes not valid UTF-8 replaced with U+FFFD "
                                                               "(first at byte 1022)")),
        # 8 bad bytes in 2,344, each with 16 valid multi-byte characters: under 1 in 100 and evidently UTF-8.
        ((PARIS.encode() * 4 + b"\xff") * 8, None, "utf-8", ("8 bytes not valid UTF-8 replaced with U+FFFD "
                                                              "(first at byte 292)")),
        # 5 accents in cp1252 and 4 valid UTF-8 words: more bad bytes than UTF-8 evidence.
        ("Zoë a été à Noël. ".encode("cp1252") * 1 + "Zoë Noël".encode() * 2, None, "cp1252", None),
        # One stray byte but no multi-byte character: nothing says UTF-8; cp1252 reads it as a quote.
        (b"It\x92s all ASCII otherwise.", None, "cp1252", None),
        (PARIS.encode("cp1252"), None, "cp1252", None),
        (PARIS.encode() + b"\xff", "iso-8859-1", "utf-8", "1 byte not valid UTF-8 replaced with U+FFFD (first at byte 73)"),
        (PARIS.encode() + b"\xff", "UTF-8", "utf-8", "1 byte not valid UTF-8 replaced with U+FFFD (first at byte 73)"),
        (PARIS.encode("cp1252"), "windows-1252", "cp1252", None),
        ("Привет, мир".encode("cp1251"), "windows-1251", "windows-1251", None),
        (codecs.BOM_UTF8 + PARIS.encode(), None, "utf-8-sig", None),
        (codecs.BOM_UTF16_LE + PARIS.encode("utf-16-le"), None, "utf-16", None),
        (PARIS.encode("utf-16-le"), None, "utf-16-le",
         "no byte order mark; encoding guessed as UTF-16 little-endian from its zero bytes"),
        (PARIS.encode("utf-16-be"), "iso-8859-1", "utf-16-be",
         "no byte order mark; encoding guessed as UTF-16 big-endian from its zero bytes"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00", None, "utf-16",
         "byte order mark says UTF-16, but some bytes are not; 1 characters replaced with U+FFFD"),
    ],
    ids=["utf-8", "one-stray", "too-many-strays", "one-in-a-thousand", "one-in-a-hundred-evident",
         "cp1252-beats-utf8-evidence", "no-multibyte-evidence", "cp1252",
         "latin1-label-stray", "utf8-label-stray", "cp1252-label", "cp1251-label", "utf-8-bom", "utf-16-bom",
         "utf-16-le-no-bom", "utf-16-be-no-bom-mislabelled", "utf-16-bom-lone-surrogate"],
)
def test_decode_rules(data, declared, encoding, notice):
    decoded = decode_text(data, declared)
    assert (decoded.encoding, decoded.notice) == (encoding, notice)
    if encoding not in ("cp1252", "windows-1251") and len(data) > 20:
        assert PARIS in decoded.text  # no mojibake: the valid characters survive


@pytest.mark.parametrize(
    ("head", "expected"),
    [(b"a\x00b\x00c\x00", True), (b"\x00a\x00b\x00c", True), (codecs.BOM_UTF16_BE, True), (b"abc", False),
     (b"\x00" * 8, False), (b"a\x00\x00\x00b\x00\x00\x00", False)],
    ids=["le", "be", "bom", "ascii", "zeros", "utf-32"],
)
def test_looks_utf16(head, expected):
    assert looks_utf16(head) is expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [("An ordinary article.\n\tIndented.\f", None), ("\x00", "binary file (NUL bytes), not text"),
     ("ab\x01\x02\x03\x04cd", "binary file (control characters), not text"),
     ("One stray \x1a control in a long text. " + "More words. " * 50, None)],
    ids=["text", "nul", "controls", "one-control"],
)
def test_binary_problem(text, problem):
    assert binary_problem(text) == problem


@pytest.mark.parametrize(
    ("exc", "cause"),
    [
        (ArchiveLoadFailed("Unknown archive format, first line: ['\\x0f\\x97', 'oZ']"), "Unknown archive format"),
        (ArchiveLoadFailed("\n    ERROR: non-chunked gzip file detected\n more"), "ERROR: non-chunked gzip file detected"),
        (zlib.error("Error -3 while decompressing data: invalid block type"), "invalid block type"),
        (ValueError("x" * 300), "x" * 97 + "..."),
        (ValueError("bad\x00byte\x1b[31m here"), "bad byte [31m here"),
        (PermissionError(13, "Permission denied", "/secret/path"), "Permission denied"),
        (KeyError(), "KeyError"),
    ],
    ids=["warcio-first-line", "multi-line", "zlib", "long", "control-chars", "os-error", "empty"],
)
def test_short_cause(exc, cause):
    assert short_cause(exc) == cause


@pytest.mark.parametrize(("name", "expected"), [("ok ✓.txt", "ok ✓.txt"), ("caf\udce9.txt", "caf\\xe9.txt")])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


@pytest.mark.parametrize(("size", "text"), [(20 * 1024 * 1024, "20 MB"), (1536 * 1024, "1.5 MB"),
                                            (4096, "4 kB"), (12, "12 bytes")])
def test_size_text(size, text):
    assert size_text(size) == text
