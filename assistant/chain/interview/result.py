"""What applying an answer returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.facts import Case
from assistant.llm.outcome import CallOutcome

__all__ = ["AnswerResult"]


class AnswerResult(BaseModel):
    """The case after an answer, and what to tell the user."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    case: Case
    changed: list[str] = Field(default_factory=list, description="Fact paths set from the answer.")
    understood: str | None = Field(None, description="Short confirmation of what was understood.")
    clarification: str | None = Field(None, description="What to ask back when not understood.")
    unknown: bool = Field(False, description="The user said they do not know.")
    parsed_by: Literal["rules", "model"] | None = None
    outcome: CallOutcome | None = None

    @property
    def ok(self) -> bool:
        """True when the answer was used (facts set, or a "don't know" noted)."""
        return self.clarification is None
