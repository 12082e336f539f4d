"""``assistant index build|status|search``. Light at import time: the heavy parts load inside
the commands."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

__all__ = ["register"]

console = Console()

index_app = typer.Typer(help="Build and inspect the retrieval index.", no_args_is_help=True)

_STAGES = {
    "corpus": "loading corpus",
    "chunk": "chunking",
    "embed": "embedding",
    "chroma": "writing Chroma",
    "done": "done",
}


@index_app.command("build")
def build_cmd(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if up to date.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the build report as JSON.")
    ] = False,
) -> None:
    """Build the index (incremental; a no-op when nothing changed)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.index import build_index

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=as_json,
    ) as bar:
        task = bar.add_task("checking", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=_STAGES.get(stage, stage), completed=done, total=total)

        report = build_index(progress=progress, force=force)
    if as_json:
        console.print_json(report.model_dump_json())
        return
    if report.noop:
        console.print(
            f"[green]index up to date[/] ({report.chunks} chunks, {report.generation}); "
            f"checked in {report.seconds * 1000:.0f} ms"
        )
        return
    console.print(
        f"[green]index built[/] in {report.seconds:.1f} s: {report.chunks} chunks "
        f"({report.dense_chunks} embedded-searchable), {report.embedded_now} newly embedded, "
        f"{report.embedded_cached} from cache, Chroma {report.chroma_mode}"
    )
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in report.timings.items())
    console.print(f"[dim]{timings}[/]")


@index_app.command("status")
def status_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Show what is indexed and whether it is current (fast: loads no model)."""
    from assistant.index import index_status

    status = index_status()
    if as_json:
        console.print_json(status.model_dump_json())
        return
    if not status.built:
        console.print(f"[yellow]no index[/] in {status.index_dir}: {status.reason}")
        raise typer.Exit(1)
    state = "[green]up to date[/]" if status.up_to_date else f"[yellow]stale[/]: {status.reason}"
    console.print(f"index {status.generation} — {state}")
    console.print(
        f"built {status.built_at:%Y-%m-%d %H:%M} UTC, {status.chunks} chunks, embedder "
        f"{status.embedder} ({status.embed_backend}), chunker v{status.chunker_version}, "
        f"Chroma {status.chroma_mode}{' at ' + status.chroma_url if status.chroma_url else ''}"
    )
    table = Table("act", "chunks")
    for act, n in sorted(status.by_act.items()):
        table.add_row(act, str(n))
    console.print(table)
    console.print("texts: " + "; ".join(status.versions))


@index_app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="A question or a reference, in EN/DE/FR.")],
    k: Annotated[int, typer.Option("-k", help="How many results.")] = 5,
    act: Annotated[list[str] | None, typer.Option("--act", help="Only these act codes.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits as JSON.")] = False,
) -> None:
    """Search the index (to check what the assistant would retrieve)."""
    from assistant.index import get_retriever

    hits = get_retriever().search(query, k=k, acts=act or None)
    if as_json:
        console.print_json(json.dumps([h.model_dump() for h in hits]))
        return
    for i, hit in enumerate(hits, 1):
        console.print(
            f"[bold]{i}. {hit.id}[/] [dim]({hit.kind}, {hit.status}, {hit.version}, "
            f"score {hit.score:.4f}, {'+'.join(hit.sources)})[/]"
        )
        console.print(f"   {hit.text[:200]}{'…' if len(hit.text) > 200 else ''}")


def register(app: typer.Typer) -> None:
    """Add the ``index`` command group to the root CLI."""
    app.add_typer(index_app, name="index")
