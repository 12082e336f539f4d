"""Which citation IDs resolve: the corpus when it is available, else the ID grammar only.

The scorer takes a plain ``resolves(id) -> bool`` per case (the analysis date matters: an
``AI_ACT`` article may exist in one version and not in another). :func:`default_resolver`
builds that from ``assistant.corpus.load_corpus().resolves(id, as_of)``; when the corpus layer
or its data is missing it falls back to ``ProvisionId.is_valid`` and says so, because a
grammar-valid ID can still point at an article that does not exist (a weaker check).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from assistant.errors import AssistantError
from assistant.vocabulary import ActCode, ProvisionId

__all__ = ["Resolver", "ResolverFactory", "ResolverInfo", "default_resolver", "grammar_resolver"]

Resolver = Callable[[str], bool]
ResolverFactory = Callable[[date], Resolver]


@dataclass(frozen=True)
class ResolverInfo:
    """How citations were checked, for the report."""

    mode: str  # "corpus" | "grammar"
    note: str


def grammar_resolver(_as_of: date) -> Resolver:
    """Accept every ID that follows the grammar (says nothing about existence)."""
    return ProvisionId.is_valid


def default_resolver() -> tuple[ResolverFactory, ResolverInfo]:
    """Corpus-backed resolver if the corpus layer loads, else the grammar fallback."""
    try:
        load_corpus = importlib.import_module("assistant.corpus").load_corpus
        corpus = load_corpus()
        resolves = corpus.resolves
    except (ImportError, AttributeError, AssistantError, OSError) as exc:
        reason = exc.message if isinstance(exc, AssistantError) else f"{type(exc).__name__}: {exc}"
        return grammar_resolver, ResolverInfo(
            "grammar",
            "Citations were checked against the ID grammar only (the corpus could not be loaded: "
            f"{reason}). A grammar-valid ID may still name a provision that does not exist, so "
            "the hallucination counts are a lower bound.",
        )

    def factory(as_of: date) -> Resolver:
        def resolver(cid: str) -> bool:
            return bool(resolves(cid, as_of))

        return resolver

    note = "Citations were resolved against the corpus on each case's as_of date"
    try:
        acts = [a for a in ActCode if a is not ActCode.NATIONAL]
        full = [a.value for a in acts if corpus.has_full_text(a)]
        digest_only = [a.value for a in acts if a.value not in full]
    except Exception:  # an older corpus object without has_full_text: keep the plain note
        return factory, ResolverInfo("corpus", note + ".")
    if digest_only:
        note += (
            f" (full text: {', '.join(full) or 'none'}; digest only: {', '.join(digest_only)} - "
            "for those acts only IDs in the project digest resolve, as they would in the app; "
            "run `assistant corpus fetch` for the full trees)."
        )
    else:
        note += " (full text of every act)."
    return factory, ResolverInfo("corpus", note)
