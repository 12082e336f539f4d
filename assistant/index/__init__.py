"""Retrieval over the provision tree: structure-aware chunks, dense (MiniLM via ONNX, Chroma)
+ BM25 + exact references, fused by reciprocal rank with a legal ranking policy.

Public API (heavy modules load lazily, on first use)::

    build_index(settings=None, corpus=None, progress=None, *, force=False) -> BuildReport
    index_status(settings=None) -> IndexStatus            # cheap: no torch, no Chroma
    get_retriever(settings=None) -> HybridRetriever       # cached per index generation
    HybridRetriever.search(query, k=8, *, acts=None, kinds=None, version=None, as_of=None)
        -> list[Hit]
    LegalRetriever                                        # LangChain BaseRetriever
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from assistant.index.build import BuildReport, build_index
from assistant.index.status import IndexStatus, index_status

if TYPE_CHECKING:  # pragma: no cover
    from assistant.index.langchain_retriever import LegalRetriever
    from assistant.index.retriever import Hit, HybridRetriever
    from assistant.settings import Settings

__all__ = [
    "BuildReport",
    "Hit",
    "HybridRetriever",
    "IndexStatus",
    "LegalRetriever",
    "build_index",
    "get_retriever",
    "index_status",
]

_CACHE: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()


def get_retriever(settings: Settings | None = None) -> HybridRetriever:
    """The retriever for the live index generation, created once per generation."""
    from assistant.index.layout import read_current
    from assistant.index.retriever import HybridRetriever
    from assistant.settings import get_settings

    settings = settings or get_settings()
    current = read_current(settings.index_dir)
    generation = current[0].name if current else ""
    key = (str(settings.index_dir), generation)
    with _LOCK:
        retriever = _CACHE.get(key)
        if retriever is None:
            retriever = HybridRetriever(settings)
            _CACHE.clear()
            _CACHE[key] = retriever
    result: HybridRetriever = retriever
    return result


def __getattr__(name: str) -> Any:
    if name in ("Hit", "HybridRetriever"):
        from assistant.index import retriever

        return getattr(retriever, name)
    if name == "LegalRetriever":
        from assistant.index.langchain_retriever import LegalRetriever

        return LegalRetriever
    raise AttributeError(name)
