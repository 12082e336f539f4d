"""``assistant corpus ...``: fetch, status, show, parse, resolve (the only printing here)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from assistant.errors import AssistantError, CorpusError

__all__ = ["register"]

console = Console()
corpus_app = typer.Typer(
    help="Legal texts: fetch them, check them, show a provision.", no_args_is_help=True
)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _fail(exc: AssistantError) -> None:
    console.print(f"[bold red]error:[/] {exc.message}")
    if exc.hint:
        console.print(f"[yellow]what to do:[/] {exc.hint}")
    raise typer.Exit(2)


@corpus_app.command("fetch")
def fetch_cmd(
    source_dir: Annotated[
        Path | None,
        typer.Option(
            "--source-dir",
            help="Copy from a local mirror instead of downloading "
            "(default: $ASSISTANT_CORPUS_SOURCE_DIR).",
        ),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Act code or key; repeatable.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Fetch again even if cached.")] = False,
    accept_new_hash: Annotated[
        bool,
        typer.Option(
            "--accept-new-hash", help="Record a download whose sha256 differs from the pin."
        ),
    ] = False,
) -> None:
    """Download the legal texts (or copy them from a mirror), verify and parse them."""
    from assistant.corpus import fetch_sources
    from assistant.corpus.load import parse_sources

    try:
        with _progress() as bar:
            task = bar.add_task("fetching", total=None)

            def progress(done: int, total: int | None = None, message: str | None = None) -> None:
                bar.update(task, completed=done, total=total, description=message or "fetching")

            report = fetch_sources(
                source_dir=source_dir,
                only=only,
                progress=progress,
                force=force,
                accept_new_hash=accept_new_hash,
            )
    except AssistantError as exc:
        _fail(exc)
        return
    table = Table(title=f"fetch: {report}")
    for col in ("source", "result", "format", "from", "size"):
        table.add_column(col)
    for r in report.results:
        style = {"failed": "red", "skipped": "yellow"}.get(r.status, "green")
        table.add_row(
            r.key,
            f"[{style}]{r.status}[/]",
            r.format.value if r.format else "",
            (r.origin or "")[-60:],
            f"{r.size / 1e3:.0f} kB" if r.size else "",
        )
    console.print(table)
    for r in report.results:
        if r.error:
            color = "red" if r.status == "failed" else "yellow"
            console.print(f"[{color}]{r.key}:[/] {r.error}")
            if r.hint:
                console.print(f"  [yellow]what to do:[/] {r.hint}")
    start = time.perf_counter()
    parsed = parse_sources(only=only, force=False)
    bad = [p for p in parsed if p.error]
    console.print(f"parsed {len(parsed) - len(bad)} sources in {time.perf_counter() - start:.2f} s")
    for p in bad:
        console.print(f"[red]{p.key}:[/] {p.error}")
    if report.failed or bad:
        raise typer.Exit(1)


@corpus_app.command("status")
def status_cmd() -> None:
    """Table of sources: version, fetched?, hash ok?, counts of provisions."""
    from assistant.corpus.load import load_corpus
    from assistant.corpus.store import check_cached, read_lock
    from assistant.corpus.tree import NodeKind
    from assistant.settings import get_settings

    settings = get_settings()
    try:
        corpus = load_corpus(settings)
    except AssistantError as exc:
        _fail(exc)
        return
    lock = read_lock(settings.corpus_dir)
    loaded = {s.entry.key: s.tree for s in corpus.sources}
    table = Table(title=f"corpus in {settings.corpus_dir}")
    for col in (
        "source",
        "version",
        "lang",
        "status",
        "fetched",
        "hash",
        "art",
        "rec",
        "anx",
        "para",
    ):
        # Source codes and dates must stay whole on narrow terminals; the rest may wrap.
        whole = {"source": 15, "version": 10}
        table.add_column(
            col,
            justify="right" if col in ("art", "rec", "anx", "para") else "left",
            no_wrap=col in whole,
            min_width=whole.get(col),
            overflow="fold",
        )
    for entry in corpus.manifest.sources:
        locked = lock.entries.get(entry.key)
        fetched = f"{locked.format.value}" if locked else "[yellow]no[/]"
        hash_ok = ""
        if locked:
            try:
                check_cached(settings.corpus_dir, locked)
                hash_ok = "[green]ok[/]"
            except CorpusError:
                hash_ok = "[red]BAD[/]"
        tree = loaded.get(entry.key)
        counts = (
            [
                str(tree.count(k))
                for k in (NodeKind.ARTICLE, NodeKind.RECITAL, NodeKind.ANNEX, NodeKind.PARAGRAPH)
            ]
            if tree
            else ["", "", "", ""]
        )
        if tree is not None and tree.count(NodeKind.ARTICLE) == 0:
            counts[0] = f"§{tree.count(NodeKind.REPORT_SECTION)}"
        table.add_row(
            entry.act.value,
            entry.version.isoformat(),
            entry.language,
            entry.status.value,
            fetched,
            hash_ok,
            *counts,
        )
    console.print(table)
    console.print(
        f"digest: {len(corpus.digest)} provisions; national digest: {len(corpus.national)}; "
        f"fingerprint {corpus.fingerprint()[:12]}"
    )
    for key, problem in corpus.problems.items():
        console.print(f"[red]{key}:[/] {problem}")


@corpus_app.command("show")
def show_cmd(
    ref: Annotated[str, typer.Argument(help='A citation ID or reference, e.g. "PLD_2024 Art 10".')],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Analysis date (YYYY-MM-DD); default today.")
    ] = None,
) -> None:
    """Print a provision's text, its URL and what amended it."""
    from assistant.corpus.load import load_corpus
    from assistant.corpus.resolver import resolve_reference
    from assistant.vocabulary import ProvisionId

    day = date.fromisoformat(as_of) if as_of else None
    corpus = load_corpus()
    ident = ref.strip()
    if not ProvisionId.is_valid(ident):
        hits = [r for r in resolve_reference(ident, corpus=corpus) if r.found]
        if not hits:
            reason = resolve_reference(ident, corpus=corpus)[0].reason
            _fail(CorpusError(f"cannot resolve {ref!r}: {reason}", hint='e.g. "PLD_2024 Art 10"'))
            return
        ident = hits[0].id or ident
    node = corpus.get(ident, day)
    if node is None:
        _fail(
            CorpusError(
                f"{ident} does not resolve in the corpus",
                hint="check the number; fetch the texts with `assistant corpus fetch`",
            )
        )
        return
    label = corpus.cite_label(ident, day) or ident
    console.print(f"[bold]{label}[/]" + (f" — {node.heading}" if node.heading else ""))
    if node.heading_path:
        console.print(f"[dim]{' / '.join(node.heading_path)}[/]")
    console.print(node.labelled_text() or "(no text)", highlight=False)
    if not corpus.has_full_text(ProvisionId.parse(ident).act):
        console.print("[yellow](project digest summary: the full text is not fetched yet)[/]")
    if node.url:
        console.print(f"[blue]{node.url}[/]")


@corpus_app.command("parse")
def parse_cmd(
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Act code or key; repeatable.")
    ] = None,
) -> None:
    """Parse the fetched sources again (refreshes the cache); prints time per source."""
    from assistant.corpus.load import parse_sources

    with _progress() as bar:
        task = bar.add_task("parsing", total=None)

        def progress(key: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=key or "parsed")

        try:
            results = parse_sources(only=only, force=True, progress=progress)
        except AssistantError as exc:
            _fail(exc)
            return
    table = Table(title="parse")
    for col in ("source", "seconds", "articles", "recitals", "annexes", "paragraphs", "sections"):
        table.add_column(col, no_wrap=col == "source", min_width=22 if col == "source" else None)
    for r in results:
        if r.error:
            table.add_row(r.key, f"{r.seconds:.2f}", f"[red]{r.error}[/]", "", "", "", "")
            continue
        c = r.counts
        table.add_row(
            r.key,
            f"{r.seconds:.2f}",
            *(str(c.get(k, 0)) for k in ("article", "recital", "annex", "paragraph")),
            str(c.get("report_section", 0)),
        )
    console.print(table)
    if not results:
        console.print("[yellow]nothing fetched yet:[/] run `assistant corpus fetch`")


@corpus_app.command("resolve")
def resolve_cmd(
    text: Annotated[str, typer.Argument(help='Free text, e.g. "Art. 82 DSGVO and recital 12".')],
) -> None:
    """Show the canonical IDs the reference resolver finds in a text."""
    from assistant.corpus.load import load_corpus
    from assistant.corpus.resolver import resolve_reference

    corpus = load_corpus()
    for r in resolve_reference(text, corpus=corpus):
        if r.found:
            console.print(f"[green]{r.id}[/]  ← {r.text!r} ({r.act_source})")
        else:
            console.print(f"[red]not found[/]  {r.text!r}: {r.reason}")


def register(app: typer.Typer) -> None:
    """Add the ``corpus`` command group to the root CLI."""
    app.add_typer(corpus_app, name="corpus")
