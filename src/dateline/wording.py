"""Small helpers for the words every renderer shares, so the CLI, Markdown and HTML say things alike."""

from __future__ import annotations


def plural(n: int, noun: str) -> str:
    """ "1 article", "3 articles" """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
