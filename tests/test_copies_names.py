"""The copies view names articles as a reader knows them (outlet, date, headline), in the terminal, in
JSON and on the web page; the document ids stay only as a trailing reference for `dateline show`."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.jsonable import to_json
from dateline.store import Store
from dateline.views.copies import COPIES_VIEW, build_copies, copies_md

COPY, SOURCE = "doc-c2ae17a672cf", "meridian-2024-05-19-niger-deadline"  # the example's padded rewrite
COPY_TITLE = "US Troops To Leave Niger By September 15: Everything You Need To Know"
SOURCE_TITLE = "U.S. and Niger agree American troops will leave by mid-September"


@pytest.fixture
def copied_db(example_db, tmp_path) -> Path:
    path = tmp_path / "example.db"
    shutil.copy(example_db, path)
    return path


def _rewrite(view):
    (link,) = [link for link in view.links if link.directed]
    return link


@pytest.mark.slow
def test_the_rewrite_is_named_by_its_headline(example_db):
    with Store(example_db) as store:
        link = _rewrite(build_copies(store))
    assert (link.copy, link.source) == (COPY, SOURCE)
    assert (link.copy_title, link.source_title) == (COPY_TITLE, SOURCE_TITLE)


@pytest.mark.slow
def test_the_markdown_names_articles_and_keeps_ids_last(example_db):
    with Store(example_db) as store:
        text = copies_md(build_copies(store))
    block = text.split("## Articles that repeat others\n\n", 1)[1]
    assert block.startswith(f"- NewsPulse Hub, 2024-05-21, “{COPY_TITLE}”\n"
                            f"  repeats Meridian Wire, 2024-05-19, “{SOURCE_TITLE}”:\n")
    named, _, reference = block.rpartition(" (")
    assert COPY not in named and SOURCE not in named  # no id where a name exists
    assert reference.startswith(f"`{COPY}`, `{SOURCE}`)")


@pytest.mark.slow
def test_the_json_gains_titles_and_keeps_every_field(example_db):
    with Store(example_db) as store:
        link = to_json(_rewrite(build_copies(store)))
    assert {"copy", "copy_outlet", "copy_published", "source", "source_outlet", "source_published", "shared",
            "share", "directed", "example", "reused", "added"} < set(link)
    assert (link["copy_title"], link["source_title"]) == (COPY_TITLE, SOURCE_TITLE)


@pytest.mark.slow
def test_a_view_kept_before_titles_reads_back_named(copied_db):
    with Store(copied_db) as store:
        view = build_copies(store)
        untitled = replace(view, links=tuple(replace(k, copy_title=None, source_title=None) for k in view.links))
        store.save_story_view(view.story, COPIES_VIEW, untitled)
        kept = store.story_view(view.story, COPIES_VIEW)
        assert _rewrite_json(kept)["copy_title"] is None  # the old shape is what is stored
        assert build_copies(store) == view


def _rewrite_json(data: dict) -> dict:
    return next(link for link in data["links"] if link["directed"])


@pytest.mark.slow
def test_an_article_without_headline_or_lead_is_untitled_not_an_id(copied_db):
    with Store(copied_db) as store:
        view = build_copies(store)
    blank = replace(view, links=tuple(replace(k, copy_title=None) for k in view.links))
    first = copies_md(blank).split("## Articles that repeat others\n\n", 1)[1].splitlines()[0]
    assert first == "- NewsPulse Hub, 2024-05-21, untitled article"


@pytest.mark.slow
def test_the_web_page_names_both_articles(example_db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    client = TestClient(create_app(example_db))
    with Store(example_db) as store:
        story = build_copies(store).story
    page = client.get(f"/stories/{story}/copies").text
    section = re.search(r'<section class="copy">(.*?)</section>', page, re.DOTALL).group(1)
    assert "NewsPulse Hub, 2024-05-21" in section and "Meridian Wire, 2024-05-19" in section
    assert "US Troops To Leave Niger By September 15: Everything You Need To Know" in section
    assert "U.S. and Niger agree American troops will leave by mid-September" in section
    visible = re.sub(r'<[^>]+>', "", section)
    assert COPY not in visible and SOURCE not in visible  # ids only in links and tooltips
    api = client.get(f"/api/stories/{story}/copies").json()
    assert _rewrite_json(api)["copy_title"] == COPY_TITLE
