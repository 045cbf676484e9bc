"""The web app driven in headless Chromium (Debian's chromium + chromium-driver, via Selenium).

Scenario: load the bundled example (plus two hostile articles), open a story,
move the as-of date, zoom the timeline, open a fact's history, open an article,
search; on every page no script planted in an article runs. Set
DATELINE_SCREENSHOTS=DIR to save a screenshot of each step (docs/img/ uses them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

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


@pytest.fixture(scope="module")
def server(db):
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
    _shot(browser, "stories")
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
    _shot(browser, "story")

    # move the as-of date with the slider: the page reloads as of an earlier day
    slider = browser.find_element(By.ID, "as-of-slider")
    browser.execute_script(
        "arguments[0].value = 3; arguments[0].dispatchEvent(new Event('input'));"
        "arguments[0].dispatchEvent(new Event('change'));", slider)
    _wait(lambda: "as_of=" in browser.current_url)
    assert "Briefing as of" in browser.page_source
    _shot(browser, "story-as-of")

    # a fact's history
    browser.find_element(By.CSS_SELECTOR, "a.fact-link").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#history svg circle.report"))
    assert "Value history" in browser.page_source
    _shot(browser, "fact")

    # an article from the fact's sources
    browser.find_element(By.CSS_SELECTOR, "blockquote a.cite").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".text .m-entity"))
    assert browser.find_elements(By.CSS_SELECTOR, ".text .m-timex")
    _shot(browser, "article")
    _no_planted_script_ran(browser)

    # search from the header
    box = browser.find_element(By.CSS_SELECTOR, "header input[type=search]")
    box.send_keys("agadez handover\n")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "ol.hits mark"))
    _shot(browser, "search")

    # who repeats whom, from the story's tabs
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "a.story-link").click()
    browser.find_element(By.LINK_TEXT, "Copies").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "section.copy blockquote"))
    assert "repeats" in browser.find_element(By.CSS_SELECTOR, "section.copy").text
    _shot(browser, "copies")


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
