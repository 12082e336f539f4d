"""Offline model stack: tokenizer, embedder and the packaged LLM load with no network.

The network guard (pytest-socket) is active here, so a hidden download would fail these tests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.errors import ModelLoadError
from assistant.models import (
    LLM_MODEL,
    LlmModelSpec,
    assemble_llm,
    count_tokens,
    get_tokenizer,
    llm_status,
    load_llama,
    load_sentence_transformer,
)
from assistant.settings import Settings


def test_tokenizer_loads_offline() -> None:
    get_tokenizer.cache_clear()
    enc = get_tokenizer()
    assert enc.decode(enc.encode("Art 8(1)(a) PLD")) == "Art 8(1)(a) PLD"
    assert count_tokens("product liability") == 2


def test_embedder_loads_offline_with_384_dimensions() -> None:
    model = load_sentence_transformer()
    vectors = model.encode(["defective AI product", "Produkthaftung"], normalize_embeddings=True)
    assert vectors.shape == (2, 384)


def test_packaged_llm_is_assembled_and_hash_checked() -> None:
    ok, detail = llm_status()
    assert ok, detail
    assert "sha256 ok" in detail


def _fake_parts(tmp_path: Path, payload: bytes, parts: int) -> LlmModelSpec:
    """A fake model package set on sys.path, to test assembly without the 1.1 GB model."""
    root = tmp_path / "site"
    size = len(payload) // parts + 1
    for n in range(1, parts + 1):
        pkg = root / f"fakemodel_part{n}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "data" / f"part{n:02d}.bin").write_bytes(payload[(n - 1) * size : n * size])
    return LlmModelSpec(
        name="fake",
        filename="fake.gguf",
        part_package="fakemodel_part{n}",
        part_file="data/part{nn}.bin",
        parts=parts,
        sha256=hashlib.sha256(payload).hexdigest(),
        gguf_name_contains="fakemodel",
    )


def test_assembly_is_atomic_and_rejects_tampered_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = b"GGUF" + b"general.name fakemodel " + bytes(range(256)) * 40
    spec = _fake_parts(tmp_path, payload, parts=3)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    settings = Settings(cache_dir=tmp_path / "cache")
    seen: list[tuple[int, int]] = []
    path = assemble_llm(settings, spec, progress=lambda d, t: seen.append((d, t)))
    assert path.read_bytes() == payload
    assert seen[-1] == (len(payload), len(payload))
    # Tamper with one part: a fresh assembly must refuse it and leave no partial file.
    path.unlink()
    part = tmp_path / "site" / "fakemodel_part2" / "data" / "part02.bin"
    part.write_bytes(b"x" + part.read_bytes()[1:])
    with pytest.raises(ModelLoadError, match="hash"):
        assemble_llm(settings, spec)
    assert not path.exists()
    assert not list(path.parent.glob("*.partial"))


def test_missing_part_package_says_what_to_do(tmp_path: Path) -> None:
    spec = LlmModelSpec(
        name="absent",
        filename="absent.gguf",
        part_package="no_such_model_part{n}",
        part_file="data/part{nn}.bin",
        parts=2,
        sha256="0" * 64,
        gguf_name_contains="x",
    )
    with pytest.raises(ModelLoadError) as info:
        assemble_llm(Settings(cache_dir=tmp_path), spec)
    assert info.value.hint and "make run" in info.value.hint


@pytest.mark.slow
def test_embedded_llm_answers_offline() -> None:
    llama = load_llama(n_ctx=2048)
    out = llama.create_chat_completion(
        messages=[{"role": "user", "content": "Reply with the single word: ready"}],
        max_tokens=8,
        temperature=0,
    )
    assert "ready" in out["choices"][0]["message"]["content"].lower()
    assert LLM_MODEL.gguf_name_contains in str(llama.metadata.get("general.name", "")).lower()
