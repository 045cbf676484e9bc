"""Story and topic titles (link/titles.py): real headlines first, else a central lead sentence, never
furniture. The sentences here were written for these tests in the shapes real news pages take."""

from __future__ import annotations

import pytest

from dateline.link.titles import (
    Candidate,
    centroid,
    choose,
    headline_of,
    is_furniture,
    leads_of,
    lower_words,
    shorten,
    split_glued,
    story_title,
    tidy,
)
from dateline.store import Store

LEAD = "The storm knocked out power to 40,000 homes along the coast on Monday, officials said."


@pytest.mark.parametrize("sentence, head", [
    ("Storm Cuts Power to Coastal Towns " + LEAD, "Storm Cuts Power to Coastal Towns"),
    ("Storm cuts power to coastal towns When the storm came ashore on Monday, 40,000 homes lost power.",
     "Storm cuts power to coastal towns"),
    ("Jane Roe sentenced to two years in prison Jane Roe's lawyer said she would appeal the verdict on Friday.",
     "Jane Roe sentenced to two years in prison"),
    ("Mayor calls storm response ` a disgrace ' Residents of the coastal towns waited three days for help.",
     "Mayor calls storm response ` a disgrace '"),
    ("Bridge vote delayed again Lawmakers postponed the vote on the new bridge until next week, the council said.",
     "Bridge vote delayed again"),
], ids=["opener", "title-case-when", "repeated-name", "closing-quote", "lowercase-elsewhere"])
def test_a_headline_run_into_its_lead_is_split_off(sentence, head):
    common = lower_words(sentence + " The lawmakers met.")
    found = split_glued(sentence, common)
    assert found is not None and found[0] == head
    assert found[1].split()[0][0].isupper()


@pytest.mark.parametrize("sentence", [
    "Swiss drugmaker Novartis will deliver 50 million doses of the vaccine by June, the company said.",
    "Judges at the court in The Hague said on Tuesday they would rule on the case next month.",
    "Treasury Secretary Jane Roe and Federal Reserve Chairman John Doe met bankers on Sunday to discuss the plan.",
    "About The Bonuses Federal Reserve officials knew for months about the payments, company officials said.",
], ids=["name-after-noun", "the-hague", "long-names", "title-case-inside"])
def test_an_ordinary_lead_is_not_split(sentence):
    assert split_glued(sentence, lower_words(sentence)) is None


@pytest.mark.parametrize("line", [
    "CAIRO | Wed Apr 29, 2009 11:31pm IST",
    "By Jane Roe and John Doe",
    "Children wear masks while walking to school in Lima on May 2, 2009.",
    "- Jane Roe is a Reuters senior correspondent in Madrid.",
    "Hi there, I'm Sam from the morning show for schools.",
    "In today's fast-changing world, staying informed has never been more important.",
    "Friday, December 19, 2008; 10:02 AM -- Text of the governor's remarks",
    "Posted by Jane Roe at 10:14",
], ids=["stub", "byline", "dated-caption", "biography", "greeting", "filler", "time-stamp", "posted-by"])
def test_furniture_is_never_a_title(line):
    assert is_furniture(line)


def test_a_lead_sentence_is_no_furniture():
    assert not is_furniture(LEAD)
    assert not is_furniture("Storm cuts power to coastal towns")


def test_leads_skip_captions_and_cut_stubs_bylines_and_dateline_credits():
    text = ("Children wear masks while walking to school in Lima on May 2, 2009.\n"
            "By Jane Roe LIMA | Sat May 2, 2009 4:10pm EDT LIMA (Reuters) - Peru closed its schools for a week "
            "on Saturday after the flu reached the capital, the health minister said.\n"
            "Parents queued at clinics.")
    leads = leads_of(text)
    assert leads[0].startswith("Peru closed its schools for a week")
    assert not any("Reuters" in s or "|" in s or "masks" in s for s in leads)
    assert headline_of(text) is None  # the caption opening the text is no headline


@pytest.mark.parametrize("text, title, expected", [
    ("Body text of the article.", "Storm cuts power to coastal towns", "Storm cuts power to coastal towns"),
    ("Storm cuts power to coastal towns\n" + LEAD, None, "Storm cuts power to coastal towns"),
    ("* Storm cuts power to coastal towns * Repairs to take a week\n" + LEAD, None,
     "Storm cuts power to coastal towns"),
    ("UPDATE 2-Storm cuts power to coastal towns\n" + LEAD, None, "Storm cuts power to coastal towns"),
    ("Storm Cuts Power to Coastal Towns " + LEAD, None, "Storm Cuts Power to Coastal Towns"),
    (LEAD + "\nRepairs will take a week.", None, None),
], ids=["title-field", "short-first-line", "bullet", "update-tag", "glued", "none"])
def test_the_headline_of_an_article(text, title, expected):
    assert headline_of(text, title) == expected


def test_a_headline_is_preferred_and_a_lead_stands_in_when_there_is_none():
    center = centroid([{"storm": 3, "power": 2, "coast": 1, "@maine": 2}, {"storm": 2, "power": 1, "@maine": 1}])
    headline = Candidate("Storm cuts power in Maine", "headline", "a")
    lead = Candidate("A storm cut power to 40,000 homes in Maine on Monday, officials said.", "lead", "b")
    aside = Candidate("Tourism officials said hotel bookings rose in the spring.", "headline", "c")
    assert choose([lead, headline, aside], center) == "Storm cuts power in Maine"
    assert choose([lead, aside], center) == "A storm cut power to 40,000 homes in Maine on Monday, officials said"
    assert choose([], center) is None


def test_titles_are_cut_at_a_word_boundary_and_tidied():
    cut = shorten("A powerful earthquake struck near the capital on Tuesday, flattening the palace and thousands "
                  "of homes.", 60)
    assert cut.endswith("…") and len(cut) <= 61 and not cut[:-1].endswith(" ")
    assert shorten("Short headline.") == "Short headline"
    assert tidy("Death was ` not suspicious ' say experts") == "Death was ‘not suspicious’ say experts"
    assert tidy("MEXICO CITY\\/GENEVA") == "MEXICO CITY/GENEVA"


def test_the_example_stories_are_named_by_headlines(example_db):
    with Store(example_db) as store:
        for story in store.stories():
            title = story_title(store, story.id)
            headlines = {store.document(d).title for d in story.documents}
            assert title in headlines and title == story.title


def test_plain_text_articles_get_a_headline_not_their_furniture(tmp_path):
    from dateline.corpus import ingest

    folder = tmp_path / "plain"
    folder.mkdir()
    texts = {
        "a.txt": "Children wear masks while walking to school in Lima on May 2, 2009.\n"
                 "LIMA | Sat May 2, 2009 4:10pm EDT LIMA (Reuters) - Peru closed its schools in Lima for a week on "
                 "Saturday after the flu reached the capital, the health minister said.\n"
                 "The flu has infected 40 people in Peru, the ministry said.",
        "b.txt": "Peru closes Lima schools over flu Peru closed its schools in Lima for a week after the flu reached "
                 "the capital, the health ministry said on Saturday.\nThe flu has infected 40 people in Peru.",
        "c.txt": "By Jane Roe LIMA | Sun May 3, 2009 9:00am EDT LIMA (Reuters) - Peru said on Sunday the flu had "
                 "infected 52 people in Lima, and kept its schools closed.\nThe health minister urged calm in Peru.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "plain.db") as store:
        ingest([folder], store)
        titles = [s.title for s in store.stories()]
    assert "Peru closes Lima schools over flu" in titles
    assert not any(is_furniture(t) or t.startswith(("story-", "Children wear")) for t in titles)
