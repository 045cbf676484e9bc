"""The REST API and pages through FastAPI's TestClient: every endpoint, errors,
escaping of hostile articles, path traversal, host checks, serving during writes,
and a schema-driven run (schemathesis) that must find no server error."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from markupsafe import escape

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.jsonable import to_json  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.views.brief import brief  # noqa: E402
from dateline.views.timeline import story_timeline  # noqa: E402
from dateline.web import create_app  # noqa: E402

# Markers a hostile article plants; none may ever reach a page unescaped.
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">',
    '<svg onload="window.__pwned=4">',
)
HOSTILE_RECORD = {
    "id": "hostile-record",
    "url": "javascript:window.__pwned=5",
    "outlet": '<b onmouseover="window.__pwned=6">Agadez Watch</b>',
    "title": "<script>window.__pwned=7</script>US troops leave Agadez drone base",
    "published": "2024-08-06",
    "text": (
        "AGADEZ, Aug 6 - The last US troops left the Agadez drone base in Niger on Monday, officials said. "
        f"A reader comment read {PAYLOADS[0]} and was removed. Another post carried {PAYLOADS[1]} as bait. "
        f"A third linked {PAYLOADS[2]}here</a> and a fourth embedded {PAYLOADS[3]}. "
        "About 1,000 US troops had been stationed in Niger, the Pentagon said."
    ),
}
HOSTILE_HTML = """<!doctype html><html><head><title>Niger handover &lt;script&gt;window.__pwned=8&lt;/script&gt;</title>
<script>window.__pwned = 9;</script></head>
<body onload="window.__pwned=10"><article><h1>Niger base handover completed</h1>
<p onclick="window.__pwned=11">NIAMEY, Aug 7 - US forces completed the handover of the Niamey air base to Niger's army,
the defence ministry said on Wednesday. <a href="javascript:window.__pwned=12">Read more</a></p>
<p>Officials quoted a banner that read &lt;script&gt;window.__pwned=13&lt;/script&gt; during the ceremony.</p>
</article></body></html>"""


def hostile_store(example_db: Path, folder: Path) -> Path:
    """A copy of the example store plus two articles full of script, handlers and javascript: links."""
    from dateline.corpus import ingest

    db = folder / "hostile.db"
    shutil.copy(example_db, db)
    (folder / "in").mkdir()
    (folder / "in" / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    (folder / "in" / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    with Store(db) as store:
        report = ingest([folder / "in"], store)
    assert len(report.added) == 2, report
    return db


@pytest.fixture(scope="module")
def db(example_db, tmp_path_factory) -> Path:
    return hostile_store(example_db, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def ids(client) -> dict[str, str]:
    stories = client.get("/api/stories").json()
    story = stories[0]["id"]
    fact = client.get(f"/api/stories/{story}/facts").json()[0]["id"]
    doc = client.get(f"/api/documents?story={story}").json()["documents"][0]["id"]
    return {"story": story, "fact": fact, "doc": doc}


ENDPOINTS = [
    ("stories", "/api/stories", lambda body: body[0]["documents"]),
    ("story", "/api/stories/{story}", lambda body: body["brief"]["facts"] and body["timeline"]["entries"]),
    ("brief", "/api/stories/{story}/brief", lambda body: body["documents"] >= 10),
    ("brief-as-of", "/api/stories/{story}/brief?as_of=2024-04-01", lambda body: body["as_of"] == "2024-04-01"),
    ("timeline", "/api/stories/{story}/timeline?max_dates=3", lambda body: len({e["date"] for e in body["entries"]}) <= 3),
    ("facts", "/api/stories/{story}/facts", lambda body: all(f["values"] for f in body)),
    ("fact", "/api/stories/{story}/facts/{fact}", lambda body: body["values"][0]["citations"]),
    ("contradictions", "/api/stories/{story}/contradictions", lambda body: "facts" in body),
    ("outlets", "/api/stories/{story}/outlets", lambda body: len(body["outlets"]) >= 3),
    ("copies", "/api/stories/{story}/copies", lambda body: body["links"] and body["links"][0]["directed"]),
    ("diff", "/api/stories/{story}/diff?since=2024-05-01&until=2024-08-01", lambda body: body["new_documents"]),
    ("documents", "/api/documents?limit=3", lambda body: len(body["documents"]) == 3 and body["total"] >= 15),
    ("documents-page", "/api/documents?offset=2&limit=2", lambda body: body["offset"] == 2),
    ("document", "/api/documents/{doc}", lambda body: body["text"] and body["sentences"]),
    ("search", "/api/search?q=agadez", lambda body: body["hits"] and body["hits"][0]["snippet"]),
    ("search-story", "/api/search?q=agadez&story={story}", lambda body: all(h["story"] == body["story"] for h in body["hits"])),
]


@pytest.mark.slow
@pytest.mark.parametrize("url, check", [(u, c) for _, u, c in ENDPOINTS], ids=[n for n, _, _ in ENDPOINTS])
def test_endpoint_answers(client, ids, url, check):
    response = client.get(url.format(**ids))
    assert response.status_code == 200, response.text
    assert check(response.json())


@pytest.mark.slow
def test_api_returns_what_the_library_returns(client, ids, db):
    with Store(db) as store:
        expected_brief = to_json(brief(store, ids["story"]))
        expected_timeline = to_json(story_timeline(store, ids["story"]))
    assert client.get(f"/api/stories/{ids['story']}/brief").json() == expected_brief
    assert client.get(f"/api/stories/{ids['story']}/timeline").json() == expected_timeline


PAGES = [
    ("home", "/", "Stories"),
    ("story", "/stories/{story}", "Open questions"),
    ("story-as-of", "/stories/{story}?as_of=2024-05-01", "as of 2024-05-01"),
    ("facts", "/stories/{story}/facts", "Fact ledger"),
    ("fact", "/stories/{story}/facts/{fact}", "Value history"),
    ("contradictions", "/stories/{story}/contradictions", "disagree"),
    ("outlets", "/stories/{story}/outlets", "What each outlet reported"),
    ("copies", "/stories/{story}/copies", "Articles that repeat others"),
    ("diff", "/stories/{story}/diff?since=2024-05-01", "New facts"),
    ("diff-empty", "/stories/{story}/diff", "Pick a start date"),  # its twin answers 422: since is required
    ("documents", "/documents", "Articles"),
    ("document", "/documents/{doc}", "Time expressions"),
    ("search", "/search?q=agadez", "contain"),
]


@pytest.mark.slow
@pytest.mark.parametrize("url, text", [(u, t) for _, u, t in PAGES], ids=[n for n, _, _ in PAGES])
def test_page_renders_and_links_its_json_twin(client, ids, url, text):
    response = client.get(url.format(**ids))
    assert response.status_code == 200
    assert text in response.text
    twin = response.text.split('class="twin" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert twin.startswith("/api/")
    assert client.get(twin).status_code == (422 if "/diff" in twin and "since=" not in twin else 200)


ERRORS = [
    ("unknown-story", "/api/stories/no-such-story-xyz", 404),
    ("unknown-story-page", "/stories/no-such-story-xyz", 404),
    ("unknown-fact", "/api/stories/{story}/facts/fact-nope", 404),
    ("unknown-document", "/api/documents/doc-nope", 404),
    ("unknown-document-page", "/documents/doc-nope", 404),
    ("bad-date", "/api/stories/{story}/brief?as_of=yesterday", 422),
    ("diff-needs-since", "/api/stories/{story}/diff", 422),
    ("search-needs-q", "/api/search", 422),
    ("limit-bounded", "/api/documents?limit=100000", 422),
    ("traversal-static", "/static/../../../../etc/passwd", 404),
    ("traversal-encoded", "/static/%2e%2e/%2e%2e/pyproject.toml", 404),
    ("traversal-document", "/api/documents/..%2F..%2Fetc%2Fpasswd", 404),
    ("no-cdn-docs", "/docs", 404),
]


@pytest.mark.slow
@pytest.mark.parametrize("url, status", [(u, s) for _, u, s in ERRORS], ids=[n for n, _, _ in ERRORS])
def test_errors_have_the_right_status(client, ids, url, status):
    assert client.get(url.format(**ids)).status_code == status


# A malformed parameter on an HTML page: the app's error page naming it and the format it takes.
BAD_PAGE_PARAMETERS = [
    ("story-as-of", "/stories/{story}?as_of=bad", "as_of", "YYYY-MM-DD"),
    ("story-as-of-month-13", "/stories/{story}?as_of=2024-13-01", "as_of", "YYYY-MM-DD"),
    ("facts-as-of", "/stories/{story}/facts?as_of=soon", "as_of", "YYYY-MM-DD"),
    ("fact-as-of", "/stories/{story}/facts/{fact}?as_of=x", "as_of", "YYYY-MM-DD"),
    ("diff-since", "/stories/{story}/diff?since=yesterday", "since", "YYYY-MM-DD"),
    ("diff-until", "/stories/{story}/diff?since=2024-05-01&until=later", "until", "YYYY-MM-DD"),
    ("documents-limit", "/documents?limit=0", "limit", "whole number from 1 to 500"),
    ("documents-offset", "/documents?offset=-3", "offset", "whole number"),
    ("search-q", "/search?q=" + "a" * 600, "q", "at most 500 characters"),
]


@pytest.mark.slow
@pytest.mark.parametrize("url, parameter, expected", [(u, p, e) for _, u, p, e in BAD_PAGE_PARAMETERS],
                         ids=[n for n, _, _, _ in BAD_PAGE_PARAMETERS])
def test_bad_parameter_on_a_page_shows_the_error_page(client, ids, url, parameter, expected):
    response = client.get(url.format(**ids))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<title>Bad parameter · dateline</title>" in page
    message = page.split('id="error-message">', 1)[1].split("</p>", 1)[0]
    assert f"The {parameter} parameter" in message and expected in message, message
    assert '"detail"' not in page
    retry = page.split('<a href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert f"{parameter}=" not in retry and client.get(retry).status_code in (200, 422)
    twin = page.split('class="twin" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert twin.startswith("/api/") and client.get(twin).status_code == 422  # the same error, as JSON


@pytest.mark.slow
@pytest.mark.parametrize("url", ["/api/stories/{story}?as_of=bad", "/api/stories/{story}/diff?since=x", "/api/documents?limit=0"])
def test_bad_parameter_in_the_api_stays_json(client, ids, url):
    response = client.get(url.format(**ids))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    assert response.json()["detail"][0]["loc"][0] == "query"


@pytest.mark.parametrize("url, status, heading", [
    ("/no-such-page", 404, "Not found"), ("/stories/no-such-story-xyz", 404, "Not found"),
    ("/documents/doc-nope", 404, "Not found"), ("/api/no-such-endpoint", 404, None),
], ids=["unknown-page", "unknown-story", "unknown-document", "unknown-endpoint-json"])
def test_unknown_address_shows_the_error_page(client, url, status, heading):
    response = client.get(url)
    assert response.status_code == status
    if heading is None:
        assert response.json() == {"detail": "Not Found"}
    else:
        assert f"<h1>{heading}</h1>" in response.text and 'class="brand"' in response.text


@pytest.mark.slow
def test_articles_page_is_headed_with_the_story_title(client, ids):
    title = client.get(f"/api/stories/{ids['story']}/brief").json()["title"]
    page = client.get(f"/documents?story={ids['story']}").text
    assert f"<h1>{escape(title)}</h1>" in page  # escaped: a title is data, never markup
    assert f"<title>Articles · {escape(title)} · dateline</title>" in page
    assert f">{ids['story']}<" not in page  # the id is not shown as a name
    assert client.get(f"/api/documents?story={ids['story']}").json()["title"] == title


@pytest.mark.slow
def test_story_page_shows_open_questions_and_changes_before_the_timeline(client, ids):
    page = client.get(f"/stories/{ids['story']}").text
    questions, changed, timeline = (page.index(f'id="{i}"') for i in ("open-questions", "what-changed", "timeline"))
    assert questions < changed < timeline
    changes = client.get(f"/api/stories/{ids['story']}").json()["changes"]
    newest = max(d["published"] for d in client.get(f"/api/documents?story={ids['story']}&limit=500").json()["documents"]
                 if d["published"])
    assert changes["until"] is None and changes["new_documents"]
    assert f"newest article ({newest})" in page
    assert f"diff?since={changes['since']}" in page
    dated = client.get(f"/api/stories/{ids['story']}?as_of=2024-05-21").json()["changes"]
    assert dated["until"] == "2024-05-21" and dated["since"] == "2024-04-21"


@pytest.mark.slow
def test_document_page_names_its_story_and_offers_layers(client, ids):
    page = client.get(f"/documents/{ids['doc']}").text
    for layer in ("entity", "timex", "quantity", "attribution", "claim"):
        assert f'data-layer="{layer}"' in page
    title = client.get(f"/api/stories/{ids['story']}/brief").json()["title"]
    assert f">{escape(title)}</a>" in page
    assert client.get(f"/api/documents/{ids['doc']}").json()["story"] == {"id": ids["story"], "title": title}


@pytest.mark.slow
def test_stories_are_named_by_title_with_the_id_as_tooltip(client, ids):
    page = client.get("/").text
    assert f"<code>{ids['story']}</code>" not in page
    assert f'title="story id {ids["story"]}"' in page


@pytest.mark.slow
@pytest.mark.parametrize("url", [u for _, u, _ in PAGES], ids=[n for n, _, _ in PAGES])
def test_every_page_links_its_twin_in_head_and_footer(client, ids, url):
    page = client.get(url.format(**ids)).text
    twin = page.split('class="twin" href="', 1)[1].split('"', 1)[0]
    assert f'<link rel="alternate" type="application/json" href="{twin}"' in page
    assert f'This page as JSON: <a href="{twin}">' in page


@pytest.mark.slow
@pytest.mark.parametrize("query", ['"unbalanced', "NOT OR AND", "a*b^c:(d)", "-", "agadez NEAR/2 base", "' OR 1=1 --"])
def test_search_treats_operators_as_text(client, query):
    assert client.get("/api/search", params={"q": query}).status_code == 200


@pytest.mark.slow
def test_hostile_article_is_escaped_on_every_page(client):
    hostile = ["hostile-record", *(h["document"] for h in client.get("/api/search?q=handover+banner").json()["hits"])]
    assert len(hostile) == 2
    story = next(s["id"] for s in client.get("/api/stories").json() if "hostile-record" in s["documents"])
    urls = ["/", f"/stories/{story}", f"/stories/{story}/facts", f"/stories/{story}/outlets", f"/stories/{story}/copies",
            f"/stories/{story}/contradictions", f"/documents?story={story}", "/search?q=script",
            "/search?q=pwned", *(f"/documents/{d}" for d in hostile)]
    for url in urls:
        page = client.get(url).text
        for payload in (*PAYLOADS, "<script>window", "<b onmouseover", 'href="javascript:'):
            assert payload not in page, (url, payload)
    document = client.get("/documents/hostile-record").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in document
    assert "javascript:window.__pwned=5" in document  # shown as text, not as a link


@pytest.mark.slow
def test_every_response_carries_security_headers(client):
    for url in ("/", "/api/stories", "/static/app.css"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "bind, host, status",
    [("127.0.0.1", "127.0.0.1", 200), ("127.0.0.1", "localhost:8731", 200), ("127.0.0.1", "evil.example", 400),
     ("0.0.0.0", "evil.example", 200)],
    ids=["loopback", "localhost-name", "rebinding-blocked", "public-bind"],
)
def test_host_header_checked_when_bound_to_localhost(tmp_path, bind, host, status):
    from dateline.web.app import allowed_hosts

    with Store(tmp_path / "empty.db"):
        pass
    client = TestClient(create_app(tmp_path / "empty.db", allowed_hosts=allowed_hosts(bind)))
    assert client.get("/api/stories", headers={"host": host}).status_code == status


@pytest.mark.slow
def test_keeps_serving_while_another_connection_writes(db, tmp_path):
    copy = tmp_path / "live.db"
    with Store(db) as store:
        store.conn.execute("VACUUM INTO ?", (str(copy),))
    client = TestClient(create_app(copy))
    story = client.get("/api/stories").json()[0]["id"]
    before = client.get(f"/api/stories/{story}/brief").json()["title"]
    writer = sqlite3.connect(copy, timeout=30)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE stories SET title = 'Renamed while serving' WHERE id = ?", (story,))
    assert client.get(f"/api/stories/{story}/brief").json()["title"] == before  # reads during the write
    writer.commit()
    writer.close()
    # a long recompute may serve the old view meanwhile (see web/cache.py), so allow it a moment
    deadline = time.monotonic() + 20
    while client.get(f"/api/stories/{story}/brief").json()["title"] != "Renamed while serving":
        assert time.monotonic() < deadline, "the change never showed"
        time.sleep(0.2)


@pytest.mark.slow
def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for needed in ("/api/stories", "/api/stories/{story}/facts", "/api/stories/{story}/timeline",
                   "/api/stories/{story}/brief", "/api/stories/{story}/diff", "/api/documents", "/api/search"):
        assert needed in paths


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(db):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])

        check()


# --- topics: the story page names its topic, a topic's page lists its stories, search covers a topic ---------

TOPIC = "topic-web00001"


@pytest.fixture(scope="module")
def topic_client(example_db, tmp_path_factory) -> TestClient:
    """The example store with its two stories put in one topic by hand (grouping is tests/test_topics.py's
    business; a topic of several stories is what the pages must show)."""
    path = tmp_path_factory.mktemp("topic") / "topic.db"
    shutil.copy(example_db, path)
    with Store(path) as store:
        if not store.has_topics():
            pytest.skip("the schema has no migration 0015_topics yet")
        store.save_topics({s.id: TOPIC for s in store.stories()}, {TOPIC: "Sahel troops and elections"})
    return TestClient(create_app(path))


def test_stories_are_listed_under_their_topic(topic_client):
    listed = topic_client.get("/api/stories").json()
    assert len(listed) == 2 and {s["topic"] for s in listed} == {TOPIC}
    assert {s["topic_title"] for s in listed} == {"Sahel troops and elections"}
    page = topic_client.get("/").text
    assert f'href="/stories/{TOPIC}"' in page and "Sahel troops and elections</a>" in page
    assert page.count('class="in-topic"') == 2 and "<code>story-" not in page


def test_a_story_page_names_its_topic_and_the_topic_page_its_stories(topic_client):
    story = topic_client.get("/api/stories").json()[1]
    page = topic_client.get(f"/stories/{story['id']}").text
    assert "Part of the topic" in page and f'href="/stories/{TOPIC}"' in page
    assert topic_client.get(f"/api/stories/{story['id']}").json()["topic"]["id"] == TOPIC
    topic_page = topic_client.get(f"/stories/{TOPIC}").text
    assert "A topic of 2 stories" in topic_page and f">{escape(story['title'])}</a>" in topic_page
    twin = topic_client.get(f"/api/stories/{TOPIC}").json()
    assert [s["id"] for s in twin["topic"]["stories"]] == [s["id"] for s in topic_client.get("/api/stories").json()]


def test_search_scoped_to_a_topic_finds_every_story_of_it(topic_client):
    stories = {s["id"] for s in topic_client.get("/api/stories").json()}
    found = topic_client.get(f"/api/search?q=military&story={TOPIC}&limit=100").json()
    assert found["story"] == TOPIC and found["story_title"] == "Sahel troops and elections"
    assert {h["story"] for h in found["hits"]} == stories
    assert all(h["name"] and not h["name"].startswith("doc-") for h in found["hits"])
    page = topic_client.get(f"/search?q=military&story={TOPIC}").text
    assert "Sahel troops and elections" in page and f'name="story" value="{TOPIC}"' in page
    assert page.count('class="hit"') == len(found["hits"])
