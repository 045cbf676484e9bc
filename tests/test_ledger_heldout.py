"""bench/ledger_heldout.py on real ECB+ articles: two sub-events are written as JSONL and ingested,
every article is stored, the briefing and baseline files hold the fields a judge needs, the blind
file names no system, and a verdicts file written here is counted right."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
ECB_TOPICS = ROOT / ".cache" / "benchmarks" / "events-ecbplus-topics1-35" / "ecbplus" / "ECB+"
SCRIPT = ROOT / "bench" / "ledger_heldout.py"
SUBEVENTS = ("11-ecbplus", "20-ecb")  # small: 5 and 9 articles; one dated by URL, one undated
BRIEF_FIELDS = {"corpus", "as_of", "question", "current", "reason", "disputed", "documents"}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SHARED.exists() or not ECB_TOPICS.exists(),
                       reason="../shared/benchmarks or the unpacked ECB+ (.cache/benchmarks) is absent"),
]


def bench(*args: str) -> str:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, str(SCRIPT), *args, "--subevents", ",".join(SUBEVENTS)],
                          cwd=ROOT / "bench", env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("heldout")
    bench("--make", str(folder), "--ingest", str(folder))
    return folder


def xml_documents(subevent: str) -> list[str]:
    topic, kind = subevent.split("-")
    return sorted(p.stem for p in (ECB_TOPICS / topic).glob(f"{topic}_*{kind}.xml") if p.stem.endswith(kind)
                  and (kind == "ecbplus" or not p.stem.endswith("ecbplus")))


@pytest.mark.parametrize("subevent", SUBEVENTS)
def test_every_article_is_written_and_stored(built, subevent):
    records = [json.loads(line) for line in (built / f"{subevent}.jsonl").read_text().splitlines()]
    assert sorted(r["id"] for r in records) == sorted(f"ecb-{name}" for name in xml_documents(subevent))
    assert all(r["text"] and "http : / /" not in r["text"] for r in records)
    with Store(built / f"{subevent}.db") as store:
        assert sorted(d.id for d in store.documents()) == sorted(r["id"] for r in records)


@pytest.mark.parametrize("url_tokens, url, published", [
    ("http : / / www . example . com / 2013 / may / 03 / local / quake - hits - town",
     "http://www.example.com/2013/may/03/local/quake-hits-town", "2013-05-03"),
    ("http : / / example . org / news / 2007 - 04 - 09 - office - fire _ N . htm",
     "http://example.org/news/2007-04-09-office-fire_N.htm", "2007-04-09"),
    ("http : / / example . net / story ? ymd=20081216&id=3", "http://example.net/story?ymd=20081216&id=3", "2008-12-16"),
    ("http : / / example . com / 2013 / 08 / host - named /", "http://example.com/2013/08/host-named/", None),
], ids=["month-name", "dashed", "compact", "month-only"])
def test_ecbplus_url_is_rejoined_and_dated(url_tokens, url, published):
    """The opening URL leaves the text, rejoined, with the full date it holds (none for a month);
    split compounds and clock times are put back together, a clause dash is kept."""
    sys.path.insert(0, str(ROOT / "bench"))
    from ledger_heldout import to_article

    body = ("Fire crews fought a 12 - hour blaze - the third this year .\n"
            "It began at 1: 32 a.m . on Friday ; 1, 400, 000 gallons of water and 5-foot-8, 135 trucks .")
    article = to_article("99_1ecbplus", f"{url_tokens}\n{body}")
    assert (article.id, article.url, article.published) == ("ecb-99_1ecbplus", url, published)
    assert article.text == ("Fire crews fought a 12-hour blaze - the third this year.\n"
                            "It began at 1:32 a.m. on Friday; 1,400,000 gallons of water and 5-foot-8, 135 trucks.")
    assert to_article("99_1ecb", body).url is None


def test_brief_and_baseline_files_validate(built):
    brief, baseline, judge = built / "brief.json", built / "baseline.json", built / "judge.json"
    bench("--stores", str(built), "--brief-out", str(brief), "--baseline-out", str(baseline),
          "--judge-out", str(judge))
    rows = json.loads(brief.read_text()) + json.loads(baseline.read_text())
    assert rows and {r["corpus"] for r in json.loads(baseline.read_text())} == set(SUBEVENTS)
    for row in rows:
        assert set(row) == BRIEF_FIELDS and row["corpus"] in SUBEVENTS
        assert row["question"].endswith("?") and row["current"] and row["documents"]
        assert all(d.startswith("ecb-") for d in row["documents"])
    items, key = json.loads(judge.read_text()), json.loads((built / "judge.key.json").read_text())
    assert len(items) == len(rows) and set(key) == {i["item"] for i in items}
    assert sorted(key.values()).count("baseline") == len(SUBEVENTS)
    assert all("system" not in i and "reason" not in i for i in items)


def test_score_counts_verdicts_per_system(tmp_path):
    items = [{"item": "q0001", "corpus": "20-ecb", "question": "How many people were hurt?", "current": "5"},
             {"item": "q0002", "corpus": "20-ecb", "question": "How many buildings?", "current": "2"},
             {"item": "q0003", "corpus": "11-ecbplus", "question": "When is the vote?", "current": "2013-12-15"}]
    (tmp_path / "judge.json").write_text(json.dumps(items))
    (tmp_path / "judge.key.json").write_text(json.dumps({"q0001": "dateline", "q0002": "baseline",
                                                         "q0003": "dateline"}))
    verdicts = [
        {"corpus": "20-ecb", "question": "How many people were hurt?", "current_value": "5",
         "verdict": "well-formed and right", "reason": "as reported"},
        {"item": "q0002", "corpus": "20-ecb", "question": "How many buildings?", "current_value": "2",
         "verdict": "not well-formed", "reason": "which buildings?"},
        {"corpus": "11-ecbplus", "question": "When is the vote?", "current_value": "2013-12-15",
         "verdict": "well-formed, wrong", "reason": "another date"},
        {"corpus": "11-ecbplus", "missing": "Who won the election?"},
    ]
    (tmp_path / "verdicts.json").write_text(json.dumps(verdicts))
    (tmp_path / "20-ecb.jsonl").write_text("{}\n")
    (tmp_path / "11-ecbplus.jsonl").write_text("{}\n")
    out = subprocess.run([sys.executable, str(SCRIPT), "--stores", str(tmp_path), "--score",
                          str(tmp_path / "verdicts.json"), "--key", str(tmp_path / "judge.key.json")],
                         cwd=ROOT / "bench", capture_output=True, text=True, timeout=120, check=True).stdout
    sections = dict(part.split("\n", 1) for part in out.split("== ")[1:])
    dateline, baseline = sections["dateline"].splitlines(), sections["baseline"].splitlines()
    row = lambda lines, name: next(line.split()[1:] for line in lines if line.startswith(name + " "))
    # shown, right, wrong, not well-formed, missing
    assert row(dateline, "20-ecb") == ["1", "1", "0", "0", "0"]
    assert row(dateline, "11-ecbplus") == ["1", "0", "1", "0", "1"]
    assert row(dateline, "total") == ["2", "1", "1", "0", "1"]
    assert row(baseline, "total") == ["1", "0", "0", "1", "1"]
    assert "at least one question: 2/2" in sections["dateline"]
    assert "at least one question: 1/2" in sections["baseline"]
