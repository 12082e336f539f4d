"""The Corpus & settings page: corpus and index status, fetch and build with progress bars,
provider selection and health, and the installation checks."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.settings import Provider
from assistant.ui.context import AppContext
from assistant.ui.resources import settings_for
from assistant.ui.widgets import safe

__all__ = ["PROVIDER_HELP", "render_corpus_page"]

PROVIDER_HELP = {
    "none": "No language model: deterministic extraction, interview and template report.",
    "local": "Embedded Qwen2.5-Coder-1.5B via llama.cpp: offline, a few seconds per answer.",
    "openai": "Any OpenAI-compatible endpoint (ASSISTANT_LLM_BASE_URL / _API_KEY / _MODEL).",
    "ollama": "A local Ollama server (ASSISTANT_LLM_BASE_URL, ASSISTANT_LLM_MODEL).",
    "anthropic": "Anthropic API (ASSISTANT_LLM_API_KEY, ASSISTANT_LLM_MODEL).",
    "fake": "Scripted model for tests and demos.",
}


def _corpus_status(ctx: AppContext) -> None:
    from assistant.corpus import load_manifest
    from assistant.corpus.store import read_lock

    st.subheader("Legal corpus")
    source = ctx.settings.corpus_source_dir
    where = f"the local mirror {source}" if source else "the official EUR-Lex URLs"
    if st.button(f"Fetch the legal texts (from {where})", key="corpus_fetch"):
        _fetch(ctx)
    manifest = load_manifest()
    lock = read_lock(ctx.settings.corpus_dir)
    rows: dict[str, list[Any]] = {"source": [], "title": [], "state": [], "sha256": [], "from": []}
    for entry in manifest.sources:
        locked = lock.entries.get(entry.key)
        rows["source"].append(entry.key)
        rows["title"].append(entry.title)
        rows["state"].append("fetched" if locked else f"not fetched ({entry.status.value})")
        rows["sha256"].append(locked.sha256[:12] if locked else "")
        rows["from"].append(locked.origin if locked else "")
    fetched = sum(1 for e in manifest.sources if e.key in lock.entries)
    st.caption(
        f"{fetched} of {len(manifest.sources)} sources fetched into {ctx.settings.corpus_dir}. "
        "Without them the assistant cites from its own digest (summaries, not the official text)."
    )
    st.dataframe(rows, hide_index=True, width="stretch")
    if ctx.resources.corpus_ready():
        try:
            problems = ctx.resources.corpus().problems
        except Exception as exc:
            problems = {"corpus": f"{type(exc).__name__}: {exc}"}
        for key, problem in problems.items():
            st.error(f"{safe(key)}: {safe(problem)}")


class _Bar:
    """A progress bar fed by ``progress(done, total, message)`` (the corpus fetch's callback)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar = st.progress(0.0, text=label)

    def __call__(self, done: int, total: int | None = None, message: str | None = None) -> None:
        fraction = min(1.0, done / total) if total else 0.0
        self.bar.progress(fraction, text=safe(message or self.label))


def _fetch(ctx: AppContext) -> None:
    from assistant.corpus import fetch_sources

    update = _Bar("Fetching…")
    report = fetch_sources(ctx.settings, progress=update)
    for r in report.failed:
        st.error(f"{safe(r.key)}: {safe(r.error or 'failed')} — {safe(r.hint or '')}")
    done = sum(1 for r in report.results if r.status in ("fetched", "cached"))
    st.success(f"{done} sources ready in {report.seconds:.1f} s.")
    ctx.resources.reload()


def _index_status(ctx: AppContext) -> None:
    from assistant.index import index_status

    st.subheader("Search index")
    status = index_status(ctx.settings)
    if status.built:
        fresh = "up to date" if status.up_to_date else "out of date"
        st.markdown(
            f"Built {status.built_at:%Y-%m-%d %H:%M} · {status.chunks:,} chunks "
            f"({status.dense_chunks:,} embedded) · {fresh} · Chroma {status.chroma_mode}"
            if status.built_at
            else f"Built · {status.chunks:,} chunks · {fresh}"
        )
    else:
        st.markdown("Not built yet: free questions cannot search the law without it.")
    if status.reason:
        st.caption(safe(status.reason))
    st.caption(f"Retriever in this app: {ctx.resources.retriever_state()}")
    if st.button("Build the index", key="index_build"):
        from assistant.errors import AssistantError
        from assistant.index import build_index

        bar = st.progress(0.0, text="Building…")

        def progress(stage: str, done: int, total: int) -> None:
            bar.progress(min(1.0, done / total) if total else 0.0, text=f"{stage}: {done}/{total}")

        try:
            with st.spinner("Building the index (minutes on first build; keep this page open)…"):
                report = build_index(ctx.settings, progress=progress)
        except AssistantError as exc:
            st.error(safe(exc.message) + (f" — {safe(exc.hint)}" if exc.hint else ""))
            return
        st.success(f"Index ready: {report.chunks:,} chunks in {report.seconds:.0f} s.")
        ctx.resources.reload()


def _provider(ctx: AppContext) -> None:
    from assistant.llm import provider_health

    st.subheader("Language model")
    st.markdown(
        f"This session uses **{safe(ctx.provider)}**: {PROVIDER_HELP.get(ctx.provider, '')}"
    )
    st.caption(
        "Change it in the sidebar. Remote providers are configured with ASSISTANT_* settings."
    )
    if st.button("Check the provider", key="provider_check"):
        with st.spinner("Checking…"):
            health = provider_health(settings_for(ctx.settings, ctx.provider))
        text = safe(health.detail) + (f" · model {safe(health.model)}" if health.model else "")
        (st.success if health.ok else st.error)(text)


def _doctor(ctx: AppContext) -> None:
    from assistant.doctor import run_checks

    st.subheader("Installation")
    if st.button("Run the installation checks", key="doctor_run"):
        with st.spinner("Checking…"):
            checks = run_checks(ctx.settings, quick=True)
        for check in checks:
            icon = (
                ":green[ok]"
                if check.ok
                else (":orange[warning]" if check.optional else ":red[failed]")
            )
            fix = f" — *{safe(check.fix)}*" if check.fix else ""
            st.markdown(f"{icon} **{safe(check.name)}** — {safe(check.detail)}{fix}")
    with st.expander("Settings in effect"):
        st.json(ctx.settings.public_dict())


def render_corpus_page(ctx: AppContext) -> None:
    """The whole Corpus & settings page."""
    st.header("Corpus & settings")
    _corpus_status(ctx)
    _index_status(ctx)
    _provider(ctx)
    _doctor(ctx)
    st.caption(f"Providers: {', '.join(p.value for p in Provider)}.")
