"""Tests for dateline.ingest.clean: furniture lines go, article sentences stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.ingest.clean import clean_text, find_date

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

ARTICLE = [
    "Flood barriers along the river were raised on Sunday night as water levels kept rising.",
    "The mayor said evacuation centres would stay open until at least Wednesday.",
    "“We are not out of danger yet,” she told a late-night briefing.",
    "Forecasters expect the river to peak early on Tuesday.",
]


def _clean(*lines: str, **options):
    return clean_text("\n\n".join(lines), **options)


@pytest.mark.parametrize(
    "furniture",
    [
        "Home | News | World | Politics",
        "Share on Facebook",
        "Back to top",
        "Top",
        "logo",
        "Advertisement",
        "Adblock Detected",
        "Please consider supporting us by disabling your ad blocker",
        "We use cookies to give you the best experience on our site",
        "Your email address will not be published. Required fields are marked *",
        "© 2024 River Valley Press. All rights reserved.",
        "Reporting by Jane Roe; Editing by John Doe",
        "Date:",
        "***",
    ],
    ids=["menu", "share", "back-to-top", "top", "logo", "advert", "adblock", "adblock-plea", "cookies",
         "comment-form", "copyright", "credits", "empty-field", "decoration"],
)
def test_furniture_line_is_removed_mid_article(furniture):
    result = _clean(ARTICLE[0], ARTICLE[1], furniture, ARTICLE[2], ARTICLE[3])
    assert result.text.splitlines() == ARTICLE
    assert furniture in result.removed


@pytest.mark.parametrize(
    "sentence",
    [
        "“No.”",
        "Why now?",
        "He declined to comment.",
        "By the end of the week, most roads had reopened.",
        "Officials said the town had last flooded on March 4, 2019.",
        "He arrived in the capital on Friday, 10 January 2025.",
        "Residents were told to follow us on the evacuation route, a volunteer said.",
        "The river authority says water could reach homes on the lower bank within hours",
    ],
    ids=["short-quote", "question", "short-sentence", "by-sentence", "ends-in-date", "date-sentence",
         "nav-words-in-sentence", "unpunctuated-long"],
)
def test_article_sentence_is_kept(sentence):
    result = _clean(ARTICLE[0], sentence, ARTICLE[1])
    assert sentence in result.text.splitlines()


def test_read_more_teaser_caption_and_headline_are_removed():
    result = _clean(
        ARTICLE[0],
        "Read more",
        "Sandbags stacked outside a shop in the old town, Riverton, Feb. 11, 2024",
        "Storm warnings extended across the north",
        ARTICLE[1],
        "READ MORE: Why rivers flood faster than they used to – Science Weekly",
        ARTICLE[2],
    )
    assert result.text.splitlines() == ARTICLE[:3]
    assert len(result.removed) == 4


def test_teaser_caption_with_period_is_removed_only_after_marker():
    caption = "File photo: volunteers fill sandbags near the river bank, May 2, 2021."
    result = _clean(ARTICLE[0], "Read more", caption, "Dams under review", ARTICLE[1])
    assert result.text.splitlines() == ARTICLE[:2]


@pytest.mark.parametrize(
    "marker", ["Related Articles", "Latest stories", "Related stories", "You may also like"],
)
def test_related_section_is_removed_to_the_end(marker):
    result = _clean(*ARTICLE, marker, "Bridge closed after crack found", "New flood maps published",
                    "Leave a Reply", "Comment *")
    assert result.text.splitlines() == ARTICLE


def test_related_block_ends_at_the_next_sentence():
    result = _clean(ARTICLE[0], "Related Articles", "Bridge closed after crack found", ARTICLE[1])
    assert result.text.splitlines() == ARTICLE[:2]


def test_title_date_byline_become_metadata():
    result = _clean(
        "Monday, 12 February 2024",
        "News",
        "River Barriers Raised as Water Keeps Rising",
        "By Jane Roe and Tom Weiss",
        *ARTICLE,
    )
    assert (result.title, result.byline, result.dateline) == (
        "River Barriers Raised as Water Keeps Rising", "Jane Roe and Tom Weiss", "2024-02-12")
    assert result.text.splitlines() == ARTICLE


MASTHEAD_CASES = [
    # (name, header lines, outlet, title, byline)
    ("masthead, section, date, byline", ["Riverton Evening Post", "Local & Regional", "Monday, 12 February 2024",
     "By Jane Roe", "Share this article", "River barriers raised as water keeps rising"],
     "Riverton Evening Post", "River barriers raised as water keeps rising", "Jane Roe"),
    ("particles and a desk byline", ["La Gazette du Fleuve", "Monday, 12 February 2024", "By the Gazette newsroom",
     "River barriers raised as water keeps rising"],
     "La Gazette du Fleuve", "River barriers raised as water keeps rising", "the Gazette newsroom"),
    ("headline first is no masthead", ["River barriers raised as water keeps rising", "Monday, 12 February 2024",
     "By Jane Roe"], None, "River barriers raised as water keeps rising", "Jane Roe"),
    ("section label is no masthead", ["World", "River barriers raised as water keeps rising",
     "By Jane Roe"], None, "River barriers raised as water keeps rising", "Jane Roe"),
    ("no date or byline below it", ["Riverton Evening Post", "River Barriers Raised Overnight"],
     None, "Riverton Evening Post", None),
]


@pytest.mark.parametrize(("name", "head", "outlet", "title", "byline"), MASTHEAD_CASES,
                         ids=[c[0] for c in MASTHEAD_CASES])
def test_masthead_names_the_outlet_and_the_headline_follows_it(name, head, outlet, title, byline):
    result = _clean(*head, *ARTICLE)
    assert (result.outlet, result.title, result.byline) == (outlet, title, byline)
    assert result.text.splitlines() == ARTICLE


def test_extracted_text_has_no_masthead():
    assert _clean("Riverton Evening Post", "By Jane Roe", *ARTICLE, light=True).outlet is None


def test_sentence_case_title_and_unpunctuated_standfirst():
    standfirst = "The town's mayor says the barriers were raised just in time to protect the old quarter"
    result = _clean("Riverton raises its flood barriers", standfirst, *ARTICLE)
    assert result.title == "Riverton raises its flood barriers"
    assert result.text.splitlines() == [standfirst, *ARTICLE]


def test_repeated_title_and_subheadings_are_removed():
    result = _clean("River Barriers Raised", "Outlet Name March 3, 2024 News", "River Barriers Raised",
                    ARTICLE[0], "What Happens Next", ARTICLE[1])
    assert result.text.splitlines() == ARTICLE[:2]
    assert result.dateline == "2024-03-03"


def test_no_title_when_text_starts_with_a_sentence():
    assert _clean(*ARTICLE).title is None


def test_hard_wrapped_paragraphs_are_rejoined():
    wrapped = ("Flood barriers along the river were raised on Sunday\nnight as water levels kept rising, and "
               "the mayor\nsaid evacuation centres would stay open until\nWednesday.\n\nForecasters expect the "
               "river to peak early\non Tuesday, the weather service said in\na statement.")
    assert len(clean_text(wrapped).text.splitlines()) == 2


def test_non_english_text_is_left_intact():
    lines = ["Les digues ont été relevées dimanche soir alors que le niveau de l’eau continuait de monter.",
             "« Nous ne sommes pas encore hors de danger », a déclaré la maire."]
    assert clean_text("\n".join(lines)).text.splitlines() == lines


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Tuesday, July 23, 2024", "2024-07-23"), ("10 January 2025", "2025-01-10"), ("Sept. 3, 2024", "2024-09-03"),
     ("posted 2023-11-05 10:00", "2023-11-05"), ("February 30, 2024", None), ("in September 2025", None)],
    ids=["mdy-weekday", "dmy", "abbrev", "iso", "impossible", "month-only"],
)
def test_find_date(text, iso):
    found = find_date(text)
    assert (found[1] if found else None) == iso


# --- the five seed articles -------------------------------------------------


def _seeds():
    if not SEEDS.is_dir():
        pytest.skip("seed articles not present")
    return {path.name: clean_text(path.read_text("utf-8")) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.seeds
def test_seeds_lose_no_sentence():
    for name, result in _seeds().items():
        for line in result.removed:
            long_sentence = line.rstrip("”\"’").endswith(".") and len(line.split()) > 12
            assert not long_sentence or line.lower().startswith(("file photo", "photo")), (name, line)


@pytest.mark.seeds
def test_seeds_furniture_is_gone():
    furniture = {"related articles", "adblock detected", "read more", "latest stories", "logo", "top", "world",
                 "date:", "leave a reply", "back to top button"}
    for name, result in _seeds().items():
        kept = {line.lower() for line in result.text.splitlines()}
        assert not kept & furniture, name
        assert not any(line.lower().startswith("read more") for line in kept), name
        assert not any(re.search(r"\b(ad ?blocker|email address will not be published)", line) for line in kept)


@pytest.mark.seeds
def test_seeds_teaser_lines_after_read_more_are_removed():
    for name, result in _seeds().items():
        removed = list(result.removed)
        for i, line in enumerate(removed):
            if line.lower() == "read more":
                # the caption and the linked headline follow the marker
                assert len(removed) >= i + 3, name
                assert not removed[i + 1].lower().startswith("read more"), name
        kept = result.text.splitlines()
        assert all(len(line.split()) >= 6 for line in kept), name


@pytest.mark.seeds
def test_seeds_titles_and_datelines():
    results = _seeds()
    titled = [r for r in results.values() if r.title]
    assert len(titled) >= 4
    assert all(not r.title.endswith(".") for r in titled)
    assert sum(r.dateline is not None for r in results.values()) >= 2


def test_known_title_is_removed_and_not_guessed():
    standfirst = "Barriers went up overnight along the whole length of the river walk"
    result = clean_text("\n".join(["River barriers raised", standfirst, *ARTICLE]), light=True,
                        title="River  barriers raised")
    assert result.text.splitlines() == [standfirst, *ARTICLE]
    assert result.title == "River barriers raised"


COMMENT_CASES = [
    ("top-rated", "Top Rated Comments", True),
    ("counted", "52 Comments", True),
    ("bracketed", "[ Read All Comments ]", True),
    ("sentence", "The council declined to comment.", False),
    ("heading", "Comments from the minister", False),
]


@pytest.mark.parametrize(("name", "heading", "cut"), COMMENT_CASES, ids=[c[0] for c in COMMENT_CASES])
def test_comment_section_is_cut_to_the_end(name, heading, cut):
    article = "The ferry will run twice a day from May, the operator said on Friday."
    comment = "Finally some good news for the islanders, who have waited years for this."
    text = clean_text("\n".join([article, heading, comment, comment]), light=True).text
    assert (comment not in text) is cut
    assert article in text


def test_comment_heading_before_the_article_only_opens_a_link_list():
    article = "The ferry will run twice a day from May, the operator said on Friday."
    text = clean_text("\n".join(["Comments", "Islanders Welcome Ferry Plan", article]), light=True).text
    assert text == article


def test_whole_page_text_is_not_cut_at_a_comment_count():
    article = "The ferry will run twice a day from May, the operator said on Friday."
    later = "Tickets go on sale next week at the harbour office and online, the operator added."
    text = clean_text("\n".join([article, "12 Comments", later]), light=False).text
    assert later in text


# --- comments, stubs, captions, filler, teasers, Penn-Treebank tokens ------------

FURNITURE_KINDS = [
    # (id, lines placed after the article, kind of the first removal)
    ("comments-report-abuse", ["Great news for the town, finally. Posted by: riverfan | March 3, 2024 9:12 AM | Report abuse",
                               "I disagree with every word of this."], "comments"),
    ("comments-disclaimer", ["We welcome comments that advance the story through relevant opinion.",
                             "Views expressed in the comments do not represent those of the publisher.",
                             "The correspondent joined the paper in 2010 after years in radio."], "comments"),
    ("comments-callout", ["Have you been affected by the floods?", "Tell us your experiences by filling in the form below.",
                          "Your comments may be published on any of our pages."], "comments"),
    ("stub", ["RIVERTON, Westland | Thu Oct 20, 2011 6:31pm EDT"], "stub"),
    ("caption-photo", ["(Photo: Sandbags piled along the quay by volunteers)"], "caption"),
    ("caption-credit", ["REUTERS/Jane Roe"], "caption"),
    ("caption-file-photo", ["Volunteers fill sandbags near the river bank in this March 2, 2021 file photo."], "caption"),
    ("filler", ["In today's fast-changing world, staying informed has never been more important."], "filler"),
    ("player-notice", ["To play this content JavaScript must be turned on and the latest Flash player installed."], "filler"),
    ("teaser-question", ["Only a ferry ride away?"], "teaser"),
]


@pytest.mark.parametrize(("name", "tail", "kind"), FURNITURE_KINDS, ids=[c[0] for c in FURNITURE_KINDS])
def test_furniture_after_the_article_is_removed_and_recorded(name, tail, kind):
    result = _clean(*ARTICLE, *tail)
    assert result.text.splitlines() == ARTICLE
    assert list(result.removed) == tail
    assert result.removed_kinds[0] == kind


GLUED_CASES = [
    # (id, line, furniture cut from its start, kind)
    ("stub-and-byline", ("By Jane Roe, Science Editor RIVERTON | Mon Mar 2, 2009 4:23 pm EST RIVERTON (Reuters) - "
                         "Flood barriers were raised on Sunday night."), "By Jane Roe, Science Editor RIVERTON | Mon Mar 2, 2009 4:23 pm EST",
     "stub"),
    ("full-article", "Bridge closed after crack found Full Article Flood barriers were raised on Sunday night.",
     "Bridge closed after crack found Full Article", "teaser"),
    ("photo-credit", "(Photo: Jane Roe/Agency) Flood barriers were raised on Sunday night as the water rose.",
     "(Photo: Jane Roe/Agency)", "caption"),
    ("guardian-credit", "Photograph: Jane Roe/Reuters Flood barriers were raised on Sunday night as the water rose.",
     "Photograph: Jane Roe/Reuters", "caption"),
]


@pytest.mark.parametrize(("name", "line", "cut", "kind"), GLUED_CASES, ids=[c[0] for c in GLUED_CASES])
def test_furniture_glued_before_a_sentence_is_cut_and_the_sentence_kept(name, line, cut, kind):
    result = _clean(line, *ARTICLE[1:])
    assert result.text.splitlines()[0] == line[len(cut):].strip(" -")
    assert (result.removed[0], result.removed_kinds[0]) == (cut, kind)


def test_credit_then_dated_caption_goes_whole():
    caption = "(AP Photo/Jane Roe) (Jane Roe - AP) Volunteers fill sandbags in Riverton, Saturday, Oct. 11, 2008."
    result = _clean(ARTICLE[0], caption, ARTICLE[1])
    assert result.text.splitlines() == ARTICLE[:2]
    assert result.removed == (caption,)


KEPT_CASES = [
    ("mentions-comments", "The council received 300 comments on the plan and will publish all of them, the clerk said."),
    ("city-first", "RIVERTON, Westland - The council voted on Thursday to rebuild the bridge by 2026."),
    ("quoted-question", "“Who will pay for all this?” asked one resident at the meeting."),
    ("short-quoted-question", "“Why now?”"),
    ("comment-word-sentence", "Asked about the report, the mayor declined to comment on the figures."),
    ("agency-name", "AP Moller-Maersk said on Monday that its ships would avoid the port."),
    ("reuters-lede", "(Reuters) - The river authority said on Monday the barriers would stay up."),
    ("pipe-no-date", "Results | Council elections: turnout rose to 41 percent, the clerk said."),
]


@pytest.mark.parametrize(("name", "sentence"), KEPT_CASES, ids=[c[0] for c in KEPT_CASES])
def test_sentence_like_furniture_is_kept(name, sentence):
    for place in ((ARTICLE[0], sentence, ARTICLE[1]), (*ARTICLE, sentence)):
        result = _clean(*place)
        assert sentence in result.text.splitlines(), place


def test_quoted_question_before_the_body_is_kept():
    result = _clean("“Is it safe to go home?”", *ARTICLE)
    assert "“Is it safe to go home?”" in result.text.splitlines()


def test_comment_marker_before_the_article_drops_only_its_line():
    result = _clean("Report abuse", *ARTICLE)
    assert result.text.splitlines() == ARTICLE


PTB_CASES = [
    ("brackets", "RIVERTON -LRB- Reuters -RRB- - The river rose , officials said .",
     "RIVERTON (Reuters) - The river rose, officials said."),
    ("quotes", "`` We are not out of danger yet , '' she said .", '"We are not out of danger yet," she said.'),
    ("clitics", "The mayor 's office said it does n't know , and they 're waiting .",
     "The mayor's office said it doesn't know, and they're waiting."),
    ("money-percent", "The repairs cost $ 4 million , up 12 % on last year ; the council paid .",
     "The repairs cost $4 million, up 12% on last year; the council paid."),
    ("slash", "-LRB- AP Photo\\/Jane Roe -RRB- - The barrier held .", "(AP Photo/Jane Roe) - The barrier held."),
]


@pytest.mark.parametrize(("name", "tokenized", "plain"), PTB_CASES, ids=[c[0] for c in PTB_CASES])
def test_penn_treebank_tokens_are_detokenized(name, tokenized, plain):
    from dateline.ingest.clean import _detokenized

    assert _detokenized(tokenized) == plain


def test_untokenized_text_is_not_detokenized():
    text = "He said: 'no' , then left . She didn't.\nThe ' quote' stays."
    assert clean_text(text).text.splitlines() == text.splitlines()


def test_tokenized_article_is_cleaned_line_by_line():
    text = ("By Jane Roe RIVERTON | Mon Mar 2 , 2009 4:23 pm EST RIVERTON -LRB- Reuters -RRB- - Flood barriers along "
            "the river were raised on Sunday night .\nThe mayor said evacuation centres would stay open , and "
            "`` we 're not out of danger yet , '' she said .\n")
    assert clean_text(text).text.splitlines() == [
        "RIVERTON (Reuters) - Flood barriers along the river were raised on Sunday night.",
        'The mayor said evacuation centres would stay open, and "we\'re not out of danger yet," she said.']
