"""Provenance of a fact: who said it, and on what text it rests.

Kept as parallel metadata (``Case.provenance``, keyed by the fact's dotted path) rather than a
wrapper around every value, so the case stays a plain JSON object an LLM can fill with
schema-constrained decoding, and the UI can show or edit one fact's source without touching
the value.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.facts.enums import Source

__all__ = ["MAX_QUOTE_CHARS", "Provenance"]

MAX_QUOTE_CHARS = 500


class Provenance(BaseModel):
    """Source of one fact: stated by the user, extracted (with the quote), or assumed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Source = Field(description="user | extracted | assumed")
    quote: str | None = Field(
        default=None,
        max_length=MAX_QUOTE_CHARS,
        description="The words of the narrative or upload the fact was extracted from.",
    )
    note: str | None = Field(
        default=None, max_length=300, description="Why it was assumed, or where it came from."
    )

    @classmethod
    def user(cls) -> Provenance:
        """Stated by the user."""
        return cls(source=Source.USER)

    @classmethod
    def extracted(cls, quote: str) -> Provenance:
        """Extracted from text; ``quote`` is truncated to the allowed length."""
        return cls(source=Source.EXTRACTED, quote=quote[:MAX_QUOTE_CHARS])

    @classmethod
    def assumed(cls, note: str | None = None) -> Provenance:
        """A default or inference the user should confirm."""
        return cls(source=Source.ASSUMED, note=note[:300] if note else None)
