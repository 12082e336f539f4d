"""Chroma vector store: embedded ``PersistentClient`` by default, ``HttpClient`` against a
shared ``chroma run`` server when ``ASSISTANT_CHROMA_URL`` is set.

We always pass our own vectors: a collection is created with no embedding function, so Chroma
never tries to download its default model. Telemetry is off. Metadata filters are applied by
the retriever after the vector search: Chroma's ``where`` turns a 1 ms HNSW query into a
15-25 ms scan over this corpus (measured, 5,000 vectors).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from assistant.errors import ConfigError, IndexBuildError

__all__ = ["LOCAL_COLLECTION", "VectorStore", "make_client", "server_collection_name"]

LOCAL_COLLECTION = "legal-chunks"


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def make_client(chroma_url: str | None, local_path: Path | None) -> Any:
    """An HTTP client for ``chroma_url``, else a persistent client at ``local_path``."""
    import chromadb

    if chroma_url:
        parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ConfigError(
                f"ASSISTANT_CHROMA_URL is not a URL: {chroma_url!r}",
                hint="use e.g. http://127.0.0.1:8000 (a server started with `chroma run`)",
            )
        port = parsed.port or (443 if parsed.scheme == "https" else 8000)
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=port,
                ssl=parsed.scheme == "https",
                settings=_chroma_settings(),
            )
            client.heartbeat()
        except Exception as exc:  # connection errors come in many types
            raise IndexBuildError(
                f"cannot reach the Chroma server at {chroma_url}: {exc}",
                hint="start it with `chroma run --path DIR --port N`, or unset ASSISTANT_CHROMA_URL",
            ) from exc
        return client
    if local_path is None:
        raise IndexBuildError("no local index path given", hint="run `assistant index build`")
    local_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(local_path), settings=_chroma_settings())


def server_collection_name(build_key: str) -> str:
    """Collection name on a shared server: one per build key, so builds never collide."""
    return f"legal-chunks-{build_key[:24]}"


class VectorStore:
    """One Chroma collection of chunk vectors."""

    def __init__(self, client: Any, name: str, *, create: bool = False) -> None:
        self.client = client
        self.name = name
        self._size: int | None = None
        if create:
            self.collection = client.get_or_create_collection(
                name=name,
                embedding_function=None,
                # A wide search beam: at ~3,000 vectors it costs well under a millisecond
                # and makes the approximate search return the exact neighbours.
                metadata={
                    "hnsw:space": "cosine",
                    "hnsw:construction_ef": 200,
                    "hnsw:search_ef": 200,
                },
            )
        else:
            try:
                self.collection = client.get_collection(name=name, embedding_function=None)
            except Exception as exc:
                raise IndexBuildError(
                    f"the index collection {name!r} is missing from Chroma",
                    hint="run `assistant index build`",
                ) from exc

    def add(
        self,
        keys: Sequence[str],
        vectors: np.ndarray,
        metadatas: Sequence[dict[str, Any]],
        documents: Sequence[str],
    ) -> None:
        """Add (or overwrite) vectors in server-sized batches."""
        try:
            batch = int(self.client.get_max_batch_size())
        except Exception:
            batch = 1000
        batch = max(1, min(batch, 2000))
        for start in range(0, len(keys), batch):
            end = start + batch
            self.collection.upsert(
                ids=list(keys[start:end]),
                embeddings=vectors[start:end],
                metadatas=list(metadatas[start:end]),
                documents=list(documents[start:end]),
            )

    def count(self) -> int:
        """Number of vectors stored."""
        return int(self.collection.count())

    def mark_complete(self, info: dict[str, Any]) -> None:
        """Record in the collection's metadata that a build finished filling it."""
        meta = dict(self.collection.metadata or {})
        for key in [k for k in meta if k.startswith("hnsw:")]:
            meta.pop(key)
        meta.update({f"assistant:{k}": v for k, v in info.items()})
        meta["assistant:complete"] = True
        self.collection.modify(metadata=meta)

    def is_complete(self, expected: int) -> bool:
        """True if a build finished this collection with ``expected`` vectors."""
        meta = self.collection.metadata or {}
        return bool(meta.get("assistant:complete")) and self.count() == expected

    def all_vectors(self) -> tuple[list[str], np.ndarray]:
        """Every key and vector in the collection (for exact search in memory)."""
        got = self.collection.get(include=["embeddings"])
        return [str(k) for k in got["ids"]], np.asarray(got["embeddings"], dtype=np.float32)

    def query(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """Nearest ``n`` (key, cosine similarity)."""
        if self._size is None:  # count() costs ~4 ms on every call: ask once
            self._size = self.count()
        n = max(1, min(n, self._size))
        result = self.collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=n,
            include=["distances"],
        )
        ids = result["ids"][0]
        distances = result["distances"][0] if result.get("distances") else [0.0] * len(ids)
        return [(str(i), 1.0 - float(d)) for i, d in zip(ids, distances, strict=False)]
