"""Worker-process embedding gives the vectors the in-process embedder gives."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.embed_pool import embed_slices
from assistant.index.embedder import get_embedder, onnx_model_path
from assistant.models import embedder_dir
from assistant.settings import Settings


def test_two_workers_match_the_in_process_embedder(small_index_settings: Settings) -> None:
    settings = small_index_settings
    if not onnx_model_path(settings).is_file():
        pytest.skip("the ONNX export is made by the first build; none in this cache")
    texts = [
        f"Provision {i}: the manufacturer shall answer for defect number {i}." for i in range(9)
    ]
    texts.append("Wer haftet, wenn ein fehlerhaftes Produkt einen Schaden verursacht?")
    slices = dict(
        embed_slices(
            texts, 4, onnx_model_path(settings), embedder_dir() / "tokenizer.json", workers=2
        )
    )
    assert sorted(slices) == [0, 4, 8]  # every slice once, whatever order they finished in
    pooled = np.concatenate([slices[start] for start in sorted(slices)])
    local = get_embedder(settings).embed(texts)
    assert pooled.shape == local.shape == (10, 384)
    assert float((pooled * local).sum(axis=1).min()) > 0.9999
