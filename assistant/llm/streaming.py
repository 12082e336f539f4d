"""Streamed text answers with the same retry, backoff and fallback rules as structured calls.

A stream can be retried only until its first piece of text has been shown; after that a broken
stream raises :class:`~assistant.llm.outcome.ProviderCallFailed` (kind ``interrupted``), as does
a stream that still fails after its retries. Either way the caller switches to the
deterministic path and ``outcome.user_message`` says what happened.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Iterator, Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant.llm.adapters import finish_reason, prepare_call, reply_text
from assistant.llm.factory import provider_of
from assistant.llm.outcome import AttemptRecord, CallOutcome, ErrorKind, ProviderCallFailed
from assistant.llm.retry import ClassifiedError, OutputProblem, RetryPolicy, classify_error
from assistant.settings import get_settings

__all__ = ["TextStream", "stream_text"]

log = logging.getLogger(__name__)


class TextStream(Iterator[str]):
    """An iterator of text pieces; ``outcome`` and ``text`` are complete once it is exhausted.

    Call :meth:`close` (or use ``with``) when stopping early: the local model holds its
    inference lock until the stream is closed.
    """

    def __init__(
        self,
        model: BaseChatModel | None,
        messages: Sequence[BaseMessage],
        *,
        max_tokens: int,
        policy: RetryPolicy,
    ) -> None:
        self.outcome = CallOutcome(
            provider=provider_of(model) if model is not None else "none", operation="stream"
        )
        self._model = model
        self._messages = list(messages)
        self._max_tokens = max_tokens
        self._policy = policy
        self._parts: list[str] = []
        self._gen = self._run()

    def __next__(self) -> str:
        return next(self._gen)

    def __iter__(self) -> TextStream:
        return self

    def close(self) -> None:
        """Stop generating and release the model (idempotent)."""
        self._gen.close()

    def __enter__(self) -> TextStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def text(self) -> str:
        """Everything streamed so far."""
        return "".join(self._parts)

    def _fail(self, kind: ErrorKind, started: float) -> ProviderCallFailed:
        self.outcome.fall_back(kind)
        self.outcome.elapsed_s = round(time.monotonic() - started, 3)
        return ProviderCallFailed(self.outcome)

    def _run(self) -> Generator[str, None, None]:
        started = time.monotonic()
        if self._model is None:
            self.outcome.attempts.append(
                AttemptRecord(number=1, error=ErrorKind.MODEL_UNAVAILABLE, detail="provider none")
            )
            raise self._fail(ErrorKind.MODEL_UNAVAILABLE, started)
        prepared = prepare_call(self._model, max_tokens=self._max_tokens)
        last = ClassifiedError(ErrorKind.UNKNOWN, "no attempt made")
        for number in range(1, self._policy.retries + 2):
            waited = 0.0
            if number > 1:
                waited = self._policy.delay(number - 1, last.retry_after_s)
                self._policy.sleep(waited)
            attempt_start = time.monotonic()
            shown = False
            reason: str | None = None
            try:
                for chunk in prepared.runnable.stream(self._messages, **prepared.kwargs):
                    reason = finish_reason(chunk) or reason
                    piece = reply_text(chunk)
                    if piece:
                        shown = True
                        self._parts.append(piece)
                        yield piece
                if reason == "timeout":  # the local model's deadline cut the answer
                    raise TimeoutError("the answer took longer than the time limit")
                if not shown:
                    raise OutputProblem(ErrorKind.EMPTY, "empty reply")
            except Exception as exc:
                last = classify_error(exc)
                log.info("stream attempt %d failed: %s", number, last.detail)
                record = AttemptRecord(
                    number=number,
                    error=ErrorKind.INTERRUPTED if shown else last.kind,
                    detail=last.detail if not shown else f"{last.kind.value}: {last.detail}",
                    elapsed_s=round(time.monotonic() - attempt_start, 3),
                    waited_s=round(waited, 3),
                )
                self.outcome.attempts.append(record)
                if shown:
                    raise self._fail(ErrorKind.INTERRUPTED, started) from exc
                if not last.kind.retryable:
                    raise self._fail(last.kind, started) from exc
                continue
            self.outcome.attempts.append(
                AttemptRecord(
                    number=number,
                    elapsed_s=round(time.monotonic() - attempt_start, 3),
                    waited_s=round(waited, 3),
                )
            )
            self.outcome.ok = True
            self.outcome.truncated = reason in ("length", "max_tokens")
            self.outcome.elapsed_s = round(time.monotonic() - started, 3)
            return
        raise self._fail(last.kind, started)


def stream_text(
    model: BaseChatModel | None,
    messages: Sequence[BaseMessage],
    *,
    max_tokens: int = 1024,
    retries: int | None = None,
    policy: RetryPolicy | None = None,
) -> TextStream:
    """Stream the model's answer as text pieces (see the module docstring for failures)."""
    if policy is None:
        policy = RetryPolicy(retries=get_settings().llm_retries if retries is None else retries)
    elif retries is not None:
        policy.retries = retries
    return TextStream(model, messages, max_tokens=max_tokens, policy=policy)
