"""Expensive shared resources, loaded once per process and in the background.

``resources(settings)`` is an ``st.cache_resource`` singleton per configuration. Creating it
starts loading the corpus on a worker thread and returns at once, so the first page renders
while it loads; the retriever (torch/ONNX, seconds) starts loading when a page that can use it
is shown. A control that needs one waits for it under a spinner. The chat model is built per provider on demand (building never loads the
embedded weights; the first call does).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.settings import Provider, Settings

if TYPE_CHECKING:
    from assistant.corpus import Corpus
    from assistant.llm import ModelSelection

__all__ = ["Resources", "resources", "settings_for"]

log = logging.getLogger(__name__)


def settings_for(settings: Settings, provider: str | None) -> Settings:
    """``settings`` with the session's provider (unknown names keep the configured one)."""
    if not provider or provider == settings.provider.value:
        return settings
    try:
        return settings.model_copy(update={"provider": Provider(provider)})
    except ValueError:
        return settings


class Resources:
    """Corpus, retriever and chat models for one configuration; thread-safe."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="assistant-load")
        self._lock = threading.Lock()
        self._models: dict[str, ModelSelection] = {}
        self._corpus: Future[Corpus] = self._pool.submit(self._load_corpus)
        self._retriever: Future[Any] | None = None  # started by the first page that needs it

    # -- corpus ---------------------------------------------------------------------------
    def _load_corpus(self) -> Corpus:
        from assistant.corpus import load_corpus

        return load_corpus(self.settings)

    def corpus_ready(self) -> bool:
        """True once the corpus finished loading (successfully or not)."""
        return self._corpus.done()

    def corpus(self, timeout: float | None = None) -> Corpus:
        """The corpus (waits for the background load; re-raises its error)."""
        return self._corpus.result(timeout)

    def reload(self) -> None:
        """Load the corpus again and forget the retriever (after a fetch or an index build)."""
        with self._lock:
            self._corpus = self._pool.submit(self._load_corpus)
            self._retriever = None

    # -- retriever ------------------------------------------------------------------------
    def start_retriever(self) -> None:
        """Load the retriever in the background (after the corpus) if none is loading."""
        with self._lock:
            if self._retriever is None:
                self._retriever = self._pool.submit(self._load_retriever)

    def _load_retriever(self) -> Any | None:
        from assistant.index import get_retriever
        from assistant.index.layout import read_current

        if read_current(self.settings.index_dir) is None:
            return None  # no index built: free questions say so instead of waiting
        retriever = get_retriever(self.settings)
        try:
            retriever.search("warm-up: product liability", k=1)  # loads the embedder now
        except Exception as exc:  # the real question will report it
            log.warning("retriever warm-up failed: %s", exc)
        return retriever

    def retriever_state(self) -> str:
        """``not loaded``, ``loading``, ``ready``, ``not built`` or ``failed``."""
        future = self._retriever
        if future is None:
            return "not loaded"
        if not future.done():
            return "loading"
        if future.exception() is not None:
            return "failed"
        return "not built" if future.result() is None else "ready"

    def retriever(self, timeout: float | None = None) -> Any | None:
        """The retriever, or None when no index is built or it failed to load."""
        future = self._retriever
        if future is None:
            return None
        try:
            return future.result(timeout)
        except Exception as exc:
            log.warning("retriever unavailable: %s", exc)
            return None

    # -- chat models ----------------------------------------------------------------------
    def model(self, provider: str) -> ModelSelection:
        """The chat model for ``provider`` (built once; never raises, may fall back to none)."""
        with self._lock:
            selection = self._models.get(provider)
            if selection is None:
                from assistant.llm import select_chat_model

                selection = select_chat_model(settings_for(self.settings, provider), provider)
                self._models[provider] = selection
            return selection


@st.cache_resource(show_spinner=False, max_entries=8)
def _resources(key: str, _settings: Settings) -> Resources:
    return Resources(_settings)


def resources(settings: Settings) -> Resources:
    """The process-wide resources for ``settings`` (created once, loads in the background)."""
    return _resources(settings.model_dump_json(), settings)
