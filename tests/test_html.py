"""Tests for dateline.ingest.html: main text and metadata from pages, broken markup."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from dateline.errors import IngestError
from dateline.ingest.body import repair
from dateline.ingest.html import extract, hostname
from dateline.ingest.prepare import to_document
from dateline.model import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = (
    "<p>The regional water board said on Monday that reservoir levels had recovered after three weeks of rain.</p>"
    "<p>Restrictions on garden hoses will be lifted from the first of next month, the board added.</p>"
)


@pytest.fixture(scope="module")
def page() -> RawDocument:
    html = (FIXTURES / "furniture_page.html").read_text("utf-8")
    return extract(RawDocument(source="page.html", html=html, url="https://www.harbour-courier.example/port"))


def test_page_metadata_is_filled(page):
    assert (page.title, page.outlet, page.author, page.published) == (
        "Port strike ends after nine days",
        "The Harbour Courier",
        "Mara Lindqvist",
        "2024-03-14",
    )
    assert page.html is None


@pytest.mark.parametrize(
    "furniture",
    ["cookie", "Home", "Sport", "Share on", "Related Articles", "Shipping rates climb", "stuck for a week",
     "Leave a Reply", "email address", "All rights reserved", "Back to top"],
)
def test_page_furniture_is_not_in_text(page, furniture):
    assert furniture not in page.text


def test_page_body_paragraphs_one_per_line(page):
    lines = page.text.splitlines()
    assert any(line.startswith("Dock workers at the northern container port voted") for line in lines)
    assert lines[-1].startswith("The port authority said loading would resume")
    assert any(line.startswith('"This is a fair deal') for line in lines)


def test_given_metadata_wins_over_page():
    raw = RawDocument(source="x", html=f"<html><head><title>Page title</title></head><body>{BODY}</body></html>",
                      title="Given title", published="2023-01-02", outlet="Given outlet")
    result = extract(raw)
    assert (result.title, result.published, result.outlet) == ("Given title", "2023-01-02", "Given outlet")


def test_outlet_falls_back_to_hostname():
    result = extract(RawDocument(source="x", html=f"<html><body><div>{BODY}</div></body></html>",
                                 url="https://www.water-news.example/a/1"))
    assert result.outlet == "water-news.example"


def test_small_article_body_is_not_doubled():
    result = extract(RawDocument(source="x", html=f"<html><body><article>{BODY}</article></body></html>"))
    assert result.text.count("reservoir levels") == 1


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><script>var answer = 42;</script><style>p {color: red}</style></body></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "   ",
        "<<<>>> </div></span><!-- unterminated",
    ],
    ids=["only-script", "no-body", "blank", "garbage"],
)
def test_no_article_text_raises_ingest_error(html):
    with pytest.raises(IngestError, match="no article text found in HTML"):
        extract(RawDocument(source="bad.html", html=html))


@pytest.mark.parametrize(
    "html",
    [
        f"<html><body><div><p>{BODY}<div><span><b>unclosed",
        "<div>" * 5000 + BODY + "</div>" * 10,
        f'<html><body><div class="{"x" * 2_000_000}">{BODY}</div></body></html>',
        f"<html><body><table><tr><td>{BODY}</p></li></ul></body></html></html></html>",
    ],
    ids=["unclosed-tags", "deep-nesting", "huge-attribute", "stray-closers"],
)
def test_malformed_html_never_crashes(html):
    try:
        result = extract(RawDocument(source="broken.html", html=html))
    except IngestError as exc:
        assert "no article text found in HTML" in str(exc)
    else:
        assert "reservoir levels had recovered" in result.text


@pytest.mark.parametrize(
    ("url", "host"),
    [("https://www.example.com/a", "example.com"), ("http://news.example.org", "news.example.org"),
     (None, None), ("not a url", None), ("http://[bad", None)],
    ids=["www", "subdomain", "none", "no-scheme", "invalid"],
)
def test_hostname(url, host):
    assert hostname(url) == host


def _dated_page(head: str, body_extra: str = "") -> str:
    return f"<html><head><title>Ferry timetable changes</title>{head}</head><body><article>{BODY}{body_extra}</article></body></html>"


PAGE_DATES = [
    # a UTC stamp and the same instant in local time: the outlet's own day
    ("utc-and-local", '<meta property="article:published_time" content="2023-06-04T22:30:00Z">',
     "<script>var page = {published: '2023-06-05 00:30'};</script>", None, "2023-06-05"),
    ("utc-and-offset", '<meta property="article:published_time" content="2023-06-04T22:30:00+00:00">',
     '<script type="application/ld+json">{"dateCreated": "2023-06-05T01:30:00+03:00"}</script>', None, "2023-06-05"),
    ("utc-alone", '<meta property="article:published_time" content="2023-06-04T22:30:00Z">', "", None, "2023-06-04"),
    ("unrelated-local-time", '<meta property="article:published_time" content="2023-06-04T22:30:00Z">',
     "<script>var poll = '2023-06-05 09:17';</script>", None, "2023-06-04"),
    # a URL day contradicted by a midday UTC publication stamp
    ("url-day-contradicted", '<meta property="article:published_time" content="2023-06-05T11:00:00Z">', "",
     "https://news.example/2023/06/04/ferry-timetable", "2023-06-05"),
    ("url-day-timezone", '<meta property="article:published_time" content="2023-06-05T02:00:00Z">', "",
     "https://news.example/2023/06/04/ferry-timetable", "2023-06-04"),
    # a labelled date in a format htmldate does not read
    ("labelled-text-date", '<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "Mon, Jun 5 2023 09:12:40 EDT"}</script>', "", None, "2023-06-05"),
]


@pytest.mark.parametrize(("name", "head", "extra", "url", "expected"), PAGE_DATES, ids=[c[0] for c in PAGE_DATES])
def test_page_date_day_boundary(name, head, extra, url, expected):
    raw = extract(RawDocument(source="page.html", html=_dated_page(head, extra), url=url))
    assert raw.published == expected


def test_unreadable_labelled_date_is_not_guessed():
    head = '<script type="application/ld+json">{"datePublished": "7 mesa 2023 kl 12"}</script>'
    assert extract(RawDocument(source="page.html", html=_dated_page(head))).published is None


# --- structural repairs (dateline.ingest.body) -------------------------------

HTML_FIXTURES = Path(__file__).parent / "fixtures" / "html"


def _fixture_text(name: str, url: str = "https://www.valley-post.example/news/story") -> str:
    html = (HTML_FIXTURES / name).read_text("utf-8")
    return extract(RawDocument(source=name, html=html, url=url)).text


def test_split_body_parts_of_one_class_are_all_kept():
    text = _fixture_text("split_body.html")
    assert "winter timetable will start two weeks earlier" in text
    assert "request-stop service would remain available" in text  # the second part, after the newsletter box
    assert text.index("two weeks earlier") < text.index("request-stop")


@pytest.mark.parametrize(
    ("kept", "present"),
    [
        ("shortage of steel beams", True),  # the tooltip's name stays in its sentence
        ("Steel supplier profile card", False),  # the tooltip card goes
        ("FLOOD BARRIER PLAN", False),  # an all-capitals promo for the page's own site
        ("temporary weight limit", True),
    ],
    ids=["tooltip-name", "tooltip-card", "caps-promo", "body"],
)
def test_tooltips_and_promos(kept, present):
    assert (kept in " ".join(_fixture_text("link_furniture.html").split())) is present


LINKS = (
    '<a href="/a">Bus routes change</a><a href="/b">Parking fees rise</a><a href="/c">Council elects chair</a>'
    '<a href="/d">Market hall reopens</a><a href="/e">Rail fares frozen</a>'
    '<a href="https://records.example/report">The inspection report</a>'
    '<a href="https://www.valley-post.example/x">MAYOR OPENS NEW SCHOOL</a>'
    '<a href="https://other.example/y">READ THE COURT RULING</a>'
)
ARTICLE = "The bridge stays closed to lorries until spring, the engineer said on Thursday."
LONG = " ".join([ARTICLE] * 3)  # longer than a teaser's summary line
REPAIRS = [
    ("link-list", ["Bus routes change", "Parking fees rise"], []),
    ("teaser-list", ["Council elects chair", "A new face", "Market hall reopens", "Traders are pleased",
                     "Rail fares frozen", "No rise this year"], []),
    ("two-links-apart", ["Bus routes change", "A new face", "Parking fees rise"],
     ["Bus routes change", "A new face", "Parking fees rise"]),
    ("single-link", ["The inspection report"], ["The inspection report"]),
    ("bulleted-list", ["- Bus routes change", "- Parking fees rise"], []),
    ("own-caps-promo", ["MAYOR OPENS NEW SCHOOL"], []),
    ("other-site-caps", ["READ THE COURT RULING"], ["READ THE COURT RULING"]),
    ("page-url", ["https://www.valley-post.example/news/story"], []),
    ("long-line-breaks-chain", ["Bus routes change", LONG, "Parking fees rise",
                                "A new face", "Council elects chair"],
     ["Bus routes change", LONG, "Parking fees rise", "A new face", "Council elects chair"]),
]


@pytest.mark.parametrize(("name", "middle", "expected"), REPAIRS, ids=[r[0] for r in REPAIRS])
def test_repair_link_lines(name, middle, expected):
    tree = lxml.html.fromstring(f"<html><body><p>{ARTICLE}</p><div>{LINKS}</div></body></html>")
    text = "\n".join([ARTICLE, *middle, ARTICLE])
    assert repair(tree, text, "https://www.valley-post.example/news/story").splitlines() == [ARTICLE, *expected, ARTICLE]


def test_repair_never_empties_a_page_of_links():
    tree = lxml.html.fromstring(f"<html><body>{LINKS}</body></html>")
    assert repair(tree, "Bus routes change\nParking fees rise", None) == "Bus routes change\nParking fees rise"


def test_comment_section_larger_than_article_is_cut():
    html = (HTML_FIXTURES / "comments_page.html").read_text("utf-8")
    doc = to_document(RawDocument(source="c.html", html=html, url="https://www.city-news.example/library"))
    assert "open until nine in the evening" in doc.text
    assert "Visitor numbers during the trial" in doc.text
    assert "About time" not in doc.text and "heating in the reading room" not in doc.text
