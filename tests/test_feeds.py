"""Tests for dateline.ingest.feeds: RSS and Atom items become articles, bad feeds one Failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest.feeds import looks_like_feed, read_feed
from dateline.ingest.prepare import prepare
from dateline.ingest.readers import read_paths
from dateline.model import Document, Failure, Notice, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def rss() -> list[RawDocument | Failure]:
    return list(read_feed("feed.rss", (FIXTURES / "feed.rss").read_bytes()))


def test_rss_items_keep_order_and_sources(rss):
    assert [item.source for item in rss] == ["feed.rss#item-1", "feed.rss#item-2", "feed.rss#item-3"]


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "title", "Bridge repairs finish two weeks early"),
        (0, "url", "https://valley-ledger.example/bridge-repairs"),
        (0, "outlet", "The Valley Ledger"),
        (0, "author", "Ines Barca"),
        (0, "published", "2024-10-08T07:15:00+00:00"),
        (1, "published", "2024-10-09T10:00:00+00:00"),
        (1, "author", None),
    ],
)
def test_rss_item_metadata(rss, index, field, expected):
    assert getattr(rss[index], field) == expected


def test_full_content_wins_over_summary_one_paragraph_per_line(rss):
    lines = rss[0].text.splitlines()
    assert lines[0].startswith("Crews finished resurfacing the old river bridge")
    assert lines[1].startswith("The county engineer said")


def test_summary_is_used_when_there_is_no_content(rss):
    assert rss[1].text.startswith("The central library will open on Sundays")


def test_item_without_body_is_its_own_failure(rss):
    assert rss[2] == Failure("feed.rss#item-3", "read", "feed item 3 has no content or summary")


def test_atom_entry():
    [entry] = read_feed("feed.atom", (FIXTURES / "feed.atom").read_bytes())
    assert (entry.title, entry.outlet, entry.author, entry.published[:10]) == (
        "Ferry timetable changes for winter", "Harbour Notes", "Tomas Greer", "2024-11-01")
    assert entry.text.splitlines()[1] == "Passengers with season tickets will be offered a partial refund."


@pytest.mark.parametrize(
    "data",
    [b"just some words, no feed", b"<rss><channel><title>Empty</title></channel></rss>", b"\x00\xff<<<feed"],
    ids=["plain-text", "no-items", "garbage"],
)
def test_not_a_feed_is_one_failure(data):
    [failure] = read_feed("bad.xml", data)
    assert isinstance(failure, Failure) and failure.reason.startswith("not an RSS or Atom feed")


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b'<?xml version="1.0"?><rss version="2.0">', True), (b"<feed xmlns='http://www.w3.org/2005/Atom'>", True),
     (b"<html><body>rss</body></html>", False)],
)
def test_looks_like_feed(data, expected):
    assert looks_like_feed(data) is expected


def test_feed_file_ingests_end_to_end_with_dates_and_without_furniture():
    results = list(prepare(read_paths([FIXTURES / "feed.rss"])))
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.title for d in docs] == ["Bridge repairs finish two weeks early", "Library extends weekend hours"]
    assert [d.published.value.isoformat() for d in docs] == ["2024-10-08", "2024-10-09"]
    assert {d.published.method for d in docs} == {"metadata"}
    assert "appeared first on" not in docs[0].text
    assert sum(isinstance(r, Failure) for r in results) == 1


# --- hostile feeds ---------------------------------------------------------------------------

ITEM = b"<item><title>Quay</title><description>The quay reopened on Monday.</description></item>"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("words.xml", b"no markup at all, just words", [("Failure: not an RSS or Atom feed, or a feed with no items"
                                                          " (XML error: syntax error)")]),
        ("binary.rss", bytes(range(256)) * 4, ["Failure: not an RSS or Atom feed, or a feed with no items"]),
        ("sitemap.xml", b'<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
         ["Failure: not an RSS or Atom feed, or a feed with no items"]),
        ("amp.rss", b"<rss><channel><title>A & B</title>" + ITEM + b"</channel></rss>",
         [("Notice: feed is not well-formed (XML error: not well-formed (invalid token)); its items were read "
           "leniently"), "RawDocument"]),
        ("unclosed.rss", b"<rss><channel>" + ITEM, ["Notice: feed is not well-formed", "RawDocument"]),
        ("laughs.xml", (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                        b'&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item>'
                        b"<description>&c;</description></item></channel></rss>"), ["RawDocument"]),
    ],
    ids=["not-xml", "binary", "other-xml", "bare-ampersand", "unclosed", "entities"],
)
def test_hostile_feeds(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_paths([path]))
    got = [f"{type(r).__name__}: {r.reason}" if isinstance(r, Failure) else f"Notice: {r.message}"
           if isinstance(r, Notice) else type(r).__name__ for r in results]
    assert [g[:len(e)] for g, e in zip(got, expected, strict=True)] == expected
    assert all(len(g) <= 220 and g.isprintable() for g in got)
