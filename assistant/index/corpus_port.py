"""The one place the index talks to the corpus layer (an adapter, so the index keeps
working while the corpus API settles, and tests can hand in small trees)."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Protocol

from assistant.corpus.tree import ActTree
from assistant.errors import IndexBuildError
from assistant.settings import Settings

__all__ = ["CorpusLike", "TreeCorpus", "corpus_references", "load_trees"]


class CorpusLike(Protocol):
    """What the index needs from a corpus: its trees."""

    @property
    def trees(self) -> Sequence[ActTree]: ...


class TreeCorpus:
    """A corpus made of given trees (tests, tools)."""

    def __init__(self, trees: Sequence[ActTree]) -> None:
        self._trees = list(trees)

    @property
    def trees(self) -> Sequence[ActTree]:
        """The trees."""
        return self._trees


def load_trees(settings: Settings, corpus: CorpusLike | None = None) -> list[ActTree]:
    """The trees of ``corpus``, or of the corpus layer's ``load_corpus(settings)``."""
    if corpus is not None:
        return list(corpus.trees)
    try:
        module = importlib.import_module("assistant.corpus")
        loader = module.load_corpus
    except (ImportError, AttributeError) as exc:
        raise IndexBuildError(
            "the corpus layer (assistant.corpus.load_corpus) is not available",
            hint="update the project; run `assistant corpus fetch` first",
        ) from exc
    loaded: Any = loader(settings)
    return list(loaded.trees)


def corpus_references(text: str) -> list[str]:
    """Canonical IDs the corpus layer's resolver finds in ``text`` (empty if it has none)."""
    try:
        module = importlib.import_module("assistant.corpus")
        finder = module.find_references
    except (ImportError, AttributeError):
        return []
    out: list[str] = []
    try:
        for ref in finder(text):
            pid = getattr(ref, "id", None) or getattr(ref, "canonical", None)
            if isinstance(pid, str) and not getattr(ref, "reason", None):
                out.append(pid)
    except Exception:  # the resolver is advisory here; our own parser still runs
        return []
    return out
