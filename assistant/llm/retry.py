"""Retry policy with exponential backoff, and mapping of provider exceptions to error kinds.

Our layer owns retries: the SDK clients are built with ``max_retries=0`` so that every attempt
is visible in the :class:`~assistant.llm.outcome.CallOutcome`. Classification looks at the
exception chain generically (status codes, httpx/SDK timeout classes, llama.cpp messages) so
that OpenAI, Anthropic, Ollama and the embedded model all map onto the same kinds.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import ModelLoadError
from assistant.llm.outcome import ErrorKind
from assistant.llm.queue import ModelBusyError

__all__ = ["ClassifiedError", "OutputProblem", "RetryPolicy", "classify_error"]


class OutputProblem(Exception):
    """A reply that arrived but cannot be used (bad JSON, wrong schema, empty)."""

    def __init__(self, kind: ErrorKind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class ClassifiedError:
    """An exception reduced to what the retry loop needs."""

    kind: ErrorKind
    detail: str
    retry_after_s: float | None = None


@dataclass
class RetryPolicy:
    """``retries`` extra attempts; delay = base * 2**(n-1), jittered, capped, >= Retry-After."""

    retries: int = 2
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0
    jitter: float = 0.25
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def delay(self, retry_number: int, retry_after_s: float | None = None) -> float:
        """Seconds to wait before retry ``retry_number`` (1-based)."""
        delay = self.base_delay_s * (2 ** (retry_number - 1))
        delay *= 1 + random.uniform(-self.jitter, self.jitter)
        if retry_after_s is not None:
            delay = max(delay, retry_after_s)
        return float(max(0.0, min(delay, self.max_delay_s)))


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 8:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _status_code(exc: BaseException) -> int | None:
    for attr in ("status_code", "status"):
        value = getattr(exc, attr, None)
        if isinstance(value, int) and 100 <= value < 600:
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


def _retry_after(chain: list[BaseException]) -> float | None:
    """Seconds from a ``Retry-After`` header anywhere in the chain (Ollama wraps the response)."""
    for item in chain:
        headers: Any = getattr(getattr(item, "response", None), "headers", None)
        raw = headers.get("retry-after") if headers is not None else None
        if raw is None:
            continue
        try:
            return float(raw)
        except (TypeError, ValueError):
            return None  # an HTTP date: ignore, the exponential delay applies
    return None


def classify_error(exc: BaseException) -> ClassifiedError:
    """Map any provider exception to an :class:`ErrorKind` with a short detail."""
    if isinstance(exc, OutputProblem):
        return ClassifiedError(exc.kind, exc.detail)
    detail = f"{type(exc).__name__}: {exc}"[:300]
    chain = _chain(exc)
    for item in chain:
        if isinstance(item, ModelBusyError):
            return ClassifiedError(ErrorKind.BUSY, detail)
    for item in chain:
        if isinstance(item, ModelLoadError | ImportError):
            return ClassifiedError(ErrorKind.MODEL_UNAVAILABLE, detail)
    for item in chain:
        code = _status_code(item)
        if code is not None:
            if code == 429:
                return ClassifiedError(ErrorKind.RATE_LIMITED, detail, _retry_after(chain))
            if code >= 500:
                return ClassifiedError(ErrorKind.SERVER_ERROR, detail, _retry_after(chain))
            if code == 408:
                return ClassifiedError(ErrorKind.TIMEOUT, detail)
            if 400 <= code < 500:
                text = str(item).lower()
                if "context" in text and ("length" in text or "window" in text):
                    return ClassifiedError(ErrorKind.CONTEXT_OVERFLOW, detail)
                return ClassifiedError(ErrorKind.CLIENT_ERROR, detail)
    for item in chain:
        name = type(item).__name__.lower()
        if isinstance(item, TimeoutError) or "timeout" in name or "timedout" in name:
            return ClassifiedError(ErrorKind.TIMEOUT, detail)
    for item in chain:
        name = type(item).__name__.lower()
        if isinstance(item, ConnectionError | OSError) or "connect" in name or "network" in name:
            return ClassifiedError(ErrorKind.CONNECTION, detail)
        if "remoteprotocol" in name or "readerror" in name:
            return ClassifiedError(ErrorKind.CONNECTION, detail)
    text = str(exc).lower()
    if "no generation chunks" in text:  # LangChain's error for a stream that yielded nothing
        return ClassifiedError(ErrorKind.EMPTY, detail)
    if "exceed context window" in text or "context window" in text:
        return ClassifiedError(ErrorKind.CONTEXT_OVERFLOW, detail)
    if "json" in text and ("decode" in text or "parse" in text):
        return ClassifiedError(ErrorKind.BAD_JSON, detail)
    return ClassifiedError(ErrorKind.UNKNOWN, detail)
