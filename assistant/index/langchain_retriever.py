"""LangChain ``BaseRetriever`` over the hybrid search, returning ``Document``s whose metadata
carries the provision ID, act, version, kind, heading path, status, URL and score."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from assistant.index.retriever import Hit, HybridRetriever

__all__ = ["LegalRetriever", "hit_to_document"]


def hit_to_document(hit: Hit) -> Document:
    """A LangChain document for one hit (metadata scalars only, as vector stores expect)."""
    return Document(
        page_content=hit.text,
        id=hit.key or None,
        metadata={
            "id": hit.id,
            "act": hit.act,
            "version": hit.version,
            "kind": hit.kind,
            "heading_path": " > ".join(hit.heading_path),
            "status": hit.status,
            "url": hit.url or "",
            "score": hit.score,
            "top_level": hit.top_level,
            "language": hit.language,
        },
    )


class LegalRetriever(BaseRetriever):
    """Provisions for a question. ``k`` and the filters can be set here or per call:
    ``retriever.invoke("who is liable?", k=3, acts=["PLD_2024"])``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any = Field(default=None, description="A HybridRetriever; built lazily if None.")
    k: int = 8
    acts: Sequence[str] | None = None
    kinds: Sequence[str] | None = None
    version: str | None = None
    as_of: date | None = None

    def _hybrid(self) -> HybridRetriever:
        if self.retriever is None:
            from assistant.index import get_retriever

            self.retriever = get_retriever()
        hybrid: HybridRetriever = self.retriever
        return hybrid

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        hits = self._hybrid().search(
            query,
            k=int(kwargs.get("k", self.k)),
            acts=kwargs.get("acts", self.acts),
            kinds=kwargs.get("kinds", self.kinds),
            version=kwargs.get("version", self.version),
            as_of=kwargs.get("as_of", self.as_of),
        )
        return [hit_to_document(h) for h in hits]
