"""Bounded load on loopback (figures from ``benchmarks/load.py``; assertions only on errors and
bounds, never on speed).

* 20 concurrent triages with ``none``: zero errors, and every result equals the same narrative
  triaged alone (no shared-state race).
* 20 concurrent triages with the real ``LocalChatModel`` path over a 0.2 s stand-in llama and a
  queue of 3: zero errors; those that did not get a turn say "busy" and still return the
  deterministic findings; llama never ran two generations at once.
* Slow tier: the embedded model itself, 5 requests at once with 3 allowed to wait: 4 served in
  arrival order, 1 refused at once; throughput and waiting times recorded.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assistant.settings import get_settings
from tests.security.fakes import SlowLlama
from tests.security.figures import record

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "benchmarks" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


def test_twenty_concurrent_triages_without_a_model() -> None:
    report = _bench().triage_load(20)
    figures = report.summary()
    record("load_none", figures)
    assert report.errors == []
    assert report.mismatches == [], "a concurrent result differs from the same triage alone"
    assert len(report.latencies_s) == 20


def test_twenty_concurrent_triages_on_the_local_path_stay_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.llm.local import LocalChatModel
    from assistant.llm.queue import local_queue

    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAITING", "3")
    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAIT_S", "30")
    get_settings.cache_clear()
    # A model call holds the queue for 1 s: long enough that, even on a busy machine where the
    # twenty triages reach the model spread out over seconds, more than 1 + 3 are there at once.
    llama = SlowLlama(reply="1. It may be liable.", seconds=1.0)
    monkeypatch.setattr(LocalChatModel, "llama", lambda self: llama)
    queue = local_queue()
    queue.reset_stats()
    report = _bench().triage_load(20, provider="local", model=LocalChatModel(n_ctx=4096))
    stats = queue.stats()
    figures = {**report.summary(), "queue": stats.model_dump()}
    record("load_local_standin", figures)
    assert report.errors == [], figures
    assert len(report.latencies_s) == 20, figures  # every triage finished, model or not
    assert llama.peak == 1, figures
    assert stats.refused > 0 and report.extra["busy_notes"] > 0, figures  # bound reached
    assert stats.peak_waiting <= 1 + 3, figures
    assert stats.wait_max_s is not None and stats.wait_max_s <= 30, figures


@pytest.mark.slow
def test_the_embedded_model_behind_its_queue() -> None:
    from assistant.models import llm_status

    ok, detail = llm_status()
    if not ok:
        pytest.skip(f"embedded model not available: {detail}")
    report = _bench().local_queue_load(requests=5, max_waiting=3, max_tokens=24)
    figures = report.summary()
    record("load_local", figures)
    assert report.errors == []
    assert figures["served"] == 4 and figures["refused"] == 1
    assert figures["refused_within_s"] is not None and figures["refused_within_s"] < 1.0
