"""Backoff arithmetic and the mapping of exceptions to error kinds."""

from __future__ import annotations

import httpx
import pytest

from assistant.errors import ModelLoadError
from assistant.llm.local import ContextOverflowError, LocalChatModel, llama_messages
from assistant.llm.outcome import ErrorKind
from assistant.llm.retry import OutputProblem, RetryPolicy, classify_error


def test_backoff_doubles_is_capped_and_respects_retry_after() -> None:
    policy = RetryPolicy(base_delay_s=0.5, max_delay_s=3.0, jitter=0.0)
    assert [policy.delay(n) for n in (1, 2, 3, 4)] == [0.5, 1.0, 2.0, 3.0]
    assert policy.delay(1, retry_after_s=2.5) == 2.5
    assert policy.delay(1, retry_after_s=60) == 3.0  # never sleeps past the cap


def test_jitter_stays_within_bounds() -> None:
    policy = RetryPolicy(base_delay_s=1.0, max_delay_s=10.0, jitter=0.25)
    delays = {policy.delay(2) for _ in range(50)}
    assert all(1.5 <= d <= 2.5 for d in delays) and len(delays) > 1


def _status_error(code: int, headers: dict[str, str] | None = None) -> httpx.HTTPStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/x")
    response = httpx.Response(code, headers=headers or {}, request=request)
    return httpx.HTTPStatusError(f"HTTP {code}", request=request, response=response)


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (_status_error(500), ErrorKind.SERVER_ERROR),
        (_status_error(503), ErrorKind.SERVER_ERROR),
        (_status_error(429), ErrorKind.RATE_LIMITED),
        (_status_error(401), ErrorKind.CLIENT_ERROR),
        (_status_error(404), ErrorKind.CLIENT_ERROR),
        (_status_error(408), ErrorKind.TIMEOUT),
        (httpx.ReadTimeout("slow"), ErrorKind.TIMEOUT),
        (TimeoutError(), ErrorKind.TIMEOUT),
        (httpx.ConnectError("refused"), ErrorKind.CONNECTION),
        (ConnectionResetError(), ErrorKind.CONNECTION),
        (ModelLoadError("gone"), ErrorKind.MODEL_UNAVAILABLE),
        (ContextOverflowError("exceeds the context window of 4096"), ErrorKind.CONTEXT_OVERFLOW),
        (OutputProblem(ErrorKind.WRONG_SCHEMA, "x"), ErrorKind.WRONG_SCHEMA),
        (ValueError("No generation chunks were returned"), ErrorKind.EMPTY),
        (RuntimeError("something odd"), ErrorKind.UNKNOWN),
    ],
)
def test_classification(exc: BaseException, kind: ErrorKind) -> None:
    assert classify_error(exc).kind is kind


def test_wrapped_errors_are_found_in_the_chain() -> None:
    try:
        try:
            raise _status_error(429, {"Retry-After": "4"})
        except httpx.HTTPStatusError as inner:
            raise RuntimeError("sdk wrapper") from inner
    except RuntimeError as outer:
        classified = classify_error(outer)
    assert classified.kind is ErrorKind.RATE_LIMITED
    assert classified.retry_after_s == 4.0


def test_only_transient_kinds_are_retried() -> None:
    assert ErrorKind.TIMEOUT.retryable and ErrorKind.BAD_JSON.retryable
    assert not ErrorKind.CLIENT_ERROR.retryable
    assert not ErrorKind.CONTEXT_OVERFLOW.retryable


def test_local_budget_bounds_max_tokens_by_the_context_window() -> None:
    model = LocalChatModel(n_ctx=1000)
    assert model._budget(100, 512) == 512
    assert model._budget(700, 512) == 292
    with pytest.raises(ContextOverflowError):
        model._budget(990, 512)


def test_llama_messages_roles() -> None:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    out = llama_messages(
        [SystemMessage(content="s"), HumanMessage(content="u"), AIMessage(content="a")]
    )
    assert [m["role"] for m in out] == ["system", "user", "assistant"]
