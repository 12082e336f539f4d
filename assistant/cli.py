"""The ``assistant`` command line. The only place (with the UI) that prints.

Each layer contributes its commands through a ``register(app)`` function in its own ``cli``
module (``assistant.corpus.cli``, ``assistant.index.cli``, ...), so layers stay independent and
this file only wires them. Nothing heavy (torch, chromadb, llama_cpp) is imported here:
``assistant --help`` must stay fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer
from rich.console import Console

from assistant import __version__
from assistant.errors import AssistantError

app = typer.Typer(
    name="assistant",
    help=(
        "AI liability assistant: who is liable, under which EU or national regime, when an AI "
        "system causes harm along its value chain. First-pass analysis, not legal advice."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)

# Layer CLI modules, each with ``register(app: typer.Typer) -> None``. A missing module is
# skipped so the skeleton works while layers are being built.
LAYER_CLIS = (
    "assistant.doctor",
    "assistant.setup_cmd",
    "assistant.corpus.cli",
    "assistant.index.cli",
    "assistant.chain.cli",
    "assistant.evals.cli",
)


def _version_callback(value: bool) -> None:
    if value:
        console.print(f"assistant {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    """AI liability assistant."""


def _register_layers() -> None:
    for module_name in LAYER_CLIS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # layer not built yet
            raise
        module.register(app)


_register_layers()


def main() -> None:
    """Console-script entry point: run the app, turning our errors into clear messages."""
    try:
        app()
    except AssistantError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}")
        if exc.hint:
            err_console.print(f"[yellow]what to do:[/] {exc.hint}")
        sys.exit(2)


if __name__ == "__main__":
    main()
