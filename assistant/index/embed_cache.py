"""Embedding cache keyed by content hash (SQLite under the cache dir).

The key is sha256(embedder name + text embedded), so unchanged chunks are never embedded
twice, across index rebuilds, corpus updates and chunker changes that leave a text alone.
Writes are transactions: a build killed half way leaves only whole rows behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

__all__ = ["EmbeddingCache"]

_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (hash TEXT PRIMARY KEY, vec BLOB NOT NULL)"


class EmbeddingCache:
    """hash -> float32 vector."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get_many(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``hashes``."""
        wanted = list(dict.fromkeys(hashes))
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT hash, vec FROM vectors WHERE hash IN ({marks})", part
            ).fetchall()
            for key, blob in rows:
                out[str(key)] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def put_many(self, vectors: Mapping[str, np.ndarray]) -> None:
        """Store vectors (one transaction)."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (hash, vec) VALUES (?, ?)",
                ((k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()),
            )

    def __len__(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database."""
        self._db.close()
