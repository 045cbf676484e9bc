"""Citations: the sentence behind any span, so every answer can be traced to its source."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import Citation, Document, Sentence


def cite(doc: Document, sentences: Sequence[Sentence], start: int, end: int) -> Citation:
    """The sentence around a span, as a citation."""
    sentence = next((s for s in sentences if s.start <= start < s.end), None)
    s, e = (sentence.start, max(sentence.end, end)) if sentence else (start, end)
    return Citation(doc.id, s, e, doc.text[s:e], doc.outlet, doc.published.value)
