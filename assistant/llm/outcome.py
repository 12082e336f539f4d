"""What happened during an LLM call: attempts, error kinds, repairs, fallback.

Every provider call returns (or, for streams, exposes) a :class:`CallOutcome`. The chain stores
it with the answer, the UI shows ``user_message`` when something went wrong, and the eval
harness counts error kinds. Plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from assistant.errors import ProviderError

__all__ = [
    "AttemptRecord",
    "CallOutcome",
    "ErrorKind",
    "HealthReport",
    "ProviderCallFailed",
    "StructuredResult",
]

T = TypeVar("T", bound=BaseModel)


class ErrorKind(StrEnum):
    """Why an attempt failed. ``retryable`` kinds are tried again after a backoff."""

    TIMEOUT = "timeout"
    RATE_LIMITED = "rate_limited"  # HTTP 429
    SERVER_ERROR = "server_error"  # HTTP 5xx
    CONNECTION = "connection"  # refused, reset, DNS
    CLIENT_ERROR = "client_error"  # HTTP 4xx other than 429: key, model name, request shape
    CONTEXT_OVERFLOW = "context_overflow"  # prompt + output longer than the context window
    MODEL_UNAVAILABLE = "model_unavailable"  # package or model file missing, cannot load
    BAD_JSON = "bad_json"  # no recoverable JSON in the reply
    WRONG_SCHEMA = "wrong_schema"  # JSON that no repair turns into the schema
    EMPTY = "empty"  # an empty reply
    INTERRUPTED = "interrupted"  # a stream that broke after text was already shown
    BUSY = "busy"  # the embedded model's waiting line is full (assistant.llm.queue)
    UNKNOWN = "unknown"

    @property
    def retryable(self) -> bool:
        """Whether trying again can help."""
        return self not in _NOT_RETRYABLE


_NOT_RETRYABLE = frozenset(
    {
        ErrorKind.CLIENT_ERROR,
        ErrorKind.CONTEXT_OVERFLOW,
        ErrorKind.MODEL_UNAVAILABLE,
        ErrorKind.INTERRUPTED,
        ErrorKind.BUSY,  # the queue already waited or is full; retrying only adds load
    }
)

_USER_MESSAGES: dict[ErrorKind, str] = {
    ErrorKind.TIMEOUT: "The language model did not answer in time.",
    ErrorKind.RATE_LIMITED: "The language model service is rate-limiting requests (HTTP 429).",
    ErrorKind.SERVER_ERROR: "The language model service had a server error.",
    ErrorKind.CONNECTION: "The language model service could not be reached.",
    ErrorKind.CLIENT_ERROR: "The language model service rejected the request "
    "(check the API key, model name and base URL in the settings).",
    ErrorKind.CONTEXT_OVERFLOW: "The input is too long for the language model's context window.",
    ErrorKind.MODEL_UNAVAILABLE: "The language model is not available on this machine.",
    ErrorKind.BAD_JSON: "The language model's reply was not usable JSON.",
    ErrorKind.WRONG_SCHEMA: "The language model's reply did not have the expected structure.",
    ErrorKind.EMPTY: "The language model returned an empty reply.",
    ErrorKind.INTERRUPTED: "The language model's answer broke off part-way.",
    ErrorKind.BUSY: "The language model is busy with other requests; try again in a minute.",
    ErrorKind.UNKNOWN: "The language model call failed.",
}


def describe(kind: ErrorKind) -> str:
    """A sentence for the user about one error kind."""
    return _USER_MESSAGES[kind]


class AttemptRecord(BaseModel):
    """One try at a call."""

    number: int
    error: ErrorKind | None = None
    detail: str = ""
    elapsed_s: float = 0.0
    waited_s: float = Field(default=0.0, description="Backoff slept before this attempt.")


class CallOutcome(BaseModel):
    """The structured record of one logical LLM call (all its attempts)."""

    provider: str
    operation: Literal["structured", "stream", "text"]
    attempts: list[AttemptRecord] = Field(default_factory=list)
    ok: bool = False
    fell_back: bool = False
    truncated: bool = False
    repairs: list[str] = Field(default_factory=list)
    dropped: list[str] = Field(default_factory=list)
    elapsed_s: float = 0.0
    user_message: str | None = None

    @property
    def attempt_count(self) -> int:
        """How many attempts were made."""
        return len(self.attempts)

    @property
    def error_kinds(self) -> list[ErrorKind]:
        """The error kind of every failed attempt, in order."""
        return [a.error for a in self.attempts if a.error is not None]

    @property
    def retries(self) -> int:
        """Attempts beyond the first."""
        return max(0, len(self.attempts) - 1)

    def fall_back(self, kind: ErrorKind) -> None:
        """Mark the call as failed over to the deterministic path, with a message for the UI."""
        self.ok = False
        self.fell_back = True
        tries = len(self.attempts)
        self.user_message = (
            f"{describe(kind)} Tried {tries} time{'s' if tries != 1 else ''}; "
            "continuing without the language model (deterministic analysis)."
        )


class ProviderCallFailed(ProviderError):
    """A call failed after its retries; ``outcome`` says what happened, attempt by attempt."""

    def __init__(self, outcome: CallOutcome) -> None:
        super().__init__(
            outcome.user_message or "The language model call failed.",
            hint="the deterministic analysis is used instead; check `assistant doctor` "
            "and the LLM settings if this keeps happening",
        )
        self.outcome = outcome


@dataclass
class StructuredResult(Generic[T]):
    """A schema-valid value (or None after fallback) and what it took to get it."""

    value: T | None
    outcome: CallOutcome
    raw: str = ""

    @property
    def ok(self) -> bool:
        """True when ``value`` is usable."""
        return self.value is not None


class HealthReport(BaseModel):
    """Cheap status of the configured provider (for `doctor` and the settings page)."""

    provider: str
    ok: bool
    detail: str
    model: str | None = None
    endpoint: str | None = None
    latency_ms: float | None = None
