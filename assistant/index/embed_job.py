"""The embedding step of a build: vectors for the chunks that get one, by content hash.

Cached vectors are read from the SQLite cache (``embed_cache``); missing ones are embedded
slice by slice and cached as each slice arrives, so a killed build keeps what it embedded.
A large job (a cold build) goes to two worker processes (``embed_pool``), a small one stays
in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.index.chunks import Chunk
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.index.embed_cache import EmbeddingCache

__all__ = ["EMBED_SLICE", "Progress", "embed_missing"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)
EMBED_SLICE = 256  # cache writes per slice: a killed build keeps what it embedded


def embed_missing(
    settings: Settings, dense: Sequence[Chunk], progress: Progress | None
) -> tuple[dict[str, object], int, int, str]:
    """Vectors for ``dense`` chunks by content hash: cached ones read, missing ones embedded."""
    from assistant.index.embed_cache import EmbeddingCache

    name = settings.embedder
    cache = EmbeddingCache(settings.cache_dir / "embeddings" / f"{name}.sqlite3")
    try:
        hashes = [c.content_hash(name) for c in dense]
        vectors: dict[str, object] = dict(cache.get_many(hashes))
        todo: dict[str, str] = {}
        for chunk, digest in zip(dense, hashes, strict=True):
            if digest not in vectors:
                todo.setdefault(digest, chunk.embed_text)
        cached = len(set(hashes)) - len(todo)
        backend: str = settings.embed_backend  # nothing new to embed
        if todo:
            items = sorted(todo.items(), key=lambda kv: len(kv[1]))
            backend = _embed_items(settings, items, vectors, cache, progress)
        return vectors, len(todo), cached, backend
    finally:
        cache.close()


def _embed_items(
    settings: Settings,
    items: Sequence[tuple[str, str]],
    vectors: dict[str, object],
    cache: EmbeddingCache,
    progress: Progress | None,
) -> str:
    """Embed (hash, text) items into ``vectors`` and the cache, slice by slice; returns the
    backend used. Large jobs go to worker processes (``embed_pool``), small ones stay here."""
    from assistant.index.embed_pool import POOL_MIN_TEXTS, embed_slices, pool_workers
    from assistant.index.embedder import get_embedder, onnx_model_path
    from assistant.models import embedder_dir

    texts = [text for _, text in items]
    done = 0

    def store(start: int, vecs: Any) -> None:
        nonlocal done
        fresh = {h: vecs[i] for i, (h, _) in enumerate(items[start : start + EMBED_SLICE])}
        cache.put_many(fresh)
        vectors.update(fresh)
        done += len(fresh)
        if progress:
            progress("embed", done, len(items))

    pooled = (
        settings.embed_backend == "onnx" and len(items) >= POOL_MIN_TEXTS and pool_workers() > 1
    )
    if pooled:
        model = onnx_model_path(settings)
        if not model.is_file():
            get_embedder(settings)  # exports the ONNX model once, here
        try:
            for start, vecs in embed_slices(
                texts, EMBED_SLICE, model, embedder_dir() / "tokenizer.json"
            ):
                store(start, vecs)
            return "onnx"
        except (OSError, RuntimeError) as exc:  # a worker that cannot start: embed here
            import warnings

            warnings.warn(f"embedding workers failed ({exc}); embedding in-process", stacklevel=2)
    embedder = get_embedder(settings)
    for start in range(0, len(items), EMBED_SLICE):
        if all(h in vectors for h, _ in items[start : start + EMBED_SLICE]):
            continue  # done by a worker before it failed
        store(start, embedder.embed(texts[start : start + EMBED_SLICE]))
    return embedder.backend
