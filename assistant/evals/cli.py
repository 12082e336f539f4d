"""``assistant eval`` commands: run the eval, diff two runs, calibrate, check the judge.

``assistant eval [--cases DIR] [--split dev|heldout] [--provider P] [--out DIR] [--judge]``
``assistant eval diff A B``   (also ``assistant eval-diff A B``)
``assistant eval calibrate``  (question-coverage threshold on the labelled pairs)
``assistant eval check-judge`` (LLM judge on deliberately wrong answers)

Heavy imports (sentence-transformers, matplotlib) happen inside the commands only.
"""

from __future__ import annotations

import platform
import subprocess
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.errors import AssistantError

__all__ = ["default_cases_dir", "register", "run_eval"]

console = Console()
err_console = Console(stderr=True)


def _project_root() -> Path:
    from assistant.settings import PROJECT_ROOT

    return PROJECT_ROOT if (PROJECT_ROOT / "evals").is_dir() else Path.cwd()


def default_cases_dir() -> Path:
    """``evals/cases`` of the project (both splits, recursively)."""
    return _project_root() / "evals" / "cases"


def _git_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _question_setup(need: bool, sim: Any = None) -> tuple[Any, dict[str, Any]]:
    from assistant.evals.questions import (
        calibrate_threshold,
        embedding_similarity,
        load_question_pairs,
    )

    if not need:
        return None, {"threshold": None, "note": "no case lists gold questions"}
    embedder = "injected similarity" if sim is not None else "all-MiniLM-L6-v2"
    try:
        sim = sim or embedding_similarity()
        cal = calibrate_threshold(load_question_pairs(), sim)
    except AssistantError as exc:
        return None, {"threshold": None, "note": f"embedder unavailable: {exc.message}"}
    return sim, {**cal.__dict__, "embedder": embedder}


def _judge_setup(
    enabled: bool, provider: str, judge: Any = None
) -> tuple[Any, dict[str, Any] | None]:
    """The judge to use (None when off or untrusted) and what to say about it in the report."""
    if not enabled:
        return None, None
    from assistant.evals.judge import llm_judge, validate_judge

    judge = judge or llm_judge(provider)
    with console.status("validating the LLM judge on deliberately wrong answers..."):
        check = validate_judge(judge, stop_at_first_failure=True)
    summary = (
        f"provider {provider}; rejected {check.wrong_rejected}/{check.wrong_total} wrong "
        f"statements, accepted {check.right_accepted}/{check.right_total} right ones"
    )
    if not check.passed:
        err_console.print(f"[yellow]LLM judge failed validation ({summary}); its scores are off.")
        return None, {
            "passed": False,
            "note": f"FAILED validation, not used ({summary})",
            "failures": check.failures,
        }
    return judge, {"passed": True, "note": f"validated ({summary})"}


def run_eval(
    cases_dir: Path,
    *,
    provider: str,
    out: Path | None = None,
    split: str | None = None,
    judge: bool = False,
    judge_provider: str | None = None,
    retrieval_dir: Path | None = None,
    pipeline: Any = None,
    similarity: Any = None,
    resolver: Any = None,
    retriever: Any = None,
    judge_impl: Any = None,
) -> Path:
    """Run the eval end to end and write the run directory; returns its path.

    ``pipeline``, ``similarity`` (question embedder), ``resolver`` (``(factory, info)``) and
    ``retriever`` and ``judge_impl`` default to the real components; tests inject small real
    stand-ins. An injected judge goes through the same validation gate as the LLM judge.
    """
    from assistant.evals.cases import load_cases
    from assistant.evals.report import write_case_file, write_run
    from assistant.evals.resolver import default_resolver
    from assistant.evals.retrieval import run_retrieval_eval
    from assistant.evals.runner import CaseRun, RunConfig, load_pipeline, run_cases
    from assistant.evals.scoring import ScoringContext

    case_set = load_cases(cases_dir, split)
    for bad in case_set.invalid:
        err_console.print(f"[red]invalid case file[/] {bad.message()}")
    if not case_set.cases:
        raise AssistantError(
            f"no valid cases under {cases_dir}" + (f" for split {split!r}" if split else ""),
            hint="check --cases/--split; the case format is in evals/README.md",
        )
    setup: dict[str, float] = {}
    clock = time.perf_counter()
    pipeline = pipeline or load_pipeline()
    setup["pipeline_import_s"] = round(time.perf_counter() - clock, 2)
    started = datetime.now()
    out = out or _project_root() / "evals" / "runs" / f"{started:%Y%m%d-%H%M%S}-{provider}"
    clock = time.perf_counter()
    factory, resolver_info = resolver or default_resolver()
    setup["corpus_s"] = round(time.perf_counter() - clock, 2)
    need_q = any(c.case.gold.questions for c in case_set.cases)
    clock = time.perf_counter()
    with console.status("loading the embedder for question coverage..."):
        sim, q_meta = _question_setup(need_q, similarity)
    setup["embedder_calibration_s"] = round(time.perf_counter() - clock, 2)
    the_judge, judge_meta = _judge_setup(judge, judge_provider or provider, judge_impl)
    cfg = RunConfig(
        pipeline=pipeline,
        provider=provider,
        resolver_factory=factory,
        context=ScoringContext(
            resolves=bool, similarity=sim, question_threshold=q_meta.get("threshold")
        ),
        judge=the_judge,
    )
    progress = Progress(
        TextColumn("[bold]eval[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    with progress:
        task = progress.add_task("starting", total=len(case_set.cases))

        def on_case(run: CaseRun) -> None:
            write_case_file(out, run)
            mark = "[green]ok[/]" if run.status == "ok" else "[red]error[/]"
            lat = f"{run.latency_s:.1f}s" if run.latency_s is not None else "-"
            progress.console.print(f"  {run.case_id} [{run.split}] {mark} {lat}")
            if run.error:
                progress.console.print(f"    [red]{run.error.splitlines()[0]}")
            progress.update(task, advance=1, description=run.case_id)

        runs = run_cases(case_set, cfg, on_case)
    clock = time.perf_counter()
    retrieval = run_retrieval_eval(
        retrieval_dir or _project_root() / "evals" / "retrieval", retriever
    )
    setup["retrieval_s"] = round(time.perf_counter() - clock, 2)
    meta = {
        "setup": setup,
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now().isoformat(timespec="seconds"),
        "provider": provider,
        "cases_dir": str(cases_dir),
        "split": split,
        "resolver": resolver_info.__dict__,
        "questions": q_meta,
        "judge": judge_meta,
        "retrieval": {
            "note": retrieval.note,
            "metrics": retrieval.metrics,
            "table": retrieval.table,
            "problems": retrieval.problems,
        },
        "git_commit": _git_commit(_project_root()),
        "python": platform.python_version(),
    }
    results = write_run(out, runs, meta, case_set.invalid)
    _print_summary(results)
    console.print(f"\nreport: [bold]{out / 'report.md'}[/]  results: {out / 'results.json'}")
    return out


def _print_summary(results: dict[str, Any]) -> None:
    from assistant.evals.report import fmt
    from assistant.evals.scoring import METRICS

    agg = results["aggregate"]
    table = Table(title="eval summary (mean over cases where the metric applies)")
    table.add_column("metric")
    for split in agg:
        table.add_column(split, justify="right")
    for name in METRICS:
        cells = [agg[s]["metrics"][name] for s in agg]
        if all(c["n"] == 0 for c in cells):
            continue
        table.add_row(name, *(fmt(c["mean"]) for c in cells))
    table.add_row("cases ok / errors", *(f"{agg[s]['ok']} / {agg[s]['errors']}" for s in agg))
    console.print(table)


def _diff(a: Path, b: Path, out: Path | None, tolerance: float) -> None:
    from assistant.evals.diff import diff_runs, render_diff
    from assistant.evals.results import load_results

    d = diff_runs(load_results(a), load_results(b), tolerance)
    text = render_diff(d)
    if out:
        out.write_text(text, encoding="utf-8")
        console.print(f"diff written to {out}")
    console.print(text, markup=False, highlight=False)
    console.print(f"{len(d.improved)} per-case metrics better, {len(d.regressed)} worse")


def register(app: typer.Typer) -> None:
    """Add ``eval`` (with ``diff``, ``calibrate``, ``check-judge``) and ``eval-diff``."""
    eval_app = typer.Typer(
        help="Evaluate the assistant on case files; compare runs.", no_args_is_help=False
    )

    @eval_app.callback(invoke_without_command=True)
    def eval_main(
        ctx: typer.Context,
        cases: Annotated[
            Path | None,
            typer.Option(
                "--cases", help="Case directory or file (default: evals/cases, both splits)."
            ),
        ] = None,
        split: Annotated[
            str | None, typer.Option("--split", help="Only this split (dev, heldout).")
        ] = None,
        provider: Annotated[
            str | None,
            typer.Option(
                "--provider", help="LLM provider (default: ASSISTANT_PROVIDER / settings)."
            ),
        ] = None,
        out: Annotated[
            Path | None,
            typer.Option("--out", help="Run directory (default: evals/runs/TIMESTAMP-PROVIDER)."),
        ] = None,
        judge: Annotated[
            bool, typer.Option("--judge", help="Also score key_points with an LLM judge.")
        ] = False,
        judge_provider: Annotated[
            str | None, typer.Option("--judge-provider", help="Provider for the judge.")
        ] = None,
        retrieval: Annotated[
            Path | None,
            typer.Option("--retrieval", help="Retrieval QA directory (default: evals/retrieval)."),
        ] = None,
    ) -> None:
        """Run every case through the app's pipeline and write report.md + results.json."""
        if ctx.invoked_subcommand:
            return
        from assistant.settings import get_settings

        chosen = provider or get_settings().provider.value
        run_eval(
            cases or default_cases_dir(),
            provider=chosen,
            out=out,
            split=split,
            judge=judge,
            judge_provider=judge_provider,
            retrieval_dir=retrieval,
        )

    @eval_app.command("diff")
    def eval_diff(
        a: Annotated[Path, typer.Argument(help="Run directory A (before).")],
        b: Annotated[Path, typer.Argument(help="Run directory B (after).")],
        out: Annotated[Path | None, typer.Option("--out", help="Write the diff here.")] = None,
        tolerance: Annotated[float, typer.Option(help="Ignore changes up to this.")] = 0.005,
    ) -> None:
        """What got better or worse between two runs, per metric and case."""
        _diff(a, b, out, tolerance)

    @eval_app.command("calibrate")
    def eval_calibrate() -> None:
        """Calibrate the question-coverage threshold on the labelled pairs and print it."""
        _sim, q = _question_setup(True)
        if q.get("threshold") is None:
            raise AssistantError(q["note"], hint="run `assistant doctor`")
        console.print(
            f"threshold {q['threshold']:.3f}: accuracy {q['accuracy']:.2f} on {q['n_pairs']} pairs "
            f"({q['false_accepts']} false accepts, {q['false_rejects']} false rejects)"
        )

    @eval_app.command("check-judge")
    def eval_check_judge(
        provider: Annotated[str | None, typer.Option("--provider")] = None,
    ) -> None:
        """Validate the LLM judge on deliberately wrong answers."""
        from assistant.settings import get_settings

        _judge, meta = _judge_setup(True, provider or get_settings().provider.value)
        console.print(meta["note"] if meta else "judge off")
        for failure in (meta or {}).get("failures", []):
            console.print(f"  - {failure}")
        if not meta or not meta.get("passed"):
            raise typer.Exit(1)

    app.add_typer(eval_app, name="eval")

    @app.command("eval-diff")
    def eval_diff_alias(
        a: Annotated[Path, typer.Argument(help="Run directory A (before).")],
        b: Annotated[Path, typer.Argument(help="Run directory B (after).")],
        out: Annotated[Path | None, typer.Option("--out", help="Write the diff here.")] = None,
        tolerance: Annotated[float, typer.Option(help="Ignore changes up to this.")] = 0.005,
    ) -> None:
        """Same as `assistant eval diff A B`."""
        _diff(a, b, out, tolerance)
