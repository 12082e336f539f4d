"""Embedding many texts at once (a cold build): two single-threaded worker processes.

Measured on the shared 2-core machine (all 2,948 texts a build embeds, load 4-5): one
process with onnxruntime's two intra-op threads used 45 CPU-s; one thread with batches of
8 used 36 CPU-s at the same wall time, since the two threads wait for each other at every
operator whenever the other core is busy. Two independent single-threaded processes keep
the cheaper kernel and still use both cores when they are free; under load each process
simply gets its share. Workers start with ``spawn`` (the build may have threads running)
and load the ONNX model once each.

Slices come back in completion order with their offset, so the caller caches each slice as
it arrives and a killed build keeps what it embedded.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["POOL_BATCH", "POOL_MIN_TEXTS", "embed_slices", "pool_workers"]

POOL_BATCH = 8  # texts per onnxruntime call in a worker (fewer pad tokens, cheaper on 1 thread)
POOL_MIN_TEXTS = 512  # below this the second process costs more than it saves

_WORKER: Any = None


def pool_workers() -> int:
    """Worker processes for a large embedding job (at most two: the box has two cores)."""
    return max(1, min(2, os.cpu_count() or 1))


def _init(model_file: str, tokenizer_file: str) -> None:
    global _WORKER
    from assistant.index.embedder import OnnxEmbedder
    from assistant.models import force_offline

    force_offline()
    _WORKER = OnnxEmbedder("worker", Path(model_file), Path(tokenizer_file), threads=1)


def _embed(texts: list[str]) -> np.ndarray:
    from assistant.index import embedder

    embedder.BATCH_SIZE = POOL_BATCH  # this worker process only
    vectors: np.ndarray = _WORKER.embed(texts)
    return vectors


def embed_slices(
    texts: Sequence[str],
    slice_size: int,
    model_file: Path,
    tokenizer_file: Path,
    workers: int | None = None,
) -> Iterator[tuple[int, np.ndarray]]:
    """(offset, vectors) for consecutive slices of ``texts``, as workers finish them."""
    count = workers or pool_workers()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        count,
        mp_context=context,
        initializer=_init,
        initargs=(str(model_file), str(tokenizer_file)),
    ) as pool:
        pending: dict[Future[np.ndarray], int] = {
            pool.submit(_embed, list(texts[start : start + slice_size])): start
            for start in range(0, len(texts), slice_size)
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
