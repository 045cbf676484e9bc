"""Articles written for the tests, as the pipeline annotates them: one helper for the fact-type tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateline.annotate.pipeline import annotate
from dateline.model import AnnotatedDocument, Document, PublishedDate


def news_documents(reports: Sequence[tuple[str | None, str]], prefix: str = "a") -> list[Document]:
    """One document per (day, text), from "Outlet 0", "Outlet 1", ...; a day of None is an undated article."""
    return [Document(f"{prefix}{i}", f"{prefix}{i}", text, None, f"Outlet {i}", None, None, "en",
                     PublishedDate(date.fromisoformat(day), "metadata", 1.0, "test") if day
                     else PublishedDate(None, "none", 0.0, "test"))
            for i, (day, text) in enumerate(reports)]


def annotated_news(reports: Sequence[tuple[str | None, str]], prefix: str = "a") -> list[AnnotatedDocument]:
    """The annotated articles of `news_documents` (any the pipeline refuses are left out)."""
    return [a for a in annotate(news_documents(reports, prefix)) if isinstance(a, AnnotatedDocument)]
