"""The bounded queue in front of the embedded model: one at a time, FIFO, bounded, clear refusal.

Unit tests on :class:`ModelQueue`, then the real :class:`LocalChatModel` path (queue, lock,
LangChain plumbing, structured calls and streams) over a stand-in llama that takes 0.2 s.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from assistant.llm import ProviderCallFailed, build_messages, invoke_structured, stream_text
from assistant.llm.local import LocalChatModel
from assistant.llm.outcome import ErrorKind
from assistant.llm.queue import ModelBusyError, ModelQueue, local_queue
from assistant.settings import get_settings
from tests.security.fakes import SlowLlama


def _hold(queue: ModelQueue, seconds: float, log: list[str], name: str) -> None:
    try:
        with queue.slot():
            log.append(f"start {name}")
            time.sleep(seconds)
            log.append(f"end {name}")
    except ModelBusyError:
        log.append(f"busy {name}")


def _start(queue: ModelQueue, seconds: float, log: list[str], name: str) -> threading.Thread:
    thread = threading.Thread(target=_hold, args=(queue, seconds, log, name))
    thread.start()
    return thread


def _wait_until(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.005)


def test_one_at_a_time_in_arrival_order() -> None:
    queue = ModelQueue(max_waiting=5, max_wait_s=10)
    log: list[str] = []
    threads = []
    for i in range(4):
        threads.append(_start(queue, 0.05, log, str(i)))
        _wait_until(lambda i=i: queue.waiting + queue.running == i + 1)
    for t in threads:
        t.join(10)
    assert log == [f"{kind} {i}" for i in range(4) for kind in ("start", "end")]
    stats = queue.stats()
    assert stats.served == 4 and stats.refused == 0 and stats.peak_waiting == 3
    assert stats.wait_max_s is not None and stats.wait_max_s >= 0.1


def test_beyond_the_limit_is_refused_at_once() -> None:
    queue = ModelQueue(max_waiting=2, max_wait_s=10)
    log: list[str] = []
    threads = [_start(queue, 0.3, log, "running")]
    _wait_until(lambda: queue.running == 1)
    threads += [_start(queue, 0.01, log, f"w{i}") for i in range(2)]
    _wait_until(lambda: queue.waiting == 2)
    started = time.monotonic()
    with pytest.raises(ModelBusyError) as info, queue.slot():
        pass
    assert time.monotonic() - started < 0.1
    assert "busy" in info.value.message and "try again" in (info.value.hint or "")
    for t in threads:
        t.join(10)
    assert "busy" not in " ".join(log)  # the ones admitted to the line were all served
    assert queue.stats().refused == 1 and queue.stats().served == 3


def test_a_wait_longer_than_the_limit_gives_up_and_keeps_the_line_moving() -> None:
    queue = ModelQueue(max_waiting=3, max_wait_s=0.2)
    log: list[str] = []
    holder = _start(queue, 0.6, log, "long")
    _wait_until(lambda: queue.running == 1)
    started = time.monotonic()
    with pytest.raises(ModelBusyError, match="waited"), queue.slot():
        pass
    assert 0.15 < time.monotonic() - started < 0.5
    holder.join(10)
    with queue.slot() as waited:  # the line is not stuck behind the one that gave up
        assert waited < 0.1
    assert queue.stats().timed_out == 1 and queue.waiting == 0


def test_a_failure_inside_the_slot_frees_it() -> None:
    queue = ModelQueue(max_waiting=0, max_wait_s=1)
    with pytest.raises(RuntimeError), queue.slot():
        raise RuntimeError("generation crashed")
    with queue.slot():
        assert queue.running == 1
    assert queue.running == 0


@pytest.fixture
def slow_local(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[LocalChatModel, SlowLlama]]:
    """The real LocalChatModel over a 0.2 s stand-in llama; queue of 2 waiting, 5 s max wait."""
    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAITING", "2")
    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAIT_S", "5")
    get_settings.cache_clear()
    llama = SlowLlama(seconds=0.2)
    monkeypatch.setattr(LocalChatModel, "llama", lambda self: llama)
    queue = local_queue()
    queue.configure(2, 5.0)  # an earlier test may have configured it by hand
    assert queue.waiting == 0 and queue.running == 0
    queue.reset_stats()
    yield LocalChatModel(n_ctx=2048), llama


class Answer(BaseModel):
    ok: bool


def test_local_model_calls_beyond_the_queue_fall_back_with_a_busy_message(
    slow_local: tuple[LocalChatModel, SlowLlama],
) -> None:
    model, llama = slow_local
    messages = build_messages("Answer in JSON.", "Is it ok?", {"narrative": "text"})
    results: list[object] = [None] * 6

    def call(i: int) -> None:
        results[i] = invoke_structured(model, Answer, messages, max_tokens=16, retries=0)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    ok = [r for r in results if getattr(r, "ok", False)]
    busy = [r for r in results if r is not None and not getattr(r, "ok", True)]
    assert len(ok) + len(busy) == 6
    assert llama.peak == 1  # llama.cpp never ran two generations at once
    assert 3 <= len(ok) < 6 and busy  # 1 running + 2 waiting get served; the rest are refused
    for result in busy:
        outcome = result.outcome  # type: ignore[attr-defined]
        assert outcome.fell_back and outcome.error_kinds == [ErrorKind.BUSY]
        assert "busy" in outcome.user_message and "deterministic" in outcome.user_message
    stats = local_queue().stats()
    assert stats.served == len(ok) and stats.refused == len(busy)


def test_a_busy_stream_fails_before_any_text_with_the_busy_kind(
    slow_local: tuple[LocalChatModel, SlowLlama],
) -> None:
    model, _ = slow_local
    local_queue().configure(max_waiting=0, max_wait_s=5)
    messages = build_messages("Answer briefly.", "Say hello.", {})
    with stream_text(model, messages, max_tokens=8, retries=0) as first:
        next(first)  # holds the model while the second asks
        with pytest.raises(ProviderCallFailed) as info:
            list(stream_text(model, messages, max_tokens=8, retries=0))
    assert info.value.outcome.error_kinds == [ErrorKind.BUSY]
    with stream_text(model, messages, max_tokens=8, retries=0) as again:
        assert "".join(again)  # closing the first stream released the slot


def test_queue_wait_is_reported_with_each_answer(
    slow_local: tuple[LocalChatModel, SlowLlama],
) -> None:
    model, _ = slow_local
    reply = model.invoke(build_messages("Answer briefly.", "Say hello.", {}), max_tokens=8)
    assert reply.response_metadata["queue_wait_s"] >= 0


def test_settings_size_the_queue_and_a_manual_setting_sticks_until_they_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAITING", "7")
    get_settings.cache_clear()
    assert local_queue().max_waiting == 7
    local_queue().configure(1, 9.0)
    assert (local_queue().max_waiting, local_queue().max_wait_s) == (1, 9.0)
    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAITING", "6")
    get_settings.cache_clear()
    assert local_queue().max_waiting == 6
