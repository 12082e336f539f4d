"""Run eval cases through the app's pipeline and score them.

The pipeline is whatever the app itself runs: by default
``assistant.chain.pipeline.run_case(narrative, *, provider, as_of, jurisdiction) -> dict``
(imported lazily). Tests inject any callable with that signature. One case failing (the
pipeline raising, returning junk, the scorer tripping) is recorded with its message and the run
goes on.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from assistant.errors import AssistantError
from assistant.evals.cases import CaseSet, LoadedCase
from assistant.evals.judge import Judge, judge_case
from assistant.evals.resolver import ResolverFactory
from assistant.evals.scoring import CaseScore, ScoringContext, score_case

__all__ = ["CaseRun", "Pipeline", "RunConfig", "load_pipeline", "run_cases"]


class Pipeline(Protocol):
    """The app's narrative -> report JSON pipeline (VOCABULARY.md §Report JSON)."""

    def __call__(
        self, narrative: str, *, provider: str, as_of: date, jurisdiction: str | None
    ) -> Mapping[str, Any]: ...


def load_pipeline() -> Pipeline:
    """The chain layer's ``run_case``; a clear error if that layer is not there yet."""
    try:
        chain_pipeline = importlib.import_module("assistant.chain.pipeline")
    except ModuleNotFoundError as exc:
        if exc.name not in {"assistant.chain", "assistant.chain.pipeline"}:
            raise  # the chain layer exists but one of its own imports is broken
        raise AssistantError(
            "chain layer not available: assistant.chain.pipeline cannot be imported",
            hint="the eval harness runs the app's real pipeline (no stand-in results): build the "
            "chain layer (assistant/chain/pipeline.py with run_case) first",
        ) from exc
    run_case = getattr(chain_pipeline, "run_case", None)
    if not callable(run_case):
        raise AssistantError(
            "chain layer not available: assistant.chain.pipeline has no run_case()",
            hint="the chain layer must provide run_case(narrative, *, provider, as_of, jurisdiction)",
        )
    pipeline: Pipeline = run_case
    return pipeline


@dataclass
class CaseRun:
    """One case's outcome: the report (if any), its score (if any), timing, errors."""

    case_id: str
    split: str
    title: str
    path: str
    as_of: str
    status: str  # "ok" | "error"
    error: str | None = None
    latency_s: float | None = None
    report: Mapping[str, Any] | None = None
    score: CaseScore | None = None
    judge: dict[str, Any] | None = None

    def metrics(self) -> dict[str, float | None]:
        """Metrics including latency (empty for a failed case)."""
        if self.score is None:
            return {}
        out = dict(self.score.metrics)
        out["latency_s"] = self.latency_s
        if self.judge:
            out["key_point_coverage"] = self.judge.get("key_point_coverage")
            out["judge_must_not_pass_rate"] = self.judge.get("must_not_pass_rate")
        return out


@dataclass
class RunConfig:
    """Everything a run needs besides the cases."""

    pipeline: Pipeline
    provider: str
    resolver_factory: ResolverFactory
    context: ScoringContext = field(default_factory=lambda: ScoringContext(resolves=bool))
    judge: Judge | None = None


def _one_line(exc: BaseException) -> str:
    text = exc.message if isinstance(exc, AssistantError) else str(exc)
    return f"{type(exc).__name__}: {text}".strip()


def run_one(loaded: LoadedCase, cfg: RunConfig) -> CaseRun:
    """Run and score one case; never raises for case-level failures."""
    case = loaded.case
    as_of = case.analysis_date()
    run = CaseRun(
        case_id=case.id,
        split=loaded.split,
        title=case.title,
        path=str(loaded.path),
        as_of=as_of.isoformat(),
        status="ok",
    )
    start = time.perf_counter()
    try:
        report = cfg.pipeline(
            case.narrative, provider=cfg.provider, as_of=as_of, jurisdiction=case.jurisdiction
        )
    except Exception as exc:  # the pipeline is foreign code: any failure is a case error
        run.latency_s = time.perf_counter() - start
        run.status, run.error = "error", f"pipeline failed: {_one_line(exc)}"
        return run
    run.latency_s = time.perf_counter() - start
    if hasattr(report, "model_dump"):  # a pydantic report object is fine too
        report = report.model_dump(mode="json")
    if not isinstance(report, Mapping):
        run.status = "error"
        run.error = f"pipeline returned {type(report).__name__}, expected a report JSON object"
        return run
    run.report = report
    try:
        ctx = ScoringContext(
            resolves=cfg.resolver_factory(as_of),
            similarity=cfg.context.similarity,
            question_threshold=cfg.context.question_threshold,
            actor_threshold=cfg.context.actor_threshold,
        )
        run.score = score_case(case, report, ctx)
    except Exception as exc:  # a scorer bug on one odd report must not sink the run
        run.status = "error"
        run.error = f"scoring failed: {_one_line(exc)}\n{traceback.format_exc(limit=3)}"
        return run
    if cfg.judge is not None:
        try:
            run.judge = judge_case(cfg.judge, case, report)
        except Exception as exc:  # judge failures are reported, automatic scores stay
            run.judge = {"error": _one_line(exc)}
    return run


def run_cases(
    cases: CaseSet | list[LoadedCase],
    cfg: RunConfig,
    on_case: Callable[[CaseRun], None] | None = None,
) -> list[CaseRun]:
    """Run every case in order; ``on_case`` is called after each (progress display)."""
    items = cases.cases if isinstance(cases, CaseSet) else cases
    runs = []
    for loaded in items:
        run = run_one(loaded, cfg)
        runs.append(run)
        if on_case is not None:
            on_case(run)
    return runs
