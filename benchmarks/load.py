"""Load on loopback: concurrent triages, and the embedded model behind its bounded queue.

1. ``none``: N triages (default 20) start at the same moment in threads of one process, as
   concurrent app sessions do; prints errors, p50/p95/max latency and throughput, and checks
   every concurrent result against the same narrative triaged alone (a race would show up as
   a different answer).
2. ``local``: M short requests (default 5) hit the embedded model at once through the bounded
   queue (``assistant.llm.queue``, one running, ``--max-waiting`` waiting, the rest refused at
   once); prints served/refused, the waiting time per request, the service time and the
   throughput. Skipped with ``--no-local`` or when the model is not installed.

Run: ``.venv/bin/python benchmarks/load.py [--concurrency 20] [--requests 5] [--max-waiting 3]
[--no-local] [--local-triages 3]`` with ``ASSISTANT_CACHE_DIR`` pointing at the model cache
(``--local-triages N``: N full triages with the embedded model at once, through the same queue). The machines have 2
shared cores: numbers are noisy; the load average is printed with them. The tests in
``tests/security/test_load.py`` assert only zero errors and bounded behaviour.
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any

AS_OF = date(2028, 6, 1)
NARRATIVES = (
    "GreenBlade GmbH makes the AutoMow X robot mower, sold by Gartenwelt KG. On 12 June 2027 "
    "it left its zone and ran over a child's foot; the child needed surgery.",
    "Nordbank AG uses TalentRank, a CV-screening AI system developed by TalentRank BV. In March "
    "2027 it rejected me within minutes; the bank admitted it scores applicants over 50 lower.",
    "ThermoIQ BV makes a learning thermostat running on servers of NimbusCloud SE. In December "
    "2027 attackers used an unpatched firmware flaw and switched off heating in 300 homes.",
    "PharmaBot AG makes an AI dispensing robot that the Apotheke am Markt operates. In May 2027 "
    "it handed me a blood thinner instead of my pills and I suffered internal bleeding.",
)


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


@dataclass
class LoadReport:
    """What one load run measured."""

    requests: int
    errors: list[str] = field(default_factory=list)
    latencies_s: list[float] = field(default_factory=list)
    wall_s: float = 0.0
    mismatches: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """Figures for printing and for the test report."""
        lat = self.latencies_s

        def r(x: float | None) -> float | None:
            return round(x, 3) if x is not None else None

        return {
            "requests": self.requests,
            "errors": len(self.errors),
            "p50_s": r(percentile(lat, 0.5)),
            "p95_s": r(percentile(lat, 0.95)),
            "max_s": r(max(lat) if lat else None),
            "wall_s": round(self.wall_s, 3),
            "throughput_per_s": round(len(lat) / self.wall_s, 2) if self.wall_s else None,
            "mismatches": len(self.mismatches),
            **self.extra,
        }


def _together(count: int, job: Callable[[int], Any]) -> tuple[list[Any], float]:
    """Run ``job(i)`` for i in range(count) in threads released at the same moment."""
    gate = threading.Barrier(count)

    def run(i: int) -> Any:
        gate.wait(timeout=60)
        return job(i)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=count) as pool:
        results = list(pool.map(run, range(count)))
    return results, time.monotonic() - started


def _fingerprint(result: Any) -> tuple[Any, ...]:
    report = result.report
    findings = sorted((f.regime.value, f.actor, f.status.value) for f in report.findings)
    return (tuple(findings), tuple(sorted(report.citation_ids())))


def triage_load(concurrency: int = 20, provider: str = "none", **triage_kw: Any) -> LoadReport:
    """``concurrency`` triages at once; each result is compared with a lone run."""
    from assistant.chain.pipeline import get_corpus, triage

    corpus = get_corpus()
    alone = (  # the reference answers (deterministic only without a model)
        {text: _fingerprint(triage(text, provider="none", as_of=AS_OF, corpus=corpus))
         for text in NARRATIVES}
        if provider == "none"
        else {}
    )  # fmt: skip
    report = LoadReport(requests=concurrency)

    def job(i: int) -> tuple[float, Any, str | None]:
        text = NARRATIVES[i % len(NARRATIVES)]
        started = time.monotonic()
        try:
            result = triage(text, provider=provider, as_of=AS_OF, corpus=corpus, **triage_kw)
        except Exception as exc:  # counted: a load test reports errors, it does not stop
            return time.monotonic() - started, None, f"{type(exc).__name__}: {exc}"
        return time.monotonic() - started, result, None

    results, report.wall_s = _together(concurrency, job)
    notes: list[str] = []
    for i, (seconds, result, error) in enumerate(results):
        if error is not None:
            report.errors.append(error)
            continue
        report.latencies_s.append(seconds)
        notes += [*result.provider_notes, *result.extraction_notes]
        if provider == "none" and _fingerprint(result) != alone[NARRATIVES[i % len(NARRATIVES)]]:
            report.mismatches.append(f"request {i}")
    report.extra["busy_notes"] = sum("busy" in n.lower() for n in notes)
    return report


def local_queue_load(requests: int = 5, max_waiting: int = 3, max_tokens: int = 24) -> LoadReport:
    """``requests`` short generations at once through the embedded model's bounded queue."""
    from assistant.llm import build_messages
    from assistant.llm.local import LocalChatModel
    from assistant.llm.queue import ModelBusyError, local_queue

    model = LocalChatModel(n_ctx=2048)
    model.llama()  # load outside the measurement
    queue = local_queue()
    limits = (queue.max_waiting, queue.max_wait_s)
    queue.configure(max_waiting, 600.0)
    queue.reset_stats()
    report = LoadReport(requests=requests)
    waits: list[float] = []
    services: list[float] = []
    refused_after: list[float] = []

    def job(i: int) -> None:
        messages = build_messages("Answer in one short sentence.", f"Name a colour ({i}).", {})
        started = time.monotonic()
        try:
            reply = model.invoke(messages, max_tokens=max_tokens)
        except ModelBusyError:
            refused_after.append(time.monotonic() - started)
            return
        except Exception as exc:  # counted as an error
            report.errors.append(f"{type(exc).__name__}: {exc}")
            return
        meta = reply.response_metadata
        waits.append(float(meta.get("queue_wait_s", 0.0)))
        services.append(float(meta.get("elapsed_s", 0.0)))
        report.latencies_s.append(time.monotonic() - started)

    try:
        _, report.wall_s = _together(requests, job)
    finally:
        queue.configure(*limits)
    stats = queue.stats()
    report.extra.update(
        served=len(services),
        refused=len(refused_after),
        refused_within_s=round(max(refused_after), 3) if refused_after else None,
        wait_p50_s=stats.wait_p50_s,
        wait_max_s=stats.wait_max_s,
        service_mean_s=round(statistics.mean(services), 3) if services else None,
        served_per_min=round(60 * len(services) / report.wall_s, 2) if report.wall_s else None,
        max_waiting=max_waiting,
        peak_waiting=stats.peak_waiting,
    )
    return report


def main() -> None:
    """Command line: run both parts and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--max-waiting", type=int, default=3)
    parser.add_argument("--no-local", action="store_true")
    parser.add_argument(
        "--local-triages", type=int, default=0,
        help="also run this many full triages with the embedded model at once (minutes)",
    )  # fmt: skip
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    none = triage_load(args.concurrency)
    print(f"none x {args.concurrency} concurrent triages:", none.summary())
    for error in none.errors[:5]:
        print("  error:", error)
    if args.no_local:
        return
    from assistant.models import llm_status

    ok, detail = llm_status()
    if not ok:
        print(f"local: skipped ({detail})")
        return
    local = local_queue_load(args.requests, args.max_waiting)
    print(f"local x {args.requests} at once, queue {args.max_waiting}:", local.summary())
    if args.local_triages:
        from assistant.llm.queue import local_queue

        local_queue().reset_stats()
        full = triage_load(args.local_triages, provider="local")
        full.extra["queue"] = local_queue().stats().model_dump()
        print(f"local x {args.local_triages} full triages at once:", full.summary())


if __name__ == "__main__":
    main()
