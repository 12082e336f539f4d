"""Provision recall/precision with partial credit, and hallucinated-citation counting.

Credit of a cited ID ``p`` against a gold ID ``g`` (versions ignored, they are checked by the
resolver):

* 1.0 — ``p`` is ``g`` or more specific (``PLD_2024 Art 8(1)(a)`` for gold ``PLD_2024 Art 8(1)``);
* 0.5 — ``p`` is an ancestor of ``g`` inside the same article / recital / annex, e.g. the parent
  article (``PLD_2024 Art 8`` for gold ``PLD_2024 Art 8(1)(a)``);
* 0.0 — anything else, including a sibling (``Art 8(1)(b)``) or the bare act code.

Recall averages, over gold IDs, the best credit any cited ID earns; precision averages, over
cited IDs, the best credit against any gold ID. IDs of the Mozilla report/post are framework
references, not legal provisions, and are left out of precision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.vocabulary import ActCode, InvalidCitationId, ProvisionId, RefKind

__all__ = [
    "FRAMEWORK_ACTS",
    "HallucinationResult",
    "ProvisionResult",
    "count_hallucinations",
    "provision_credit",
    "score_provisions",
]

FRAMEWORK_ACTS = frozenset({ActCode.MOZILLA_REPORT, ActCode.MOZILLA_POST})


def _parse(text: str) -> ProvisionId | None:
    try:
        return ProvisionId.parse(text).without_version()
    except InvalidCitationId:
        return None


def provision_credit(cited: ProvisionId, gold: ProvisionId) -> float:
    """Credit of ``cited`` for ``gold`` (see the module docstring)."""
    p, g = cited.without_version(), gold.without_version()
    if p.is_within(g):
        return 1.0
    if p.kind is not RefKind.ACT and g.is_within(p) and p.is_within(g.top_level()):
        return 0.5
    return 0.0


@dataclass(frozen=True)
class ProvisionResult:
    """Recall/precision of cited provisions; None when there is nothing to measure."""

    recall: float | None
    precision: float | None
    missed: tuple[str, ...]  # gold IDs with no credit at all
    unsupported: tuple[str, ...]  # cited IDs with no credit against any gold ID


def score_provisions(cited: Iterable[str], gold: Iterable[str]) -> ProvisionResult:
    """Score cited IDs against gold IDs with partial credit."""
    gold_ids = [(g, pid) for g in dict.fromkeys(gold) if (pid := _parse(g)) is not None]
    cited_all = list(dict.fromkeys(cited))
    cited_ids = [(c, _parse(c)) for c in cited_all]

    def best_for_gold(g: ProvisionId) -> float:
        return max((provision_credit(p, g) for _, p in cited_ids if p is not None), default=0.0)

    def best_for_cited(p: ProvisionId | None) -> float:
        if p is None:
            return 0.0
        return max((provision_credit(p, g) for _, g in gold_ids), default=0.0)

    recall = None
    missed: list[str] = []
    if gold_ids:
        credits = [best_for_gold(g) for _, g in gold_ids]
        recall = sum(credits) / len(credits)
        missed = [text for (text, _), c in zip(gold_ids, credits, strict=True) if c == 0.0]
    judged = [(c, p) for c, p in cited_ids if p is None or p.act not in FRAMEWORK_ACTS]
    precision = None
    unsupported: list[str] = []
    if judged and gold_ids:
        credits = [best_for_cited(p) for _, p in judged]
        precision = sum(credits) / len(credits)
        unsupported = [c for (c, _), cr in zip(judged, credits, strict=True) if cr == 0.0]
    return ProvisionResult(recall, precision, tuple(missed), tuple(unsupported))


@dataclass(frozen=True)
class HallucinationResult:
    """Cited IDs that do not resolve (or do not even parse)."""

    total: int
    hallucinated: tuple[str, ...]

    @property
    def count(self) -> int:
        """Number of hallucinated IDs."""
        return len(self.hallucinated)

    @property
    def rate(self) -> float | None:
        """Share of cited IDs that are hallucinated; None if nothing was cited."""
        return self.count / self.total if self.total else None


def count_hallucinations(
    cited: Iterable[str], resolves: Callable[[str], bool]
) -> HallucinationResult:
    """IDs among ``cited`` that are malformed or that ``resolves`` rejects."""
    unique = list(dict.fromkeys(cited))
    bad = []
    for cid in unique:
        try:
            ok = ProvisionId.is_valid(cid) and resolves(cid)
        except Exception:  # a resolver failure on one ID must not sink the whole case
            ok = False
        if not ok:
            bad.append(cid)
    return HallucinationResult(len(unique), tuple(bad))
