"""What a search returns: one hit per chunk, with its provision ID, score and metadata."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.index.chunks import Chunk

__all__ = ["Hit"]


class Hit(BaseModel):
    """One search result: a chunk of one provision, with its score and metadata."""

    id: str
    act: str
    version: str
    kind: str
    heading_path: list[str] = Field(default_factory=list)
    text: str
    score: float
    url: str | None = None
    status: str
    language: str = "en"
    top_level: str = ""
    key: str = ""
    sources: list[str] = Field(default_factory=list, description="dense / bm25 / bm25-fr / ref")

    @classmethod
    def from_chunk(cls, chunk: Chunk, score: float, sources: list[str]) -> Hit:
        """A hit for ``chunk``."""
        return cls(
            id=chunk.id,
            act=chunk.act,
            version=chunk.version,
            kind=chunk.kind,
            heading_path=chunk.heading_path,
            text=chunk.text,
            score=score,
            url=chunk.url,
            status=chunk.status,
            language=chunk.language,
            top_level=chunk.top_level,
            key=chunk.key,
            sources=sources,
        )
