"""The web app driven in headless Chromium (Debian's chromium + chromium-driver, via Selenium).

Scenario: load the bundled example (plus two hostile articles), open a story,
move the as-of date, zoom the timeline, open a fact's history, open an article,
search; on every page no script planted in an article runs. The story page's first
screen, the timeline's ticks, the article's layer toggles, the error page of a bad
parameter, and every page at 1280 and 800 pixels wide. Set DATELINE_SCREENSHOTS=DIR to
save a screenshot of each page of the bundled example (docs/img/ uses them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)"),
    pytest.mark.skipif(not CHROMEDRIVER.exists(), reason="chromedriver is absent (apt-get install chromium-driver)"),
]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
By = pytest.importorskip("selenium.webdriver.common.by").By


@pytest.fixture(scope="module")
def db(example_db, tmp_path_factory) -> Path:
    from tests.test_web_api import hostile_store

    return hostile_store(example_db, tmp_path_factory.mktemp("e2e"))


@contextmanager
def _serving(db: Path):
    import uvicorn

    from dateline.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db, allowed_hosts=("127.0.0.1",))
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(db):
    with _serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def clean_server(example_db):
    """The bundled example alone (no hostile articles): the pages as the docs show them."""
    with _serving(example_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _wait(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def _no_planted_script_ran(driver) -> None:
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    alert = None
    try:
        alert = driver.switch_to.alert
    except Exception:  # noqa: BLE001 - selenium raises NoAlertPresentException when all is well
        pass
    assert alert is None, "an article opened an alert"


def _shot(driver, name: str) -> None:
    folder = os.environ.get("DATELINE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def test_scenario(browser, server):
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "a.story-link").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#timeline circle.entry"))
    assert "Open questions" in browser.page_source
    _no_planted_script_ran(browser)

    # zoom the timeline: dots move apart
    dots = browser.find_elements(By.CSS_SELECTOR, "#timeline circle.entry")
    xs = sorted(float(d.get_attribute("cx")) for d in dots)
    browser.find_element(By.CSS_SELECTOR, "[data-zoom=in]").click()
    zoomed = sorted(float(d.get_attribute("cx")) for d in dots)
    assert zoomed != xs
    browser.find_element(By.CSS_SELECTOR, "[data-zoom=reset]").click()
    dots[0].click()
    assert browser.find_elements(By.CSS_SELECTOR, "ol.entries li.selected")

    # move the as-of date with the slider: the page reloads as of an earlier day
    slider = browser.find_element(By.ID, "as-of-slider")
    browser.execute_script(
        "arguments[0].value = 3; arguments[0].dispatchEvent(new Event('input'));"
        "arguments[0].dispatchEvent(new Event('change'));", slider)
    _wait(lambda: "as_of=" in browser.current_url)
    assert "Briefing as of" in browser.page_source

    # a fact's history
    browser.find_element(By.CSS_SELECTOR, "a.fact-link").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#history svg circle.report"))
    assert "Value history" in browser.page_source

    # an article from the fact's sources
    browser.find_element(By.CSS_SELECTOR, "blockquote a.cite").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".text .m-entity"))
    assert browser.find_elements(By.CSS_SELECTOR, ".text .m-timex")
    _no_planted_script_ran(browser)

    # search from the header
    box = browser.find_element(By.CSS_SELECTOR, "header input[type=search]")
    box.send_keys("agadez handover\n")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "ol.hits mark"))

    # who repeats whom, from the story's tabs
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "a.story-link").click()
    browser.find_element(By.LINK_TEXT, "Copies").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "section.copy blockquote"))
    assert "repeats" in browser.find_element(By.CSS_SELECTOR, "section.copy").text


HOSTILE_PAGES = ["/documents/hostile-record", "/search?q=pwned", "/search?q=script", "/documents"]


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_articles_run_nothing(browser, server, path):
    browser.get(server + path)
    _wait(lambda: browser.execute_script("return document.readyState") == "complete")
    for link in browser.find_elements(By.CSS_SELECTOR, "main a"):
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    _no_planted_script_ran(browser)


def test_hostile_story_pages_run_nothing(browser, server):
    browser.get(server + "/api/stories")
    stories = browser.execute_script("return JSON.parse(document.body.innerText)")
    story = next(s["id"] for s in stories if "hostile-record" in s["documents"])
    for path in ("", "/facts", "/outlets", "/copies", "/contradictions"):
        browser.get(f"{server}/stories/{story}{path}")
        _no_planted_script_ran(browser)
    browser.get(f"{server}/documents/hostile-record")
    text = browser.find_element(By.CSS_SELECTOR, ".text").text
    assert "<script>window.__pwned=1</script>" in text  # shown as text


def _viewport(driver, width: int, height: int) -> None:
    """Exactly this viewport, whatever the window's frame takes."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


@pytest.fixture
def viewport(browser):
    yield lambda width, height: _viewport(browser, width, height)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _api(server: str, path: str):
    with urlopen(server + path, timeout=60) as response:
        return json.load(response)


def _main_story(server: str) -> str:
    return _api(server, "/api/stories")[0]["id"]


def _rect(driver, selector: str) -> dict:
    return driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom};", selector)


def test_story_first_screen_holds_open_questions_and_what_changed(browser, server, viewport):
    viewport(1280, 800)
    browser.get(f"{server}/stories/{_main_story(server)}")
    assert browser.execute_script("return [window.innerWidth, window.innerHeight]") == [1280, 800]
    for selector in ("#open-questions h2", "#open-questions li.question", "#what-changed h2", "#what-changed ul.changes li"):
        box = _rect(browser, selector)
        assert 0 <= box["top"] and box["bottom"] < 800, (selector, box)
    assert _rect(browser, "#timeline")["top"] > _rect(browser, "#open-questions")["top"]


def _tick_labels(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#timeline g.tick'))"
        ".filter((g) => g.style.display !== 'none').map((g) => g.textContent.trim()).filter(Boolean);")


def test_timeline_ticks_are_labelled_for_the_span_shown(browser, server):
    browser.get(f"{server}/stories/{_main_story(server)}")
    labels = _tick_labels(browser)
    # the story's own period runs from March to August 2024 (the 2023 coup is background): months,
    # the year named on the first tick and wherever it changes
    assert len(labels) > 1, labels
    assert all(re.fullmatch(r"[A-Z][a-z]{2}( \d{4})?", label) for label in labels), labels
    assert re.search(r"\d{4}", labels[0]), labels
    for _ in range(4):  # zoom in to a few weeks: the ticks follow, down to days
        browser.find_element(By.CSS_SELECTOR, "[data-zoom=in]").click()
    zoomed = _tick_labels(browser)
    assert len(zoomed) > 1 and zoomed != labels, zoomed
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}( \d{4})?|[A-Z][a-z]{2}( \d{4})?", label) for label in zoomed), zoomed
    browser.find_element(By.CSS_SELECTOR, "[data-zoom=reset]").click()
    assert _tick_labels(browser) == labels


def _style(driver, selector: str, prop: str) -> str:
    return driver.execute_script(
        "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]];", selector, prop)


def test_article_layers_toggle_without_a_reload(browser, server):
    docs = _api(server, f"/api/documents?story={_main_story(server)}")["documents"]
    doc = next(d["id"] for d in docs if (r := _api(server, f"/api/documents/{d['id']}"))["claims"] and r["attributions"])
    browser.get(f"{server}/documents/{doc}")
    browser.execute_script("localStorage.removeItem('dateline.layers');")
    browser.refresh()
    legend = browser.find_element(By.ID, "layers").text
    for word in ("entities", "times", "quantities", "attributions", "claims", "what was said", "hover"):
        assert word in legend
    # each layer's legend shows its marks' style, whether the layer is shown or not
    assert _style(browser, "#layers .m-entity", "fontWeight") == "600"
    assert "underline" in _style(browser, "#layers .m-claim", "textDecorationLine")
    assert _style(browser, ".text .m-entity", "fontWeight") == "600"
    assert "underline" not in _style(browser, ".text .m-claim", "textDecorationLine")  # off when the page opens
    browser.execute_script("window.__same_page = true;")

    def toggle(layer: str) -> None:
        browser.find_element(By.CSS_SELECTOR, f"#layers input[data-layer={layer}]").click()

    toggle("entity")
    assert _style(browser, ".text .m-entity", "fontWeight") == "400"
    toggle("claim")
    assert "underline" in _style(browser, ".text .m-claim", "textDecorationLine")
    toggle("attribution")
    assert _style(browser, ".text .m-quote", "fontStyle") == "italic"
    toggle("timex")
    assert _style(browser, ".text .m-timex", "backgroundColor") == "rgba(0, 0, 0, 0)"
    toggle("entity")
    assert _style(browser, ".text .m-entity", "fontWeight") == "600"
    assert browser.execute_script("return window.__same_page") is True  # no reload happened
    browser.refresh()  # the choice is remembered
    assert "underline" in _style(browser, ".text .m-claim", "textDecorationLine")
    assert _style(browser, ".text .m-timex", "backgroundColor") == "rgba(0, 0, 0, 0)"
    browser.execute_script("localStorage.removeItem('dateline.layers');")


@pytest.mark.parametrize("path, parameter, expected", [
    ("/stories/{story}?as_of=bad", "as_of", "YYYY-MM-DD"),
    ("/stories/{story}/diff?since=yesterday", "since", "YYYY-MM-DD"),
    ("/documents?limit=lots", "limit", "whole number"),
], ids=["as_of", "since", "limit"])
def test_bad_parameter_shows_the_error_page(browser, server, path, parameter, expected):
    browser.get(server + path.format(story=_main_story(server)))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Bad parameter"
    message = browser.find_element(By.ID, "error-message").text
    assert parameter in message and expected in message, message
    assert browser.find_elements(By.CSS_SELECTOR, "header a.brand")  # the app's page, not raw JSON
    assert "Bad parameter" in browser.title
    browser.find_element(By.LINK_TEXT, "The same page without it").click()
    assert f"{parameter}=" not in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text != "Bad parameter"


# name (the screenshot in docs/img), address, what the window title says
DOC_PAGES = [
    ("stories", "/", "Stories"),
    ("story", "/stories/{story}", "{title}"),
    ("story-as-of", "/stories/{story}?as_of=2024-05-21", "as of 2024-05-21"),
    ("facts", "/stories/{story}/facts", "Fact ledger · {title}"),
    ("fact", "/stories/{story}/facts/{fact}", "· {title}"),
    ("contradictions", "/stories/{story}/contradictions", "Contradictions · {title}"),
    ("outlets", "/stories/{story}/outlets", "Outlets · {title}"),
    ("copies", "/stories/{story}/copies", "Copies · {title}"),
    ("diff", "/stories/{story}/diff?since=2024-06-01", "What changed · {title}"),
    ("articles", "/documents?story={story}", "Articles · {title}"),
    ("article", "/documents/{doc}", "{doc_title}"),
    ("search", "/search?q=agadez+handover", "Search: agadez handover"),
]


def test_pages_read_at_1280_and_800_pixels(browser, clean_server, viewport):
    story = _api(clean_server, "/api/stories")[0]
    doc = _api(clean_server, f"/api/documents?story={story['id']}")["documents"][5]
    names = {"story": story["id"], "title": story["title"], "doc": doc["id"], "doc_title": doc["title"],
             "fact": _api(clean_server, f"/api/stories/{story['id']}/facts")[0]["id"]}
    for width in (1280, 800):
        viewport(width, 860)
        for name, path, title in DOC_PAGES:
            browser.get(clean_server + path.format(**names))
            assert title.format(**names) in browser.title, (name, browser.title)
            twin = browser.find_element(By.CSS_SELECTOR, "link[rel=alternate][type='application/json']")
            assert "/api/" in twin.get_attribute("href")
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (name, width, overflow)
            if width == 1280:
                _shot(browser, name)


@pytest.fixture(scope="module")
def topic_server(example_db, tmp_path_factory):
    """The bundled example with its two stories put in one topic by hand."""
    from dateline.store import Store

    path = tmp_path_factory.mktemp("topic-e2e") / "topic.db"
    shutil.copy(example_db, path)
    with Store(path) as store:
        if not store.has_topics():
            pytest.skip("the schema has no migration 0015_topics yet")
        store.save_topics({s.id: "topic-e2e00001" for s in store.stories()}, {"topic-e2e00001": "Sahel troops and elections"})
    with _serving(path) as url:
        yield url


def test_a_topic_is_browsed_and_searched(browser, topic_server):
    browser.get(topic_server + "/")
    browser.find_element(By.CSS_SELECTOR, "a.topic-link").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "details.topic"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sahel troops and elections"
    browser.find_element(By.CSS_SELECTOR, "details.topic summary").click()
    stories = browser.find_elements(By.CSS_SELECTOR, "details.topic a.story-link")
    assert len(stories) == 2 and all(s.text and not s.text.startswith("story-") for s in stories)
    _shot(browser, "topic")

    # search the topic from its page: hits from both of its stories
    box = browser.find_element(By.ID, "story-search-q")
    box.send_keys("military\n")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "ol.hits mark"))
    assert "Sahel troops and elections" in browser.find_element(By.CSS_SELECTOR, "p.scope").text
    hits = browser.find_elements(By.CSS_SELECTOR, "a.hit")
    expected = json.loads(urlopen(topic_server + "/api/search?q=military&story=topic-e2e00001").read())
    assert len(hits) == len(expected["hits"]) and len({h["story"] for h in expected["hits"]}) == 2
    assert all(h.text and not h.text.startswith("doc-") for h in hits)

    # a story of the topic names it, and links back
    browser.get(topic_server + "/")
    browser.find_elements(By.CSS_SELECTOR, "tr.in-topic a.story-link")[1].click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "p.topic"))
    assert "Part of the topic Sahel troops and elections" in browser.find_element(By.CSS_SELECTOR, "p.topic").text
    _shot(browser, "story-in-topic")
    browser.find_element(By.CSS_SELECTOR, "p.topic a.topic-link").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "details.topic"))
