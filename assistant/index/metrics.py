"""Retrieval metrics over citation IDs (pure; the eval harness reuses them).

Two levels (VOCABULARY.md, retrieval QA):

* **article level**: every ID counts as its article / recital / annex / top section
  (``ProvisionId.top_level()``); a ranked list of chunk IDs becomes a ranked list of distinct
  top-level provisions (first occurrence wins) before scoring.
* **paragraph level**: a retrieved ID matches a gold ID when one lies within the other
  ("PLD_2024 Art 8(1)" matches gold "PLD_2024 Art 8(1)(c)" and vice versa), but an article-level
  hit does not match a paragraph-level gold.

Versions are ignored (``AI_ACT@2024-07-12 Recital 97`` counts as ``AI_ACT Recital 97``):
the QA set asks about the law, not about a text version.

``recall_at_k`` is the share of the gold provisions found in the top k (averaged over
questions); ``hit_at_k`` is 1 when any gold provision is there; ``mrr_at_k`` is the reciprocal
rank of the first gold provision within the top k.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import fmean

from assistant.vocabulary import InvalidCitationId, ProvisionId, RefKind

__all__ = [
    "Level",
    "aggregate",
    "hit_at_k",
    "mrr_at_k",
    "normalise",
    "rank_list",
    "recall_at_k",
]

Level = str  # "article" | "paragraph"


def normalise(pid: str, level: Level = "article") -> str:
    """The ID compared at ``level``: version dropped, top-level for article level."""
    try:
        parsed = ProvisionId.parse(pid).without_version()
    except InvalidCitationId:
        return pid.strip()
    if level == "article":
        parsed = parsed.top_level()
    return parsed.format()


def rank_list(ids: Iterable[str], level: Level = "article") -> list[str]:
    """Retrieved IDs as a ranked list at ``level``, duplicates removed (first wins)."""
    return list(dict.fromkeys(normalise(i, level) for i in ids))


def _matches(retrieved: str, gold: str, level: Level) -> bool:
    if level == "article":
        return retrieved == gold
    if retrieved == gold:
        return True
    try:
        r, g = ProvisionId.parse(retrieved), ProvisionId.parse(gold)
    except InvalidCitationId:
        return False
    if r.is_within(g):
        return True
    # A broader hit matches a narrower gold only below the top level: a whole-article hit
    # is not paragraph-level evidence for "Art 8(1)(c)".
    if g.is_within(r):
        return r != r.top_level() or r.kind is RefKind.RECITAL
    return False


def _first_rank(ranked: Sequence[str], gold: set[str], level: Level) -> int | None:
    for i, rid in enumerate(ranked, 1):
        if any(_matches(rid, g, level) for g in gold):
            return i
    return None


def recall_at_k(
    retrieved: Sequence[str], gold: Iterable[str], k: int, level: Level = "article"
) -> float:
    """Share of gold provisions matched by the top ``k`` of the ranked list."""
    gold_set = {normalise(g, level) for g in gold}
    if not gold_set:
        return 0.0
    top = rank_list(retrieved, level)[:k]
    found = sum(1 for g in gold_set if any(_matches(r, g, level) for r in top))
    return found / len(gold_set)


def hit_at_k(
    retrieved: Sequence[str], gold: Iterable[str], k: int, level: Level = "article"
) -> float:
    """1.0 if any gold provision is in the top ``k``, else 0.0."""
    gold_set = {normalise(g, level) for g in gold}
    top = rank_list(retrieved, level)[:k]
    return 1.0 if _first_rank(top, gold_set, level) is not None else 0.0


def mrr_at_k(
    retrieved: Sequence[str], gold: Iterable[str], k: int, level: Level = "article"
) -> float:
    """Reciprocal rank of the first gold provision within the top ``k`` (0 if none)."""
    gold_set = {normalise(g, level) for g in gold}
    rank = _first_rank(rank_list(retrieved, level)[:k], gold_set, level)
    return 1.0 / rank if rank else 0.0


def aggregate(
    runs: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    level: Level = "article",
    k_recall: int = 5,
    k_mrr: int = 10,
) -> dict[str, float]:
    """Mean recall@k, hit@k and MRR@k over (retrieved, gold) pairs, plus the count."""
    if not runs:
        return {"n": 0, f"recall@{k_recall}": 0.0, f"hit@{k_recall}": 0.0, f"mrr@{k_mrr}": 0.0}
    return {
        "n": float(len(runs)),
        f"recall@{k_recall}": fmean(recall_at_k(r, g, k_recall, level) for r, g in runs),
        f"hit@{k_recall}": fmean(hit_at_k(r, g, k_recall, level) for r, g in runs),
        f"mrr@{k_mrr}": fmean(mrr_at_k(r, g, k_mrr, level) for r, g in runs),
    }
