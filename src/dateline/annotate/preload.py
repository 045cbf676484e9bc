"""Loaded by the workers' fork server only (`parallel.PRELOAD`): the spaCy pipeline, once, before any
worker is forked, so that each worker starts with it in memory (shared with the server until written)
instead of loading it again: 0.4 CPU s a worker, and again for every worker that replaces one.
Elsewhere `nlp.load_nlp` loads the pipeline on first use.

Only the pipeline is loaded here, never the tagger's encoder: loading it may start torch's OpenMP
threads, which a forked child must not inherit; spaCy's pipeline runs no torch operation to load.
"""

from __future__ import annotations

import logging

from dateline.nlp import load_nlp

logger = logging.getLogger(__name__)

try:
    load_nlp()
except Exception:  # the worker loads it again and reports the cause (a missing model) as the ingest's error
    logger.info("loading the spaCy pipeline in the fork server failed", exc_info=True)
