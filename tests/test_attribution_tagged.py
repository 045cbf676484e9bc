"""Attributions as the pipeline finds them: the rules merged with the span tagger.

Each construction the attribution issue names, in sentences written for these
tests; the speaker, its anonymity, whether it is a quote, and how the content
reads (its own cue and source cut out). Skipped when the tagger (the
embeddings extra) is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.annotate import span_tagger
from tests.test_attribution import _attributions

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not span_tagger.available(), reason="span tagger (embeddings extra) not installed"),
]


@pytest.fixture(autouse=True)
def _tagger_on(monkeypatch):
    monkeypatch.delenv("DATELINE_TAGGER", raising=False)


# (text, content, speaker, anonymous, direct)
CONSTRUCTIONS = [
    pytest.param("“Our presence will shrink over the coming year,” defence spokesperson Maria Lopez told reporters.",
                 "Our presence will shrink over the coming year", "Maria Lopez", False, True, id="curly-quote"),
    pytest.param('"We were close to a deal," the Egyptian foreign ministry said.',
                 "We were close to a deal", "Egyptian foreign ministry", False, True, id="straight-quote"),
    pytest.param("Defence spokesperson Maria Lopez spoke on Tuesday. “No,” she added, “the army is not leaving the north.”",
                 "No, the army is not leaving the north", "Maria Lopez", False, True, id="quote-split-by-cue"),
    pytest.param("“The talks are over,” Hanna Berg said. “Nobody wants them back now.”",
                 "The talks are over. Nobody wants them back now", "Hanna Berg", False, True,
                 id="quote-over-two-sentences"),
    pytest.param("Defense Secretary Lloyd Austin said that the troops would stay until spring.",
                 "that the troops would stay until spring", "Lloyd Austin", False, False, id="said-that"),
    pytest.param("Jordanian officials warned the border could close within days.",
                 "the border could close within days", "Jordanian officials", True, False, id="warned"),
    pytest.param("According to people familiar with the matter, the deal will be signed next week.",
                 "the deal will be signed next week", "people familiar with the matter", True, False,
                 id="according-to"),
    pytest.param("Baghdad wants foreign troops to leave by next year.",
                 "foreign troops to leave by next year", "Baghdad", False, False, id="intention"),
    pytest.param("A senior U.S. official said that the plan was final.",
                 "that the plan was final", "senior U.S. official", True, False, id="anonymous-official"),
    pytest.param("The joint statement said the coalition mission would end in September 2025.",
                 "the coalition mission would end in September 2025", "joint statement", False, False,
                 id="institutional-statement"),
    pytest.param("It was announced that the base would close.",
                 "that the base would close", "unnamed source", True, False, id="passive-no-source"),
    pytest.param("Critics blasted the plan on Monday.", "the plan", "Critics", True, False, id="stance-verb"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "anonymous", "direct"), CONSTRUCTIONS)
def test_construction(text, content, speaker, anonymous, direct):
    found = [(a.content, a.speaker, a.anonymous, a.direct) for a in _attributions(text) if a.nested_in is None]
    assert (content, speaker, anonymous, direct) in found, found


@pytest.mark.parametrize(
    "text",
    ["The storm destroyed three bridges.", "Rebels seized the town on Monday.", "The price of bread rose in May."],
    ids=["storm", "seizure", "price"],
)
def test_events_are_not_attributions(text):
    assert _attributions(text) == ()


def test_a_long_tail_cue_the_rules_miss(monkeypatch):
    text = "Senator Ruth Adebayo co-sponsored a bill to cut ferry fares."
    monkeypatch.setenv("DATELINE_TAGGER", "0")
    assert _attributions(text) == ()
    monkeypatch.delenv("DATELINE_TAGGER")
    assert [(a.speaker, a.content) for a in _attributions(text)] == [("Ruth Adebayo", "bill to cut ferry fares")]


@pytest.mark.seeds
def test_seed_quotes_keep_their_speakers():
    if not SEEDS.is_dir():
        pytest.skip("shared seeds are absent")
    found = [a for path in sorted(SEEDS.glob("*.txt")) for a in _attributions(path.read_text("utf-8"))]
    for content, speaker, anonymous in [
        ("This is not a withdrawal", "senior U.S. official", True),
        ("No, the US is not withdrawing from Iraq", "Sabrina Singh", False),
        ("We were very close to announcing this agreement", "foreign ministry", False),
    ]:
        match = next((a for a in found if a.content.startswith(content)), None)
        assert match is not None, [a.content for a in found]
        assert speaker in match.speaker and match.anonymous is anonymous and match.direct
