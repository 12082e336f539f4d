"""``index_status``: what is built and whether it is current, without loading anything heavy
(no torch, no Chroma, no bm25s): reads the pointer, the manifest and the corpus fingerprint."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from assistant.index.build import check_noop
from assistant.index.layout import read_current
from assistant.settings import Settings, get_settings

__all__ = ["IndexStatus", "index_status"]


class IndexStatus(BaseModel):
    """The live index, if any, and whether a build would change it."""

    built: bool
    up_to_date: bool
    index_dir: str
    generation: str | None = None
    key: str | None = None
    built_at: datetime | None = None
    chunks: int = 0
    dense_chunks: int = 0
    by_act: dict[str, int] = Field(default_factory=dict)
    embedder: str | None = None
    embed_backend: str | None = None
    chunker_version: str | None = None
    chroma_mode: str | None = None
    chroma_url: str | None = None
    versions: list[str] = Field(default_factory=list)
    reason: str = ""

    @property
    def summary(self) -> str:
        """One line for people (``assistant doctor``)."""
        if not self.built:
            return f"no index yet under {self.index_dir}" + (
                f" ({self.reason})" if self.reason else ""
            )
        state = "up to date" if self.up_to_date else f"out of date ({self.reason or 'rebuild'})"
        where = f"Chroma server {self.chroma_url}" if self.chroma_mode != "local" else "embedded"
        return (
            f"{state}: {self.chunks:,} chunks ({self.dense_chunks:,} embedded with "
            f"{self.embedder} via {self.embed_backend}), {len(self.versions)} text versions, "
            f"{where}, {self.index_dir}"
        )


def index_status(settings: Settings | None = None) -> IndexStatus:
    """Status of the index under ``settings.index_dir`` (cheap)."""
    settings = settings or get_settings()
    current = read_current(settings.index_dir)
    if current is None:
        return IndexStatus(
            built=False,
            up_to_date=False,
            index_dir=str(settings.index_dir),
            reason="no index built yet: run `assistant index build`",
        )
    _, m = current
    fresh = check_noop(settings) is not None
    return IndexStatus(
        built=True,
        up_to_date=fresh,
        index_dir=str(settings.index_dir),
        generation=m.generation,
        key=m.key,
        built_at=m.built_at,
        chunks=m.chunks,
        dense_chunks=m.dense_chunks,
        by_act=m.by_act,
        embedder=m.embedder,
        embed_backend=m.embed_backend,
        chunker_version=m.chunker_version,
        chroma_mode=m.chroma_mode,
        chroma_url=m.chroma_url,
        versions=[
            f"{s.act}@{s.version}/{s.language}" + (" (recitals)" if s.recitals_only else "")
            for s in m.selected
        ],
        reason="" if fresh else "the corpus, settings or code changed: run `assistant index build`",
    )
