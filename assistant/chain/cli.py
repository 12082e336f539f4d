"""``assistant triage``, ``assistant ask`` and ``assistant chat`` (the only printing here).

Reports go to stdout (or ``--out``); progress, the streamed draft and notes go to stderr, so
``assistant triage case.txt --format json > report.json`` stays clean. Heavy modules (the
pipeline, models) are imported inside the commands: ``assistant --help`` stays fast.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.text import Text

from assistant.errors import AssistantError, InputError

if TYPE_CHECKING:
    from assistant.chain.pipeline import TriageResult

__all__ = ["OutputFormat", "parse_as_of", "register"]

out = Console(soft_wrap=True)
err = Console(stderr=True)


class OutputFormat(StrEnum):
    """Report formats."""

    md = "md"
    json = "json"
    pdf = "pdf"


def fail(exc: AssistantError) -> None:
    """Print an error with what to do, and exit with status 2."""
    err.print(f"[bold red]error:[/] {exc.message}")
    if exc.hint:
        err.print(f"[yellow]what to do:[/] {exc.hint}")
    raise typer.Exit(2)


def parse_as_of(value: str | None) -> date | None:
    """``--as-of`` as a date (ISO ``YYYY-MM-DD``), or a clear error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(
            f"--as-of {value!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2027-06-01"
        ) from exc


def _read_input(source: str) -> str:
    from assistant.inputs import read_narrative, read_upload

    if source == "-":
        if sys.stdin.isatty():
            err.print("[dim]Paste the narrative, then press Ctrl-D.[/]")
        return read_narrative(sys.stdin.read()).text
    path = Path(source)
    if not path.is_file():
        raise InputError(
            f"cannot read {source}: no such file",
            hint="give the path of a .txt or .pdf file, or - to read standard input",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror}", hint="check the file") from exc
    uploaded = read_upload(path.name, data)
    for warning in uploaded.warnings:
        err.print(Text.assemble(("note: ", "yellow"), warning))
    return uploaded.text


ProviderOpt = Annotated[
    str | None,
    typer.Option(
        "--provider", help="local | openai | ollama | anthropic | none (default: settings)."
    ),
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Analysis date YYYY-MM-DD (default: today).")
]
JurisdictionOpt = Annotated[
    str | None, typer.Option("--jurisdiction", help="Member State code, e.g. DE or FR.")
]


def _write(result: TriageResult, fmt: OutputFormat, target: Path | None) -> None:
    from assistant.report import to_json, to_markdown, to_pdf

    if fmt is OutputFormat.pdf:
        data = to_pdf(result.report)
        if target is None:
            if sys.stdout.isatty():
                raise InputError("a PDF cannot be printed to the terminal",
                                 hint="add --out report.pdf")  # fmt: skip
            sys.stdout.buffer.write(data)
            return
        target.write_bytes(data)
    else:
        text = to_json(result.report) if fmt is OutputFormat.json else to_markdown(result.report)
        if target is None:
            if fmt is OutputFormat.md and sys.stdout.isatty():
                out.print(Markdown(text))
            else:
                sys.stdout.write(text if text.endswith("\n") else text + "\n")
            return
        target.write_text(text, encoding="utf-8")
    err.print(f"[green]report written to[/] {target}")


def triage_cmd(
    source: Annotated[str, typer.Argument(help="Narrative file (.txt or .pdf), or - for stdin.")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.md,
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here instead of stdout.")
    ] = None,
    provider: ProviderOpt = None,
    as_of: AsOfOpt = None,
    jurisdiction: JurisdictionOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or draft.")] = False,
) -> None:
    """First-pass triage of an incident narrative: findings, cited analysis, report."""
    try:
        day = parse_as_of(as_of)
        text = _read_input(source)
        from assistant.chain.pipeline import triage

        streamed: list[str] = []

        def on_token(piece: str) -> None:
            if not quiet:
                if not streamed:
                    err.print("[dim]draft (checked before it reaches the report):[/]")
                err.print(piece, end="", markup=False, highlight=False, style="dim")
            streamed.append(piece)

        with err.status("extracting facts and applying the rule core…", spinner="dots") as status:
            if quiet:
                status.stop()
            result = triage(text, provider=provider, as_of=day, jurisdiction=jurisdiction,
                            on_token=on_token if provider != "none" else None)  # fmt: skip
        if streamed and not quiet:
            err.print()
        if not quiet:
            for note in [*result.extraction_notes, *result.provider_notes]:
                err.print(Text.assemble(("note: ", "yellow"), note))
            m = result.analysis.metrics
            err.print(f"[dim]provider {result.provider} · {len(result.report.findings)} findings · "
                      f"citation coverage {m.coverage:.2f} · {result.timings['total_s']:.1f} s[/]")  # fmt: skip
        _write(result, fmt, out_path)
    except AssistantError as exc:
        fail(exc)


def ask_cmd(
    question: Annotated[str, typer.Argument(help="Your question, in quotes.")],
    provider: ProviderOpt = None,
    as_of: AsOfOpt = None,
    k: Annotated[int, typer.Option("-k", help="How many provisions to use.", min=1, max=10)] = 5,
) -> None:
    """A short answer to a legal question, cited from the corpus (not legal advice)."""
    try:
        if not question.strip():
            raise InputError(
                "the question is empty", hint='ask e.g. "Who is liable under Art 8 PLD?"'
            )
        day = parse_as_of(as_of)
        from assistant.chain.ask import ask

        streamed: list[str] = []

        def on_token(piece: str) -> None:
            if not streamed:
                err.print("[dim]draft (checked before it is shown):[/]")
            streamed.append(piece)
            err.print(piece, end="", style="dim", markup=False, highlight=False)

        answer = ask(question, provider=provider, as_of=day, k=k, on_token=on_token)
        if streamed:
            err.print()
        for note in answer.notes:
            err.print(Text.assemble(("note: ", "yellow"), note))
        text = answer.markdown + f"\n\n*{answer.notice}*\n"
        if sys.stdout.isatty():
            out.print(Markdown(text))
        else:
            sys.stdout.write(text)
    except AssistantError as exc:
        fail(exc)


def register(app: typer.Typer) -> None:
    """Add ``triage``, ``ask`` and ``chat`` to the root CLI."""
    from assistant.chain.chat_cli import chat_cmd

    app.command("triage")(triage_cmd)
    app.command("ask")(ask_cmd)
    app.command("chat")(chat_cmd)
