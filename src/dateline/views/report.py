"""One self-contained HTML report of a story, to mail or archive (`dateline export --format html`).

Briefing, timeline chart, fact ledger with each value's history chart and
sources, contradictions and outlets, in one file with inline CSS and SVG and no
script. Article text is escaped by the template, and the page's
Content-Security-Policy allows no script at all, so nothing in it can run.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import jinja2
from markupsafe import Markup

from dateline.link.current import carried_by
from dateline.store import Store
from dateline.views.brief import brief
from dateline.views.markdown import brief_outlets
from dateline.views.timeline import story_timeline
from dateline.web import data, svg

TEMPLATE = "report.html"
_TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"
_STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def render_report(store: Store, story: str | None, *, as_of: date | None = None) -> str:
    """The report of a story (id, id prefix or title words; the largest when None) as one HTML page."""
    summary = brief(store, story, as_of=as_of)
    return _environment().get_template(TEMPLATE).render(
        brief=summary,
        timeline=story_timeline(store, summary.story, as_of=as_of),
        ledger=data.ledger(store, summary.story, as_of),
        conflicts=data.contradictions(store, summary.story),
        outlets=data.outlets(store, summary.story),
        css=Markup((_STATIC / "app.css").read_text(encoding="utf-8")),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    # svg.py escapes every article string it places, so its output is trusted markup.
    env.globals["timeline_svg"] = lambda entries: Markup(svg.timeline_svg(entries))
    env.filters["carried_by"] = carried_by  # "carried by 2 outlets (A, B): 2 independent sources"
    env.filters["articles_from"] = brief_outlets  # "5 articles from 2 outlets (A 3, B 1)"
    env.globals["history_svg"] = lambda fact: Markup(svg.history_svg(fact))
    return env
